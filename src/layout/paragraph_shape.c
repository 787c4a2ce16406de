/* The line-breaking list and its breaks shaped for Vietnamese text
 * (paragraph_internal.h). */
#include "paragraph_internal.h"
#include "vn/vn.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
    para_push(pb, (lb_item){.kind = LB_PENALTY, .penalty = LB_INFINITY}, none);
    para_push(pb, (lb_item){.kind = LB_GLUE, .stretch = stretch}, none);
    para_push(pb, (lb_item){.kind = LB_PENALTY, .penalty = 50}, none);
    para_push(pb, (lb_item){.kind = LB_GLUE, .stretch = -stretch}, none);
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
    para_push(pb, it, a);
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
    para_add_forced_break(out);
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
void split_wide_words(para_build *pb, double width)
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
                para_add_forced_break(&out);
                split_open = false;
                continue;
            }
            if (it->kind == LB_GLUE || (it->kind == LB_PENALTY && it->penalty <= -LB_INFINITY))
                split_open = false; /* the paragraph's end, a hard break */
            para_push(&out, *it, *at);
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
void tie_last_word(para_build *pb, double min_tail, double penalty, double measure)
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
            para_insert_penalty(pb, i, penalty);
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
bool *inside_words(const para_build *pb)
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
 * "… công trực" / "tuyến toàn trình”") reads as a typing slip, and so does
 * a Nơi nhận item ("… xác định Chỉ" / "số CCHC;"). Their ragged lines may
 * come out shorter instead: the space inside the word becomes a break that
 * costs WORD_BREAK_PENALTY (a penalty before the glue, so the glue itself
 * is no breakpoint). A ragged line is priced by the room it leaves against
 * 2 em of stretch (RAGGED_STRETCH_EM): a line one syllable short costs a
 * badness under 100, and this penalty weighs as much as a line about 9 em
 * short, five syllables or so, so a break inside a word is still taken
 * when nothing else is near. Justified body text is left alone: there a
 * break between syllables is ordinary. */
#define WORD_BREAK_PENALTY 9000.0

void keep_listed_words(para_build *pb)
{
    bool *inside = inside_words(pb);
    if (!inside)
        return;
    for (size_t i = pb->n; i-- > 0;) {
        if (!inside[i])
            continue;
        para_insert_penalty(pb, i, WORD_BREAK_PENALTY);
    }
    free(inside);
}

/* How many of the lines end inside a listed word. */
size_t word_breaks(const bool *inside, const lb_result *res)
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
void balance_lines(const para_build *pb, const double widths[2], const lb_params *params,
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
void break_by_name_parts(const para_build *pb, double measure, lb_result *res)
{
    double *cost = vb_xmalloc(pb->n * sizeof *cost);
    bool any = false;
    for (size_t i = 0; i < pb->n; i++) {
        const lb_item *it = &pb->items[i];
        if (it->kind == LB_PENALTY && it->penalty == PARA_DASH_PENALTY) {
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
