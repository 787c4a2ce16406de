/* Headlines broken by sense: a short centred text (an agency's name in the
 * header, a signature line) set on a given number of lines, choosing the
 * breaks by what they cost the reader rather than by how full the lines are.
 * Every way of breaking into two or three lines is tried: such a text has a
 * few dozen breakpoints, so at most a few hundred candidates.
 *
 * A candidate's score is the sum of its breaks' costs (the caller's, per
 * breakpoint) plus how uneven its lines are, as a share of the measure: "ỦY
 * BAN NHÂN DÂN" / "THÀNH PHỐ SÓC TRĂNG" (a break before an administrative
 * unit, lines 62 and 71 mm) beats "ỦY BAN NHÂN DÂN THÀNH" / "PHỐ SÓC TRĂNG"
 * (more even, but splitting "thành phố"). */
#include "layout/linebreak.h"
#include "layout/linebreak_measure.h"
#include "util/util.h"

#include <stdlib.h>

typedef struct headline {
    const lb_item *items;
    size_t n;
    lb_sums sums;
    double width;
    const double *cost;
    size_t *breaks; /* legal breakpoints, the implicit or forced final one excluded */
    size_t n_breaks;
} headline;

/* Natural width of the line [start, end) broken at end: ragged lines are
 * never squeezed, so it must not exceed the measure. */
static double natural(const headline *h, size_t start, size_t end)
{
    return h->sums.width[end] - h->sums.width[start] + lb_break_width(h->items, h->n, end);
}

/* The score of the lines that end at ends[0..k) (the last at h->n), or
 * INFINITY when one is too wide. */
static double score(const headline *h, const size_t *ends, size_t k)
{
    double lo = INFINITY, hi = 0, cost = 0;
    size_t start = 0;
    for (size_t i = 0; i < k; i++) {
        double w = natural(h, start, ends[i]);
        if (w > h->width + LB_SLACK)
            return INFINITY;
        lo = fmin(lo, w);
        hi = fmax(hi, w);
        if (i + 1 < k) {
            cost += h->cost[ends[i]];
            start = lb_line_start(h->items, h->n, ends[i]);
        }
    }
    return cost + (hi - lo) / h->width;
}

static void set_lines(const headline *h, const size_t *ends, size_t k, lb_result *res)
{
    res->lines = vb_xmalloc(k * sizeof *res->lines);
    size_t start = 0;
    for (size_t i = 0; i < k; i++) {
        res->lines[i] = (lb_line){.start = start, .end = ends[i], .ratio = 0};
        if (i + 1 < k)
            start = lb_line_start(h->items, h->n, ends[i]);
    }
    res->n_lines = k;
    res->emergency = false;
}

bool linebreak_headline(const lb_item *items, size_t n, double width, const double *cost,
                        size_t lines, lb_result *res)
{
    if (lines < 2 || lines > 3 || n == 0)
        return false;
    headline h = {.items = items, .n = n, .width = width, .cost = cost};
    /* the last line ends at the paragraph's final break: n, or its own
     * forced penalty; any other forced break is the clerk's, not ours */
    size_t last = lb_needs_final_break(items, n) ? n : n - 1;
    h.breaks = vb_xmalloc(n * sizeof *h.breaks);
    for (size_t i = 0; i < last; i++) {
        if (lb_forced(&items[i])) {
            free(h.breaks);
            return false;
        }
        if (lb_is_break(items, n, i))
            h.breaks[h.n_breaks++] = i;
    }
    lb_sums_init(&h.sums, items, n);
    double best = INFINITY;
    size_t best_ends[3] = {0}, ends[3] = {0};
    for (size_t a = 0; a < h.n_breaks; a++) {
        ends[0] = h.breaks[a];
        if (lines == 2) {
            ends[1] = last;
            double s = score(&h, ends, 2);
            if (s < best) {
                best = s;
                best_ends[0] = ends[0];
                best_ends[1] = ends[1];
            }
            continue;
        }
        for (size_t b = a + 1; b < h.n_breaks; b++) {
            ends[1] = h.breaks[b];
            ends[2] = last;
            double s = score(&h, ends, 3);
            if (s < best) {
                best = s;
                for (int k = 0; k < 3; k++)
                    best_ends[k] = ends[k];
            }
        }
    }
    bool found = isfinite(best);
    if (found)
        set_lines(&h, best_ends, lines, res);
    lb_sums_free(&h.sums);
    free(h.breaks);
    return found;
}

/* Dynamic programming over the spaces, line by line: first the narrowest
 * possible widest line, then the evenest breaking within it. A title has a
 * few dozen spaces and a handful of lines: a few thousand line measures. */
bool linebreak_even(const lb_item *items, size_t n, double width, const bool *avoid, size_t lines,
                    lb_result *res)
{
    if (lines < 1 || n == 0)
        return false;
    size_t last = lb_needs_final_break(items, n) ? n : n - 1;
    /* ends[0] is a virtual break before the text; the others are the
     * spaces, then the final break */
    size_t *ends = vb_xmalloc((n + 2) * sizeof *ends), nb = 0;
    for (size_t i = 0; i < last; i++) {
        if (lb_forced(&items[i])) {
            free(ends);
            return false; /* the clerk's own line break: not ours to move */
        }
        if (items[i].kind == LB_GLUE && lb_is_break(items, n, i) && !(avoid && avoid[i]))
            ends[1 + nb++] = i;
    }
    ends[1 + nb] = last;
    size_t m = nb + 2; /* nodes: start, the spaces, the end */
    headline h = {.items = items, .n = n, .width = width};
    lb_sums_init(&h.sums, items, n);
    /* best[j*m + b]: over breakings of the text up to node b into j lines */
    double *best = vb_xmalloc((lines + 1) * m * sizeof *best);
    size_t *from = vb_xmalloc((lines + 1) * m * sizeof *from);
    double widest = INFINITY;
    for (int pass = 0; pass < 2; pass++) {
        for (size_t k = 0; k < (lines + 1) * m; k++)
            best[k] = INFINITY;
        best[0] = 0;
        for (size_t j = 1; j <= lines; j++)
            for (size_t b = 1; b < m; b++)
                for (size_t a = 0; a < b; a++) {
                    double before = best[(j - 1) * m + a];
                    if (!isfinite(before))
                        continue;
                    size_t start = a == 0 ? 0 : lb_line_start(items, n, ends[a]);
                    double w = natural(&h, start, ends[b]);
                    if (w > (pass == 0 ? width : widest) + LB_SLACK)
                        continue;
                    double v = pass == 0 ? fmax(before, w) : before + (widest - w) * (widest - w);
                    if (v < best[j * m + b]) {
                        best[j * m + b] = v;
                        from[j * m + b] = a;
                    }
                }
        if (pass == 0)
            widest = best[lines * m + m - 1];
        if (!isfinite(widest))
            break;
    }
    bool found = isfinite(widest) && isfinite(best[lines * m + m - 1]);
    if (found) {
        res->lines = vb_xmalloc(lines * sizeof *res->lines);
        for (size_t j = lines, b = m - 1; j > 0; j--) {
            res->lines[j - 1].end = ends[b];
            b = from[j * m + b];
        }
        for (size_t j = 0, start = 0; j < lines; j++) {
            res->lines[j].start = start;
            res->lines[j].ratio = 0;
            start = lb_line_start(items, n, res->lines[j].end);
        }
        res->n_lines = lines;
        res->emergency = false;
    }
    free(from);
    free(best);
    lb_sums_free(&h.sums);
    free(ends);
    return found;
}
