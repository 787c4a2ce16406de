/* font: finding fonts by family (fontconfig), measuring text (HarfBuzz), and
 * subsetting a face to the glyphs a document uses (hb-subset).
 *
 * Layout needs widths before the PDF exists, and the PDF stage needs the
 * subset fonts after layout, so fonts are a helper both stages use (like src/vn)
 * rather than part of either.
 *
 * Widths are integers in 1/1000 em, truncated exactly as libharu truncates
 * them when it writes /W, so that measured width == rendered width. */
#ifndef VANBAN_FONT_H
#define VANBAN_FONT_H

#include "util/util.h"

#include <stdbool.h>
#include <stdint.h>

typedef enum font_role { FONT_ROLE_SERIF = 0, FONT_ROLE_MONO = 1, FONT_ROLE_COUNT } font_role;

typedef enum font_style {
    FONT_REGULAR = 0,
    FONT_BOLD = 1,
    FONT_ITALIC = 2,
    FONT_BOLD_ITALIC = 3, /* == FONT_BOLD | FONT_ITALIC */
    FONT_STYLE_COUNT
} font_style;

typedef struct font_face font_face;
typedef struct font_set font_set;

/* Families per role. NULL fields take the defaults of fonts/vanban-fonts.conf
 * (serif: Liberation Serif, mono: Liberation Mono). */
typedef struct font_config {
    const char *family[FONT_ROLE_COUNT];
} font_config;

/* Reads "role = Family" lines (comments with #) from a configuration file into
 * cfg; strings are owned by the set created from it. Returns false and reports
 * on a syntax error (file:line). */
bool font_config_load(font_config *cfg, vb_arena *strings, const char *path, vb_diag *d);

/* Creates a set; faces are resolved and loaded lazily on first use. */
font_set *font_set_new(const font_config *cfg);
void font_set_free(font_set *fs);

/* The face for a role and style, loaded on first request. On failure (the
 * family is not installed, the file is unreadable or not TrueType) reports an
 * error naming the family and the Debian package that provides it, and
 * returns NULL (reported once: later requests for the same role and style
 * return NULL silently). fontconfig must match the family exactly: a silent
 * fallback to another family would change every line break. */
font_face *font_set_face(font_set *fs, font_role role, font_style style, vb_diag *d);

/* Faces loaded so far (for the PDF stage to embed exactly those). */
size_t font_set_count(const font_set *fs);
font_face *font_set_at(const font_set *fs, size_t i);

const char *font_face_path(const font_face *f);       /* file on disk */
const char *font_face_family(const font_face *f);     /* e.g. "Liberation Serif" */
const char *font_face_postscript(const font_face *f); /* e.g. "LiberationSerif-Bold" */
font_style font_face_style(const font_face *f);
/* "Regular", "Bold", "Italic" or "Bold Italic" (as fontconfig and messages name them). */
const char *font_style_name(font_style s);

/* Vertical metrics in 1/1000 em (hhea/OS2 as libharu reads them): ascent > 0, descent < 0. */
int font_face_ascent(const font_face *f);
int font_face_descent(const font_face *f);
int font_face_cap_height(const font_face *f);
int font_face_x_height(const font_face *f);

/* Advance of one code point in 1/1000 em, or -1 if the face has no glyph for it. */
int font_face_advance(const font_face *f, uint32_t cp);
bool font_face_has(const font_face *f, uint32_t cp);

/* Width of NFC UTF-8 text at `size` points: the sum of the advances * size / 1000.
 * Invalid UTF-8 or a missing glyph counts as 0 (validate first with font_face_check). */
double font_text_width(const font_face *f, const char *utf8, size_t len, double size);

/* Finds the first code point of the text that the face lacks; returns true if
 * all are present, otherwise false with *missing set. */
bool font_face_check(const font_face *f, const char *utf8, size_t len, uint32_t *missing);

/* Puts in `out` (replacing what it held) a TrueType subset of the face keeping
 * exactly the given code points (plus .notdef), with the tables a PDF does
 * not need and the hinting dropped. The result must be loadable by libharu
 * 2.3.0's TrueType loader. Reports and returns false on failure. */
bool font_face_subset(const font_face *f, const uint32_t *cps, size_t n, vb_buf *out,
                      vb_diag *d);

#endif
