/* Page building: boxes are taken in order while they fit with the footnotes
 * they cite; when one does not, the page ends at the last place a break is
 * allowed (widows, orphans, keep-with-next, table header + first row). Table
 * headers are repeated on continuation pages; footnotes go to the foot of
 * the page that cites them, under a short rule. A note too tall to share a
 * page with the line citing it starts there and continues at the foot of
 * the next pages, under a rule across the text, as Word and TeX do. */
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

/* Could note k never share a page with a line that cites it? Such a note
 * may be split across pages; any other moves, with its line, to the next
 * page. */
static bool note_too_tall(const pager *p, int k)
{
    const frame_spec *fr = p->cx->fr;
    page_geom g = frame_page_geom(fr, frame_landscape(fr)); /* the document's own pages */
    double body_h = g.h - g.top - g.bottom;
    return note_height(p->cx, k) + 2 * NOTE_RULE_GAP + fr->body_size * fr->line_spacing > body_h;
}

/* A note, or what is left of it: boxes [from, n) of note k. */
typedef struct note_part {
    int k;
    size_t from;
} note_part;

typedef struct note_queue {
    note_part *v;
    size_t n, cap;
} note_queue;

static double part_height(const lay_ctx *cx, note_part q)
{
    const flow *nf = &cx->notes[q.k - 1];
    double h = 0;
    for (size_t i = q.from; i < nf->n; i++)
        h += nf->v[i].height;
    return h;
}

/* The height of the first boxes of the held parts that fit in `cap` (at
 * least one box). */
static double held_within(const lay_ctx *cx, const note_queue *held, double cap)
{
    double h = 0;
    for (size_t q = 0; q < held->n; q++) {
        const flow *nf = &cx->notes[held->v[q].k - 1];
        for (size_t l = held->v[q].from; l < nf->n; l++) {
            if (h > 0 && h + nf->v[l].height > cap + 0.01)
                return h;
            h += nf->v[l].height;
        }
    }
    return h;
}

/* What the notes of a page need if box b joins it: the notes held over, and
 * the new ones whole up to the first that no page could hold with its line,
 * which needs only its first box: it is split, and the notes after it are
 * held over to the next page, as TeX does. While a held note goes on past
 * the page (`held_open`), no new one may start on it: it needs more than
 * any page. */
static double notes_needed(const pager *p, double held, bool held_open, const int *fresh,
                           size_t n_fresh)
{
    if (held_open && n_fresh > 0)
        return HUGE_VAL;
    if (held <= 0 && n_fresh == 0)
        return 0;
    double h = 2 * NOTE_RULE_GAP + held;
    for (size_t i = 0; i < n_fresh; i++) {
        int k = fresh[i];
        const flow *nf = &p->cx->notes[k - 1];
        if (note_too_tall(p, k) && nf->n)
            return h + nf->v[0].height;
        h += note_height(p->cx, k);
    }
    return h;
}

void paginate(lay_ctx *cx)
{
    const frame_spec *fr = cx->fr;
    flow *f = &cx->main;
    page_doc *doc = cx->out;
    pager p = {.cx = cx};
    p.placed = vb_xcalloc(cx->n_notes ? cx->n_notes : 1, sizeof *p.placed);
    /* Notes (or their rest) not yet set, in order: those split on a page
     * before, and those a page's first line cited with no room for them. */
    note_queue held = {0};
    int *fresh = NULL; /* the notes first cited on the page being built */
    size_t n_fresh = 0, cap_fresh = 0;

    size_t i = 0;
    while (i < f->n || held.n) {
        while (i < f->n && f->v[i].space) /* space vanishes at the top of a page */
            i++;
        size_t start = i;
        bool landscape = i < f->n ? f->v[start].landscape : f->n && f->v[f->n - 1].landscape;
        page_geom g = frame_page_geom(fr, landscape);
        double page_w = g.w, page_h = g.h;
        p.body_h = page_h - g.top - g.bottom;
        /* A table continuing from the previous page repeats its header rows. */
        size_t hdr_first = 0, n_hdr = 0;
        if (i < f->n && f->v[i].table_id && !f->v[i].table_header && i > 0 &&
            f->v[i - 1].table_id == f->v[i].table_id)
            n_hdr = table_header_range(f, i, f->v[i].table_id, &hdr_first);
        double y = 0;
        for (size_t h = 0; h < n_hdr; h++)
            y += f->v[hdr_first + h].height;

        double held_h = 0;
        for (size_t q = 0; q < held.n; q++)
            held_h += part_height(cx, held.v[q]);
        /* While text is left to set, notes held over take at most half the
         * page: else a long note left one line of text on each page it
         * went on to. No new note starts under one that goes on. */
        bool held_open = false;
        if (i < f->n && held_h > p.body_h / 2) {
            held_h = held_within(cx, &held, p.body_h / 2);
            held_open = true;
        }
        n_fresh = 0;
        size_t end = f->n;
        size_t last_ok = start, last_soft = start;
        /* the notes first cited above each of those breaks: a line moved
         * to the next page takes the notes it cites with it */
        size_t fresh_ok = 0, fresh_soft = 0;
        double fill_ok = 0; /* how much of the page a break at last_ok fills */
        bool split_note = false; /* a note is split on this page: it ends at the next break */
        for (size_t j = start; j < f->n; j++) {
            const vbox *b = &f->v[j];
            if (j > start && (b->force_break || b->landscape != landscape)) {
                end = j;
                break;
            }
            if (j > start && break_allowed(f, j)) {
                if (split_note) {
                    end = j;
                    break;
                }
                last_ok = j;
                fresh_ok = n_fresh;
                fill_ok = y + notes_needed(&p, held_h, held_open, fresh, n_fresh);
            }
            if (j > start && break_allowed_soft(f, j)) {
                last_soft = j;
                fresh_soft = n_fresh;
            }
            size_t n_before = n_fresh;
            for (size_t k = 0; k < b->n_footnotes; k++) {
                int fn = b->footnotes[k];
                bool seen = fn < 1 || (size_t)fn > cx->n_notes || p.placed[fn - 1];
                for (size_t m = 0; m < n_fresh && !seen; m++)
                    seen = fresh[m] == fn;
                if (!seen)
                    VB_PUSH(fresh, n_fresh, cap_fresh, fn);
            }
            double need = notes_needed(&p, held_h, held_open, fresh, n_fresh);
            if (j > start && y + b->height + need > p.body_h + 0.01) {
                end = last_ok > start ? last_ok : j;
                n_fresh = last_ok > start ? fresh_ok : n_before;
                /* A short table is kept whole by preference only. Moved
                 * with the headings kept with it, it left up to a third of
                 * the page blank (75 mm and more of page one at the widest
                 * margins, where the narrower text makes the table taller):
                 * past an eighth of the page (31 mm) it is split like a long one,
                 * its header row repeated. */
                if (last_soft > last_ok &&
                    (last_ok == start || p.body_h - fill_ok > p.body_h / 8)) {
                    end = last_soft;
                    n_fresh = fresh_soft;
                }
                break;
            }
            y += b->height;
            /* a note split here ends the page at the next place a break is
             * allowed (a heading citing it keeps its first lines, a table
             * row its header): nothing more may come under it */
            if (n_fresh > n_before && !split_note) {
                double whole = held_h + 2 * NOTE_RULE_GAP;
                for (size_t m = 0; m < n_fresh; m++)
                    whole += note_height(cx, fresh[m]);
                split_note = y + whole > p.body_h + 0.01;
            }
        }

        /* Emit the page. */
        vb_page *pg = page_doc_add_page(doc, page_w, page_h);
        pg->section_start = start < f->n && f->v[start].section_start;
        double top = page_h - g.top;
        for (size_t h = 0; h < n_hdr; h++) {
            place_items(doc, pg, &f->v[hdr_first + h], top, 0);
            top -= f->v[hdr_first + h].height;
        }
        for (size_t j = start; j < end; j++) {
            const vbox *b = &f->v[j];
            if (b->space && j + 1 == end)
                break; /* trailing space is not drawn: nothing to draw anyway */
            place_items(doc, pg, b, top, 0);
            add_outline(doc, b, top);
            top -= b->height;
        }
        /* Footnotes: those held over, then those the page cites, in order,
         * as many boxes as the room below the text takes; the rest is held
         * for the next page. */
        for (size_t m = 0; m < n_fresh; m++) {
            p.placed[fresh[m] - 1] = true;
            VB_PUSH(held.v, held.n, held.cap, ((note_part){fresh[m], 0}));
        }
        double room = top - g.bottom - 2 * NOTE_RULE_GAP;
        size_t done = 0, to = 0; /* parts [0, done) whole; part `done` up to box `to` */
        double h = 0;
        for (; done < held.n; done++) {
            const flow *nf = &cx->notes[held.v[done].k - 1];
            size_t l = held.v[done].from;
            while (l < nf->n && h + nf->v[l].height <= room + 0.01) {
                h += nf->v[l].height;
                l++;
            }
            if (l < nf->n) {
                to = l;
                break;
            }
        }
        /* A page of notes alone takes at least a box of them, however tall:
         * else the same page would be made again and again, without end. */
        if (start == end && done == 0 && held.n && to == held.v[0].from) {
            h += cx->notes[held.v[0].k - 1].v[to].height;
            if (++to == cx->notes[held.v[0].k - 1].n)
                done = 1, to = 0;
        }
        bool partial = done < held.n && to > held.v[done].from;
        if (done > 0 || partial) {
            double ny = g.bottom + 2 * NOTE_RULE_GAP + h;
            page_item *rule = page_add_item(pg, ITEM_LINE);
            rule->u.line.x1 = g.left;
            /* a note continued from the page before: a rule across the
             * text (Word's continuation separator), else the short one */
            rule->u.line.x2 = held.v[0].from > 0 ? page_w - g.right : g.left + MM_TO_PT(50);
            rule->u.line.y1 = rule->u.line.y2 = ny - NOTE_RULE_GAP;
            rule->u.line.width = 0.5;
            ny -= 2 * NOTE_RULE_GAP;
            for (size_t q = 0; q < done + (partial ? 1 : 0); q++) {
                const flow *nf = &cx->notes[held.v[q].k - 1];
                size_t last = q < done ? nf->n : to;
                for (size_t l = held.v[q].from; l < last; l++) {
                    place_items(doc, pg, &nf->v[l], ny, g.left - fr->margin_left);
                    ny -= nf->v[l].height;
                }
            }
        }
        if (partial)
            held.v[done].from = to;
        if (done) /* held.v is NULL on a page that cites no note */
            memmove(held.v, held.v + done, (held.n - done) * sizeof *held.v);
        held.n -= done;
        i = end;
    }
    free(fresh);
    free(held.v);
    free(p.placed);
}
