/* Page building: boxes are taken in order while they fit with the footnotes
 * they cite; when one does not, the page ends at the last place a break is
 * allowed (widows, orphans, keep-with-next, table header + first row). Table
 * headers are repeated on continuation pages; footnotes go to the foot of
 * the page that cites them, under a short rule. A note too tall to share a
 * page with the line citing it starts there and continues at the foot of
 * the next pages, under a rule across the text, as Word and TeX do; a note
 * cited on a page where another goes on starts on that page too, under the
 * part of the one going on, as in Word (TeX holds it over: its mark and
 * its text were a page apart). Notes are set across the text column of the
 * page they are on, a turned page's too (reorient_held). */
#include "layout_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define NOTE_RULE_GAP 6.0 /* space above and below the footnote rule */
/* The lines of a note a page shows at least: the first ones of a note it
 * cites, when the note cannot be whole there, and those of a note going on
 * from the page before, when notes start under it. Two, as no paragraph
 * leaves one line alone at the foot or the head of a page. */
#define NOTE_MIN_LINES 2

/* A note, or what is left of it: boxes [from, n) of note k as set for a
 * page of its orientation (landscape or not), or of `own`: its rest set
 * again when it went on to a page of the other orientation. */
typedef struct note_part {
    int k;
    size_t from;
    bool started; /* some of it is on a page already */
    bool landscape;
    bool has_own;
    flow own;
} note_part;

typedef struct note_queue {
    note_part *v;
    size_t n, cap;
} note_queue;

typedef struct pager {
    lay_ctx *cx;
    bool landscape; /* the page being made */
    double body_h;  /* ... its text's height */
    /* The notes set for the pages of the other orientation than the
     * document's (turned pages), each at its first use; and each note's
     * height as set for either orientation ([1]: turned), < 0 until known. */
    flow *turned;
    double *height[2];
    bool *placed; /* footnote k on a page, or held for one, already (index k-1) */
    /* Notes (or their rest) not yet set, in order of citation: those going
     * on from a page before, and those a page could not start. */
    note_queue held;
    /* What the held notes need on the page being made (page_notes): */
    double held_cap; /* their share: all, or at most half the page while text is left */
    double head_min; /* the first lines of the first, if it goes on from a page before */
    size_t *take;    /* boxes of each held part the page takes (choose_notes) */
    size_t cap_take;
} pager;

/* Copies box b's items onto the page, its top at `top`. */
static void place_items(vb_page *pg, const vbox *b, double top)
{
    for (size_t i = 0; i < b->n_items; i++) {
        page_item *it = page_add_item(pg, b->items[i].kind);
        *it = b->items[i];
        switch (it->kind) {
        case ITEM_TEXT: it->u.text.y += top; break;
        case ITEM_LINE: it->u.line.y1 += top; it->u.line.y2 += top; break;
        case ITEM_RECT: it->u.rect.y += top; break;
        case ITEM_IMAGE: it->u.image.y += top; break;
        case ITEM_LINK: it->u.link.y += top; break;
        case ITEM_PATH: it->u.path.y += top; break;
        case ITEM_LAYER: break;
        }
    }
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

/* Is box j a table's body row right under its header rows? */
static bool under_header(const flow *f, size_t j)
{
    return j > 0 && j < f->n && f->v[j].table_id && !f->v[j].table_header &&
           f->v[j - 1].table_header && f->v[j - 1].table_id == f->v[j].table_id;
}

static double flow_height(const flow *f)
{
    double h = 0;
    for (size_t i = 0; i < f->n; i++)
        h += f->v[i].height;
    return h;
}

/* Note k as set for a page of the document's orientation or the other. */
static const flow *note_flow(pager *p, int k, bool landscape)
{
    lay_ctx *cx = p->cx;
    if (landscape == frame_landscape(cx->fr))
        return &cx->notes[k - 1];
    if (!p->turned)
        p->turned = vb_xcalloc(cx->n_notes, sizeof *p->turned);
    flow *nf = &p->turned[k - 1];
    if (p->height[1][k - 1] < 0) { /* not set yet */
        layout_note(cx, k, landscape, NULL, nf);
        p->height[1][k - 1] = flow_height(nf);
    }
    return nf;
}

static double note_height(pager *p, int k, bool landscape)
{
    bool turned = landscape != frame_landscape(p->cx->fr);
    if (p->height[turned][k - 1] < 0)
        p->height[turned][k - 1] = flow_height(note_flow(p, k, landscape));
    return p->height[turned][k - 1];
}

/* Could note k never share the page being made (or one like it) with a
 * line that cites it? Such a note may be split across pages; any other
 * moves, with its line, to the next page. */
static bool note_too_tall(pager *p, int k)
{
    const frame_spec *fr = p->cx->fr;
    return note_height(p, k, p->landscape) + 2 * NOTE_RULE_GAP + fr->body_size * fr->line_spacing >
           p->body_h;
}

static const flow *part_flow(pager *p, const note_part *q)
{
    return q->has_own ? &q->own : note_flow(p, q->k, q->landscape);
}

/* Readies the held parts for a page of orientation `landscape`. A part set
 * for the other is set again for this one's text width: a note not started
 * is taken as set for it; what is left of one started is set again from
 * its next box's anchor (layout_note), its lines broken anew for the new
 * width from the word that line started with. Keeping the old lines was
 * simpler, but they are a portrait column's width on the turned page (or
 * run off a portrait page when set for a turned one, wider); breaking the
 * whole note anew for every page would move words across the page break.
 * Only what is left is broken again: what is printed stays printed. */
static void reorient_held(pager *p, bool landscape)
{
    for (size_t q = 0; q < p->held.n; q++) {
        note_part *part = &p->held.v[q];
        if (part->landscape == landscape)
            continue;
        flow rest = {0};
        bool has_rest = part->started;
        if (has_rest) {
            box_anchor at = part_flow(p, part)->v[part->from].at;
            layout_note(p->cx, part->k, landscape, &at, &rest);
        }
        if (part->has_own)
            flow_free(&part->own);
        part->own = rest;
        part->has_own = has_rest;
        part->from = 0;
        part->landscape = landscape;
    }
}

/* The height of the boxes of part q from its box `from` on: all of them,
 * or the first `lines`. */
static double part_height(pager *p, const note_part *q, size_t lines)
{
    const flow *nf = part_flow(p, q);
    double h = 0;
    for (size_t i = q->from; i < nf->n && i - q->from < lines; i++)
        h += nf->v[i].height;
    return h;
}

/* The height of the first boxes of the held parts that fit in `cap` (at
 * least one box). */
static double held_within(pager *p, double cap)
{
    double h = 0;
    for (size_t q = 0; q < p->held.n; q++) {
        const flow *nf = part_flow(p, &p->held.v[q]);
        for (size_t l = p->held.v[q].from; l < nf->n; l++) {
            if (h > 0 && h + nf->v[l].height > cap + 0.01)
                return h;
            h += nf->v[l].height;
        }
    }
    return h;
}

/* What the held notes need on the page about to be made. While text is left
 * to set, they take at most half the page: else a long note left one line
 * of text on each page it went on to. */
static void page_notes(pager *p, bool text_left)
{
    double total = 0;
    for (size_t q = 0; q < p->held.n; q++)
        total += part_height(p, &p->held.v[q], SIZE_MAX);
    p->held_cap = text_left && total > p->body_h / 2 ? held_within(p, p->body_h / 2) : total;
    p->head_min = p->held.n && p->held.v[0].started
                      ? part_height(p, &p->held.v[0], NOTE_MIN_LINES)
                      : 0;
}

/* What note k, not started yet, needs on the page that cites it: all of
 * it, or, if it is too tall for any page or a note cited before it on the
 * page is (`open`), its first lines; the rest goes on under them on the
 * next pages. A note that needs all of itself and does not fit moves to
 * the next page with its line. After a note too tall, that would take the
 * tall note's line along (the page ends at the first break after it) and
 * leave the foot of the page empty: notes 4 and 5 of the results report
 * are cited on one line. Under a note going on from the page before, the
 * new one is not split: moving its line costs no room (the note going on
 * fills it), and the new note is whole on the next page, instead of going
 * on only after that note ends, maybe pages later. */
static double owed_height(pager *p, int k, bool *open)
{
    note_part q = {.k = k, .landscape = p->landscape};
    bool tall = note_too_tall(p, k);
    double h = *open || tall ? part_height(p, &q, NOTE_MIN_LINES) : note_height(p, k, p->landscape);
    *open = *open || tall;
    return h;
}

/* What the notes of a page need if it cites the notes `fresh` (first cited
 * on it): with none, the held notes' share. With some, what each note not
 * started needs (owed_height), and the first lines of a note going on:
 * the new notes take the room they need from its share, and it goes on
 * further, so that a note starts on the page that cites it. `whole`: all
 * of every note not started (is one split?). */
static double notes_needed(pager *p, const int *fresh, size_t n_fresh, bool whole)
{
    if (n_fresh == 0)
        return p->held.n ? 2 * NOTE_RULE_GAP + p->held_cap : 0;
    bool open = false;
    double h = p->head_min;
    for (size_t q = 0; q < p->held.n + n_fresh; q++) {
        const note_part *part = q < p->held.n ? &p->held.v[q] : NULL;
        if (part && part->started)
            continue;
        int k = part ? part->k : fresh[q - p->held.n];
        h += whole ? note_height(p, k, p->landscape) : owed_height(p, k, &open);
    }
    return 2 * NOTE_RULE_GAP + fmax(p->held_cap, h);
}

/* Takes boxes of held part q onto the page while they fit in `room`, up to
 * `most` of them in all. */
static void take_boxes(pager *p, size_t q, size_t most, double room, double *used)
{
    const note_part *part = &p->held.v[q];
    const flow *nf = part_flow(p, part);
    size_t *t = &p->take[q];
    while (part->from + *t < nf->n && *t < most &&
           *used + nf->v[part->from + *t].height <= room + 0.01) {
        *used += nf->v[part->from + *t].height;
        ++*t;
    }
}

static bool part_done(pager *p, size_t q)
{
    return p->held.v[q].from + p->take[q] >= part_flow(p, &p->held.v[q])->n;
}

/* Chooses how many boxes of each held part the page's notes take, in `room`
 * (the notes the page cites are at the end of the queue, not started). In
 * this order, as long as they fit: the first lines of each note not
 * started (the page cites it, or one before could not start it), the
 * first lines of a note going on from the page before, the whole of each
 * note not started, the rest of those (a new note takes room from one
 * going on, which goes on further), and last the rest of the notes going
 * on. notes_needed made the text leave room for what is owed. `alone`: the
 * page has no text, and takes a box however tall (else it would be made
 * again and again, without end). Returns the height taken. */
static double choose_notes(pager *p, double room, bool alone)
{
    note_queue *held = &p->held;
    size_t n = held->n ? held->n : 1;
    vb_grow((void **)&p->take, &p->cap_take, n, sizeof *p->take);
    memset(p->take, 0, n * sizeof *p->take);
    double used = 0;
    /* A note cited by a page whose first box leaves no room under it for
     * the note's first line (a table row or an image as tall as the page)
     * cannot start there: that box cannot move to a later page, being
     * first already. It is held, not started, and its first lines come
     * first among the notes of the next page, after only the first lines
     * of a note going on, cited before it (its number is lower). */
    for (size_t q = 0; q < held->n; q++)
        if (!held->v[q].started)
            take_boxes(p, q, NOTE_MIN_LINES, room, &used);
    if (held->n && held->v[0].started)
        take_boxes(p, 0, NOTE_MIN_LINES, room, &used);
    for (size_t q = 0; q < held->n; q++) {
        const note_part *part = &held->v[q];
        if (!part->started && used + part_height(p, part, SIZE_MAX) -
                                      part_height(p, part, p->take[q]) <= room + 0.01)
            take_boxes(p, q, SIZE_MAX, room, &used);
    }
    /* The rest, in order: a note is read to its end before the next goes
     * on, so one that does not end here stops those after it. */
    for (int started = 0; started < 2; started++)
        for (size_t q = 0; q < held->n; q++)
            if (held->v[q].started == started) {
                take_boxes(p, q, SIZE_MAX, room, &used);
                if (!part_done(p, q))
                    break;
            }
    if (alone && used == 0) {
        for (size_t q = 0; q < held->n; q++) {
            const flow *nf = part_flow(p, &held->v[q]);
            if (held->v[q].from < nf->n) {
                used = nf->v[held->v[q].from].height;
                p->take[q] = 1;
                break;
            }
        }
    }
    return used;
}

/* Sets the chosen boxes of the held parts at the foot of page pg, bottom
 * margin g.bottom, under one rule, and keeps what is left of them for the
 * next page. */
static void emit_notes(pager *p, vb_page *pg, const page_geom *g, double used)
{
    note_queue *held = &p->held;
    size_t first = 0;
    while (first < held->n && p->take[first] == 0)
        first++;
    if (first < held->n) {
        double ny = g->bottom + 2 * NOTE_RULE_GAP + used;
        page_item *rule = page_add_item(pg, ITEM_LINE);
        rule->u.line.x1 = g->left;
        /* notes that start with one continued from the page before: a rule
         * across the text (Word's continuation separator), else the short one */
        rule->u.line.x2 = held->v[first].started ? g->w - g->right : g->left + MM_TO_PT(50);
        rule->u.line.y1 = rule->u.line.y2 = ny - NOTE_RULE_GAP;
        rule->u.line.width = 0.5;
        ny -= 2 * NOTE_RULE_GAP;
        for (size_t q = first; q < held->n; q++) {
            const flow *nf = part_flow(p, &held->v[q]);
            for (size_t l = held->v[q].from; l < held->v[q].from + p->take[q]; l++) {
                place_items(pg, &nf->v[l], ny);
                ny -= nf->v[l].height;
            }
        }
    }
    size_t kept = 0;
    for (size_t q = 0; q < held->n; q++) {
        note_part part = held->v[q];
        part.from += p->take[q];
        part.started = part.started || p->take[q] > 0;
        if (part.from < part_flow(p, &part)->n)
            held->v[kept++] = part;
        else if (part.has_own)
            flow_free(&part.own);
    }
    held->n = kept;
}

void paginate(lay_ctx *cx)
{
    const frame_spec *fr = cx->fr;
    flow *f = &cx->main;
    page_doc *doc = cx->out;
    pager p = {.cx = cx};
    size_t n_notes = cx->n_notes ? cx->n_notes : 1;
    p.placed = vb_xcalloc(n_notes, sizeof *p.placed);
    for (int o = 0; o < 2; o++) {
        p.height[o] = vb_xmalloc(n_notes * sizeof *p.height[o]);
        for (size_t k = 0; k < n_notes; k++)
            p.height[o][k] = -1;
    }
    int *fresh = NULL; /* the notes first cited on the page being built */
    size_t n_fresh = 0, cap_fresh = 0;

    size_t i = 0;
    while (i < f->n || p.held.n) {
        while (i < f->n && f->v[i].space) /* space vanishes at the top of a page */
            i++;
        size_t start = i;
        bool landscape = i < f->n ? f->v[start].landscape : f->n && f->v[f->n - 1].landscape;
        page_geom g = frame_page_geom(fr, landscape);
        double page_w = g.w, page_h = g.h;
        p.landscape = landscape;
        p.body_h = page_h - g.top - g.bottom;
        /* A table continuing from the previous page repeats its header rows. */
        size_t hdr_first = 0, n_hdr = 0;
        if (i < f->n && f->v[i].table_id && !f->v[i].table_header && i > 0 &&
            f->v[i - 1].table_id == f->v[i].table_id)
            n_hdr = table_header_range(f, i, f->v[i].table_id, &hdr_first);
        double y = 0;
        for (size_t h = 0; h < n_hdr; h++)
            y += f->v[hdr_first + h].height;

        reorient_held(&p, landscape);
        page_notes(&p, i < f->n);
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
            if (j > start && flow_break_allowed(f, j)) {
                if (split_note) {
                    end = j;
                    break;
                }
                last_ok = j;
                fresh_ok = n_fresh;
                fill_ok = y + notes_needed(&p, fresh, n_fresh, false);
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
            double need = notes_needed(&p, fresh, n_fresh, false);
            /* A table's first body row goes on the page that starts with
             * its header rows (after only what is kept with them) whenever
             * it fits there itself, and table_layout cut it to fit: the
             * notes it cites, if they do not fit too, are held for the
             * next page, as those of a page's first box (choose_notes).
             * Moved on, it left the header rows alone on the page, to be
             * repeated over it on the next. */
            bool first_row = last_ok == start && under_header(f, j) &&
                             y + b->height <= p.body_h + 0.01;
            if (j > start && !first_row && y + b->height + need > p.body_h + 0.01) {
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
            if (n_fresh > n_before && !split_note)
                split_note = y + notes_needed(&p, fresh, n_fresh, true) > p.body_h + 0.01;
        }

        /* Emit the page. */
        vb_page *pg = page_doc_add_page(doc, page_w, page_h);
        pg->section_start = start < f->n && f->v[start].section_start;
        double top = page_h - g.top;
        for (size_t h = 0; h < n_hdr; h++) {
            place_items(pg, &f->v[hdr_first + h], top);
            top -= f->v[hdr_first + h].height;
        }
        for (size_t j = start; j < end; j++) {
            const vbox *b = &f->v[j];
            if (b->space && j + 1 == end)
                break; /* trailing space is not drawn: nothing to draw anyway */
            place_items(pg, b, top);
            add_outline(doc, b, top);
            top -= b->height;
        }
        /* Footnotes: those held over, then those the page cites, in order
         * of citation; what the room below the text does not take is held
         * for the next page. */
        for (size_t m = 0; m < n_fresh; m++) {
            p.placed[fresh[m] - 1] = true;
            VB_PUSH(p.held.v, p.held.n, p.held.cap,
                    ((note_part){.k = fresh[m], .landscape = landscape}));
        }
        double used = choose_notes(&p, top - g.bottom - 2 * NOTE_RULE_GAP, start == end);
        emit_notes(&p, pg, &g, used);
        i = end;
    }
    free(fresh);
    free(p.held.v); /* empty: the loop ends when every note is set */
    free(p.take);
    for (size_t k = 0; p.turned && k < cx->n_notes; k++)
        flow_free(&p.turned[k]);
    free(p.turned);
    free(p.height[0]);
    free(p.height[1]);
    free(p.placed);
}
