/* A direct check of the entries of the big lists (each <unit>, <person>,
 * <submission>) against their declarations in the embedded schema. libxml2's
 * RelaxNG validator spends most of a large load looking datatypes up by name
 * and re-reading the schema's definitions for every attribute; here the
 * declarations are read once from contest.rng into a small table, and the
 * values are checked with the same libxml2 datatype and facet functions that
 * RelaxNG calls.
 *
 * Only simple declarations are compiled: attributes (required, or optional
 * one by one) of an XSD datatype or a list of values, then either text of a
 * datatype, nothing, or a sequence of such elements with distinct names, each
 * optional, required, zeroOrMore or oneOrMore. Anything else in the schema
 * (a choice of elements, interleave, a namespace, …) compiles to nothing and
 * RelaxNG checks those entries as before.
 *
 * The check may only be stricter than RelaxNG, never looser: when it does not
 * accept an entry (an undeclared attribute, a comment or whitespace inside, a
 * value written " 12 " that XSD would collapse, …) the entry goes to RelaxNG,
 * which decides. So a file is never accepted here that the schema rejects. */
#include "schema.h"

#include <libxml/schemasInternals.h>
#include <libxml/xmlschemastypes.h>
#include <stdlib.h>
#include <string.h>

#define XSD_NS "http://www.w3.org/2001/XMLSchema"
#define XSD_DATATYPES "http://www.w3.org/2001/XMLSchema-datatypes"

typedef struct fast_type {
    xmlSchemaTypePtr xsd;      /* NULL: one of `values` */
    xmlSchemaFacetPtr *facets;
    int nfacets;
    const char **values;
    int nvalues;
} fast_type;

typedef struct fast_attr {
    const char *name;
    bool required;
    fast_type type;
} fast_attr;

enum fast_content { FC_NONE, FC_EMPTY, FC_TEXT, FC_ELEMENTS };

typedef struct fast_item {
    struct fast_elem *elem;
    int min, max;              /* max 0: unbounded */
} fast_item;

struct fast_elem {
    const char *name;
    fast_attr *attrs;
    int nattrs;
    size_t attrs_cap;
    enum fast_content content;
    fast_type text;            /* FC_TEXT */
    fast_item *items;          /* FC_ELEMENTS, in order */
    int nitems;
    size_t items_cap;
};

/* ---- reading the schema ------------------------------------------------------ */
static bool rng_is(xmlNodePtr n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

static xmlNodePtr define_of(xmlDocPtr rng, const char *name)
{
    xmlNodePtr found = NULL;
    int n = 0;
    for (xmlNodePtr k = first_elem(xmlDocGetRootElement(rng)); k && name; k = next_elem(k))
        if (rng_is(k, "define") && node_attr(k, "name") && strcmp(node_attr(k, "name"), name) == 0) {
            found = k;
            n++;
        }
    return n == 1 && !node_attr(found, "combine") ? found : NULL;
}

/* The one child of a pattern that has exactly one, else NULL. */
static xmlNodePtr only_child(xmlNodePtr n)
{
    xmlNodePtr k = first_elem(n);
    return k && !next_elem(k) ? k : NULL;
}

/* A <ref> followed to what it names (one step at a time, a few at most). */
static xmlNodePtr deref(xmlDocPtr rng, xmlNodePtr n)
{
    for (int i = 0; n && rng_is(n, "ref") && i < 8; i++) {
        xmlNodePtr def = define_of(rng, node_attr(n, "name"));
        n = def ? only_child(def) : NULL;
    }
    return n && !rng_is(n, "ref") ? n : NULL;
}

/* The datatype library and namespace in force at a node: nothing but XSD
 * datatypes and no namespace can be compiled. */
static bool plain_context(xmlNodePtr n)
{
    const char *lib = NULL;
    for (xmlNodePtr p = n; p && p->type == XML_ELEMENT_NODE; p = p->parent) {
        const char *ns = node_attr(p, "ns");
        if (ns && *ns)
            return false;
        if (!lib)
            lib = node_attr(p, "datatypeLibrary");
    }
    return lib && strcmp(lib, XSD_DATATYPES) == 0;
}

static bool compile_type(xmlDocPtr rng, xmlNodePtr pat, fast_type *t)
{
    pat = deref(rng, pat);
    if (!pat)
        return false;
    if (rng_is(pat, "value") || rng_is(pat, "choice")) {
        xmlNodePtr first = rng_is(pat, "value") ? pat : first_elem(pat);
        for (xmlNodePtr v = first; v; v = v == pat ? NULL : next_elem(v)) {
            /* A typed value compares by its datatype; a value made of several
             * text nodes is not read here. */
            if (!rng_is(v, "value") || node_attr(v, "type") || !v->children || v->children->next ||
                v->children->type != XML_TEXT_NODE)
                return false;
            t->values = vb_xrealloc(t->values, (size_t)(t->nvalues + 1) * sizeof *t->values);
            t->values[t->nvalues++] = node_text(v);
        }
        return t->nvalues > 0;
    }
    if (!rng_is(pat, "data") || !plain_context(pat))
        return false;
    static const char *const known[] = {"string", "normalizedString", "token", "NCName", "Name",
                                        "NMTOKEN", "date", "gYear", "decimal", "integer",
                                        "nonNegativeInteger", "positiveInteger", "boolean"};
    const char *type = node_attr(pat, "type");
    bool ok = false;
    for (size_t i = 0; type && i < sizeof known / sizeof known[0]; i++)
        ok |= strcmp(type, known[i]) == 0;
    t->xsd = ok ? xmlSchemaGetPredefinedType((const xmlChar *)type, (const xmlChar *)XSD_NS) : NULL;
    if (!t->xsd)
        return false;
    static const struct { const char *name; xmlSchemaTypeType type; } facet_names[] = {
        {"minInclusive", XML_SCHEMA_FACET_MININCLUSIVE}, {"minExclusive", XML_SCHEMA_FACET_MINEXCLUSIVE},
        {"maxInclusive", XML_SCHEMA_FACET_MAXINCLUSIVE}, {"maxExclusive", XML_SCHEMA_FACET_MAXEXCLUSIVE},
        {"totalDigits", XML_SCHEMA_FACET_TOTALDIGITS},   {"fractionDigits", XML_SCHEMA_FACET_FRACTIONDIGITS},
        {"length", XML_SCHEMA_FACET_LENGTH},             {"minLength", XML_SCHEMA_FACET_MINLENGTH},
        {"maxLength", XML_SCHEMA_FACET_MAXLENGTH},
    };
    for (xmlNodePtr prm = first_elem(pat); prm; prm = next_elem(prm)) {
        const char *pn = node_attr(prm, "name");
        int which = -1;
        for (int i = 0; pn && i < (int)(sizeof facet_names / sizeof facet_names[0]); i++)
            if (strcmp(pn, facet_names[i].name) == 0)
                which = i;
        /* <except> and the facets not listed (pattern, …) are left to RelaxNG. */
        if (!rng_is(prm, "param") || which < 0 || !prm->children || prm->children->next ||
            prm->children->type != XML_TEXT_NODE)
            return false;
        xmlSchemaFacetPtr f = xmlSchemaNewFacet();
        if (!f)
            return false;
        f->type = facet_names[which].type;
        f->value = (const xmlChar *)node_text(prm);
        t->facets = vb_xrealloc(t->facets, (size_t)(t->nfacets + 1) * sizeof *t->facets);
        t->facets[t->nfacets++] = f;
        if (xmlSchemaCheckFacet(f, t->xsd, NULL, (const xmlChar *)type) != 0)
            return false;
    }
    return true;
}

static void free_type(fast_type *t)
{
    for (int i = 0; i < t->nfacets; i++)
        xmlSchemaFreeFacet(t->facets[i]);
    free(t->facets);
    free(t->values);
}

static struct fast_elem *compile_elem(xmlDocPtr rng, xmlNodePtr el, int depth);

static bool add_attr(xmlDocPtr rng, struct fast_elem *f, xmlNodePtr at, bool required)
{
    const char *name = node_attr(at, "name");
    xmlNodePtr pat = only_child(at);
    if (!name || !pat || !plain_context(at) || f->nattrs >= 64)
        return false;
    for (int i = 0; i < f->nattrs; i++)
        if (strcmp(f->attrs[i].name, name) == 0)
            return false;
    fast_attr a = {name, required, {0}};
    bool ok = compile_type(rng, pat, &a.type);
    VB_PUSH(f->attrs, f->nattrs, f->attrs_cap, a);
    return ok;
}

static bool add_item(xmlDocPtr rng, struct fast_elem *f, xmlNodePtr el, int min, int max, int depth)
{
    if (f->content != FC_NONE && f->content != FC_ELEMENTS)
        return false;
    f->content = FC_ELEMENTS;
    struct fast_elem *child = compile_elem(rng, el, depth + 1);
    if (!child)
        return false;
    fast_item it = {child, min, max};
    VB_PUSH(f->items, f->nitems, f->items_cap, it);
    for (int i = 0; i + 1 < f->nitems; i++)
        if (strcmp(f->items[i].elem->name, child->name) == 0)
            return false; /* a name twice: the sequence would not be read greedily */
    return true;
}

/* The patterns of an element's declaration, in order; groups and references
 * are read through. */
static bool compile_patterns(xmlDocPtr rng, struct fast_elem *f, xmlNodePtr first, int depth)
{
    if (depth > 16)
        return false;
    for (xmlNodePtr k = first; k; k = next_elem(k)) {
        if (rng_is(k, "attribute")) {
            if (!add_attr(rng, f, k, true))
                return false;
        } else if (rng_is(k, "group")) {
            if (!compile_patterns(rng, f, first_elem(k), depth + 1))
                return false;
        } else if (rng_is(k, "ref")) {
            xmlNodePtr def = define_of(rng, node_attr(k, "name"));
            xmlNodePtr one = def ? only_child(def) : NULL;
            if (one && rng_is(one, "element")) {
                if (!add_item(rng, f, one, 1, 1, depth))
                    return false;
            } else if (one && (rng_is(one, "data") || rng_is(one, "value") || rng_is(one, "choice"))) {
                if (f->content != FC_NONE || !compile_type(rng, one, &f->text))
                    return false;
                f->content = FC_TEXT;
            } else if (!def || !compile_patterns(rng, f, first_elem(def), depth + 1)) {
                return false;
            }
        } else if (rng_is(k, "optional") || rng_is(k, "zeroOrMore") || rng_is(k, "oneOrMore")) {
            xmlNodePtr one = only_child(k);
            xmlNodePtr target = one && rng_is(one, "ref") ? deref(rng, one) : one;
            if (!target)
                return false;
            if (rng_is(k, "optional") && rng_is(target, "attribute")) {
                if (one != target || !add_attr(rng, f, target, false))
                    return false;
            } else if (rng_is(target, "element")) {
                int min = rng_is(k, "oneOrMore") ? 1 : 0, max = rng_is(k, "optional") ? 1 : 0;
                if (!add_item(rng, f, target, min, max, depth))
                    return false;
            } else {
                return false;
            }
        } else if (rng_is(k, "element")) {
            if (!add_item(rng, f, k, 1, 1, depth))
                return false;
        } else if (rng_is(k, "empty")) {
            if (f->content != FC_NONE)
                return false;
            f->content = FC_EMPTY;
        } else if (rng_is(k, "data") || rng_is(k, "value") || rng_is(k, "choice")) {
            if (f->content != FC_NONE || !compile_type(rng, k, &f->text))
                return false;
            f->content = FC_TEXT;
        } else {
            return false; /* interleave, mixed, text, list, notAllowed, … */
        }
    }
    return true;
}

static struct fast_elem *compile_elem(xmlDocPtr rng, xmlNodePtr el, int depth)
{
    const char *name = node_attr(el, "name");
    if (!name || !plain_context(el) || depth > 4)
        return NULL;
    struct fast_elem *f = vb_xcalloc(1, sizeof *f);
    f->name = name;
    if (!compile_patterns(rng, f, first_elem(el), depth)) {
        schema_fast_free(f);
        return NULL;
    }
    if (f->content == FC_NONE)
        f->content = FC_EMPTY; /* an element with attributes only */
    return f;
}

/* The declaration of `list` must be <element name=list><zeroOrMore> of one
 * element, declared once: then its entries can be checked one by one. */
static xmlNodePtr find_list(xmlNodePtr n, const char *list, int *count)
{
    xmlNodePtr found = NULL;
    for (xmlNodePtr k = first_elem(n); k; k = next_elem(k)) {
        if (rng_is(k, "element") && node_attr(k, "name") && strcmp(node_attr(k, "name"), list) == 0) {
            found = k;
            (*count)++;
        }
        xmlNodePtr deeper = find_list(k, list, count);
        if (deeper)
            found = deeper;
    }
    return found;
}

struct fast_elem *schema_fast_compile(xmlDocPtr rng, const char *list)
{
    int count = 0;
    xmlNodePtr el = rng ? find_list(xmlDocGetRootElement(rng), list, &count) : NULL;
    xmlNodePtr zom = el && count == 1 && plain_context(el) ? only_child(el) : NULL;
    if (!zom || !rng_is(zom, "zeroOrMore"))
        return NULL;
    xmlNodePtr entry = only_child(zom);
    entry = entry && rng_is(entry, "ref") ? deref(rng, entry) : entry;
    return entry && rng_is(entry, "element") ? compile_elem(rng, entry, 0) : NULL;
}

void schema_fast_free(struct fast_elem *f)
{
    if (!f)
        return;
    for (int i = 0; i < f->nattrs; i++)
        free_type(&f->attrs[i].type);
    for (int i = 0; i < f->nitems; i++)
        schema_fast_free(f->items[i].elem);
    free_type(&f->text);
    free(f->attrs);
    free(f->items);
    free(f);
}

/* ---- checking an entry --------------------------------------------------------- */
static bool value_ok(const fast_type *t, const char *v)
{
    if (!t->xsd) {
        for (int i = 0; i < t->nvalues; i++)
            if (strcmp(v, t->values[i]) == 0)
                return true;
        return false; /* maybe equal once whitespace is normalized: RelaxNG decides */
    }
    xmlSchemaValPtr val = NULL;
    bool ok = xmlSchemaValPredefTypeNode(t->xsd, (const xmlChar *)v, t->nfacets ? &val : NULL, NULL) == 0;
    for (int i = 0; ok && i < t->nfacets; i++)
        ok = xmlSchemaValidateFacet(t->xsd, t->facets[i], (const xmlChar *)v, val) == 0;
    if (val)
        xmlSchemaFreeValue(val);
    return ok;
}

/* The text of a node made of one text node at most ("" when empty); NULL
 * for anything else (a comment, an entity, elements). */
static const char *simple_text(xmlNodePtr first)
{
    if (!first)
        return "";
    if (first->next || first->type != XML_TEXT_NODE || !first->content)
        return NULL;
    return (const char *)first->content;
}

bool schema_fast_accept(const struct fast_elem *f, xmlNodePtr n)
{
    if (!f || n->type != XML_ELEMENT_NODE || n->ns || n->nsDef || strcmp((const char *)n->name, f->name) != 0)
        return false;
    uint64_t seen = 0;
    for (xmlAttrPtr a = n->properties; a; a = a->next) {
        if (a->ns)
            return false;
        int i = 0;
        while (i < f->nattrs && strcmp(f->attrs[i].name, (const char *)a->name) != 0)
            i++;
        const char *v = i < f->nattrs ? simple_text(a->children) : NULL;
        if (!v || (seen & (UINT64_C(1) << i)) || !value_ok(&f->attrs[i].type, v))
            return false;
        seen |= UINT64_C(1) << i;
    }
    for (int i = 0; i < f->nattrs; i++)
        if (f->attrs[i].required && !(seen & (UINT64_C(1) << i)))
            return false;
    switch (f->content) {
    case FC_NONE:
    case FC_EMPTY:
        return !n->children;
    case FC_TEXT: {
        const char *v = simple_text(n->children);
        return v && value_ok(&f->text, v);
    }
    case FC_ELEMENTS: {
        int i = 0, count = 0;
        for (xmlNodePtr k = n->children; k; k = k->next) {
            if (k->type != XML_ELEMENT_NODE)
                return false; /* whitespace, comments: RelaxNG skips them, so does the tree path */
            while (i < f->nitems && strcmp((const char *)k->name, f->items[i].elem->name) != 0) {
                if (count < f->items[i].min)
                    return false;
                i++;
                count = 0;
            }
            if (i == f->nitems || (f->items[i].max && count >= f->items[i].max) ||
                !schema_fast_accept(f->items[i].elem, k))
                return false;
            count++;
        }
        for (; i < f->nitems; i++, count = 0)
            if (count < f->items[i].min)
                return false;
        return true;
    }
    }
    return false;
}
