/* The contest model as C structs, built from the validated tree. The small
 * kinds (parts, groups, prizes, …) keep pointers into the xmlDoc and their
 * nodes. The big lists (units, people, submissions: 200,000 entries at scale)
 * are added one element at a time while loading: their strings are copied
 * into the model's arena and they keep only their position (c_pos), so that
 * the load can free each element once it is in the model. Indices (int)
 * replace id references; -1 means none. Internal to src/data/. */
#ifndef VANBAN_DATA_MODEL_H
#define VANBAN_DATA_MODEL_H

#include "data.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdbool.h>
#include <stdint.h>

/* Every parse of a contest file. NONET: no network. No NOENT (entities are
 * not substituted), no DTDLOAD, no DTDATTR: nothing outside this file is ever
 * read. NOBLANKS: the model has no mixed content, and dropping indentation
 * lets `results --format xml` indent the tree it adds. BIG_LINES: line
 * numbers past 65,535 (a 4,000-unit contest runs to 140,000 lines) for text
 * nodes and errors; an element's own line past it is kept by remember_start. */
#define CONTEST_PARSE_OPTIONS                                                               \
    (XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_NOERROR | XML_PARSE_NOCDATA |         \
     XML_PARSE_NOBLANKS | XML_PARSE_COMPACT | XML_PARSE_BIG_LINES)

/* ---- string → index map (open addressing; ids are unique per kind) ------ */
typedef struct vb_index {
    const char **keys;
    int *vals;
    size_t cap, n;
    /* An element of this kind had no id (the schema said so): a reference
     * that finds nothing may be to it, so it is not reported as unknown. */
    bool incomplete;
} vb_index;

void vb_index_init(vb_index *ix, size_t expected);
void vb_index_free(vb_index *ix);
/* Returns the existing value if key is present (and does not replace it).
 * A NULL key (an element without its id) is not stored: it marks the index
 * incomplete and returns val. vb_index_get of NULL is -1. */
int vb_index_put(vb_index *ix, const char *key, int val);
int vb_index_get(const vb_index *ix, const char *key);

/* ---- a set of pointers (node_set.c) -------------------------------------- */
typedef struct node_set {
    const void **v;
    size_t cap, n;
} node_set;

void node_set_add(node_set *s, const void *p);
bool node_set_has(const node_set *s, const void *p);
void node_set_free(node_set *s);

/* ---- model ---------------------------------------------------------------- */
enum agg { AGG_MEAN, AGG_MAX, AGG_SUM };
enum judges { JUDGES_MEAN, JUDGES_MEDIAN, JUDGES_TRIMMED, JUDGES_SUM };
enum prize_by { BY_TOTAL, BY_SCORE, BY_VOTES, BY_DECISION };
enum tiebreak_by { TB_PART, TB_COUNT, TB_RATE };

typedef struct c_part {
    const char *id, *name;
    const char *short_name; /* <short>, the column title in tables; "" when none */
    double max;
    enum agg agg;
    enum judges judges;
    double min_pct;        /* NAN: no minimum for this part */
    int min_distinct;      /* 0: none; else distinct procedures required */
    xmlNodePtr node;
} c_part;

typedef struct c_group {
    const char *id, *name;
    int *parts; /* counted parts */
    int nparts;
    xmlNodePtr node;
} c_group;

/* Where an element of a big list starts, for messages: the byte offset of
 * its start tag when the loader saw it (remember_start), else the line
 * libxml2 gave its node; and its name. locate.c finds line and column. */
typedef struct c_pos {
    int line;
    uint32_t off1; /* offset + 1 of the start tag's '<'; 0: not known (files are < 2 GB) */
    const char *name; /* a string literal: "unit", "submission", … */
    /* The element, when the model was built from a whole tree that the
     * schema rejected (`check`), so that check.c can tell which elements
     * and attributes already have their message; NULL otherwise. */
    const void *node;
} c_pos;

typedef struct c_unit {
    const char *id, *name, *short_name;
    const char *group_ref; /* the group attribute as written; NULL if none */
    int group;
    int participates; /* -1 not said, 0 no, 1 yes */
    bool registered;  /* has a <registration> (emulation movements) */
    c_pos pos;
} c_unit;

typedef struct c_person {
    const char *id, *name, *honorific, *workplace;
    const char *unit_ref;
    int unit;
    c_pos pos;
} c_person;

typedef struct c_judge_score {
    const char *judge;
    double value;
    c_pos pos;
} c_judge_score;

typedef struct c_sub {
    const char *id, *title, *date;
    const char *unit_ref, *part_ref, *author_ref; /* as written; NULL if none */
    int unit, part, author;
    double score;          /* NAN when not scored (or per-judge, see below) */
    double rate;           /* NAN when none */
    long votes;            /* -1 when none */
    bool valid;
    int nproc;
    const char **procs;    /* procedure texts */
    c_judge_score *js;
    int njs;
    c_pos pos;
} c_sub;

typedef struct c_level {
    int level, count;
    long long amount;      /* -1 when none */
    const char *name, *certificate;
    xmlNodePtr node;
} c_level;

typedef struct c_granted {
    int level, unit, person, sub;
    xmlNodePtr node;
} c_granted;

typedef struct c_prizes {
    const char *id, *name;
    bool collective;
    int part;
    enum prize_by by;
    double min_pct;        /* NAN: none */
    c_level *levels;
    int nlevels;
    c_granted *granted;
    int ngranted;
    xmlNodePtr node;
} c_prizes;

typedef struct c_tiebreak {
    enum tiebreak_by by;
    int part;
} c_tiebreak;

typedef struct c_bucket {
    double min, below;     /* NAN when open */
    const char *label;
} c_bucket;

typedef struct c_buckets {
    int part;
    c_bucket *b;
    int n;
    xmlNodePtr node;
} c_buckets;

typedef struct c_model {
    c_part *parts;     int nparts;
    c_group *groups;   int ngroups;
    c_unit *units;     int nunits;   size_t units_cap;
    c_person *people;  int npeople;  size_t people_cap;
    c_sub *subs;       int nsubs;    size_t subs_cap;
    c_prizes *prizes;  int nprizes;
    c_tiebreak *tb;    int ntb;
    c_buckets *buckets; int nbuckets;
    double total_max;
    int precision;
    vb_index part_ix, group_ix, unit_ix, person_ix, sub_ix, member_ix;
    vb_arena *arena;   /* strings and small arrays of the big lists */
} c_model;

struct vb_contest {
    char *path;
    char *src;          /* the file's text in UTF-8 (source.c), for columns in messages */
    size_t src_len;
    bool converted;     /* src was converted from another encoding (source.c) */
    xmlChar *encoding;  /* then the name the trees get for it, or NULL */
    size_t *line_starts; /* built on first use */
    size_t nlines;
    xmlDocPtr doc;      /* after the streaming load, without the big lists (pruned) */
    bool pruned;
    bool schema_rejected; /* well-formed, but not valid: loaded for its messages only */
    xmlDocPtr full;     /* the whole tree when c->doc is pruned, built on demand */
    c_model m;
    bool have_model;
    struct vb_results *res; /* after vb_results_compute */
    bool res_written;   /* res is in the tree vb_contest_doc returns */
    bool xml_streamable; /* the load could format the XML output (xml_stream.c) */
    struct xml_stream *xml; /* that output, when it could */
    /* vb_contest_load_for_check on a well-formed file the schema rejects:
     * the elements it rejected (their problems are reported already). */
    node_set rejected;
    node_set foreign;   /* elements the schema does not have at their place */
};

void results_free(struct vb_results *r);

/* source.c: the file's bytes as UTF-8 text (false: a byte its encoding does
 * not have, reported); the options for parsing that text; the declared
 * encoding put back on a tree parsed from it. */
bool source_to_utf8(vb_contest *c, vb_diag *d);
int source_parse_options(const vb_contest *c);
void source_name_doc(const vb_contest *c, xmlDocPtr doc);

/* load.c: NFC and classic tone marks in an element's attributes and text. */
void normalize_element(xmlNodePtr n);

/* xml_stream.c: the XML output of `results`, formatted while loading (see
 * there). The load calls: _root when the root starts, _list when a list
 * starts, _entry when an entry of it ends, _list_end when it ends, _child
 * when another child of the root (or the root) ends. */
typedef struct xml_stream xml_stream;
xml_stream *xml_stream_new(void);
void xml_stream_free(xml_stream *x);
void xml_stream_root(xml_stream *x, xmlNodePtr root);
void xml_stream_list(xml_stream *x, xmlNodePtr list);
void xml_stream_entry(xml_stream *x, xmlNodePtr entry);
void xml_stream_list_end(xml_stream *x);
void xml_stream_child(xml_stream *x);
/* Writes the output: what was formatted, then the results; false on error. */
bool xml_stream_write(vb_contest *c, xml_stream *x, FILE *f);

/* model.c. While loading, each element of <units>, <people> and
 * <submissions> is added in document order (normalized, after validation);
 * model_finish then builds the small kinds from the tree and resolves every
 * reference. model_build does both from a whole tree. */
void model_init(c_model *m);
void model_add_unit(c_model *m, xmlNodePtr n);
void model_add_person(c_model *m, xmlNodePtr n);
void model_add_sub(c_model *m, xmlNodePtr n);
void model_finish(vb_contest *c);
void model_build(vb_contest *c);
/* After a schema error, a kind may have ids the model does not know: its
 * list is missing where a misspelled element stands, or is repeated or
 * misplaced (only the first is read), or holds a misspelled entry, or an
 * entry whose id is missing or was rejected. model_kind_lost says so for
 * the kind of `entry` elements in `list` (NULL: directly under the root);
 * model_mark_incomplete marks such kinds' indices, so that references to
 * them are not reported as unknown. */
bool model_kind_lost(const vb_contest *c, const char *list, const char *entry);
void model_mark_incomplete(vb_contest *c);
void model_free(c_model *m);
/* The text of a contest element as a reader sees it: all its text and CDATA
 * descendants, so that a comment or processing instruction inside a name
 * ("Đặng <!-- … -->Thanh Nam") does not cut it; each run of XML white space
 * (space, tab, line break) one space, none at the ends. In the model's
 * arena; "" when there is none. Every name and text of the model is read
 * with it (and the text attributes short, honorific, workplace collapsed
 * alike). */
const char *model_text(c_model *m, xmlNodePtr n);
/* The first text node only: for the embedded schema (contest.rng). */
const char *node_text(xmlNodePtr n);
const char *node_attr(xmlNodePtr n, const char *name);
xmlNodePtr child_elem(xmlNodePtr parent, const char *name);
xmlNodePtr next_elem(xmlNodePtr n);
xmlNodePtr first_elem(xmlNodePtr parent);

/* locate.c: where an element or attribute starts in the source (1-based). */
/* To be called by a loader right after it makes element n: keeps where its
 * start tag is (see locate.c). */
void remember_start(vb_contest *c, xmlParserCtxtPtr ctxt, xmlNodePtr n);
void locate_node(vb_contest *c, xmlNodePtr n, int *line, int *col);
void locate_attr(vb_contest *c, xmlNodePtr n, const char *attr, int *line, int *col);
void locate_pos(vb_contest *c, c_pos p, int *line, int *col);
void locate_pos_attr(vb_contest *c, c_pos p, const char *attr, int *line, int *col);
c_pos node_pos(xmlNodePtr n, const char *name);
/* Column of the last `needle` on `line` that starts before column `col`
 * (col <= 0: anywhere on the line); `col` itself when there is none. */
int locate_back(vb_contest *c, int line, int col, const char *needle);

/* Error at an element / at one of its attributes. */
void err_at(vb_contest *c, vb_diag *d, xmlNodePtr n, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
void err_attr(vb_contest *c, vb_diag *d, xmlNodePtr n, const char *attr, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
void warn_at(vb_contest *c, vb_diag *d, xmlNodePtr n, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* The same at an element of a big list. */
void err_pos(vb_contest *c, vb_diag *d, c_pos p, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
void err_pos_attr(vb_contest *c, vb_diag *d, c_pos p, const char *attr, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
void warn_pos(vb_contest *c, vb_diag *d, c_pos p, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Rounds to `precision` decimals as an integer count of units, so that
 * comparisons of totals never depend on binary floating point: decimal half
 * away from zero, the one rounding of every table, CSV and XML number
 * (vn_round_scaled), so that what is compared is what is printed. */
long long round_fixed(double v, int precision);

#endif
