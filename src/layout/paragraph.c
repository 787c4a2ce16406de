/* Paragraphs: inlines → box/glue/penalty list → Knuth–Plass breaks → lines of
 * text runs positioned word by word.
 *
 * Justification stretches the interword glue; the PDF stage writes each run as
 * one TJ array that keeps the real space glyphs and adds the stretch after
 * each of them, because the PDF word-spacing operator does not act on the
 * two-byte codes libharu writes (docs/libharu-notes.md §3). */
#include "layout_internal.h"
#include "vn/vn.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

static void push(para_build *pb, lb_item it, atom at)
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
    push(pb, it, at);
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

static const lb_item DASH_BREAK = {.kind = LB_PENALTY, .penalty = 5000};

/* An interword space: TeX's proportions for a Times-like face (stretch 1/2,
 * shrink 1/3 of the space). Runs of spaces collapse into one. */
static void add_glue(para_build *pb, font_face *face, double size, const char *link)
{
    if (!face || pb->n == 0 || last_is_glue(pb))
        return;
    /* The space after a dash that follows a space: a costly break. */
    if (pb->n >= 2 && pb->items[pb->n - 1].kind == LB_BOX && is_lone_dash(&pb->atoms[pb->n - 1]) &&
        pb->items[pb->n - 2].kind == LB_GLUE)
        push(pb, DASH_BREAK, (atom){0});
    double w = font_text_width(face, " ", 1, size);
    lb_item it = {.kind = LB_GLUE, .width = w, .stretch = w / 2, .shrink = w / 3};
    atom at = {.face = face, .size = size, .link = link};
    push(pb, it, at);
}

static void add_forced_break(para_build *pb)
{
    if (last_is_glue(pb))
        pb->n--;
    push(pb, (lb_item){.kind = LB_GLUE, .stretch = LB_FIL}, (atom){0});
    push(pb, (lb_item){.kind = LB_PENALTY, .penalty = -LB_INFINITY}, (atom){0});
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
            add_forced_break(pb);
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
            push(pb, DASH_BREAK, (atom){0});
            push(pb, g, ga);
        }
        add_box(pb, face, size, 0, s + i, j - i, link, style & MD_STRIKE, 0);
        i = j;
    }
}

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
        push(pb, (lb_item){.kind = LB_PENALTY, .penalty = LB_INFINITY}, (atom){0});
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
            add_forced_break(pb);
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
    push(pb, (lb_item){.kind = LB_GLUE, .stretch = LB_FIL}, (atom){0});
    push(pb, (lb_item){.kind = LB_PENALTY, .penalty = -LB_INFINITY}, (atom){0});
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

static void emit_line(lay_ctx *cx, flow *f, const para_build *pb, const lb_line *ln,
                      bool first, bool last, double linew, const para_style *ps)
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

/* Where a long URL or path may be broken: after these, as a browser does. */
static bool url_break_after(char c)
{
    return c && strchr("/.?&=-_#:,;", c) != NULL;
}

/* Inside a word, a break with nothing drawn (no hyphen in a URL) whose line
 * is set ragged: the line's glue could not stretch a URL piece to the full
 * measure, so a line ending here gets `stretch` of its own — Knuth & Plass's
 * ragged-right construction: penalty(+inf) glue(0, +s) penalty(50)
 * glue(0, -s). Unbroken, the two glues cancel; broken, the second is
 * discarded with the break. The first penalty keeps the glue from being a
 * breakpoint of its own. Neither glue is drawn (no face: not a space). */
static void push_word_break(para_build *pb, double stretch, size_t src, size_t off)
{
    atom none = {.src = src, .off = off}; /* where the piece after them starts */
    push(pb, (lb_item){.kind = LB_PENALTY, .penalty = LB_INFINITY}, none);
    push(pb, (lb_item){.kind = LB_GLUE, .stretch = stretch}, none);
    push(pb, (lb_item){.kind = LB_PENALTY, .penalty = 50}, none);
    push(pb, (lb_item){.kind = LB_GLUE, .stretch = -stretch}, none);
}

static void push_piece(para_build *pb, const atom *at, size_t from, size_t to, double width)
{
    if (from > 0)
        push_word_break(pb, width, at->src, at->off + from);
    atom a = *at;
    a.text = at->text + from;
    a.len = to - from;
    a.off = at->off + from;
    lb_item it = {.kind = LB_BOX, .width = font_text_width(a.face, a.text, a.len, a.size)};
    push(pb, it, a);
}

/* The space before or after a split word becomes a forced break (its
 * line ragged, as a hard break sets it). The space before it only when it
 * is a place to break at all: not the one a list marker is tied to. */
static void break_before_split(para_build *out)
{
    size_t n = out->n;
    if (n < 2 || out->items[n - 1].kind != LB_GLUE || !out->atoms[n - 1].face ||
        out->items[n - 2].kind != LB_BOX)
        return;
    add_forced_break(out);
}

/* A word wider than the line (a long URL, a file path) ran into the margin
 * and off the page. It gets break opportunities after the characters a URL
 * is broken after, and a piece still too wide gets one between any two
 * characters. Words that fit are left whole: "56/KH-SNV" never breaks.
 *
 * A split word is set on lines of its own: the words before it end their
 * line and the word after it starts a new one. Nothing marks the breaks
 * inside it (a hyphen would read as part of a code like "KH-UBND", or as
 * the hyphen of a transcribed name like "Ô-xtrây-li-a"; Vietnamese never
 * hyphenates a syllable), so a reader can only tell a piece from a word by
 * where it stands: "Trưở" / "ng A" read as a word "ng"; "Trưở" / "ng" /
 * "A", each piece the whole of its line, reads as one word spread over
 * lines, as a URL is. */
static void split_wide_words(para_build *pb, double width)
{
    bool any = false;
    for (size_t i = 0; i < pb->n && !any; i++)
        any = pb->items[i].kind == LB_BOX && pb->items[i].width > width + LB_SLACK && pb->atoms[i].text &&
              !pb->atoms[i].footnote;
    if (!any)
        return;
    para_build out = {.cx = pb->cx, .line = pb->line};
    bool split_open = false; /* a split word's last piece is the last box out */
    for (size_t i = 0; i < pb->n; i++) {
        const atom *at = &pb->atoms[i];
        const lb_item *it = &pb->items[i];
        if (it->kind != LB_BOX || it->width <= width + LB_SLACK || !at->text || at->footnote) {
            if (split_open && it->kind == LB_GLUE && at->face) {
                /* the first space after it: "…2023," sticks to its word */
                while (out.n && out.items[out.n - 1].kind == LB_PENALTY)
                    out.n--; /* a dash's costly break has no use before a forced one */
                add_forced_break(&out);
                split_open = false;
                continue;
            }
            if (it->kind == LB_GLUE || (it->kind == LB_PENALTY && it->penalty <= -LB_INFINITY))
                split_open = false; /* the paragraph's end, a hard break */
            push(&out, *it, *at);
            continue;
        }
        if (!split_open)
            break_before_split(&out);
        split_open = true;
        size_t start = 0;
        for (size_t k = 0; k < at->len; k++) {
            /* after a run of them, not inside it: never "https:/" + "/…" */
            if (k + 1 < at->len &&
                (!url_break_after(at->text[k]) || url_break_after(at->text[k + 1])))
                continue;
            size_t end = k + 1; /* a piece [start, end) ending after a separator */
            if (font_text_width(at->face, at->text + start, end - start, at->size) <= width) {
                push_piece(&out, at, start, end, width);
            } else { /* between characters (UTF-8 lead bytes) */
                size_t from = start;
                for (size_t c = start + 1; c <= end; c++) {
                    if (c < end && ((unsigned char)at->text[c] & 0xC0) == 0x80)
                        continue;
                    push_piece(&out, at, from, c, width);
                    from = c;
                }
            }
            start = end;
        }
    }
    free(pb->items);
    free(pb->atoms);
    *pb = out;
}

/* A paragraph whose last line would hold only a scrap ("2." of "Ban Quản lý
 * dự án 2.", a lone short word) reads as a mistake in a printed document:
 * the last space is tied when what follows it is narrower than `min_tail`,
 * as a typist would with a non-breaking space. In body text the scrap is
 * under three times the font size (about six letters: "2023;", "đoạn.")
 * and the tie costs 5000,
 * the dash's cost, taken only when the paragraph cannot be set otherwise.
 * In a heading any one word is a scrap ("… SỐ LƯỢNG KHEN" / "THƯỞNG" splits
 * a word of two syllables) and the tie is absolute (LB_INFINITY). */
static void tie_last_word(para_build *pb, double min_tail, double penalty, double measure)
{
    double tail = 0;
    for (size_t i = pb->n; i-- > 0;) {
        const lb_item *it = &pb->items[i];
        if (it->kind == LB_BOX) {
            tail += it->width;
            if (tail >= min_tail)
                return;
        } else if (it->kind == LB_GLUE && pb->atoms[i].face) {
            if (i == 0 || pb->items[i - 1].kind != LB_BOX)
                return;
            /* Tied, the two last words must fit on one line: "… https://…
             * Website" in a heading ran off the page. */
            double pair = tail + it->width;
            for (size_t k = i; k-- > 0 && !(pb->items[k].kind == LB_GLUE && pb->atoms[k].face);)
                pair += pb->items[k].kind == LB_BOX ? pb->items[k].width : 0;
            if (pair > measure)
                return;
            push(pb, (lb_item){0}, (atom){0}); /* room for one more item */
            memmove(&pb->items[i + 1], &pb->items[i], (pb->n - 1 - i) * sizeof *pb->items);
            memmove(&pb->atoms[i + 1], &pb->atoms[i], (pb->n - 1 - i) * sizeof *pb->atoms);
            pb->items[i] = (lb_item){.kind = LB_PENALTY, .penalty = penalty};
            pb->atoms[i] = (atom){.src = pb->atoms[i + 1].src};
            return;
        } else if (it->kind == LB_PENALTY && it->penalty <= -LB_INFINITY && i + 1 < pb->n) {
            return; /* a forced break: the last line is after it */
        }
    }
}

/* The spaces of a centred title that stand inside a listed word
 * (vn_two_syllable_word): a break there splits "hướng dẫn" as "… hành
 * chính hướng" / "dẫn quy trình …", which a clerk setting a title by hand
 * never does. NULL when there are none; else one flag per item. Only
 * spaces that are breakpoints of their own (a box before them): a tied
 * last word or a dash's space is not broken anyway. */
static bool *inside_words(const para_build *pb)
{
    bool *inside = NULL;
    for (size_t i = 1; i + 1 < pb->n; i++) {
        const atom *l = &pb->atoms[i - 1], *r = &pb->atoms[i + 1];
        if (pb->items[i].kind != LB_GLUE || !pb->atoms[i].face || pb->items[i - 1].kind != LB_BOX ||
            pb->items[i + 1].kind != LB_BOX || !l->text || !r->text || l->footnote || r->footnote ||
            !vn_two_syllable_word(l->text, l->len, r->text, r->len))
            continue;
        if (!inside)
            inside = vb_xcalloc(pb->n, sizeof *inside);
        inside[i] = true;
    }
    return inside;
}

/* A heading broken inside a listed word ("… VÀ TỔ" / "CHỨC SƠ KẾT",
 * "… công trực" / "tuyến toàn trình”") reads as a typing slip. Its
 * left-aligned lines may come out shorter instead: the space inside the
 * word becomes a break that costs WORD_BREAK_PENALTY (a penalty before the
 * glue, so the glue itself is no breakpoint). A ragged line's badness
 * grows fast, as its few spaces stretch little: one syllable moved down
 * takes a heading's line to a ratio of about 3, so the penalty is set
 * between that and what a line several syllables short costs; a break
 * inside a word is still taken when nothing else is near. Justified body
 * text is left alone: there a break between syllables is ordinary. The
 * Nơi nhận items are too: in their narrow column the other choice is
 * mostly a lone short last word ("Chỉ số" / "CCHC;"), which tie_last_word
 * already prices lower. */
#define WORD_BREAK_PENALTY 9000.0

static void keep_listed_words(para_build *pb)
{
    bool *inside = inside_words(pb);
    if (!inside)
        return;
    for (size_t i = pb->n; i-- > 0;) {
        if (!inside[i])
            continue;
        push(pb, (lb_item){0}, (atom){0}); /* room for one more item */
        memmove(&pb->items[i + 1], &pb->items[i], (pb->n - 1 - i) * sizeof *pb->items);
        memmove(&pb->atoms[i + 1], &pb->atoms[i], (pb->n - 1 - i) * sizeof *pb->atoms);
        pb->items[i] = (lb_item){.kind = LB_PENALTY, .penalty = WORD_BREAK_PENALTY};
        pb->atoms[i] = (atom){0};
    }
    free(inside);
}

/* How many of the lines end inside a listed word. */
static size_t word_breaks(const bool *inside, const lb_result *res)
{
    size_t k = 0;
    for (size_t i = 0; inside && i + 1 < res->n_lines; i++)
        k += inside[res->lines[i].end];
    return k;
}

/* Centred lines set as a headline is set by hand: as many lines as the
 * full measure needs, broken at the narrowest measure that still gives that
 * many, so that a title reads as even lines and not as a full line over a
 * stub ("… hằng năm và giai đoạn" / "2021-2025 của Sở Xây dựng"). The line
 * breaker decides at each measure of a bisection; the lines are centred on
 * the full measure afterwards. A title is a few dozen items: a dozen runs
 * of the breaker cost nothing. */
static void balance_lines(const para_build *pb, const double widths[2], const lb_params *params,
                          lb_result *res)
{
    size_t want = res->n_lines;
    double keep = 0, lose = fmin(widths[0], widths[1]); /* amounts taken off */
    for (int step = 0; step < 14; step++) {
        double d = (keep + lose) / 2;
        double w[2] = {widths[0] - d, widths[1] - d};
        lb_result t = {0};
        linebreak_knuth_plass(pb->items, pb->n, w, 2, params, &t);
        if (t.n_lines == want && !t.emergency) {
            keep = d;
            lb_result_free(res);
            *res = t;
        } else {
            lose = d;
            lb_result_free(&t);
        }
    }
}

/* The k-th word (0: the first) of the line that would start after a break
 * at item i, or NULL. */
static const atom *word_after(const para_build *pb, size_t i, int k)
{
    size_t j = i + 1;
    for (;;) {
        while (j < pb->n && pb->items[j].kind != LB_BOX)
            j++;
        if (j >= pb->n)
            return NULL;
        if (k-- == 0)
            return &pb->atoms[j];
        while (j < pb->n && pb->items[j].kind == LB_BOX)
            j++;
    }
}

static bool atom_is(const atom *a, const char *word)
{
    return a && a->text && a->len == strlen(word) && memcmp(a->text, word, a->len) == 0;
}

/* Whether a name in capitals may break before the word after item i: where
 * its next part starts, an administrative unit ("… / TỈNH SÓC TRĂNG",
 * "ỦY BAN NHÂN DÂN / HUYỆN CHÂU THÀNH"), a branch or office ("NGÂN HÀNG
 * NHÀ NƯỚC / CHI NHÁNH …", "VĂN PHÒNG / ỦY BAN NHÂN DÂN TỈNH"), or a "VÀ"
 * ("SỞ NÔNG NGHIỆP / VÀ PHÁT TRIỂN NÔNG THÔN"). Capitals only: a title in
 * sentence case never matches. */
static bool starts_name_part(const para_build *pb, size_t i)
{
    static const char *const one[] = {"TỈNH", "HUYỆN", "QUẬN", "PHƯỜNG", "VÀ", "CÁC"};
    static const char *const two[][2] = {
        {"THÀNH", "PHỐ"}, {"THỊ", "XÃ"},   {"THỊ", "TRẤN"},   {"CHI", "NHÁNH"}, {"CHI", "CỤC"},
        {"KHU", "VỰC"},   {"ỦY", "BAN"},   {"HỘI", "ĐỒNG"},   {"TRUNG", "TÂM"}, {"VĂN", "PHÒNG"},
    };
    const atom *w = word_after(pb, i, 0), *next = word_after(pb, i, 1);
    for (size_t k = 0; k < sizeof one / sizeof one[0]; k++)
        if (atom_is(w, one[k]))
            return true;
    if (atom_is(w, "XÃ") && !atom_is(next, "HỘI")) /* a commune, not "VÀ XÃ HỘI" */
        return true;
    for (size_t k = 0; k < sizeof two / sizeof two[0]; k++)
        if (atom_is(w, two[k][0]) && atom_is(next, two[k][1]))
            return true;
    return false;
}

/* A centred name in capitals (the header's agencies, a signature line) on
 * as many lines as it needs, broken where its parts start rather than at
 * the most even place: "ỦY BAN NHÂN DÂN THÀNH" / "PHỐ SÓC TRĂNG" and "SỞ
 * NÔNG NGHIỆP VÀ PHÁT" / "TRIỂN NÔNG THÔN" split words. A break inside a
 * part costs more than an uneven pair of lines; one after a dash is in
 * between. Left as balanced when the text offers no such place, unless the
 * breaker found no feasible lines at all: then the evenest breaking. */
static void break_by_name_parts(const para_build *pb, double measure, lb_result *res)
{
    double *cost = vb_xmalloc(pb->n * sizeof *cost);
    bool any = false;
    for (size_t i = 0; i < pb->n; i++) {
        const lb_item *it = &pb->items[i];
        if (it->kind == LB_PENALTY && it->penalty == DASH_BREAK.penalty) {
            cost[i] = 0.6;
        } else if (it->kind == LB_GLUE && starts_name_part(pb, i)) {
            cost[i] = 0;
            any = true;
        } else {
            cost[i] = it->kind == LB_GLUE ? 1.5 : 3;
        }
    }
    lb_result t = {0};
    if ((any || res->emergency) &&
        linebreak_headline(pb->items, pb->n, measure, cost, res->n_lines, &t)) {
        lb_result_free(res);
        *res = t;
    }
    free(cost);
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
     * squeezing breaks instead. */
    if (ps->align != ALIGN_JUSTIFY)
        for (size_t i = 0; i < pb.n; i++)
            if (pb.items[i].kind == LB_GLUE)
                pb.items[i].shrink = 0;
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
    /* Ragged lines' spaces are never stretched: a short line costs only its
     * look, so it may be looser than a justified one when that keeps a
     * scrap off the last line ("- Các đơn vị tham gia xác định" / "Chỉ số
     * CCHC;"). In a heading any line is better than a lone last word. */
    if (ps->lone_last_word)
        params.tolerance = LB_INFINITY;
    else if (ps->align != ALIGN_JUSTIFY)
        params.tolerance *= 2;
    lb_result res = {0};
    linebreak_knuth_plass(pb.items, pb.n, widths, 2, &params, &res);
    /* A short name in capitals has few spaces to stretch: on two lines the
     * breaker finds every choice too loose (its emergency pass) and split
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
        emit_line(cx, f, &pb, &res.lines[k], k == 0 && !resumed, k + 1 == res.n_lines,
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
