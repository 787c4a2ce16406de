/* vanban render: Markdown → PDF. Parses arguments and runs the stages:
 * front matter → parse → layout (with the frame) → pdf. */
#include "cli.h"
#include "font/font.h"
#include "frame/frame.h"
#include "layout/layout.h"
#include "md/md.h"
#include "pdf/pdf.h"
#include "tmpl/tmpl.h"
#include "util/util.h"
#include "vn/vn.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

typedef struct render_opts {
    const char *input;
    const char *output;
    const char *font_family;
    const char **sets; /* "KEY=VALUE" overrides of front-matter fields */
    size_t n_sets;
    const char *data;  /* -d DATA.xml */
    cert_cli cert;     /* options of certificate templates */
    bool verbose;
} render_opts;

static int parse_args(int argc, char **argv, render_opts *o)
{
    static const struct option longopts[] = {
        {"output", required_argument, NULL, 'o'},
        {"font-family", required_argument, NULL, 'F'},
        {"set", required_argument, NULL, 'S'},
        {"verbose", no_argument, NULL, 'v'},
        {"help", no_argument, NULL, 'h'},
        {"data", required_argument, NULL, 'd'},
        CERT_CLI_LONGOPTS,
        {NULL, 0, NULL, 0},
    };
    memset(o, 0, sizeof *o);
    optind = 1;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, ":o:d:vh", longopts, NULL)) != -1) {
        switch (c) {
        case 'o': o->output = optarg; break;
        case 'F': o->font_family = optarg; break;
        case 'S': {
            const char *eq = strchr(optarg, '=');
            if (!eq || eq == optarg) {
                fprintf(stderr, "vanban render: lỗi: --set cần dạng KHÓA=GIÁ_TRỊ, ví dụ "
                                "--set so_ky_hieu=56/KH-SNV\n");
                free(o->sets);
                o->sets = NULL;
                return VB_EXIT_USAGE;
            }
            size_t cap = o->n_sets;
            vb_grow((void **)&o->sets, &cap, o->n_sets + 1, sizeof *o->sets);
            o->sets[o->n_sets++] = optarg;
            break;
        }
        case 'v': o->verbose = true; break;
        case 'd': o->data = optarg; break;
        case 'h': cli_usage(stdout); return -1;
        case ':':
            fprintf(stderr, "vanban render: lỗi: tùy chọn %s cần một giá trị\n", argv[optind - 1]);
            return VB_EXIT_USAGE;
        default:
            if (cert_cli_option(c, optarg, &o->cert))
                break;
            fprintf(stderr, "vanban render: lỗi: không có tùy chọn '%s'; xem 'vanban --help'\n",
                    argv[optind - 1]);
            return VB_EXIT_USAGE;
        }
    }
    if (optind != argc - 1) {
        fprintf(stderr, "vanban render: lỗi: cần đúng một tệp Markdown; xem 'vanban --help'\n");
        return VB_EXIT_USAGE;
    }
    o->input = argv[optind];
    return VB_OK;
}

/* out.pdf beside the input: "a/b.md" → "a/b.pdf". */
static char *default_output(const char *input)
{
    vb_buf b;
    vb_buf_init(&b);
    const char *slash = strrchr(input, '/');
    const char *dot = strrchr(input, '.');
    size_t stem = dot && (!slash || dot > slash) ? (size_t)(dot - input) : strlen(input);
    vb_buf_append(&b, input, stem);
    vb_buf_puts(&b, ".pdf");
    return vb_buf_take(&b);
}

/* The document's Info: front matter first, then the first heading. */
static void doc_info(const front_matter *fm, const md_doc *doc, page_doc_info *info,
                     vb_arena *a)
{
    memset(info, 0, sizeof *info);
    info->title = front_matter_get(fm, "title");
    if (!info->title)
        info->title = front_matter_get(fm, "trich_yeu");
    for (size_t i = 0; !info->title && i < doc->root.n_children; i++)
        if (doc->root.children[i].kind == MD_HEADING)
            info->title = md_inline_text(a, doc->root.children[i].inl,
                                         doc->root.children[i].n_inl);
    info->author = front_matter_get(fm, "author");
    if (!info->author)
        info->author = front_matter_get(fm, "co_quan_ban_hanh");
    info->subject = front_matter_get(fm, "subject");
    info->keywords = front_matter_get(fm, "keywords");
    info->creator = "vanban " VANBAN_VERSION;
    info->lang = front_matter_get(fm, "lang");
    if (!info->lang)
        info->lang = "vi";
}

static int run(const render_opts *o, vb_diag *d)
{
    size_t len;
    char *text = vb_read_file(d, o->input, &len);
    if (!text)
        return d->exit_code;
    int rc = VB_EXIT_INPUT;
    front_matter fm;
    md_doc *doc = NULL;
    page_doc *pages = NULL;
    font_set *fonts = NULL;
    vb_arena *strings = vb_arena_new();
    char *out_path = NULL;

    if (!front_matter_parse(&fm, text, len, o->input, d))
        goto done;
    for (size_t i = 0; i < o->n_sets; i++) {
        const char *eq = strchr(o->sets[i], '=');
        char *key = vb_xstrndup(o->sets[i], (size_t)(eq - o->sets[i]));
        front_matter_set(&fm, key, eq + 1);
        free(key);
    }
    frame_spec frame;
    official_fields official;
    if (!frame_from_front_matter(&frame, &official, &fm, o->input, strings, d))
        goto done;
    if (frame.kind == FRAME_CERTIFICATE) {
        rc = render_certificate(o->input, text, len, &fm, o->data, o->output, o->font_family,
                                &o->cert, d);
        goto done;
    }
    if (o->cert.any || o->data) {
        vb_error(d, o->input, 0, 0,
                 "%s chỉ dùng cho mẫu giấy khen (frame: certificate)",
                 o->data ? "-d" : "--only, --split, --background, --no-background, --offset, "
                                  "--scale và --register");
        goto done;
    }
    doc = md_parse(text + fm.body_offset, len - fm.body_offset, o->input, fm.body_line, d);
    if (!doc)
        goto done;
    vn_tone tone = VN_TONE_CLASSIC;
    const char *tone_name = front_matter_get(&fm, "tone");
    if (tone_name)
        vn_tone_parse(tone_name, &tone); /* checked by frame_from_front_matter */
    md_apply_tone(doc, tone);

    font_config fcfg = {0};
    char *conf = vb_path_join(VANBAN_FONTS_DIR, "vanban-fonts.conf");
    bool conf_ok = font_config_load(&fcfg, strings, conf, d);
    free(conf);
    if (!conf_ok)
        goto done;
    if (o->font_family)
        fcfg.family[FONT_ROLE_SERIF] = o->font_family;
    fonts = font_set_new(&fcfg);

    page_doc_info info;
    doc_info(&fm, doc, &info, strings);
    pages = layout_document(doc, &frame, fonts, &info, d);
    if (!pages)
        goto done;

    out_path = o->output ? vb_xstrdup(o->output) : default_output(o->input);
    pdf_options popt = {.timestamp = vb_build_time()};
    if (pdf_write(pages, &popt, out_path, d))
        rc = VB_OK;
done:
    if (rc != VB_OK && d->exit_code != VB_OK)
        rc = d->exit_code;
    free(out_path);
    page_doc_free(pages);
    font_set_free(fonts);
    md_doc_free(doc);
    front_matter_free(&fm);
    vb_arena_free(strings);
    free(text);
    return rc;
}

int cli_render(int argc, char **argv)
{
    render_opts o;
    int rc = parse_args(argc, argv, &o);
    if (rc == -1)
        return VB_OK;
    if (rc != VB_OK)
        return rc;
    vb_diag d;
    vb_diag_init(&d, stderr);
    d.verbose = o.verbose;
    rc = run(&o, &d);
    free(o.sets);
    return rc;
}
