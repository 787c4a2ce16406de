/* The Decree 30/2020 official frame (Phụ lục I; docs/nd30-format.md):
 * the typographic settings. The header and closing blocks are set by the
 * layout stage (layout/official.c) from frame_spec.official. */
#include "frame.h"
#include "md/md.h"

void frame_official(frame_spec *f)
{
    frame_plain(f);
    f->kind = FRAME_OFFICIAL;
    /* §1: top 20–25, bottom 20–25, left 30–35, right 15–20 mm; the smallest
     * of each range, as most provincial offices print. */
    f->margin_top = MM_TO_PT(20);
    f->margin_bottom = MM_TO_PT(20);
    f->margin_left = MM_TO_PT(30);
    f->margin_right = MM_TO_PT(15);
    /* §8: one size 13–14 pt, justified, first-line indent 1 or 1.27 cm,
     * ≥ 6 pt between paragraphs, line spacing single to 1.5 lines. */
    f->body_size = 14;
    f->line_spacing = 1.2;
    f->para_space = 6;
    f->first_indent = MM_TO_PT(12.7);
    f->justify = true;
    f->lists = LIST_FIRST_INDENT;
    /* §8 table of levels: Phần/Phụ lục centred bold (level 1); "I. …" mục
     * bold (2); "1. …" khoản with title bold (3); "1.1." bold italic (4);
     * "a)" italic (5, 6). One size throughout. */
    for (int i = 0; i < 6; i++) {
        f->heading_size[i] = f->body_size;
        f->heading_center[i] = i == 0;
        f->heading_style[i] = i <= 2 ? MD_BOLD : i == 3 ? (MD_BOLD | MD_ITALIC) : MD_ITALIC;
    }
    f->heading_indent = true;
    f->heading_page_break = true;
    f->italic_can_cu = true;
    f->footnote_size = 12;
    f->table_size = 13;
    /* The decree sets no size for tables; 11 pt is the smallest it sets for
     * any text (§10: the items of Nơi nhận), so a table too wide for its
     * words at 13 pt may go down to it rather than split a word. */
    f->table_min_size = 11;
    /* §1: page numbers Arabic, 13–14 pt, centred in the top margin, hidden
     * on page 1. */
    f->page_numbers = PAGENUM_TOP_CENTER;
    f->page_number_size = 13;
    f->number_first_page = false;
}
