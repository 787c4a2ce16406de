/* Page furniture common to frames: page numbers. */
#include "frame.h"

#include <stdio.h>
#include <string.h>

void frame_decorate(const frame_spec *f, page_doc *doc, vb_page *pg, size_t index,
                    font_face *regular)
{
    if (f->page_numbers == PAGENUM_NONE || (index == 0 && !f->number_first_page) || !regular)
        return;
    char num[32];
    snprintf(num, sizeof num, "%zu", index + 1);
    double size = f->page_number_size > 0 ? f->page_number_size : f->body_size - 1;
    double w = font_text_width(regular, num, strlen(num), size);
    double x = f->margin_left + (pg->width - f->margin_left - f->margin_right - w) / 2;
    double y;
    if (f->page_numbers == PAGENUM_TOP_CENTER)
        y = pg->height - f->margin_top / 2 - size * 0.3;
    else
        y = f->margin_bottom / 2 - size * 0.3;
    page_item *it = page_add_item(pg, ITEM_TEXT);
    it->u.text.face = regular;
    it->u.text.size = size;
    it->u.text.x = x;
    it->u.text.y = y;
    it->u.text.utf8 = vb_arena_strdup(doc->arena, num);
}
