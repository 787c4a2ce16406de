/* Shared between the files of the expansion engine; not its interface. */
#ifndef VANBAN_EXPAND_INTERNAL_H
#define VANBAN_EXPAND_INTERNAL_H

#include "tmpl.h"

#include <libxml/xpath.h>

typedef enum tnode_kind {
    TN_TEXT,     /* literal template text */
    TN_VAR,      /* {{ expr | filters }}: plain text, never Markdown */
    TN_RAW,      /* {{{ expr }}} or {{& expr }}: as is */
    TN_SECTION,  /* {{# expr }} … {{/}} */
    TN_INVERTED, /* {{^ expr }} … {{/}} */
    TN_PARTIAL,  /* {{> name }} */
} tnode_kind;

typedef struct tnode tnode;
struct tnode {
    tnode_kind kind;
    const char *text; /* TN_TEXT: the literal; tags: their trimmed content */
    size_t len;
    int line, col;    /* where the tag (or text) starts in the template */
    tnode *kids;      /* sections */
    size_t n_kids, cap_kids;
    bool reported;    /* an error was reported here: once is enough in a loop */
    bool visited;     /* the expansion reached it (check_unvisited does the rest) */
    bool loop;        /* a section over nodes: $i and $n exist inside it */
};

/* A parsed template: a list of nodes whose strings point into `src`. */
typedef struct ttree {
    tnode root;       /* TN_SECTION holding the top level */
} ttree;

/* expand_scan.c: tags, sections and the standalone-line rule. Errors
 * (unclosed tag or section, a close without an opening, a mismatch) are
 * reported at their line:col; false if any. */
bool ttree_parse(ttree *t, const char *src, size_t len, const char *path, int line0, int col0,
                 const int *tag_pos, size_t n_tag_pos, vb_diag *d);
void ttree_free(ttree *t);

/* The evaluation state of one expansion. */
typedef struct expand_ctx {
    const char *path;
    const tmpl_options *opt;
    vb_diag *d;
    xmlDocPtr doc;
    xmlXPathContextPtr xp;
    tmpl_xpath *shared; /* opt->xpath: xp is borrowed from it */
    int partial_depth;
    bool partials_stopped; /* a partial nested too deep: include no more */
    int map_line;          /* inside a partial: the line of its outermost {{> }}
                              tag, which every line it writes maps to */
    bool line_pending;     /* the output is at the start of a line not yet
                              mapped (tmpl_options.line_map) */
    bool failed;
    char xpath_error[256]; /* libxml2's last message, for our own report */
} expand_ctx;

/* expand_xpath.c */
bool xpath_init(expand_ctx *cx, xmlDocPtr doc);
void xpath_done(expand_ctx *cx);
/* Evaluates `expr` at `node` with $i, $n (0 when outside a section) and the
 * front-matter variables; NULL after reporting an error at line:col. */
xmlXPathObjectPtr xpath_eval(expand_ctx *cx, const char *expr, size_t len, xmlNodePtr node,
                             int i, int n, int line, int col);
/* String value (numbers without a trailing ".0"); malloc'd. */
char *xpath_string(xmlXPathObjectPtr v);
/* Does the value find nothing (an empty node-set)? */
bool xpath_empty(xmlXPathObjectPtr v);
/* Truth for sections: a non-empty node-set, true, non-zero, non-empty string. */
bool xpath_truthy(xmlXPathObjectPtr v);

/* expand_filters.c: splits "expr | f1:arg | f2" and applies the filters.
 * `value` is NULL when the expression found nothing; the result is a
 * malloc'd string, or NULL after reporting (unknown filter, bad argument,
 * a value a filter cannot read, nothing found and no default). */
typedef struct filter_spec {
    const char *name, *arg; /* slices of the tag */
    size_t name_len, arg_len;
    bool quoted;    /* the argument was written in quotes: default:'' */
    bool bad_quote; /* an argument's quote not closed, or inside it again */
} filter_spec;
#define MAX_FILTERS 8
size_t filters_split(const char *tag, size_t len, size_t *expr_len, filter_spec *out,
                     size_t max);
/* Whether f names one of the filters (number, money, …, default). */
bool filter_known(const filter_spec *f);
/* Unknown filters and bad arguments are template errors, reported whatever
 * the data holds; false after reporting. */
bool filters_check(expand_ctx *cx, const filter_spec *f, size_t n, int line, int col);
char *filters_apply(expand_ctx *cx, char *value, const filter_spec *f, size_t n, int line,
                    int col);

/* expand_names.c: persons' names among the values. Whether the node a
 * value comes from is a name; and a computed string normalized in `tone`
 * but for the names of the data it holds, whose ranges (in code points,
 * which a change of case keeps) go to *cps. malloc'd. */
bool names_node(const tmpl_names *t, const xmlNode *n);
char *names_computed(tmpl_names *t, const char *raw, vn_tone tone, md_kept *cps);
size_t names_cp_count(const char *s);
/* Code-point offsets of s made byte offsets, in place. */
void names_to_bytes(const char *s, md_kept *kept);

/* expand_value.c: a value from the data on one line, as plain text (a
 * front-matter field) or as a placeholder in Markdown that the parser
 * replaces by the value, never read as Markdown. kept: its byte ranges
 * that are persons' names (n numbers; none: 0), each its own placeholder
 * that md_apply_tone leaves as written. */
void put_one_line(vb_buf *out, const char *s, size_t len);
void put_markdown_value(md_values *vals, vb_buf *out, const char *s, size_t len,
                        const size_t *kept, size_t n_kept);
/* Markdown text (the template's, a raw value) as it is, but for the
 * placeholder's own opening character, which goes in as a value. */
void put_markdown_text(md_values *vals, vb_buf *out, const char *s, size_t len);

#endif
