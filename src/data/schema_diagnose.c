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
            attr_decl a = {node_attr(k, "name"), !optional, k};
            if (a.name) /* <anyName/> attributes only appear under <results> */
                VB_PUSH(out->v, out->n, out->cap, a);
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

static void find_elements(xmlNodePtr n, const char *name, decls *out, xmlDocPtr rng)
{
    for (xmlNodePtr k = first_elem(n); k; k = next_elem(k)) {
        if (rng_is(k, "element")) {
            const char *nm = node_attr(k, "name");
            bool match = nm && strcmp(nm, name) == 0;
            if (!nm) /* <element><choice><name>plan</name>…: the documents */
                for (xmlNodePtr c = first_elem(first_elem(k)); c; c = next_elem(c))
                    match |= rng_is(c, "name") && strcmp(node_text(c), name) == 0;
            if (match)
                collect(rng, k, false, out, 0);
        }
        find_elements(k, name, out, rng);
    }
}

/* The value check of one attribute: NULL when fine, else what is expected. */
static bool check_value(xmlDocPtr rng, xmlNodePtr pat, const char *value, vb_buf *expect, int depth)
{
    if (depth > 16)
        return true;
    for (xmlNodePtr k = first_elem(pat); k; k = next_elem(k)) {
        if (rng_is(k, "ref")) {
            xmlNodePtr def = find_define(rng, node_attr(k, "name"));
            if (def)
                return check_value(rng, def, value, expect, depth + 1);
        } else if (rng_is(k, "choice") || rng_is(k, "value")) {
            bool ok = false;
            vb_buf_puts(expect, "một trong: ");
            xmlNodePtr first = rng_is(k, "value") ? k : first_elem(k);
            for (xmlNodePtr v = first; v; v = rng_is(k, "value") ? NULL : next_elem(v)) {
                if (!rng_is(v, "value"))
                    continue;
                if (strcmp(node_text(v), value) == 0)
                    ok = true;
                if (v != first)
                    vb_buf_puts(expect, ", ");
                vb_buf_puts(expect, node_text(v));
            }
            return ok;
        } else if (rng_is(k, "data")) {
            const char *type = node_attr(k, "type");
            xmlSchemaTypePtr t = type ? xmlSchemaGetPredefinedType((const xmlChar *)type,
                                                                   (const xmlChar *)XSD_NS)
                                      : NULL;
            xmlSchemaValPtr val = NULL;
            bool ok = !t || xmlSchemaValPredefTypeNode(t, (const xmlChar *)value, &val, NULL) == 0;
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
            vb_buf_puts(expect, schema_type_words(type));
            for (xmlNodePtr prm = first_elem(k); prm; prm = next_elem(prm)) {
                const char *pn = node_attr(prm, "name");
                if (pn && strcmp(pn, "minInclusive") == 0)
                    vb_buf_printf(expect, ", từ %s", node_text(prm));
                else if (pn && strcmp(pn, "maxInclusive") == 0)
                    vb_buf_printf(expect, " đến %s", node_text(prm));
            }
            return ok;
        }
    }
    return true;
}

int schema_diagnose_attrs(vb_contest *c, vb_diag *d, xmlDocPtr rng, xmlNodePtr n)
{
    if (!rng || !n || n->type != XML_ELEMENT_NODE)
        return 0;
    decls ds = {0};
    find_elements(xmlDocGetRootElement(rng), (const char *)n->name, &ds, rng);
    if (ds.n == 0) {
        free(ds.v);
        return 0;
    }
    int found = 0;
    vb_buf expect;
    vb_buf_init(&expect);
    for (xmlAttrPtr a = n->properties; a; a = a->next) {
        const char *an = (const char *)a->name;
        const char *value = a->children && a->children->content ? (const char *)a->children->content : "";
        const attr_decl *decl = NULL;
        for (int i = 0; i < ds.n && !decl; i++)
            if (strcmp(ds.v[i].name, an) == 0)
                decl = &ds.v[i];
        if (!decl) {
            err_attr(c, d, n, an, "thuộc tính '%s' không dùng được cho <%s>", an, (const char *)n->name);
            found++;
            continue;
        }
        vb_buf_clear(&expect);
        if (!check_value(rng, decl->pattern, value, &expect, 0)) {
            err_attr(c, d, n, an, "giá trị '%s' của thuộc tính '%s' không hợp lệ: cần %s", value, an,
                     expect.data ? expect.data : "");
            found++;
        }
    }
    for (int i = 0; i < ds.n; i++) {
        if (!ds.v[i].required || xmlHasProp(n, (const xmlChar *)ds.v[i].name))
            continue;
        bool dup = false; /* the same attribute declared by two definitions */
        for (int j = 0; j < i; j++)
            dup |= strcmp(ds.v[j].name, ds.v[i].name) == 0;
        if (dup)
            continue;
        err_at(c, d, n, "<%s> thiếu thuộc tính bắt buộc '%s'", (const char *)n->name, ds.v[i].name);
        found++;
    }
    vb_buf_free(&expect);
    free(ds.v);
    return found;
}

/* ---- children out of place ------------------------------------------------- */
typedef struct child_decl {
    const char *name;
    bool required, repeat;
} child_decl;

typedef struct children {
    child_decl *v;
    int n;
    size_t cap;
} children;

static void collect_children(xmlDocPtr rng, xmlNodePtr pat, bool optional, bool repeat, children *out,
                             int depth)
{
    if (depth > 16)
        return;
    for (xmlNodePtr k = first_elem(pat); k; k = next_elem(k)) {
        if (rng_is(k, "element")) {
            const char *nm = node_attr(k, "name");
            if (nm) {
                child_decl cd = {nm, !optional, repeat};
                VB_PUSH(out->v, out->n, out->cap, cd);
            } else {
                for (xmlNodePtr c = first_elem(first_elem(k)); c; c = next_elem(c))
                    if (rng_is(c, "name")) {
                        child_decl cd = {node_text(c), false, true};
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

static xmlNodePtr find_element_def(xmlNodePtr n, const char *name)
{
    for (xmlNodePtr k = first_elem(n); k; k = next_elem(k)) {
        if (rng_is(k, "element") && node_attr(k, "name") && strcmp(node_attr(k, "name"), name) == 0)
            return k;
        xmlNodePtr r = find_element_def(k, name);
        if (r)
            return r;
    }
    return NULL;
}

int schema_diagnose_children(vb_contest *c, vb_diag *d, xmlDocPtr rng, xmlNodePtr parent)
{
    if (!rng || !parent || parent->type != XML_ELEMENT_NODE)
        return 0;
    xmlNodePtr def = find_element_def(xmlDocGetRootElement(rng), (const char *)parent->name);
    if (!def)
        return 0;
    children ch = {0};
    collect_children(rng, def, false, false, &ch, 0);
    int found = 0, j = 0;
    xmlNodePtr k;
    for (k = first_elem(parent); k && !found; k = next_elem(k)) {
        const char *nm = (const char *)k->name;
        int at = -1;
        for (int i = j; i < ch.n && at < 0; i++)
            if (strcmp(ch.v[i].name, nm) == 0)
                at = i;
        if (at < 0) {
            int before = -1;
            for (int i = 0; i < j && before < 0; i++)
                if (strcmp(ch.v[i].name, nm) == 0)
                    before = i;
            if (before >= 0 && !ch.v[before].repeat && before == j - 1)
                err_at(c, d, k, "<%s> bị lặp lại trong <%s>; chỉ được có một", nm, (const char *)parent->name);
            else if (before >= 0)
                err_at(c, d, k, "<%s> sai thứ tự: phải đứng trước <%s> trong <%s> (xem docs/contest-xml.md)",
                       nm, ch.v[j - 1].name, (const char *)parent->name);
            else
                err_at(c, d, k, "phần tử <%s> không thuộc mô hình của <%s> (viết sai tên hoặc đặt sai chỗ)",
                       nm, (const char *)parent->name);
            found++;
            break;
        }
        for (int i = j; i < at; i++)
            if (ch.v[i].required) {
                err_at(c, d, k, "thiếu phần tử <%s> trước <%s>", ch.v[i].name, nm);
                found++;
                break;
            }
        j = ch.v[at].repeat ? at : at + 1;
    }
    if (!found && !k)
        for (int i = j; i < ch.n; i++)
            if (ch.v[i].required && !(i == j && j > 0 && ch.v[i].repeat)) {
                err_at(c, d, parent, "<%s> thiếu phần tử <%s>", (const char *)parent->name, ch.v[i].name);
                found++;
                break;
            }
    free(ch.v);
    return found;
}
