/* GFM tables: automatic column widths, wrapped cells, 0.5 pt rules, rows kept
 * whole (split only when taller than a page, or the first when taller than
 * a page holds under the header rows and what is kept with them), header
 * rows marked for repetition on every page the table continues on. */
#include "layout_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define CELL_PAD_X 4.0
#define CELL_PAD_Y 2.5
#define RULE_W 0.5

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Settles, narrowest need first, every open column whose width `want`
 * fits in its fair share of what is left (left / open columns) without
 * taking another open column below its minimum. */
static void settle(const double *minw, const double *want, size_t n, bool *settled, double *out,
                   double *left, size_t *open)
{
    for (bool again = true; again && *open > 0;) {
        again = false;
        double wide_min = 0;
        for (size_t i = 0; i < n; i++)
            if (!settled[i])
                wide_min += minw[i];
        size_t best = n;
        for (size_t i = 0; i < n; i++)
            if (!settled[i] && want[i] <= *left / (double)*open && *left - want[i] >= wide_min - minw[i] &&
                (best == n || want[i] < want[best]))
                best = i;
        if (best < n) {
            out[best] = want[best];
            settled[best] = true;
            *left -= want[best];
            (*open)--;
            again = true;
        }
    }
}

/* The level L with sum(min(minw[i], L)) = avail, for sum(minw) > avail:
 * the minima sorted, each one not above L is taken whole and the columns
 * left share what remains equally. */
static double cap_to_fit(const double *minw, size_t n, double avail)
{
    double *sorted = vb_xmalloc(n * sizeof *sorted);
    memcpy(sorted, minw, n * sizeof *sorted);
    qsort(sorted, n, sizeof *sorted, cmp_double);
    double left = avail, cap = 0;
    for (size_t i = 0; i < n; i++) {
        cap = left / (double)(n - i);
        if (sorted[i] > cap)
            break;
        left -= sorted[i];
        cap = sorted[i];
    }
    free(sorted);
    return fmax(cap, 0);
}

void table_column_widths_headed(const double *minw, const double *body_max, const double *all_max, size_t n,
                                double avail, double *out)
{
    double *full = vb_xcalloc(2 * n + 1, sizeof *full), *compact = full + n;
    double sfull = 0, scompact = 0, smin = 0;
    for (size_t i = 0; i < n; i++) {
        compact[i] = fmax(body_max[i], minw[i]);
        full[i] = fmax(all_max[i], compact[i]);
        sfull += full[i];
        scompact += compact[i];
        smin += minw[i];
    }
    if (sfull <= avail) {
        /* Everything fits unbroken: the spare in proportion to the widths. */
        for (size_t i = 0; i < n; i++)
            out[i] = sfull > 0 ? full[i] * avail / sfull : avail / (double)n;
    } else if (scompact <= avail) {
        /* The body fits unbroken: what remains unwraps the headers, in
         * proportion to what each still needs. */
        for (size_t i = 0; i < n; i++)
            out[i] = compact[i] + (full[i] - compact[i]) * (avail - scompact) / (sfull - scompact);
    } else if (smin > avail) {
        /* Some words must split: only the widest. Every column keeps its
         * minimum up to a common cap, the cap chosen so the widths fill
         * the measure; scaling every minimum alike split the words of
         * narrow columns ("Ng/uy/ễn", "31,/25") that fitted on their own. */
        double cap = cap_to_fit(minw, n, avail);
        for (size_t i = 0; i < n; i++)
            out[i] = fmin(minw[i], cap);
    } else {
        /* Something must wrap: the narrow columns first get all they need,
         * header included if it fits, else their body's widest cell; the
         * wide columns share the rest between their minimum and maximum. */
        bool *settled = vb_xcalloc(n, sizeof *settled);
        double left = avail;
        size_t open = n;
        settle(minw, full, n, settled, out, &left, &open);
        settle(minw, compact, n, settled, out, &left, &open);
        double wmin = 0, wmax = 0;
        for (size_t i = 0; i < n; i++)
            if (!settled[i]) {
                wmin += minw[i];
                wmax += compact[i];
            }
        for (size_t i = 0; i < n; i++)
            if (!settled[i])
                out[i] = wmax > wmin ? minw[i] + (compact[i] - minw[i]) * (left - wmin) / (wmax - wmin)
                                     : minw[i] + (left - wmin) / (double)open;
        free(settled);
    }
    free(full);
}

void table_column_widths(const double *minw, const double *maxw, size_t n, double avail, double *out)
{
    table_column_widths_headed(minw, maxw, maxw, n, avail, out);
}

/* Header cells are centred whatever their column's alignment, as the tables
 * of Vietnamese official documents set them; body cells follow the column
 * (":---:" centre, "---:" right for figures). */
static text_align cell_align(const md_block *t, int col, bool header)
{
    char a = col < t->n_cols ? t->align[col] : 0;
    if (header || a == 'c')
        return ALIGN_CENTER;
    if (a == 'r')
        return ALIGN_RIGHT;
    return ALIGN_LEFT;
}

/* Copies a line box's items into a row slice, shifted down by dy. */
static void copy_line(vbox *dst, const vbox *src, double dy)
{
    for (size_t i = 0; i < src->n_items; i++) {
        page_item *it = vbox_add_item(dst, src->items[i].kind);
        *it = src->items[i];
        switch (it->kind) {
        case ITEM_TEXT: it->u.text.y += dy; break;
        case ITEM_LINE: it->u.line.y1 += dy; it->u.line.y2 += dy; break;
        case ITEM_RECT: it->u.rect.y += dy; break;
        case ITEM_IMAGE: it->u.image.y += dy; break;
        case ITEM_LINK: it->u.link.y += dy; break;
        case ITEM_PATH: it->u.path.y += dy; break;
        case ITEM_LAYER: break;
        }
    }
    for (size_t i = 0; i < src->n_footnotes; i++)
        VB_PUSH(dst->footnotes, dst->n_footnotes, dst->cap_footnotes, src->footnotes[i]);
}

static void add_rule(vbox *b, double x1, double y1, double x2, double y2)
{
    page_item *it = vbox_add_item(b, ITEM_LINE);
    it->u.line.x1 = x1;
    it->u.line.y1 = y1;
    it->u.line.x2 = x2;
    it->u.line.y2 = y2;
    it->u.line.width = RULE_W;
}

/* Each column's minimum (its widest word) and maximum (its widest cell
 * unbroken, header included and not: bodyw), cell padding included, at
 * font size `size`. Returns the sum of the minima. */
static double measure_columns(lay_ctx *cx, const md_block *t, int nc, double size, double *minw,
                              double *bodyw, double *maxw)
{
    for (int c = 0; c < nc; c++)
        minw[c] = bodyw[c] = maxw[c] = 0;
    for (size_t r = 0; r < t->n_children; r++) {
        const md_block *row = &t->children[r];
        for (size_t c = 0; c < row->n_children && (int)c < nc; c++) {
            double mn, mx;
            para_measure(cx, row->children[c].inl, row->children[c].n_inl, size,
                         row->header ? MD_BOLD : 0, row->children[c].line, &mn, &mx);
            minw[c] = fmax(minw[c], mn + 2 * CELL_PAD_X);
            maxw[c] = fmax(maxw[c], mx + 2 * CELL_PAD_X);
            if (!row->header)
                bodyw[c] = fmax(bodyw[c], mx + 2 * CELL_PAD_X);
        }
    }
    double sum = 0;
    for (int c = 0; c < nc; c++)
        sum += minw[c];
    return sum;
}

/* The height of what a page must hold over box i of f: the boxes back to
 * the last place a page may end before it, less the space there, which
 * vanishes at the top of a page. */
static double kept_above(const flow *f, size_t i)
{
    size_t b = i;
    while (b > 0 && !flow_break_allowed(f, b))
        b--;
    while (b < i && f->v[b].space)
        b++;
    double h = 0;
    for (size_t k = b; k < i; k++)
        h += f->v[k].height;
    return h;
}

void table_layout(lay_ctx *cx, flow *f, const md_block *t, double x, double width)
{
    const frame_spec *fr = cx->fr;
    int nc = t->n_cols;
    if (nc <= 0 || (t->n_children > 0 && flow_skip_unit(cx, f)))
        return;
    double *minw = vb_xcalloc((size_t)nc, sizeof *minw);
    double *maxw = vb_xcalloc((size_t)nc, sizeof *maxw);
    double *bodyw = vb_xcalloc((size_t)nc, sizeof *bodyw); /* maxima without the header */
    double *w = vb_xcalloc((size_t)nc, sizeof *w);
    /* Vietnamese breaks only at spaces, so a column narrower than its
     * widest word splits that word ("Ng/uy/ễn"), a mistake on a signed
     * document. When the widest words of all the columns do not fit side
     * by side, the table is set a point smaller, as a clerk would in Word,
     * down to the frame's floor; only past it does a word split. */
    double size = fr->table_size;
    double floor_size = fr->table_min_size > 0 ? fr->table_min_size : size;
    while (measure_columns(cx, t, nc, size, minw, bodyw, maxw) > width && size - 1 >= floor_size)
        size -= 1;
    double lh = size * 1.15;
    table_column_widths_headed(minw, bodyw, maxw, (size_t)nc, width, w);
    free(bodyw);

    page_geom g = frame_page_geom(fr, cx->landscape);
    double body_h = g.h - g.top - g.bottom;
    if (f != &cx->main) {
        /* a table in a footnote may go to a page of either orientation:
         * its slices fit the shorter one's text */
        page_geom tg = frame_page_geom(fr, !cx->landscape);
        body_h = fmin(body_h, tg.h - tg.top - tg.bottom);
    }
    int id = ++cx->next_table_id;
    bool keep = cx->keep_next;
    double header_h = 0;
    bool after_header = false;
    double over_first = 0; /* kept over the header rows (kept_above) */
    flow *cells = vb_xcalloc((size_t)nc, sizeof *cells);
    size_t *next = vb_xcalloc((size_t)nc, sizeof *next);
    size_t first_box = f->n;
    size_t last_row_box = f->n; /* the first slice of the row being set */
    /* In a footnote, the rows are one unit, each slice anchored at its row
     * and slice. Set again at another width from an anchor (layout_note),
     * the rows before it are left out. A row taller than a page is cut in
     * slices by height, and at another width its lines are others: the
     * same slice number would hold other lines, and some would be lost.
     * So the row the anchor falls in is set again whole (its slices get
     * the anchor's slice number at least: none is left out), repeating
     * what of it was on the page before rather than losing any of it. */
    size_t unit = cx->unit + 1;
    bool resumed = f == cx->anchored && cx->resuming && unit == cx->resume.unit;

    for (size_t r = 0; r < t->n_children; r++) {
        const md_block *row = &t->children[r];
        double cxp = x;
        for (int c = 0; c < nc; c++) {
            flow_free(&cells[c]);
            next[c] = 0;
            if ((size_t)c < row->n_children) {
                para_style ps = {0};
                ps.size = size;
                ps.line_height = lh;
                ps.style = row->header ? MD_BOLD : 0;
                ps.align = cell_align(t, c, row->header);
                ps.x = cxp + CELL_PAD_X;
                ps.width = w[c] - 2 * CELL_PAD_X;
                cx->keep_next = false;
                para_layout(cx, &cells[c], row->children[c].inl, row->children[c].n_inl, &ps,
                            row->children[c].line);
            }
            cxp += w[c];
        }
        /* Slices: a row is one slice unless it is taller than a page. The
         * first body row's first slice is kept with the header rows, and
         * they may be kept with what comes before the table (a heading):
         * that slice is cut to fit a page under all of them. Cut to fit
         * under the header rows alone, it could share no page with the
         * heading and them, and the header rows ended a page under the
         * heading, to be repeated over the row on the next. */
        if (after_header && f == &cx->main)
            over_first = kept_above(f, first_box);
        double limit = body_h - header_h - 2 * CELL_PAD_Y - 1;
        bool first_slice = true;
        last_row_box = f->n;
        for (size_t slice = 0;; slice++) {
            double h = 0;
            bool more = false;
            double room = first_slice && after_header ? limit - over_first : limit;
            size_t *end = vb_xcalloc((size_t)nc, sizeof *end);
            for (int c = 0; c < nc; c++) {
                double ch = 0;
                size_t k = next[c];
                while (k < cells[c].n && (ch + cells[c].v[k].height <= room || k == next[c])) {
                    ch += cells[c].v[k].height;
                    k++;
                }
                end[c] = k;
                if (k < cells[c].n)
                    more = true;
                h = fmax(h, ch);
            }
            double rh = fmax(h, lh) + 2 * CELL_PAD_Y;
            cx->keep_next = r == 0 && first_slice ? keep : after_header && first_slice;
            vbox *b = flow_add(cx, f, rh);
            if (f == cx->anchored) {
                size_t at = resumed && r == cx->resume.a && slice < cx->resume.b ? cx->resume.b : slice;
                b->at = (box_anchor){unit, r, at};
                cx->unit = unit;
            }
            b->table_id = id;
            b->table_header = row->header;
            for (int c = 0; c < nc; c++) {
                double dy = -CELL_PAD_Y;
                for (size_t k = next[c]; k < end[c]; k++) {
                    copy_line(b, &cells[c].v[k], dy);
                    dy -= cells[c].v[k].height;
                }
                next[c] = end[c];
            }
            add_rule(b, x, 0, x + width, 0);
            add_rule(b, x, -rh, x + width, -rh);
            double vx = x;
            for (int c = 0; c <= nc; c++) {
                add_rule(b, vx, 0, vx, -rh);
                if (c < nc)
                    vx += w[c];
            }
            free(end);
            first_slice = false;
            if (row->header)
                header_h += rh;
            if (!more)
                break;
        }
        after_header = row->header;
    }
    /* A short table (a third of a page or less) is read at a glance and
     * stays on one page: the demo's six rows were split three and three.
     * A longer one never leaves its last row alone on a page, unless that
     * row is taller than a page and cut in slices: the slice before its
     * last fills a page, so the two never share one, and keeping them
     * together only hid a break that paginate had to take anyway. */
    double table_h = 0;
    for (size_t k = first_box; k < f->n; k++)
        table_h += f->v[k].height;
    bool last_alone_ok = f->n - first_box < 3 || f->n - last_row_box > 1;
    for (size_t k = first_box + 1; k < f->n; k++) {
        bool last = k + 1 == f->n;
        if (!f->v[k].break_ok)
            continue;
        if (last && !last_alone_ok)
            f->v[k].break_ok = false;
        else if (table_h <= body_h / 3) {
            f->v[k].break_ok = false;
            f->v[k].soft_keep = true;
        }
    }
    for (int c = 0; c < nc; c++)
        flow_free(&cells[c]);
    free(cells);
    free(next);
    free(minw);
    free(maxw);
    free(w);
    cx->keep_next = false;
}
