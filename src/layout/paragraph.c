/* Paragraphs: inlines → box/glue/penalty list → Knuth–Plass breaks → lines of
 * text runs positioned word by word.
 *
 * Justification stretches the interword glue; the PDF stage writes each run as
 * one TJ array that keeps the real space glyphs and adds the stretch after
 * each of them, because the PDF word-spacing operator does not act on the
 * two-byte codes libharu writes (docs/libharu-notes.md §3). */
#include "paragraph_internal.h"
#include "vn/vn.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void para_push(para_build *pb, lb_item it, atom at)
{
    if (pb->n + 1 > pb->cap) {
        size_t cap = pb->cap;
        vb_grow((void **)&pb->items, &cap, pb->n + 1, sizeof *pb->items);
        vb_grow((void **)&pb->atoms, &pb->cap, pb->n + 1, sizeof *pb->atoms);
    }
    pb->items[pb->n] = it;
    pb->atoms[pb->n] = at;
    pb->n++;
}

/* A penalty put before item i (which it makes no breakpoint, if a glue),
 * anchored where that item is. */
void para_insert_penalty(para_build *pb, size_t i, double penalty)
{
    para_push(pb, (lb_item){0}, (atom){0}); /* room for one more item */
    memmove(&pb->items[i + 1], &pb->items[i], (pb->n - 1 - i) * sizeof *pb->items);
    memmove(&pb->atoms[i + 1], &pb->atoms[i], (pb->n - 1 - i) * sizeof *pb->atoms);
    pb->items[i] = (lb_item){.kind = LB_PENALTY, .penalty = penalty};
    pb->atoms[i] = (atom){.src = pb->atoms[i + 1].src};
}

static bool last_is_glue(const para_build *pb)
{
    return pb->n > 0 && pb->items[pb->n - 1].kind == LB_GLUE;
}

/* Reports a character the face cannot print: a silent gap or a .notdef box
 * in an official document is worse than no document. */
static bool check_glyphs(para_build *pb, font_face *face, const char *s, size_t len)
{
    uint32_t missing = 0;
    bool ok = font_face_check(face, s, len, &missing);
    size_t i = 0;
    while (ok && i < len) {
        uint32_t cp;
        size_t k = vb_utf8_decode(s + i, len - i, &cp);
        if (k == 0)
            break;
        if (cp > 0xFFFF) {
            ok = false;
            missing = cp;
        }
        i += k;
    }
    if (ok)
        return true;
    lay_missing_glyph(pb->cx, face, missing, pb->line);
    return false;
}

static void add_box(para_build *pb, font_face *face, double size, double rise, const char *s,
                    size_t len, const char *link, bool strike, int footnote)
{
    if (!face || len == 0 || !check_glyphs(pb, face, s, len))
        return;
    lb_item it = {.kind = LB_BOX, .width = font_text_width(face, s, len, size)};
    atom at = {.face = face, .size = size, .rise = rise, .text = s, .len = len,
               .link = link, .strike = strike, .footnote = footnote};
    para_push(pb, it, at);
}

/* A dash standing between two words ("01/8/2023 - 31/10/2023", "kinh tế -
 * xã hội", "2021 – 2025"): a line ending in the dash leaves it hanging, and
 * a line starting with "- " reads as a list item. So a break there costs a
 * penalty instead of nothing (5000: its demerits outweigh any line within
 * the breaker's tolerance): taken only when the paragraph cannot be set
 * otherwise within the normal spacing, never forbidden (forbidding it
 * spaced a line of the report out to 0.77 em). */
static bool is_lone_dash(const atom *a)
{
    return a->text && ((a->len == 1 && a->text[0] == '-') ||
                       (a->len == 3 && (memcmp(a->text, "\xE2\x80\x93", 3) == 0 ||   /* – */
                                        memcmp(a->text, "\xE2\x80\x94", 3) == 0))); /* — */
}

static const lb_item DASH_BREAK = {.kind = LB_PENALTY, .penalty = PARA_DASH_PENALTY};

/* An interword space: TeX's proportions for a Times-like face (stretch 1/2,
 * shrink 1/3 of the space). Runs of spaces collapse into one. */
static void add_glue(para_build *pb, font_face *face, double size, const char *link)
{
    if (!face || pb->n == 0 || last_is_glue(pb))
        return;
    /* The space after a dash that follows a space: a costly break. */
    if (pb->n >= 2 && pb->items[pb->n - 1].kind == LB_BOX && is_lone_dash(&pb->atoms[pb->n - 1]) &&
        pb->items[pb->n - 2].kind == LB_GLUE)
        para_push(pb, DASH_BREAK, (atom){0});
    double w = font_text_width(face, " ", 1, size);
    lb_item it = {.kind = LB_GLUE, .width = w, .stretch = w / 2, .shrink = w / 3};
    atom at = {.face = face, .size = size, .link = link};
    para_push(pb, it, at);
}

/* A line break the text asks for (a line separator, a hard break). */
void para_add_forced_break(para_build *pb)
{
    if (last_is_glue(pb))
        pb->n--;
    para_push(pb, (lb_item){.kind = LB_GLUE, .stretch = LB_FIL}, (atom){0});
    para_push(pb, (lb_item){.kind = LB_PENALTY, .penalty = -LB_INFINITY}, (atom){0});
}

static bool is_space_byte(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static bool is_line_separator(const char *s, size_t len)
{
    return len >= 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
           ((unsigned char)s[2] == 0xA8 || (unsigned char)s[2] == 0xA9);
}

static void add_text(para_build *pb, const char *s, unsigned style, double size,
                     const char *link)
{
    font_face *face = lay_face(pb->cx, style);
    size_t i = 0, len = strlen(s);
    while (i < len) {
        if (is_space_byte(s[i])) {
            add_glue(pb, face, size, link);
            i++;
            continue;
        }
        /* U+2028 LINE SEPARATOR (Word's Shift+Enter, pasted) and U+2029
         * PARAGRAPH SEPARATOR: a line break, which is what the clerk saw;
         * no font draws them. */
        if (is_line_separator(s + i, len - i)) {
            para_add_forced_break(pb);
            i += 3;
            continue;
        }
        size_t j = i;
        while (j < len && !is_space_byte(s[j]) && !is_line_separator(s + j, len - j))
            j++;
        /* The same for the space before it (see is_lone_dash). */
        atom word = {.text = s + i, .len = j - i};
        if (is_lone_dash(&word) && last_is_glue(pb) && pb->n >= 2 && pb->items[pb->n - 2].kind == LB_BOX) {
            lb_item g = pb->items[pb->n - 1];
            atom ga = pb->atoms[pb->n - 1];
            pb->n--;
            para_push(pb, DASH_BREAK, (atom){0});
            para_push(pb, g, ga);
        }
        add_box(pb, face, size, 0, s + i, j - i, link, style & MD_STRIKE, 0);
        i = j;
    }
}

/* The ragged-right model (TeX's \raggedright, and ragged2e's): a ragged
 * line may fall 2 em short at badness 100, whatever its spaces. */
#define RAGGED_STRETCH_EM 2.0

/* Superscript marks (footnote numbers) are set at 65% and raised by 35%. */
#define SUPER_SCALE 0.65
#define SUPER_RISE 0.35

static void build(para_build *pb, const md_inline *inl, size_t n, const para_style *ps)
{
    if (ps->marker && !ps->marker_hanging) {
        font_face *mf = lay_face(pb->cx, ps->style | ps->marker_style);
        double sz = ps->marker_super ? ps->size * SUPER_SCALE : ps->size;
        double rise = ps->marker_super ? ps->size * SUPER_RISE : 0;
        add_box(pb, mf, sz, rise, ps->marker, strlen(ps->marker), NULL, false, 0);
        /* The marker never ends a line on its own. */
        para_push(pb, (lb_item){.kind = LB_PENALTY, .penalty = LB_INFINITY}, (atom){0});
        add_glue(pb, lay_face(pb->cx, ps->style), ps->size, NULL);
    }
    for (size_t i = 0; i < n; i++) {
        const md_inline *x = &inl[i];
        unsigned st = x->style | ps->style;
        switch (x->kind) {
        case MD_TEXT:
            add_text(pb, x->text, st, ps->size, x->link);
            break;
        case MD_SOFTBREAK:
            add_glue(pb, lay_face(pb->cx, st), ps->size, x->link);
            break;
        case MD_HARDBREAK:
            para_add_forced_break(pb);
            break;
        case MD_FOOTREF: {
            char num[16];
            snprintf(num, sizeof num, "%d", x->footnote);
            const char *s = vb_arena_strdup(pb->cx->out->arena, num);
            add_box(pb, lay_face(pb->cx, ps->style & ~(unsigned)MD_CODE), ps->size * SUPER_SCALE,
                    ps->size * SUPER_RISE, s, strlen(s), NULL, false, x->footnote);
            break;
        }
        }
    }
    while (last_is_glue(pb))
        pb->n--;
    if (pb->n == 0)
        return;
    para_push(pb, (lb_item){.kind = LB_GLUE, .stretch = LB_FIL}, (atom){0});
    para_push(pb, (lb_item){.kind = LB_PENALTY, .penalty = -LB_INFINITY}, (atom){0});
}

void para_measure(lay_ctx *cx, const md_inline *inl, size_t n, double size, unsigned style,
                  int src_line, double *minw, double *maxw)
{
    para_build pb = {.cx = cx, .line = src_line};
    para_style ps = {.size = size, .style = style};
    build(&pb, inl, n, &ps);
    double word = 0, linew = 0, mn = 0, mx = 0;
    for (size_t i = 0; i < pb.n; i++) {
        const lb_item *it = &pb.items[i];
        if (it->kind == LB_BOX) {
            word += it->width;
            linew += it->width;
        } else if (it->kind == LB_GLUE) {
            mn = fmax(mn, word);
            word = 0;
            if (it->stretch < LB_FIL)
                linew += it->width;
        } else if (it->penalty <= -LB_INFINITY) {
            mx = fmax(mx, linew);
            linew = 0;
        }
    }
    mn = fmax(mn, word);
    mx = fmax(mx, linew);
    *minw = mn;
    *maxw = mx;
    free(pb.items);
    free(pb.atoms);
}

/* Leaves out what comes before byte `off` of built item `src`: where a line
 * of the paragraph started when it was set at another width, for the rest
 * of a footnote set again for a page of the other orientation. A word split
 * there (split_wide_words) keeps its part from that byte on. */
static void drop_before(para_build *pb, size_t src, size_t off)
{
    size_t i = 0;
    while (i < pb->n && pb->atoms[i].src < src)
        i++;
    memmove(pb->items, pb->items + i, (pb->n - i) * sizeof *pb->items);
    memmove(pb->atoms, pb->atoms + i, (pb->n - i) * sizeof *pb->atoms);
    pb->n -= i;
    atom *at = &pb->atoms[0];
    if (off > 0 && pb->n > 0 && pb->items[0].kind == LB_BOX && at->text && off < at->len) {
        at->text += off;
        at->len -= off;
        at->off = off;
        pb->items[0].width = font_text_width(at->face, at->text, at->len, at->size);
    }
}

void para_layout(lay_ctx *cx, flow *f, const md_inline *inl, size_t n, const para_style *ps,
                 int src_line)
{
    para_build pb = {.cx = cx, .line = src_line};
    build(&pb, inl, n, ps);
    /* built only to know that it is a unit (an empty one is none) */
    if (pb.n > 0 && flow_skip_unit(cx, f)) {
        free(pb.items);
        free(pb.atoms);
        return;
    }
    for (size_t i = 0; i < pb.n; i++)
        pb.atoms[i].src = i;
    /* In a footnote set again from an anchor, the paragraph it falls in
     * starts there: not at its first line (anchor 0, 0). */
    bool anchored = f == cx->anchored;
    bool resumed = anchored && cx->resuming && cx->unit + 1 == cx->resume.unit &&
                   (cx->resume.a > 0 || cx->resume.b > 0);
    if (resumed && pb.n > 0) {
        drop_before(&pb, cx->resume.a, cx->resume.b);
        if (pb.n == 0)
            cx->unit++; /* nothing left of it, but it counts, as at any width */
    }
    if (pb.n == 0) {
        free(pb.items);
        free(pb.atoms);
        return;
    }
    /* Ragged text (left, centred, right: Nơi nhận items, header columns,
     * table cells) keeps its natural word spaces: a line that would need
     * squeezing breaks instead, and the room a line leaves is stretch at its
     * end (lb_params.line_stretch), not in its spaces. */
    bool ragged = ps->align != ALIGN_JUSTIFY;
    if (ragged)
        for (size_t i = 0; i < pb.n; i++)
            if (pb.items[i].kind == LB_GLUE) {
                pb.items[i].shrink = 0;
                if (pb.atoms[i].face) /* a space; not a fill nor a word break's pair */
                    pb.items[i].stretch = 0;
            }
    double indent = resumed ? 0 : ps->first_indent;
    double widths[2] = {ps->width - indent, ps->width};
    double measure = fmin(widths[0], widths[1]);
    split_wide_words(&pb, measure);
    if (ps->lone_last_word)
        tie_last_word(&pb, INFINITY, LB_INFINITY, measure);
    else
        tie_last_word(&pb, 3 * ps->size, 5000, measure);
    /* after the tie, which looks for a box before the last space */
    if (ps->keep_words && ps->align == ALIGN_LEFT)
        keep_listed_words(&pb);
    lb_params params = lb_default_params();
    if (ragged)
        params.line_stretch = RAGGED_STRETCH_EM * ps->size;
    /* Ragged lines are never stretched: the room a short line leaves costs
     * only its look, so it may be larger than a justified line's when that
     * keeps a scrap off the last line or a word whole ("- Các đơn vị tham
     * gia xác định" / "Chỉ số CCHC;"). In a heading any line is better than
     * a lone last word. */
    if (ps->lone_last_word)
        params.tolerance = LB_INFINITY;
    else if (ps->align != ALIGN_JUSTIFY)
        params.tolerance *= 2;
    lb_result res = {0};
    linebreak_knuth_plass(pb.items, pb.n, widths, 2, &params, &res);
    /* A short name in capitals on two lines of a narrow column can find
     * every choice too loose (the breaker's emergency pass) and split
     * "SỞ TÀI NGUYÊN VÀ MÔI" / "TRƯỜNG". Balancing needs a feasible pass;
     * breaking by name parts only the number of lines. */
    if (ps->balance && ps->align == ALIGN_CENTER && res.n_lines > 1) {
        if (!res.emergency)
            balance_lines(&pb, widths, &params, &res);
        /* The narrowest measure that keeps the line count may break inside
         * a word ("… hành chính hướng" / "dẫn quy trình …"): then the
         * evenest lines, as many, that break only between words, if any.
         * Titles that break well keep the breaker's lines. */
        bool *inside = inside_words(&pb);
        lb_result t = {0};
        if (word_breaks(inside, &res) > 0 &&
            linebreak_even(pb.items, pb.n, measure, inside, res.n_lines, &t)) {
            lb_result_free(&res);
            res = t;
        }
        free(inside);
        break_by_name_parts(&pb, measure, &res);
    }
    size_t first_box = f->n;
    for (size_t k = 0; k < res.n_lines; k++)
        para_emit_line(cx, f, &pb, &res.lines[k], k == 0 && !resumed, k + 1 == res.n_lines,
                  widths[k ? 1 : 0], ps);
    /* the lines are one unit, each anchored where it starts */
    if (anchored && f->n > first_box) {
        size_t unit = f->v[first_box].at.unit;
        for (size_t k = 0; k < res.n_lines; k++) {
            const atom *at = &pb.atoms[res.lines[k].start];
            f->v[first_box + k].at = (box_anchor){unit, at->src, at->off};
        }
        cx->unit = unit;
    }
    /* Widows and orphans: never leave a single line of a paragraph at the
     * foot or the head of a page. */
    size_t nl = f->n - first_box;
    if (nl >= 2) {
        f->v[first_box + 1].break_ok = false;
        f->v[f->n - 1].break_ok = false;
    }
    lb_result_free(&res);
    free(pb.items);
    free(pb.atoms);
}
