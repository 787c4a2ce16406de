/* Knuth–Plass total-fit line breaking (Software—Practice and Experience 11,
 * 1981; TeX's line_break). Every legal breakpoint is tried against a list of
 * "active" earlier breakpoints from which a line to it could still be set;
 * each feasible line costs demerits, and the paragraph takes the chain of
 * breaks with the least total. Lines are measured with running sums, so the
 * work is O(items × active nodes), as in the paper. */
#include "layout/linebreak.h"
#include "layout/linebreak_measure.h"

#include "util/util.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#define NONE SIZE_MAX
/* Badness of a line that is short and has nothing to stretch. Only the
 * emergency pass ever accepts one, and then as a last resort. */
#define KP_INF_BAD 1.0e10

/* Fitness classes of the paper: a line whose neighbour is more than one
 * class away costs fitness_demerits (a tight line next to a loose one). */
enum { KP_TIGHT, KP_DECENT, KP_LOOSE, KP_VERY_LOOSE, KP_CLASSES };

lb_params lb_default_params(void)
{
    /* Tolerance is an adjustment ratio. Justified 13–14 pt Times New Roman
     * on a 16 cm (~454 pt) line holds about 18–22 Vietnamese syllables, so
     * ~20 spaces each stretching half a space (~1.6 pt) give ~30 pt of
     * stretch. Vietnamese is never hyphenated, but its syllables are short
     * (at most 7 letters, ~40 pt with the space), so the gap a word leaves
     * rarely exceeds ~1.5 × the stretch and total fit nearly always finds
     * r ≤ 1. r ≤ 2 (spaces at most twice their width, badness 800 — looser
     * than TeX's 200 but far tighter than a word processor's greedy
     * justification) leaves room for long unbreakable tokens such as
     * "Số: 56/KH-SNV" or "83,64/100"; beyond it the breaker relaxes (a second
     * pass at 2× tolerance, then the emergency pass). */
    return (lb_params){
        .tolerance = 2.0,
        .line_penalty = 10.0,
        .flagged_demerits = 100.0,
        .fitness_demerits = 100.0,
    };
}

void lb_result_free(lb_result *res)
{
    free(res->lines);
    res->lines = NULL;
    res->n_lines = 0;
}

typedef struct kp_node {
    size_t pos;         /* the break item, NONE for the paragraph start */
    size_t start;       /* first item of the line after this break */
    size_t line;        /* lines before this break ends: the next line's number */
    int fitness;        /* class of the line ending here */
    bool flagged;       /* broke at a flagged penalty */
    double demerits;    /* least total demerits of a chain of breaks ending here */
    double ratio;       /* raw ratio of the line ending here */
    size_t prev;        /* node of the previous break on that chain */
    size_t next_active; /* active list link, NONE at the end */
} kp_node;

typedef struct kp {
    const lb_item *items;
    size_t n, last; /* last: the final break (a forced penalty, or n) */
    const double *widths;
    size_t n_widths;
    const lb_params *par;
    lb_sums sums;
    kp_node *pool; /* every node created in a pass, active or not */
    size_t n_pool, cap_pool;
    size_t head, n_active;
} kp;

/* The best line into the current breakpoint for each fitness class. */
typedef struct kp_candidates {
    double total[KP_CLASSES];
    size_t from[KP_CLASSES];
    double ratio[KP_CLASSES];
    bool any;
} kp_candidates;

static void candidates_reset(kp_candidates *c)
{
    for (int i = 0; i < KP_CLASSES; i++) {
        c->total[i] = INFINITY;
        c->from[i] = NONE;
        c->ratio[i] = 0.0;
    }
    c->any = false;
}

static int fitness_class(double r)
{
    if (r < -0.5)
        return KP_TIGHT;
    if (r <= 0.5)
        return KP_DECENT;
    return r <= 1.0 ? KP_LOOSE : KP_VERY_LOOSE;
}

static double badness(double r)
{
    if (isinf(r))
        return KP_INF_BAD;
    double a = fabs(r);
    return 100.0 * a * a * a;
}

/* Demerits of the line from node `a` to break b with ratio r, fitness c. */
static double line_demerits(const kp *k, const kp_node *a, size_t b, double r, int c)
{
    double pi = lb_break_penalty(k->items, k->n, b);
    double lb = k->par->line_penalty + badness(r);
    double d = lb * lb;
    if (pi >= 0)
        d += pi * pi;
    else if (pi > -LB_INFINITY)
        d -= pi * pi;
    if (a->flagged && lb_break_flagged(k->items, k->n, b))
        d += k->par->flagged_demerits;
    if (abs(c - a->fitness) > 1)
        d += k->par->fitness_demerits;
    return d;
}

static size_t new_node(kp *k, kp_node node)
{
    VB_PUSH(k->pool, k->n_pool, k->cap_pool, node);
    return k->n_pool - 1;
}

/* Turns the candidates into active nodes at break b, linked after `prev`
 * (NONE: at the head). Keeps only classes within fitness_demerits of the
 * best, as a worse one can never win (the paper's D_c ≤ D + γ rule).
 * Returns the last node inserted, or prev. */
static size_t flush_candidates(kp *k, kp_candidates *c, size_t b, size_t prev)
{
    if (!c->any)
        return prev;
    double best = INFINITY;
    for (int i = 0; i < KP_CLASSES; i++)
        best = fmin(best, c->total[i]);
    size_t start = b == k->n ? k->n : lb_line_start(k->items, k->n, b);
    for (int i = 0; i < KP_CLASSES; i++) {
        if (c->from[i] == NONE || c->total[i] > best + k->par->fitness_demerits)
            continue;
        kp_node node = {
            .pos = b,
            .start = start,
            .line = k->pool[c->from[i]].line + 1,
            .fitness = i,
            .flagged = lb_break_flagged(k->items, k->n, b),
            .demerits = c->total[i],
            .ratio = c->ratio[i],
            .prev = c->from[i],
        };
        size_t id = new_node(k, node);
        size_t *link = prev == NONE ? &k->head : &k->pool[prev].next_active;
        k->pool[id].next_active = *link;
        *link = id;
        prev = id;
        k->n_active++;
    }
    candidates_reset(c);
    return prev;
}

/* Tries every active node against breakpoint b. */
static void try_break(kp *k, size_t b, double threshold, bool final_pass)
{
    bool forced = lb_break_penalty(k->items, k->n, b) <= -LB_INFINITY;
    kp_candidates cand;
    candidates_reset(&cand);
    size_t prev = NONE, a = k->head;
    size_t group = NONE;
    while (a != NONE) {
        /* Nodes of equal line number share a line width; past the last given
         * width all lines are alike. A group's candidates are settled before
         * the next group, keeping the list sorted by line number. */
        size_t key = k->pool[a].line < k->n_widths - 1 ? k->pool[a].line : k->n_widths - 1;
        if (key != group) {
            prev = flush_candidates(k, &cand, b, prev);
            group = key;
        }
        kp_node *node = &k->pool[a];
        size_t next = node->next_active;
        if (node->start > b) { /* b lies in the glue discarded after this node */
            prev = a;
            a = next;
            continue;
        }
        double width = lb_line_width(k->widths, k->n_widths, node->line);
        double r = lb_raw_ratio(&k->sums, k->items, k->n, node->start, b, width,
                                k->par->line_stretch);
        bool feasible = r >= -1.0 && (final_pass || r <= threshold);
        /* TeX's artificial demerits: in the last pass, a line that cannot be
         * set at all (a box wider than the line) is still taken when it is
         * the only way forward, so a result always exists. */
        bool artificial = !feasible && final_pass && !cand.any && k->n_active == 1;
        if (feasible || artificial) {
            int c = fitness_class(r);
            double total = node->demerits + (artificial ? 0.0 : line_demerits(k, node, b, r, c));
            if (total < cand.total[c]) {
                cand.total[c] = total;
                cand.from[c] = a;
                cand.ratio[c] = r;
                cand.any = true;
            }
        }
        if (r < -1.0 || forced) { /* no later break can be reached from a */
            if (prev == NONE)
                k->head = next;
            else
                k->pool[prev].next_active = next;
            k->n_active--;
        } else {
            prev = a;
        }
        a = next;
    }
    flush_candidates(k, &cand, b, prev);
}

/* One pass at a given tolerance; returns the node of the best final break,
 * or NONE when the active list ran dry (no feasible breaking). */
static size_t kp_pass(kp *k, double threshold, bool final_pass)
{
    k->n_pool = 0;
    kp_node start = {.pos = NONE, .start = 0, .line = 0, .fitness = KP_DECENT,
                     .prev = NONE, .next_active = NONE};
    k->head = new_node(k, start);
    k->n_active = 1;
    for (size_t b = 0; b <= k->last; b++) {
        if (!lb_is_break(k->items, k->n, b))
            continue;
        try_break(k, b, threshold, final_pass);
        if (k->head == NONE)
            return NONE;
    }
    size_t best = NONE;
    for (size_t a = k->head; a != NONE; a = k->pool[a].next_active)
        if (k->pool[a].pos == k->last && (best == NONE || k->pool[a].demerits < k->pool[best].demerits))
            best = a;
    return best;
}

static void collect_lines(const kp *k, size_t best, lb_result *res)
{
    size_t count = 0;
    for (size_t a = best; k->pool[a].prev != NONE; a = k->pool[a].prev)
        count++;
    res->lines = vb_xcalloc(count, sizeof *res->lines);
    res->n_lines = count;
    for (size_t a = best, i = count; i > 0; a = k->pool[a].prev) {
        const kp_node *node = &k->pool[a];
        res->lines[--i] = (lb_line){k->pool[node->prev].start, node->pos, lb_reported_ratio(node->ratio)};
    }
}

bool linebreak_knuth_plass(const lb_item *items, size_t n, const double *widths, size_t n_widths,
                           const lb_params *params, lb_result *res)
{
    res->lines = NULL;
    res->n_lines = 0;
    res->emergency = false;
    if (n_widths == 0 || widths == NULL || (n > 0 && items == NULL))
        return false;
    if (n == 0)
        return true;

    lb_params defaults = lb_default_params();
    kp k = {
        .items = items,
        .n = n,
        .last = lb_needs_final_break(items, n) ? n : n - 1,
        .widths = widths,
        .n_widths = n_widths,
        .par = params ? params : &defaults,
    };
    lb_sums_init(&k.sums, items, n);
    double tol = k.par->tolerance;
    size_t best = kp_pass(&k, tol, false);
    if (best == NONE) {
        res->emergency = true;
        best = kp_pass(&k, fmax(2.0 * tol, tol + 1.0), false);
    }
    if (best == NONE)
        best = kp_pass(&k, INFINITY, true);
    bool ok = true;
    if (best != NONE)
        collect_lines(&k, best, res);
    else /* cannot happen: the final pass always reaches the end */
        ok = linebreak_first_fit(items, n, widths, n_widths, res);
    res->emergency = res->emergency || best == NONE;
    lb_sums_free(&k.sums);
    free(k.pool);
    return ok;
}
