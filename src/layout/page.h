/* The layout stage's output: pages of positioned items, in PDF points with the
 * origin at the bottom-left corner (as in PDF). The PDF stage only draws what
 * is here; it makes no layout decisions. */
#ifndef VANBAN_PAGE_H
#define VANBAN_PAGE_H

#include "font/font.h"
#include "util/util.h"

typedef struct vb_color {
    double r, g, b; /* 0..1 */
} vb_color;

typedef enum page_item_kind {
    ITEM_TEXT,  /* one run of text in one face on one baseline */
    ITEM_LINE,  /* a straight stroked line */
    ITEM_RECT,  /* a rectangle, stroked and/or filled */
    ITEM_IMAGE, /* a PNG or JPEG file scaled into a box */
    ITEM_LINK,  /* a clickable area with a URI */
    ITEM_PATH,  /* straight and Bézier segments, stroked and/or filled (ornaments) */
    ITEM_LAYER, /* a drawing of page_doc.layers that many pages share, written once */
} page_item_kind;

/* One segment of an ITEM_PATH, relative to the item's origin. */
typedef enum path_op_kind { PATH_MOVE, PATH_LINE, PATH_CURVE, PATH_CLOSE } path_op_kind;
typedef struct path_op {
    path_op_kind op;
    /* MOVE, LINE: the point is (x[0], y[0]); CURVE: control points 0 and 1, end point 2 */
    double x[3], y[3];
} path_op;

typedef struct page_item {
    page_item_kind kind;
    vb_color color;
    union {
        struct {
            font_face *face;
            double size;
            double x, y;        /* start of the baseline */
            const char *utf8;   /* NFC UTF-8, may contain U+0020 spaces */
            /* Extra width added after every U+0020 of this run (justification),
             * in points. The PDF stage writes it as a TJ adjustment after each
             * space glyph, keeping the space so text extraction has it. */
            double space_extra;
            /* Extra width after every glyph, spaces included (letter
             * spacing of a line that could not be set otherwise), in
             * points; the PDF stage writes it as the character spacing Tc. */
            double char_extra;
            double rise;        /* baseline shift (superscripts), points */
        } text;
        struct {
            double x1, y1, x2, y2, width;
        } line;
        struct {
            double x, y, w, h, width; /* width 0: no stroke */
            bool fill;
        } rect;
        struct {
            const char *path;
            double x, y, w, h;
        } image;
        struct {
            double x, y, w, h;
            const char *uri;
        } link;
        struct {
            double x, y;        /* origin the ops are relative to */
            const path_op *ops;
            size_t n_ops;
            double width;       /* stroke width; 0: not stroked */
            bool fill;          /* filled (nonzero winding), in the item's colour */
        } path;
        struct {
            size_t index;       /* into page_doc.layers */
        } layer;
    } u;
} page_item;

typedef struct vb_page {
    double width, height; /* points; landscape pages have width > height */
    bool section_start;   /* page numbering restarts here (an appendix, Decree 30 §1) */
    page_item *items;
    size_t n_items, cap_items;
} vb_page;

typedef struct outline_entry {
    const char *title; /* UTF-8 */
    int level;         /* 1 = top */
    size_t page;       /* 0-based page index */
    double y;          /* top of the heading on that page */
} outline_entry;

typedef struct page_doc_info {
    const char *title, *author, *subject, *keywords, *creator;
    const char *lang; /* BCP 47, "vi" */
} page_doc_info;

/* A laid-out document; everything it points to lives in `arena`. */
typedef struct page_doc {
    vb_arena *arena;
    vb_page *pages;
    size_t n_pages, cap_pages;
    outline_entry *outline;
    size_t n_outline, cap_outline;
    page_doc_info info;
    vb_arena **more;     /* arenas of documents appended to this one */
    size_t n_more, cap_more;
    /* Drawings that many pages share (a certificate's border): lines,
     * rectangles and paths only, no text or images. The PDF holds each once,
     * as a content stream every page that shows it refers to. */
    vb_page *layers;
    size_t n_layers, cap_layers;
} page_doc;

page_doc *page_doc_new(void);
/* Moves the pages, bookmarks and strings of `src` to the end of `dst` (a
 * document sent with another, "kèm theo"): its first page starts a new page
 * numbering. `src` is freed. */
void page_doc_append(page_doc *dst, page_doc *src);
void page_doc_free(page_doc *pd);
vb_page *page_doc_add_page(page_doc *pd, double width, double height);
/* Appends an item to a page; strings in it must already live in pd->arena. */
page_item *page_add_item(vb_page *pg, page_item_kind kind);
/* A new, empty layer (its items are added with page_add_item); returns its index. */
size_t page_doc_add_layer(page_doc *pd);

#endif
