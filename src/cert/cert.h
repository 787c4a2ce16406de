/* cert: the certificate frame (Giấy khen, Bằng khen). A certificate is not
 * flowing text but a fixed arrangement of lines, so this stage places them
 * itself and produces pages for src/pdf, as layout does for documents:
 *   - the page (A4 landscape by default, A3, or any size) and its border,
 *     drawn in vector once per document and shared by every page;
 *   - the lines of a Giấy khen in order (docs/giay-khen.md), each fitted
 *     inside the border: set smaller within limits, then wrapped, never cut;
 *   - printing onto pre-printed blanks: a scan under the text for preview,
 *     text only for printing, a printer's offset and scale corrected;
 *   - the calibration page that measures that offset.
 * Coordinates follow layout/page.h: PDF points, origin bottom-left. Offsets
 * given by people are millimetres from the top-left corner of the sheet. */
#ifndef VANBAN_CERT_H
#define VANBAN_CERT_H

#include "font/font.h"
#include "layout/page.h"
#include "util/util.h"

#include <stdbool.h>

typedef enum cert_border {
    CERT_BORDER_NONE,      /* khong: no border (the blank has one) */
    CERT_BORDER_DOUBLE,    /* doi: a thick outer rule and a thin inner one */
    CERT_BORDER_CORNERS,   /* goc: double rule, notched inner corners with ornaments */
    CERT_BORDER_GUILLOCHE, /* hoa-van: a band of interlaced waves, rosettes at the corners */
} cert_border;

/* Everything about a batch that is the same on every page. */
typedef struct cert_style {
    double page_w, page_h;   /* points */
    cert_border border;
    vb_color border_color;
    vb_color title_color;    /* the "GIẤY KHEN" line (red by default) */
    vb_color name_color;     /* the recipient line */
    const char *emblem;      /* PNG or JPEG shown at the top centre, or NULL */
    const char *background;  /* scan of a blank under everything, or NULL; never moved */
    bool text_only;          /* printing onto blanks: no border, emblem or background */
    /* Lines the blank already carries (bitmask of 1u << cert_line): left out
     * whenever a blank is used (background or text_only). */
    unsigned preprinted;
    double offset_x, offset_y; /* mm: what is printed moves right and down by this */
    double scale;              /* about the sheet's top-left corner; 1 = none */
} cert_style;

/* The lines of a certificate, top to bottom. */
typedef enum cert_line {
    CERT_QUOC_HIEU,  /* CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM */
    CERT_TIEU_NGU,   /* Độc lập - Tự do - Hạnh phúc, with its rule */
    CERT_THAM_QUYEN, /* CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH SÓC TRĂNG: the granting authority */
    CERT_TANG,       /* TẶNG */
    CERT_TEN_LOAI,   /* GIẤY KHEN */
    CERT_NGUOI_NHAN, /* Ông Đặng Thanh Nam / Sở Giáo dục và Đào tạo */
    CERT_DON_VI,     /* the person's unit */
    CERT_THANH_TICH, /* the achievement (paragraphs with emphasis) */
    CERT_QUYET_DINH, /* bottom left: Quyết định số …/QĐ-… ngày … */
    CERT_SO_VAO_SO,  /* bottom left: Số vào sổ: … */
    CERT_NGAY,       /* bottom right, italic: Sóc Trăng, ngày … */
    CERT_QUYEN_HAN,  /* bottom right: KT. CHỦ TỊCH */
    CERT_CHUC_VU,    /* bottom right: PHÓ CHỦ TỊCH */
    CERT_NGUOI_KY,   /* bottom right, after room for signature and seal */
    CERT_LINE_COUNT
} cert_line;

/* Front-matter key of each line ("quoc_hieu", "nguoi_nhan", …). */
const char *cert_line_key(cert_line l);
/* The line of a key, or -1. */
int cert_line_of_key(const char *key);

/* A piece of text in one style (FONT_REGULAR, FONT_BOLD, FONT_ITALIC, …). */
typedef struct cert_run {
    const char *text; /* NFC UTF-8; spaces separate words, U+00A0 does not */
    font_style style;
} cert_run;

typedef struct cert_par {
    const cert_run *runs;
    size_t n_runs;
} cert_par;

/* One certificate. NULL or "" leaves a line out. A "\n" in a plain line is a
 * forced break: each part starts a line of its own, and the line may take
 * one line more for each break before it is set smaller (blank parts are
 * left out). The achievement is `thanh_tich` (paragraphs with emphasis)
 * when there is one, else text[CERT_THANH_TICH] as plain text. */
typedef struct cert_fields {
    const char *text[CERT_LINE_COUNT];
    const cert_par *thanh_tich;
    size_t n_thanh_tich;
} cert_fields;

typedef struct cert_ctx cert_ctx;

/* A batch: the certificates handed out together, and often framed side by
 * side, so they share the heading's size and place (cert_batch.c). Each page
 * is first fitted on its own; cert_batch_settle then takes the most any page
 * needed and says whether some pages must be set again at it. */
typedef struct cert_batch cert_batch;

/* A batch of `n` certificates of style `st`, numbered 0 … n − 1 (their place
 * in `each:`). `source` (the template) starts its message; a certificate's
 * `where` that starts with it is shortened there. */
cert_batch *cert_batch_new(const cert_style *st, size_t n, const char *source);
void cert_batch_free(cert_batch *b);
/* Once every certificate has been fitted: the frame the batch shares. True
 * when some printed page was set otherwise (cert_batch_redo names them): set
 * those again (cert_set_page, or cert_add_page in a new document), then
 * settle again. */
bool cert_batch_settle(cert_batch *b);
bool cert_batch_redo(const cert_batch *b, size_t item);
/* After the last settle: one warning when the batch had to be set smaller
 * than designed, naming the certificates that made it so. */
void cert_batch_report(const cert_batch *b, vb_diag *d);

/* Starts a document of the batch `batch`: pages go into `doc` (its arena
 * holds every string); the border layer is built here once. Fonts come from
 * `fonts` (serif role). */
cert_ctx *cert_begin(const cert_style *st, font_set *fonts, page_doc *doc, cert_batch *batch,
                     vb_diag *d);
/* Sets certificate `item` of the batch as a new page. `where` names it in
 * messages (e.g. "giay-khen.md: giấy khen 3/24 (Đặng Thanh Nam)"). A line
 * that does not fit within its size limits is set smaller still with a
 * warning; false (after reporting) only when it cannot be set at all (a glyph
 * missing from the font). */
bool cert_add_page(cert_ctx *c, const cert_fields *f, size_t item, const char *where);
/* Sets it again in place of page `page` (0-based) of the document, at the
 * batch's settled frame. `page` must be one the document has: another is
 * the caller's fault, reported as an internal error (exit 3) with false. */
bool cert_set_page(cert_ctx *c, size_t page, const cert_fields *f, size_t item,
                   const char *where);
/* Fits certificate `item` for the batch's sizing without setting a page or
 * saying anything: one that --only leaves out is still of the batch. */
void cert_measure(cert_ctx *c, const cert_fields *f, size_t item, const char *where);
void cert_end(cert_ctx *c);

/* The calibration page for printing onto blanks: millimetre rulers along the
 * top and left edges, crosses at known distances from the edges, and how to
 * turn what is measured into --offset and --scale. Drawn with the given
 * correction applied, so a corrected printer prints it true. */
bool cert_calibrate_page(page_doc *doc, font_set *fonts, double page_w, double page_h,
                         double offset_x, double offset_y, double scale, vb_diag *d);

/* ---- settings as people write them ------------------------------------- */
/* "A4", "A3", "A5" (landscape: the long side across) or "WxH" in mm
 * ("297x210", "400x300"); false if not understood. */
bool cert_paper_parse(const char *s, double *w_pt, double *h_pt);
/* "doi", "goc", "hoa-van", "khong" (also "double", "corners", "guilloche", "none"). */
bool cert_border_parse(const char *s, cert_border *out);
/* "#C00000", "C00000", or a name: do, den, xanh, xanh-la, vang, nau. */
bool cert_color_parse(const char *s, vb_color *out);
/* "X,Y" in mm, with a dot or (Vietnamese) a comma as the decimal mark when the
 * separator is a semicolon: "2.5,-1" or "2,5;-1". */
bool cert_offset_parse(const char *s, double *x, double *y);
/* The defaults: A4 landscape, guilloche border in dark red, a red title,
 * recipient in dark blue, no emblem or background, no offset, scale 1. */
void cert_style_default(cert_style *st);

#endif
