/* tmpl: templates — the YAML front matter of a Markdown file (libyaml) and
 * the expansion of {{ }} tags, whose names are XPath 1.0 expressions, against
 * the contest data (libxml2). docs/template-language.md is the reference. */
#ifndef VANBAN_TMPL_H
#define VANBAN_TMPL_H

#include "md/md.h"
#include "util/util.h"
#include "vn/vn.h"

#include <libxml/tree.h>

#include <stdbool.h>
#include <stddef.h>

typedef struct fm_entry {
    const char *key;
    const char *value;   /* a scalar; NULL for a sequence or null */
    const char **items;  /* a sequence of scalars */
    size_t n_items;
    int line;            /* 1-based line of the key in the source file */
    int col;             /* 1-based column where a scalar value's text starts */
    int *item_lines;     /* where each sequence item's text starts */
    int *item_cols;
    bool is_list;        /* written as a sequence ("- a" lines or [a, b]) */
    /* The byte ranges of value, [kept.at[2k], kept.at[2k + 1]), and of each
     * item (item_kept[i], or item_kept NULL) where the expansion put a
     * person's name: front_matter_normalize leaves their tone marks. */
    struct fm_kept {
        const size_t *at;
        size_t n;
    } kept, *item_kept;
    const int *tag_pos;  /* line, col in the file of each "{{" of value, in order:
                            a block or quoted scalar's text lost its indentation
                            and line breaks, so positions counted in the value
                            would be wrong */
    size_t n_tag_pos;
} fm_entry;

typedef struct front_matter {
    vb_arena *arena;
    fm_entry *entries;
    size_t n, cap;
    size_t body_offset; /* byte offset of the Markdown body in the source */
    int body_line;      /* 1-based line where the body starts */
} front_matter;

/* Splits a leading "---" YAML block off `text`. A text without one gives an
 * empty front matter with body_offset 0. A YAML error is reported at its
 * file:line:col and false is returned. Keys must map to scalars, null, or
 * sequences of scalars. */
bool front_matter_parse(front_matter *fm, const char *text, size_t len, const char *path,
                        vb_diag *d);
void front_matter_free(front_matter *fm);
/* The scalar value of `key`, or NULL. */
const char *front_matter_get(const front_matter *fm, const char *key);
const fm_entry *front_matter_find(const front_matter *fm, const char *key);
/* The column where `key`'s scalar value starts in the template, for an
 * error about that value; 0 when there is none or --set gave it. */
int front_matter_col(const front_matter *fm, const char *key);
/* Sets (or adds) a scalar, as --set KEY=VALUE does. */
void front_matter_set(front_matter *fm, const char *key, const char *value);
/* The scalar (item FM_SCALAR) or sequence item `item` of e, its bytes
 * [from, from + len), normalized as vn_normalize does in `tone`, but for
 * the persons' names the expansion put there, which keep their tone marks
 * (docs/tone-marks.md). malloc'd. */
#define FM_SCALAR ((size_t)-1)
char *front_matter_normalize(const fm_entry *e, size_t item, size_t from, size_t len,
                             vn_tone tone);
/* Whether text starts with a front-matter fence ("---" alone on its line,
 * after a UTF-8 byte-order mark if any). */
bool front_matter_present(const char *text, size_t len);

/* ---- expansion -------------------------------------------------------- */

/* What went wrong in an XPath expression, in Vietnamese, from libxml2's
 * error (libxml2 2.9 gives XPath errors a code and a position but no
 * message): "hàm không có trong XPath 1.0", "sai cú pháp (ở ký tự 9)". */
void tmpl_xpath_describe(const xmlError *err, char *buf, size_t size);
/* Brackets and parentheses that do not pair up, outside string literals:
 * libxml2 compiles "bad(" as "bad()" (and "count(" as "count()"), so the
 * syntax error came out as an unknown function or a wrong number of
 * arguments. False with the problem described in buf, as
 * tmpl_xpath_describe does. */
bool tmpl_xpath_brackets_ok(const char *expr, char *buf, size_t size);

/* An XPath context for many expansions against one document (a batch of
 * certificates: a dozen fields each, a thousand times): created once, with
 * each expression compiled once, instead of per tmpl_expand call. */
typedef struct tmpl_xpath tmpl_xpath;
tmpl_xpath *tmpl_xpath_new(xmlDocPtr doc);
void tmpl_xpath_free(tmpl_xpath *x);

/* The persons' names of a document (docs/tone-marks.md): is_name says which
 * nodes hold one (vb_contest_name_node for the contest data). A value from
 * such a node, and a name of the data standing whole in a computed string,
 * keep their tone marks as written in every tone style. One per document,
 * owned by the caller; the names are listed on first need. */
typedef struct tmpl_names tmpl_names;
tmpl_names *tmpl_names_new(xmlDocPtr doc, bool (*is_name)(const xmlNode *n));
void tmpl_names_free(tmpl_names *t);

/* Where each line of an expansion's output comes from in the template. The
 * body's Markdown is parsed after expansion, so its line numbers count the
 * expanded text: a section repeats lines and a standalone tag removes one,
 * and an error found by a later stage (an unknown directive, a table too
 * wide) named a line that was off by as many. */
typedef struct tmpl_line_map {
    int *line; /* line[k]: the template line of output line k + 1 */
    size_t n, cap;
} tmpl_line_map;
void tmpl_line_map_free(tmpl_line_map *m);

typedef struct tmpl_options {
    const char *dir;          /* the template's folder: partials come from here */
    vn_tone tone;             /* tone-mark style of interpolated text */
    tmpl_names *names;        /* optional: the data's persons' names, which keep
                                 their tone marks (tmpl_names_new) */
    md_kept *kept;            /* optional, plain text (values NULL): the byte
                                 ranges of the output where names went */
    md_values *values;        /* the body (Markdown): values go here and the
                                 text gets their placeholders, so that the
                                 Markdown parser never reads data as Markdown;
                                 NULL for front-matter values (plain text) */
    const front_matter *vars; /* scalars readable as $name in expressions */
    int index, count;         /* $i and $n outside any section (0 unless set: a
                                 certificate's place in its `each:` and their count) */
    tmpl_xpath *xpath;        /* optional: reused instead of a context per call
                                 (must be for the same document) */
    bool *told_no_data;       /* optional: set once a tag without data (no -d) has
                                 been reported, so the template's other tags fail
                                 silently — one message, not one per tag */
    const int *tag_pos;       /* optional: the file's line, col of each "{{" of the
                                 text in order (fm_entry.tag_pos), when the text is
                                 not a plain copy of the file */
    size_t n_tag_pos;
    tmpl_line_map *line_map;  /* optional: filled with the template line of each
                                 line of the output (Markdown bodies; a partial's
                                 lines count as the line of its {{> }} tag) */
} tmpl_options;

/* Expands the tags of `text` (from `path`, starting at line:col there) with
 * `context` as the XPath context node of `doc` (doc NULL: a template without
 * data; any tag but a comment is then an error). Appends to `out`. Every
 * error names path:line:col of its tag; returns false if there was one. */
bool tmpl_expand(const char *text, size_t len, const char *path, int line, int col,
                 xmlDocPtr doc, xmlNodePtr context, const tmpl_options *opt, vb_buf *out,
                 vb_diag *d);

/* Expands every scalar and sequence item of `fm` in place (plain text, no
 * Markdown placeholders), in file order; each expanded scalar becomes readable
 * as $key by the fields after it and by the body. */
bool tmpl_expand_front_matter(front_matter *fm, const char *path, xmlDocPtr doc,
                              xmlNodePtr context, tmpl_options *opt, vb_diag *d);

#endif
