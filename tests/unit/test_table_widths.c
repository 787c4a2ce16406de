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

/* Must wrap: a column whose text fits in its fair share gets all it needs
 * (a short cell is not broken to spare a long one that wraps anyway).
 * min {20,40}, max {100,300}, avail 200: fair share 100, column 0 needs 100
 * and leaves column 1 its minimum 40 → 100; column 1 gets the other 100. */
static void short_column_keeps_its_line(void **state)
{
    (void)state;
    double mn[] = {20, 40}, mx[] = {100, 300}, w[2];
    table_column_widths(mn, mx, 2, 200, w);
    assert_near(w[0], 100);
    assert_near(w[1], 100);
}

/* The wide columns share what the narrow ones leave, each its minimum plus
 * a part of the spare in proportion to (max - min). min {20,40,30}, max
 * {200,400,30}, avail 230: column 2 settles at 30 (fair share 76.7); then
 * 200 left for the two wide ones, minima 60, spare 140 in proportion to 180
 * and 360: 20 + 180*140/540 = 66.667, 40 + 360*140/540 = 133.333. */
static void wide_columns_share_the_rest(void **state)
{
    (void)state;
    double mn[] = {20, 40, 30}, mx[] = {200, 400, 30}, w[3];
    table_column_widths(mn, mx, 3, 230, w);
    assert_near(w[0], 66.667);
    assert_near(w[1], 133.333);
    assert_near(w[2], 30);
}

/* A header may wrap, the body should not: the body fits unbroken in 230 of
 * 260, and the 30 left go to the header that needs 60 more. min {30,40},
 * body max {30,200}, with header {90,200} → 30 + 60*30/60 = 60, 200. */
static void header_wraps_before_the_body(void **state)
{
    (void)state;
    double mn[] = {30, 40}, body[] = {30, 200}, all[] = {90, 200}, w[2];
    table_column_widths_headed(mn, body, all, 2, 260, w);
    assert_near(w[0], 60);
    assert_near(w[1], 200);
}

/* When the body must wrap, a narrow column whose header fits its fair share
 * keeps the header on one line. min {30,50}, body {30,900}, with header
 * {80,900}, avail 400: column 0 settles at 80 (fair share 200), column 1
 * gets the 320 left. */
static void narrow_header_kept_whole(void **state)
{
    (void)state;
    double mn[] = {30, 50}, body[] = {30, 900}, all[] = {80, 900}, w[2];
    table_column_widths_headed(mn, body, all, 2, 400, w);
    assert_near(w[0], 80);
    assert_near(w[1], 320);
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

/* Minima alone overflow: only the widest column gives way. min {100,300},
 * avail 200: column 0 keeps its 100 (under the cap 200/2), column 1 gets
 * the 100 left. Scaling both (50, 150) split column 0's words too. */
static void minima_overflow(void **state)
{
    (void)state;
    double mn[] = {100, 300}, mx[] = {100, 300}, w[2];
    table_column_widths(mn, mx, 2, 200, w);
    assert_near(w[0], 100);
    assert_near(w[1], 100);
}

/* The cap is shared by every column above it: min {30,40,200,250}, avail
 * 300: 30 and 40 fit under the caps 75 and 90; the two wide ones share the
 * 230 left, 115 each. */
static void minima_overflow_cap_shared(void **state)
{
    (void)state;
    double mn[] = {30, 200, 40, 250}, w[4];
    table_column_widths(mn, mn, 4, 300, w);
    assert_near(w[0], 30);
    assert_near(w[1], 115);
    assert_near(w[2], 40);
    assert_near(w[3], 115);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(fits_unbroken),
        cmocka_unit_test(short_column_keeps_its_line),
        cmocka_unit_test(wide_columns_share_the_rest),
        cmocka_unit_test(header_wraps_before_the_body),
        cmocka_unit_test(narrow_header_kept_whole),
        cmocka_unit_test(fixed_column_stays),
        cmocka_unit_test(minima_overflow),
        cmocka_unit_test(minima_overflow_cap_shared),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
