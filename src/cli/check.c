/* vanban check DATA.xml: load, validate and check a contest file; every
 * problem in one run, exit 1 if there is any. */
#include "cli.h"
#include "data/data.h"
#include "util/util.h"

#include <string.h>

int cli_check(int argc, char **argv)
{
    const char *path = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
            puts("Cách dùng: vanban check DỮ_LIỆU.xml\n"
                 "  Kiểm tra tệp dữ liệu hội thi: cú pháp XML, mô hình dữ liệu và ý nghĩa\n"
                 "  (mã tham chiếu, mã trùng, điểm ngoài khoảng, số giải, thứ tự ngày, nhóm).\n"
                 "  Báo mọi lỗi trong một lần chạy; mã thoát 1 nếu có lỗi.\n"
                 "  Cảnh báo (bài dự thi chưa có điểm, giải cá nhân cho bài không có tác giả,\n"
                 "  hai đơn vị trùng tên, hòa điểm chưa phân định…) không đổi mã thoát.");
            return VB_OK;
        }
        if (argv[i][0] == '-' && argv[i][1] != '\0') {
            fprintf(stderr, "vanban: lỗi: check không có tùy chọn '%s'; xem 'vanban check --help'\n", argv[i]);
            return VB_EXIT_USAGE;
        }
        if (path) {
            fputs("vanban: lỗi: check nhận đúng một tệp dữ liệu\n", stderr);
            return VB_EXIT_USAGE;
        }
        path = argv[i];
    }
    if (!path) {
        fputs("vanban: lỗi: thiếu tệp dữ liệu; cách dùng: vanban check DỮ_LIỆU.xml\n", stderr);
        return VB_EXIT_USAGE;
    }
    /* The model the streaming load builds: about 3 bytes of heap per byte
     * of XML (the file itself, read whole, is mapped apart when over 1 MB;
     * docs/performance.md). */
    vb_heap_reserve(vb_heap_estimate(&path, 1, 3));
    vb_diag d;
    vb_diag_init(&d, stderr);
    vb_diag_hold(&d); /* the schema's problems and the data's, in file order */
    vb_contest *c = vb_contest_load_for_check(&d, path);
    if (c) {
        /* Some warnings are about the results (an individual prize to a
         * submission without an author): a file without errors has them
         * computed, so that check says everything results and render -d
         * will say, the warnings about unsettled ties included. */
        if (vb_contest_check(c, &d) == 0 && d.errors == 0) {
            vb_results_compute(c, &d);
            vb_contest_check_results(c, &d);
        }
        vb_contest_free(c);
    }
    vb_diag_release(&d);
    /* "No error" alone after warnings would read as "nothing to see". */
    if (d.errors == 0 && d.warnings > 0)
        fprintf(stderr, "vanban: %s: không có lỗi, có %d cảnh báo\n", path, d.warnings);
    else if (d.errors == 0)
        fprintf(stderr, "vanban: %s: không có lỗi\n", path);
    return d.exit_code;
}
