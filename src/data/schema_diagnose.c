/* Precise messages for attribute errors. libxml2's RelaxNG validator reports
 * a bad attribute as "Element unit failed to validate attributes" without
 * saying which one or why, so the element's declarations are read from the
 * schema itself (the same embedded contest.rng) and each attribute of the
 * offending element is checked against them: unknown name, value outside the
 * listed choices, value not of the XSD datatype, required attribute missing. */
#include "schema.h"

#include <libxml/xmlschemastypes.h>
#include <stdlib.h>
#include <string.h>

#define RNG_NS "http://relaxng.org/ns/structure/1.0"
#define XSD_NS "http://www.w3.org/2001/XMLSchema"

typedef struct attr_decl {
    const char *name;
    bool required;
    xmlNodePtr pattern;   /* the <attribute> element of the schema */
    xmlNodePtr leaf;      /* what its value may be (see value_leaf) */
    xmlSchemaTypePtr type;
} attr_decl;

typedef struct decls {
    attr_decl *v;
    int n;
    size_t cap;
} decls;

static bool rng_is(xmlNodePtr n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

static xmlNodePtr find_define(xmlDocPtr rng, const char *name)
{
    for (xmlNodePtr n = first_elem(xmlDocGetRootElement(rng)); n; n = next_elem(n))
        if (rng_is(n, "define") && node_attr(n, "name") && strcmp(node_attr(n, "name"), name) == 0)
            return n;
    return NULL;
}

static void resolve_value(xmlDocPtr rng, attr_decl *a);

/* Collects the attributes declared directly under an element pattern,
 * following <ref>s but not entering nested elements. */
static void collect(xmlDocPtr rng, xmlNodePtr pat, bool optional, decls *out, int depth)
{
    if (depth > 16)
        return;
    for (xmlNodePtr k = first_elem(pat); k; k = next_elem(k)) {
        if (rng_is(k, "element"))
            continue;
        if (rng_is(k, "attribute")) {
            attr_decl a = {node_attr(k, "name"), !optional, k, NULL, NULL};
            if (a.name) { /* <anyName/> attributes only appear under <results> */
                resolve_value(rng, &a);
                VB_PUSH(out->v, out->n, out->cap, a);
            }
            continue;
        }
        if (rng_is(k, "ref")) {
            xmlNodePtr def = find_define(rng, node_attr(k, "name"));
            if (def)
                collect(rng, def, optional, out, depth + 1);
            continue;
        }
        collect(rng, k, optional || rng_is(k, "optional") || rng_is(k, "zeroOrMore") || rng_is(k, "choice"),
                out, depth + 1);
    }
}

/* Which element patterns an element is checked against. Two patterns may
 * share a name: the contest's <rules> and the <rules> document, one of the
 * names of the element of several names in <documents>. An element where
 * its parent declares that element of several names is a CHOICE. */
enum pat_kind { PAT_NAMED, PAT_CHOICE, PAT_ANY };

/* Whether pattern k is an element of several names listing `name`. */
static bool choice_names(xmlNodePtr k, const char *name)
{
    if (node_attr(k, "name"))
        return false;
    for (xmlNodePtr c = first_elem(first_elem(k)); c; c = next_elem(c))
        if (rng_is(c, "name") && strcmp(node_text(c), name) == 0)
            return true;
    return false;
}

static bool pat_matches(xmlNodePtr k, const char *name, enum pat_kind kind)
{
    const char *nm = node_attr(k, "name");
    if (nm)
        return kind != PAT_CHOICE && strcmp(nm, name) == 0;
    return kind != PAT_NAMED && choice_names(k, name);
}

/* Returns how many element patterns of that name and kind the schema has. */
static int find_elements(xmlNodePtr n, const char *name, decls *out, xmlDocPtr rng, enum pat_kind kind)
{
    int found = 0;
    for (xmlNodePtr k = first_elem(n); k; k = next_elem(k)) {
        if (rng_is(k, "element") && pat_matches(k, name, kind)) {
            collect(rng, k, false, out, 0);
            found++;
        }
        found += find_elements(k, name, out, rng, kind);
    }
    return found;
}

/* ---- declarations by element name, cached for the sweep ------------------ */
typedef struct child_decl {
    const char *name;
    bool required, repeat;
    /* The declarations of one element of several names (<documents>: plan,
     * report, decision … in any order) share a slot: the index of its first. */
    int slot;
    bool choice;    /* declared by such an element */
} child_decl;

typedef struct children {
    child_decl *v;
    int n;
    size_t cap;
} children;

static void collect_children(xmlDocPtr rng, xmlNodePtr pat, bool optional, bool repeat, children *out,
                             int depth);
static xmlNodePtr find_element_def(xmlNodePtr n, const char *name, enum pat_kind kind);

/* The sweep asks the same questions of every <unit> (thousands): each
 * element name's declarations are read from the schema once. */
typedef struct decl_entry {
    char *name;     /* the key: the name, after "\1" for a PAT_CHOICE */
    decls attrs;
    int nelems;     /* element patterns of that name: 0 when unknown */
    children ch;
    bool has_def;   /* ch is valid */
    int text;       /* TEXT_NONE, TEXT_OPTIONAL or TEXT_REQUIRED (from the def) */
} decl_entry;

enum { TEXT_NONE, TEXT_OPTIONAL, TEXT_REQUIRED };

/* What an element pattern says of its text: none (element-only or empty),
 * optional, or required (the `text` define: a string of at least one
 * character). Follows <ref>s, not nested elements. */
static int text_of(xmlDocPtr rng, xmlNodePtr pat, bool optional, int depth)
{
    int t = TEXT_NONE;
    if (depth > 16)
        return t;
    for (xmlNodePtr k = first_elem(pat); k; k = next_elem(k)) {
        int u = TEXT_NONE;
        if (rng_is(k, "element") || rng_is(k, "attribute"))
            continue;
        if (rng_is(k, "text"))
            u = TEXT_OPTIONAL;
        else if (rng_is(k, "data") || rng_is(k, "value"))
            u = optional ? TEXT_OPTIONAL : TEXT_REQUIRED;
        else if (rng_is(k, "ref")) {
            xmlNodePtr def = find_define(rng, node_attr(k, "name"));
            u = def ? text_of(rng, def, optional, depth + 1) : TEXT_NONE;
        } else
            u = text_of(rng, k, optional || rng_is(k, "optional") || rng_is(k, "zeroOrMore") || rng_is(k, "choice"),
                        depth + 1);
        if (u > t)
            t = u;
    }
    return t;
}

struct decl_cache {
    vb_index ix;
    decl_entry *v;
    int n;
    size_t cap;
};

/* The declarations of the element patterns of that name and kind (a named
 * element with no named pattern is looked up among all). */
static void load_entry(xmlDocPtr rng, const char *name, enum pat_kind kind, decl_entry *e)
{
    xmlNodePtr root = xmlDocGetRootElement(rng);
    e->nelems = find_elements(root, name, &e->attrs, rng, kind);
    if (e->nelems == 0 && kind == PAT_NAMED) {
        kind = PAT_ANY;
        e->nelems = find_elements(root, name, &e->attrs, rng, kind);
    }
    xmlNodePtr def = find_element_def(root, name, kind);
    if (def) {
        collect_children(rng, def, false, false, &e->ch, 0);
        e->has_def = true;
        e->text = text_of(rng, def, false, 0);
    }
}

static decl_entry *entry_for(xmlDocPtr rng, schema_marks *mk, xmlNodePtr n, decl_entry *own);

int schema_diagnose_text(vb_contest *c, vb_diag *d, xmlDocPtr rng, xmlNodePtr n, schema_marks *mk)
{
    if (!rng || !n || n->type != XML_ELEMENT_NODE)
        return 0;
    decl_entry own = {0};
    decl_entry *e = entry_for(rng, mk, n, &own);
    int found = 0;
    if (e->has_def) {
        bool text = false, blank_only = true;
        for (xmlNodePtr k = n->children; k; k = k->next)
            if (k->type == XML_TEXT_NODE || k->type == XML_CDATA_SECTION_NODE) {
                text = true;
                for (const xmlChar *p = k->content; p && *p && blank_only; p++)
                    blank_only = *p == ' ' || *p == '\t' || *p == '\n' || *p == '\r';
            }
        if (e->text == TEXT_NONE && text && !blank_only) {
            err_at(c, d, n, "<%s> không được chứa văn bản", (const char *)n->name);
            found++;
        } else if (e->text == TEXT_REQUIRED && (!text || blank_only) && !first_elem(n)) {
            err_at(c, d, n, "<%s> không được để trống", (const char *)n->name);
            found++;
        }
    }
    free(own.attrs.v);
    free(own.ch.v);
    return found;
}

static decl_entry *cache_entry(xmlDocPtr rng, schema_marks *mk, const char *name, enum pat_kind kind)
{
    if (!mk)
        return NULL;
    if (!mk->cache) {
        mk->cache = vb_xcalloc(1, sizeof *mk->cache);
        vb_index_init(&mk->cache->ix, 64);
    }
    struct decl_cache *dc = mk->cache;
    vb_buf key;
    vb_buf_init(&key);
    vb_buf_puts(&key, kind == PAT_CHOICE ? "\1" : "");
    vb_buf_puts(&key, name);
    int i = vb_index_get(&dc->ix, key.data);
    if (i >= 0) {
        vb_buf_free(&key);
        return &dc->v[i];
    }
    decl_entry e = {.name = vb_buf_take(&key)};
    load_entry(rng, name, kind, &e);
    VB_PUSH(dc->v, dc->n, dc->cap, e);
    /* Entries move when the array grows; the index keeps positions, and
     * its keys are the entries' own copies of the names (never moved). */
    vb_index_put(&dc->ix, dc->v[dc->n - 1].name, dc->n - 1);
    return &dc->v[dc->n - 1];
}

void schema_marks_free_cache(schema_marks *mk)
{
    struct decl_cache *dc = mk->cache;
    if (!dc)
        return;
    for (int i = 0; i < dc->n; i++) {
        free(dc->v[i].name);
        free(dc->v[i].attrs.v);
        free(dc->v[i].ch.v);
    }
    free(dc->v);
    vb_index_free(&dc->ix);
    free(dc);
    mk->cache = NULL;
}

static const children *child_decls(xmlDocPtr rng, schema_marks *mk, xmlNodePtr n, decl_entry *own);

/* Whether n stands where its parent declares an element of several names. */
static enum pat_kind kind_of(xmlDocPtr rng, schema_marks *mk, xmlNodePtr n)
{
    xmlNodePtr p = n->parent;
    if (!p || p->type != XML_ELEMENT_NODE)
        return PAT_NAMED;
    decl_entry own = {0};
    const children *ch = child_decls(rng, mk, p, &own);
    enum pat_kind kind = PAT_NAMED;
    for (int i = 0; ch && i < ch->n; i++)
        if (ch->v[i].choice && strcmp(ch->v[i].name, (const char *)n->name) == 0)
            kind = PAT_CHOICE;
    free(own.attrs.v);
    free(own.ch.v);
    return kind;
}

/* The declarations for element n: cached in mk, or built into *own (the
 * caller frees its arrays). */
static decl_entry *entry_for(xmlDocPtr rng, schema_marks *mk, xmlNodePtr n, decl_entry *own)
{
    enum pat_kind kind = kind_of(rng, mk, n);
    decl_entry *e = cache_entry(rng, mk, (const char *)n->name, kind);
    if (e)
        return e;
    load_entry(rng, (const char *)n->name, kind, own);
    return own;
}

/* The attribute declarations for element n (*nelems: 0 when the schema
 * has no element of that name). */
static const decls *attr_decls(xmlDocPtr rng, schema_marks *mk, xmlNodePtr n, decl_entry *own, int *nelems)
{
    decl_entry *e = entry_for(rng, mk, n, own);
    *nelems = e->nelems;
    return &e->attrs;
}

/* The sequence of children declared for element n, NULL when none is. */
static const children *child_decls(xmlDocPtr rng, schema_marks *mk, xmlNodePtr n, decl_entry *own)
{
    decl_entry *e = entry_for(rng, mk, n, own);
    return e->has_def ? &e->ch : NULL;
}

/* The pattern that says what an attribute's value may be (<choice>,
 * <value> or <data>), after following <ref>s; NULL: any text. Resolved once
 * per declaration, with the XSD type of a <data>. */
static xmlNodePtr value_leaf(xmlDocPtr rng, xmlNodePtr pat, int depth)
{
    if (depth > 16)
        return NULL;
    for (xmlNodePtr k = first_elem(pat); k; k = next_elem(k)) {
        if (rng_is(k, "ref")) {
            xmlNodePtr def = find_define(rng, node_attr(k, "name"));
            return def ? value_leaf(rng, def, depth + 1) : NULL;
        }
        if (rng_is(k, "choice") || rng_is(k, "value") || rng_is(k, "data"))
            return k;
    }
    return NULL;
}

static void resolve_value(xmlDocPtr rng, attr_decl *a)
{
    a->leaf = value_leaf(rng, a->pattern, 0);
    const char *type = a->leaf && rng_is(a->leaf, "data") ? node_attr(a->leaf, "type") : NULL;
    a->type = type ? xmlSchemaGetPredefinedType((const xmlChar *)type, (const xmlChar *)XSD_NS) : NULL;
}

/* The values a <choice> or <value> lists, one after another. */
#define EACH_VALUE(v, leaf) \
    for (xmlNodePtr v = rng_is(leaf, "value") ? leaf : first_elem(leaf); v; \
         v = rng_is(leaf, "value") ? NULL : next_elem(v))

/* RelaxNG compares a listed <value> as a token: spaces around it and runs
 * of spaces inside do not count (" hoi-thi " is "hoi-thi"). */
static bool token_eq(const char *value, const char *listed)
{
    const char *p = value, *q = listed;
    while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
        p++;
    for (;;) {
        bool ps = *p == ' ' || *p == '\t' || *p == '\n' || *p == '\r';
        if (ps) {
            while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
                p++;
            if (!*p)
                return *q == '\0';
            if (*q != ' ')
                return false;
            q++;
            continue;
        }
        if (*p != *q)
            return false;
        if (!*p)
            return true;
        p++;
        q++;
    }
}

static bool value_ok(const attr_decl *a, const char *value)
{
    xmlNodePtr k = a->leaf;
    if (!k)
        return true;
    if (!rng_is(k, "data")) {
        EACH_VALUE(v, k)
            if (rng_is(v, "value") && token_eq(value, node_text(v)))
                return true;
        return false;
    }
    xmlSchemaValPtr val = NULL;
    bool ok = !a->type || xmlSchemaValPredefTypeNode(a->type, (const xmlChar *)value, &val, NULL) == 0;
    if (val)
        xmlSchemaFreeValue(val);
    /* Facets the schema uses: non-empty text, 0 ≤ number ≤ 100. */
    for (xmlNodePtr prm = first_elem(k); ok && prm; prm = next_elem(prm)) {
        const char *pn = node_attr(prm, "name");
        double lim = strtod(node_text(prm), NULL);
        if (!pn)
            continue;
        if (strcmp(pn, "minLength") == 0)
            ok = strlen(value) >= (size_t)lim;
        else if (strcmp(pn, "minInclusive") == 0)
            ok = strtod(value, NULL) >= lim;
        else if (strcmp(pn, "maxInclusive") == 0)
            ok = strtod(value, NULL) <= lim;
    }
    return ok;
}

/* What a value must be, in words, for the message about a wrong one. */
static void value_expect(const attr_decl *a, vb_buf *expect)
{
    xmlNodePtr k = a->leaf;
    if (!k)
        return;
    if (!rng_is(k, "data")) {
        vb_buf_puts(expect, "một trong: ");
        bool first = true;
        EACH_VALUE(v, k)
            if (rng_is(v, "value")) {
                vb_buf_puts(expect, first ? "" : ", ");
                vb_buf_puts(expect, node_text(v));
                first = false;
            }
        return;
    }
    vb_buf_puts(expect, schema_type_words(node_attr(k, "type")));
    for (xmlNodePtr prm = first_elem(k); prm; prm = next_elem(prm)) {
        const char *pn = node_attr(prm, "name");
        if (pn && strcmp(pn, "minInclusive") == 0)
            vb_buf_printf(expect, ", từ %s", node_text(prm));
        else if (pn && strcmp(pn, "maxInclusive") == 0)
            vb_buf_printf(expect, " đến %s", node_text(prm));
    }
}

int schema_diagnose_attrs(vb_contest *c, vb_diag *d, xmlDocPtr rng, xmlNodePtr n, schema_marks *mk)
{
    if (!rng || !n || n->type != XML_ELEMENT_NODE)
        return 0;
    decl_entry own = {0};
    int nelems = 0;
    const decls *dp = attr_decls(rng, mk, n, &own, &nelems);
    /* An element of no attributes still has its declaration: an attribute
     * on <parts> is as wrong as an unknown one on <unit>. */
    if (nelems == 0) {
        free(own.attrs.v);
        free(own.ch.v);
        return 0;
    }
    const decls ds = *dp;
    int found = 0;
    vb_buf expect;
    vb_buf_init(&expect);
    vb_buf qname;
    vb_buf_init(&qname);
    for (xmlAttrPtr a = n->properties; a; a = a->next) {
        const char *an = (const char *)a->name;
        const char *value = a->children && a->children->content ? (const char *)a->children->content : "";
        const attr_decl *decl = NULL;
        /* The schema declares no attribute in a namespace: q:id is not id,
         * and is named as written. */
        for (int i = 0; i < ds.n && !decl && !a->ns; i++)
            if (strcmp(ds.v[i].name, an) == 0)
                decl = &ds.v[i];
        if (a->ns && a->ns->prefix) {
            vb_buf_clear(&qname);
            vb_buf_printf(&qname, "%s:%s", (const char *)a->ns->prefix, an);
            an = qname.data;
        }
        if (!decl) {
            err_attr(c, d, n, an, "thuộc tính '%s' không dùng được cho <%s>", an, (const char *)n->name);
            if (mk)
                node_set_add(&mk->rejected, a);
            found++;
            continue;
        }
        if (!value_ok(decl, value)) {
            vb_buf_clear(&expect);
            value_expect(decl, &expect);
            err_attr(c, d, n, an, "giá trị '%s' của thuộc tính '%s' không hợp lệ: cần %s", value, an,
                     expect.data ? expect.data : "");
            if (mk)
                node_set_add(&mk->rejected, a);
            found++;
        }
    }
    for (int i = 0; i < ds.n; i++) {
        if (!ds.v[i].required || xmlHasNsProp(n, (const xmlChar *)ds.v[i].name, NULL))
            continue;
        bool dup = false; /* the same attribute declared by two definitions */
        for (int j = 0; j < i; j++)
            dup |= strcmp(ds.v[j].name, ds.v[i].name) == 0;
        if (dup)
            continue;
        err_at(c, d, n, "<%s> thiếu thuộc tính bắt buộc '%s'", (const char *)n->name, ds.v[i].name);
        if (mk)
            node_set_add(&mk->rejected, n);
        found++;
    }
    vb_buf_free(&expect);
    vb_buf_free(&qname);
    free(own.attrs.v);
    free(own.ch.v);
    return found;
}

/* ---- children out of place ------------------------------------------------- */
static void collect_children(xmlDocPtr rng, xmlNodePtr pat, bool optional, bool repeat, children *out,
                             int depth)
{
    if (depth > 16)
        return;
    for (xmlNodePtr k = first_elem(pat); k; k = next_elem(k)) {
        if (rng_is(k, "element")) {
            const char *nm = node_attr(k, "name");
            if (nm) {
                child_decl cd = {nm, !optional, repeat, out->n, false};
                VB_PUSH(out->v, out->n, out->cap, cd);
            } else {
                int slot = out->n;
                for (xmlNodePtr c = first_elem(first_elem(k)); c; c = next_elem(c))
                    if (rng_is(c, "name")) {
                        child_decl cd = {node_text(c), false, true, slot, true};
                        VB_PUSH(out->v, out->n, out->cap, cd);
                    }
            }
            continue;
        }
        if (rng_is(k, "attribute"))
            continue;
        if (rng_is(k, "ref")) {
            xmlNodePtr def = find_define(rng, node_attr(k, "name"));
            if (def)
                collect_children(rng, def, optional, repeat, out, depth + 1);
            continue;
        }
        bool opt = rng_is(k, "optional") || rng_is(k, "zeroOrMore") || rng_is(k, "choice");
        bool rep = rng_is(k, "zeroOrMore") || rng_is(k, "oneOrMore");
        collect_children(rng, k, optional || opt, repeat || rep, out, depth + 1);
    }
}

static xmlNodePtr find_element_def(xmlNodePtr n, const char *name, enum pat_kind kind)
{
    for (xmlNodePtr k = first_elem(n); k; k = next_elem(k)) {
        if (rng_is(k, "element") && pat_matches(k, name, kind))
            return k;
        xmlNodePtr r = find_element_def(k, name, kind);
        if (r)
            return r;
    }
    return NULL;
}

static void mark(schema_marks *mk, xmlNodePtr n, bool foreign)
{
    if (!mk)
        return;
    node_set_add(&mk->rejected, n);
    if (foreign)
        node_set_add(&mk->foreign, n);
}

/* Whether an element named `name` follows k among its siblings: a required
 * element met later is out of order, not missing (one message, not two). */
static bool comes_later(xmlNodePtr k, const char *name)
{
    for (; k; k = next_elem(k))
        if (!k->ns && strcmp((const char *)k->name, name) == 0)
            return true;
    return false;
}

/* The first declaration after the slot that starts at j. */
static int slot_end(const children *ch, int j)
{
    int i = j + 1;
    while (i < ch->n && ch->v[i].slot == ch->v[j].slot)
        i++;
    return i;
}

int schema_diagnose_children(vb_contest *c, vb_diag *d, xmlDocPtr rng, xmlNodePtr parent, schema_marks *mk)
{
    if (!rng || !parent || parent->type != XML_ELEMENT_NODE)
        return 0;
    decl_entry own = {0};
    const children *cp = child_decls(rng, mk, parent, &own);
    if (!cp) {
        free(own.attrs.v);
        free(own.ch.v);
        return 0;
    }
    const children ch = *cp;
    const char *pn = (const char *)parent->name;
    int found = 0, j = 0;
    /* An unknown element since the last known one is most likely the
     * required one misspelled: its absence is not reported a second time. */
    /* Unknown elements since the last known one: each most likely stands
     * for a required one misspelled, whose absence is not reported twice. */
    int unknown_since = 0;
    bool seen = false; /* the slot at j repeats and has been met already */
    int last = -1;     /* the declaration the last child in place matched */
    int *met = vb_xcalloc((size_t)ch.n + 1, sizeof *met); /* children met per declaration */
    vb_buf qname;
    vb_buf_init(&qname);
    for (xmlNodePtr k = first_elem(parent); k; k = next_elem(k)) {
        const char *nm = (const char *)k->name;
        /* The schema declares no element in a namespace: <q:unit> is not a
         * <unit>, and is named as written. A namespace the parent has too
         * was reported at the parent (xmlns on <contest>), not again here
         * for each child. */
        bool foreign = k->ns != NULL && k->ns != parent->ns;
        if (foreign) {
            vb_buf_clear(&qname);
            if (k->ns->prefix)
                vb_buf_printf(&qname, "%s:%s", (const char *)k->ns->prefix, nm);
            else
                vb_buf_printf(&qname, "%s xmlns=\"%s\"", nm, (const char *)k->ns->href);
            nm = qname.data;
        }
        int at = -1;
        for (int i = j; i < ch.n && at < 0 && !foreign; i++)
            if (strcmp(ch.v[i].name, nm) == 0)
                at = i;
        if (at < 0) {
            int before = -1;
            for (int i = 0; i < j && before < 0 && !foreign; i++)
                if (strcmp(ch.v[i].name, nm) == 0)
                    before = i;
            if (before >= 0 && !ch.v[before].repeat && met[before] > 0)
                err_at(c, d, k, "<%s> bị lặp lại trong <%s>; chỉ được có một", nm, pn);
            else if (before >= 0 && last >= 0)
                err_at(c, d, k, "<%s> sai thứ tự: phải đứng trước <%s> trong <%s> (xem docs/contest-xml.md)",
                       nm, ch.v[last].name, pn);
            else {
                err_at(c, d, k, "phần tử <%s> không thuộc mô hình của <%s> (viết sai tên hoặc đặt sai chỗ)",
                       nm, pn);
                unknown_since++;
            }
            mark(mk, k, before < 0);
            found++;
            continue; /* the sequence goes on from where it was */
        }
        /* A missing child is a problem of the content only: the parent's
         * attributes and what they mean are still judged (not marked). */
        for (int i = seen ? slot_end(&ch, j) : j; i < at; i++)
            if (ch.v[i].required && !comes_later(next_elem(k), ch.v[i].name)) {
                if (unknown_since > 0) {
                    unknown_since--;
                    continue;
                }
                err_at(c, d, k, "thiếu phần tử <%s> trước <%s>", ch.v[i].name, nm);
                found++;
            }
        unknown_since = 0;
        met[at]++;
        last = at;
        seen = ch.v[at].repeat;
        j = seen ? ch.v[at].slot : at + 1;
    }
    for (int i = seen ? slot_end(&ch, j) : j; i < ch.n; i++)
        if (ch.v[i].required) {
            if (unknown_since > 0) {
                unknown_since--;
                continue;
            }
            err_at(c, d, parent, "<%s> thiếu phần tử <%s>", pn, ch.v[i].name);
            found++;
        }
    vb_buf_free(&qname);
    free(met);
    free(own.attrs.v);
    free(own.ch.v);
    return found;
}
