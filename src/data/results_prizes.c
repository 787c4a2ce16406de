/* The results engine, second half: ranks with the declared tie-breaks, then
 * prizes by quota in rank order. A tie that the tie-breaks do not settle is
 * never broken silently: tied units share a rank, and when the tie decides a
 * prize (the tied ones do not all fit in the same prize) those prizes are left
 * unawarded, reported, and recorded in the results for the organizers. */
#include "results.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct rank_ctx {
    const c_model *m;
    vb_results *r;
} rank_ctx;

/* qsort has no context argument in C17; the comparators get theirs through
 * an array of pairs instead of a global. */
typedef struct unit_ref { int ix; const rank_ctx *ctx; } unit_ref;

static long long tb_value(const rank_ctx *k, int u, const c_tiebreak *t)
{
    if (t->part < 0)
        return 0;
    const r_cell *cl = &k->r->cells[(size_t)u * (size_t)k->r->nparts + (size_t)t->part];
    switch (t->by) {
    case TB_PART: return isnan(cl->points) ? 0 : round_fixed(cl->points, k->m->precision);
    case TB_COUNT: return cl->valid;
    case TB_RATE: return isnan(cl->rate) ? 0 : round_fixed(cl->rate, k->m->precision);
    }
    return 0;
}

/* <0 when a ranks before b; 0 when nothing declared separates them. */
static int rank_cmp(const rank_ctx *k, int a, int b)
{
    const r_unit *x = &k->r->u[a], *y = &k->r->u[b];
    if (x->total_fx != y->total_fx)
        return x->total_fx > y->total_fx ? -1 : 1;
    for (int i = 0; i < k->m->ntb; i++) {
        long long va = tb_value(k, a, &k->m->tb[i]), vb = tb_value(k, b, &k->m->tb[i]);
        if (va != vb)
            return va > vb ? -1 : 1;
    }
    return 0;
}

static int cmp_eligible(const void *pa, const void *pb)
{
    const unit_ref *a = pa, *b = pb;
    int c = rank_cmp(a->ctx, a->ix, b->ix);
    return c ? c : a->ix - b->ix; /* document order only for display */
}

/* The rest: participants by total (unknown totals last), then the absent. */
static int cmp_rest(const void *pa, const void *pb)
{
    const unit_ref *a = pa, *b = pb;
    const r_unit *x = &a->ctx->r->u[a->ix], *y = &b->ctx->r->u[b->ix];
    if (x->participated != y->participated)
        return x->participated ? -1 : 1;
    bool xn = isnan(x->total), yn = isnan(y->total);
    if (xn != yn)
        return xn ? 1 : -1;
    if (!xn && x->total_fx != y->total_fx)
        return x->total_fx > y->total_fx ? -1 : 1;
    return a->ix - b->ix;
}

void results_rank(vb_contest *c, vb_results *r, vb_diag *d)
{
    const c_model *m = &c->m;
    rank_ctx k = {m, r};
    unit_ref *el = vb_xmalloc(((size_t)m->nunits + 1) * sizeof *el);
    unit_ref *rest = vb_xmalloc(((size_t)m->nunits + 1) * sizeof *rest);
    int ne = 0, nr = 0;
    for (int i = 0; i < m->nunits; i++) {
        if (r->u[i].eligible)
            el[ne++] = (unit_ref){i, &k};
        else
            rest[nr++] = (unit_ref){i, &k};
    }
    qsort(el, (size_t)ne, sizeof *el, cmp_eligible);
    qsort(rest, (size_t)nr, sizeof *rest, cmp_rest);
    r->order = vb_xmalloc(((size_t)m->nunits + 1) * sizeof *r->order);
    for (int i = 0; i < ne; i++) {
        r_unit *u = &r->u[el[i].ix];
        if (i > 0 && rank_cmp(&k, el[i - 1].ix, el[i].ix) == 0) {
            u->rank = r->u[el[i - 1].ix].rank;
            u->tie = true;
            r->u[el[i - 1].ix].tie = true;
        } else {
            u->rank = i + 1;
        }
        r->order[i] = el[i].ix;
    }
    for (int i = 0; i < nr; i++)
        r->order[ne + i] = rest[i].ix;
    (void)d;
    free(el);
    free(rest);
}

/* ---- prizes ----------------------------------------------------------------- */

/* A candidate for a prize: a unit (collective) or a submission (individual). */
typedef struct cand {
    int unit, sub;
    long long key;   /* what the prize is decided by, fixed point */
    double shown;    /* the score printed with the award */
    int rank;        /* candidates with equal rank are tied */
} cand;

static int cmp_level(const void *a, const void *b)
{
    const c_level *x = *(const c_level *const *)a, *y = *(const c_level *const *)b;
    return x->level - y->level;
}

static void add_gap(vb_results *r, int prizes, int level_ix, enum gap_reason why)
{
    for (int i = 0; i < r->ngaps; i++)
        if (r->gaps[i].prizes == prizes && r->gaps[i].level_ix == level_ix && r->gaps[i].why == why) {
            r->gaps[i].count++;
            return;
        }
    r_gap g = {prizes, level_ix, 1, why};
    VB_PUSH(r->gaps, r->ngaps, r->gaps_cap, g);
}

static void name_list(vb_buf *b, const c_model *m, const cand *cs, int n)
{
    for (int i = 0; i < n; i++) {
        if (i)
            vb_buf_puts(b, ", ");
        if (cs[i].sub >= 0)
            vb_buf_printf(b, "bài '%s'", m->subs[cs[i].sub].id);
        else
            vb_buf_puts(b, m->units[cs[i].unit].name);
    }
}

/* Walks the candidates in rank order over the prize slots (levels in order,
 * each repeated `count` times). */
static void award_slots(vb_contest *c, vb_results *r, vb_diag *d, int pi, const cand *cs, int nc)
{
    const c_model *m = &c->m;
    const c_prizes *p = &m->prizes[pi];
    const c_level **lv = vb_xmalloc(((size_t)p->nlevels + 1) * sizeof *lv);
    for (int i = 0; i < p->nlevels; i++)
        lv[i] = &p->levels[i];
    qsort(lv, (size_t)p->nlevels, sizeof *lv, cmp_level);
    int nslots = 0;
    for (int i = 0; i < p->nlevels; i++)
        nslots += lv[i]->count;
    int *slot = vb_xmalloc(((size_t)nslots + 1) * sizeof *slot); /* level index in p->levels */
    for (int i = 0, s = 0; i < p->nlevels; i++)
        for (int j = 0; j < lv[i]->count; j++)
            slot[s++] = (int)(lv[i] - p->levels);
    free(lv);

    int pos = 0;
    for (int i = 0; i < nc && pos < nslots;) {
        int g = 1;
        while (i + g < nc && cs[i + g].rank == cs[i].rank)
            g++;
        int end = pos + g;
        bool fits = end <= nslots;
        for (int s = pos + 1; fits && s < end; s++)
            fits = slot[s] == slot[pos];
        if (fits) {
            for (int j = 0; j < g; j++) {
                r_award a = {pi, slot[pos + j], cs[i + j].unit, cs[i + j].sub, -1, cs[i + j].shown,
                             cs[i + j].rank};
                if (a.sub >= 0)
                    a.person = m->subs[a.sub].author;
                VB_PUSH(r->awards, r->nawards, r->awards_cap, a);
            }
        } else {
            r_tie t = {pi, cs[i].rank, vb_xmalloc((size_t)g * sizeof(int)), g, cs[i].sub >= 0};
            for (int j = 0; j < g; j++)
                t.members[j] = t.subs ? cs[i + j].sub : cs[i + j].unit;
            VB_PUSH(r->ties, r->nties, r->ties_cap, t);
            for (int s = pos; s < end && s < nslots; s++)
                add_gap(r, pi, slot[s], GAP_TIE);
            vb_buf names;
            vb_buf_init(&names);
            name_list(&names, m, cs + i, g);
            warn_at(c, d, p->node,
                    "hòa điểm chưa phân định ở hạng %d của “%s”: %s; các giải này chưa được trao — "
                    "hãy khai báo thêm <tiebreak> hoặc để Ban Tổ chức quyết định",
                    cs[i].rank, p->name, names.data);
            vb_buf_free(&names);
        }
        pos = end;
        i += g;
    }
    for (; pos < nslots; pos++)
        add_gap(r, pi, slot[pos], GAP_TOO_FEW);
    free(slot);
}

static int cmp_cand(const void *a, const void *b)
{
    const cand *x = a, *y = b;
    if (x->key != y->key)
        return x->key > y->key ? -1 : 1;
    int xi = x->sub >= 0 ? x->sub : x->unit, yi = y->sub >= 0 ? y->sub : y->unit;
    return xi - yi;
}

/* Whether a total or a score reaches a prize set's min-percent of `max`. It
 * is judged on the value as printed (at the rules' precision): a total of
 * 69.9967 is printed 70,00, and 70,00 of 100 meets "min-percent 70"; 99,9 of
 * 200 does not meet 50. */
static bool reaches(const c_model *m, double v, double max, double min_pct)
{
    if (isnan(min_pct))
        return true;
    /* shown / max >= min_pct %, in whole units of the last printed digit:
     * rounding the percentage too passed a printed 99,9 of 200 (49,95 %,
     * rounded to 50,0) for "min-percent 50" */
    return round_fixed(v, m->precision) * 100 >= round_fixed(min_pct * max, m->precision);
}

static void by_total(vb_contest *c, vb_results *r, vb_diag *d, int pi)
{
    const c_model *m = &c->m;
    const c_prizes *p = &m->prizes[pi];
    cand *cs = vb_xmalloc(((size_t)m->nunits + 1) * sizeof *cs);
    int nc = 0;
    for (int i = 0; i < m->nunits; i++) {
        int u = r->order[i];
        const r_unit *ru = &r->u[u];
        if (!ru->eligible)
            break; /* order puts the eligible first */
        if (!reaches(m, ru->total, m->total_max, p->min_pct))
            continue;
        cs[nc++] = (cand){u, -1, ru->total_fx, ru->total, ru->rank};
    }
    award_slots(c, r, d, pi, cs, nc);
    free(cs);
}

static void by_submission(vb_contest *c, vb_results *r, vb_diag *d, int pi, bool votes)
{
    const c_model *m = &c->m;
    const c_prizes *p = &m->prizes[pi];
    cand *cs = vb_xmalloc(((size_t)m->nsubs + 1) * sizeof *cs);
    int nc = 0;
    for (int i = 0; i < m->nsubs; i++) {
        const c_sub *s = &m->subs[i];
        if (s->part != p->part || !s->valid)
            continue;
        double v = votes ? (s->votes < 0 ? NAN : (double)s->votes) : r->sub_score[i];
        if (isnan(v))
            continue;
        if (!votes && !reaches(m, v, m->parts[s->part].max, p->min_pct))
            continue;
        cs[nc++] = (cand){s->unit, i, round_fixed(v, votes ? 0 : m->precision), v, 0};
    }
    qsort(cs, (size_t)nc, sizeof *cs, cmp_cand);
    for (int i = 0; i < nc; i++)
        cs[i].rank = i > 0 && cs[i].key == cs[i - 1].key ? cs[i - 1].rank : i + 1;
    award_slots(c, r, d, pi, cs, nc);
    free(cs);
}

static void by_decision(vb_results *r, const c_model *m, int pi)
{
    const c_prizes *p = &m->prizes[pi];
    int *used = vb_xcalloc((size_t)p->nlevels + 1, sizeof *used);
    for (int j = 0; j < p->ngranted; j++) {
        const c_granted *g = &p->granted[j];
        int li = 0;
        while (li < p->nlevels && p->levels[li].level != g->level)
            li++;
        if (li == p->nlevels)
            continue;
        used[li]++;
        int unit = g->unit;
        if (unit < 0 && g->sub >= 0)
            unit = m->subs[g->sub].unit;
        if (unit < 0 && g->person >= 0)
            unit = m->people[g->person].unit;
        int person = g->person >= 0 ? g->person : g->sub >= 0 ? m->subs[g->sub].author : -1;
        r_award a = {pi, li, unit, g->sub, person, NAN, 0};
        VB_PUSH(r->awards, r->nawards, r->awards_cap, a);
    }
    for (int li = 0; li < p->nlevels; li++)
        for (int k = used[li]; k < p->levels[li].count; k++)
            add_gap(r, pi, li, GAP_PENDING);
    free(used);
}

void results_prizes(vb_contest *c, vb_results *r, vb_diag *d)
{
    const c_model *m = &c->m;
    for (int pi = 0; pi < m->nprizes; pi++) {
        switch (m->prizes[pi].by) {
        case BY_TOTAL: by_total(c, r, d, pi); break;
        case BY_SCORE: by_submission(c, r, d, pi, false); break;
        case BY_VOTES: by_submission(c, r, d, pi, true); break;
        case BY_DECISION: by_decision(r, m, pi); break;
        }
    }
}
