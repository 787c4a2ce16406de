/* Builds the C model from the tree. References are resolved here through
 * the indices, and unresolved ones are left as -1 for check.c to report.
 * Usually the schema has guaranteed shapes and datatypes, but `check` also
 * builds the model of a file the schema rejected (so that one run reports
 * every problem): nothing here may assume an attribute or a child exists. */
#include "model.h"
#include "vn/vn.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

xmlNodePtr first_elem(xmlNodePtr parent)
{
    xmlNodePtr n = parent ? parent->children : NULL;
    while (n && n->type != XML_ELEMENT_NODE)
        n = n->next;
    return n;
}

xmlNodePtr next_elem(xmlNodePtr n)
{
    for (n = n->next; n && n->type != XML_ELEMENT_NODE; n = n->next)
        ;
    return n;
}

xmlNodePtr child_elem(xmlNodePtr parent, const char *name)
{
    for (xmlNodePtr n = first_elem(parent); n; n = next_elem(n))
        if (!n->ns && strcmp((const char *)n->name, name) == 0) /* <q:units> is not <units> */
            return n;
    return NULL;
}

/* The first text node: for the embedded schema (contest.rng), whose values
 * are one text node each. The contest's own texts go through model_text. */
const char *node_text(xmlNodePtr n)
{
    if (!n)
        return "";
    for (xmlNodePtr t = n->children; t; t = t->next)
        if (t->type == XML_TEXT_NODE && t->content)
            return (const char *)t->content;
    return "";
}

const char *node_attr(xmlNodePtr n, const char *name)
{
    for (xmlAttrPtr a = n ? n->properties : NULL; a; a = a->next)
        if (!a->ns && strcmp((const char *)a->name, name) == 0)
            return a->children && a->children->content ? (const char *)a->children->content : "";
    return NULL;
}

static const char *keep(c_model *m, const char *s) { return s ? vb_arena_strdup(m->arena, s) : NULL; }

static void gather_text(vb_buf *b, xmlNodePtr n)
{
    for (xmlNodePtr k = n->children; k; k = k->next) {
        if ((k->type == XML_TEXT_NODE || k->type == XML_CDATA_SECTION_NODE) && k->content)
            vb_buf_puts(b, (const char *)k->content);
        else if (k->type == XML_ELEMENT_NODE)
            gather_text(b, k);
    }
}

static bool xml_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/* s[0..n) in the arena with XML white space collapsed: a name written over
 * two lines ("Sở Giáo dục\n        và Đào tạo") is one line with one space
 * in every output (a CSV cell kept the line break and the indentation), and
 * no space at either end. */
static const char *keep_collapsed(c_model *m, const char *s, size_t n)
{
    bool clean = n == 0 || (!xml_space(s[0]) && !xml_space(s[n - 1]));
    for (size_t i = 0; clean && i < n; i++)
        clean = !xml_space(s[i]) || (s[i] == ' ' && i + 1 < n && !xml_space(s[i + 1]));
    if (clean)
        return vb_arena_strndup(m->arena, s, n);
    char *out = vb_arena_alloc(m->arena, n + 1), *w = out;
    for (size_t i = 0; i < n; i++) {
        if (!xml_space(s[i]))
            *w++ = s[i];
        else if (w > out && i + 1 < n && !xml_space(s[i + 1]))
            *w++ = ' '; /* the last blank of a run inside the text */
    }
    *w = '\0';
    return out;
}

static const char *keep_name(c_model *m, const char *s) { return s ? keep_collapsed(m, s, strlen(s)) : NULL; }

const char *model_text(c_model *m, xmlNodePtr n)
{
    if (!n)
        return "";
    xmlNodePtr k = n->children;
    if (!k)
        return "";
    if (!k->next && (k->type == XML_TEXT_NODE || k->type == XML_CDATA_SECTION_NODE))
        return keep_name(m, k->content ? (const char *)k->content : ""); /* the usual case: one piece */
    vb_buf b;
    vb_buf_init(&b);
    gather_text(&b, n);
    const char *s = keep_collapsed(m, b.data ? b.data : "", b.len);
    vb_buf_free(&b);
    return s;
}

/* An element of the model: its name, and no namespace (<q:unit> is not a
 * unit; the schema rejects it). */
static bool is(xmlNodePtr n, const char *name) { return !n->ns && strcmp((const char *)n->name, name) == 0; }

static double attr_num(xmlNodePtr n, const char *name)
{
    const char *s = node_attr(n, name);
    return s ? strtod(s, NULL) : NAN;
}

static int attr_int(xmlNodePtr n, const char *name)
{
    const char *s = node_attr(n, name);
    return s ? atoi(s) : 0;
}

static bool attr_is(xmlNodePtr n, const char *name, const char *value)
{
    const char *s = node_attr(n, name);
    return s && strcmp(s, value) == 0;
}

static int count_children(xmlNodePtr parent, const char *name)
{
    int k = 0;
    for (xmlNodePtr n = first_elem(parent); n; n = next_elem(n))
        if (!name || is(n, name))
            k++;
    return k;
}

long long round_fixed(double v, int precision)
{
    /* Decimal half-up, as the tables print it (vn_round_scaled): the binary
     * product v * 10^p rounded 60.115 (60.11499…) down to 60.11 while every
     * table printed 60,12, so two units shown equal were ranked apart. */
    long long n;
    if (vn_round_scaled(v, precision, &n))
        return n;
    return llround(v * pow(10.0, precision)); /* out of range: nothing prints it exactly either */
}

static void build_parts(c_model *m, xmlNodePtr parts)
{
    m->nparts = 0;
    m->parts = vb_xcalloc((size_t)count_children(parts, "part") + 1, sizeof *m->parts);
    vb_index_init(&m->part_ix, (size_t)m->nparts + 8);
    for (xmlNodePtr n = first_elem(parts); n; n = next_elem(n)) {
        if (!is(n, "part"))
            continue;
        c_part *p = &m->parts[m->nparts];
        p->node = n;
        p->id = node_attr(n, "id");
        p->name = model_text(m, child_elem(n, "name"));
        p->short_name = model_text(m, child_elem(n, "short"));
        p->max = attr_num(n, "max");
        const char *agg = node_attr(n, "aggregate");
        p->agg = !agg || strcmp(agg, "mean") == 0 ? AGG_MEAN : strcmp(agg, "max") == 0 ? AGG_MAX : AGG_SUM;
        const char *j = node_attr(n, "judges");
        p->judges = !j || strcmp(j, "mean") == 0       ? JUDGES_MEAN
                    : strcmp(j, "median") == 0         ? JUDGES_MEDIAN
                    : strcmp(j, "trimmed-mean") == 0   ? JUDGES_TRIMMED
                                                       : JUDGES_SUM;
        p->min_pct = attr_num(n, "min-percent");
        vb_index_put(&m->part_ix, p->id, m->nparts); /* a duplicate keeps the first */
        m->nparts++;
    }
}

static void build_groups(c_model *m, xmlNodePtr groups)
{
    int n_groups = count_children(groups, "group");
    m->groups = vb_xcalloc((size_t)n_groups + 1, sizeof *m->groups);
    vb_index_init(&m->group_ix, (size_t)n_groups + 8);
    for (xmlNodePtr n = first_elem(groups); n; n = next_elem(n)) {
        if (!is(n, "group"))
            continue;
        c_group *g = &m->groups[m->ngroups];
        g->node = n;
        g->id = node_attr(n, "id");
        g->name = model_text(m, child_elem(n, "name"));
        g->parts = vb_xcalloc((size_t)count_children(n, "counts") + 1, sizeof *g->parts);
        for (xmlNodePtr k = first_elem(n); k; k = next_elem(k))
            if (is(k, "counts"))
                g->parts[g->nparts++] = vb_index_get(&m->part_ix, node_attr(k, "part"));
        vb_index_put(&m->group_ix, g->id, m->ngroups);
        m->ngroups++;
    }
}

static void build_rules(c_model *m, xmlNodePtr rules)
{
    m->total_max = 100;
    m->precision = 2;
    double dflt = NAN;
    size_t tbcap = 0, bcap = 0;
    for (xmlNodePtr n = first_elem(rules); n; n = next_elem(n)) {
        if (is(n, "total")) {
            if (node_attr(n, "max"))
                m->total_max = attr_num(n, "max");
            if (node_attr(n, "precision"))
                m->precision = attr_int(n, "precision");
        } else if (is(n, "min-percent")) {
            int p = vb_index_get(&m->part_ix, node_attr(n, "part"));
            if (!node_attr(n, "part"))
                dflt = attr_num(n, "value");
            else if (p >= 0)
                m->parts[p].min_pct = attr_num(n, "value");
        } else if (is(n, "min-distinct")) {
            int p = vb_index_get(&m->part_ix, node_attr(n, "part"));
            if (p >= 0)
                m->parts[p].min_distinct = attr_int(n, "count");
        } else if (is(n, "tiebreak")) {
            c_tiebreak t = {
                .by = attr_is(n, "by", "count") ? TB_COUNT : attr_is(n, "by", "rate") ? TB_RATE : TB_PART,
                .part = vb_index_get(&m->part_ix, node_attr(n, "part")),
            };
            VB_PUSH(m->tb, m->ntb, tbcap, t);
        } else if (is(n, "buckets")) {
            c_buckets bs = {.part = vb_index_get(&m->part_ix, node_attr(n, "part")), .node = n};
            bs.b = vb_xcalloc((size_t)count_children(n, "bucket") + 1, sizeof *bs.b);
            for (xmlNodePtr k = first_elem(n); k; k = next_elem(k)) {
                if (!is(k, "bucket"))
                    continue;
                const char *label = model_text(m, k);
                bs.b[bs.n++] = (c_bucket){attr_num(k, "min"), attr_num(k, "below"),
                                          *label ? label : NULL};
            }
            VB_PUSH(m->buckets, m->nbuckets, bcap, bs);
        }
    }
    /* A part-specific minimum wins over the general one. */
    for (int i = 0; i < m->nparts; i++)
        if (isnan(m->parts[i].min_pct))
            m->parts[i].min_pct = dflt;
}

/* ---- the big lists, one element at a time ------------------------------------ */
static const char *attr_value(xmlAttrPtr a)
{
    return a->children && a->children->content ? (const char *)a->children->content : "";
}

void model_init(c_model *m)
{
    memset(m, 0, sizeof *m);
    m->arena = vb_arena_new();
}

void model_add_unit(c_model *m, xmlNodePtr n)
{
    c_unit u = {.group = -1, .participates = -1, .pos = node_pos(n, "unit")};
    u.name = model_text(m, n);
    for (xmlAttrPtr a = n->properties; a; a = a->next) {
        if (a->ns)
            continue; /* q:id is not id: the schema declares no namespaced attribute */
        const char *an = (const char *)a->name, *v = attr_value(a);
        if (strcmp(an, "id") == 0)
            u.id = keep(m, v);
        else if (strcmp(an, "short") == 0)
            u.short_name = keep_name(m, v);
        else if (strcmp(an, "group") == 0)
            u.group_ref = keep(m, v);
        else if (strcmp(an, "participates") == 0)
            u.participates = strcmp(v, "true") == 0 || strcmp(v, "1") == 0;
    }
    VB_PUSH(m->units, m->nunits, m->units_cap, u);
}

void model_add_person(c_model *m, xmlNodePtr n)
{
    c_person p = {.unit = -1, .pos = node_pos(n, "person")};
    p.name = model_text(m, n);
    for (xmlAttrPtr a = n->properties; a; a = a->next) {
        if (a->ns)
            continue; /* q:id is not id: the schema declares no namespaced attribute */
        const char *an = (const char *)a->name, *v = attr_value(a);
        if (strcmp(an, "id") == 0)
            p.id = keep(m, v);
        else if (strcmp(an, "unit") == 0)
            p.unit_ref = keep(m, v);
        else if (strcmp(an, "honorific") == 0)
            p.honorific = keep_name(m, v);
        else if (strcmp(an, "workplace") == 0)
            p.workplace = keep_name(m, v);
    }
    VB_PUSH(m->people, m->npeople, m->people_cap, p);
}

void model_add_sub(c_model *m, xmlNodePtr n)
{
    c_sub s = {.unit = -1, .part = -1, .author = -1, .score = NAN, .rate = NAN, .votes = -1,
               .valid = true, .pos = node_pos(n, "submission")};
    /* One pass over the attributes: this runs 200,000 times at scale, so
     * the first letter picks the one name to compare. The whole name is
     * compared: after a schema error (`check`), an unknown attribute
     * ("status") must not be read as a known one ("score"). */
#define NAMED(str) (strcmp(an, str) == 0)
    for (xmlAttrPtr a = n->properties; a; a = a->next) {
        if (a->ns)
            continue; /* q:id is not id: the schema declares no namespaced attribute */
        const char *an = (const char *)a->name, *v = attr_value(a);
        switch (an[0]) {
        case 'i': if (NAMED("id")) s.id = keep(m, v); break;
        case 'u': if (NAMED("unit")) s.unit_ref = keep(m, v); break;
        case 'p': if (NAMED("part")) s.part_ref = keep(m, v); break;
        case 'a': if (NAMED("author")) s.author_ref = keep(m, v); break;
        case 's': if (NAMED("score")) s.score = strtod(v, NULL); break;
        case 'r': if (NAMED("rate")) s.rate = strtod(v, NULL); break;
        case 'd': if (NAMED("date")) s.date = keep(m, v); break;
        case 'v':
            if (NAMED("votes"))
                s.votes = atol(v);
            else if (NAMED("valid"))
                s.valid = strcmp(v, "true") == 0 || strcmp(v, "1") == 0;
            break;
        default: break;
        }
    }
#undef NAMED
    int np = 0, nj = 0;
    for (xmlNodePtr e = first_elem(n); e; e = next_elem(e)) {
        if (is(e, "procedure"))
            np++;
        else if (is(e, "score"))
            nj++;
    }
    if (np)
        s.procs = vb_arena_alloc(m->arena, (size_t)np * sizeof *s.procs);
    if (nj)
        s.js = vb_arena_alloc(m->arena, (size_t)nj * sizeof *s.js);
    for (xmlNodePtr e = first_elem(n); e; e = next_elem(e)) {
        if (is(e, "procedure")) {
            s.procs[s.nproc++] = model_text(m, e);
        } else if (is(e, "score")) {
            c_judge_score j = {NULL, NAN, node_pos(e, "score")};
            for (xmlAttrPtr a = e->properties; a; a = a->next) {
                if (a->ns)
                    continue;
                if (strcmp((const char *)a->name, "judge") == 0)
                    j.judge = keep(m, attr_value(a));
                else if (strcmp((const char *)a->name, "value") == 0)
                    j.value = strtod(attr_value(a), NULL);
            }
            s.js[s.njs++] = j;
        } else if (is(e, "title")) {
            s.title = model_text(m, e);
        }
    }
    VB_PUSH(m->subs, m->nsubs, m->subs_cap, s);
}

/* References of the big lists, once every kind has its index. A duplicate id
 * keeps its first index. */
static void resolve_lists(c_model *m)
{
    vb_index_init(&m->unit_ix, (size_t)m->nunits + 8);
    for (int i = 0; i < m->nunits; i++) {
        c_unit *u = &m->units[i];
        u->group = vb_index_get(&m->group_ix, u->group_ref);
        vb_index_put(&m->unit_ix, u->id, i);
    }
    vb_index_init(&m->person_ix, (size_t)m->npeople + 8);
    for (int i = 0; i < m->npeople; i++) {
        c_person *p = &m->people[i];
        p->unit = vb_index_get(&m->unit_ix, p->unit_ref);
        vb_index_put(&m->person_ix, p->id, i);
    }
    vb_index_init(&m->sub_ix, (size_t)m->nsubs + 8);
    for (int i = 0; i < m->nsubs; i++) {
        c_sub *s = &m->subs[i];
        s->unit = vb_index_get(&m->unit_ix, s->unit_ref);
        s->part = vb_index_get(&m->part_ix, s->part_ref);
        s->author = vb_index_get(&m->person_ix, s->author_ref);
        vb_index_put(&m->sub_ix, s->id, i);
    }
}

static void build_prizes(c_model *m, xmlNodePtr root)
{
    int k = count_children(root, "prizes");
    m->prizes = vb_xcalloc((size_t)k + 1, sizeof *m->prizes);
    for (xmlNodePtr n = first_elem(root); n; n = next_elem(n)) {
        if (!is(n, "prizes"))
            continue;
        c_prizes *p = &m->prizes[m->nprizes++];
        p->node = n;
        p->id = node_attr(n, "id");
        p->name = node_attr(n, "id");
        if (child_elem(n, "name"))
            p->name = model_text(m, child_elem(n, "name"));
        p->collective = attr_is(n, "for", "collective");
        p->part = vb_index_get(&m->part_ix, node_attr(n, "part"));
        const char *by = node_attr(n, "by");
        if (!by)
            p->by = p->collective ? BY_TOTAL : BY_SCORE;
        else
            p->by = strcmp(by, "total") == 0   ? BY_TOTAL
                    : strcmp(by, "score") == 0 ? BY_SCORE
                    : strcmp(by, "votes") == 0 ? BY_VOTES
                                               : BY_DECISION;
        p->min_pct = attr_num(n, "min-percent");
        p->levels = vb_xcalloc((size_t)count_children(n, "prize") + 1, sizeof *p->levels);
        p->granted = vb_xcalloc((size_t)count_children(n, "granted") + 1, sizeof *p->granted);
        for (xmlNodePtr e = first_elem(n); e; e = next_elem(e)) {
            if (is(e, "prize")) {
                p->levels[p->nlevels++] = (c_level){
                    .level = attr_int(e, "level"),
                    .count = attr_int(e, "count"),
                    .amount = node_attr(e, "amount") ? atoll(node_attr(e, "amount")) : -1,
                    .name = model_text(m, e),
                    .certificate = node_attr(e, "certificate"),
                    .node = e,
                };
            } else if (is(e, "granted")) {
                p->granted[p->ngranted++] = (c_granted){
                    .level = attr_int(e, "level"),
                    .unit = vb_index_get(&m->unit_ix, node_attr(e, "unit")),
                    .person = vb_index_get(&m->person_ix, node_attr(e, "person")),
                    .sub = vb_index_get(&m->sub_ix, node_attr(e, "submission")),
                    .node = e,
                };
            }
        }
    }
}

static void build_members(c_model *m, xmlNodePtr committees)
{
    vb_index_init(&m->member_ix, 16);
    int k = 0;
    for (xmlNodePtr c = first_elem(committees); c; c = next_elem(c))
        for (xmlNodePtr e = first_elem(c); e; e = next_elem(e))
            if (is(e, "member") && node_attr(e, "id"))
                vb_index_put(&m->member_ix, node_attr(e, "id"), k++);
}

void model_finish(vb_contest *c)
{
    c_model *m = &c->m;
    xmlNodePtr root = xmlDocGetRootElement(c->doc);
    /* Order matters: references point to kinds built before them. */
    build_parts(m, child_elem(root, "parts"));
    build_groups(m, child_elem(root, "groups"));
    build_rules(m, child_elem(root, "rules"));
    resolve_lists(m);
    build_prizes(m, root);
    for (xmlNodePtr n = first_elem(child_elem(root, "registrations")); n; n = next_elem(n)) {
        int u = vb_index_get(&m->unit_ix, node_attr(n, "unit"));
        if (u < 0 && node_attr(n, "person")) {
            int p = vb_index_get(&m->person_ix, node_attr(n, "person"));
            u = p >= 0 ? m->people[p].unit : -1;
        }
        if (u >= 0)
            m->units[u].registered = true;
    }
    build_members(m, child_elem(root, "committees"));
    c->have_model = true;
}

/* The big lists from a whole tree (the tree path of the load, which keeps
 * the tree): only the elements of the right name, each with its node, so
 * that check.c can tell what the schema already rejected. */
void model_build(vb_contest *c)
{
    c_model *m = &c->m;
    model_init(m);
    xmlNodePtr root = xmlDocGetRootElement(c->doc);
    for (xmlNodePtr n = first_elem(child_elem(root, "units")); n; n = next_elem(n))
        if (is(n, "unit")) {
            model_add_unit(m, n);
            m->units[m->nunits - 1].pos.node = n;
        }
    for (xmlNodePtr n = first_elem(child_elem(root, "people")); n; n = next_elem(n))
        if (is(n, "person")) {
            model_add_person(m, n);
            m->people[m->npeople - 1].pos.node = n;
        }
    for (xmlNodePtr n = first_elem(child_elem(root, "submissions")); n; n = next_elem(n))
        if (is(n, "submission")) {
            model_add_sub(m, n);
            c_sub *s = &m->subs[m->nsubs - 1];
            s->pos.node = n;
            int j = 0;
            for (xmlNodePtr e = first_elem(n); e && j < s->njs; e = next_elem(e))
                if (is(e, "score"))
                    s->js[j++].pos.node = e;
        }
    model_finish(c);
}

bool model_kind_lost(const vb_contest *c, const char *list, const char *entry)
{
    if (c->rejected.n == 0 && c->foreign.n == 0)
        return false;
    xmlNodePtr root = xmlDocGetRootElement(c->doc);
    bool unknown_at_top = false; /* a misspelled element among the root's children */
    for (xmlNodePtr k = first_elem(root); k && !unknown_at_top; k = next_elem(k))
        unknown_at_top = node_set_has(&c->foreign, k);
    xmlNodePtr holder = list ? child_elem(root, list) : root;
    if (!holder)
        return unknown_at_top; /* the list itself may be the misspelled element */
    for (xmlNodePtr k = first_elem(root); k; k = next_elem(k))
        if (list && is(k, list) && node_set_has(&c->rejected, k))
            return true; /* a list repeated or misplaced: only the first is read */
    for (xmlNodePtr k = first_elem(holder); k; k = next_elem(k)) {
        if (node_set_has(&c->foreign, k) && (list || unknown_at_top))
            return true; /* a misspelled entry */
        if (is(k, entry) && (node_set_has(&c->rejected, xmlHasNsProp(k, (const xmlChar *)"id", NULL)) ||
                             !node_attr(k, "id")))
            return true; /* an entry whose id was rejected or is missing */
    }
    return false;
}

void model_mark_incomplete(vb_contest *c)
{
    c_model *m = &c->m;
    const struct {
        const char *list, *entry;
        vb_index *ix;
    } kinds[] = {{"parts", "part", &m->part_ix},        {"groups", "group", &m->group_ix},
                 {"units", "unit", &m->unit_ix},        {"people", "person", &m->person_ix},
                 {"submissions", "submission", &m->sub_ix}};
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
        if (model_kind_lost(c, kinds[i].list, kinds[i].entry))
            kinds[i].ix->incomplete = true;
    /* Committee members are two levels down: any committee that lost one. */
    xmlNodePtr committees = child_elem(xmlDocGetRootElement(c->doc), "committees");
    bool lost = model_kind_lost(c, "committees", "committee");
    for (xmlNodePtr k = first_elem(committees); k && !lost; k = next_elem(k))
        for (xmlNodePtr e = first_elem(k); e && !lost; e = next_elem(e))
            lost = node_set_has(&c->foreign, e) ||
                   (is(e, "member") && node_set_has(&c->rejected, xmlHasNsProp(e, (const xmlChar *)"id", NULL)));
    if (lost)
        m->member_ix.incomplete = true;
}

void model_free(c_model *m)
{
    for (int i = 0; i < m->ngroups; i++)
        free(m->groups[i].parts);
    for (int i = 0; i < m->nprizes; i++) {
        free(m->prizes[i].levels);
        free(m->prizes[i].granted);
    }
    for (int i = 0; i < m->nbuckets; i++)
        free(m->buckets[i].b);
    free(m->parts);
    free(m->groups);
    free(m->units);
    free(m->people);
    free(m->subs);
    free(m->prizes);
    free(m->tb);
    free(m->buckets);
    vb_index_free(&m->part_ix);
    vb_index_free(&m->group_ix);
    vb_index_free(&m->unit_ix);
    vb_index_free(&m->person_ix);
    vb_index_free(&m->sub_ix);
    vb_index_free(&m->member_ix);
    vb_arena_free(m->arena);
    m->arena = NULL;
}
