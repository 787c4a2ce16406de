/* pdf: real PDFs checked with independent tools (poppler, mupdf, Ghostscript,
 * qpdf): text round trip of every Vietnamese letter in four styles, fonts
 * embedded as subsets, justified gaps, metadata, outline, reproducibility and
 * the errors that must leave no file behind. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "pdf/pdf.h"
#include "pdf/pdf_internal.h"
#include "child_fixture.h"

#include <dirent.h>
#include <sys/wait.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The 67 lowercase letters with diacritics (12 vowels x 5 tones, the 6
 * modified vowels, đ), typed by hand, one vowel per line with its capitals:
 * 134 letters. (Letters written one per word line up in columns, and
 * pdftotext's layout analysis then drops the spaces: a poppler heuristic,
 * not a property of the file, so each group is one word.) */
static const char *const letters[] = {
    "Chữ a: áàảãạ ÁÀẢÃẠ",
    "Chữ ă: ăắằẳẵặ ĂẮẰẲẴẶ",
    "Chữ â: âấầẩẫậ ÂẤẦẨẪẬ",
    "Chữ e: éèẻẽẹ ÉÈẺẼẸ",
    "Chữ ê: êếềểễệ ÊẾỀỂỄỆ",
    "Chữ i: íìỉĩị ÍÌỈĨỊ",
    "Chữ o: óòỏõọ ÓÒỎÕỌ",
    "Chữ ô: ôốồổỗộ ÔỐỒỔỖỘ",
    "Chữ ơ: ơớờởỡợ ƠỚỜỞỠỢ",
    "Chữ u: úùủũụ ÚÙỦŨỤ",
    "Chữ ư: ưứừửữự ƯỨỪỬỮỰ",
    "Chữ y: ýỳỷỹỵ ÝỲỶỸỴ",
    "Chữ đ: đ Đ",
    "Cộng hòa xã hội chủ nghĩa Việt Nam",
    "Độc lập – Tự do – Hạnh phúc",
    "“Số: 56/KH-SNV” … giá 100.000₫",
};
#define N_LINES (sizeof letters / sizeof letters[0])

typedef struct fixture {
    font_set *fs;
    vb_diag d;
    char *msg;
    size_t msg_len;
    FILE *out;
    char dir[64];
    char path[128];
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    f->out = open_memstream(&f->msg, &f->msg_len);
    vb_diag_init(&f->d, f->out);
    f->fs = font_set_new(NULL);
    strcpy(f->dir, "/tmp/vanban-test-pdf-XXXXXX");
    assert_non_null(mkdtemp(f->dir));
    /* Subset fonts go to $TMPDIR: the directory must be empty again after. */
    setenv("TMPDIR", f->dir, 1);
    snprintf(f->path, sizeof f->path, "%s/out.pdf", f->dir);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    char cmd[160];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
    assert_int_equal(system(cmd), 0);
    font_set_free(f->fs);
    fclose(f->out);
    free(f->msg);
    free(f);
    return 0;
}

static const char *messages(fixture *f)
{
    fflush(f->out);
    return f->msg ? f->msg : "";
}

/* Runs a shell command; returns its stdout (caller frees) and exit status. */
static char *run(const char *cmd, int *status)
{
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    vb_buf b;
    vb_buf_init(&b);
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, p)) > 0)
        vb_buf_append(&b, chunk, n);
    int st = pclose(p);
    if (status)
        *status = st;
    return vb_buf_take(&b);
}

static char *runf(int *status, const char *fmt, const char *a, const char *b)
{
    char cmd[512];
    snprintf(cmd, sizeof cmd, fmt, a, b);
    return run(cmd, status);
}

/* Lines trimmed, inner whitespace runs made one space, empty lines dropped:
 * the extractors differ only in layout spacing and blank lines. */
static char *normalize(const char *s)
{
    vb_buf b;
    vb_buf_init(&b);
    bool line_has = false, space = false;
    for (const char *p = s; *p; p++) {
        char ch = *p;
        if (ch == '\n' || ch == '\f' || ch == '\r') {
            if (line_has)
                vb_buf_putc(&b, '\n');
            line_has = space = false;
        } else if (ch == ' ' || ch == '\t') {
            space = line_has;
        } else {
            if (space)
                vb_buf_putc(&b, ' ');
            vb_buf_putc(&b, ch);
            line_has = true;
            space = false;
        }
    }
    if (line_has)
        vb_buf_putc(&b, '\n');
    return vb_buf_take(&b);
}

/* The value of "Key:   value" in pdfinfo's output (column width varies). */
static bool has_field(const char *out, const char *key, const char *value)
{
    char k[64];
    snprintf(k, sizeof k, "\n%s:", key);
    const char *p = strstr(out, k);
    if (!p && strncmp(out, k + 1, strlen(k + 1)) == 0)
        p = out - 1;
    if (!p)
        return false;
    p += strlen(k);
    p += strspn(p, " ");
    size_t n = strcspn(p, "\n");
    return n == strlen(value) && strncmp(p, value, n) == 0;
}

static const double A4_W = 595.276, A4_H = 841.89;

static page_item *add_text(page_doc *doc, vb_page *pg, font_face *face, double size, double x,
                           double y, const char *s)
{
    page_item *it = page_add_item(pg, ITEM_TEXT);
    it->u.text.face = face;
    it->u.text.size = size;
    it->u.text.x = x;
    it->u.text.y = y;
    it->u.text.utf8 = vb_arena_strdup(doc->arena, s);
    return it;
}

/* Four pages, one per style, each with every letter. */
static page_doc *letters_doc(fixture *f)
{
    page_doc *doc = page_doc_new();
    for (int s = 0; s < FONT_STYLE_COUNT; s++) {
        font_face *face = font_set_face(f->fs, FONT_ROLE_SERIF, (font_style)s, &f->d);
        assert_non_null(face);
        vb_page *pg = page_doc_add_page(doc, A4_W, A4_H);
        for (size_t i = 0; i < N_LINES; i++)
            add_text(doc, pg, face, 12, 72, 780 - 20.0 * (double)i, letters[i]);
    }
    doc->info.title = "Kế hoạch tổ chức Hội nghị tổng kết năm 2024";
    doc->info.author = "Sở Nội vụ tỉnh Bắc Ninh";
    doc->info.subject = "Thử nghiệm chữ Việt";
    doc->info.keywords = "kế hoạch, hội nghị";
    doc->info.creator = "vanban";
    doc->info.lang = "vi";
    outline_entry e[] = {
        {"Chương I. Quy định chung", 1, 0, 800},
        {"Điều 1. Phạm vi điều chỉnh", 2, 1, 700},
        {"Điều 2. Đối tượng áp dụng", 2, 2, 600},
        {"Chương II. Tổ chức thực hiện", 1, 3, 800},
    };
    for (size_t i = 0; i < sizeof e / sizeof e[0]; i++) {
        e[i].title = vb_arena_strdup(doc->arena, e[i].title);
        VB_PUSH(doc->outline, doc->n_outline, doc->cap_outline, e[i]);
    }
    return doc;
}

static char *expected_text(void)
{
    vb_buf b;
    vb_buf_init(&b);
    for (int s = 0; s < FONT_STYLE_COUNT; s++)
        for (size_t i = 0; i < N_LINES; i++)
            vb_buf_printf(&b, "%s\n", letters[i]);
    return vb_buf_take(&b);
}

static const pdf_options opts = {.timestamp = 1735732800}; /* 2025-01-01 12:00:00 UTC */

static bool dir_has_only(const char *dir, const char *name)
{
    DIR *dp = opendir(dir);
    assert_non_null(dp);
    bool ok = true;
    struct dirent *e;
    while ((e = readdir(dp)))
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..") &&
            (!name || strcmp(e->d_name, name)))
            ok = false;
    closedir(dp);
    return ok;
}

static void the_letters_are_134(void **state)
{
    (void)state;
    /* The test data itself: 134 distinct non-ASCII letters in the first 13 lines. */
    bool seen[0x2000] = {false};
    int distinct = 0;
    for (size_t i = 0; i < 13; i++) {
        const char *s = letters[i];
        size_t len = strlen(s), k = 0;
        while (k < len) {
            uint32_t cp;
            size_t n = vb_utf8_decode(s + k, len - k, &cp);
            assert_true(n > 0);
            k += n;
            if (cp < 0x80)
                continue;
            assert_true(cp >= 0xC0 && cp < 0x2000);
            if (!seen[cp])
                distinct++;
            seen[cp] = true;
        }
    }
    assert_int_equal(distinct, 134);
}

static void text_round_trips_in_three_extractors(void **state)
{
    fixture *f = *state;
    page_doc *doc = letters_doc(f);
    assert_true(pdf_write(doc, &opts, f->path, &f->d));
    assert_int_equal(f->d.errors, 0);
    assert_true(dir_has_only(f->dir, "out.pdf")); /* no subset fonts left */
    char *want = expected_text();
    const char *cmds[] = {
        "pdftotext -enc UTF-8 '%s' - 2>%s/stderr.txt",
        "mutool draw -q -F txt -o - '%s' 2>%s/stderr.txt",
        "gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=txtwrite -sOutputFile=- '%s' 2>%s/stderr.txt",
    };
    for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++) {
        int st;
        char *got = runf(&st, cmds[i], f->path, f->dir);
        assert_int_equal(st, 0);
        char *norm = normalize(got);
        if (strcmp(norm, want) != 0)
            fprintf(stderr, "command: %s\n--- got ---\n%s", cmds[i], norm);
        assert_string_equal(norm, want);
        free(norm);
        free(got);
        /* poppler's ToUnicode warnings (notes §4) must be gone. */
        char stderr_path[128];
        snprintf(stderr_path, sizeof stderr_path, "%s/stderr.txt", f->dir);
        struct stat sb;
        assert_int_equal(stat(stderr_path, &sb), 0);
        if (i == 0)
            assert_int_equal(sb.st_size, 0);
        unlink(stderr_path);
    }
    free(want);
    page_doc_free(doc);
}

static void structure_is_clean_and_fonts_are_subsets(void **state)
{
    fixture *f = *state;
    page_doc *doc = letters_doc(f);
    assert_true(pdf_write(doc, &opts, f->path, &f->d));
    int st;
    char *out = runf(&st, "qpdf --check '%s' 2>&1%s", f->path, "");
    assert_int_equal(st, 0);
    assert_non_null(strstr(out, "No syntax or stream encoding errors found"));
    free(out);

    out = runf(&st, "pdffonts '%s' 2>&1%s", f->path, "");
    assert_int_equal(st, 0);
    /* name type encoding emb sub uni object: four lines after the header. */
    int fonts = 0;
    for (char *line = strtok(out, "\n"); line; line = strtok(NULL, "\n")) {
        char name[128], type[32], sub2[32], enc[32], emb[8], sub[8], uni[8];
        if (strncmp(line, "name", 4) == 0 || strncmp(line, "----", 4) == 0)
            continue;
        assert_int_equal(sscanf(line, "%127s %31s %31s %31s %7s %7s %7s", name, type, sub2, enc,
                                emb, sub, uni),
                         7);
        assert_string_equal(type, "CID");
        assert_string_equal(sub2, "TrueType");
        assert_string_equal(emb, "yes");
        assert_string_equal(sub, "yes");
        assert_string_equal(uni, "yes");
        /* Six capital letters, '+', the PostScript name. */
        assert_int_equal(name[6], '+');
        for (int k = 0; k < 6; k++)
            assert_true(name[k] >= 'A' && name[k] <= 'Z');
        assert_non_null(strstr(name, "+LiberationSerif"));
        fonts++;
    }
    assert_int_equal(fonts, 4);
    free(out);
    page_doc_free(doc);
}

static void metadata_outline_and_lang(void **state)
{
    fixture *f = *state;
    page_doc *doc = letters_doc(f);
    assert_true(pdf_write(doc, &opts, f->path, &f->d));
    int st;
    char *out = runf(&st, "pdfinfo '%s' 2>&1%s", f->path, "");
    assert_int_equal(st, 0);
    assert_true(has_field(out, "Title", "Kế hoạch tổ chức Hội nghị tổng kết năm 2024"));
    assert_true(has_field(out, "Author", "Sở Nội vụ tỉnh Bắc Ninh"));
    assert_true(has_field(out, "Subject", "Thử nghiệm chữ Việt"));
    assert_true(has_field(out, "Keywords", "kế hoạch, hội nghị"));
    assert_true(has_field(out, "Creator", "vanban"));
    assert_true(has_field(out, "Producer", "vanban " VANBAN_VERSION));
    assert_true(has_field(out, "Pages", "4"));
    free(out);

    out = runf(&st, "pdfinfo -isodates '%s' 2>&1%s", f->path, "");
    assert_non_null(strstr(out, "2025-01-01T12:00:00"));
    assert_true(has_field(out, "CreationDate", "2025-01-01T12:00:00Z") ||
                has_field(out, "CreationDate", "2025-01-01T12:00:00+00"));
    free(out);

    out = runf(&st, "mutool show '%s' outline 2>&1%s", f->path, "");
    assert_int_equal(st, 0);
    char *ch1 = strstr(out, "Chương I. Quy định chung");
    char *d1 = strstr(out, "Điều 1. Phạm vi điều chỉnh");
    char *d2 = strstr(out, "Điều 2. Đối tượng áp dụng");
    char *ch2 = strstr(out, "Chương II. Tổ chức thực hiện");
    assert_true(ch1 && d1 && d2 && ch2 && ch1 < d1 && d1 < d2 && d2 < ch2);
    /* Nesting: the articles are indented deeper than the chapters. */
    char *line_d1 = d1;
    while (line_d1 > out && line_d1[-1] != '\n')
        line_d1--;
    char *line_ch1 = ch1;
    while (line_ch1 > out && line_ch1[-1] != '\n')
        line_ch1--;
    assert_true(d1 - line_d1 > ch1 - line_ch1);
    free(out);

    out = runf(&st, "mutool show '%s' trailer/Root/Lang 2>&1%s", f->path, "");
    assert_non_null(strstr(out, "(vi)"));
    free(out);
    page_doc_free(doc);
}

static void justified_gaps_are_as_asked(void **state)
{
    fixture *f = *state;
    page_doc *doc = page_doc_new();
    font_face *face = font_set_face(f->fs, FONT_ROLE_SERIF, FONT_REGULAR, &f->d);
    vb_page *pg = page_doc_add_page(doc, A4_W, A4_H);
    page_item *it = add_text(doc, pg, face, 12, 72, 700, "Một hai ba bốn");
    it->u.text.space_extra = 10;
    assert_true(pdf_write(doc, &opts, f->path, &f->d));
    int st;
    char *out = runf(&st, "pdftotext -bbox '%s' - 2>&1%s", f->path, "");
    assert_int_equal(st, 0);
    double xmin[8], xmax[8];
    int n = 0;
    for (char *p = strstr(out, "<word "); p && n < 8; p = strstr(p + 1, "<word ")) {
        assert_int_equal(sscanf(p, "<word xMin=\"%lf\" yMin=\"%*f\" xMax=\"%lf\"", &xmin[n],
                                &xmax[n]),
                         2);
        n++;
    }
    assert_int_equal(n, 4);
    assert_float_equal(xmin[0], 72.0, 0.01);
    /* Each gap: the space glyph (250/1000 em = 3 pt at 12 pt) + 10 pt. */
    for (int i = 1; i < n; i++)
        assert_float_equal(xmin[i] - xmax[i - 1], 13.0, 0.02);
    /* "Một" = M 889 + ộ 500 + t 277 (hmtx, by hand) = 1666 -> 19.992 pt. */
    assert_float_equal(xmax[0] - xmin[0], 19.992, 0.02);
    free(out);
    page_doc_free(doc);
}

static void same_input_same_bytes(void **state)
{
    fixture *f = *state;
    page_doc *doc = letters_doc(f);
    char second[160];
    snprintf(second, sizeof second, "%s/second.pdf", f->dir);
    assert_true(pdf_write(doc, &opts, f->path, &f->d));
    assert_true(pdf_write(doc, &opts, second, &f->d));
    int st;
    char *out = runf(&st, "cmp '%s' '%s'", f->path, second);
    assert_int_equal(st, 0);
    free(out);
    /* No temp path leaks into the file (font names come from the fonts). */
    out = runf(&st, "grep -c vanban-font '%s' %s", f->path, "");
    assert_string_equal(out, "0\n");
    free(out);
    page_doc_free(doc);
}

static void missing_image_is_an_error_and_no_file(void **state)
{
    fixture *f = *state;
    page_doc *doc = letters_doc(f);
    page_item *it = page_add_item(&doc->pages[0], ITEM_IMAGE);
    it->u.image.path = "/khong/co/anh.png";
    it->u.image.w = it->u.image.h = 10;
    assert_false(pdf_write(doc, &opts, f->path, &f->d));
    assert_non_null(strstr(messages(f), "/khong/co/anh.png"));
    assert_int_equal(f->d.exit_code, VB_EXIT_INPUT);
    assert_true(dir_has_only(f->dir, NULL));
    page_doc_free(doc);
}

static void unwritable_output_is_an_io_error(void **state)
{
    fixture *f = *state;
    page_doc *doc = letters_doc(f);
    assert_false(pdf_write(doc, &opts, "/khong-co-thu-muc/out.pdf", &f->d));
    assert_int_equal(f->d.exit_code, VB_EXIT_IO);
    assert_non_null(strstr(messages(f), "/khong-co-thu-muc/out.pdf"));
    assert_true(dir_has_only(f->dir, NULL)); /* subset fonts removed */
    page_doc_free(doc);
}

static void missing_glyph_names_the_character(void **state)
{
    fixture *f = *state;
    page_doc *doc = letters_doc(f);
    add_text(doc, &doc->pages[2], font_set_face(f->fs, FONT_ROLE_SERIF, FONT_ITALIC, &f->d), 12,
             72, 100, "Trung Quốc 中国");
    assert_false(pdf_write(doc, &opts, f->path, &f->d));
    const char *m = messages(f);
    assert_non_null(strstr(m, "ký tự \"中\" (U+4E2D) không có trong phông Liberation Serif"));
    assert_non_null(strstr(m, "Italic"));
    assert_int_equal(f->d.exit_code, VB_EXIT_INPUT);
    assert_true(dir_has_only(f->dir, NULL));
    page_doc_free(doc);

    doc = page_doc_new();
    add_text(doc, page_doc_add_page(doc, A4_W, A4_H),
             font_set_face(f->fs, FONT_ROLE_SERIF, FONT_REGULAR, &f->d), 12, 72, 100, "x 😀");
    assert_false(pdf_write(doc, &opts, f->path, &f->d));
    assert_non_null(strstr(messages(f), "(U+1F600)"));
    assert_true(dir_has_only(f->dir, NULL));
    page_doc_free(doc);
}

static void shapes_images_and_links(void **state)
{
    fixture *f = *state;
    /* Images made by an independent tool: pdftoppm renders a letters page. */
    page_doc *doc = letters_doc(f);
    assert_true(pdf_write(doc, &opts, f->path, &f->d));
    page_doc_free(doc);
    int st;
    char *out = runf(&st, "cd '%s' && pdftoppm -r 12 -f 1 -l 1 -png out.pdf img && "
                          "pdftoppm -r 12 -f 1 -l 1 -jpeg out.pdf img && ls img*%s", f->dir, "");
    assert_int_equal(st, 0);
    free(out);
    char png[160], jpg[160];
    snprintf(png, sizeof png, "%s/img-1.png", f->dir);
    snprintf(jpg, sizeof jpg, "%s/img-1.jpg", f->dir);

    doc = page_doc_new();
    vb_page *pg = page_doc_add_page(doc, A4_H, A4_W); /* landscape */
    page_item *it = page_add_item(pg, ITEM_RECT);
    it->color = (vb_color){0.8, 0.1, 0.1};
    it->u.rect.x = 50;
    it->u.rect.y = 50;
    it->u.rect.w = 100;
    it->u.rect.h = 40;
    it->u.rect.width = 0.5;
    it->u.rect.fill = true;
    it = page_add_item(pg, ITEM_LINE);
    it->u.line.x1 = 50;
    it->u.line.y1 = 500;
    it->u.line.x2 = 400;
    it->u.line.y2 = 500;
    it->u.line.width = 0.5;
    for (int i = 0; i < 3; i++) {
        it = page_add_item(pg, ITEM_IMAGE);
        it->u.image.path = vb_arena_strdup(doc->arena, i == 1 ? jpg : png);
        it->u.image.x = 200 + 110 * i;
        it->u.image.y = 100;
        it->u.image.w = 100;
        it->u.image.h = 141;
    }
    add_text(doc, pg, font_set_face(f->fs, FONT_ROLE_SERIF, FONT_REGULAR, &f->d), 12, 50, 520,
             "Cổng dịch vụ công");
    it = page_add_item(pg, ITEM_LINK);
    it->u.link.x = 50;
    it->u.link.y = 515;
    it->u.link.w = 100;
    it->u.link.h = 15;
    it->u.link.uri = "https://dichvucong.gov.vn/p/home/dvc-trang-chu.html";
    assert_true(pdf_write(doc, &opts, f->path, &f->d));
    page_doc_free(doc);

    out = runf(&st, "pdfimages -list '%s' 2>&1%s", f->path, "");
    assert_int_equal(st, 0);
    /* Three placements, two image objects: the PNG is loaded once. */
    int rows = 0;
    char *objs[3] = {0};
    for (char *line = strtok(out, "\n"); line; line = strtok(NULL, "\n"))
        if (strncmp(line, "   1", 4) == 0 && rows < 3)
            objs[rows++] = line;
    assert_int_equal(rows, 3);
    char o0[16], o1[16], o2[16];
    assert_int_equal(sscanf(objs[0], "%*s %*s %*s %*s %*s %*s %*s %*s %*s %*s %15s", o0), 1);
    assert_int_equal(sscanf(objs[1], "%*s %*s %*s %*s %*s %*s %*s %*s %*s %*s %15s", o1), 1);
    assert_int_equal(sscanf(objs[2], "%*s %*s %*s %*s %*s %*s %*s %*s %*s %*s %15s", o2), 1);
    assert_string_equal(o0, o2);
    assert_string_not_equal(o0, o1);
    assert_non_null(strstr(objs[1], "jpeg"));
    free(out);

    out = runf(&st, "pdfinfo '%s' 2>&1%s", f->path, "");
    assert_non_null(strstr(out, "841.89 x 595.276 pts"));
    free(out);
    out = runf(&st, "mutool show '%s' pages/1/Annots/1 2>&1%s", f->path, "");
    assert_non_null(strstr(out, "/URI (https://dichvucong.gov.vn/p/home/dvc-trang-chu.html)"));
    assert_non_null(strstr(out, "/Border [ 0 0 0 ]"));
    free(out);
    out = runf(&st, "qpdf --check '%s' 2>&1%s", f->path, "");
    assert_int_equal(st, 0);
    free(out);
}

static void dash_writes_to_stdout(void **state)
{
    fixture *f = *state;
    page_doc *doc = letters_doc(f);
    fflush(stdout);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        if (!freopen(f->path, "wb", stdout))
            _exit(9);
        _exit(pdf_write(doc, &opts, "-", &f->d) ? 0 : 1);
    }
    int st;
    assert_int_equal(waitpid(pid, &st, 0), pid);
    assert_true(WIFEXITED(st) && WEXITSTATUS(st) == 0);
    char second[160];
    snprintf(second, sizeof second, "%s/file.pdf", f->dir);
    assert_true(pdf_write(doc, &opts, second, &f->d));
    char *out = runf(&st, "cmp '%s' '%s'", f->path, second);
    assert_int_equal(st, 0);
    free(out);
    page_doc_free(doc);
}

/* A layer (a certificate border and the lines every certificate shares) is
 * one content stream, listed in the /Contents of every page that shows it,
 * under what the page draws when it comes first and over it otherwise;
 * paths are stroked and filled as asked; its text names the pages' fonts
 * (a page that named them otherwise gets the layer drawn into its own
 * content). */
static void shared_layer_is_written_once(void **state)
{
    fixture *f = *state;
    font_face *face = font_set_face(f->fs, FONT_ROLE_SERIF, FONT_REGULAR, &f->d);
    page_doc *doc = page_doc_new();
    size_t l = page_doc_add_layer(doc);
    vb_page *ly = &doc->layers[l];
    page_item *it = page_add_item(ly, ITEM_RECT);
    it->u.rect.x = 12.345;
    it->u.rect.y = 67.891;
    it->u.rect.w = 500;
    it->u.rect.h = 700;
    it->u.rect.width = 1.5;
    static const path_op ops[] = {
        {.op = PATH_MOVE, .x = {0}, .y = {0}},
        {.op = PATH_CURVE, .x = {10, 20, 30}, .y = {40, 40, 0}},
        {.op = PATH_LINE, .x = {0}, .y = {0}},
        {.op = PATH_CLOSE},
    };
    it = page_add_item(ly, ITEM_PATH);
    it->color = (vb_color){0.5, 0.1, 0.1};
    it->u.path.x = 100;
    it->u.path.y = 100;
    it->u.path.ops = ops;
    it->u.path.n_ops = 4;
    it->u.path.width = 0.75;
    it->u.path.fill = true;
    font_face *bold = font_set_face(f->fs, FONT_ROLE_SERIF, FONT_BOLD, &f->d);
    it = page_add_item(ly, ITEM_TEXT);
    it->color = (vb_color){0.75, 0, 0};
    it->u.text.face = bold;
    it->u.text.size = 20;
    it->u.text.x = 72;
    it->u.text.y = 760;
    it->u.text.utf8 = "GIẤY KHEN";
    for (int p = 0; p < 3; p++) {
        vb_page *pg = page_doc_add_page(doc, A4_W, A4_H);
        if (p != 1)
            page_add_item(pg, ITEM_LAYER)->u.layer.index = l;
        add_text(doc, pg, face, 12, 72, 700, p == 1 ? "Trang hai" : "Trang một ba");
        if (p == 1)
            page_add_item(pg, ITEM_LAYER)->u.layer.index = l;
    }
    assert_true(pdf_write(doc, &opts, f->path, &f->d));
    page_doc_free(doc);
    int st;
    char *out = runf(&st, "qpdf --check '%s' >/dev/null && qpdf --qdf --object-streams=disable "
                          "'%s' - | grep -a -c '12.345 67.891 500 700 re'", f->path, f->path);
    assert_int_equal(st, 0);
    assert_int_equal(atoi(out), 2); /* the shared stream, and page 2 (see below) */
    free(out);
    /* every page strokes the rectangle and fills+strokes the curve */
    out = runf(&st, "mutool draw -F trace -o - '%s' 2>/dev/null | grep -c "
                    "'<stroke_path linewidth=\"1.5\"\\|<fill_path'%s", f->path, "");
    assert_int_equal(atoi(out), 6);
    free(out);
    out = runf(&st, "pdftotext '%s' - | tr -s '\\n\\f' '  '%s", f->path, "");
    assert_non_null(strstr(out, "GIẤY KHEN Trang một ba GIẤY KHEN Trang hai GIẤY KHEN Trang một ba"));
    free(out);
    /* the shared stream once, and drawn into page 2's own content (where the
     * regular face came first and is F1) */
    out = runf(&st, "qpdf --qdf --object-streams=disable '%s' - | grep -a -ci "
                    "'004700491EA400590020004B00480045004E'%s", f->path, "");
    assert_int_equal(atoi(out), 2);
    free(out);
    out = runf(&st, "pdffonts '%s' | tail -n +3 | wc -l%s", f->path, "");
    assert_int_equal(atoi(out), 2);
    free(out);
}

/* Numbers in content streams: at most three decimals, no trailing zeros,
 * no "-0", the sign kept; checked against values worked out by hand. */
static void reals_are_written_short_and_exact(void **state)
{
    (void)state;
    static const struct {
        double v;
        const char *want;
    } cases[] = {
        {0, "0"},          {0.5, "0.5"},       {-0.5, "-0.5"},     {12.345, "12.345"},
        {-3, "-3"},        {100, "100"},       {0.001, "0.001"},   {0.0004, "0"},
        {-0.0004, "0"},    {841.89, "841.89"}, {2.1005, "2.101"},  {-1234567.25, "-1234567.25"},
        {0.12, "0.12"},    {9.999, "9.999"},   {9.9996, "10"},     {-0.07, "-0.07"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        vb_buf b;
        vb_buf_init(&b);
        pdf_put_real(&b, cases[i].v);
        assert_string_equal(b.data ? b.data : "", cases[i].want);
        vb_buf_free(&b);
    }
}

/* TJ codes are two UTF-16BE bytes in literal strings: the bytes a reader
 * would take for a delimiter or an end of line are escaped (Ĩ is 01 28, ĩ
 * 01 29, č 01 0D), and a justified run gets its adjustment after each space. */
static void tj_codes_are_escaped_literal_strings(void **state)
{
    (void)state;
    vb_buf b;
    vb_buf_init(&b);
    pdf_tj(&b, "Ĩ(\\č", 0, 13);
    static const char want1[] = "[(\001\\(\0\\(\0\\\\\001\\r)] TJ\n";
    assert_int_equal(b.len, sizeof want1 - 1);
    assert_memory_equal(b.data, want1, sizeof want1 - 1);
    vb_buf_clear(&b);
    pdf_tj(&b, "ĩ a", 1.3, 13);
    static const char want2[] = "[(\001\\)\0 ) -100 (\0a)] TJ\n";
    assert_int_equal(b.len, sizeof want2 - 1);
    assert_memory_equal(b.data, want2, sizeof want2 - 1);
    vb_buf_free(&b);
}

/* A letter-spaced run is written inside its Tc, set back to 0 after (the
 * rest of the page, and libharu's idea of the text state, have none). */
static void letter_spacing_is_tc_around_the_run(void **state)
{
    (void)state;
    vb_buf b;
    vb_buf_init(&b);
    page_item it = {.kind = ITEM_TEXT};
    it.u.text.utf8 = "a b";
    it.u.text.size = 10;
    it.u.text.space_extra = 1;
    it.u.text.char_extra = 0.25;
    pdf_text_run(&b, &it);
    static const char want[] = "0.25 Tc\n[(\0a\0 ) -100 (\0b)] TJ\n0 Tc\n";
    assert_int_equal(b.len, sizeof want - 1);
    assert_memory_equal(b.data, want, sizeof want - 1);
    vb_buf_clear(&b);
    it.u.text.char_extra = 0;
    pdf_text_run(&b, &it);
    static const char plain[] = "[(\0a\0 ) -100 (\0b)] TJ\n";
    assert_int_equal(b.len, sizeof plain - 1);
    assert_memory_equal(b.data, plain, sizeof plain - 1);
    vb_buf_free(&b);
}

/* libharu's allocator once memory has run out. */
static void *no_alloc(HPDF_UINT size)
{
    (void)size;
    return NULL;
}

/* pdf_write's handler: the first error is kept for pdf_ok. */
static void keep_error(HPDF_STATUS error, HPDF_STATUS detail, void *user_data)
{
    pdf_ctx *c = user_data;
    if (!c->error) {
        c->error = error;
        c->detail = detail;
    }
}

/* libharu out of memory ends the process with vanban's one line, exit 3,
 * like any lack of memory: loading a subset font it was "libharu không
 * đọc được tập con của phông Liberation Serif … (mã lỗi 0x1015)", exit 1,
 * and elsewhere "thư viện libharu báo lỗi 0x1015 …". libharu's own
 * allocator is made to refuse (as test_xml_errors does with libxml2's),
 * on a document pdf_write would build, in a child whose stderr is read
 * back: the same in every build, ASan's too. */
static void libharu_without_memory(void **state)
{
    fixture *f = *state;
    page_doc *doc = letters_doc(f);
    for (int step = 0; step < 2; step++) { /* loading the fonts; adding a page */
        int fd;
        pid_t pid = child_fork(&fd);
        if (pid == 0) {
            vb_diag d;
            vb_diag_init(&d, stderr);
            pdf_ctx c = {.d = &d, .doc = doc};
            vb_buf_init(&c.scratch);
            if (!pdf_fonts_collect(&c, doc) || !(c.pdf = HPDF_New(keep_error, &c)))
                _exit(9);
            c.pdf->mmgr->alloc_fn = no_alloc;
            if (step == 0) {
                pdf_fonts_load(&c);
            } else {
                HPDF_AddPage(c.pdf);
                pdf_ok(&c, "thêm trang");
            }
            _exit(d.exit_code == VB_OK ? 8 : d.exit_code);
        }
        assert_child_out_of_memory(fd, pid);
    }
    page_doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_letters_are_134),
        cmocka_unit_test(reals_are_written_short_and_exact),
        cmocka_unit_test(tj_codes_are_escaped_literal_strings),
        cmocka_unit_test(letter_spacing_is_tc_around_the_run),
        cmocka_unit_test_setup_teardown(text_round_trips_in_three_extractors, setup, teardown),
        cmocka_unit_test_setup_teardown(structure_is_clean_and_fonts_are_subsets, setup, teardown),
        cmocka_unit_test_setup_teardown(metadata_outline_and_lang, setup, teardown),
        cmocka_unit_test_setup_teardown(justified_gaps_are_as_asked, setup, teardown),
        cmocka_unit_test_setup_teardown(same_input_same_bytes, setup, teardown),
        cmocka_unit_test_setup_teardown(missing_image_is_an_error_and_no_file, setup, teardown),
        cmocka_unit_test_setup_teardown(unwritable_output_is_an_io_error, setup, teardown),
        cmocka_unit_test_setup_teardown(missing_glyph_names_the_character, setup, teardown),
        cmocka_unit_test_setup_teardown(shapes_images_and_links, setup, teardown),
        cmocka_unit_test_setup_teardown(dash_writes_to_stdout, setup, teardown),
        cmocka_unit_test_setup_teardown(shared_layer_is_written_once, setup, teardown),
        cmocka_unit_test_setup_teardown(libharu_without_memory, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
