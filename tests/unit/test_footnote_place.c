/* Footnote placement (issue 2 §5), on the layout stage's own pages: every
 * note is on the page that cites it, below all of that page's body text and
 * inside the bottom margin; when a reference near the foot of a page leaves
 * no room for its note, the page is broken earlier so that the reference's
 * line moves on with its note. The body before the reference grows one
 * paragraph at a time, so the reference passes every position on a page. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "font_fixture.h"
#include "layout/layout.h"
#include "md/md.h"

#include <string.h>

#define NOTE "Ghi chú dài ba dòng về căn cứ pháp lý của nội dung, gồm số, ngày và cơ quan ban hành văn bản, để chú thích chiếm chỗ đáng kể ở chân trang giấy."

typedef struct found {
    int ref_page, note_page;
    double ref_y, note_top, lowest_body; /* baselines, PDF coordinates (y up) */
} found;

static found locate(const page_doc *pd, const frame_spec *fr)
{
    found r = {-1, -1, 0, 0, 0};
    for (size_t p = 0; p < pd->n_pages; p++) {
        const vb_page *pg = &pd->pages[p];
        for (size_t i = 0; i < pg->n_items; i++) {
            const page_item *it = &pg->items[i];
            if (it->kind != ITEM_TEXT)
                continue;
            const char *s = it->u.text.utf8;
            if (it->u.text.rise > 0 && strcmp(s, "1") == 0 && it->u.text.size < fr->body_size &&
                r.ref_page < 0) {
                r.ref_page = (int)p;
                r.ref_y = it->u.text.y;
            } else if (strstr(s, "Ghi chú dài") && r.note_page < 0) {
                r.note_page = (int)p;
                r.note_top = it->u.text.y;
            }
        }
    }
    if (r.note_page >= 0) {
        const vb_page *pg = &pd->pages[r.note_page];
        r.lowest_body = 1e9;
        for (size_t i = 0; i < pg->n_items; i++) {
            const page_item *it = &pg->items[i];
            if (it->kind == ITEM_TEXT && it->u.text.size >= fr->body_size &&
                it->u.text.y < r.lowest_body)
                r.lowest_body = it->u.text.y;
        }
    }
    return r;
}

static void note_stays_with_its_reference(void **state)
{
    fixture *f = *state;
    frame_spec fr;
    frame_plain(&fr);
    fr.page_h = 420; /* short pages: more page ends to pass */
    int rebroken = 0;
    for (int n = 0; n < 40; n++) {
        char md[16384];
        size_t len = 0;
        for (int k = 0; k < n; k++)
            len += (size_t)snprintf(md + len, sizeof md - len,
                                    "Đoạn %d của báo cáo tổng kết hội thi cải cách hành chính.\n\n",
                                    k + 1);
        len += (size_t)snprintf(md + len, sizeof md - len,
                                "Câu có chú thích[^1] ở đây.\n\n[^1]: " NOTE "\n");
        md_doc *doc = md_parse(md, len, "t.md", 1, &f->d);
        assert_non_null(doc);
        page_doc_info info = {0};
        page_doc *pd = layout_document(doc, &fr, f->fs, &info, &f->d);
        assert_non_null(pd);
        found r = locate(pd, &fr);
        assert_true(r.ref_page >= 0 && r.note_page >= 0);
        /* the note on the page of its reference, under the body, above the edge */
        assert_int_equal(r.note_page, r.ref_page);
        assert_true(r.note_top < r.lowest_body);
        assert_true(r.note_top > fr.margin_bottom);
        /* the page before ends with room left when the reference moved on */
        if (r.ref_page > 0) {
            const vb_page *prev = &pd->pages[r.ref_page - 1];
            double low = 1e9;
            for (size_t i = 0; i < prev->n_items; i++)
                if (prev->items[i].kind == ITEM_TEXT && prev->items[i].u.text.y < low)
                    low = prev->items[i].u.text.y;
            /* more than one body line of room left above the bottom margin:
             * the reference's line would have fitted without its note */
            if (low - fr.margin_bottom > 2 * fr.body_size * fr.line_spacing)
                rebroken++;
        }
        page_doc_free(pd);
        md_doc_free(doc);
    }
    /* across the lengths, at least once the page had to be broken early */
    assert_true(rebroken > 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(note_stays_with_its_reference, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
