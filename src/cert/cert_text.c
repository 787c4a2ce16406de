/* Fitting a certificate's lines: a name or a unit is set smaller within its
 * limits to stay on one line, then wrapped; an achievement wraps first. Lines
 * are balanced (as even as the words allow, like a headline set by hand) by
 * finding the narrowest measure that still gives the fewest lines with the
 * first-fit breaker of layout/linebreak.h. Vietnamese breaks only at spaces. */
#include "cert_internal.h"
#include "layout/linebreak.h"

#include <math.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

#define SIZE_STEP 0.5
#define SIZE_FLOOR 6.0 /* below this nothing is readable: wrap instead */

bool ct_fonts_get(ct_fonts *f, font_set *fs, vb_diag *d)
{
    for (int s = 0; s < FONT_STYLE_COUNT; s++) {
        f->face[s] = font_set_face(fs, FONT_ROLE_SERIF, (font_style)s, d);
        if (!f->face[s])
            return false;
    }
    return true;
}

bool ct_check(const ct_fonts *f, const cert_par *pars, size_t n, const char *where, vb_diag *d)
{
    for (size_t p = 0; p < n; p++)
        for (size_t r = 0; r < pars[p].n_runs; r++) {
            const cert_run *run = &pars[p].runs[r];
            const font_face *face = f->face[run->style];
            size_t len = strlen(run->text), bad = 0;
            if (!vb_utf8_valid(run->text, len, &bad)) {
                vb_error(d, NULL, 0, 0, "%s: chữ không phải UTF-8 hợp lệ (byte %zu)", where, bad);
                return false;
            }
            uint32_t cp = 0;
            if (!font_face_check(face, run->text, len, &cp)) {
                vb_buf b;
                vb_buf_init(&b);
                vb_buf_put_cp(&b, cp);
                vb_error(d, NULL, 0, 0,
                         "%s: ký tự \"%s\" (U+%04X) không có trong phông %s %s; sửa dữ liệu "
                         "hoặc chọn phông khác (--font-family)",
                         where, b.data, (unsigned)cp, font_face_family(face),
                         font_style_name(font_face_style(face)));
                vb_buf_free(&b);
                return false;
            }
        }
    return true;
}

/* ---- words -------------------------------------------------------------- */

typedef struct seg {
    const char *s; /* not NUL-terminated */
    size_t len;
    font_face *face;
    double w;      /* at size 1 */
} seg;

typedef struct word {
    size_t first, n; /* segs */
    double w;        /* at size 1 */
    double space;    /* width of the space after it, at size 1 */
} word;

typedef struct words {
    seg *segs;
    size_t n_segs, cap_segs;
    word *w;
    size_t n, cap;
    size_t *par_end; /* index of the first word after each paragraph */
    size_t n_pars;
} words;

static void add_seg(words *ws, bool new_word, const char *s, size_t len, font_face *face)
{
    if (new_word || ws->n == 0) {
        word w = {.first = ws->n_segs};
        VB_PUSH(ws->w, ws->n, ws->cap, w);
    }
    double width = font_text_width(face, s, len, 1.0);
    seg sg = {s, len, face, width};
    VB_PUSH(ws->segs, ws->n_segs, ws->cap_segs, sg);
    word *cur = &ws->w[ws->n - 1];
    cur->n++;
    cur->w += width;
    cur->space = font_text_width(face, " ", 1, 1.0);
}

static void split_words(const ct_fonts *f, const cert_par *pars, size_t n, words *ws)
{
    memset(ws, 0, sizeof *ws);
    ws->par_end = vb_xcalloc(n ? n : 1, sizeof *ws->par_end);
    for (size_t p = 0; p < n; p++) {
        bool boundary = true; /* a paragraph starts a word */
        for (size_t r = 0; r < pars[p].n_runs; r++) {
            const char *s = pars[p].runs[r].text;
            font_face *face = f->face[pars[p].runs[r].style];
            size_t i = 0, len = strlen(s);
            while (i < len) {
                if (s[i] == ' ' || s[i] == '\n' || s[i] == '\t') {
                    boundary = true;
                    i++;
                    continue;
                }
                size_t j = i;
                while (j < len && s[j] != ' ' && s[j] != '\n' && s[j] != '\t')
                    j++;
                add_seg(ws, boundary, s + i, j - i, face);
                boundary = false;
                i = j;
            }
        }
        ws->par_end[ws->n_pars++] = ws->n;
    }
}

static void words_free(words *ws)
{
    free(ws->segs);
    free(ws->w);
    free(ws->par_end);
}

/* ---- breaking ----------------------------------------------------------- */

/* Breaks words [a, b) greedily at `measure` (size-1 units); fills breaks
 * (index of the first word of each line after the first) if non-NULL.
 * Returns the number of lines. */
static size_t break_greedy(const words *ws, size_t a, size_t b, double measure, lb_item *items,
                           size_t *breaks)
{
    if (a >= b)
        return 0;
    size_t n = 0;
    for (size_t i = a; i < b; i++) {
        items[n++] = (lb_item){.kind = LB_BOX, .width = ws->w[i].w};
        if (i + 1 < b)
            items[n++] = (lb_item){.kind = LB_GLUE, .width = ws->w[i].space};
    }
    items[n++] = (lb_item){.kind = LB_GLUE, .stretch = LB_FIL};
    items[n++] = (lb_item){.kind = LB_PENALTY, .penalty = -LB_INFINITY};
    lb_result res;
    linebreak_first_fit(items, n, &measure, 1, &res);
    size_t lines = res.n_lines;
    if (breaks)
        for (size_t l = 1; l < res.n_lines; l++)
            breaks[l - 1] = a + res.lines[l].start / 2; /* box k is item 2k */
    lb_result_free(&res);
    return lines;
}

/* The number of lines greedy filling gives words [a, b) at `measure`: the
 * fewest any breaking can give. (The same rule as linebreak_first_fit, without
 * building an item list: the size search asks this at every half point.) */
static size_t count_greedy(const words *ws, size_t a, size_t b, double measure)
{
    if (a >= b)
        return 0;
    size_t lines = 1;
    double x = ws->w[a].w;
    for (size_t i = a + 1; i < b; i++) {
        double next = x + ws->w[i - 1].space + ws->w[i].w;
        if (next > measure + 1e-9) {
            lines++;
            x = ws->w[i].w;
        } else {
            x = next;
        }
    }
    return lines;
}

/* The narrowest measure that sets words [a, b) in `lines` lines: the least,
 * over all breakings into that many lines, of the widest line (dynamic
 * programming over prefix widths; a certificate line has a few dozen words). */
static double balanced_measure(const words *ws, size_t a, size_t b, size_t lines)
{
    size_t n = b - a;
    double *pre = vb_xmalloc((n + 1) * sizeof *pre);
    double *best = vb_xmalloc((n + 1) * sizeof *best), *next = vb_xmalloc((n + 1) * sizeof *next);
    pre[0] = 0; /* pre[j]: words a … a+j−1 with the space after each */
    for (size_t j = 0; j < n; j++)
        pre[j + 1] = pre[j] + ws->w[a + j].w + ws->w[a + j].space;
#define SPAN(i, j) (pre[j] - pre[i] - ws->w[a + (j) - 1].space)
    /* best[j]: the narrowest widest line setting the first j words in k lines */
    best[0] = 0;
    for (size_t j = 1; j <= n; j++)
        best[j] = SPAN(0, j);
    for (size_t k = 2; k <= lines; k++) {
        next[0] = 0;
        for (size_t j = 1; j <= n; j++) {
            double m = best[j]; /* fewer lines than k are allowed too */
            for (size_t i = 1; i < j; i++) {
                double w = SPAN(i, j);
                double v = best[i] > w ? best[i] : w;
                if (v < m)
                    m = v;
            }
            next[j] = m;
        }
        double *t = best;
        best = next;
        next = t;
    }
#undef SPAN
    double m = best[n];
    free(pre);
    free(best);
    free(next);
    return m;
}

/* Lines of words [a, b) at `measure`, balanced: as few lines as greedy
 * filling gives, broken by the line breaker at the narrowest measure that
 * keeps that many (a headline set by hand, not a full line and a stub). */
static size_t break_balanced(const words *ws, size_t a, size_t b, double measure, lb_item *items,
                             size_t *breaks)
{
    size_t lines = count_greedy(ws, a, b, measure);
    if (lines > 1) {
        double m = balanced_measure(ws, a, b, lines);
        if (m < measure)
            measure = m * (1 + 1e-9);
    }
    return break_greedy(ws, a, b, measure, items, breaks);
}

static size_t count_lines(const words *ws, double measure)
{
    /* a word wider than the line fits at no count of lines: a smaller size
     * may hold it (a long name ran past the border and off the paper) */
    for (size_t i = 0; i < ws->n; i++)
        if (ws->w[i].w > measure)
            return SIZE_MAX;
    size_t total = 0, a = 0;
    for (size_t p = 0; p < ws->n_pars; p++) {
        total += count_greedy(ws, a, ws->par_end[p], measure);
        a = ws->par_end[p];
    }
    return total;
}

/* ---- output ------------------------------------------------------------- */

static void push_piece(ct_block *b, vb_buf *text, font_face *face, double x, vb_arena *a)
{
    if (!face || !text->len)
        return;
    ct_piece pc = {vb_arena_strndup(a, text->data, text->len), face, x};
    VB_PUSH(b->pieces, b->n_pieces, b->cap_pieces, pc);
    vb_buf_clear(text);
}

static void emit_line(const words *ws, size_t a, size_t e, double size, vb_arena *arena,
                      ct_block *b, vb_buf *text)
{
    ct_line ln = {.first = b->n_pieces};
    font_face *face = NULL;
    double x = 0, piece_x = 0;
    vb_buf_clear(text);
    for (size_t i = a; i < e; i++) {
        const word *w = &ws->w[i];
        if (i > a) {
            vb_buf_putc(text, ' '); /* in the face of the word before */
            x += ws->w[i - 1].space * size;
        }
        for (size_t k = 0; k < w->n; k++) {
            const seg *sg = &ws->segs[w->first + k];
            if (sg->face != face) {
                push_piece(b, text, face, piece_x, arena);
                face = sg->face;
                piece_x = x;
            }
            vb_buf_append(text, sg->s, sg->len);
            x += sg->w * size;
        }
    }
    push_piece(b, text, face, piece_x, arena);
    ln.n = b->n_pieces - ln.first;
    ln.width = x;
    VB_PUSH(b->lines, b->n_lines, b->cap_lines, ln);
}

void ct_fit(const ct_fonts *f, const cert_par *pars, size_t n, const ct_spec *spec, vb_arena *a,
            ct_block *out)
{
    memset(out, 0, sizeof *out);
    words ws;
    split_words(f, pars, n, &ws);
    lb_item *items = vb_xcalloc(2 * ws.n + 4, sizeof *items);
    size_t *breaks = vb_xcalloc(ws.n + 1, sizeof *breaks);

    /* The size: one line per paragraph (pref_lines) within the limits, else
     * wrapped within max_lines, else below the limit, else wrapped at the
     * floor as much as needed: never cut. */
    double size = spec->size;
    bool found = false;
    for (int pass = 0; pass < 2 && !found; pass++) {
        size_t allowed = (size_t)(pass == 0 ? spec->pref_lines : spec->max_lines);
        for (double s = spec->size; s >= spec->min_size - 1e-9; s -= SIZE_STEP)
            if (count_lines(&ws, spec->width / s) <= allowed) {
                size = s;
                found = true;
                break;
            }
    }
    if (!found) {
        out->below_min = true;
        size = SIZE_FLOOR;
        for (double s = spec->min_size - SIZE_STEP; s >= SIZE_FLOOR; s -= SIZE_STEP)
            if (count_lines(&ws, spec->width / s) <= (size_t)spec->max_lines) {
                size = s;
                found = true;
                break;
            }
        out->over_lines = !found;
    }
    for (size_t i = 0; i < ws.n; i++)
        if (ws.w[i].w * size > spec->width + 1e-6)
            out->too_wide = true;

    out->size = size;
    out->leading = spec->leading * size;
    int asc = 0, desc = 0;
    for (size_t i = 0; i < ws.n_segs; i++) {
        if (font_face_ascent(ws.segs[i].face) > asc)
            asc = font_face_ascent(ws.segs[i].face);
        if (-font_face_descent(ws.segs[i].face) > desc)
            desc = -font_face_descent(ws.segs[i].face);
    }
    out->ascent = asc * size / 1000.0;
    out->descent = desc * size / 1000.0;

    vb_buf text;
    vb_buf_init(&text);
    size_t start = 0;
    for (size_t p = 0; p < ws.n_pars; p++) {
        size_t end = ws.par_end[p];
        size_t nl = break_balanced(&ws, start, end, spec->width / size, items, breaks);
        size_t from = start;
        for (size_t l = 0; l < nl; l++) {
            size_t to = l + 1 < nl ? breaks[l] : end;
            emit_line(&ws, from, to, size, a, out, &text);
            from = to;
        }
        start = end;
    }
    vb_buf_free(&text);
    free(items);
    free(breaks);
    words_free(&ws);
}

void ct_block_free(ct_block *b)
{
    free(b->pieces);
    free(b->lines);
    memset(b, 0, sizeof *b);
}

double ct_block_height(const ct_block *b)
{
    if (b->n_lines == 0)
        return 0;
    return b->ascent + (double)(b->n_lines - 1) * b->leading + b->descent;
}

void ct_emit(const ct_block *b, vb_page *pg, double x, double top, ct_align align, vb_color col)
{
    double base = top - b->ascent;
    for (size_t l = 0; l < b->n_lines; l++, base -= b->leading) {
        const ct_line *ln = &b->lines[l];
        double x0 = align == CT_CENTER ? x - ln->width / 2 : x;
        for (size_t k = 0; k < ln->n; k++) {
            const ct_piece *pc = &b->pieces[ln->first + k];
            page_item *it = page_add_item(pg, ITEM_TEXT);
            it->color = col;
            it->u.text.face = pc->face;
            it->u.text.size = b->size;
            it->u.text.x = x0 + pc->x;
            it->u.text.y = base;
            it->u.text.utf8 = pc->text;
        }
    }
}

size_t ct_plain(const char *s, font_style style, vb_arena *a, cert_par **out)
{
    *out = NULL;
    if (!s || !*s)
        return 0;
    size_t n = 1;
    for (const char *p = s; *p; p++)
        n += *p == '\n';
    cert_par *pars = vb_arena_alloc(a, n * sizeof *pars);
    cert_run *runs = vb_arena_alloc(a, n * sizeof *runs);
    size_t k = 0;
    const char *p = s;
    for (;;) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        /* a blank line prints nothing: it is no line of the certificate */
        if (strspn(p, " \t") < len) {
            runs[k] = (cert_run){vb_arena_strndup(a, p, len), style};
            pars[k] = (cert_par){&runs[k], 1};
            k++;
        }
        if (!nl)
            break;
        p = nl + 1;
    }
    *out = k ? pars : NULL;
    return k;
}
