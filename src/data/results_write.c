/* Writes the computed results into the tree as /contest/results, so templates
 * read them with XPath (docs/contest-xml.md, "Results"). Numbers are plain
 * decimals with a dot ("83.64") so that XPath's number() reads them; templates
 * format them the Vietnamese way with their filters.
 *
 * The same code serves the streaming XML output (results_stream.c): there
 * each child of <results> is handed over as soon as it is complete, written
 * out and freed, so that the results of 10,000 units never sit in memory as
 * a tree. */
#include "results.h"

#include <math.h>
#include <string.h>

typedef struct writer {
    vb_contest *c;
    vb_results *r;
    const c_model *m;
    vb_buf num;
    results_emit emit;     /* NULL: keep everything in the tree */
    void *emit_ctx;
} writer;

/* A child of <results> is complete. */
static void done(writer *w, xmlNodePtr n)
{
    if (w->emit)
        w->emit(w->emit_ctx, n);
}

static xmlNodePtr el(xmlNodePtr parent, const char *name)
{
    return xmlNewChild(parent, NULL, (const xmlChar *)name, NULL);
}

static void attr(xmlNodePtr n, const char *name, const char *v)
{
    if (v)
        xmlNewProp(n, (const xmlChar *)name, (const xmlChar *)v);
}

static void attr_int(xmlNodePtr n, const char *name, long long v)
{
    char buf[32];
    snprintf(buf, sizeof buf, "%lld", v);
    attr(n, name, buf);
}

static void attr_num(writer *w, xmlNodePtr n, const char *name, double v)
{
    if (isnan(v))
        return;
    vb_buf_clear(&w->num);
    fmt_plain(&w->num, v, w->m->precision);
    attr(n, name, w->num.data);
}

static void attr_bool(xmlNodePtr n, const char *name, bool v) { attr(n, name, v ? "true" : "false"); }

static const char *unit_label(const c_unit *u) { return u->short_name ? u->short_name : u->name; }

/* A reference to a unit with its names, the shape every list uses. */
static xmlNodePtr unit_ref(writer *w, xmlNodePtr parent, int u)
{
    xmlNodePtr n = el(parent, "unit");
    attr(n, "ref", w->m->units[u].id);
    attr(n, "name", w->m->units[u].name);
    attr(n, "short", unit_label(&w->m->units[u]));
    return n;
}

static void write_units(writer *w, xmlNodePtr res)
{
    const c_model *m = w->m;
    for (int k = 0; k < m->nunits; k++) {
        int i = w->r->order[k];
        const r_unit *u = &w->r->u[i];
        xmlNodePtr n = unit_ref(w, res, i);
        if (m->units[i].group >= 0)
            attr(n, "group", m->groups[m->units[i].group].id);
        attr_bool(n, "participated", u->participated);
        attr_bool(n, "full", u->full);
        attr_num(w, n, "total", u->total);
        attr_bool(n, "eligible", u->eligible);
        if (u->rank)
            attr_int(n, "rank", u->rank);
        if (u->tie)
            attr_bool(n, "tie", true);
        for (int a = 0; a < w->r->nawards; a++) {
            const r_award *aw = &w->r->awards[a];
            if (aw->sub < 0 && aw->unit == i && m->prizes[aw->prizes].collective) {
                const c_level *lv = &m->prizes[aw->prizes].levels[aw->level_ix];
                attr(n, "prize", lv->name);
                attr_int(n, "level", lv->level);
            }
        }
        for (int p = 0; p < m->nparts; p++) {
            const r_cell *cl = cell(w->r, i, p);
            bool counted = part_counted(m, i, p);
            if (!counted && !cl->entered)
                continue;
            xmlNodePtr pn = el(n, "part");
            attr(pn, "ref", m->parts[p].id);
            attr_bool(pn, "counted", counted);
            attr_bool(pn, "entered", cl->entered);
            attr_int(pn, "submissions", cl->subs);
            attr_int(pn, "valid", cl->valid);
            if (cl->entered) {
                attr_num(w, pn, "points", cl->points);
                attr_num(w, pn, "percent", cl->percent);
            }
            if (cl->distinct)
                attr_int(pn, "procedures", cl->distinct);
            attr_num(w, pn, "rate", cl->rate);
        }
        for (int j = 0; j < u->nreasons; j++) {
            xmlNodePtr rn = xmlNewTextChild(n, NULL, (const xmlChar *)"reason",
                                            (const xmlChar *)u->reasons[j]);
            attr(rn, "part", u->reason_parts[j]);
        }
        done(w, n);
    }
}

static void write_awards(writer *w, xmlNodePtr res)
{
    const c_model *m = w->m;
    for (int a = 0; a < w->r->nawards; a++) {
        const r_award *aw = &w->r->awards[a];
        const c_prizes *p = &m->prizes[aw->prizes];
        const c_level *lv = &p->levels[aw->level_ix];
        xmlNodePtr n = el(res, "award");
        attr(n, "kind", p->collective ? "collective" : "individual");
        attr(n, "prizes", p->id);
        if (p->part >= 0)
            attr(n, "part", m->parts[p->part].id);
        attr_int(n, "level", lv->level);
        attr(n, "prize", lv->name);
        if (p->by == BY_VOTES)
            attr_int(n, "votes", (long long)aw->score);
        else
            attr_num(w, n, "score", aw->score);
        if (aw->rank)
            attr_int(n, "rank", aw->rank);
        if (lv->amount >= 0)
            attr_int(n, "amount", lv->amount);
        attr(n, "certificate", lv->certificate);
        if (aw->sub >= 0) {
            xmlNodePtr s = el(n, "submission");
            attr(s, "ref", m->subs[aw->sub].id);
            attr(s, "title", m->subs[aw->sub].title);
            for (int j = 0; j < m->subs[aw->sub].nproc; j++)
                xmlNewTextChild(s, NULL, (const xmlChar *)"procedure",
                                (const xmlChar *)m->subs[aw->sub].procs[j]);
        }
        if (aw->person >= 0) {
            const c_person *pp = &m->people[aw->person];
            xmlNodePtr s = el(n, "person");
            attr(s, "ref", pp->id);
            attr(s, "name", pp->name);
            attr(s, "honorific", pp->honorific);
            attr(s, "workplace", pp->workplace);
        }
        if (aw->unit >= 0)
            unit_ref(w, n, aw->unit);
        done(w, n);
    }
    for (int g = 0; g < w->r->ngaps; g++) {
        const r_gap *gp = &w->r->gaps[g];
        const c_prizes *p = &m->prizes[gp->prizes];
        const c_level *lv = &p->levels[gp->level_ix];
        xmlNodePtr n = el(res, "unawarded");
        attr(n, "kind", p->collective ? "collective" : "individual");
        attr(n, "prizes", p->id);
        attr_int(n, "level", lv->level);
        attr(n, "prize", lv->name);
        attr_int(n, "count", gp->count);
        attr(n, "reason", gp->why == GAP_TIE ? "tie" : gp->why == GAP_PENDING ? "pending" : "too-few");
        done(w, n);
    }
    for (int t = 0; t < w->r->nties; t++) {
        const r_tie *tie = &w->r->ties[t];
        xmlNodePtr n = el(res, "tie");
        attr(n, "prizes", m->prizes[tie->prizes].id);
        attr_int(n, "rank", tie->rank);
        for (int j = 0; j < tie->n; j++) {
            if (tie->subs) {
                xmlNodePtr s = el(n, "submission");
                attr(s, "ref", m->subs[tie->members[j]].id);
                attr(s, "title", m->subs[tie->members[j]].title);
            } else {
                unit_ref(w, n, tie->members[j]);
            }
        }
        done(w, n);
    }
}

static xmlNodePtr unit_list(writer *w, xmlNodePtr parent, const char *name, const bool *in)
{
    xmlNodePtr n = el(parent, name);
    int k = 0;
    for (int i = 0; i < w->m->nunits; i++)
        if (in[i]) {
            unit_ref(w, n, i);
            k++;
        }
    attr_int(n, "count", k);
    return n;
}

static void write_participation(writer *w, xmlNodePtr stats, bool *mark)
{
    const c_model *m = w->m;
    const vb_results *r = w->r;
    for (int g = -1; g < m->ngroups; g++) {
        xmlNodePtr n = el(stats, g < 0 ? "participation" : "group");
        if (g >= 0) {
            attr(n, "ref", m->groups[g].id);
            attr(n, "name", m->groups[g].name);
        }
        int expected = 0, part = 0, full = 0;
        for (int i = 0; i < m->nunits; i++) {
            if (g >= 0 && m->units[i].group != g)
                continue;
            expected++;
            part += r->u[i].participated;
            full += r->u[i].full;
        }
        attr_int(n, "expected", expected);
        attr_int(n, "participated", part);
        attr_int(n, "absent", expected - part);
        attr_int(n, "full", full);
        attr_int(n, "partial", part - full);
        for (int i = 0; i < m->nunits; i++)
            mark[i] = (g < 0 || m->units[i].group == g) && !r->u[i].participated;
        unit_list(w, n, "absent", mark);
        for (int i = 0; i < m->nunits; i++)
            mark[i] = (g < 0 || m->units[i].group == g) && r->u[i].participated && !r->u[i].full;
        unit_list(w, n, "partial", mark);
        if (g < 0)
            continue;
        for (int p = 0; p < m->nparts; p++) {
            int k = 0;
            for (int i = 0; i < m->nunits; i++) {
                mark[i] = m->units[i].group == g && cell(w->r, i, p)->entered && !part_counted(m, i, p);
                k += mark[i];
            }
            if (k) {
                xmlNodePtr e = unit_list(w, n, "extra", mark);
                attr(e, "part", m->parts[p].id);
            }
        }
    }
}

static void write_parts(writer *w, xmlNodePtr stats, bool *mark)
{
    const c_model *m = w->m;
    vb_results *r = w->r;
    int participants = 0;
    for (int i = 0; i < m->nunits; i++)
        participants += r->u[i].participated;
    for (int p = 0; p < m->nparts; p++) {
        const c_part *cp = &m->parts[p];
        xmlNodePtr n = el(stats, "part");
        attr(n, "ref", cp->id);
        attr(n, "name", cp->name);
        int units = 0, counted = 0, subs = 0, valid = 0, scored = 0, below = 0, units_below = 0;
        for (int i = 0; i < m->nunits; i++) {
            const r_cell *cl = cell(r, i, p);
            if (!cl->entered)
                continue;
            units++;
            counted += part_counted(m, i, p);
            if (!isnan(cp->min_pct) && !isnan(cl->percent) &&
                round_fixed(cl->percent, m->precision) < round_fixed(cp->min_pct, m->precision))
                units_below++;
        }
        for (int s = 0; s < m->nsubs; s++) {
            if (m->subs[s].part != p)
                continue;
            subs++;
            if (!m->subs[s].valid)
                continue;
            valid++;
            double sc = r->sub_score[s];
            if (isnan(sc))
                continue;
            scored++;
            if (!isnan(cp->min_pct) &&
                round_fixed(sc * 100.0 / cp->max, m->precision) < round_fixed(cp->min_pct, m->precision))
                below++;
        }
        attr_int(n, "units", units);
        attr_int(n, "of", participants);
        attr_int(n, "counted-units", counted);
        attr_int(n, "extra-units", units - counted);
        attr_int(n, "submissions", subs);
        attr_int(n, "valid", valid);
        attr_int(n, "invalid", subs - valid);
        attr_int(n, "scored", scored);
        if (!isnan(cp->min_pct)) {
            attr_num(w, n, "min-percent", cp->min_pct);
            attr_int(n, "below", below);
            attr_num(w, n, "below-percent", scored ? below * 100.0 / scored : NAN);
            attr_int(n, "units-below", units_below);
        }
        for (int i = 0; i < m->nunits; i++)
            mark[i] = r->u[i].participated && part_counted(m, i, p) && !cell(r, i, p)->entered;
        unit_list(w, n, "absent", mark);
        for (int i = 0; i < m->nunits; i++)
            mark[i] = cell(r, i, p)->valid < cell(r, i, p)->subs;
        unit_list(w, n, "invalid", mark);
        if (cp->min_distinct > 0) {
            for (int i = 0; i < m->nunits; i++)
                mark[i] = cell(r, i, p)->entered && cell(r, i, p)->distinct < cp->min_distinct;
            attr_int(unit_list(w, n, "short", mark), "min", cp->min_distinct);
        }
        for (int i = 0; i < m->nunits; i++)
            mark[i] = cell(r, i, p)->combined;
        unit_list(w, n, "combined", mark);
        for (int i = 0; i < m->nunits; i++)
            mark[i] = cell(r, i, p)->entered && !part_counted(m, i, p);
        unit_list(w, n, "extra", mark);
    }
}

static bool in_bucket(const c_bucket *b, double v)
{
    return (isnan(b->min) || v >= b->min) && (isnan(b->below) || v < b->below);
}

static void write_buckets(writer *w, xmlNodePtr stats, bool *mark)
{
    const c_model *m = w->m;
    for (int k = 0; k < m->nbuckets; k++) {
        const c_buckets *bs = &m->buckets[k];
        if (bs->part < 0)
            continue;
        xmlNodePtr n = el(stats, "buckets");
        attr(n, "part", m->parts[bs->part].id);
        attr(n, "of", "rate");
        int total = 0;
        for (int i = 0; i < m->nunits; i++)
            total += !isnan(cell(w->r, i, bs->part)->rate);
        attr_int(n, "units", total);
        for (int b = 0; b < bs->n; b++) {
            for (int i = 0; i < m->nunits; i++) {
                double v = cell(w->r, i, bs->part)->rate;
                /* Rates are compared at the rules' precision, like scores. */
                mark[i] = !isnan(v) && in_bucket(&bs->b[b], (double)round_fixed(v, m->precision) /
                                                                pow(10.0, m->precision));
            }
            xmlNodePtr e = unit_list(w, n, "bucket", mark);
            attr_num(w, e, "min", bs->b[b].min);
            attr_num(w, e, "below", bs->b[b].below);
            attr(e, "label", bs->b[b].label);
        }
    }
}

static void write_totals(writer *w, xmlNodePtr stats)
{
    const c_model *m = w->m;
    int part = 0, el_n = 0;
    for (int i = 0; i < m->nunits; i++) {
        part += w->r->u[i].participated;
        el_n += w->r->u[i].eligible;
    }
    xmlNodePtr n = el(stats, "eligibility");
    attr_int(n, "of", part);
    attr_int(n, "eligible", el_n);
    attr_int(n, "not-eligible", part - el_n);
    for (int pi = 0; pi < m->nprizes; pi++) {
        const c_prizes *p = &m->prizes[pi];
        long offered = 0, awarded = 0;
        long long money = 0, money_awarded = 0;
        for (int j = 0; j < p->nlevels; j++) {
            offered += p->levels[j].count;
            if (p->levels[j].amount > 0)
                money += p->levels[j].amount * p->levels[j].count;
        }
        for (int a = 0; a < w->r->nawards; a++)
            if (w->r->awards[a].prizes == pi) {
                awarded++;
                long long amt = p->levels[w->r->awards[a].level_ix].amount;
                money_awarded += amt > 0 ? amt : 0;
            }
        xmlNodePtr e = el(stats, "prizes");
        attr(e, "ref", p->id);
        attr(e, "kind", p->collective ? "collective" : "individual");
        if (p->part >= 0)
            attr(e, "part", m->parts[p->part].id);
        attr_int(e, "offered", offered);
        attr_int(e, "awarded", awarded);
        attr_int(e, "unawarded", offered - awarded);
        attr_int(e, "amount", money);
        attr_int(e, "amount-awarded", money_awarded);
        int registered = 0;
        xmlNodePtr regs = child_elem(xmlDocGetRootElement(w->c->doc), "registrations");
        for (xmlNodePtr g = first_elem(regs); g; g = next_elem(g)) {
            const char *pid = node_attr(g, "prizes");
            registered += pid && strcmp(pid, p->id) == 0;
        }
        if (regs)
            attr_int(e, "registered", registered);
    }
}

static void write_results(writer *w, xmlNodePtr res)
{
    const c_model *m = w->m;
    attr_num(w, res, "total-max", m->total_max);
    attr_int(res, "precision", m->precision);
    write_units(w, res);
    write_awards(w, res);
    bool *mark = vb_xcalloc((size_t)m->nunits + 1, sizeof *mark);
    xmlNodePtr stats = el(res, "stats");
    write_participation(w, stats, mark);
    write_parts(w, stats, mark);
    write_buckets(w, stats, mark);
    write_totals(w, stats);
    free(mark);
    done(w, stats);
}

void results_write(vb_contest *c, vb_results *r, xmlDocPtr doc)
{
    writer w = {.c = c, .r = r, .m = &c->m};
    vb_buf_init(&w.num);
    xmlNodePtr root = xmlDocGetRootElement(doc);
    xmlNodePtr old = child_elem(root, "results");
    if (old) {
        xmlUnlinkNode(old);
        xmlFreeNode(old);
    }
    write_results(&w, el(root, "results"));
    vb_buf_free(&w.num);
}

void results_write_each(vb_contest *c, vb_results *r, xmlNodePtr res, results_emit emit, void *ctx)
{
    writer w = {.c = c, .r = r, .m = &c->m, .emit = emit, .emit_ctx = ctx};
    vb_buf_init(&w.num);
    write_results(&w, res);
    vb_buf_free(&w.num);
}
