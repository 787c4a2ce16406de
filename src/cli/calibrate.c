/* vanban calibrate [-o OUT.pdf] [--paper A4|A3|WxH] [--portrait]
 *                  [--offset X,Y] [--scale S]
 * A ruler page for printing onto pre-printed blanks (src/cert). */
#include "cert/cert.h"
#include "cli.h"
#include "font/font.h"
#include "pdf/pdf.h"
#include "util/util.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

static void usage(FILE *out)
{
    fputs("Cách dùng: vanban calibrate [-o KẾT_QUẢ.pdf] [--paper A4|A3|A5|RỘNGxCAO] [--portrait]\n"
          "                        [--offset X,Y] [--scale S]\n"
          "  In một trang có thước milimét và các dấu + cách mép giấy 30 mm để đo độ lệch của\n"
          "  máy in, rồi in giấy khen lên phôi in sẵn với --offset và --scale đúng.\n"
          "  Mặc định: calibrate.pdf, khổ A4 ngang; --portrait: khổ dọc. --offset/--scale: in\n"
          "  lại trang với chỉnh sửa đó để kiểm tra.\n",
          out);
}

int cli_calibrate(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"output", required_argument, NULL, 'o'}, {"paper", required_argument, NULL, 'p'},
        {"portrait", no_argument, NULL, 'P'},     {"offset", required_argument, NULL, 'x'},
        {"scale", required_argument, NULL, 's'},  {"font-family", required_argument, NULL, 'F'},
        {"help", no_argument, NULL, 'h'},         {NULL, 0, NULL, 0},
    };
    const char *output = "calibrate.pdf", *paper = "A4", *offset = NULL, *scale_s = NULL,
               *family = NULL;
    bool portrait = false;
    optind = 1;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, ":o:h", longopts, NULL)) != -1) {
        switch (c) {
        case 'o': output = optarg; break;
        case 'p': paper = optarg; break;
        case 'P': portrait = true; break;
        case 'x': offset = optarg; break;
        case 's': scale_s = optarg; break;
        case 'F': family = optarg; break;
        case 'h': usage(stdout); return VB_OK;
        case ':':
            fprintf(stderr, "vanban calibrate: lỗi: tùy chọn %s cần một giá trị\n",
                    argv[optind - 1]);
            return VB_EXIT_USAGE;
        default:
            fprintf(stderr, "vanban calibrate: lỗi: không có tùy chọn '%s'; xem 'vanban "
                            "calibrate --help'\n",
                    argv[optind - 1]);
            return VB_EXIT_USAGE;
        }
    }
    if (optind != argc) {
        fprintf(stderr, "vanban calibrate: lỗi: không nhận tệp '%s'; kết quả ghi bằng -o\n",
                argv[optind]);
        return VB_EXIT_USAGE;
    }
    double w, h, ox = 0, oy = 0, scale = 1;
    if (!cert_paper_parse(paper, &w, &h)) {
        fprintf(stderr, "vanban calibrate: lỗi: --paper \"%s\" không hợp lệ; dùng A4, A3, A5 "
                        "hoặc RỘNGxCAO tính bằng mm\n",
                paper);
        return VB_EXIT_USAGE;
    }
    if (portrait && w > h) {
        double t = w;
        w = h;
        h = t;
    }
    if (offset && !cert_offset_parse(offset, &ox, &oy)) {
        fprintf(stderr, "vanban calibrate: lỗi: --offset \"%s\" không hợp lệ; cần X,Y tính bằng "
                        "mm, ví dụ -1.5,2\n",
                offset);
        return VB_EXIT_USAGE;
    }
    if (scale_s) {
        char *end = NULL;
        scale = strtod(scale_s, &end);
        if (!end || end == scale_s || *end || !(scale >= 0.8 && scale <= 1.2)) {
            fprintf(stderr, "vanban calibrate: lỗi: --scale \"%s\" không hợp lệ; cần một tỉ lệ "
                            "từ 0.8 đến 1.2\n",
                    scale_s);
            return VB_EXIT_USAGE;
        }
    }

    vb_diag d;
    vb_diag_init(&d, stderr);
    vb_arena *strings = vb_arena_new();
    font_config fcfg = {0};
    char *conf = vb_path_join(VANBAN_FONTS_DIR, "vanban-fonts.conf");
    bool ok = font_config_load(&fcfg, strings, conf, &d);
    free(conf);
    font_set *fonts = NULL;
    page_doc *pd = NULL;
    if (ok) {
        if (family)
            fcfg.family[FONT_ROLE_SERIF] = family;
        fonts = font_set_new(&fcfg);
        pd = page_doc_new();
        pd->info.title = "Trang căn chỉnh máy in giấy khen";
        pd->info.creator = "vanban " VANBAN_VERSION;
        pd->info.lang = "vi";
        pdf_options popt = {.timestamp = vb_build_time()};
        ok = cert_calibrate_page(pd, fonts, w, h, ox, oy, scale, &d) &&
             pdf_write(pd, &popt, output, &d);
    }
    page_doc_free(pd);
    font_set_free(fonts);
    vb_arena_free(strings);
    if (ok)
        return VB_OK;
    return d.exit_code ? d.exit_code : VB_EXIT_INPUT;
}
