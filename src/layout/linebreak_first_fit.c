/* First-fit line breaking: each line takes every item that fits, shrinking
 * glue if need be, and breaks at the last breakpoint that still fits. Kept
 * to compare with total fit (Knuth–Plass) and in tests. */
#include "layout/linebreak.h"
#include "layout/linebreak_measure.h"

#include "util/util.h"

#include <stdint.h>

bool linebreak_first_fit(const lb_item *items, size_t n, const double *widths, size_t n_widths,
                         lb_result *res)
{
    res->lines = NULL;
    res->n_lines = 0;
    res->emergency = false;
    if (n_widths == 0 || widths == NULL || (n > 0 && items == NULL))
        return false;
    if (n == 0)
        return true;

    lb_sums sums;
    lb_sums_init(&sums, items, n);
    size_t last = lb_needs_final_break(items, n) ? n : n - 1;
    size_t cap = 0, start = 0;
    for (;;) {
        double width = lb_line_width(widths, n_widths, res->n_lines);
        size_t chosen = SIZE_MAX, fit = SIZE_MAX;
        double chosen_r = 0.0, fit_r = 0.0;
        for (size_t b = start; b <= last; b++) {
            if (!lb_is_break(items, n, b))
                continue;
            double r = lb_raw_ratio(&sums, items, n, start, b, width, 0.0);
            if (r < -1.0) {
                /* Nothing fitted: the first break makes an overfull line. */
                chosen = fit != SIZE_MAX ? fit : b;
                chosen_r = fit != SIZE_MAX ? fit_r : r;
                break;
            }
            fit = b;
            fit_r = r;
            if (lb_break_penalty(items, n, b) <= -LB_INFINITY) {
                chosen = b;
                chosen_r = r;
                break;
            }
        }
        /* `last` is a forced break, so the loop always chose; stay safe anyway. */
        if (chosen == SIZE_MAX) {
            chosen = fit != SIZE_MAX ? fit : last;
            chosen_r = fit_r;
        }
        if (chosen_r < -1.0)
            res->emergency = true;
        lb_line line = {start, chosen, lb_reported_ratio(chosen_r)};
        VB_PUSH(res->lines, res->n_lines, cap, line);
        if (chosen >= last)
            break;
        start = lb_line_start(items, n, chosen);
    }
    lb_sums_free(&sums);
    return true;
}
