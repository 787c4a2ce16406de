/* The contest model as C structs, built once from the validated tree. Strings
 * point into the xmlDoc (attribute values, text nodes) and live as long as it;
 * arrays are owned by the model. Indices (int) replace id references; -1 means
 * none. Internal to src/data/. */
#ifndef VANBAN_DATA_MODEL_H
#define VANBAN_DATA_MODEL_H

#include "data.h"

#include <libxml/tree.h>
#include <stdbool.h>

/* ---- string → index map (open addressing; ids are unique per kind) ------ */
typedef struct vb_index {
    const char **keys;
    int *vals;
    size_t cap, n;
} vb_index;

void vb_index_init(vb_index *ix, size_t expected);
void vb_index_free(vb_index *ix);
/* Returns the existing value if key is present (and does not replace it). */
int vb_index_put(vb_index *ix, const char *key, int val);
int vb_index_get(const vb_index *ix, const char *key);

/* ---- model ---------------------------------------------------------------- */
enum agg { AGG_MEAN, AGG_MAX, AGG_SUM };
enum judges { JUDGES_MEAN, JUDGES_MEDIAN, JUDGES_TRIMMED, JUDGES_SUM };
enum prize_by { BY_TOTAL, BY_SCORE, BY_VOTES, BY_DECISION };
enum tiebreak_by { TB_PART, TB_COUNT, TB_RATE };

typedef struct c_part {
    const char *id, *name;
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

typedef struct c_unit {
    const char *id, *name, *short_name;
    int group;
    int participates; /* -1 not said, 0 no, 1 yes */
    bool registered;  /* has a <registration> (emulation movements) */
    xmlNodePtr node;
} c_unit;

typedef struct c_person {
    const char *id, *name, *honorific, *workplace;
    int unit;
    xmlNodePtr node;
} c_person;

typedef struct c_judge_score {
    const char *judge;
    double value;
    xmlNodePtr node;
} c_judge_score;

typedef struct c_sub {
    const char *id, *title, *date;
    int unit, part, author;
    double score;          /* NAN when not scored (or per-judge, see below) */
    double rate;           /* NAN when none */
    long votes;            /* -1 when none */
    bool valid;
    int nproc;
    const char **procs;    /* procedure texts */
    c_judge_score *js;
    int njs;
    xmlNodePtr node;
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
    c_unit *units;     int nunits;
    c_person *people;  int npeople;
    c_sub *subs;       int nsubs;
    c_prizes *prizes;  int nprizes;
    c_tiebreak *tb;    int ntb;
    c_buckets *buckets; int nbuckets;
    double total_max;
    int precision;
    vb_index part_ix, group_ix, unit_ix, person_ix, sub_ix, member_ix;
} c_model;

struct vb_contest {
    char *path;
    char *src;          /* the file's bytes, for columns in messages */
    size_t src_len;
    size_t *line_starts; /* built on first use */
    size_t nlines;
    xmlDocPtr doc;
    c_model m;
    bool have_model;
    struct vb_results *res; /* after vb_results_compute */
};

void results_free(struct vb_results *r);

/* model.c */
void model_build(vb_contest *c, vb_diag *d);
void model_free(c_model *m);
const char *node_text(xmlNodePtr n);
const char *node_attr(xmlNodePtr n, const char *name);
xmlNodePtr child_elem(xmlNodePtr parent, const char *name);
xmlNodePtr next_elem(xmlNodePtr n);
xmlNodePtr first_elem(xmlNodePtr parent);

/* locate.c: where an element or attribute starts in the source (1-based). */
void locate_node(vb_contest *c, xmlNodePtr n, int *line, int *col);
void locate_attr(vb_contest *c, xmlNodePtr n, const char *attr, int *line, int *col);
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

/* Rounds to `precision` decimals as an integer count of units, so that
 * comparisons of totals never depend on binary floating point. */
long long round_fixed(double v, int precision);

#endif
