/* Line breaking over a box/glue/penalty list (Knuth & Plass, "Breaking
 * Paragraphs into Lines", Software—Practice and Experience 11, 1981), the
 * algorithm of TeX, and a first-fit breaker kept for comparison and tests.
 *
 * The caller builds the item list: a box per word (or word fragment in one
 * font), a glue per breakable space, penalties where a break is forced
 * (-LB_INFINITY) or forbidden (+LB_INFINITY). A paragraph ends with
 * glue(0, fill) + penalty(-LB_INFINITY) so the last line is ragged. */
#ifndef VANBAN_LINEBREAK_H
#define VANBAN_LINEBREAK_H

#include <stdbool.h>
#include <stddef.h>

#define LB_INFINITY 10000.0
/* Stretch of the paragraph-final glue: effectively infinite (TeX's fil). */
#define LB_FIL 1.0e6
/* How much wider than the measure a line may come out and still fit: its
 * width is a difference of running sums, and a table column given exactly
 * its widest word (cell padding added, then taken off again) can be an ulp
 * narrower than that word, which then split ("Hươn/g") although it fits.
 * A millionth of a point is far below anything printed. */
#define LB_SLACK 1.0e-6

typedef enum lb_kind { LB_BOX, LB_GLUE, LB_PENALTY } lb_kind;

typedef struct lb_item {
    lb_kind kind;
    double width;   /* box, glue: natural width; penalty: width added if broken here */
    double stretch; /* glue only */
    double shrink;  /* glue only */
    double penalty; /* penalty only; >= LB_INFINITY forbids, <= -LB_INFINITY forces */
    bool flagged;   /* penalty only: a hyphen-like break (consecutive ones cost extra) */
} lb_item;

typedef struct lb_params {
    double tolerance;        /* largest adjustment ratio accepted (TeX: tolerance 200 ~ r 1.26) */
    double line_penalty;     /* added to every line's badness (TeX \linepenalty 10) */
    double flagged_demerits; /* TeX \doublehyphendemerits, 100 here */
    double fitness_demerits; /* TeX \adjdemerits: adjacent lines of far-apart fitness classes */
    /* Stretch every line has at its end, beside its glue's: TeX's
     * \rightskip 0pt plus 2em, the ragged-right model. Ragged text gives its
     * spaces no stretch and this instead, so a short line costs by how
     * short it is, not by how few spaces it has. 0 for justified text. */
    double line_stretch;
} lb_params;

/* Sensible defaults for justified Vietnamese body text. */
lb_params lb_default_params(void);

/* One chosen line: items [start, end) are on it (start skips the discardable
 * glue/penalties after the previous break); `end` is the index of the break
 * item (a glue or penalty) or n. ratio is the adjustment ratio of the line:
 * > 0 stretches glue by ratio*stretch, < 0 shrinks by -ratio*shrink. */
typedef struct lb_line {
    size_t start, end;
    double ratio;
} lb_line;

typedef struct lb_result {
    lb_line *lines;
    size_t n_lines;
    /* True if no solution within tolerance existed and the breaker had to
     * accept an overfull or very loose line (TeX's emergency pass). */
    bool emergency;
} lb_result;

/* Line widths: line i (0-based) has width widths[min(i, n_widths-1)], so a
 * paragraph with a first-line indent is modelled either by a first box or by
 * two widths. Returns true on success (always, given n_widths >= 1: when no
 * feasible breaking exists it retries with growing tolerance and finally
 * allows overfull lines, setting `emergency`). The caller frees res->lines. */
bool linebreak_knuth_plass(const lb_item *items, size_t n, const double *widths, size_t n_widths,
                           const lb_params *params, lb_result *res);

/* Greedy first-fit: takes as many items on each line as fit at natural width
 * (shrinking if needed). Same result shape. */
bool linebreak_first_fit(const lb_item *items, size_t n, const double *widths, size_t n_widths,
                         lb_result *res);

/* A short centred text on exactly `lines` (2 or 3) lines, none wider than
 * `width`, with the breaks chosen by cost[i] (per legal breakpoint i: what
 * the break costs the reader) plus the lines' unevenness as a share of the
 * width. False, with res untouched, when no such breaking exists or the
 * text has a forced break of its own (linebreak_headline.c). */
bool linebreak_headline(const lb_item *items, size_t n, double width, const double *cost,
                        size_t lines, lb_result *res);

/* Text on exactly `lines` lines (any number), none wider than `width`,
 * broken only at interword spaces (glue breakpoints: never at a penalty,
 * so not beside a dash nor before a tied last word) other than those
 * flagged in `avoid` (per item; NULL: none): of all such breakings, one
 * whose widest line is narrowest, and among those the one whose lines fall
 * least short of that widest (sum of squares), the last line included.
 * False, with res untouched, when there is none (linebreak_headline.c). */
bool linebreak_even(const lb_item *items, size_t n, double width, const bool *avoid, size_t lines,
                    lb_result *res);

void lb_result_free(lb_result *res);

#endif
