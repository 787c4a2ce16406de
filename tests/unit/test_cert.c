/* cert: the certificate frame's settings, fitting and printer correction,
 * checked on the page items it produces (the e2e tests check real PDFs). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "cert/cert.h"
#include "font_fixture.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MM(x) ((x) * 72.0 / 25.4)
/* cmocka's assert_float_equal works in float: too coarse for points */
#define assert_near(a, b, eps) assert_true(fabs((double)(a) - (double)(b)) <= (eps))

static void paper_sizes(void **state)
{
    (void)state;
    double w, h;
    assert_true(cert_paper_parse("A4", &w, &h));
    assert_near(w, 841.89, 0.01);
    assert_near(h, 595.28, 0.01);
    assert_true(cert_paper_parse("a3", &w, &h));
    assert_near(w, MM(420), 0.01);
    assert_near(h, MM(297), 0.01);
    assert_true(cert_paper_parse("400x300", &w, &h));
    assert_near(w, MM(400), 0.01);
    assert_true(cert_paper_parse("400×300mm", &w, &h));
    assert_near(h, MM(300), 0.01);
    assert_true(cert_paper_parse("297,5x210", &w, &h));
    assert_near(w, MM(297.5), 0.01);
    assert_false(cert_paper_parse("B5", &w, &h));
    assert_false(cert_paper_parse("10x10", &w, &h));
    assert_false(cert_paper_parse("400x", &w, &h));
}

static void settings(void **state)
{
    (void)state;
    double x, y;
    assert_true(cert_offset_parse("2.5,-1", &x, &y));
    assert_near(x, 2.5, 1e-9);
    assert_near(y, -1, 1e-9);
    assert_true(cert_offset_parse("2,5;-1,5", &x, &y));
    assert_near(x, 2.5, 1e-9);
    assert_near(y, -1.5, 1e-9);
    assert_false(cert_offset_parse("2,5,1", &x, &y));
    assert_false(cert_offset_parse("3", &x, &y));
    assert_false(cert_offset_parse("500,0", &x, &y));
    vb_color c;
    assert_true(cert_color_parse("#C00000", &c));
    assert_near(c.r, 192 / 255.0, 1e-9);
    assert_true(cert_color_parse("đỏ", &c));
    assert_false(cert_color_parse("#12345", &c));
    assert_false(cert_color_parse("tím-than", &c));
    cert_border b;
    assert_true(cert_border_parse("hoa-van", &b) && b == CERT_BORDER_GUILLOCHE);
    assert_true(cert_border_parse("goc", &b) && b == CERT_BORDER_CORNERS);
    assert_true(cert_border_parse("doi", &b) && b == CERT_BORDER_DOUBLE);
    assert_true(cert_border_parse("khong", &b) && b == CERT_BORDER_NONE);
    assert_false(cert_border_parse("hoa", &b));
    assert_int_equal(cert_line_of_key("nguoi_nhan"), CERT_NGUOI_NHAN);
    assert_int_equal(cert_line_of_key("khong_co"), -1);
    assert_string_equal(cert_line_key(CERT_SO_VAO_SO), "so_vao_so");
}


/* A 150-character unit (Vietnamese, spaces between words). */
static const char *const UNIT150 =
    "Trung tâm Phục vụ hành chính công và Kiểm soát thủ tục hành chính thuộc Văn phòng Ủy "
    "ban nhân dân tỉnh Sóc Trăng, đặt tại thành phố Sóc Trăng Việt Nam";

static size_t chars(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

static void fill(cert_fields *f, const char *name, const char *unit, const char *achieve)
{
    memset(f, 0, sizeof *f);
    f->text[CERT_QUOC_HIEU] = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    f->text[CERT_TIEU_NGU] = "Độc lập - Tự do - Hạnh phúc";
    f->text[CERT_THAM_QUYEN] = "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH SÓC TRĂNG";
    f->text[CERT_TANG] = "TẶNG";
    f->text[CERT_TEN_LOAI] = "GIẤY KHEN";
    f->text[CERT_NGUOI_NHAN] = name;
    f->text[CERT_DON_VI] = unit;
    f->text[CERT_THANH_TICH] = achieve;
    f->text[CERT_QUYET_DINH] = "Quyết định số 1234/QĐ-UBND ngày 20/12/2023";
    f->text[CERT_SO_VAO_SO] = "Số vào sổ: 001/GK";
    f->text[CERT_NGAY] = "Sóc Trăng, ngày 25 tháng 12 năm 2023";
    f->text[CERT_QUYEN_HAN] = "KT. CHỦ TỊCH";
    f->text[CERT_CHUC_VU] = "PHÓ CHỦ TỊCH";
    f->text[CERT_NGUOI_KY] = "Nguyễn Văn A";
}

/* What page p shows: the items of the layers it refers to, then its own. */
static vb_page shown_items(const page_doc *doc, size_t p)
{
    vb_page out = {0};
    const vb_page *pg = &doc->pages[p];
    for (size_t i = 0; i < pg->n_items; i++) {
        if (pg->items[i].kind == ITEM_LAYER) {
            const vb_page *ly = &doc->layers[pg->items[i].u.layer.index];
            for (size_t k = 0; k < ly->n_items; k++)
                *page_add_item(&out, ly->items[k].kind) = ly->items[k];
        } else {
            *page_add_item(&out, pg->items[i].kind) = pg->items[i];
        }
    }
    out.width = pg->width;
    out.height = pg->height;
    return out;
}

static double item_width(const page_item *it)
{
    return font_text_width(it->u.text.face, it->u.text.utf8, strlen(it->u.text.utf8),
                           it->u.text.size);
}

/* Every text item of page p lies inside the content box and its text
 * appears whole (concatenated items contain `must`). */
static void assert_inside(const page_doc *doc, size_t p, const char *must)
{
    vb_page all_items = shown_items(doc, p);
    const vb_page *pg = &all_items;
    double in = MM(20.5); /* the guilloche's inner rule */
    char all[4096] = "";
    for (size_t i = 0; i < pg->n_items; i++) {
        const page_item *it = &pg->items[i];
        if (it->kind != ITEM_TEXT)
            continue;
        double x0 = it->u.text.x, x1 = x0 + item_width(it);
        double y = it->u.text.y, s = it->u.text.size;
        assert_true(x0 >= in);
        assert_true(x1 <= pg->width - in);
        assert_true(y - 0.22 * s >= in);
        assert_true(y + 0.91 * s <= pg->height - in);
        strncat(all, it->u.text.utf8, sizeof all - strlen(all) - 2);
        strcat(all, " ");
    }
    /* words may be split over lines: compare without spaces */
    char a[4096], b[512];
    size_t n = 0;
    for (const char *q = all; *q && n < sizeof a - 1; q++)
        if (*q != ' ')
            a[n++] = *q;
    a[n] = 0;
    n = 0;
    for (const char *q = must; *q && n < sizeof b - 1; q++)
        if (*q != ' ')
            b[n++] = *q;
    b[n] = 0;
    assert_non_null(strstr(a, b));
    free(all_items.items);
}

static double size_of(const page_doc *doc, size_t p, const char *prefix)
{
    vb_page all_items = shown_items(doc, p);
    double size = 0;
    for (size_t i = 0; i < all_items.n_items && !size; i++)
        if (all_items.items[i].kind == ITEM_TEXT &&
            strncmp(all_items.items[i].u.text.utf8, prefix, strlen(prefix)) == 0)
            size = all_items.items[i].u.text.size;
    free(all_items.items);
    return size;
}

static int lines_of(const page_doc *doc, size_t p, double size)
{
    const vb_page *pg = &doc->pages[p];
    int n = 0;
    double last = -1;
    for (size_t i = 0; i < pg->n_items; i++)
        if (pg->items[i].kind == ITEM_TEXT && pg->items[i].u.text.size == size &&
            pg->items[i].u.text.y != last) {
            n++;
            last = pg->items[i].u.text.y;
        }
    return n;
}

static void fitting(void **state)
{
    fixture *fx = *state;
    cert_style st;
    cert_style_default(&st);
    page_doc *doc = page_doc_new();
    cert_batch *b = cert_batch_new(&st, 4, "test");
    cert_ctx *c = cert_begin(&st, fx->fs, doc, b, &fx->d);
    assert_non_null(c);
    cert_fields f;
    /* 0: a short name: design size */
    fill(&f, "Ông Bùi Tấn Thông", "Sở Xây dựng", "Đã đạt giải Ba.");
    assert_true(cert_add_page(c, &f, 0, "test 1"));
    /* 1: the sample's longest name, unit and achievement */
    fill(&f, "Bà Phạm Thị Thanh Tuyền", "Trường THPT Nguyễn Khuyến, Sở Giáo dục và Đào tạo tỉnh "
                                         "Sóc Trăng",
         "Đã đạt Giải phụ cá nhân có phần trình bày trải nghiệm và góp ý hay, phần thi Trình "
         "bày trải nghiệm về chất lượng dịch vụ công trực tuyến, Hội thi Cải cách hành chính "
         "tỉnh Sóc Trăng năm 2023");
    assert_true(cert_add_page(c, &f, 1, "test 2"));
    /* 2: a collective with a 150-character name and the same as its unit */
    assert_int_equal(chars(UNIT150), 150);
    fill(&f, UNIT150, UNIT150, "Đã đạt giải Nhất tập thể.");
    assert_true(cert_add_page(c, &f, 2, "test 3"));
    /* 3: a name too long for one line even at the smallest size: wrapped */
    fill(&f, "Ông Nguyễn Phạm Trần Lê Hoàng Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Thành Trung Hiếu Nghĩa",
         "Sở Nội vụ", "Đã đạt giải Nhì.");
    assert_true(cert_add_page(c, &f, 3, "test 4"));
    assert_false(cert_batch_settle(b)); /* nothing shrunk: nothing set again */
    cert_end(c);
    cert_batch_free(b);
    assert_int_equal(doc->n_pages, 4);
    assert_int_equal(fx->d.errors, 0);

    assert_inside(doc, 0, "Ông Bùi Tấn Thông");
    assert_near(size_of(doc, 0, "Ông Bùi"), 28, 1e-9);
    assert_inside(doc, 1, "Bà Phạm Thị Thanh Tuyền");
    assert_inside(doc, 1, "Trường THPT Nguyễn Khuyến, Sở Giáo dục và Đào tạo tỉnh Sóc Trăng");
    assert_inside(doc, 1, "tỉnh Sóc Trăng năm 2023");
    assert_inside(doc, 2, UNIT150);
    /* the long name: set smaller, within the limit (18 pt), then wrapped */
    double s2 = size_of(doc, 2, "Trung tâm Phục vụ");
    assert_true(s2 >= 18 && s2 <= 28);
    assert_inside(doc, 3, "Nguyễn Phạm Trần Lê Hoàng Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Thành Trung");
    double s3 = size_of(doc, 3, "Ông Nguyễn");
    assert_true(s3 >= 18);
    assert_int_equal(lines_of(doc, 3, s3), 2);
    /* the border is drawn once; the lines every page prints alike (quốc
     * hiệu … GIẤY KHEN, the signature block) once more with it, and every
     * page here shows that second layer */
    assert_int_equal(doc->n_layers, 2);
    for (size_t p = 0; p < doc->n_pages; p++) {
        assert_int_equal(doc->pages[p].items[0].kind, ITEM_LAYER);
        assert_int_equal(doc->pages[p].items[0].u.layer.index, 1);
    }
    int layer_text = 0;
    for (size_t i = 0; i < doc->layers[1].n_items; i++)
        layer_text += doc->layers[1].items[i].kind == ITEM_TEXT;
    assert_int_equal(layer_text, 10);
    page_doc_free(doc);
}

/* The first text item of page p starting with `prefix`, as shown. */
static page_item item_of(const page_doc *doc, size_t p, const char *prefix)
{
    vb_page all_items = shown_items(doc, p);
    page_item it = {0};
    for (size_t i = 0; i < all_items.n_items && !it.kind; i++)
        if (all_items.items[i].kind == ITEM_TEXT &&
            strncmp(all_items.items[i].u.text.utf8, prefix, strlen(prefix)) == 0)
            it = all_items.items[i];
    free(all_items.items);
    assert_int_equal(it.kind, ITEM_TEXT);
    return it;
}

/* A batch keeps one heading: the certificate that needs the whole page
 * smaller sets the batch at its factor, the others are set again at it, and
 * one warning names it. */
static void batch_sizing(void **state)
{
    fixture *fx = *state;
    cert_style st;
    cert_style_default(&st);
    page_doc *doc = page_doc_new();
    cert_batch *b = cert_batch_new(&st, 3, "test.md");
    cert_ctx *c = cert_begin(&st, fx->fs, doc, b, &fx->d);
    cert_fields f;
    fill(&f, "Ông Bùi Tấn Thông", "Sở Xây dựng", "Đã đạt giải Ba.");
    assert_true(cert_add_page(c, &f, 0, "test.md: giấy khen 1/3 (Bùi Tấn Thông)"));
    /* twenty paragraphs: more than the page holds with its middle at 70 % */
    char texts[20][32];
    cert_run runs[20];
    cert_par pars[20];
    for (int i = 0; i < 20; i++) {
        snprintf(texts[i], sizeof texts[i], "Thành tích thứ %d.", i + 1);
        runs[i] = (cert_run){texts[i], FONT_REGULAR};
        pars[i] = (cert_par){&runs[i], 1};
    }
    fill(&f, "Bà Phạm Thị Thanh Tuyền", "Sở Giáo dục và Đào tạo", NULL);
    f.thanh_tich = pars;
    f.n_thanh_tich = 20;
    assert_true(cert_add_page(c, &f, 1, "test.md: giấy khen 2/3 (Phạm Thị Thanh Tuyền)"));
    double own = size_of(doc, 1, "GIẤY KHEN");
    assert_true(own < 50 * 0.85);
    fill(&f, "Ông Đặng Thanh Nam", "Sở Y tế", "Đã đạt giải Nhất.");
    assert_true(cert_add_page(c, &f, 2, "test.md: giấy khen 3/3 (Đặng Thanh Nam)"));
    assert_near(size_of(doc, 0, "GIẤY KHEN"), 50, 1e-9);

    /* the short ones are set again at the long one's frame, once */
    assert_true(cert_batch_settle(b));
    assert_true(cert_batch_redo(b, 0));
    assert_false(cert_batch_redo(b, 1));
    assert_true(cert_batch_redo(b, 2));
    fill(&f, "Ông Bùi Tấn Thông", "Sở Xây dựng", "Đã đạt giải Ba.");
    assert_true(cert_set_page(c, 0, &f, 0, "test.md: giấy khen 1/3 (Bùi Tấn Thông)"));
    fill(&f, "Ông Đặng Thanh Nam", "Sở Y tế", "Đã đạt giải Nhất.");
    assert_true(cert_set_page(c, 2, &f, 2, "test.md: giấy khen 3/3 (Đặng Thanh Nam)"));
    assert_false(cert_batch_settle(b));
    assert_int_equal(doc->n_pages, 3);
    static const char *const heading[] = {"CỘNG HÒA", "GIẤY KHEN", "Sóc Trăng, ngày",
                                          "PHÓ CHỦ TỊCH", "Nguyễn Văn A"};
    for (size_t h = 0; h < sizeof heading / sizeof *heading; h++)
        for (size_t p = 1; p < 3; p++) {
            page_item a = item_of(doc, 0, heading[h]), o = item_of(doc, p, heading[h]);
            assert_near(o.u.text.size, a.u.text.size, 1e-9);
            assert_near(o.u.text.x, a.u.text.x, 1e-9);
            assert_near(o.u.text.y, a.u.text.y, 1e-9);
        }
    assert_near(size_of(doc, 0, "GIẤY KHEN"), own, 1e-9);
    /* the middle stays each one's own: the short ones' recipients larger */
    assert_true(size_of(doc, 0, "Ông Bùi") > size_of(doc, 1, "Bà Phạm"));
    /* the pages set again share their static lines in one new layer */
    assert_int_equal(doc->pages[0].items[0].kind, ITEM_LAYER);
    assert_int_equal(doc->pages[2].items[0].kind, ITEM_LAYER);
    assert_int_equal(doc->pages[0].items[0].u.layer.index, doc->pages[2].items[0].u.layer.index);

    /* one warning, naming the long one and its line, the factor, what to do */
    fflush(fx->out);
    size_t before = fx->msg_len;
    int warnings = fx->d.warnings;
    cert_batch_report(b, &fx->d);
    fflush(fx->out);
    assert_int_equal(fx->d.warnings, warnings + 1);
    const char *m = fx->msg + before;
    assert_non_null(strstr(m, "test.md: cả loạt 3 giấy khen được in ở "));
    assert_non_null(strstr(m, "còn 70%: giấy khen 2/3 (Phạm Thị Thanh Tuyền), dòng thanh_tich dài "));
    assert_non_null(strstr(m, "muốn in đủ cỡ thì rút gọn thành tích hoặc in khổ dọc (huong: dọc)\n"));
    assert_null(strstr(m, "giấy khen 1/3"));
    cert_end(c);
    cert_batch_free(b);
    page_doc_free(doc);
}

/* Setting again a page the document does not have is vanban's own fault:
 * said as an internal error (exit 3), the document left as it was. It
 * returned false without a word, and the command failed with exit 1. */
static void set_page_out_of_range(void **state)
{
    fixture *fx = *state;
    cert_style st;
    cert_style_default(&st);
    page_doc *doc = page_doc_new();
    cert_batch *b = cert_batch_new(&st, 1, "test.md");
    cert_ctx *c = cert_begin(&st, fx->fs, doc, b, &fx->d);
    cert_fields f;
    fill(&f, "Ông Bùi Tấn Thông", "Sở Xây dựng", "Đã đạt giải Ba.");
    assert_true(cert_add_page(c, &f, 0, "test.md: giấy khen 1/1 (Bùi Tấn Thông)"));
    size_t items = doc->pages[0].n_items;
    int errors = fx->d.errors;
    fflush(fx->out);
    size_t before = fx->msg_len;
    assert_false(cert_set_page(c, 1, &f, 0, "test.md: giấy khen 1/1 (Bùi Tấn Thông)"));
    fflush(fx->out);
    assert_int_equal(fx->d.errors, errors + 1);
    assert_int_equal(fx->d.exit_code, VB_EXIT_IO);
    assert_non_null(strstr(fx->msg + before, "lỗi nội bộ: test.md: giấy khen 1/1 (Bùi Tấn Thông): "
                                             "đặt lại vào trang 2 nhưng tài liệu chỉ có 1 trang"));
    assert_int_equal(doc->n_pages, 1);
    assert_int_equal(doc->pages[0].n_items, items);
    cert_end(c);
    cert_batch_free(b);
    page_doc_free(doc);
}

/* --offset and --scale move every printed item by exactly what was asked;
 * a background stays where it is. */
static void printer_correction(void **state)
{
    fixture *fx = *state;
    cert_fields f;
    fill(&f, "Ông Đặng Thanh Nam", "Sở Y tế", "Đã đạt giải Nhất.");
    page_doc *docs[3];
    for (int k = 0; k < 3; k++) {
        cert_style st;
        cert_style_default(&st);
        st.text_only = true;
        if (k == 1) {
            st.offset_x = 3;
            st.offset_y = -2;
        }
        if (k == 2)
            st.scale = 0.98;
        docs[k] = page_doc_new();
        cert_batch *b = cert_batch_new(&st, 1, "test");
        cert_ctx *c = cert_begin(&st, fx->fs, docs[k], b, &fx->d);
        assert_true(cert_add_page(c, &f, 0, "test"));
        cert_end(c);
        cert_batch_free(b);
        /* text only: no border, only the lines of the shared layer */
        assert_int_equal(docs[k]->n_layers, 1);
        for (size_t i = 0; i < docs[k]->layers[0].n_items; i++)
            assert_true(docs[k]->layers[0].items[i].kind == ITEM_TEXT ||
                        docs[k]->layers[0].items[i].kind == ITEM_LINE);
    }
    vb_page pa = shown_items(docs[0], 0), pb = shown_items(docs[1], 0),
            ps = shown_items(docs[2], 0);
    const vb_page *a = &pa, *b = &pb, *s = &ps;
    assert_int_equal(a->n_items, b->n_items);
    double H = a->height;
    for (size_t i = 0; i < a->n_items; i++) {
        if (a->items[i].kind != ITEM_TEXT)
            continue;
        assert_near(b->items[i].u.text.x - a->items[i].u.text.x, MM(3), 1e-9);
        assert_near(b->items[i].u.text.y - a->items[i].u.text.y, MM(2), 1e-9);
        assert_near(s->items[i].u.text.x, a->items[i].u.text.x * 0.98, 1e-9);
        assert_near(H - s->items[i].u.text.y, (H - a->items[i].u.text.y) * 0.98, 1e-9);
        assert_near(s->items[i].u.text.size, a->items[i].u.text.size * 0.98, 1e-9);
    }
    free(pa.items);
    free(pb.items);
    free(ps.items);
    for (int k = 0; k < 3; k++)
        page_doc_free(docs[k]);
}

static void calibration_page(void **state)
{
    fixture *fx = *state;
    page_doc *doc = page_doc_new();
    double w, h;
    cert_paper_parse("A4", &w, &h);
    assert_true(cert_calibrate_page(doc, fx->fs, w, h, 0, 0, 1, &fx->d));
    assert_int_equal(doc->n_pages, 1);
    /* the top ruler has a tick for every millimetre across the sheet */
    int ticks = 0;
    const vb_page *pg = &doc->pages[0];
    for (size_t i = 0; i < pg->n_items; i++)
        if (pg->items[i].kind == ITEM_LINE && pg->items[i].u.line.x1 == pg->items[i].u.line.x2 &&
            pg->items[i].u.line.y1 == h - MM(12))
            ticks++;
    assert_int_equal(ticks, 298);
    page_doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(paper_sizes),
        cmocka_unit_test(settings),
        cmocka_unit_test_setup_teardown(fitting, setup, teardown),
        cmocka_unit_test_setup_teardown(batch_sizing, setup, teardown),
        cmocka_unit_test_setup_teardown(set_page_out_of_range, setup, teardown),
        cmocka_unit_test_setup_teardown(printer_correction, setup, teardown),
        cmocka_unit_test_setup_teardown(calibration_page, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
