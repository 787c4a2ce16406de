/* frame: page furniture and the typographic settings a kind of document
 * implies. The layout engine reads a frame_spec and calls the frame to draw
 * what is not flowing text (page numbers now; the Decree 30 header and the
 * certificate border later). */
#ifndef VANBAN_FRAME_H
#define VANBAN_FRAME_H

#include "font/font.h"
#include "layout/page.h"

#include <stdbool.h>

#define MM_TO_PT(mm) ((mm) * 72.0 / 25.4)

typedef enum frame_kind { FRAME_PLAIN, FRAME_OFFICIAL } frame_kind;

typedef enum list_style {
    LIST_HANGING,      /* web-like: marker in the margin of an indented block (plain) */
    LIST_FIRST_INDENT, /* Vietnamese official: marker at the first-line indent,
                          following lines back at the left margin */
} list_style;

typedef enum page_number_pos { PAGENUM_NONE, PAGENUM_BOTTOM_CENTER, PAGENUM_TOP_CENTER } page_number_pos;

typedef struct frame_spec {
    frame_kind kind;
    double page_w, page_h;                       /* points */
    double margin_top, margin_bottom, margin_left, margin_right;
    double body_size;                            /* points */
    double line_spacing;                         /* baseline distance / body size */
    double para_space;                           /* points between paragraphs */
    double first_indent;                         /* points */
    bool justify;
    list_style lists;
    double list_indent;                          /* hanging lists: indent per level */
    double heading_size[4];                      /* levels 1–4 */
    bool heading_center[4];
    double footnote_size;
    double table_size;
    page_number_pos page_numbers;
    bool number_first_page;
} frame_spec;

/* The plain frame: A4 portrait, 20/20/30/15 mm margins like official
 * documents, 13 pt justified text, hanging-indent lists, page numbers at the
 * bottom centre. */
void frame_plain(frame_spec *f);

/* Draws the frame's furniture on a finished page (page numbers). */
void frame_decorate(const frame_spec *f, page_doc *doc, vb_page *pg, size_t index,
                    font_face *regular);

#endif
