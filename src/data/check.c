/* What the schema cannot say: references that point nowhere, ids used twice,
 * scores outside their part's range, prizes that cannot all be awarded, dates
 * out of order, units in no group, groups that count no part, authors of
 * another unit, rate buckets that overlap or leave a unit out. Every problem is reported in one run.
 *
 * An error is a file that is wrong: what it says cannot be so, or the results
 * computed from it would be. A warning (cảnh báo) is a file that may be right
 * but whose results the clerk must not take as final without looking: the
 * results are still computed, as with a tie no tie-break settles. */
#include "model.h"
#include "results.h"
#include "vn/vn.h"

#include <math.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

typedef struct checker {
    vb_contest *c;
    vb_diag *d;
    c_model *m;
} checker;

/* A number as Vietnamese writes it in a sentence: "60,5", "-2". */
typedef struct { char s[48]; } numtext;
static numtext vi_num(double v)
{
    numtext t;
    vb_buf b;
    vb_buf_init(&b);
    vn_format_number(&b, v, round_fixed(v, 2) % 100 == 0 ? 0 : round_fixed(v, 2) % 10 == 0 ? 1 : 2);
    snprintf(t.s, sizeof t.s, "%s", b.data);
    vb_buf_free(&b);
    return t;
}

/* An ISO date (2023-08-01) as clerks write it (01/08/2023). */
typedef struct { char s[16]; } datetext;
static datetext vi_date(const char *iso)
{
    datetext t;
    if (strlen(iso) >= 10)
        snprintf(t.s, sizeof t.s, "%.2s/%.2s/%.4s", iso + 8, iso + 5, iso);
    else
        snprintf(t.s, sizeof t.s, "%s", iso);
    return t;
}

/* An element of the model: its name, and no namespace (<q:unit> is not a
 * unit; the schema rejects it). */
static bool is(xmlNodePtr n, const char *name) { return !n->ns && strcmp((const char *)n->name, name) == 0; }

/* Whether the schema rejected this element (a misplaced one, one missing
 * a required attribute), or this attribute of it (an unknown name, a value
 * of the wrong kind). Such a value is not used to judge anything else. */
static bool rejected(const checker *k, const void *n) { return node_set_has(&k->c->rejected, n); }
static bool attr_rejected(const checker *k, const void *n, const char *attr)
{
    return k->c->rejected.n && n &&
           (rejected(k, n) || rejected(k, xmlHasNsProp((xmlNodePtr)n, (const xmlChar *)attr, NULL)));
}

/* What the data means is reported only about what the schema accepted: an
 * element or attribute it rejected has had its message, and what follows
 * from a misplaced element or a malformed value would say it twice. (The set is
 * empty unless `check` loaded a file the schema rejects.) The arguments are
 * not evaluated for such an element (its id may be missing). */
#define ERR_AT(k, n, ...) \
    do { if (!rejected(k, n)) err_at((k)->c, (k)->d, (n), __VA_ARGS__); } while (0)
#define ERR_ATTR(k, n, attr, ...) \
    do { if (!attr_rejected(k, n, attr)) err_attr((k)->c, (k)->d, (n), (attr), __VA_ARGS__); } while (0)
#define ERR_POS(k, p, ...) \
    do { if (!rejected(k, (p).node)) err_pos((k)->c, (k)->d, (p), __VA_ARGS__); } while (0)
#define ERR_POS_ATTR(k, p, attr, ...) \
    do { if (!attr_rejected(k, (p).node, attr)) err_pos_attr((k)->c, (k)->d, (p), (attr), __VA_ARGS__); } while (0)
#define WARN_POS(k, p, ...) \
    do { if (!rejected(k, (p).node)) warn_pos((k)->c, (k)->d, (p), __VA_ARGS__); } while (0)

/* Warnings that can come by the thousand (a file saved before the jury has
 * finished): the first few get a line each, then one line says how many more
 * there are, so that the messages of 40 units or of 4,000 stay readable. */
enum { WARN_EACH = 5 };

/* An id for a message; "?" where the (rejected) element has none. */
static const char *nz(const char *s) { return s ? s : "?"; }

/* Duplicate ids within one kind (units, parts, …); the first one stands. */
static void dup_ids(checker *k, xmlNodePtr container, const char *elem, const char *what)
{
    vb_index ix;
    vb_index_init(&ix, 64);
    int i = 0;
    for (xmlNodePtr n = first_elem(container); n; n = next_elem(n)) {
        if (elem && !is(n, elem))
            continue;
        const char *id = node_attr(n, "id");
        if (!id)
            continue;
        int first = vb_index_put(&ix, id, i);
        if (first != i) {
            int line = 0, col = 0;
            xmlNodePtr prev = NULL;
            for (xmlNodePtr p = first_elem(container); p; p = next_elem(p))
                if ((!elem || is(p, elem)) && node_attr(p, "id") && strcmp(node_attr(p, "id"), id) == 0) {
                    prev = p;
                    break;
                }
            locate_node(k->c, prev, &line, &col);
            ERR_ATTR(k, n, "id", "mã %s '%s' bị trùng: đã dùng ở dòng %d; mỗi %s cần một mã riêng",
                     what, id, line, what);
        }
        i++;
    }
    vb_index_free(&ix);
}

#define UNKNOWN_REF "không có %s mã '%s'; hãy khai báo nó trong <%s> hoặc sửa mã"

static void ref(checker *k, xmlNodePtr n, const char *attr, const vb_index *ix, const char *what,
                const char *where)
{
    const char *v = node_attr(n, attr);
    if (v && !ix->incomplete && vb_index_get(ix, v) < 0)
        ERR_ATTR(k, n, attr, UNKNOWN_REF, what, v, where);
}

/* The same for an element of a big list: its reference as written. */
static void ref_pos(checker *k, c_pos p, const char *attr, const char *v, const vb_index *ix,
                    const char *what, const char *where)
{
    if (v && !ix->incomplete && vb_index_get(ix, v) < 0)
        ERR_POS_ATTR(k, p, attr, UNKNOWN_REF, what, v, where);
}

/* The big kinds already have an index in the model (the first of each id
 * wins), so a duplicate is an element whose id maps to another index. */
static void dup_model(checker *k, const vb_index *ix, int n, c_pos (*pos_of)(const c_model *, int),
                      const char *(*id_of)(const c_model *, int), const char *what)
{
    for (int i = 0; i < n; i++) {
        const char *id = id_of(k->m, i);
        int first = vb_index_get(ix, id);
        if (first == i || first < 0)
            continue;
        int line = 0, col = 0;
        locate_pos(k->c, pos_of(k->m, first), &line, &col);
        ERR_POS_ATTR(k, pos_of(k->m, i), "id",
                     "mã %s '%s' bị trùng: đã dùng ở dòng %d; mỗi %s cần một mã riêng", what, id, line, what);
    }
}

static c_pos unit_pos(const c_model *m, int i) { return m->units[i].pos; }
static c_pos person_pos(const c_model *m, int i) { return m->people[i].pos; }
static c_pos sub_pos(const c_model *m, int i) { return m->subs[i].pos; }
static const char *unit_id(const c_model *m, int i) { return m->units[i].id; }
static const char *person_id(const c_model *m, int i) { return m->people[i].id; }
static const char *sub_id(const c_model *m, int i) { return m->subs[i].id; }

static void check_ids(checker *k, xmlNodePtr root)
{
    dup_ids(k, child_elem(root, "parts"), "part", "phần thi");
    dup_ids(k, child_elem(root, "groups"), "group", "nhóm");
    dup_ids(k, child_elem(root, "criteria"), "criterion", "tiêu chí");
    dup_model(k, &k->m->unit_ix, k->m->nunits, unit_pos, unit_id, "đơn vị");
    dup_model(k, &k->m->person_ix, k->m->npeople, person_pos, person_id, "cá nhân");
    dup_model(k, &k->m->sub_ix, k->m->nsubs, sub_pos, sub_id, "bài dự thi");
    dup_ids(k, root, "prizes", "cơ cấu giải");
    dup_ids(k, child_elem(root, "committees"), "committee", "ban");
    dup_ids(k, child_elem(root, "documents"), NULL, "văn bản");
    /* Members of every committee share one namespace (judges' scores cite them). */
    vb_index ix;
    vb_index_init(&ix, 64);
    int i = 0;
    for (xmlNodePtr c = first_elem(child_elem(root, "committees")); c; c = next_elem(c))
        for (xmlNodePtr e = first_elem(c); e; e = next_elem(e)) {
            const char *id = is(e, "member") ? node_attr(e, "id") : NULL;
            if (!id)
                continue;
            if (vb_index_put(&ix, id, i) != i)
                ERR_ATTR(k, e, "id", "mã thành viên '%s' bị trùng; mỗi thành viên cần một mã riêng", id);
            i++;
        }
    vb_index_free(&ix);
}

static void check_refs(checker *k, xmlNodePtr root)
{
    c_model *m = k->m;
    for (xmlNodePtr g = first_elem(child_elem(root, "groups")); g; g = next_elem(g))
        for (xmlNodePtr e = first_elem(g); e; e = next_elem(e))
            if (is(e, "counts"))
                ref(k, e, "part", &m->part_ix, "phần thi", "parts");
    for (xmlNodePtr e = first_elem(child_elem(root, "rules")); e; e = next_elem(e))
        ref(k, e, "part", &m->part_ix, "phần thi", "parts");
    for (int i = 0; i < m->nunits; i++)
        if (m->units[i].group < 0)
            ref_pos(k, m->units[i].pos, "group", m->units[i].group_ref, &m->group_ix, "nhóm", "groups");
    for (int i = 0; i < m->npeople; i++)
        if (m->people[i].unit < 0)
            ref_pos(k, m->people[i].pos, "unit", m->people[i].unit_ref, &m->unit_ix, "đơn vị", "units");
    for (int i = 0; i < m->nsubs; i++) {
        /* The model resolved these already (200,000 submissions at scale). */
        const c_sub *s = &m->subs[i];
        if (s->unit < 0 || s->part < 0 || s->author < 0) {
            ref_pos(k, s->pos, "unit", s->unit_ref, &m->unit_ix, "đơn vị", "units");
            ref_pos(k, s->pos, "part", s->part_ref, &m->part_ix, "phần thi", "parts");
            ref_pos(k, s->pos, "author", s->author_ref, &m->person_ix, "cá nhân", "people");
        }
        for (int j = 0; j < s->njs; j++)
            ref_pos(k, s->js[j].pos, "judge", s->js[j].judge, &m->member_ix, "thành viên Ban Giám khảo",
                    "committees");
    }
    for (int i = 0; i < m->nprizes; i++) {
        c_prizes *p = &m->prizes[i];
        ref(k, p->node, "part", &m->part_ix, "phần thi", "parts");
        for (int j = 0; j < p->ngranted; j++) {
            xmlNodePtr g = p->granted[j].node;
            ref(k, g, "unit", &m->unit_ix, "đơn vị", "units");
            ref(k, g, "person", &m->person_ix, "cá nhân", "people");
            ref(k, g, "submission", &m->sub_ix, "bài dự thi", "submissions");
        }
    }
    vb_index crit;
    vb_index_init(&crit, 16);
    crit.incomplete = model_kind_lost(k->c, "criteria", "criterion");
    for (xmlNodePtr e = first_elem(child_elem(root, "criteria")); e; e = next_elem(e))
        vb_index_put(&crit, node_attr(e, "id"), 0);
    for (int i = 0; i < m->nprizes; i++)
        for (int j = 0; j < m->prizes[i].nlevels; j++)
            ref(k, m->prizes[i].levels[j].node, "criterion", &crit, "tiêu chí", "criteria");
    vb_index_free(&crit);
    vb_index prizes;
    vb_index_init(&prizes, 16);
    prizes.incomplete = model_kind_lost(k->c, NULL, "prizes");
    for (int i = 0; i < m->nprizes; i++)
        vb_index_put(&prizes, m->prizes[i].id, i);
    for (xmlNodePtr e = first_elem(child_elem(root, "registrations")); e; e = next_elem(e)) {
        ref(k, e, "unit", &m->unit_ix, "đơn vị", "units");
        ref(k, e, "person", &m->person_ix, "cá nhân", "people");
        ref(k, e, "prizes", &prizes, "cơ cấu giải", "contest");
    }
    vb_index_free(&prizes);
    for (xmlNodePtr c = first_elem(child_elem(root, "committees")); c; c = next_elem(c))
        for (xmlNodePtr e = first_elem(c); e; e = next_elem(e))
            if (is(e, "member")) {
                ref(k, e, "person", &m->person_ix, "cá nhân", "people");
                ref(k, e, "unit", &m->unit_ix, "đơn vị", "units");
            }
    for (xmlNodePtr t = first_elem(child_elem(root, "tasks")); t; t = next_elem(t))
        ref(k, t, "unit", &m->unit_ix, "đơn vị", "units");
}

/* A submission's author belongs to the submission's unit. Where the person
 * says another unit, the certificate names a person of one unit (and their
 * workplace) for a prize credited to another, and the same person can win
 * for two units (the reviewer's p2.xml). An error, not a warning: the file
 * says two things that cannot both be true, and either is a one-word fix
 * (the submission's author, or the person's unit). A person without a unit
 * is not compared. */
static void check_authors(checker *k)
{
    c_model *m = k->m;
    for (int i = 0; i < m->nsubs; i++) {
        const c_sub *s = &m->subs[i];
        if (s->author < 0 || s->unit < 0 || attr_rejected(k, s->pos.node, "unit"))
            continue;
        const c_person *p = &m->people[s->author];
        if (p->unit < 0 || p->unit == s->unit || attr_rejected(k, p->pos.node, "unit"))
            continue;
        ERR_POS_ATTR(k, s->pos, "author",
                     "tác giả '%s' (%s) thuộc đơn vị '%s' (%s) nhưng bài '%s' là của đơn vị '%s' (%s); hãy sửa "
                     "author của bài hoặc unit của cá nhân",
                     nz(p->id), p->name, nz(m->units[p->unit].id), m->units[p->unit].name, nz(s->id),
                     nz(m->units[s->unit].id), m->units[s->unit].name);
    }
}

/* A unit's name as a reader tells names apart: letter case does not count
 * ("Sở Giáo dục và Đào tạo", "SỞ GIÁO DỤC  VÀ ĐÀO TẠO"); runs of white space
 * are one already (model_text), and tone-mark placement too (normalized on
 * load). */
static char *name_key(vb_arena *a, const char *name)
{
    vb_buf low;
    vb_buf_init(&low);
    vn_lower(&low, name, strlen(name));
    char *k = vb_arena_strdup(a, low.data ? low.data : "");
    vb_buf_free(&low);
    return k;
}

/* Two units (two ids) with the same name: the report's tables and the
 * certificates cannot tell them apart, and a unit entered twice under two
 * ids (the reviewer's dupname.xml) has its results counted twice. A
 * warning, not an error: two communes of different districts may well bear
 * the same name, and the file is then right; but the clerk must look (one
 * unit: one id; two: a fuller name). At the later unit, naming the first;
 * after five, one line for the rest. */
static void check_unit_names(checker *k)
{
    c_model *m = k->m;
    vb_arena *a = vb_arena_new();
    vb_index ix;
    vb_index_init(&ix, (size_t)m->nunits + 8);
    int n = 0, first_rest = -1;
    for (int i = 0; i < m->nunits; i++) {
        const c_unit *u = &m->units[i];
        /* A repeated id has its error; the same name is not news then. */
        if (!u->name || !*u->name || rejected(k, u->pos.node) || vb_index_get(&m->unit_ix, u->id) != i)
            continue;
        const char *key = name_key(a, u->name);
        int first = *key ? vb_index_put(&ix, key, i) : i;
        if (first == i)
            continue;
        if (n < WARN_EACH) {
            int line = 0, col = 0;
            locate_pos(k->c, m->units[first].pos, &line, &col);
            warn_pos(k->c, k->d, u->pos,
                     "đơn vị '%s' trùng tên “%s” với đơn vị '%s' ở dòng %d: báo cáo và giấy khen không phân "
                     "biệt được hai đơn vị; nếu là một đơn vị thì dùng một mã, nếu là hai thì ghi tên đầy đủ hơn",
                     nz(u->id), u->name, nz(m->units[first].id), line);
        } else if (n == WARN_EACH) {
            first_rest = i;
        }
        n++;
    }
    if (first_rest >= 0)
        warn_pos(k->c, k->d, m->units[first_rest].pos,
                 "còn %d đơn vị khác trùng tên với một đơn vị trước nó, từ đơn vị '%s' trở đi; báo cáo và giấy "
                 "khen không phân biệt được chúng",
                 n - WARN_EACH, nz(m->units[first_rest].id));
    vb_index_free(&ix);
    vb_arena_free(a);
}

/* The rules' precision, as far as check may use it (a precision above 6 is
 * an error of its own, and must not overflow what it is scaled by). */
static int precision(const c_model *m) { return m->precision < 0 ? 0 : m->precision > 6 ? 6 : m->precision; }

/* judges="sum" adds the judges' scores: each can be within the part's
 * maximum and their sum not (4 judges × 30 on a part worth 100 made 120/100,
 * a total above the contest's maximum). A judge's value out of range, or
 * one the schema rejected, has its message already. Compared at the rules'
 * precision, as totals are, so that 6.4 + 9.8 + 13.8 is 30. */
static void check_judges_sum(checker *k, const c_sub *s, const c_part *p)
{
    double sum = 0;
    for (int j = 0; j < s->njs; j++) {
        double v = s->js[j].value;
        if (attr_rejected(k, s->js[j].pos.node, "value") || isnan(v) || v < 0 || v > p->max)
            return;
        sum += v;
    }
    int prec = precision(k->m);
    if (round_fixed(sum, prec) > round_fixed(p->max, prec))
        ERR_POS(k, s->pos,
                "tổng điểm %s của %d giám khảo vượt điểm tối đa %s của phần thi “%s” (judges=\"sum\" cộng "
                "điểm các giám khảo); hãy sửa điểm của giám khảo, hoặc điểm tối đa (max) của phần thi",
                vi_num(sum).s, s->njs, vi_num(p->max).s, p->name);
}

static void check_scores(checker *k)
{
    c_model *m = k->m;
    for (int i = 0; i < m->nsubs; i++) {
        c_sub *s = &m->subs[i];
        if (s->part < 0 || attr_rejected(k, m->parts[s->part].node, "max"))
            continue;
        const c_part *p = &m->parts[s->part];
        if (!isnan(s->score) && (s->score < 0 || s->score > p->max))
            ERR_POS_ATTR(k, s->pos, "score",
                     "điểm %s nằm ngoài khoảng 0–%s của phần thi “%s”", vi_num(s->score).s,
                     vi_num(p->max).s, p->name);
        for (int j = 0; j < s->njs; j++)
            if (s->js[j].value < 0 || s->js[j].value > p->max)
                ERR_POS_ATTR(k, s->js[j].pos, "value",
                         "điểm %s của giám khảo '%s' nằm ngoài khoảng 0–%s của phần thi “%s”",
                         vi_num(s->js[j].value).s, nz(s->js[j].judge), vi_num(p->max).s, p->name);
        if (p->judges == JUDGES_SUM && isnan(s->score) && s->njs > 0 &&
            !attr_rejected(k, p->node, "judges"))
            check_judges_sum(k, s, p);
        if (!isnan(s->score) && s->njs > 0)
            ERR_POS_ATTR(k, s->pos, "score",
                     "bài '%s' vừa có điểm chung vừa có điểm từng giám khảo; hãy giữ một cách", nz(s->id));
        if (!isnan(s->rate) && (s->rate < 0 || s->rate > 100))
            ERR_POS_ATTR(k, s->pos, "rate", "tỷ lệ %s%% nằm ngoài khoảng 0–100", vi_num(s->rate).s);
        if (s->unit >= 0 && m->units[s->unit].participates == 0 &&
            !attr_rejected(k, m->units[s->unit].pos.node, "participates"))
            ERR_POS_ATTR(k, s->pos, "unit",
                     "đơn vị '%s' được ghi là không tham gia (participates=\"false\") nhưng có bài dự thi",
                     nz(m->units[s->unit].id));
    }
    for (int i = 0; i < m->nparts; i++)
        if (m->parts[i].max <= 0)
            ERR_ATTR(k, m->parts[i].node, "max", "điểm tối đa của phần thi phải lớn hơn 0");
}

/* A valid submission with no score (no score attribute, no judge's <score>).
 * docs/contest-xml.md gives it a meaning, which is kept: its part and the
 * unit's total are not computed and the unit is not eligible, so the prizes
 * go to others. The file is not wrong (scoring may not be finished, and a
 * provisional ranking is wanted meanwhile), so this is a warning, not an
 * error; but a result that silently moves prizes must never go unnoticed
 * (DESIGN), so each such submission and its unit is named. */
/* Whether the schema rejected a child of this element, or found one it does
 * not have there (a misspelled <scorex>): what the element lacks may be that
 * child, and has had its message. */
static bool child_rejected(const checker *k, const void *node)
{
    if (!node || (k->c->rejected.n == 0 && k->c->foreign.n == 0))
        return false;
    for (xmlNodePtr e = first_elem((xmlNodePtr)node); e; e = next_elem(e))
        if (rejected(k, e) || node_set_has(&k->c->foreign, e))
            return true;
    return false;
}

#define UNSCORED_FIX \
    "hãy nhập điểm (score, hoặc <score> của từng giám khảo), hoặc ghi valid=\"false\" nếu bài không hợp lệ"

static void check_unscored(checker *k)
{
    c_model *m = k->m;
    int n = 0, first_rest = -1, nunits = 0;
    bool *unit_seen = vb_xcalloc((size_t)m->nunits + 1, sizeof *unit_seen);
    for (int i = 0; i < m->nsubs; i++) {
        const c_sub *s = &m->subs[i];
        /* An unknown unit or part, a unit that takes no part: reported already. */
        if (!s->valid || !isnan(s->score) || s->njs > 0 || s->unit < 0 || s->part < 0 ||
            m->units[s->unit].participates == 0 || attr_rejected(k, s->pos.node, "score") ||
            attr_rejected(k, s->pos.node, "valid") || child_rejected(k, s->pos.node))
            continue;
        const c_unit *u = &m->units[s->unit];
        const c_part *p = &m->parts[s->part];
        if (n < WARN_EACH) {
            if (part_counted(m, s->unit, s->part))
                WARN_POS(k, s->pos,
                         "bài dự thi '%s' của đơn vị '%s' (%s) chưa có điểm: đơn vị chưa có điểm phần thi “%s” "
                         "và tổng điểm, không được xếp hạng và xét giải; " UNSCORED_FIX,
                         nz(s->id), nz(u->id), u->name, p->name);
            else
                WARN_POS(k, s->pos,
                         "bài dự thi '%s' của đơn vị '%s' (%s) chưa có điểm: bài không được tính trong thống kê và "
                         "giải của phần thi “%s”; " UNSCORED_FIX,
                         nz(s->id), nz(u->id), u->name, p->name);
        } else if (n == WARN_EACH) {
            first_rest = i;
        }
        n++;
        nunits += !unit_seen[s->unit];
        unit_seen[s->unit] = true;
    }
    free(unit_seen);
    if (first_rest >= 0) {
        const c_sub *s = &m->subs[first_rest];
        WARN_POS(k, s->pos,
                 "còn %d bài dự thi hợp lệ khác chưa có điểm, từ bài '%s' của đơn vị '%s' trở đi (tổng cộng %d "
                 "bài của %d đơn vị): kết quả của các đơn vị này chưa đầy đủ; hãy nhập điểm trước khi lập báo "
                 "cáo kết quả",
                 n - WARN_EACH, nz(s->id), nz(m->units[s->unit].id), n, nunits);
    }
}

static void check_prizes(checker *k)
{
    c_model *m = k->m;
    for (int i = 0; i < m->nprizes; i++) {
        c_prizes *p = &m->prizes[i];
        long total = 0;
        /* A rejected `for` or `by` leaves the kind of prize unknown. */
        bool kind_known = !attr_rejected(k, p->node, "for") && !attr_rejected(k, p->node, "by");
        bool counts_known = kind_known && !rejected(k, p->node);
        for (int j = 0; j < p->nlevels; j++) {
            /* The schema's integers have no upper bound: a count past
             * INT_MAX aborted results (an allocation that size), an amount
             * of 20 digits overflowed the money total. Far past any real
             * contest: 100,000 prizes of a level, 10^12 đồng a prize. */
            static const struct { const char *attr; unsigned long long max; } bound[] = {
                {"count", 100000ULL}, {"amount", 1000000000000ULL}};
            for (size_t b = 0; b < sizeof bound / sizeof *bound; b++) {
                const char *v = node_attr(p->levels[j].node, bound[b].attr);
                if (v && !attr_rejected(k, p->levels[j].node, bound[b].attr)) {
                    size_t digits = strspn(v + strspn(v, " \t\n\r"), "0123456789");
                    unsigned long long x = digits <= 15 ? strtoull(v, NULL, 10) : ULLONG_MAX;
                    if (x > bound[b].max) {
                        ERR_ATTR(k, p->levels[j].node, bound[b].attr,
                                 "%s=\"%s\" quá lớn (tối đa %llu)", bound[b].attr, v, bound[b].max);
                        counts_known = false;
                    }
                }
            }
            counts_known &= !attr_rejected(k, p->levels[j].node, "count") &&
                            !attr_rejected(k, p->levels[j].node, "level");
            total += p->levels[j].count;
            for (int q = 0; q < j; q++)
                if (p->levels[q].level == p->levels[j].level)
                    ERR_ATTR(k, p->levels[j].node, "level",
                             "hạng giải %d đã khai báo trong cơ cấu giải '%s'", p->levels[j].level, nz(p->id));
        }
        if (kind_known && (p->by == BY_SCORE || p->by == BY_VOTES) && !node_attr(p->node, "part"))
            ERR_AT(k, p->node, "cơ cấu giải '%s' xét theo bài dự thi nên cần thuộc tính part", nz(p->id));
        long candidates = -1;
        const char *what = NULL;
        if (p->by == BY_TOTAL) {
            candidates = m->nunits;
            what = "đơn vị";
        } else if ((p->by == BY_SCORE || p->by == BY_VOTES) && p->part >= 0) {
            long ns = 0;
            for (int s = 0; s < m->nsubs; s++)
                ns += m->subs[s].part == p->part;
            if (ns > 0) { /* before submissions arrive, there is nothing to compare */
                candidates = ns;
                what = "bài dự thi";
            }
        }
        /* Not when the schema lost some of what is counted (a misspelled unit). */
        bool candidates_known = p->by == BY_TOTAL ? !m->unit_ix.incomplete : !m->sub_ix.incomplete;
        /* A warning: the quota is the signed plan's, and the results report
         * the prizes nobody can take as not awarded (reason too-few). */
        if (counts_known && candidates_known && candidates >= 0 && total > candidates && !rejected(k, p->node))
            warn_at(k->c, k->d, p->node,
                    "cơ cấu giải '%s' có %ld giải nhưng chỉ có %ld %s: ít nhất %ld giải sẽ không được trao",
                    nz(p->id), total, candidates, what, total - candidates);
        for (int j = 0; j < p->ngranted; j++) {
            bool known = !counts_known; /* a level the schema rejected may be this one */
            for (int q = 0; q < p->nlevels; q++)
                known |= p->levels[q].level == p->granted[j].level;
            if (!known)
                ERR_ATTR(k, p->granted[j].node, "level",
                         "cơ cấu giải '%s' không có hạng giải %d", nz(p->id), p->granted[j].level);
        }
    }
}

static int date_cmp(const char *a, const char *b) { return strncmp(a, b, 10); }

static void check_dates(checker *k, xmlNodePtr root)
{
    xmlNodePtr period = child_elem(root, "period");
    const char *start = period && !attr_rejected(k, period, "start") ? node_attr(period, "start") : NULL;
    const char *end = period && !attr_rejected(k, period, "end") ? node_attr(period, "end") : NULL;
    if (start && end && date_cmp(start, end) > 0)
        ERR_ATTR(k, period, "end", "ngày kết thúc %s trước ngày bắt đầu %s", vi_date(end).s,
                 vi_date(start).s);
    const char *reg = period && !attr_rejected(k, period, "register-by") ? node_attr(period, "register-by") : NULL;
    if (reg && end && date_cmp(reg, end) > 0)
        ERR_ATTR(k, period, "register-by", "hạn đăng ký %s sau ngày kết thúc %s", vi_date(reg).s,
                 vi_date(end).s);
    const char *prev = NULL;
    for (xmlNodePtr e = first_elem(child_elem(root, "milestones")); e; e = next_elem(e)) {
        const char *dt = attr_rejected(k, e, "date") ? NULL : node_attr(e, "date");
        const char *until = attr_rejected(k, e, "end") ? NULL : node_attr(e, "end");
        if (dt && until && date_cmp(dt, until) > 0)
            ERR_ATTR(k, e, "end", "mốc thời gian kết thúc %s trước khi bắt đầu %s",
                     vi_date(until).s, vi_date(dt).s);
        if (dt && prev && date_cmp(dt, prev) < 0)
            ERR_ATTR(k, e, "date", "mốc thời gian %s sớm hơn mốc trước nó (%s); hãy xếp theo thứ tự thời gian",
                     vi_date(dt).s, vi_date(prev).s);
        if (dt)
            prev = dt;
    }
    for (int i = 0; i < k->m->nsubs && start && end; i++) {
        const char *dt = k->m->subs[i].date;
        if (dt && start && end && (date_cmp(dt, start) < 0 || date_cmp(dt, end) > 0))
            ERR_POS_ATTR(k, k->m->subs[i].pos, "date",
                     "ngày nộp %s nằm ngoài thời gian dự thi %s – %s", vi_date(dt).s,
                     vi_date(start).s, vi_date(end).s);
    }
}

static void check_buckets(checker *k, xmlNodePtr e);

static void check_rules(checker *k, xmlNodePtr root)
{
    for (xmlNodePtr e = first_elem(child_elem(root, "rules")); e; e = next_elem(e)) {
        if (is(e, "total")) {
            const char *p = node_attr(e, "precision"), *mx = node_attr(e, "max");
            if (p && atoi(p) > 6)
                ERR_ATTR(k, e, "precision", "độ chính xác tối đa là 6 chữ số thập phân");
            if (mx && strtod(mx, NULL) <= 0)
                ERR_ATTR(k, e, "max", "tổng điểm tối đa phải lớn hơn 0");
        }
        if (is(e, "tiebreak") && !node_attr(e, "part"))
            ERR_AT(k, e, "tiêu chí phân định hòa điểm cần thuộc tính part");
        if (is(e, "buckets"))
            for (xmlNodePtr b = first_elem(e); b; b = next_elem(b)) {
                const char *lo = node_attr(b, "min"), *hi = node_attr(b, "below");
                if (lo && hi && strtod(lo, NULL) >= strtod(hi, NULL) && !attr_rejected(k, b, "min") &&
                    !attr_rejected(k, b, "below"))
                    ERR_AT(k, b, "khoảng tỷ lệ rỗng: từ %s%% đến dưới %s%%", lo, hi);
            }
        if (is(e, "buckets") && !rejected(k, e))
            check_buckets(k, e);
    }
}

/* ---- rate buckets ------------------------------------------------------------ */
/* A bucket counts the units whose rate (the mean of their submissions' rate
 * in the part, at the rules' precision, as results_write.c counts them) is in
 * min ≤ rate < below; without min it is open below, without below open above. */
typedef struct rbucket {
    double lo, hi;
    xmlNodePtr node;
} rbucket;

/* A range of rates as a clerk reads it: "từ 80% đến dưới 90%", "từ 90% trở
 * lên", "dưới 50%", "từ 95% đến 100%", "100%". `upto` closes it at 100. */
static void range_text(vb_buf *b, double lo, double hi, bool upto)
{
    if (upto && lo >= 100)
        vb_buf_printf(b, "100%%");
    else if (upto)
        vb_buf_printf(b, "từ %s%% đến 100%%", vi_num(lo).s);
    else if (lo <= 0 && isinf(hi))
        vb_buf_printf(b, "mọi tỷ lệ");
    else if (lo <= 0)
        vb_buf_printf(b, "dưới %s%%", vi_num(hi).s);
    else if (isinf(hi))
        vb_buf_printf(b, "từ %s%% trở lên", vi_num(lo).s);
    else
        vb_buf_printf(b, "từ %s%% đến dưới %s%%", vi_num(lo).s, vi_num(hi).s);
}

static int cmp_rbucket(const void *a, const void *b)
{
    const rbucket *x = a, *y = b;
    return (x->lo > y->lo) - (x->lo < y->lo);
}

/* The units whose rate is in [lo, hi) (or [lo, 100] with `upto`), the first
 * three with their rate, into `out`; returns how many. */
static int units_in(const c_model *m, const double *rate, double lo, double hi, bool upto, vb_buf *out)
{
    int n = 0;
    for (int i = 0; i < m->nunits; i++) {
        if (isnan(rate[i]) || rate[i] < lo || (upto ? rate[i] > 100 : rate[i] >= hi))
            continue;
        if (n < 3)
            vb_buf_printf(out, "%s'%s' (%s%%)", n ? ", " : "", nz(m->units[i].id), vi_num(rate[i]).s);
        n++;
    }
    if (n > 3)
        vb_buf_printf(out, " và %d đơn vị khác", n - 3);
    return n;
}

/* A range of rates that no bucket covers, [lo, hi) (or [lo, 100] with
 * `upto`), reported at `at`: an error naming the units whose rate is in it
 * (they are counted nowhere, and the table does not add up to the units),
 * else a warning (the table is not exhaustive, and a unit may come to fall
 * there: a report may well show only some ranges, but the clerk should know). */
static void bucket_gap(checker *k, xmlNodePtr at, const char *part, const double *rate, double lo,
                       double hi, bool upto)
{
    vb_buf range, units;
    vb_buf_init(&range);
    vb_buf_init(&units);
    range_text(&range, lo, hi, upto);
    if (units_in(k->m, rate, lo, hi, upto, &units))
        ERR_AT(k, at,
               "tỷ lệ %s không thuộc khoảng nào trong <buckets> của phần thi “%s”: đơn vị %s không được đếm; "
               "hãy thêm một <bucket> hoặc sửa min, below",
               range.data, part, units.data);
    else if (!rejected(k, at))
        warn_at(k->c, k->d, at,
                "tỷ lệ %s không thuộc khoảng nào trong <buckets> của phần thi “%s”: đơn vị có tỷ lệ đó sẽ không "
                "được đếm; hãy thêm một <bucket> nếu cần",
                range.data, part);
    vb_buf_free(&range);
    vb_buf_free(&units);
}

/* Each unit's rate in a part, as results_write.c counts it: the mean of its
 * submissions' rate, at the rules' precision; NAN when it has none. */
static double *unit_rates(checker *k, int part)
{
    c_model *m = k->m;
    double *rate = vb_xcalloc((size_t)m->nunits + 1, sizeof *rate);
    int *nrate = vb_xcalloc((size_t)m->nunits + 1, sizeof *nrate);
    for (int i = 0; i < m->nsubs && part >= 0; i++) {
        const c_sub *s = &m->subs[i];
        if (s->part != part || s->unit < 0 || isnan(s->rate) || attr_rejected(k, s->pos.node, "rate"))
            continue;
        rate[s->unit] += s->rate;
        nrate[s->unit]++;
    }
    int prec = precision(m);
    for (int i = 0; i < m->nunits; i++)
        rate[i] = nrate[i] ? (double)round_fixed(rate[i] / nrate[i], prec) / pow(10.0, prec) : NAN;
    free(nrate);
    return rate;
}

/* Buckets that overlap count a unit twice ([90, ∞) and [80, 95) both took
 * 92); buckets that leave a gap count it nowhere ([80, 95) and [60, 70) left
 * 75 out). Either way the distribution table stops adding up to the units,
 * without a word. An overlap is an error (the file says a unit is in two
 * rows); a gap is as bucket_gap says. */
static void check_buckets(checker *k, xmlNodePtr e)
{
    c_model *m = k->m;
    int nb = 0;
    for (xmlNodePtr b = first_elem(e); b; b = next_elem(b))
        nb++;
    rbucket *bs = vb_xcalloc((size_t)nb + 1, sizeof *bs);
    nb = 0;
    for (xmlNodePtr b = first_elem(e); b; b = next_elem(b)) {
        /* A bound the schema rejected, or an empty range (reported above):
         * what the set covers is not known, and nothing more is said. */
        const char *lo = node_attr(b, "min"), *hi = node_attr(b, "below");
        rbucket r = {lo ? strtod(lo, NULL) : -INFINITY, hi ? strtod(hi, NULL) : INFINITY, b};
        if (!is(b, "bucket") || rejected(k, b) || attr_rejected(k, b, "min") ||
            attr_rejected(k, b, "below") || !(r.lo < r.hi)) {
            free(bs);
            return;
        }
        bs[nb++] = r;
    }
    int part = vb_index_get(&m->part_ix, node_attr(e, "part"));
    const char *part_name = part >= 0 ? m->parts[part].name : nz(node_attr(e, "part"));
    double *rate = unit_rates(k, part);
    for (int j = 1; j < nb; j++)
        for (int i = 0; i < j; i++) {
            double lo = fmax(bs[i].lo, bs[j].lo), hi = fmin(bs[i].hi, bs[j].hi);
            if (lo >= hi)
                continue;
            vb_buf a, b, both, units;
            vb_buf_init(&a);
            vb_buf_init(&b);
            vb_buf_init(&both);
            vb_buf_init(&units);
            range_text(&a, bs[j].lo, bs[j].hi, false);
            range_text(&b, bs[i].lo, bs[i].hi, false);
            range_text(&both, lo, hi, false);
            units_in(m, rate, lo, hi, isinf(hi), &units);
            int line = 0, col = 0;
            locate_node(k->c, bs[i].node, &line, &col);
            ERR_AT(k, bs[j].node,
                   "khoảng tỷ lệ %s trùng với khoảng %s ở dòng %d: đơn vị có tỷ lệ %s bị đếm hai lần%s%s; "
                   "hãy sửa min hoặc below",
                   a.data, b.data, line, both.data, units.len ? ", ở đây " : "", units.len ? units.data : "");
            vb_buf_free(&a);
            vb_buf_free(&b);
            vb_buf_free(&both);
            vb_buf_free(&units);
            break; /* one message per bucket */
        }
    /* Rates run from 0 to 100, both included (a rate outside is an error). */
    qsort(bs, (size_t)nb, sizeof *bs, cmp_rbucket);
    double cur = 0;
    xmlNodePtr last = NULL;
    for (int i = 0; i < nb; i++) {
        if (bs[i].lo > cur && cur <= 100)
            bucket_gap(k, bs[i].node, part_name, rate, cur, fmin(bs[i].lo, 100), bs[i].lo > 100);
        if (bs[i].hi > cur) {
            cur = bs[i].hi;
            last = bs[i].node;
        }
    }
    if (last && cur <= 100)
        bucket_gap(k, last, part_name, rate, cur, 100, true);
    free(rate);
    free(bs);
}

static void check_groups(checker *k)
{
    c_model *m = k->m;
    if (m->ngroups == 0)
        return;
    /* A group that counts no part gives its units no total: they were
     * listed as "không đủ" with no total and no reason (the reviewer's
     * nocounts.xml). An error: the rules say nothing about these units, so
     * no result about them can be right. A misspelled <counts> has its
     * schema message already; a contest without parts (thi đua) has nothing
     * to count. */
    for (int i = 0; i < m->ngroups && m->nparts > 0; i++) {
        const c_group *g = &m->groups[i];
        if (g->nparts == 0 && !child_rejected(k, g->node))
            ERR_AT(k, g->node,
                   "nhóm '%s' (%s) không có phần thi nào được tính: đơn vị của nhóm không có tổng điểm, không "
                   "được xếp hạng và xét giải; hãy thêm <counts part=\"…\"/> cho từng phần thi tính cho nhóm",
                   nz(g->id), g->name);
    }
    for (int i = 0; i < m->nunits; i++)
        if (!m->units[i].group_ref)
            ERR_POS(k, m->units[i].pos,
                    "đơn vị '%s' không thuộc nhóm nào; hãy thêm thuộc tính group", nz(m->units[i].id));
}

int vb_contest_check(vb_contest *c, vb_diag *d)
{
    int before = d->errors;
    checker k = {.c = c, .d = d, .m = &c->m};
    xmlNodePtr root = xmlDocGetRootElement(c->doc);
    check_ids(&k, root);
    check_refs(&k, root);
    check_scores(&k);
    check_authors(&k);
    check_unit_names(&k);
    check_unscored(&k);
    check_prizes(&k);
    check_dates(&k, root);
    check_rules(&k, root);
    check_groups(&k);
    return d->errors - before;
}

/* An individual prize goes to a submission; its certificate names the
 * author, or, when the submission has none, its unit (templates/giay-khen.md,
 * {{^person}}). The schema makes `author` optional for a reason: a contest of
 * works entered by units (the Châu Thành video contest) awards them that way.
 * But where the contest also awards collective prizes, such a certificate
 * cannot be told from the unit's collective one (noauthor.xml printed "Sở Y
 * tế, Giải Nhất" twice), and where other submissions of the part name their
 * author, one without is most likely forgotten. A warning, not an error: the
 * file may be meant so. Only the winners are named: a contest records the
 * authors of the works that won (samples/soctrang-2023 names 14 of 379), and
 * which works those are is known only once the results are computed. */
void vb_contest_check_results(vb_contest *c, vb_diag *d)
{
    const c_model *m = &c->m;
    const vb_results *r = c->res;
    if (!r)
        return;
    bool collective = false;
    for (int i = 0; i < m->nprizes; i++)
        collective |= m->prizes[i].collective;
    bool *authored = vb_xcalloc((size_t)m->nparts + 1, sizeof *authored);
    for (int i = 0; i < m->nsubs; i++)
        if (m->subs[i].part >= 0 && m->subs[i].author_ref)
            authored[m->subs[i].part] = true;
    for (int i = 0; i < r->nawards; i++) {
        const r_award *a = &r->awards[i];
        const c_prizes *p = &m->prizes[a->prizes];
        if (p->collective || a->sub < 0 || a->person >= 0 || m->subs[a->sub].author_ref)
            continue;
        const c_sub *s = &m->subs[a->sub];
        if (!collective && (s->part < 0 || !authored[s->part]))
            continue;
        const c_unit *u = s->unit >= 0 ? &m->units[s->unit] : NULL;
        vb_buf set; /* the prize set by its <name>, else by its id */
        vb_buf_init(&set);
        if (p->name && p->name != p->id)
            vb_buf_printf(&set, "“%s”", p->name);
        else
            vb_buf_printf(&set, "cơ cấu giải '%s'", nz(p->id));
        warn_pos(c, d, s->pos,
                 "bài '%s' của đơn vị '%s' (%s) đạt %s của %s nhưng không có tác giả (author): giấy khen "
                 "sẽ ghi tên đơn vị như một giải tập thể; hãy ghi author=\"…\" (mã một cá nhân trong <people>) "
                 "cho bài",
                 nz(s->id), u ? nz(u->id) : nz(s->unit_ref), u ? u->name : "?", p->levels[a->level_ix].name,
                 set.data);
        vb_buf_free(&set);
    }
    free(authored);
}
