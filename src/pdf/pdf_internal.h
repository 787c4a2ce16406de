/* Private to src/pdf: the state of one pdf_write call, shared by its parts
 * (fonts, text, drawing, metadata). */
#ifndef VANBAN_PDF_INTERNAL_H
#define VANBAN_PDF_INTERNAL_H

#include "pdf.h"

#include <hpdf.h>

/* One embedded font file: faces that share a file share the embedding. */
typedef struct pdf_font {
    const font_face *face;
    uint8_t *used;       /* 65536-bit set of the BMP code points the document shows */
    uint32_t max_cp;
    HPDF_Font font;
} pdf_font;

typedef struct pdf_image {
    const char *path;
    HPDF_Image image;
} pdf_image;

typedef struct pdf_ctx {
    HPDF_Doc pdf;
    vb_diag *d;
    /* libharu reports through a callback; errors are sticky (notes §11), so
     * the first one is kept and the writer stops at the next check. */
    HPDF_STATUS error, detail;
    bool reading_output; /* the end of the output stream is not an error */
    pdf_font *fonts;
    size_t n_fonts, cap_fonts;
    pdf_image *images;
    size_t n_images, cap_images;
    HPDF_Page *pages;
    const page_doc *doc;
    HPDF_Dict *layer_streams; /* per page_doc layer, created on first use */
    struct pdf_layer_font {    /* the font names a layer's shared stream uses */
        HPDF_Font font;
        char name[16];
    } **layer_fonts;
    size_t *n_layer_fonts;
    vb_buf scratch;
} pdf_ctx;

/* libharu out of memory ends the process as vb_xmalloc does
 * (vb_out_of_memory): libharu says it with one code,
 * HPDF_FAILD_TO_ALLOC_MEM, from its allocator (HPDF_GetMem) and its PNG
 * reader, and vanban sets it when a write to one of libharu's memory
 * streams fails, which is all such a write can fail for. Any other code
 * is the caller's to word. */
void pdf_check_memory(HPDF_STATUS code);
/* Reports the pending libharu error, if any, with what was being done. */
bool pdf_ok(pdf_ctx *c, const char *doing);

/* pdf_fonts.c: the fonts a document uses, subset and loaded into libharu. */
bool pdf_fonts_collect(pdf_ctx *c, const page_doc *doc);
bool pdf_fonts_load(pdf_ctx *c);
pdf_font *pdf_font_of(pdf_ctx *c, const font_face *face);
void pdf_fonts_free(pdf_ctx *c);

/* pdf_text.c / pdf_draw.c: page content. */
void pdf_put_real(vb_buf *b, double v);
/* Appends "[(codes) adj (codes)] TJ\n" for a run (see pdf_text.c). */
void pdf_tj(vb_buf *b, const char *s, double extra, double size);
/* A text item's TJ, inside the character spacing (Tc) of a letter-spaced
 * line when it has one, set back to 0 after it. */
void pdf_text_run(vb_buf *b, const page_item *it);
/* Writes one ITEM_TEXT as a raw Tm and TJ; BT, font and colour are already set. */
bool pdf_text_emit(pdf_ctx *c, HPDF_Page page, const page_item *it);
bool pdf_draw_page(pdf_ctx *c, HPDF_Page page, const vb_page *pg);
bool pdf_images_check(pdf_ctx *c, const page_doc *doc);

/* pdf_path.c: vector items as raw operators, and shared layers. */
bool pdf_path_emit(pdf_ctx *c, HPDF_Page page, const page_item *it);
/* Checks that layers hold only text and vector items and that pages refer to
 * existing ones; allocates c->layer_streams. */
bool pdf_layers_check(pdf_ctx *c, const page_doc *doc);
void pdf_layers_free(pdf_ctx *c, const page_doc *doc);
/* Shows layer `index` on the page; `first`: nothing has been drawn on it yet. */
bool pdf_layer_insert(pdf_ctx *c, HPDF_Page page, size_t index, bool first);

/* pdf_meta.c: Info, dates, /Lang, outline. */
bool pdf_meta_write(pdf_ctx *c, const page_doc *doc, const pdf_options *opt);

#endif
