/* Private to src/font: the face record shared by lookup, metrics and subsetting. */
#ifndef VANBAN_FONT_INTERNAL_H
#define VANBAN_FONT_INTERNAL_H

#include "font.h"

#include <hb-ot.h>
#include <hb.h>

struct font_face {
    char *path;
    unsigned index; /* face index inside a collection file */
    char *family;
    char *postscript;
    font_style style;
    hb_blob_t *blob;
    hb_face_t *hb_face;
    hb_font_t *hb_font; /* scaled to units per em, so advances are in font units */
    unsigned upem;
    int ascent, descent, cap_height, x_height;
    /* Advances of the code points below FONT_ADV_CACHE (Latin, Vietnamese,
     * punctuation), looked up in HarfBuzz once: FONT_ADV_UNKNOWN until then,
     * -1 for a missing glyph. A certificate batch measures the same few
     * dozen letters thousands of times. */
    int16_t *adv;
};
#define FONT_ADV_CACHE 0x2200
#define FONT_ADV_UNKNOWN INT16_MIN

/* Loads a face from a TrueType file; reports and returns NULL on failure. */
font_face *font_face_load(const char *path, unsigned index, const char *family,
                          font_style style, vb_diag *d);
void font_face_free(font_face *f);

#endif
