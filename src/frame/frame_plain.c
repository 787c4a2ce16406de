/* The plain frame: an ordinary document with official-document proportions. */
#include "frame.h"
#include "md/md.h"

#include <stdio.h>
#include <string.h>

void frame_plain(frame_spec *f)
{
    memset(f, 0, sizeof *f);
    f->kind = FRAME_PLAIN;
    f->page_w = 595.276; /* A4, as libharu defines it */
    f->page_h = 841.89;
    /* Decree 30's margins suit any printed Vietnamese document: binding on the left. */
    f->margin_top = MM_TO_PT(20);
    f->margin_bottom = MM_TO_PT(20);
    f->margin_left = MM_TO_PT(30);
    f->margin_right = MM_TO_PT(15);
    f->body_size = 13;
    f->line_spacing = 1.2;
    f->para_space = 6;
    f->first_indent = MM_TO_PT(12.7);
    f->justify = true;
    f->lists = LIST_HANGING;
    f->list_indent = MM_TO_PT(7);
    const double sizes[6] = {16, 14, 13, 13, 13, 13};
    for (int i = 0; i < 6; i++) {
        f->heading_size[i] = sizes[i];
        f->heading_center[i] = i == 0;
        f->heading_style[i] = i == 3 ? (MD_BOLD | MD_ITALIC) : i > 3 ? MD_ITALIC : MD_BOLD;
    }
    f->footnote_size = 10;
    f->table_size = 12;
    /* A crowded table may go down to the footnotes' size rather than split
     * a word (layout/table.c). */
    f->table_min_size = 10;
    f->page_numbers = PAGENUM_BOTTOM_CENTER;
    f->page_number_size = 12;
    f->number_first_page = false; /* as Vietnamese documents: numbers from page 2 */
}
