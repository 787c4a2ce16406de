/* Markdown parse stage: the tree later stages rely on, NFC, and input errors. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "md/md.h"
#include "tmpl/tmpl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static md_doc *parse(const char *s)
{
    vb_diag d;
    vb_diag_init(&d, stderr);
    return md_parse(s, strlen(s), "t.md", 1, &d);
}

static void footnotes_numbered_by_first_reference(void **state)
{
    (void)state;
    md_doc *doc = parse("Một[^b] hai[^a].\n\n[^a]: chú thích A\n[^b]: chú thích B\n");
    assert_non_null(doc);
    assert_int_equal(doc->n_footnotes, 2);
    const md_block *p = &doc->root.children[0];
    assert_int_equal(p->kind, MD_PARAGRAPH);
    assert_int_equal(p->inl[1].kind, MD_FOOTREF);
    assert_int_equal(p->inl[1].footnote, 1);
    /* footnote 1 is [^b], the first one cited */
    assert_string_equal(doc->footnotes[0].children[0].inl[0].text, "chú thích B");
    md_doc_free(doc);
}

static void table_with_alignment_and_header(void **state)
{
    (void)state;
    md_doc *doc = parse("| STT | Đơn vị | Điểm |\n|:-:|---|--:|\n| 1 | Sở Y tế | 83,64 |\n");
    const md_block *t = &doc->root.children[0];
    assert_int_equal(t->kind, MD_TABLE);
    assert_int_equal(t->n_cols, 3);
    assert_int_equal(t->align[0], 'c');
    assert_int_equal(t->align[1], 0);
    assert_int_equal(t->align[2], 'r');
    assert_int_equal(t->n_children, 2);
    assert_true(t->children[0].header);
    assert_false(t->children[1].header);
    assert_string_equal(t->children[1].children[1].inl[0].text, "Sở Y tế");
    md_doc_free(doc);
}

static void styles_and_links(void **state)
{
    (void)state;
    md_doc *doc = parse("a **đậm *nghiêng*** `mã` [liên kết](https://dichvucong.gov.vn)\n");
    const md_block *p = &doc->root.children[0];
    assert_int_equal(p->inl[1].style, MD_BOLD);
    assert_int_equal(p->inl[2].style, MD_BOLD | MD_ITALIC);
    assert_string_equal(p->inl[2].text, "nghiêng");
    assert_int_equal(p->inl[4].style, MD_CODE);
    assert_string_equal(p->inl[6].link, "https://dichvucong.gov.vn");
    md_doc_free(doc);
}

static void nested_ordered_lists(void **state)
{
    (void)state;
    md_doc *doc = parse("3. ba\n   1) một\n4. bốn\n");
    const md_block *l = &doc->root.children[0];
    assert_int_equal(l->kind, MD_LIST);
    assert_true(l->ordered);
    assert_int_equal(l->start, 3);
    assert_int_equal(l->delim, '.');
    assert_int_equal(l->n_children, 2);
    const md_block *inner = &l->children[0].children[1];
    assert_int_equal(inner->kind, MD_LIST);
    assert_int_equal(inner->delim, ')');
    md_doc_free(doc);
}

/* "Hòa" typed decomposed (o + U+0300) must become the precomposed letter. */
static void decomposed_input_becomes_nfc(void **state)
{
    (void)state;
    md_doc *doc = parse("Ho\xCC\x80" "a\n");
    assert_string_equal(doc->root.children[0].inl[0].text, "Hòa");
    md_doc_free(doc);
}

static void invalid_utf8_reports_line_and_column(void **state)
{
    (void)state;
    char *msg = NULL;
    size_t n = 0;
    FILE *mem = open_memstream(&msg, &n);
    vb_diag d;
    vb_diag_init(&d, mem);
    const char *s = "dòng một\nab\xE1\xBB\n"; /* truncated ộ on line 2, column 3 */
    assert_null(md_parse(s, strlen(s), "x.md", 1, &d));
    fclose(mem);
    assert_non_null(strstr(msg, "x.md:2:3:"));
    assert_int_equal(d.exit_code, VB_EXIT_INPUT);
    free(msg);
}

static void image_paragraph_becomes_image_block(void **state)
{
    (void)state;
    md_doc *doc = parse("![Quốc huy](img/qh.png)\n");
    const md_block *b = &doc->root.children[0];
    assert_int_equal(b->kind, MD_IMAGE);
    assert_string_equal(b->text, "img/qh.png");
    assert_string_equal(b->alt, "Quốc huy");
    md_doc_free(doc);
}

static void front_matter_scalars_sequences_and_body_line(void **state)
{
    (void)state;
    const char *s = "---\ntitle: Báo cáo\nnoi_nhan: [\"Như trên;\", \"Lưu: VT.\"]\n"
                    "nguoi_ky: null\n---\n\n# Đầu\n";
    front_matter fm;
    vb_diag d;
    vb_diag_init(&d, stderr);
    assert_true(front_matter_parse(&fm, s, strlen(s), "t.md", &d));
    assert_string_equal(front_matter_get(&fm, "title"), "Báo cáo");
    assert_null(front_matter_get(&fm, "nguoi_ky"));
    const fm_entry *e = front_matter_find(&fm, "noi_nhan");
    assert_int_equal(e->n_items, 2);
    assert_string_equal(e->items[1], "Lưu: VT.");
    assert_int_equal(fm.body_line, 6);
    assert_string_equal(s + fm.body_offset, "\n# Đầu\n");
    front_matter_free(&fm);
}

static void front_matter_error_has_location(void **state)
{
    (void)state;
    char *msg = NULL;
    size_t n = 0;
    FILE *mem = open_memstream(&msg, &n);
    vb_diag d;
    vb_diag_init(&d, mem);
    const char *s = "---\ntitle: a\nbad: [x\n---\nbody\n";
    front_matter fm;
    assert_false(front_matter_parse(&fm, s, strlen(s), "t.md", &d));
    front_matter_free(&fm);
    fclose(mem);
    assert_non_null(strstr(msg, "t.md:"));
    assert_non_null(strstr(msg, "YAML"));
    free(msg);
    /* libyaml's English, and an unclosed quote or list placed at the end
     * of the front matter, became what a clerk can act on, where it opens */
    static const struct { const char *src, *want; } cases[] = {
        {"---\ntrich_yeu: \"Kế hoạch\n---\nX\n", "t.md:2:12: lỗi: phần đầu YAML không hợp lệ: dấu nháy mở ở đây chưa được đóng"},
        {"---\nds: [a, b\n---\nX\n", "t.md:2:5: lỗi: phần đầu YAML không hợp lệ: danh sách [ … ] mở ở đây chưa được đóng"},
        {"---\nnoi_nhan: Lưu: VT\n---\nX\n", "t.md:2:14: lỗi: phần đầu YAML không hợp lệ: giá trị có dấu hai chấm"},
        {"---\nnoi_nhan:\n\t- Như trên;\n---\nX\n", "t.md:3:1: lỗi: phần đầu YAML không hợp lệ: thụt đầu dòng bằng dấu cách, không dùng tab"},
        {"---\ntitle: \"Kế hoạch\" năm 2023\n---\nX\n", "t.md:2:19: lỗi: phần đầu YAML không hợp lệ: thụt đầu dòng không đều, hoặc có chữ sau dấu nháy đóng"},
        {"---\ntitle: & Co\n---\nX\n", "t.md:2:9: lỗi: phần đầu YAML không hợp lệ: giá trị bắt đầu bằng \"&\""},
        /* libyaml counts characters: letters before the tab must not hide it */
        {"---\ntrich_yeu: Kế hoạch tổ chức hội thi\nnoi_nhan:\n\t- Như trên;\n---\nX\n", "t.md:4:1: lỗi: phần đầu YAML không hợp lệ: thụt đầu dòng bằng dấu cách"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        msg = NULL;
        mem = open_memstream(&msg, &n);
        vb_diag_init(&d, mem);
        assert_false(front_matter_parse(&fm, cases[i].src, strlen(cases[i].src), "t.md", &d));
        front_matter_free(&fm);
        fclose(mem);
        if (!strstr(msg, cases[i].want))
            fail_msg("expected \"%s\" in: %s", cases[i].want, msg);
        free(msg);
    }
}

/* Placeholders (md_values): put back in text, code, URLs, footnote labels;
 * equal values share one; what is not a placeholder is left as it is. */
static void values_put_back_after_parsing(void **state)
{
    (void)state;
    md_values vals = {0};
    vb_buf b;
    vb_buf_init(&b);
    vb_buf_puts(&b, "**");
    md_values_put(&vals, &b, "(Sở)", strlen("(Sở)"));
    vb_buf_puts(&b, "** `");
    md_values_put(&vals, &b, "` x", 3);
    vb_buf_puts(&b, "` a[^");
    md_values_put(&vals, &b, "ghi chú", strlen("ghi chú"));
    vb_buf_puts(&b, "]\n\n[^");
    md_values_put(&vals, &b, "ghi chú", strlen("ghi chú")); /* the same label */
    vb_buf_puts(&b, "]: Chú thích.\n");
    assert_int_equal(vals.n, 3);
    vb_diag d;
    vb_diag_init(&d, stderr);
    md_doc *doc = md_parse_mapped(b.data, b.len, "t.md", NULL, 0, &vals, &d);
    assert_non_null(doc);
    const md_block *p = &doc->root.children[0];
    assert_int_equal(p->n_inl, 5);
    assert_string_equal(p->inl[0].text, "(Sở)");
    assert_int_equal(p->inl[0].style, MD_BOLD);
    assert_string_equal(p->inl[2].text, "` x");
    assert_int_equal(p->inl[2].style, MD_CODE);
    assert_int_equal(p->inl[4].kind, MD_FOOTREF);
    assert_int_equal(doc->n_footnotes, 1);
    md_doc_free(doc);

    /* a stray noncharacter, a bad number, one out of range: kept */
    const char *odd[] = {MD_VALUE_OPEN "x", MD_VALUE_OPEN "0", MD_VALUE_OPEN MD_VALUE_CLOSE,
                         MD_VALUE_OPEN "99" MD_VALUE_CLOSE,
                         MD_VALUE_OPEN "99999999999999999999999" MD_VALUE_CLOSE};
    for (size_t i = 0; i < sizeof odd / sizeof odd[0]; i++) {
        vb_buf_clear(&b);
        assert_false(md_values_resolve(&vals, odd[i], strlen(odd[i]), &b));
        assert_string_equal(b.data, odd[i]);
    }
    vb_buf_clear(&b);
    const char *two = "[" MD_VALUE_OPEN "2" MD_VALUE_CLOSE MD_VALUE_OPEN "0" MD_VALUE_CLOSE "]";
    assert_true(md_values_resolve(&vals, two, strlen(two), &b));
    assert_string_equal(b.data, "[ghi chú(Sở)]");
    /* many values: the table grows and still finds each */
    for (int i = 0; i < 1000; i++) {
        char v[16];
        snprintf(v, sizeof v, "v%d", i % 500);
        md_values_put(&vals, &b, v, strlen(v));
    }
    assert_int_equal(vals.n, 503);
    vb_buf_free(&b);
    md_values_free(&vals);
}

/* A kept value (a person's name) keeps its tone marks through
 * md_apply_tone in either style; the text around it, and the same text
 * put in as a value that is no name, take the style. */
static void kept_values_keep_their_marks(void **state)
{
    (void)state;
    md_values vals = {0};
    vb_buf b;
    vb_buf_init(&b);
    vb_buf_puts(&b, "Xõe, bà ");
    md_values_put_kept(&vals, &b, "Nguyễn Thị Thuỷ", strlen("Nguyễn Thị Thuỷ"), true);
    vb_buf_puts(&b, ", Uỷ ban **");
    md_values_put(&vals, &b, "Nguyễn Thị Thuỷ", strlen("Nguyễn Thị Thuỷ"));
    vb_buf_puts(&b, " ");
    md_values_put_kept(&vals, &b, "Lê Hòa", strlen("Lê Hòa"), true);
    vb_buf_puts(&b, "** hoà.\n");
    assert_int_equal(vals.n, 3); /* a name and the same text as no name: two */
    for (int tone = VN_TONE_CLASSIC; tone <= VN_TONE_MODERN; tone++) {
        vb_diag d;
        vb_diag_init(&d, stderr);
        md_doc *doc = md_parse_mapped(b.data, b.len, "t.md", NULL, 0, &vals, &d);
        assert_non_null(doc);
        md_apply_tone(doc, tone);
        const md_block *p = &doc->root.children[0];
        assert_int_equal(p->n_inl, 3);
        if (tone == VN_TONE_CLASSIC) {
            assert_string_equal(p->inl[0].text, "Xõe, bà Nguyễn Thị Thuỷ, Ủy ban ");
            assert_string_equal(p->inl[1].text, "Nguyễn Thị Thủy Lê Hòa");
            assert_string_equal(p->inl[2].text, " hòa.");
        } else {
            assert_string_equal(p->inl[0].text, "Xoẽ, bà Nguyễn Thị Thuỷ, Uỷ ban ");
            assert_string_equal(p->inl[1].text, "Nguyễn Thị Thuỷ Lê Hòa");
            assert_string_equal(p->inl[2].text, " hoà.");
        }
        /* the ranges follow the text: "Xoẽ" is a byte longer than "Xõe" */
        assert_int_equal(p->inl[0].n_kept, 2);
        assert_memory_equal(p->inl[0].text + p->inl[0].kept[0], "Nguyễn Thị Thuỷ,", strlen("Nguyễn Thị Thuỷ,"));
        assert_int_equal(p->inl[0].kept[1] - p->inl[0].kept[0], strlen("Nguyễn Thị Thuỷ"));
        assert_int_equal(p->inl[1].n_kept, 2);
        assert_string_equal(p->inl[1].text + p->inl[1].kept[0], "Lê Hòa");
        md_doc_free(doc);
    }
    vb_buf_free(&b);
    md_values_free(&vals);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(footnotes_numbered_by_first_reference),
        cmocka_unit_test(table_with_alignment_and_header),
        cmocka_unit_test(styles_and_links),
        cmocka_unit_test(nested_ordered_lists),
        cmocka_unit_test(decomposed_input_becomes_nfc),
        cmocka_unit_test(invalid_utf8_reports_line_and_column),
        cmocka_unit_test(image_paragraph_becomes_image_block),
        cmocka_unit_test(front_matter_scalars_sequences_and_body_line),
        cmocka_unit_test(front_matter_error_has_location),
        cmocka_unit_test(values_put_back_after_parsing),
        cmocka_unit_test(kept_values_keep_their_marks),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
