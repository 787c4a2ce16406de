/* Automatic table column widths, against values worked out by hand. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "layout/layout.h"

#include <math.h>

static void assert_near(double got, double want)
{
    if (fabs(got - want) > 0.001)
        fail_msg("got %.4f, want %.4f", got, want);
}

/* Everything fits unbroken: the spare width is shared in proportion to the
 * maxima. min {20,30}, max {50,100}, avail 300: 300*50/150 = 100, 300*100/150 = 200. */
static void fits_unbroken(void **state)
{
    (void)state;
    double mn[] = {20, 30}, mx[] = {50, 100}, w[2];
    table_column_widths(mn, mx, 2, 300, w);
    assert_near(w[0], 100);
    assert_near(w[1], 200);
}

/* Must wrap: each column gets its minimum plus a share of the 140 spare in
 * proportion to (max-min) = 80 and 260: 20 + 80*140/340 = 52.941,
 * 40 + 260*140/340 = 147.059. */
static void wraps_in_proportion_to_slack(void **state)
{
    (void)state;
    double mn[] = {20, 40}, mx[] = {100, 300}, w[2];
    table_column_widths(mn, mx, 2, 200, w);
    assert_near(w[0], 52.941);
    assert_near(w[1], 147.059);
}

/* A narrow "STT" column with one number keeps its width when the text
 * column wraps: min = max = 30 for STT. 30 + 0 = 30; the rest goes to col 2. */
static void fixed_column_stays(void **state)
{
    (void)state;
    double mn[] = {30, 60}, mx[] = {30, 900}, w[2];
    table_column_widths(mn, mx, 2, 400, w);
    assert_near(w[0], 30);
    assert_near(w[1], 370);
}

/* Minima alone overflow: scale them. min {100,300}, avail 200 → 50, 150. */
static void minima_overflow(void **state)
{
    (void)state;
    double mn[] = {100, 300}, mx[] = {100, 300}, w[2];
    table_column_widths(mn, mx, 2, 200, w);
    assert_near(w[0], 50);
    assert_near(w[1], 150);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(fits_unbroken),
        cmocka_unit_test(wraps_in_proportion_to_slack),
        cmocka_unit_test(fixed_column_stays),
        cmocka_unit_test(minima_overflow),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
