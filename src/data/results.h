/* The results engine's own structures: computed from the model, then written
 * into the tree (results_write.c) and formatted (results_format.c).
 * Internal to src/data/. */
#ifndef VANBAN_DATA_RESULTS_H
#define VANBAN_DATA_RESULTS_H

#include "model.h"

/* One unit in one part. */
typedef struct r_cell {
    int subs, valid, scored;
    int distinct;          /* distinct procedures among valid submissions */
    bool combined;         /* a submission covers more than one procedure */
    bool entered;          /* has at least one submission */
    bool unscored;         /* a valid submission has no score */
    double points;         /* NAN when not computable */
    double percent;
    double rate;           /* mean rate, NAN when none */
} r_cell;

typedef struct r_unit {
    bool participated, full, counted_any;
    double total;          /* NAN when not computable */
    long long total_fx;    /* total rounded to the rules' precision */
    bool eligible;
    int rank;              /* 0: not ranked */
    bool tie;              /* shares its rank after every tie-break */
    int nreasons;
    char **reasons;        /* why not eligible, in Vietnamese */
    const char **reason_parts; /* part id of each reason, or NULL */
} r_unit;

/* One awarded (or contested) slot of a prize set. */
typedef struct r_award {
    int prizes, level_ix;  /* indices into the model */
    int unit, sub, person; /* -1 when none */
    double score;          /* total, submission score or votes */
    int rank;
} r_award;

enum gap_reason { GAP_TOO_FEW, GAP_TIE, GAP_PENDING };
typedef struct r_gap {     /* prizes left unawarded */
    int prizes, level_ix, count;
    enum gap_reason why;   /* too few qualify, a tie at the boundary, or not decided yet */
} r_gap;

typedef struct r_tie {     /* a tie that decides a prize and was not broken */
    int prizes, rank;
    int *members;          /* units or submissions */
    int n;
    bool subs;
} r_tie;

typedef struct vb_results {
    int nunits, nparts;
    r_unit *u;
    r_cell *cells;         /* nunits * nparts */
    int *order;            /* ranked eligible units first, then the rest */
    r_award *awards; int nawards; size_t awards_cap;
    r_gap *gaps; int ngaps; size_t gaps_cap;
    r_tie *ties; int nties; size_t ties_cap;
    double *sub_score;     /* effective score per submission, NAN when none */
} vb_results;

static inline r_cell *cell(vb_results *r, int u, int p) { return &r->cells[(size_t)u * (size_t)r->nparts + (size_t)p]; }

/* results.c */
bool part_counted(const c_model *m, int unit, int part);
/* results_prizes.c */
void results_rank(vb_contest *c, vb_results *r, vb_diag *d);
void results_prizes(vb_contest *c, vb_results *r, vb_diag *d);
/* results_write.c */
void results_write(vb_contest *c, vb_results *r);
/* results_fmt.c: numbers as plain decimals for XML and CSV ("83.64"). */
void fmt_plain(vb_buf *b, double v, int decimals);
/* Sentences and text tables use vn_format_number ("83,64") and
 * vn_display_width from vn/vn.h. */

#endif
