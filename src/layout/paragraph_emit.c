/* A chosen line of a paragraph as positioned text runs (paragraph_internal.h). */
#include "paragraph_internal.h"
#include "vn/vn.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One run of text being assembled for a line. */
typedef struct run {
    bool open;
    const atom *at; /* attributes: face, size, rise, link, strike */
    double x, w;
    double space_extra;
    double char_extra; /* the line's letter spacing (line_tracking) */
    vb_buf text;
} run;

static bool same_attrs(const atom *a, const atom *b)
{
    return a->face == b->face && a->size == b->size && a->rise == b->rise && a->link == b->link &&
           a->strike == b->strike;
}

static void close_run(lay_ctx *cx, vbox *box, run *r, double baseline, const para_style *ps)
{
    if (!r->open)
        return;
    r->open = false;
    if (r->text.len == 0)
        return;
    page_item *it = vbox_add_item(box, ITEM_TEXT);
    it->color = ps->color;
    if (r->at->link)
        it->color = (vb_color){0.0, 0.2, 0.6};
    it->u.text.face = r->at->face;
    it->u.text.size = r->at->size;
    it->u.text.x = r->x;
    it->u.text.y = baseline;
    it->u.text.rise = r->at->rise;
    it->u.text.space_extra = r->space_extra;
    it->u.text.char_extra = r->char_extra;
    it->u.text.utf8 = vb_arena_strndup(cx->out->arena, r->text.data, r->text.len);
    if (r->at->link) {
        page_item *ln = vbox_add_item(box, ITEM_LINK);
        ln->u.link.x = r->x;
        ln->u.link.y = baseline - r->at->size * 0.22;
        ln->u.link.w = r->w;
        ln->u.link.h = r->at->size * 1.1;
        ln->u.link.uri = vb_arena_strdup(cx->out->arena, r->at->link); /* outlives the md tree */
    }
    if (r->at->strike) {
        page_item *st = vbox_add_item(box, ITEM_LINE);
        st->color = ps->color;
        double y = baseline + r->at->size * 0.25;
        st->u.line.x1 = r->x;
        st->u.line.y1 = y;
        st->u.line.x2 = r->x + r->w;
        st->u.line.y2 = y;
        st->u.line.width = r->at->size / 20;
    }
}

static void open_run(run *r, const atom *at, double x)
{
    r->open = true;
    r->at = at;
    r->x = x;
    r->w = 0;
    r->space_extra = 0;
    vb_buf_clear(&r->text);
}

static size_t glyphs(const atom *at)
{
    size_t n = 0;
    for (size_t i = 0; i < at->len; i++)
        n += ((unsigned char)at->text[i] & 0xC0) != 0x80;
    return n;
}

/* Letter spacing, the second means of justification. Spaces stretch alone
 * up to half their width again (ratio 1, the end of Knuth and Plass's
 * "loose" lines); what a justified line needs beyond that goes between its
 * letters, up to TRACK_MAX_EM after each (about the "Expanded by 0.6 pt" a
 * clerk gives a line in Word to make it fit), and only what the letters
 * cannot take goes to the spaces again. A line a long unbreakable token
 * leaves short ("… (Thanh tra sở), điện thoại:" / "02993.624.779, …": a
 * telephone number that does not fit, fourteen spaces to fill the line)
 * had its spaces at 2.25 times their width, a row of holes; spread over
 * its sixty letters as well, the same width is 0.04 em each and spaces at
 * one and a half (1.8 as a reader sees the gap, with the spacing after the
 * letter before it and after the space itself). */
#define TRACK_FROM 1.0
#define TRACK_MAX_EM 0.05

/* The spacing after every glyph of the line, spaces included, in points,
 * and *ratio lowered to what the spaces still stretch. */
static double line_tracking(const para_build *pb, const lb_line *ln, double size, double *ratio)
{
    double stretch = 0;
    size_t n = 0;
    for (size_t i = ln->start; i < ln->end && i < pb->n; i++) {
        const lb_item *it = &pb->items[i];
        if (it->kind == LB_BOX && pb->atoms[i].text) {
            n += glyphs(&pb->atoms[i]);
        } else if (it->kind == LB_GLUE && pb->atoms[i].face) {
            stretch += it->stretch;
            n++;
        }
    }
    if (n)
        n--; /* the spacing after the line's last glyph is past its end */
    if (stretch <= 0 || n == 0)
        return 0;
    double t = fmin((*ratio - TRACK_FROM) * stretch / (double)n, TRACK_MAX_EM * size);
    t = floor(t * 1000.0) / 1000.0; /* as the PDF writes Tc: the line still ends at its edge */
    *ratio -= t * (double)n / stretch;
    return t;
}

void para_emit_line(lay_ctx *cx, flow *f, const para_build *pb, const lb_line *ln, bool first,
                    bool last, double linew, const para_style *ps)
{
    vbox *box = flow_add(cx, f, ps->line_height);
    double asc = lay_ascent(cx, ps->size);
    double desc = 0.216 * ps->size;
    double baseline = -((ps->line_height - (asc + desc)) / 2 + asc);

    /* Glue adjustment: justified lines take the breaker's ratio; other lines
     * keep natural spacing unless they must shrink to fit. */
    double ratio = ln->ratio;
    if (ps->align != ALIGN_JUSTIFY || last)
        ratio = fmin(ratio, 0);
    if (ratio < -1)
        ratio = -1;
    double track = 0;
    if (ps->align == ALIGN_JUSTIFY && !last && ratio > TRACK_FROM)
        track = line_tracking(pb, ln, ps->size, &ratio);

    /* Glue with no face is not a space: the fill that ends a paragraph or a
     * forced break, and a word break's pair (push_word_break), whose
     * stretch takes the rest of a ragged line. */
    double total = 0;
    for (size_t i = ln->start; i < ln->end && i < pb->n; i++) {
        const lb_item *it = &pb->items[i];
        if (it->kind == LB_BOX)
            total += it->width;
        else if (it->kind == LB_GLUE && pb->atoms[i].face)
            total += it->width + (ratio >= 0 ? ratio * it->stretch : ratio * it->shrink);
    }
    double x = ps->x + (first ? ps->first_indent : 0);
    if (ps->align == ALIGN_CENTER)
        x += (linew - total) / 2;
    else if (ps->align == ALIGN_RIGHT)
        x += linew - total;

    if (first && ps->marker && ps->marker_hanging) {
        font_face *mf = lay_face(cx, ps->style | ps->marker_style);
        if (mf) {
            page_item *it = vbox_add_item(box, ITEM_TEXT);
            it->color = ps->color;
            it->u.text.face = mf;
            it->u.text.size = ps->size;
            it->u.text.x = ps->x - ps->marker_gap;
            it->u.text.y = baseline;
            it->u.text.utf8 = vb_arena_strdup(cx->out->arena, ps->marker);
        }
    }

    run r = {.char_extra = track};
    vb_buf_init(&r.text);
    for (size_t i = ln->start; i < ln->end && i < pb->n; i++) {
        const lb_item *it = &pb->items[i];
        const atom *at = &pb->atoms[i];
        if (it->kind == LB_PENALTY || (it->kind == LB_GLUE && !at->face))
            continue;
        if (it->kind == LB_BOX) {
            if (!r.open || !same_attrs(r.at, at)) {
                close_run(cx, box, &r, baseline, ps);
                open_run(&r, at, x);
            }
            vb_buf_append(&r.text, at->text, at->len);
            double w = it->width + (track ? track * (double)glyphs(at) : 0);
            r.w += w;
            x += w;
            if (at->footnote > 0)
                VB_PUSH(box->footnotes, box->n_footnotes, box->cap_footnotes, at->footnote);
        } else { /* interword glue */
            double extra = ratio >= 0 ? ratio * it->stretch : ratio * it->shrink;
            if (!r.open || r.at->face != at->face || r.at->size != at->size || r.at->rise != 0 ||
                r.at->link != at->link) {
                close_run(cx, box, &r, baseline, ps);
                open_run(&r, at, x);
            }
            vb_buf_putc(&r.text, ' ');
            r.space_extra = extra;
            r.w += it->width + extra + track;
            x += it->width + extra + track;
        }
    }
    close_run(cx, box, &r, baseline, ps);
    vb_buf_free(&r.text);
}
