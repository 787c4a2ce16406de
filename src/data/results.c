/* The results engine, first half: per unit and part the submissions, points
 * and percentage; per unit the total (sum of the counted parts' points scaled
 * to the rules' total, 100 by default), participation and eligibility with
 * its reasons. Ranking and prizes are in results_prizes.c. */
#include "results.h"
#include "vn/vn.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

bool part_counted(const c_model *m, int unit, int part)
{
    int g = m->units[unit].group;
    if (m->ngroups == 0 || g < 0)
        return true; /* without groups every part counts for everyone */
    for (int i = 0; i < m->groups[g].nparts; i++)
        if (m->groups[g].parts[i] == part)
            return true;
    return false;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* A submission's score: its own, or its judges' scores combined by the
 * part's rule (mean, median, mean without the highest and lowest, sum). */
static double effective_score(const c_sub *s, const c_part *p)
{
    if (!isnan(s->score) || s->njs == 0)
        return s->score;
    double v[s->njs];
    for (int i = 0; i < s->njs; i++)
        v[i] = s->js[i].value;
    qsort(v, (size_t)s->njs, sizeof v[0], cmp_double);
    int n = s->njs;
    double sum = 0;
    switch (p->judges) {
    case JUDGES_SUM:
        for (int i = 0; i < n; i++)
            sum += v[i];
        return sum;
    case JUDGES_MEDIAN:
        return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    case JUDGES_TRIMMED:
        if (n > 2) {
            for (int i = 1; i < n - 1; i++)
                sum += v[i];
            return sum / (n - 2);
        }
        /* with two judges or fewer there is nothing to trim: the mean */
        __attribute__((fallthrough));
    case JUDGES_MEAN:
    default:
        for (int i = 0; i < n; i++)
            sum += v[i];
        return sum / n;
    }
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* A procedure as min-distinct counts it: "Đăng ký khai sinh", "đăng ký khai
 * sinh" and "Đăng ký khai sinh." are one procedure typed three ways, not
 * three (white space is already collapsed by the model). Lower case by
 * vn_lower, without the . ; , that end a line of a list. */
static char *procedure_key(const char *s)
{
    vb_buf b;
    vb_buf_init(&b);
    vn_lower(&b, s, strlen(s));
    while (b.len && strchr(" .;,", b.data[b.len - 1]))
        b.data[--b.len] = '\0';
    return b.data ? vb_buf_take(&b) : vb_xstrdup("");
}

/* Submissions grouped by unit then part, so each cell is one run. */
typedef struct sub_key { int unit, part, ix; } sub_key;

static int cmp_key(const void *a, const void *b)
{
    const sub_key *x = a, *y = b;
    if (x->unit != y->unit)
        return x->unit - y->unit;
    if (x->part != y->part)
        return x->part - y->part;
    return x->ix - y->ix;
}

static void fill_cell(vb_results *r, const c_model *m, const sub_key *run, int n)
{
    const c_part *p = &m->parts[run[0].part];
    r_cell *cl = cell(r, run[0].unit, run[0].part);
    double sum = 0, best = -1, rate_sum = 0;
    int nrate = 0, nprocs = 0;
    for (int i = 0; i < n; i++)
        nprocs += m->subs[run[i].ix].nproc;
    char **procs = nprocs ? vb_xmalloc((size_t)nprocs * sizeof *procs) : NULL;
    int np = 0;
    for (int i = 0; i < n; i++) {
        const c_sub *s = &m->subs[run[i].ix];
        cl->subs++;
        if (!isnan(s->rate)) {
            rate_sum += s->rate;
            nrate++;
        }
        if (!s->valid)
            continue;
        cl->valid++;
        if (s->nproc > 1)
            cl->combined = true;
        for (int j = 0; j < s->nproc; j++)
            procs[np++] = procedure_key(s->procs[j]);
        double sc = r->sub_score[run[i].ix];
        if (isnan(sc)) {
            cl->unscored = true;
            continue;
        }
        cl->scored++;
        sum += sc;
        if (sc > best)
            best = sc;
    }
    cl->entered = cl->subs > 0;
    if (np) {
        qsort(procs, (size_t)np, sizeof *procs, cmp_str);
        for (int i = 0; i < np; i++)
            cl->distinct += i == 0 || strcmp(procs[i], procs[i - 1]) != 0;
    }
    for (int i = 0; i < np; i++)
        free(procs[i]);
    free(procs);
    cl->rate = nrate ? rate_sum / nrate : NAN;
    if (cl->unscored) {
        cl->points = NAN;
    } else if (cl->scored == 0) {
        cl->points = 0; /* entered, but nothing valid to score */
    } else {
        switch (p->agg) {
        case AGG_MAX: cl->points = best; break;
        case AGG_SUM: cl->points = sum > p->max ? p->max : sum; break;
        case AGG_MEAN:
        default: cl->points = sum / cl->scored; break;
        }
    }
    cl->percent = isnan(cl->points) ? NAN : cl->points * 100.0 / p->max;
}

static void add_reason(r_unit *u, const char *part, char *text)
{
    u->reasons = vb_xrealloc(u->reasons, (size_t)(u->nreasons + 1) * sizeof *u->reasons);
    u->reason_parts = vb_xrealloc(u->reason_parts, (size_t)(u->nreasons + 1) * sizeof *u->reason_parts);
    u->reasons[u->nreasons] = text;
    u->reason_parts[u->nreasons] = part;
    u->nreasons++;
}

static char *fmt(const char *f, ...) __attribute__((format(printf, 1, 2)));
static char *fmt(const char *f, ...)
{
    vb_buf b;
    vb_buf_init(&b);
    va_list ap;
    va_start(ap, f);
    vb_buf_vprintf(&b, f, ap);
    va_end(ap);
    return vb_buf_take(&b);
}

static char *pct(double v)
{
    vb_buf b;
    vb_buf_init(&b);
    /* "50%" rather than "50,00%" when the value is whole. */
    vn_format_number(&b, v, round_fixed(v, 2) % 100 == 0 ? 0 : 2);
    return vb_buf_take(&b);
}

static void unit_totals(vb_results *r, const c_model *m, int ui)
{
    r_unit *u = &r->u[ui];
    const c_unit *cu = &m->units[ui];
    bool any = false, all = true, unscored = false;
    double points = 0, maxsum = 0;
    for (int p = 0; p < m->nparts; p++) {
        r_cell *cl = cell(r, ui, p);
        any |= cl->entered;
        if (!part_counted(m, ui, p))
            continue;
        u->counted_any = true;
        maxsum += m->parts[p].max;
        if (!cl->entered) {
            all = false;
            continue;
        }
        if (isnan(cl->points))
            unscored = true;
        else
            points += cl->points;
    }
    u->participated = cu->participates == 1 || (cu->participates != 0 && (any || cu->registered));
    u->full = u->participated && all && u->counted_any;
    u->total = NAN;
    if (u->participated && maxsum > 0 && !unscored)
        u->total = points * m->total_max / maxsum;
    u->total_fx = isnan(u->total) ? 0 : round_fixed(u->total, m->precision);

    /* Eligibility: every rule is checked so that all reasons are listed. */
    if (!u->participated) {
        add_reason(u, NULL, fmt("không tham gia"));
        return;
    }
    for (int p = 0; p < m->nparts; p++) {
        if (!part_counted(m, ui, p))
            continue;
        const c_part *cp = &m->parts[p];
        r_cell *cl = cell(r, ui, p);
        if (!cl->entered) {
            add_reason(u, cp->id, fmt("không tham gia phần thi “%s”", cp->name));
            continue;
        }
        if (cl->valid == 0) {
            add_reason(u, cp->id, fmt("không có bài hợp lệ trong phần thi “%s”", cp->name));
            continue;
        }
        if (isnan(cl->points)) {
            add_reason(u, cp->id, fmt("chưa có đủ điểm phần thi “%s”", cp->name));
            continue;
        }
        if (!isnan(cp->min_pct) &&
            round_fixed(cl->percent, m->precision) < round_fixed(cp->min_pct, m->precision)) {
            char *a = pct(cl->percent), *b = pct(cp->min_pct);
            add_reason(u, cp->id, fmt("phần thi “%s” đạt %s%% số điểm, dưới mức %s%%", cp->name, a, b));
            free(a);
            free(b);
        }
        if (cp->min_distinct > 0 && cl->distinct < cp->min_distinct)
            add_reason(u, cp->id, fmt("phần thi “%s” có %d thủ tục hành chính khác nhau, cần ít nhất %d",
                                      cp->name, cl->distinct, cp->min_distinct));
    }
    u->eligible = u->nreasons == 0 && !isnan(u->total);
}

void vb_results_compute(vb_contest *c, vb_diag *d)
{
    c_model *m = &c->m;
    results_free(c->res);
    vb_results *r = vb_xcalloc(1, sizeof *r);
    c->res = r;
    r->nunits = m->nunits;
    r->nparts = m->nparts;
    r->u = vb_xcalloc((size_t)m->nunits + 1, sizeof *r->u);
    r->cells = vb_xcalloc((size_t)m->nunits * (size_t)m->nparts + 1, sizeof *r->cells);
    r->sub_score = vb_xcalloc((size_t)m->nsubs + 1, sizeof *r->sub_score);
    for (int i = 0; i < m->nunits; i++)
        for (int p = 0; p < m->nparts; p++) {
            cell(r, i, p)->points = NAN;
            cell(r, i, p)->percent = NAN;
            cell(r, i, p)->rate = NAN;
        }

    sub_key *keys = vb_xmalloc(((size_t)m->nsubs + 1) * sizeof *keys);
    int nk = 0;
    for (int i = 0; i < m->nsubs; i++) {
        const c_sub *s = &m->subs[i];
        r->sub_score[i] = s->part >= 0 ? effective_score(s, &m->parts[s->part]) : NAN;
        if (s->unit >= 0 && s->part >= 0)
            keys[nk++] = (sub_key){s->unit, s->part, i};
    }
    qsort(keys, (size_t)nk, sizeof *keys, cmp_key);
    for (int i = 0; i < nk;) {
        int j = i;
        while (j < nk && keys[j].unit == keys[i].unit && keys[j].part == keys[i].part)
            j++;
        fill_cell(r, m, keys + i, j - i);
        i = j;
    }
    free(keys);
    for (int i = 0; i < m->nunits; i++)
        unit_totals(r, m, i);
    results_rank(c, r, d);
    results_prizes(c, r, d);
    c->res_written = false; /* vb_contest_doc writes them when a tree is wanted */
}

void results_free(vb_results *r)
{
    if (!r)
        return;
    for (int i = 0; i < r->nunits; i++) {
        for (int j = 0; j < r->u[i].nreasons; j++)
            free(r->u[i].reasons[j]);
        free(r->u[i].reasons);
        free(r->u[i].reason_parts);
    }
    for (int i = 0; i < r->nties; i++)
        free(r->ties[i].members);
    free(r->u);
    free(r->cells);
    free(r->order);
    free(r->awards);
    free(r->gaps);
    free(r->ties);
    free(r->sub_score);
    free(r);
}
