/* Shared between the files of the layout stage; not part of its interface. */
#ifndef VANBAN_LAYOUT_INTERNAL_H
#define VANBAN_LAYOUT_INTERNAL_H

#include "layout.h"
#include "linebreak.h"

typedef enum text_align { ALIGN_JUSTIFY, ALIGN_LEFT, ALIGN_CENTER, ALIGN_RIGHT } text_align;

/* Where a box's content starts in the source, so that what is left of a
 * footnote can be set again at another width (a note going on from a
 * portrait page to a turned one, paginate.c): its unit, counted in the
 * order the note is laid out (a paragraph, a table, a code block, or any
 * other single box: a space, a rule, an image), and the place in it that
 * does not depend on the width: a paragraph's item, as built before line
 * breaking, and byte in it (a long word is broken inside); a table's row
 * and slice; a code block's line and byte. Set in note flows only. */
typedef struct box_anchor {
    size_t unit; /* 1, 2, … */
    size_t a, b;
} box_anchor;

/* Is anchor x before anchor y? */
static inline bool anchor_before(box_anchor x, box_anchor y)
{
    if (x.unit != y.unit)
        return x.unit < y.unit;
    return x.a != y.a ? x.a < y.a : x.b < y.b;
}

/* A piece of vertical material: one line of a paragraph, a table row, an
 * image, a rule, or vertical space. Item coordinates are absolute in x and
 * relative to the box's top in y (negative downwards); pagination translates
 * them onto the page. */
typedef struct vbox {
    double height;
    page_item *items;
    size_t n_items, cap_items;
    bool break_ok;       /* may a page break fall just before this box? */
    bool soft_keep;      /* !break_ok only by preference (a short table's rows
                            kept together): given up when keeping them would
                            leave too much of the page blank (paginate.c) */
    bool space;          /* vertical space: discarded at the top of a page */
    bool force_break;    /* start a new page before this box */
    bool section_start;  /* ... and number pages from 1 again from there */
    bool landscape;      /* on a landscape page (huong or a directive) */
    int *footnotes;      /* footnote numbers cited on this line */
    size_t n_footnotes, cap_footnotes;
    int table_id;        /* > 0: a row of that table */
    bool table_header;   /* a header row, repeated on continuation pages */
    const char *outline_title; /* a heading's first line: bookmark it */
    int outline_level;
    box_anchor at;       /* a footnote's box: where it starts in the note */
} vbox;

typedef struct flow {
    vbox *v;
    size_t n, cap;
} flow;

/* Distinct missing characters named before one closing line. */
#define LAY_MISSING_TOLD 5

typedef struct lay_ctx {
    const frame_spec *fr;
    font_set *fonts;
    vb_diag *d;
    const md_doc *doc;
    char *base_dir;     /* directory of the source, for relative image paths */
    page_doc *out;      /* its arena owns every string placed on a page */
    flow main;
    flow *notes;        /* notes[k-1]: the boxes of footnote k */
    size_t n_notes;
    bool keep_next;     /* the next box must stay with the previous one (after a heading) */
    int next_table_id;
    bool landscape;     /* boxes being made go on landscape pages; starts as
                           the document's orientation (huong) */
    bool break_next;    /* the next box starts a new page (a directive) */
    bool closing_done;  /* official: Nơi nhận and signature set (before appendices) */
    bool seen_heading;  /* a heading of the text has been set (Căn cứ lines come before) */
    int last_heading;   /* level of the block before, if a heading; else 0 */
    bool failed;
    /* A footnote being set (layout_note): boxes added to `anchored` get
     * anchors, `unit` counting the units begun; when `resuming`, the unit
     * `resume.unit` starts at `resume` (its earlier lines are left out,
     * and so are earlier units: only counted, flow_skip_unit, or made
     * and dropped by layout_note). */
    flow *anchored;
    size_t unit;
    bool resuming;
    box_anchor resume;
    /* characters reported missing from a face (lay_missing_glyph) */
    struct { const font_face *face; uint32_t cp; } missing[LAY_MISSING_TOLD];
    size_t n_missing;
    bool missing_more_told;
} lay_ctx;

typedef struct para_style {
    double size;
    double line_height;   /* baseline to baseline */
    unsigned style;       /* md_style bits applied to all the text */
    text_align align;
    double x;             /* left edge of the lines */
    double width;         /* line width */
    double first_indent;  /* extra indent of the first line (may be 0) */
    const char *marker;   /* list marker or footnote number, or NULL */
    unsigned marker_style;
    bool marker_super;    /* draw the marker as a superscript (footnotes) */
    bool marker_hanging;  /* marker in the space left of x (hanging lists) */
    double marker_gap;    /* hanging: the marker starts this far left of x */
    bool balance;         /* centred: even lines, as a headline (paragraph.c) */
    bool lone_last_word;  /* never one word alone on the last line (headings) */
    bool keep_words;      /* break inside a listed two-syllable word only at a cost */
    vb_color color;
} para_style;

/* The text column of the current orientation: left edge and width. */
void lay_text_column(const lay_ctx *cx, double *x, double *width);

/* flow.c */
vbox *flow_add(lay_ctx *cx, flow *f, double height);
void flow_add_space(lay_ctx *cx, flow *f, double height);
/* In a footnote set again from an anchor (layout_note), does the unit
 * about to begin in f come before the anchor's? Its boxes would only be
 * left out: it is counted, and its maker (a paragraph, a table, a code
 * block) makes none of them. */
bool flow_skip_unit(lay_ctx *cx, const flow *f);
page_item *vbox_add_item(vbox *b, page_item_kind kind);
/* Frees what box b owns (its items and footnote numbers), not b. */
void vbox_free(vbox *b);
void flow_free(flow *f);
/* May a page end before box j? Space vanishes at the top of a page, so a
 * break before a space is a break before the next real box, and only as
 * allowed as that one: the space after the last paragraph must not let the
 * signature block (kept with that paragraph) start a page alone. */
bool flow_break_allowed(const flow *f, size_t j);

/* fonts.c */
font_face *lay_face(lay_ctx *cx, unsigned md_style_bits);
/* Reports that `face` lacks the character cp (at the source line): once per
 * character and face, and after LAY_MISSING_TOLD of them one line for the
 * rest. Sets cx->failed. */
void lay_missing_glyph(lay_ctx *cx, const font_face *face, uint32_t cp, int line);
double lay_ascent(lay_ctx *cx, double size);

/* paragraph.c: breaks inlines into lines and appends one box per line. */
void para_layout(lay_ctx *cx, flow *f, const md_inline *inl, size_t n, const para_style *ps,
                 int src_line);
/* Minimum (longest word) and maximum (unbroken) widths of inlines. */
void para_measure(lay_ctx *cx, const md_inline *inl, size_t n, double size, unsigned style,
                  int src_line, double *minw, double *maxw);

/* blocks.c */
void blocks_layout(lay_ctx *cx, flow *f, const md_block *b, size_t n, double x, double width,
                   int depth, double size, bool in_note);

/* table.c */
void table_layout(lay_ctx *cx, flow *f, const md_block *t, double x, double width);

/* official.c: the Decree 30 header (page one) and closing (Nơi nhận and
 * signature) blocks, from frame_spec.official. */
void official_header(lay_ctx *cx, flow *f);
void official_closing(lay_ctx *cx, flow *f);

/* layout.c: sets footnote k (1-based) into `out` (empty) at the text width
 * of a landscape or a portrait page: all of it, or, `from` given, what is
 * left of it from that anchor on (its first line is no paragraph's first:
 * no indent, no number). */
void layout_note(lay_ctx *cx, int k, bool landscape, const box_anchor *from, flow *out);

/* paginate.c */
void paginate(lay_ctx *cx);

#endif
