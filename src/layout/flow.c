/* Vertical lists of boxes. */
#include "layout_internal.h"

#include <stdlib.h>
#include <string.h>

vbox *flow_add(lay_ctx *cx, flow *f, double height)
{
    vb_grow((void **)&f->v, &f->cap, f->n + 1, sizeof *f->v);
    vbox *b = &f->v[f->n++];
    memset(b, 0, sizeof *b);
    b->height = height;
    b->break_ok = !cx->keep_next;
    b->landscape = cx->landscape;
    /* a unit of its own, unless its maker (a paragraph, a table, a code
     * block) makes it part of one */
    if (f == cx->anchored)
        b->at = (box_anchor){++cx->unit, 0, 0};
    if (cx->break_next && !b->space && f == &cx->main) {
        b->force_break = true;
        b->break_ok = true;
        cx->break_next = false;
    }
    cx->keep_next = false;
    return b;
}

bool flow_skip_unit(lay_ctx *cx, const flow *f)
{
    if (f != cx->anchored || !cx->resuming || cx->unit + 1 >= cx->resume.unit)
        return false;
    cx->unit++;
    cx->keep_next = false; /* as the unit's first box would have ended it */
    return true;
}

void flow_add_space(lay_ctx *cx, flow *f, double height)
{
    if (height <= 0)
        return;
    bool keep = cx->keep_next; /* space does not end a keep-with-next */
    bool brk = cx->break_next; /* nor does it take a pending page break */
    cx->break_next = false;
    vbox *b = flow_add(cx, f, height);
    b->space = true;
    cx->keep_next = keep;
    cx->break_next = brk;
}

bool flow_break_allowed(const flow *f, size_t j)
{
    /* A box that starts a page may follow one kept with what follows (a
     * level-1 heading after a run-in "**a) …**" heading: heading() sets
     * force_break, not break_ok); what was kept over it is on the page
     * before, and a walk back (kept_above) must stop there. paginate()
     * ends the page at a force_break before it asks this, so its pages do
     * not change. */
    if (!f->v[j].break_ok && !f->v[j].force_break)
        return false;
    size_t k = j;
    while (k < f->n && f->v[k].space)
        k++;
    return k >= f->n || f->v[k].break_ok || f->v[k].force_break;
}

void lay_text_column(const lay_ctx *cx, double *x, double *width)
{
    page_geom g = frame_page_geom(cx->fr, cx->landscape);
    *x = g.left;
    *width = g.w - g.left - g.right;
}

page_item *vbox_add_item(vbox *b, page_item_kind kind)
{
    vb_grow((void **)&b->items, &b->cap_items, b->n_items + 1, sizeof *b->items);
    page_item *it = &b->items[b->n_items++];
    memset(it, 0, sizeof *it);
    it->kind = kind;
    return it;
}

void vbox_free(vbox *b)
{
    free(b->items);
    free(b->footnotes);
}

void flow_free(flow *f)
{
    for (size_t i = 0; i < f->n; i++)
        vbox_free(&f->v[i]);
    free(f->v);
    memset(f, 0, sizeof *f);
}
