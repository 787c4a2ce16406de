/* Private to src/cert: fitted text blocks and the drawing helpers the
 * border, page and calibration code share. */
#ifndef VANBAN_CERT_INTERNAL_H
#define VANBAN_CERT_INTERNAL_H

#include "cert.h"

#define CERT_MM(mm) ((mm) * 72.0 / 25.4)

/* ---- text (cert_text.c) ------------------------------------------------- */

/* How a line may be fitted: set at `size`, smaller down to `min_size` to stay
 * within `pref_lines`, then wrapped up to `max_lines`; below min_size only as
 * a last resort (reported). */
typedef struct ct_spec {
    double size, min_size;
    int pref_lines, max_lines;
    double width;   /* points available for each line */
    double leading; /* baseline distance as a multiple of the size */
} ct_spec;

typedef struct ct_piece {
    const char *text; /* in the document arena; may contain spaces */
    font_face *face;
    double x;         /* from the line's start */
} ct_piece;

typedef struct ct_line {
    size_t first, n;  /* pieces */
    double width;
} ct_line;

/* A fitted block of lines, all in one size. */
typedef struct ct_block {
    double size, leading;      /* leading in points */
    double ascent, descent;    /* points (descent > 0), of the faces used */
    ct_piece *pieces;
    size_t n_pieces, cap_pieces;
    ct_line *lines;
    size_t n_lines, cap_lines;
    bool below_min;            /* had to go below min_size */
    bool over_lines;           /* had to exceed max_lines as well */
    bool too_wide;             /* a word wider than the line even at the floor */
} ct_block;

/* The fonts of one batch, by style, resolved once. */
typedef struct ct_fonts {
    font_face *face[FONT_STYLE_COUNT];
} ct_fonts;

bool ct_fonts_get(ct_fonts *f, font_set *fs, vb_diag *d);

/* Checks that every character of the paragraphs is in its face; reports the
 * first missing one (naming `where`) and returns false. */
bool ct_check(const ct_fonts *f, const cert_par *pars, size_t n, const char *where, vb_diag *d);

/* Fits paragraphs (each starts a new line) to the spec; strings are copied
 * into `a`. Free the block with ct_block_free. */
void ct_fit(const ct_fonts *f, const cert_par *pars, size_t n, const ct_spec *spec, vb_arena *a,
            ct_block *out);
void ct_block_free(ct_block *b);
/* Height from the top of the first line to the bottom of the last. */
double ct_block_height(const ct_block *b);

typedef enum ct_align { CT_LEFT, CT_CENTER } ct_align;
/* Adds the block's text items to the page: the first line's top at `top`,
 * each line centred on x (CT_CENTER) or starting at x (CT_LEFT). */
void ct_emit(const ct_block *b, vb_page *pg, double x, double top, ct_align align, vb_color col);

/* One plain string as paragraphs in one style: each "\n" is a forced
 * break; blank lines are left out. */
size_t ct_plain(const char *s, font_style style, vb_arena *a, cert_par **out);

/* ---- one heading for a batch (cert_batch.c) ----------------------------- */

/* How far a page is shrunk in what its batch shares (cert_batch.c): the
 * whole page, heading included, at 1 − CT_STEP × shrink of its design
 * sizes, and `sign` mm between the signer's title and name, which sets
 * where the date and the title stand. Whole steps, so that two pages'
 * frames compare exactly. */
typedef struct ct_frame {
    int shrink;
    int sign;
} ct_frame;

#define CT_STEP 0.02     /* one step of the fitting, of the whole page or the middle */
#define CT_SHRINK_MAX 25 /* the whole page at 50 %: no further */
#define CT_MID_FLOOR 15  /* steps the middle shrinks alone first: to 70 % (17 pt at 12 pt) */
#define CT_SIGN_SPACE 30 /* mm between the title and the signer's name: a seal */
#define CT_SIGN_MIN 24   /* … which then narrows to this before the whole page shrinks */

static inline bool ct_frame_eq(ct_frame a, ct_frame b)
{
    return a.shrink == b.shrink && a.sign == b.sign;
}

/* The frame a page of the batch is fitted from: the design sizes until the
 * batch is settled, then the batch's. */
ct_frame ct_batch_start(const cert_batch *b);
bool ct_batch_settled(const cert_batch *b);
/* Whether `item` has been fitted before: a page set again says nothing twice. */
bool ct_batch_seen(const cert_batch *b, size_t item);
/* A page fitted at `got` (printed, or only measured for --only); `why` and
 * `why_lines` name its longest line, for the warning. */
void ct_batch_record(cert_batch *b, size_t item, ct_frame got, bool printed, const char *where,
                     cert_line why, size_t why_lines);
/* A blank whose heading is pre-printed: the heading cannot shrink with the
 * batch. */
bool ct_heading_preprinted(const cert_style *st);

/* ---- drawing (cert_draw.c) ---------------------------------------------- */

typedef struct path_buf {
    path_op *ops;
    size_t n, cap;
} path_buf;

void pb_move(path_buf *p, double x, double y);
void pb_line(path_buf *p, double x, double y);
void pb_curve(path_buf *p, double x1, double y1, double x2, double y2, double x3, double y3);
void pb_close(path_buf *p);
/* A full ellipse (4 Bézier arcs) centred at (cx, cy), rotated by `angle` radians. */
void pb_ellipse(path_buf *p, double cx, double cy, double rx, double ry, double angle);
/* Copies the ops into the arena and adds a path item to `pg`; resets p. */
page_item *pb_emit(path_buf *p, vb_page *pg, vb_arena *a, vb_color col, double width, bool fill);
void pb_free(path_buf *p);

page_item *draw_line(vb_page *pg, double x1, double y1, double x2, double y2, double w,
                     vb_color col);
page_item *draw_rect(vb_page *pg, double x, double y, double w, double h, double lw,
                     vb_color col, bool fill);

/* The border of a page w × h (scale factor k against A4 landscape) into `layer`. */
void cert_border_draw(vb_page *layer, vb_arena *a, cert_border kind, vb_color col, double w,
                      double h, double k);
/* Inset of the area text may use, from each edge of the sheet, in points. */
double cert_content_inset(double k);

/* Moves and scales items [from, pg->n_items) as a printer correction: a
 * point (x mm from the left, y mm from the top) goes to (x*scale + ox,
 * y*scale + oy). Path ops are copied into `a` when scaled. */
void cert_transform(vb_page *pg, size_t from, double page_h, double ox_mm, double oy_mm,
                    double scale, vb_arena *a);

#endif
