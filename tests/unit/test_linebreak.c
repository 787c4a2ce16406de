/* layout/linebreak: Knuth–Plass total fit against first fit. Every expected
 * break below is worked out by hand in the comments (widths in abstract
 * units; an interword glue is width 3, stretch 1.5, shrink 1). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "layout/linebreak.h"

#include <math.h>
#include <string.h>

#define MAX_ITEMS 512

typedef struct para {
    lb_item items[MAX_ITEMS];
    size_t n;
} para;

static void push(para *p, lb_item it)
{
    assert_true(p->n < MAX_ITEMS);
    p->items[p->n++] = it;
}

static void box(para *p, double w) { push(p, (lb_item){.kind = LB_BOX, .width = w}); }

static void space(para *p, double w, double st, double sh)
{
    push(p, (lb_item){.kind = LB_GLUE, .width = w, .stretch = st, .shrink = sh});
}

static void penalty(para *p, double value) { push(p, (lb_item){.kind = LB_PENALTY, .penalty = value}); }

/* The paragraph end: glue(0, fil) + forced break, so the last line is ragged. */
static void finish(para *p)
{
    space(p, 0, LB_FIL, 0);
    penalty(p, -LB_INFINITY);
}

/* Words separated by ordinary spaces; a no-break space (box, penalty +inf,
 * glue) after each word whose index is listed in nbsp (terminated by -1).
 * Without no-break spaces word k is item 2k and the space after it 2k+1. */
static void words(para *p, const double *w, size_t count, const int *nbsp)
{
    for (size_t k = 0; k < count; k++) {
        box(p, w[k]);
        if (k + 1 == count)
            break;
        for (const int *q = nbsp; q && *q >= 0; q++)
            if ((size_t)*q == k)
                penalty(p, LB_INFINITY);
        space(p, 3, 1.5, 1);
    }
    finish(p);
}

/* Independent check of a line's ratio: its glue set at that ratio fills the
 * line exactly. */
static void assert_line_fills(const para *p, const lb_line *l, double width)
{
    double natural = 0, stretch = 0, shrink = 0;
    for (size_t i = l->start; i < l->end; i++) {
        const lb_item *it = &p->items[i];
        if (it->kind == LB_PENALTY)
            continue;
        natural += it->width;
        if (it->kind == LB_GLUE) {
            stretch += it->stretch;
            shrink += it->shrink;
        }
    }
    if (l->end < p->n && p->items[l->end].kind == LB_PENALTY)
        natural += p->items[l->end].width;
    double set = natural + (l->ratio >= 0 ? l->ratio * stretch : l->ratio * shrink);
    assert_true(fabs(set - width) < 1e-6);
}

static void assert_breaks(const lb_result *r, const size_t *start, const size_t *end, size_t count)
{
    assert_int_equal(r->n_lines, count);
    for (size_t i = 0; i < count; i++) {
        assert_int_equal(r->lines[i].start, start[i]);
        assert_int_equal(r->lines[i].end, end[i]);
    }
}

static double max_abs_ratio(const lb_result *r)
{
    double m = 0;
    for (size_t i = 0; i < r->n_lines; i++)
        m = fmax(m, fabs(r->lines[i].ratio));
    return m;
}

/* Paragraph A, line width 100. Words (16):
 *   a1..a7 = 12 14 13 12 13.5 13 4.5   (sum 82)
 *   b1..b6 = 12 11 13 10 12 12          (sum 70)
 *   g c1 c2 = 24 10 8
 * First fit: a1..a7 = 82 + 6×3 = 100 exactly (r = 0); adding b1 gives
 * 115 − 7 shrink = 108 > 100. Line 2: b1..b6 = 70 + 15 = 85; adding g gives
 * 112 − 6 = 106 > 100, so g goes down and leaves a gap of 15 over 5 glues:
 * r = 15/7.5 = 2.0, a very loose line. Line 3: g c1 c2 (48) + fil.
 * Total fit also considers moving a7 down: line 1 = a1..a6 = 77.5 + 15 =
 * 92.5, gap 7.5 over 5 glues: r = 1.0; line 2 = a7 b1..b6 =
 * 4.5 + 3 + 85 = 92.5, gap 7.5 over 6 glues: r = 0.8333. (Every other line is
 * infeasible at tolerance 2: a1..a5 gives r = 23.5/6 = 3.9, a7 b1..b5 gives
 * r = 22.5/7.5 = 3.) Demerits, l = 10, badness 100|r|³:
 *   first-fit breaking: (10+0)² = 100 [decent]; (10+800)² = 656100 [very
 *     loose, 2 classes from decent: +100]; last line r ≈ 5e-5: 100 [decent,
 *     2 classes from very loose: +100] → 656500.
 *   moved a7: (10+100)² = 12100 [loose]; (10+57.87)² = 4606.4 [loose];
 *     100 [decent] → 16806.4.  Total fit must take the second.
 * Items: word k at 2k, its space at 2k+1; fil at 31, final penalty at 32. */
static const double para_a[] = {12, 14, 13, 12, 13.5, 13, 4.5, 12, 11, 13, 10, 12, 12, 24, 10, 8};

static void total_fit_evens_out_loose_line(void **state)
{
    (void)state;
    para p = {.n = 0};
    words(&p, para_a, 16, NULL);
    assert_int_equal(p.n, 33);
    double w = 100;
    lb_params par = lb_default_params();
    lb_result ff, kp;
    assert_true(linebreak_first_fit(p.items, p.n, &w, 1, &ff));
    assert_true(linebreak_knuth_plass(p.items, p.n, &w, 1, &par, &kp));

    assert_breaks(&ff, (size_t[]){0, 14, 26}, (size_t[]){13, 25, 32}, 3);
    assert_breaks(&kp, (size_t[]){0, 12, 26}, (size_t[]){11, 25, 32}, 3);
    assert_true(fabs(ff.lines[1].ratio - 2.0) < 1e-9);
    assert_true(fabs(kp.lines[0].ratio - 1.0) < 1e-9);
    assert_true(fabs(kp.lines[1].ratio - 7.5 / 9) < 1e-9);
    assert_true(max_abs_ratio(&kp) < max_abs_ratio(&ff));
    assert_false(kp.emergency);
    assert_false(ff.emergency);
    for (size_t i = 0; i < kp.n_lines; i++) {
        assert_line_fills(&p, &kp.lines[i], w);
        assert_line_fills(&p, &ff.lines[i], w);
    }
    lb_result_free(&ff);
    lb_result_free(&kp);
}

/* Paragraph B, line width 100: first fit shrinks line 1 hard, which starves
 * line 2. Words (15):
 *   14 12 15 13 11 14 | 8 | 16 15 17 14 16 | 20 9 11
 * First fit: seven words = 87 + 18 = 105, shrink 6 → fits at r = −5/6;
 * an eighth is 124 − 7 > 100. Line 2: five words = 78 + 12 = 90; adding 20
 * gives 113 − 5 > 100, so r = 10/6 = 1.667. Line 3: 20 9 11 (46) + fil.
 * Total fit: line 1 = six words = 79 + 15 = 94, r = 6/7.5 = 0.8; line 2 =
 * 8 + five words = 8 + 3 + 90 = 101 over 5 glues, r = −1/5 = −0.2.
 * (Five words on line 1: 77, r = 23/6 = 3.8; "8" + four words: 82,
 * r = 18/6 = 3: both infeasible.) Demerits:
 *   first fit: (10+57.87)² = 4606.4 [tight]; (10+462.96)² = 223694.0 [very
 *     loose, 3 classes from tight: +100]; 100 [decent, +100] → 228600.4.
 *   total fit: (10+51.2)² = 3745.4 [loose]; (10+0.8)² = 116.6 [decent];
 *     100 [decent] → 3962.1. */
static const double para_b[] = {14, 12, 15, 13, 11, 14, 8, 16, 15, 17, 14, 16, 20, 9, 11};

static void total_fit_avoids_tight_then_loose(void **state)
{
    (void)state;
    para p = {.n = 0};
    words(&p, para_b, 15, NULL);
    double w = 100;
    lb_result ff, kp;
    assert_true(linebreak_first_fit(p.items, p.n, &w, 1, &ff));
    assert_true(linebreak_knuth_plass(p.items, p.n, &w, 1, NULL, &kp));
    assert_breaks(&ff, (size_t[]){0, 14, 24}, (size_t[]){13, 23, 30}, 3);
    assert_breaks(&kp, (size_t[]){0, 12, 24}, (size_t[]){11, 23, 30}, 3);
    assert_true(fabs(ff.lines[0].ratio + 5.0 / 6) < 1e-9);
    assert_true(fabs(ff.lines[1].ratio - 10.0 / 6) < 1e-9);
    assert_true(fabs(kp.lines[0].ratio - 0.8) < 1e-9);
    assert_true(fabs(kp.lines[1].ratio + 0.2) < 1e-9);
    assert_true(max_abs_ratio(&kp) < max_abs_ratio(&ff));
    for (size_t i = 0; i < kp.n_lines; i++)
        assert_line_fills(&p, &kp.lines[i], w);
    lb_result_free(&ff);
    lb_result_free(&kp);
}

/* Two short sentences that would fit on one line of 100 (4×20 + 3×3 = 89),
 * split by a forced break modelled like a hard line break: glue(0, fil) +
 * penalty(−inf), so the first line is ragged too. Items:
 *   0 box, 1 glue, 2 box, 3 fil, 4 forced | 5 box, 6 glue, 7 box, 8 fil, 9 forced
 * Lines [0,4) and [5,9). */
static void forced_break_splits(void **state)
{
    (void)state;
    para p = {.n = 0};
    box(&p, 20);
    space(&p, 3, 1.5, 1);
    box(&p, 20);
    finish(&p);
    box(&p, 20);
    space(&p, 3, 1.5, 1);
    box(&p, 20);
    finish(&p);
    double w = 100;
    lb_result kp, ff;
    assert_true(linebreak_knuth_plass(p.items, p.n, &w, 1, NULL, &kp));
    assert_true(linebreak_first_fit(p.items, p.n, &w, 1, &ff));
    assert_breaks(&kp, (size_t[]){0, 5}, (size_t[]){4, 9}, 2);
    assert_breaks(&ff, (size_t[]){0, 5}, (size_t[]){4, 9}, 2);
    assert_false(kp.emergency);
    assert_true(kp.lines[0].ratio >= 0 && kp.lines[0].ratio < 1e-4);
    lb_result_free(&kp);
    lb_result_free(&ff);
}

/* Twelve words of width 5 on a line of 60. Eight words: 40 + 21 = 61,
 * r = −1/7 (decent, demerits (10+0.29)² = 105.9); seven words: 53,
 * r = 7/9 = 0.778 (loose, (10+47.05)² = 3254.8); six: r = 15/7.5 = 2.0
 * (656400 with the last line). The last line costs 100 either way, so with
 * ordinary spaces the break comes after word 8 (glue at 2×7+1 = 15).
 * With a no-break space after word 8 (index 7) the items are words 0..7 at
 * 0,2,..,14, then penalty(+inf) 15, glue 16, word 8 at 17, ...; the glue at
 * 16 follows a penalty, not a box, so it is no break: the best is then
 * seven words (break at 13), and words 7 and 8 share line 2. */
static void no_break_space_is_never_broken(void **state)
{
    (void)state;
    double w5[12];
    for (int i = 0; i < 12; i++)
        w5[i] = 5;
    double w = 60;
    para plain = {.n = 0}, nb = {.n = 0};
    words(&plain, w5, 12, NULL);
    words(&nb, w5, 12, (const int[]){7, -1});
    lb_result r;
    assert_true(linebreak_knuth_plass(plain.items, plain.n, &w, 1, NULL, &r));
    assert_breaks(&r, (size_t[]){0, 16}, (size_t[]){15, 24}, 2);
    lb_result_free(&r);

    assert_true(linebreak_knuth_plass(nb.items, nb.n, &w, 1, NULL, &r));
    assert_breaks(&r, (size_t[]){0, 14}, (size_t[]){13, 25}, 2);
    assert_true(fabs(r.lines[0].ratio - 7.0 / 9) < 1e-9);
    assert_false(r.emergency);
    lb_result_free(&r);

    /* First fit: words 0..6 fit (53); the unit "7~8" would need 69 − 8 > 60. */
    assert_true(linebreak_first_fit(nb.items, nb.n, &w, 1, &r));
    assert_breaks(&r, (size_t[]){0, 14}, (size_t[]){13, 25}, 2);
    lb_result_free(&r);
}

/* Widths {50, 100}: line 1 is 50, every later line 100. Words
 * 20 27 | 30 30 34 | 40 57 | 10 fill exactly 50, 100, 100 (r = 0 each) and
 * are the only breaking with zero badness: 4 lines × 100 = 400 demerits. No
 * 3-line breaking exists (269 of natural width, at most 50 + 100 + 100 + 6
 * of discarded glue + 7 of shrink = 263). Breaks at glue 3, 9, 13; final 16. */
static void variable_widths(void **state)
{
    (void)state;
    para p = {.n = 0};
    words(&p, (const double[]){20, 27, 30, 30, 34, 40, 57, 10}, 8, NULL);
    double widths[] = {50, 100};
    lb_result r;
    assert_true(linebreak_knuth_plass(p.items, p.n, widths, 2, NULL, &r));
    assert_breaks(&r, (size_t[]){0, 4, 10, 14}, (size_t[]){3, 9, 13, 16}, 4);
    for (size_t i = 0; i < 3; i++)
        assert_true(fabs(r.lines[i].ratio) < 1e-12);
    assert_false(r.emergency);
    lb_result_free(&r);
}

/* A one-line paragraph 30 + 3 + 20 on a line of 100: the fil glue takes the
 * 47 left over, ratio 47/(1.5 + 1e6) ≈ 4.7e-5, so the words keep their
 * natural spacing. The same holds for paragraph A's last line. */
static void last_line_is_ragged(void **state)
{
    (void)state;
    para p = {.n = 0};
    words(&p, (const double[]){30, 20}, 2, NULL);
    double w = 100;
    lb_result r;
    assert_true(linebreak_knuth_plass(p.items, p.n, &w, 1, NULL, &r));
    assert_breaks(&r, (size_t[]){0}, (size_t[]){4}, 1);
    assert_true(fabs(r.lines[0].ratio - 47 / (1.5 + LB_FIL)) < 1e-12);
    lb_result_free(&r);

    para a = {.n = 0};
    words(&a, para_a, 16, NULL);
    assert_true(linebreak_knuth_plass(a.items, a.n, &w, 1, NULL, &r));
    double last = r.lines[r.n_lines - 1].ratio;
    assert_true(last > 0 && last < 1e-4);
    lb_result_free(&r);
}

/* The ragged-right model: a ragged line's room is stretch at its end
 * (line_stretch), not in its spaces, so a short line costs by how short it
 * is. Words 10 10 10 10 on a line of 36, spaces 3; the last two words are
 * one word of two syllables, whose space may break only at a penalty of
 * 100 (keep_listed_words). Items: 0 box, 1 glue, 2 box, 3 glue, 4 box,
 * 5 penalty(100), 6 glue, 7 box, 8 fil, 9 forced; tolerance 4, as
 * paragraph.c gives ragged text.
 * - Spaces without stretch, line_stretch 20: "10 10" falls 13 short,
 *   r = 0.65, demerits (10 + 27.5)^2 ~ 1,403 (+100 for the last line);
 *   breaking inside the word fills the line but costs 10^2 + 100^2 =
 *   10,100; "10" alone falls 26 short, r = 1.3, (10 + 220)^2. So the word
 *   stays whole: lines [0,3), [4,9).
 * - The old model, stretch 1.5 in each space and none at the end: "10 10"
 *   has one space to stretch 13 (r = 8.7, past the tolerance), so the
 *   breaker must split the word: lines [0,5), [7,9). */
static void ragged_line_priced_by_its_room(void **state)
{
    (void)state;
    lb_params par = lb_default_params();
    par.tolerance = 4.0;
    double w = 36;
    for (int model = 0; model < 2; model++) {
        double st = model == 0 ? 0.0 : 1.5;
        par.line_stretch = model == 0 ? 20.0 : 0.0;
        para p = {.n = 0};
        box(&p, 10);
        space(&p, 3, st, 0);
        box(&p, 10);
        space(&p, 3, st, 0);
        box(&p, 10);
        penalty(&p, 100);
        space(&p, 3, st, 0);
        box(&p, 10);
        finish(&p);
        lb_result r;
        assert_true(linebreak_knuth_plass(p.items, p.n, &w, 1, &par, &r));
        assert_false(r.emergency);
        if (model == 0) {
            assert_breaks(&r, (size_t[]){0, 4}, (size_t[]){3, 9}, 2);
            assert_true(fabs(r.lines[0].ratio - 0.65) < 1e-12);
        } else {
            assert_breaks(&r, (size_t[]){0, 7}, (size_t[]){5, 9}, 2);
        }
        lb_result_free(&r);
    }
}

/* Words 10, 150, 10 on a line of 100: no breaking fits (150 alone is
 * overfull), so the emergency pass sets "10" alone, the wide box alone
 * (overfull, its line has no glue: ratio 0), then "10" + fil:
 * lines [0,1), [2,3), [4,6). First fit does the same. */
static void box_wider_than_line(void **state)
{
    (void)state;
    para p = {.n = 0};
    words(&p, (const double[]){10, 150, 10}, 3, NULL);
    double w = 100;
    lb_result r;
    assert_true(linebreak_knuth_plass(p.items, p.n, &w, 1, NULL, &r));
    assert_breaks(&r, (size_t[]){0, 2, 4}, (size_t[]){1, 3, 6}, 3);
    assert_true(r.emergency);
    for (size_t i = 0; i < r.n_lines; i++)
        assert_true(isfinite(r.lines[i].ratio));
    lb_result_free(&r);

    assert_true(linebreak_first_fit(p.items, p.n, &w, 1, &r));
    assert_breaks(&r, (size_t[]){0, 2, 4}, (size_t[]){1, 3, 6}, 3);
    assert_true(r.emergency);
    lb_result_free(&r);
}

/* A wide box among ordinary words: only its own line is bad. Words
 * 20 20 20 | 120 | 20 20 on a line of 60: "20 20 20" = 66 − 2 > 60, so line 1
 * is "20 20" (43, r = 17/1.5 = 11.3: only the emergency pass takes it), then
 * the box alone (overfull), then "20 20" + fil. The box never drags its
 * neighbours onto its line (that would be even more overfull). */
static void wide_box_gets_its_own_line(void **state)
{
    (void)state;
    para p = {.n = 0};
    words(&p, (const double[]){20, 20, 20, 120, 20, 20}, 6, NULL);
    double w = 60;
    lb_result r;
    assert_true(linebreak_knuth_plass(p.items, p.n, &w, 1, NULL, &r));
    assert_true(r.emergency);
    size_t boxline = SIZE_MAX;
    for (size_t i = 0; i < r.n_lines; i++)
        if (r.lines[i].start <= 6 && 6 < r.lines[i].end)
            boxline = i;
    assert_true(boxline != SIZE_MAX);
    assert_int_equal(r.lines[boxline].start, 6);
    assert_int_equal(r.lines[boxline].end, 7);
    lb_result_free(&r);
}

static void degenerate_inputs(void **state)
{
    (void)state;
    double w = 100;
    lb_result r;
    /* Empty input: zero lines, not an error. */
    assert_true(linebreak_knuth_plass(NULL, 0, &w, 1, NULL, &r));
    assert_int_equal(r.n_lines, 0);
    assert_false(r.emergency);
    lb_result_free(&r);
    assert_true(linebreak_first_fit(NULL, 0, &w, 1, &r));
    assert_int_equal(r.n_lines, 0);
    lb_result_free(&r);

    /* Only the paragraph end: one empty ragged line [0,1). */
    para p = {.n = 0};
    finish(&p);
    assert_true(linebreak_knuth_plass(p.items, p.n, &w, 1, NULL, &r));
    assert_breaks(&r, (size_t[]){0}, (size_t[]){1}, 1);
    assert_false(r.emergency);
    lb_result_free(&r);

    /* A single word: one line [0,2). */
    para one = {.n = 0};
    words(&one, (const double[]){42}, 1, NULL);
    assert_true(linebreak_knuth_plass(one.items, one.n, &w, 1, NULL, &r));
    assert_breaks(&r, (size_t[]){0}, (size_t[]){2}, 1);
    lb_result_free(&r);

    /* No final penalty: the end of the list is the last break (end = n).
     * 30 + 3 + 30 = 63 on a line of 62 shrinks its one glue fully: r = −1. */
    para bare = {.n = 0};
    box(&bare, 30);
    space(&bare, 3, 1.5, 1);
    box(&bare, 30);
    w = 62;
    assert_true(linebreak_knuth_plass(bare.items, bare.n, &w, 1, NULL, &r));
    assert_breaks(&r, (size_t[]){0}, (size_t[]){3}, 1);
    assert_true(fabs(r.lines[0].ratio + 1) < 1e-12);
    lb_result_free(&r);

    /* No line widths: refused. */
    assert_false(linebreak_knuth_plass(one.items, one.n, &w, 0, NULL, &r));
    assert_false(linebreak_first_fit(one.items, one.n, &w, 0, &r));
}

/* A real paragraph of the 2023 contest report (95 words), each word's width
 * at 13 pt measured from Liberation Serif's advance widths (metric-
 * compatible with Times New Roman; e.g. "Hình" = H 722 + ì 278 + n 500 +
 * h 500 = 2.0 em = 26 pt). Space 3.25 pt (0.25 em), stretch half of it,
 * shrink a third; line 16 cm = 453.54 pt; first-line indent 1.27 cm. */
static const struct {
    const char *word;
    double width;
} report_words[] = {
    {"Hình", 26.000}, {"thức", 22.928}, {"trực", 20.757}, {"tiếp:", 23.105},
    {"(1)", 15.162}, {"Mỗi", 24.550}, {"đơn", 19.500}, {"vị", 10.114},
    {"tham", 23.105}, {"gia", 16.214}, {"ít", 7.228}, {"nhất", 23.105},
    {"01", 13.000}, {"mô", 16.614}, {"hình,", 26.000}, {"sáng", 24.186},
    {"kiến", 23.105}, {"kinh", 23.105}, {"nghiệm", 40.448}, {"liên", 19.500},
    {"quan", 25.272}, {"đến", 19.500}, {"các", 17.329}, {"lĩnh", 20.228},
    {"vực", 19.500}, {"của", 18.771}, {"công", 24.550}, {"tác", 15.171},
    {"cải", 15.171}, {"cách", 23.105}, {"hành", 25.272}, {"chính", 29.615},
    {"đã", 12.272}, {"và", 12.272}, {"đang", 25.272}, {"áp", 12.272},
    {"dụng", 26.000}, {"hiệu", 23.105}, {"quả", 18.771}, {"tại", 12.272},
    {"đơn", 19.500}, {"vị", 10.114}, {"hoặc", 28.157}, {"đề", 12.272},
    {"xuất", 23.105}, {"giải", 19.500}, {"pháp", 27.443}, {"cải", 15.171},
    {"cách", 23.105}, {"hành", 25.272}, {"chính", 29.615}, {"khả", 19.500},
    {"thi,", 20.228}, {"phù", 19.500}, {"hợp", 21.007}, {"để", 12.272},
    {"vận", 19.500}, {"dụng", 26.000}, {"vào", 18.771}, {"thực", 27.257},
    {"tiễn", 19.500}, {"triển", 23.828}, {"khai", 22.928}, {"của", 18.771},
    {"tỉnh;", 23.105}, {"(2)", 15.162}, {"Tham", 26.000}, {"gia", 16.214},
    {"xây", 18.771}, {"dựng", 26.721}, {"“Khẩu", 38.271}, {"hiệu", 23.105},
    {"tuyên", 28.886}, {"truyền", 35.379}, {"cải", 15.171}, {"cách", 23.105},
    {"hành", 25.272}, {"chính", 29.615}, {"ấn", 12.272}, {"tượng”", 40.057},
    {"thể", 15.171}, {"hiện", 23.105}, {"thông", 31.043}, {"điệp", 27.443},
    {"mục", 23.829}, {"tiêu,", 20.229}, {"mong", 29.650}, {"muốn,", 34.308},
    {"trách", 28.157}, {"nhiệm", 36.107}, {"phục", 29.086}, {"vụ", 13.000},
    {"của", 18.771}, {"đơn", 19.500}, {"vị.", 13.364},
};

static void vietnamese_paragraph_within_tolerance(void **state)
{
    (void)state;
    size_t count = sizeof report_words / sizeof report_words[0];
    assert_int_equal(count, 95);
    para p = {.n = 0};
    box(&p, 1.27 / 2.54 * 72); /* first-line indent */
    for (size_t k = 0; k < count; k++) {
        box(&p, report_words[k].width);
        if (k + 1 < count)
            space(&p, 3.25, 3.25 / 2, 3.25 / 3);
    }
    finish(&p);
    double w = 16 / 2.54 * 72;
    lb_params par = lb_default_params();
    lb_result kp, ff;
    assert_true(linebreak_knuth_plass(p.items, p.n, &w, 1, &par, &kp));
    assert_true(linebreak_first_fit(p.items, p.n, &w, 1, &ff));
    assert_false(kp.emergency);
    /* 2075.6 pt of words + 94 × 3.25 of spaces + 36 of indent = 2417 pt,
     * 5.33 lines' worth: at least 6 lines, 7 only if spaces stretch a lot. */
    assert_true(kp.n_lines >= 6 && kp.n_lines <= 7);
    for (size_t i = 0; i + 1 < kp.n_lines; i++) {
        assert_true(fabs(kp.lines[i].ratio) <= par.tolerance);
        assert_line_fills(&p, &kp.lines[i], w);
        /* Lines follow each other: nothing lost, nothing repeated. */
        assert_int_equal(kp.lines[i + 1].start, kp.lines[i].end + 1);
    }
    assert_int_equal(kp.lines[kp.n_lines - 1].end, p.n - 1);
    lb_result_free(&kp);
    lb_result_free(&ff);
}

/* Even lines for a title: ten words of 10 with spaces of 3 on three lines
 * of at most 50. A line of k words is 13k - 3: 4 words 49, 3 words 36, so
 * every breaking is 4+3+3 in some order (widest 49). With the spaces after
 * words 4 and 7 to be avoided (inside a word), only 3+3+4 is left: breaks
 * after words 3 and 6 (items 5 and 11), the last line ending at the forced
 * break (item 20). Four lines of at most 30 (two words) cannot hold ten
 * words: no breaking. */
static void even_lines_avoid_flagged_spaces(void **state)
{
    (void)state;
    para p = {0};
    for (int k = 0; k < 10; k++) {
        if (k)
            space(&p, 3, 1.5, 1);
        box(&p, 10);
    }
    finish(&p);
    bool avoid[MAX_ITEMS] = {0};
    avoid[7] = avoid[13] = true;
    lb_result r = {0};
    assert_true(linebreak_even(p.items, p.n, 50, avoid, 3, &r));
    assert_int_equal(r.n_lines, 3);
    assert_int_equal(r.lines[0].end, 5);
    assert_int_equal(r.lines[1].start, 6);
    assert_int_equal(r.lines[1].end, 11);
    assert_int_equal(r.lines[2].end, 20);
    lb_result_free(&r);
    assert_true(linebreak_even(p.items, p.n, 50, NULL, 3, &r));
    for (size_t i = 0; i < r.n_lines; i++) { /* never 5 words (62) on a line */
        int words = 0;
        for (size_t k = r.lines[i].start; k < r.lines[i].end; k++)
            words += p.items[k].kind == LB_BOX;
        assert_true(words == 3 || words == 4);
    }
    lb_result_free(&r);
    assert_false(linebreak_even(p.items, p.n, 30, NULL, 4, &r));
    assert_null(r.lines);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(total_fit_evens_out_loose_line),
        cmocka_unit_test(total_fit_avoids_tight_then_loose),
        cmocka_unit_test(forced_break_splits),
        cmocka_unit_test(no_break_space_is_never_broken),
        cmocka_unit_test(variable_widths),
        cmocka_unit_test(last_line_is_ragged),
        cmocka_unit_test(ragged_line_priced_by_its_room),
        cmocka_unit_test(box_wider_than_line),
        cmocka_unit_test(wide_box_gets_its_own_line),
        cmocka_unit_test(degenerate_inputs),
        cmocka_unit_test(vietnamese_paragraph_within_tolerance),
        cmocka_unit_test(even_lines_avoid_flagged_spaces),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
