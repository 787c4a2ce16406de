/* The embedded schema and the Vietnamese rewriting of libxml2's errors.
 * Internal to src/data/. */
#ifndef VANBAN_DATA_SCHEMA_H
#define VANBAN_DATA_SCHEMA_H

#include "model.h"


#include <libxml/relaxng.h>

/* schema_fast.c: the declaration of the entries of a list element (`units`,
 * `people`, `submissions`) read from the schema, when it is simple enough to
 * check directly (NULL otherwise). schema_fast_accept is true only for an
 * entry the schema accepts; false means "ask RelaxNG", not "invalid". */
typedef struct fast_elem fast_elem;
fast_elem *schema_fast_compile(xmlDocPtr rng, const char *list);
bool schema_fast_accept(const fast_elem *f, xmlNodePtr n);
void schema_fast_free(fast_elem *f);

/* The embedded schema, loaded once per file: as a tree (for the precise
 * messages of schema_diagnose.c), compiled by libxml2, and the direct checks
 * of the entries of units, people and submissions (in that order). */
typedef struct contest_schema {
    xmlDocPtr rng;
    xmlRelaxNGPtr schema;
    fast_elem *fast[3];
} contest_schema;

/* load_stream.c: the streaming load. Returns the document without the
 * entries of <units>, <people> and <submissions> (each is validated, then
 * normalized and added to c->m, then freed; with `keep`, kept: the whole
 * tree, normalized, for a caller that needs it), or NULL, with c->m empty, when
 * the file must take the tree path: malformed, not valid, a DOCTYPE, or
 * anything the streaming pass does not handle. Reports nothing. With `xml`,
 * also formats the XML output into c->xml when it can (xml_stream.c). */
xmlDocPtr load_stream(vb_contest *c, const contest_schema *s, bool xml, bool keep);

typedef struct schema_error {
    int code;
    xmlNodePtr node;
    int line;
    char *str1, *str2;
} schema_error;

/* An XSD datatype name as a clerk would say it ("ngày dạng NNNN-TT-NN"). */
const char *schema_type_words(const char *type);
/* One message for a well-formedness error (libxml2 code and its strings). */
void schema_parse_message(vb_buf *out, int code, const char *str1, const char *str2, int int1);
/* What the schema's messages have covered. `rejected`: the elements they
 * were about (check.c adds nothing about them); `attrs_done`,
 * `children_done`: elements whose attributes, or whose children, have been
 * examined; `foreign`: elements the schema does not have at their place,
 * whose insides are not examined (their names mean nothing there). */
typedef struct schema_general {
    xmlNodePtr node;
    int line, col;
    char *msg;
} schema_general;

typedef struct schema_marks {
    node_set rejected, attrs_done, children_done, foreign;
    node_set text_done; /* elements whose text libxml2 has spoken of */
    struct decl_cache *cache; /* schema_diagnose.c: declarations by element name */
    /* libxml2's general messages ("the content of <documents> is not
     * valid"), held until the sweep has had its say (schema_report_general). */
    schema_general *general;
    size_t n_general, cap_general;
} schema_marks;
void schema_marks_free_cache(schema_marks *mk);
void schema_marks_free(schema_marks *mk);

/* Reports the validation errors, rewritten, one per problem. `rng` is the
 * schema as a tree: libxml2 says only "attributes of <unit> are not valid",
 * so the attributes are diagnosed against the schema's declarations. */
void schema_report(vb_contest *c, vb_diag *d, xmlDocPtr rng, const schema_error *errs, size_t n,
                   schema_marks *mk);
/* schema_sweep.c: libxml2 stops at the first problem of a sequence (a
 * misspelled element in <contest> hides every later problem of the file),
 * so after its errors every element not yet examined is diagnosed against
 * the schema's declarations, and every problem is reported in one run. */
void schema_sweep(vb_contest *c, vb_diag *d, xmlDocPtr rng, schema_marks *mk);
/* Then the general messages held by schema_report, each unless a precise
 * message was given about its element or anything in it. */
void schema_report_general(vb_contest *c, vb_diag *d, schema_marks *mk);

/* schema_diagnose.c: what the schema declares for the attributes of an element
 * named `elem`, and the problems of node n's attributes against it. Reports
 * each problem; returns how many were found (0: nothing precise to say). An
 * unknown attribute or a bad value goes into mk->rejected (the xmlAttr), a
 * missing required attribute puts the element there (mk may be NULL). */
int schema_diagnose_attrs(vb_contest *c, vb_diag *d, xmlDocPtr rng, xmlNodePtr n, schema_marks *mk);
/* The same for the children of `parent` against the sequence the schema
 * declares: each one unknown, repeated or out of order, and the first one
 * missing. The children reported (the parent, for a missing one) go into
 * mk->rejected, unknown ones also into mk->foreign (mk may be NULL). */
int schema_diagnose_children(vb_contest *c, vb_diag *d, xmlDocPtr rng, xmlNodePtr parent,
                             schema_marks *mk);
/* The same for its text: text where the schema allows none, or none where
 * it requires some (a problem of the content: nothing is marked). */
int schema_diagnose_text(vb_contest *c, vb_diag *d, xmlDocPtr rng, xmlNodePtr n, schema_marks *mk);

#endif
