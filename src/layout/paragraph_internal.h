/* Internal to the paragraph stage (paragraph*.c): the line-breaking list
 * a paragraph is built into, with what each item stands for. paragraph.c
 * builds it and drives the breaking, paragraph_shape.c changes the list or
 * the breaks for how Vietnamese text is read (split words, tied last word,
 * listed two-syllable words, titles and names), paragraph_emit.c turns the
 * chosen lines into positioned text runs. */
#ifndef VANBAN_PARAGRAPH_INTERNAL_H
#define VANBAN_PARAGRAPH_INTERNAL_H

#include "layout_internal.h"
#include "linebreak.h"

/* What each box or glue of the line-breaking list stands for. */
typedef struct atom {
    font_face *face;
    double size;
    double rise;
    const char *text; /* box: its text; glue: NULL */
    size_t len;
    const char *link;
    bool strike;
    int footnote; /* > 0: a footnote reference mark */
    /* The item this was built as (build's list, the same at any width),
     * and the byte of its text it starts at (a piece of a long word split
     * at one width): a line's anchor (box_anchor). */
    size_t src, off;
} atom;

typedef struct para_build {
    lay_ctx *cx;
    int line;
    lb_item *items;
    atom *atoms;
    size_t n, cap;
} para_build;

/* Penalty of a break beside a dash ("2021 - 2025"): allowed, not liked. */
#define PARA_DASH_PENALTY 5000

void para_push(para_build *pb, lb_item it, atom at);
void para_add_forced_break(para_build *pb);
void para_insert_penalty(para_build *pb, size_t i, double penalty);

/* paragraph_shape.c */
void split_wide_words(para_build *pb, double width);
void tie_last_word(para_build *pb, double min_tail, double penalty, double measure);
bool *inside_words(const para_build *pb);
void keep_listed_words(para_build *pb);
size_t word_breaks(const bool *inside, const lb_result *res);
void balance_lines(const para_build *pb, const double widths[2], const lb_params *params,
                   lb_result *res);
void break_by_name_parts(const para_build *pb, double measure, lb_result *res);

/* paragraph_emit.c */
void para_emit_line(lay_ctx *cx, flow *f, const para_build *pb, const lb_line *ln, bool first,
                    bool last, double width, const para_style *ps);

#endif
