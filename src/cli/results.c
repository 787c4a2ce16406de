/* vanban results DATA.xml [--format text|csv|xml] [--decimal-comma]: compute
 * and print the results of a contest (ranking, prizes, statistics). */
#include "cli.h"
#include "data/data.h"
#include "util/util.h"

#include <string.h>

int cli_results(int argc, char **argv)
{
    const char *path = NULL, *format = "text";
    bool decimal_comma = false;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
            puts("Cách dùng: vanban results DỮ_LIỆU.xml [--format text|csv|xml] [--decimal-comma]\n"
                 "  Tính kết quả hội thi từ dữ liệu: điểm từng phần thi, tổng điểm, điều kiện,\n"
                 "  xếp hạng, giải thưởng, thống kê tham gia.\n"
                 "  text: bảng xếp hạng (mặc định); csv: bảng cho Excel (UTF-8 có BOM);\n"
                 "  xml: dữ liệu kèm kết quả trong phần tử <results>.\n"
                 "  --decimal-comma: trong csv, số thập phân viết bằng dấu phẩy (31,25) và cột\n"
                 "  ngăn bằng dấu chấm phẩy, cho máy đặt định dạng vùng Việt Nam; không có nó,\n"
                 "  Excel ở máy ấy coi 31.25 là chữ.");
            return VB_OK;
        }
        if (strcmp(argv[i], "--format") == 0 || strncmp(argv[i], "--format=", 9) == 0) {
            if (argv[i][8] == '=')
                format = argv[i] + 9;
            else if (i + 1 < argc)
                format = argv[++i];
            else {
                fputs("vanban: lỗi: --format cần một giá trị: text, csv hoặc xml\n", stderr);
                return VB_EXIT_USAGE;
            }
            if (strcmp(format, "text") && strcmp(format, "csv") && strcmp(format, "xml")) {
                fprintf(stderr, "vanban: lỗi: định dạng '%s' không có; chọn text, csv hoặc xml\n", format);
                return VB_EXIT_USAGE;
            }
            continue;
        }
        if (strcmp(argv[i], "--decimal-comma") == 0) {
            decimal_comma = true;
            continue;
        }
        if (argv[i][0] == '-' && argv[i][1] != '\0') {
            fprintf(stderr, "vanban: lỗi: results không có tùy chọn '%s'; xem 'vanban results --help'\n",
                    argv[i]);
            return VB_EXIT_USAGE;
        }
        if (path) {
            fputs("vanban: lỗi: results nhận đúng một tệp dữ liệu\n", stderr);
            return VB_EXIT_USAGE;
        }
        path = argv[i];
    }
    if (decimal_comma && strcmp(format, "csv") != 0) {
        fputs("vanban: lỗi: --decimal-comma chỉ dùng với --format csv\n", stderr);
        return VB_EXIT_USAGE;
    }
    if (!path) {
        fputs("vanban: lỗi: thiếu tệp dữ liệu; cách dùng: vanban results DỮ_LIỆU.xml\n", stderr);
        return VB_EXIT_USAGE;
    }
    /* As check, plus the results (and for xml the output formatted while
     * reading): about 4 bytes of heap per byte of XML (docs/performance.md). */
    vb_heap_reserve(vb_heap_estimate(&path, 1, 4));
    vb_diag d;
    vb_diag_init(&d, stderr);
    vb_contest *c = strcmp(format, "xml") == 0 ? vb_contest_prepare_xml(&d, path) : vb_contest_prepare(&d, path);
    if (!c)
        return d.exit_code ? d.exit_code : VB_EXIT_INPUT;
    vb_buf out;
    vb_buf_init(&out);
    int rc = VB_OK;
    if (strcmp(format, "csv") == 0)
        vb_results_csv(c, &out, decimal_comma ? ',' : '.');
    else if (strcmp(format, "xml") == 0) {
        if (!vb_results_xml_write(c, stdout))
            rc = VB_EXIT_IO;
    } else
        vb_results_text(c, &out);
    if (rc == VB_OK && out.len && fwrite(out.data, 1, out.len, stdout) != out.len)
        rc = VB_EXIT_IO;
    if (fflush(stdout) != 0 || ferror(stdout) || rc != VB_OK) {
        vb_error_io(&d, NULL, "không ghi được kết quả ra đầu ra chuẩn");
        rc = VB_EXIT_IO;
    }
    vb_buf_free(&out);
    vb_contest_free(c);
    return rc;
}
