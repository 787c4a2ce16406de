/* A footnote set again from an anchor (layout_note): what is left of a note
 * going on from a page of one orientation to a page of the other is broken
 * again for the new width from where its next line started. From every
 * box's anchor, set at the other width, the text is exactly that of the
 * boxes from that one on, nothing lost and nothing twice, and it starts at
 * the same anchor (so a note can be set again a second time). The note has
 * what makes anchors hard: a word wider than a line (a URL, split inside
 * it at one width and not at the other), a list, a code block whose long
 * line wraps, a table, a forced line break, and a second paragraph. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "font_fixture.h"
#include "layout/layout_internal.h"
#include "md/md.h"

#include <string.h>

static const char NOTE_MD[] =
    "Văn bản có chú thích[^1].\n\n"
    "[^1]: Danh sách các đơn vị tham gia Hội thi theo hình thức trực tuyến kết hợp trực tiếp, "
    "bảo đảm đúng thời gian và yêu cầu, xem tại "
    "https://dichvucong.soctrang.gov.vn/portal/p/home/thong-ke-chi-so-phuc-vu-nguoi-dan-doanh-"
    "nghiep-theo-bo-chi-so-danh-gia-chat-luong-cung-cap-dich-vu-cong.html?don_vi=tat_ca&nam=2023 "
    "và các văn bản hướng dẫn của Ban Tổ chức.\\\n"
    "    Dòng sau một ngắt dòng cứng, tiếp tục với nhiều chữ nữa để có vài dòng ở cả hai khổ "
    "giấy.\n\n"
    "    - Sở Giáo dục và Đào tạo, Sở Y tế, Sở Nông nghiệp và Phát triển nông thôn, Ban Dân tộc.\n"
    "    - UBND thành phố Sóc Trăng, UBND huyện Long Phú, UBND huyện Mỹ Xuyên, UBND huyện "
    "Thạnh Trị, UBND huyện Trần Đề.\n\n"
    "    ```\n"
    "    ma_don_vi;ten_don_vi;diem_mo_hinh;diem_trai_nghiem;diem_chien_dich;tong_diem;xep_hang;giai_thuong;ghi_chu_them\n"
    "    SGDDT;Sở Giáo dục và Đào tạo;31,25;23,44;28,95;83,64;1;Giải Nhất\n"
    "    ```\n\n"
    "    | Đơn vị | Điểm |\n"
    "    |---|---:|\n"
    "    | Sở Giáo dục và Đào tạo, đơn vị có điểm cao nhất của cả ba phần thi | 83,64 |\n"
    "    | Sở Kế hoạch và Đầu tư | 81,28 |\n\n"
    "    Đoạn cuối của chú thích, đủ dài để được ngắt thành nhiều dòng ở khổ dọc và ít dòng hơn "
    "ở khổ ngang, với các đơn vị Thanh tra tỉnh, Kho bạc Nhà nước tỉnh, Chi cục Hải quan, Sở "
    "Công Thương, Sở Tài chính, Văn phòng UBND tỉnh, Bảo hiểm xã hội tỉnh.\n";

/* The text of boxes [from, n) of f, spaces left out: the words in order,
 * however the lines are broken. */
static char *flow_text(const flow *f, size_t from)
{
    vb_buf b;
    vb_buf_init(&b);
    for (size_t i = from; i < f->n; i++)
        for (size_t k = 0; k < f->v[i].n_items; k++) {
            const page_item *it = &f->v[i].items[k];
            if (it->kind != ITEM_TEXT)
                continue;
            for (const char *s = it->u.text.utf8; *s; s++)
                if (*s != ' ')
                    vb_buf_putc(&b, *s);
        }
    vb_buf_putc(&b, '\0');
    return b.data;
}

static void resume_from_every_box(void **state)
{
    fixture *f = *state;
    frame_spec fr;
    frame_plain(&fr);
    md_doc *doc = md_parse(NOTE_MD, strlen(NOTE_MD), "t.md", 1, &f->d);
    assert_non_null(doc);
    assert_int_equal(doc->n_footnotes, 1);
    lay_ctx cx = {.fr = &fr, .fonts = f->fs, .d = &f->d, .doc = doc};
    cx.out = page_doc_new();
    flow set[2] = {{0}, {0}}; /* [0]: portrait, [1]: landscape */
    for (int o = 0; o < 2; o++)
        layout_note(&cx, 1, o, NULL, &set[o]);
    /* the widths differ enough that the lines do */
    assert_true(set[0].n > set[1].n);
    char *all = flow_text(&set[0], 0), *all1 = flow_text(&set[1], 0);
    assert_string_equal(all, all1);
    assert_non_null(strstr(all, "https://dichvucong"));
    assert_non_null(strstr(all, "ma_don_vi;ten_don_vi"));
    free(all);
    free(all1);
    size_t mid_paragraph = 0;
    for (int o = 0; o < 2; o++) {
        for (size_t i = 0; i < set[o].n; i++) {
            box_anchor at = set[o].v[i].at;
            flow rest = {0};
            layout_note(&cx, 1, !o, &at, &rest);
            char *want = flow_text(&set[o], i), *got = flow_text(&rest, 0);
            assert_string_equal(got, want);
            assert_true(rest.n > 0);
            assert_false(anchor_before(rest.v[0].at, at) || anchor_before(at, rest.v[0].at));
            mid_paragraph += at.a > 0 && rest.n > 0;
            free(want);
            free(got);
            flow_free(&rest);
        }
    }
    assert_true(mid_paragraph > 10);
    assert_false(cx.failed);
    flow_free(&set[0]);
    flow_free(&set[1]);
    page_doc_free(cx.out);
    md_doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(resume_from_every_box, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
