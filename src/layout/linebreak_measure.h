/* Private to the line breakers: what both algorithms agree on — where a
 * break may fall, where the next line starts, and how a candidate line is
 * measured (running sums, so any line is measured in O(1)). */
#ifndef VANBAN_LINEBREAK_MEASURE_H
#define VANBAN_LINEBREAK_MEASURE_H

#include "layout/linebreak.h"

#include <math.h>
#include <stdbool.h>
#include <stddef.h>

/* Prefix sums over items [0, i): widths of boxes and glue, stretch and
 * shrink of glue. Penalties add nothing: their width only counts on the
 * line that breaks at them. */
typedef struct lb_sums {
    double *width, *stretch, *shrink; /* n + 1 entries each */
} lb_sums;

void lb_sums_init(lb_sums *s, const lb_item *items, size_t n);
void lb_sums_free(lb_sums *s);

static inline bool lb_forced(const lb_item *it)
{
    return it->kind == LB_PENALTY && it->penalty <= -LB_INFINITY;
}

/* True when the list needs an implicit forced break at n (it does not end
 * with a forced penalty), so every paragraph has a last breakpoint. */
static inline bool lb_needs_final_break(const lb_item *items, size_t n)
{
    return n > 0 && !lb_forced(&items[n - 1]);
}

/* A legal breakpoint, as in TeX: a penalty below +infinity, or a glue right
 * after a box (so a run of spaces offers one break, and a glue after a
 * +infinity penalty — a no-break space — offers none). Index n is the
 * implicit final break. */
static inline bool lb_is_break(const lb_item *items, size_t n, size_t i)
{
    if (i == n)
        return lb_needs_final_break(items, n);
    const lb_item *it = &items[i];
    if (it->kind == LB_PENALTY)
        return it->penalty < LB_INFINITY;
    return it->kind == LB_GLUE && i > 0 && items[i - 1].kind == LB_BOX;
}

/* Penalty value and width of breaking at i (the implicit final break is a
 * forced penalty of width 0). */
static inline double lb_break_penalty(const lb_item *items, size_t n, size_t i)
{
    return i == n ? -LB_INFINITY : items[i].kind == LB_PENALTY ? items[i].penalty : 0.0;
}
static inline double lb_break_width(const lb_item *items, size_t n, size_t i)
{
    return i < n && items[i].kind == LB_PENALTY ? items[i].width : 0.0;
}
static inline bool lb_break_flagged(const lb_item *items, size_t n, size_t i)
{
    return i < n && items[i].kind == LB_PENALTY && items[i].flagged;
}

/* First item of the line after a break at b: glue and penalties after the
 * break are discarded (TeX), up to the next box or forced break. */
static inline size_t lb_line_start(const lb_item *items, size_t n, size_t b)
{
    size_t j = b + 1;
    while (j < n && items[j].kind != LB_BOX && !lb_forced(&items[j]))
        j++;
    return j < n ? j : n;
}

/* Raw adjustment ratio of the line [start, end) broken at `end`, set to
 * `width`, with `extra` stretch of its own (lb_params.line_stretch): may be +INFINITY (short, nothing to stretch) or -INFINITY (too
 * long, nothing to shrink); < -1 means overfull. Within LB_SLACK over the
 * width a line fits exactly (ratio 0). */
static inline double lb_raw_ratio(const lb_sums *s, const lb_item *items, size_t n, size_t start,
                                  size_t end, double width, double extra)
{
    double natural = s->width[end] - s->width[start] + lb_break_width(items, n, end);
    if (natural < width) {
        double y = s->stretch[end] - s->stretch[start] + extra;
        return y > 0 ? (width - natural) / y : INFINITY;
    }
    if (natural > width + LB_SLACK) {
        double z = s->shrink[end] - s->shrink[start];
        return z > 0 ? (width - natural) / z : -INFINITY;
    }
    return 0.0;
}

/* The ratio handed to the caller is always usable to set glue: a line that
 * cannot stretch or shrink gets 0, an overfull line is shrunk as far as the
 * glue allows (-1) and sticks out, as TeX does. */
static inline double lb_reported_ratio(double r)
{
    if (isinf(r))
        return 0.0;
    return r < -1.0 ? -1.0 : r;
}

static inline double lb_line_width(const double *widths, size_t n_widths, size_t line)
{
    return widths[line < n_widths ? line : n_widths - 1];
}

#endif
