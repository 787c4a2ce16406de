/* Page furniture common to frames: page numbers; and the size and margins
 * of a page in either orientation. */
#include "frame.h"

#include <stdio.h>
#include <string.h>

bool frame_landscape(const frame_spec *f)
{
    return f->page_w > f->page_h;
}

page_geom frame_page_geom(const frame_spec *f, bool landscape)
{
    page_geom g = {.w = f->page_w, .h = f->page_h, .top = f->margin_top,
                   .bottom = f->margin_bottom, .left = f->margin_left, .right = f->margin_right};
    if (landscape != frame_landscape(f)) {
        /* A page turned within the document is bound with the others, by
         * the edge that is the left edge of the document's sheet; turned,
         * that edge is the page's top. The PDF page is landscape (its
         * MediaBox, no /Rotate): it prints on a portrait sheet turned a
         * quarter counter-clockwise, its top to the sheet's left edge,
         * which is what printers do with a landscape page by default
         * (PostScript's Landscape, Word's landscape sections) and what a
         * reader expects, turning the bound document clockwise to read
         * the table. So the margins turn with the sheet: the binding
         * margin (le_trai) is the top one, the top margin the right one,
         * the right margin the bottom one, the bottom margin the left one.
         * It kept the portrait left margin on its left, a short edge, with
         * the binding eating 30 mm of the table's width and only 15 mm of
         * white left at the bound edge. */
        g.w = f->page_h;
        g.h = f->page_w;
        g.top = f->margin_left;
        g.right = f->margin_top;
        g.bottom = f->margin_right;
        g.left = f->margin_bottom;
    }
    return g;
}

void frame_decorate(const frame_spec *f, page_doc *doc, vb_page *pg, size_t index,
                    font_face *regular)
{
    if (f->page_numbers == PAGENUM_NONE || (index == 0 && !f->number_first_page) || !regular)
        return;
    char num[32];
    snprintf(num, sizeof num, "%zu", index + 1);
    double size = f->page_number_size > 0 ? f->page_number_size : f->body_size - 1;
    double w = font_text_width(regular, num, strlen(num), size);
    page_geom g = frame_page_geom(f, pg->width > pg->height);
    double x = g.left + (pg->width - g.left - g.right - w) / 2;
    double y;
    if (f->page_numbers == PAGENUM_TOP_CENTER)
        y = pg->height - g.top / 2 - size * 0.3;
    else
        y = g.bottom / 2 - size * 0.3;
    page_item *it = page_add_item(pg, ITEM_TEXT);
    it->u.text.face = regular;
    it->u.text.size = size;
    it->u.text.x = x;
    it->u.text.y = y;
    it->u.text.utf8 = vb_arena_strdup(doc->arena, num);
}
