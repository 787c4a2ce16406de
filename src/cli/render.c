/* vanban render: Markdown → PDF. Parses arguments and runs the stages:
 * front matter → parse → layout (with the frame) → pdf. */
#include "cli.h"
#include "render_sets.h"
#include "data/data.h"
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
#include <unistd.h>

typedef struct render_opts {
    const char *input;
    const char *output;
    const char *data;  /* -d: the contest XML the template's tags read */
    const char *font_family;
    const char **sets; /* "KEY=VALUE" overrides of front-matter fields */
    size_t n_sets;
    cert_cli cert;     /* options of certificate templates */
    bool verbose;
} render_opts;

static int parse_args(int argc, char **argv, render_opts *o)
{
    static const struct option longopts[] = {
        {"output", required_argument, NULL, 'o'},
        {"data", required_argument, NULL, 'd'},
        {"font-family", required_argument, NULL, 'F'},
        {"set", required_argument, NULL, 'S'},
        {"verbose", no_argument, NULL, 'v'},
        {"help", no_argument, NULL, 'h'},
        CERT_CLI_LONGOPTS,
        {NULL, 0, NULL, 0},
    };
    memset(o, 0, sizeof *o);
    optind = 1;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, ":o:d:vh", longopts, NULL)) != -1) {
        switch (c) {
        case 'o':
        case 'd': {
            /* "-o ''" ended in "vanban: : lỗi", exit 3; a second -o
             * silently won over the first. */
            const char **slot = c == 'o' ? &o->output : &o->data;
            const char *what = c == 'o' ? "-o (tệp kết quả)" : "-d (tệp dữ liệu)";
            if (!*optarg || *slot) {
                fprintf(stderr, "vanban render: lỗi: %s %s\n", what,
                        *optarg ? "chỉ được ghi một lần" : "cần một tên tệp");
                return VB_EXIT_USAGE;
            }
            *slot = optarg;
            break;
        }
        case 'F': o->font_family = optarg; break;
        case 'S': {
            const char *eq = strchr(optarg, '=');
            if (!eq || eq == optarg) {
                fprintf(stderr, "vanban render: lỗi: --set cần dạng KHÓA=GIÁ_TRỊ, ví dụ "
                                "--set so_ky_hieu=56/KH-SNV\n");
                return VB_EXIT_USAGE;
            }
            /* A value typed in a terminal set to another encoding reached
             * the PDF stage as U+FFFD, blamed on the template. */
            size_t bad;
            if (!vb_utf8_valid(optarg, strlen(optarg), &bad)) {
                bool in_key = bad < (size_t)(eq - optarg);
                fprintf(stderr, "vanban render: lỗi: --set: %s có byte 0x%02X không hợp lệ trong "
                                "UTF-8; hãy gõ lại bằng UTF-8\n",
                        in_key ? "khóa" : "giá trị", (unsigned char)optarg[bad]);
                return VB_EXIT_USAGE;
            }
            size_t cap = o->n_sets;
            vb_grow((void **)&o->sets, &cap, o->n_sets + 1, sizeof *o->sets);
            o->sets[o->n_sets++] = optarg;
            break;
        }
        case 'v': o->verbose = true; break;
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
    /* A template read from standard input has no folder to put MẪU.pdf
     * beside: it was written to a file named "-.pdf". */
    if (strcmp(o->input, "-") == 0 && !o->output && !o->cert.split) {
        fprintf(stderr, "vanban render: lỗi: mẫu đọc từ đầu vào chuẩn (-) thì cần -o KẾT_QUẢ.pdf, "
                        "hoặc -o - để ghi PDF ra đầu ra chuẩn\n");
        return VB_EXIT_USAGE;
    }
    if (strcmp(o->input, "-") == 0 && o->data && strcmp(o->data, "-") == 0) {
        fprintf(stderr, "vanban render: lỗi: mẫu và dữ liệu (-d) không cùng đọc từ đầu vào chuẩn "
                        "được; ghi một trong hai ra tệp\n");
        return VB_EXIT_USAGE;
    }
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

/* What every document of one run shares: options, fonts, diagnostics. */
typedef struct render_run {
    const render_opts *o;
    vb_diag *d;
    font_set *fonts;
    vb_arena *strings;
    vb_contest *contest; /* -d, loaded, checked and with its results computed */
    int certificate_rc;  /* -1, or the outcome of a frame: certificate template */
    render_sets sets;    /* the --set options and which were taken */
} render_run;

/* A template's attachment ("kem_theo: [x.md]"): a bare file name or a path
 * below the template's folder, never absolute or with "..", like partials. */
static char *attachment_path(render_run *r, const char *tmpl, const fm_entry *e, size_t i,
                             const char *name)
{
    const char *file = vb_input_name(tmpl);
    int line = e->value ? e->line : e->item_lines ? e->item_lines[i] : e->line;
    int col = e->value ? e->col : e->item_cols ? e->item_cols[i] : 0;
    if (name[0] == '/' || strstr(name, "..")) {
        vb_error(r->d, file, line, col,
                 "kem_theo: \"%s\" không được dùng đường dẫn tuyệt đối hay \"..\"; đặt tệp "
                 "trong thư mục của mẫu",
                 name);
        return NULL;
    }
    char *dir = vb_dirname(tmpl);
    char *path = vb_path_join(dir, name);
    free(dir);
    /* Reported here, at the template's line, as a partial is: the read
     * itself would name only the file, with the system's English text. */
    if (access(path, R_OK) != 0) {
        vb_error(r->d, file, line, col, "kem_theo: không đọc được văn bản kèm theo \"%s\" (%s)",
                 name, path);
        free(path);
        return NULL;
    }
    char *tdir = vb_dirname(tmpl);
    bool inside = vb_path_within(tdir, path);
    free(tdir);
    if (!inside) {
        vb_error(r->d, file, line, col,
                 "kem_theo: \"%s\" là liên kết tới tệp ngoài thư mục của mẫu; chép tệp vào thư "
                 "mục của mẫu",
                 name);
        free(path);
        return NULL;
    }
    return path;
}

/* One document: front matter → frame → Markdown → layout. Its attachments
 * follow it, each starting on a new page with its own numbering. `depth`
 * limits attachments of attachments. Returns NULL after reporting. */
static page_doc *render_document(render_run *r, const char *path, bool main_doc, int depth)
{
    vb_diag *d = r->d;
    const char *file = vb_input_name(path); /* what messages call it */
    size_t len;
    char *text = vb_read_file(d, path, &len);
    /* As Windows editors save it: UTF-16 or UTF-8 with a byte-order mark. */
    if (text)
        text = vn_text_file_decode(text, &len, file, d);
    if (!text)
        return NULL;
    front_matter fm;
    md_doc *doc = NULL;
    page_doc *pages = NULL;
    bool ok = false;

    if (!front_matter_parse(&fm, text, len, file, d))
        goto done;
    if (main_doc && !render_sets_main(&r->sets, &fm, file))
        goto done;
    if (!main_doc)
        render_sets_attachment(&r->sets, &fm);
    if (!frame_check_field_shapes(&fm, file, d))
        goto done;
    vn_tone tone = VN_TONE_CLASSIC;
    const char *tone_name = front_matter_get(&fm, "tone");
    if (tone_name && !vn_tone_parse(tone_name, &tone)) {
        const fm_entry *te = front_matter_find(&fm, "tone");
        vb_error(d, file, te ? te->line : 0, front_matter_col(&fm, "tone"),
                 "tone: \"%s\" không hợp lệ; dùng classic, modern hoặc keep", tone_name);
        goto done;
    }
    /* A certificate template expands its fields once per certificate. */
    const char *frame_name = front_matter_get(&fm, "frame");
    if (main_doc && frame_name && strcmp(frame_name, "certificate") == 0) {
        r->certificate_rc = render_certificate(path, text, len, &fm, tone, r->contest, r->fonts,
                                               r->o->output, &r->o->cert, d);
        goto done;
    }
    if (main_doc && r->o->cert.any) {
        vb_error(d, file, 0, 0,
                 "--only, --split, --background, --no-background, --offset, --scale và "
                 "--register chỉ dùng cho mẫu giấy khen (frame: certificate)");
        d->exit_code = VB_EXIT_USAGE;
        goto done;
    }
    /* expand: the front matter's fields first (the body may read them as
     * $name), then the body, both against the data. */
    xmlDocPtr xdoc = r->contest ? vb_contest_doc(r->contest) : NULL;
    char *dir = vb_dirname(path);
    bool told_no_data = false;
    tmpl_line_map lines = {0};
    md_values values = {0};
    /* persons' names keep their tone marks (docs/tone-marks.md) */
    tmpl_names *names = xdoc ? tmpl_names_new(xdoc, vb_contest_name_node) : NULL;
    tmpl_options topt = {.dir = dir, .tone = tone, .names = names, .values = &values,
                         .vars = &fm, .told_no_data = &told_no_data, .line_map = &lines};
    vb_buf body;
    vb_buf_init(&body);
    bool expanded = tmpl_expand_front_matter(&fm, file, xdoc, NULL, &topt, d) &&
                    tmpl_expand(text + fm.body_offset, len - fm.body_offset, file, fm.body_line,
                                1, xdoc, NULL, &topt, &body, d);
    free(dir);
    tmpl_names_free(names);
    if (!expanded) {
        vb_buf_free(&body);
        tmpl_line_map_free(&lines);
        md_values_free(&values);
        goto done;
    }
    frame_spec frame;
    official_fields official;
    if (!frame_from_front_matter(&frame, &official, &fm, file, r->strings, d)) {
        vb_buf_free(&body);
        tmpl_line_map_free(&lines);
        md_values_free(&values);
        goto done;
    }
    doc = md_parse_mapped(body.data ? body.data : "", body.len, file, lines.line, lines.n,
                          &values, d);
    vb_buf_free(&body);
    tmpl_line_map_free(&lines);
    md_values_free(&values);
    if (!doc)
        goto done;
    /* A plain document with nothing in it printed a blank page, exit 0: the
     * wrong file given, or sections the data left all empty. */
    if (frame.kind == FRAME_PLAIN && doc->root.n_children == 0 && doc->n_footnotes == 0) {
        vb_error(d, file, fm.body_line, 0,
                 "văn bản không có nội dung để in (phần nội dung trống, hoặc trống với dữ liệu "
                 "này); kiểm tra lại tệp mẫu");
        goto done;
    }
    md_apply_tone(doc, tone);

    page_doc_info info;
    doc_info(&fm, doc, &info, r->strings);
    pages = layout_document(doc, &frame, r->fonts, &info, d);
    if (!pages)
        goto done;

    const fm_entry *att = front_matter_find(&fm, "kem_theo");
    size_t n_att = att ? (att->value ? 1 : att->n_items) : 0;
    if (n_att && depth >= 2) {
        vb_error(d, file, att->value ? att->line : att->item_lines[0],
                 att->value ? att->col : att->item_cols[0],
                 "kem_theo: văn bản kèm theo không được có văn bản kèm theo lồng quá hai mức");
        goto done;
    }
    for (size_t i = 0; i < n_att; i++) {
        char *apath = attachment_path(r, path, att, i, att->value ? att->value : att->items[i]);
        page_doc *more = apath ? render_document(r, apath, false, depth + 1) : NULL;
        free(apath);
        if (!more)
            goto done;
        page_doc_append(pages, more);
    }
    if (main_doc && !render_sets_check(&r->sets, &fm, file))
        goto done;
    ok = true;
done:
    if (!ok) {
        page_doc_free(pages);
        pages = NULL;
    }
    md_doc_free(doc);
    front_matter_free(&fm);
    free(text);
    return pages;
}

static int run(const render_opts *o, vb_diag *d)
{
    int rc = VB_EXIT_INPUT;
    page_doc *pages = NULL;
    char *out_path = NULL;
    /* A contest's tree, model, results and the pages made from them: about
     * 20 bytes of heap per byte of XML (docs/performance.md). */
    const char *inputs[] = {o->input, o->data};
    vb_heap_reserve(vb_heap_estimate(inputs, 2, 20));
    render_run r = {.o = o, .d = d, .strings = vb_arena_new(), .certificate_rc = -1,
                    .sets = {.items = o->sets, .n = o->n_sets, .d = d,
                             .used = vb_xcalloc(o->n_sets ? o->n_sets : 1, sizeof(bool))}};

    font_config fcfg = {0};
    char *conf = vb_path_join(VANBAN_FONTS_DIR, "vanban-fonts.conf");
    bool conf_ok = font_config_load(&fcfg, r.strings, conf, d);
    free(conf);
    if (!conf_ok)
        goto done;
    if (o->font_family)
        fcfg.family[FONT_ROLE_SERIF] = o->font_family;
    r.fonts = font_set_new(&fcfg);
    if (o->data) {
        r.contest = vb_contest_prepare_tree(d, o->data);
        if (!r.contest)
            goto done;
    }

    pages = render_document(&r, o->input, true, 0);
    if (r.certificate_rc >= 0) {
        rc = r.certificate_rc;
        goto done;
    }
    if (!pages)
        goto done;
    out_path = o->output ? vb_xstrdup(o->output) : default_output(o->input);
    pdf_options popt = {.timestamp = vb_build_time()};
    if (pdf_write(pages, &popt, out_path, d)) {
        rc = VB_OK;
        font_face *body = font_set_face(r.fonts, FONT_ROLE_SERIF, FONT_REGULAR, d);
        vb_note(d, "phông chữ: %s", body ? font_face_path(body) : "?");
        vb_note(d, "đã ghi %s: %zu trang", strcmp(out_path, "-") ? out_path : "(đầu ra chuẩn)",
                pages->n_pages);
    }
done:
    if (rc != VB_OK && d->exit_code != VB_OK)
        rc = d->exit_code;
    free(out_path);
    page_doc_free(pages);
    font_set_free(r.fonts);
    vb_contest_free(r.contest);
    vb_arena_free(r.strings);
    free(r.sets.used);
    return rc;
}

int cli_render(int argc, char **argv)
{
    render_opts o;
    int rc = parse_args(argc, argv, &o);
    if (rc != VB_OK) {
        /* --help, or a usage error after some --set (each return of
         * parse_args leaving them to free was a leak) */
        free(o.sets);
        return rc == -1 ? VB_OK : rc;
    }
    vb_diag d;
    vb_diag_init(&d, stderr);
    d.verbose = o.verbose;
    rc = run(&o, &d);
    free(o.sets);
    return rc;
}
