/* Page building: boxes are taken in order while they fit with the footnotes
 * they cite; when one does not, the page ends at the last place a break is
 * allowed (widows, orphans, keep-with-next, table header + first row). Table
 * headers are repeated on continuation pages; footnotes go to the foot of
 * the page that cites them, under a short rule. */
#include "layout_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define NOTE_RULE_GAP 6.0 /* space above and below the footnote rule */

typedef struct pager {
    lay_ctx *cx;
    double body_h;
    bool *placed; /* footnote k placed already (index k-1) */
} pager;

static double note_height(const lay_ctx *cx, int k)
{
    if (k < 1 || (size_t)k > cx->n_notes)
        return 0;
    const flow *nf = &cx->notes[k - 1];
    double h = 0;
    for (size_t i = 0; i < nf->n; i++)
        h += nf->v[i].height;
    return h;
}

/* Height the footnotes of box b add to the page, given those already on it. */
static double notes_added(pager *p, const vbox *b, bool *on_page, bool any_on_page)
{
    double h = 0;
    bool any = any_on_page;
    for (size_t i = 0; i < b->n_footnotes; i++) {
        int k = b->footnotes[i];
        if (k < 1 || (size_t)k > p->cx->n_notes || p->placed[k - 1] || on_page[k - 1])
            continue;
        if (!any) {
            h += 2 * NOTE_RULE_GAP;
            any = true;
        }
        h += note_height(p->cx, k);
    }
    return h;
}

/* Copies box b's items onto the page, its top at `top`, moved `dx` right
 * (footnotes, set once for the document's text column, on a turned page). */
static void place_items(page_doc *doc, vb_page *pg, const vbox *b, double top, double dx)
{
    for (size_t i = 0; i < b->n_items; i++) {
        page_item *it = page_add_item(pg, b->items[i].kind);
        *it = b->items[i];
        switch (it->kind) {
        case ITEM_TEXT: it->u.text.y += top; it->u.text.x += dx; break;
        case ITEM_LINE:
            it->u.line.y1 += top;
            it->u.line.y2 += top;
            it->u.line.x1 += dx;
            it->u.line.x2 += dx;
            break;
        case ITEM_RECT: it->u.rect.y += top; it->u.rect.x += dx; break;
        case ITEM_IMAGE: it->u.image.y += top; it->u.image.x += dx; break;
        case ITEM_LINK: it->u.link.y += top; it->u.link.x += dx; break;
        case ITEM_PATH: it->u.path.y += top; it->u.path.x += dx; break;
        case ITEM_LAYER: break;
        }
    }
    (void)doc;
}

static void add_outline(page_doc *doc, const vbox *b, double top)
{
    if (!b->outline_title)
        return;
    vb_grow((void **)&doc->outline, &doc->cap_outline, doc->n_outline + 1, sizeof *doc->outline);
    outline_entry *e = &doc->outline[doc->n_outline++];
    e->title = b->outline_title;
    e->level = b->outline_level;
    e->page = doc->n_pages - 1;
    e->y = top;
}

/* May a page end before box j? Space vanishes at the top of a page, so a
 * break before a space is a break before the next real box, and only as
 * allowed as that one: the space after the last paragraph must not let the
 * signature block (kept with that paragraph) start a page alone. */
static bool break_allowed(const flow *f, size_t j)
{
    if (!f->v[j].break_ok)
        return false;
    size_t k = j;
    while (k < f->n && f->v[k].space)
        k++;
    return k >= f->n || f->v[k].break_ok || f->v[k].force_break;
}

/* The same, with the soft keeps given up: may a page end before box j if a
 * short table is split? */
static bool break_allowed_soft(const flow *f, size_t j)
{
    if (!f->v[j].break_ok && !f->v[j].soft_keep)
        return false;
    size_t k = j;
    while (k < f->n && f->v[k].space)
        k++;
    return k >= f->n || f->v[k].break_ok || f->v[k].soft_keep || f->v[k].force_break;
}

/* Header rows of table `id`, found by walking back from box i. */
static size_t table_header_range(const flow *f, size_t i, int id, size_t *first)
{
    size_t j = i;
    while (j > 0 && f->v[j - 1].table_id == id)
        j--;
    size_t k = j;
    while (k < i && f->v[k].table_id == id && f->v[k].table_header)
        k++;
    *first = j;
    return k - j;
}

/* A footnote must fit on one page with the line that cites it: vanban does
 * not carry a note over to the next page, and one taller than the page was
 * drawn from above the paper's top edge, its first lines lost, exit 0. */
static bool notes_fit(lay_ctx *cx)
{
    const frame_spec *fr = cx->fr;
    double body_h = fr->page_h - fr->margin_top - fr->margin_bottom; /* the document's orientation */
    bool ok = true;
    for (size_t k = 1; k <= cx->n_notes; k++) {
        double h = note_height(cx, (int)k);
        if (h + 2 * NOTE_RULE_GAP + fr->body_size * fr->line_spacing <= body_h)
            continue;
        int line = k <= cx->doc->n_footnotes ? cx->doc->footnotes[k - 1].line : 0;
        vb_error(cx->d, cx->doc->path, line, 0,
                 "chú thích số %zu dài hơn một trang; vanban không chia chú thích sang trang "
                 "sau: hãy rút ngắn, hoặc đưa phần dài vào thân văn bản hay phụ lục",
                 k);
        ok = false;
    }
    return ok;
}

void paginate(lay_ctx *cx)
{
    if (!notes_fit(cx)) {
        cx->failed = true;
        return;
    }
    const frame_spec *fr = cx->fr;
    flow *f = &cx->main;
    page_doc *doc = cx->out;
    pager p = {.cx = cx};
    p.placed = vb_xcalloc(cx->n_notes ? cx->n_notes : 1, sizeof *p.placed);
    bool *on_page = vb_xcalloc(cx->n_notes ? cx->n_notes : 1, sizeof *on_page);

    size_t i = 0;
    while (i < f->n) {
        while (i < f->n && f->v[i].space) /* space vanishes at the top of a page */
            i++;
        if (i >= f->n)
            break;
        size_t start = i;
        bool landscape = f->v[start].landscape;
        page_geom g = frame_page_geom(fr, landscape);
        double page_w = g.w, page_h = g.h;
        p.body_h = page_h - g.top - g.bottom;
        /* A table continuing from the previous page repeats its header rows. */
        size_t hdr_first = 0, n_hdr = 0;
        if (f->v[i].table_id && !f->v[i].table_header && i > 0 &&
            f->v[i - 1].table_id == f->v[i].table_id)
            n_hdr = table_header_range(f, i, f->v[i].table_id, &hdr_first);
        double y = 0;
        for (size_t h = 0; h < n_hdr; h++)
            y += f->v[hdr_first + h].height;

        memset(on_page, 0, cx->n_notes * sizeof *on_page);
        double notes_h = 0;
        bool any_notes = false;
        size_t end = f->n;
        size_t last_ok = start, last_soft = start;
        double fill_ok = 0; /* how much of the page a break at last_ok fills */
        for (size_t j = start; j < f->n; j++) {
            const vbox *b = &f->v[j];
            if (j > start && (b->force_break || b->landscape != landscape)) {
                end = j;
                break;
            }
            if (j > start && break_allowed(f, j)) {
                last_ok = j;
                fill_ok = y + notes_h;
            }
            if (j > start && break_allowed_soft(f, j))
                last_soft = j;
            double add = notes_added(&p, b, on_page, any_notes);
            if (j > start && y + b->height + notes_h + add > p.body_h + 0.01) {
                end = last_ok > start ? last_ok : j;
                /* A short table is kept whole by preference only. Moved
                 * with the headings kept with it, it left up to a third of
                 * the page blank (75 mm and more of page one at the widest
                 * margins, where the narrower text makes the table taller):
                 * past an eighth of the page (31 mm) it is split like a long one,
                 * its header row repeated. */
                if (last_soft > last_ok &&
                    (last_ok == start || p.body_h - fill_ok > p.body_h / 8))
                    end = last_soft;
                break;
            }
            y += b->height;
            notes_h += add;
            for (size_t k = 0; k < b->n_footnotes; k++) {
                int fn = b->footnotes[k];
                if (fn >= 1 && (size_t)fn <= cx->n_notes && !p.placed[fn - 1]) {
                    on_page[fn - 1] = true;
                    any_notes = true;
                }
            }
        }

        /* Emit the page. */
        vb_page *pg = page_doc_add_page(doc, page_w, page_h);
        pg->section_start = f->v[start].section_start;
        double top = page_h - g.top;
        for (size_t h = 0; h < n_hdr; h++) {
            place_items(doc, pg, &f->v[hdr_first + h], top, 0);
            top -= f->v[hdr_first + h].height;
        }
        /* Footnotes: exactly those cited by the boxes that made it onto the page. */
        int *notes = NULL;
        size_t n_notes = 0, cap_notes = 0;
        for (size_t j = start; j < end; j++) {
            const vbox *b = &f->v[j];
            if (b->space && j + 1 == end)
                break; /* trailing space is not drawn: nothing to draw anyway */
            place_items(doc, pg, b, top, 0);
            add_outline(doc, b, top);
            top -= b->height;
            for (size_t k = 0; k < b->n_footnotes; k++) {
                int fn = b->footnotes[k];
                if (fn >= 1 && (size_t)fn <= cx->n_notes && !p.placed[fn - 1]) {
                    p.placed[fn - 1] = true;
                    VB_PUSH(notes, n_notes, cap_notes, fn);
                }
            }
        }
        if (n_notes) {
            double h = 2 * NOTE_RULE_GAP;
            for (size_t k = 0; k < n_notes; k++)
                h += note_height(cx, notes[k]);
            double ny = g.bottom + h;
            page_item *rule = page_add_item(pg, ITEM_LINE);
            rule->u.line.x1 = g.left;
            rule->u.line.x2 = g.left + MM_TO_PT(50);
            rule->u.line.y1 = rule->u.line.y2 = ny - NOTE_RULE_GAP;
            rule->u.line.width = 0.5;
            ny -= 2 * NOTE_RULE_GAP;
            for (size_t k = 0; k < n_notes; k++) {
                const flow *nf = &cx->notes[notes[k] - 1];
                for (size_t l = 0; l < nf->n; l++) {
                    place_items(doc, pg, &nf->v[l], ny, g.left - fr->margin_left);
                    ny -= nf->v[l].height;
                }
            }
        }
        free(notes);
        i = end;
    }
    free(on_page);
    free(p.placed);
}
