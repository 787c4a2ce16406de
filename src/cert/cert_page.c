/* One certificate page: the lines of a Giấy khen in order, fitted inside the
 * border. Sizes and distances are designed on A4 landscape and scale with the
 * sheet (k = the smaller of width / 297 mm and height / 210 mm), so A3 or a
 * 400 × 300 mm Bằng khen keep the proportions.
 *
 *   [emblem]
 *   CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM           13 pt bold
 *   Độc lập - Tự do - Hạnh phúc                  14 pt bold, rule = its length
 *   CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH SÓC TRĂNG      16 pt bold
 *   TẶNG                                         15 pt bold
 *   GIẤY KHEN                                    42 pt bold, red
 *   Ông Đặng Thanh Nam                           24 pt bold, dark blue
 *   Trung tâm Y tế huyện Long Phú, …             16 pt
 *   Đã đạt giải Nhất phần thi …                  16 pt, wraps
 *   Quyết định số …        Sóc Trăng, ngày …     12 pt italic | 14 pt italic
 *   Số vào sổ: …           KT. CHỦ TỊCH / PHÓ CHỦ TỊCH  14 pt bold
 *                          (signature and seal)
 *                          Nguyễn Văn A          14 pt bold
 *
 * The top stack stands where a pre-printed blank has it; the middle
 * (recipient, unit, achievement) is centred in the room left above the
 * bottom blocks. When the room is too small (a long achievement, an emblem)
 * what is each certificate's own gives way before what its batch shares
 * (cert_batch.c: one heading, one date and one signature block for the whole
 * batch, in one layer): the middle shrinks first, keeping MID_AIR clear
 * above and below it down to MID_AIR_FLOOR, then with MIN_GAP down to
 * CT_MID_FLOOR of its size; then the room to sign narrows; only then does
 * every size and distance shrink together.
 *
 * The lines every certificate of a batch prints alike (all but the
 * recipient, the unit, the achievement and the register number) go, with
 * the border, into one layer the PDF holds once; a page whose lines differ
 * (shrunk, another signer) shows the border layer and prints its own. */
#include "cert_internal.h"
#include "layout/layout.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define A4_W CERT_MM(297.0)
#define A4_H CERT_MM(210.0)

typedef struct line_spec {
    font_style style;
    double size, min_size; /* pt on A4 landscape */
    int pref_lines, max_lines;
    double width;          /* share of the content width */
    double leading;
} line_spec;

static const line_spec SPECS[CERT_LINE_COUNT] = {
    [CERT_QUOC_HIEU] = {FONT_BOLD, 14, 11, 1, 2, 1.0, 1.2},
    [CERT_TIEU_NGU] = {FONT_BOLD, 15, 12, 1, 2, 1.0, 1.2},
    [CERT_THAM_QUYEN] = {FONT_BOLD, 17, 12, 1, 2, 0.92, 1.2},
    [CERT_TANG] = {FONT_BOLD, 16, 12, 1, 1, 0.5, 1.2},
    [CERT_TEN_LOAI] = {FONT_BOLD, 50, 30, 1, 2, 1.0, 1.1},
    [CERT_NGUOI_NHAN] = {FONT_BOLD, 28, 18, 1, 2, 0.92, 1.15},
    [CERT_DON_VI] = {FONT_REGULAR, 17, 12, 1, 3, 0.92, 1.2},
    [CERT_THANH_TICH] = {FONT_REGULAR, 17, 12, 4, 6, 0.88, 1.3},
    [CERT_QUYET_DINH] = {FONT_ITALIC, 12, 10, 1, 2, 0.42, 1.25},
    [CERT_SO_VAO_SO] = {FONT_REGULAR, 12, 10, 1, 2, 0.42, 1.25},
    [CERT_NGAY] = {FONT_ITALIC, 14, 11, 1, 2, 0.44, 1.25},
    [CERT_QUYEN_HAN] = {FONT_BOLD, 14, 11, 1, 2, 0.44, 1.25},
    [CERT_CHUC_VU] = {FONT_BOLD, 14, 11, 1, 2, 0.44, 1.25},
    [CERT_NGUOI_KY] = {FONT_BOLD, 15, 11, 1, 2, 0.44, 1.25},
};

/* Space above each line of the top and middle stacks, mm on A4. The top
 * stack (quốc hiệu to GIẤY KHEN) stands at fixed distances, as on a
 * pre-printed blank; the middle (recipient, unit, achievement) is centred in
 * the room left between it and the bottom blocks. */
static const double ABOVE[CERT_LINE_COUNT] = {
    [CERT_THAM_QUYEN] = 7, [CERT_TANG] = 3, [CERT_TEN_LOAI] = 1.5,
    [CERT_DON_VI] = 1.5,   [CERT_THANH_TICH] = 3,
};
#define MID_ABOVE 0.45 /* share of the room left that goes above the middle */

#define EMBLEM_H 18.0 /* mm */
#define MIN_GAP 3.0   /* mm at least above and below the middle stack */
/* Air the middle keeps above and below while it shrinks to MID_AIR_FLOOR
 * steps (84 %). With only MIN_GAP asked, a person's certificate (name, unit,
 * three lines of achievement) stopped at 96 % with 3 mm under GIẤY KHEN and
 * over the date, where a collective one has 13 mm: crowded on paper. A little
 * smaller, the achievement often takes a line less and the page breathes;
 * past 84 % the air gives way to MIN_GAP before the text shrinks further. */
#define MID_AIR 6.0
#define MID_AIR_FLOOR 8

struct cert_ctx {
    cert_style st;
    page_doc *doc;
    vb_diag *d;
    cert_batch *batch;
    ct_fonts fonts;
    double k;
    bool blank;       /* a blank is used: its printed lines are left out */
    bool has_border;  /* layer `border` holds the border */
    size_t border;
    bool has_shared;  /* layer `shared`: the border and the first page's static lines */
    size_t shared;
    size_t shared_from; /* where the static lines start in it */
    ct_frame shared_frame; /* the frame of the page it was made from */
    double emblem_w;  /* points at k, 0 without an emblem */
    /* The last fitting of each plain line: most lines (quốc hiệu, the
     * authority, the signer…) are the same on every page of a batch. */
    struct {
        char *text;
        double g;
        ct_block b;
    } cache[CERT_LINE_COUNT];
};

bool ct_heading_preprinted(const cert_style *st)
{
    return (st->text_only || st->background) && st->preprinted != 0;
}

cert_ctx *cert_begin(const cert_style *st, font_set *fonts, page_doc *doc, cert_batch *batch,
                     vb_diag *d)
{
    cert_ctx *c = vb_xcalloc(1, sizeof *c);
    c->st = *st;
    if (c->st.scale <= 0)
        c->st.scale = 1;
    c->doc = doc;
    c->d = d;
    c->batch = batch;
    if (!ct_fonts_get(&c->fonts, fonts, d)) {
        free(c);
        return NULL;
    }
    /* A portrait sheet is measured against A4 portrait: against landscape
     * its 210 mm width made every size 70.7 % with wide empty bands. */
    c->k = st->page_w >= st->page_h ? fmin(st->page_w / A4_W, st->page_h / A4_H)
                                    : fmin(st->page_w / A4_H, st->page_h / A4_W);
    c->blank = st->text_only || st->background;
    if (st->emblem) {
        int pw, ph;
        if (!image_pixel_size(st->emblem, &pw, &ph)) {
            vb_error(d, st->emblem, 0, 0,
                     "không đọc được ảnh biểu tượng (cần tệp PNG hoặc JPEG có thật và không hỏng)");
            free(c);
            return NULL;
        }
        c->emblem_w = CERT_MM(EMBLEM_H) * c->k * pw / ph;
    }
    if (!c->blank && st->border != CERT_BORDER_NONE) {
        c->border = page_doc_add_layer(doc);
        c->has_border = true;
        vb_page *ly = &doc->layers[c->border];
        cert_border_draw(ly, doc->arena, st->border, st->border_color, st->page_w, st->page_h, c->k);
        cert_transform(ly, 0, st->page_h, st->offset_x, st->offset_y, c->st.scale, doc->arena);
    }
    return c;
}

void cert_end(cert_ctx *c)
{
    if (!c)
        return;
    for (int l = 0; l < CERT_LINE_COUNT; l++) {
        free(c->cache[l].text);
        ct_block_free(&c->cache[l].b);
    }
    free(c);
}

/* ---- one page ----------------------------------------------------------- */

typedef struct placed {
    ct_block b;
    bool present;
    bool cached; /* b belongs to the context's cache */
} placed;

static bool plain(const cert_fields *f, cert_line l)
{
    return !(l == CERT_THANH_TICH && f->n_thanh_tich);
}

static bool in_cache(const cert_ctx *c, const cert_fields *f, cert_line l)
{
    return plain(f, l) && c->cache[l].text && strcmp(c->cache[l].text, f->text[l]) == 0;
}

static bool present(const cert_fields *f, cert_line l)
{
    if (l == CERT_THANH_TICH && f->n_thanh_tich > 0)
        return true;
    return f->text[l] && f->text[l][0];
}

static bool in_middle(int l)
{
    return l >= CERT_NGUOI_NHAN && l <= CERT_THANH_TICH;
}

/* Fits every line at the shrink factor `g` (1 = the design sizes), the
 * middle stack at `gm`. */
static void fit_all(cert_ctx *c, const cert_fields *f, double g, double gm, placed *pl)
{
    double content_w = c->st.page_w - 2 * cert_content_inset(c->k);
    for (int l = 0; l < CERT_LINE_COUNT; l++) {
        const line_spec *sp = &SPECS[l];
        double k = in_middle(l) ? gm : g;
        pl[l].present = present(f, (cert_line)l);
        pl[l].cached = false;
        memset(&pl[l].b, 0, sizeof pl[l].b);
        if (!pl[l].present)
            continue;
        if (in_cache(c, f, (cert_line)l) && c->cache[l].g == k) {
            pl[l].b = c->cache[l].b;
            pl[l].cached = true;
            continue;
        }
        cert_par *pars = NULL;
        size_t n;
        if (l == CERT_THANH_TICH && f->n_thanh_tich) {
            pars = (cert_par *)f->thanh_tich;
            n = f->n_thanh_tich;
        } else {
            n = ct_plain(f->text[l], sp->style, c->doc->arena, &pars);
        }
        /* Each forced break adds a line to what the line may take: asked
         * for, it is no reason to set the line smaller (a recipient written
         * in three parts, one more than its two lines, went to 6 pt). */
        int forced = plain(f, (cert_line)l) && n > 1 ? (int)n - 1 : 0;
        ct_spec spec = {
            .size = sp->size * c->k * k,
            .min_size = sp->min_size * c->k * k,
            .pref_lines = sp->pref_lines + forced,
            .max_lines = sp->max_lines + forced,
            .width = content_w * sp->width,
            .leading = sp->leading,
        };
        ct_fit(&c->fonts, pars, n, &spec, c->doc->arena, &pl[l].b);
        if (plain(f, (cert_line)l)) {
            free(c->cache[l].text);
            ct_block_free(&c->cache[l].b);
            c->cache[l].text = vb_xstrdup(f->text[l]);
            c->cache[l].g = k;
            c->cache[l].b = pl[l].b;
            pl[l].cached = true;
        }
    }
}

static void free_all(placed *pl)
{
    for (int l = 0; l < CERT_LINE_COUNT; l++)
        if (!pl[l].cached)
            ct_block_free(&pl[l].b);
}

static bool check_all(cert_ctx *c, const cert_fields *f, const char *where, vb_diag *d)
{
    for (int l = 0; l < CERT_LINE_COUNT; l++) {
        if (!present(f, (cert_line)l) || in_cache(c, f, (cert_line)l))
            continue;
        if (l == CERT_THANH_TICH && f->n_thanh_tich) {
            if (!ct_check(&c->fonts, f->thanh_tich, f->n_thanh_tich, where, d))
                return false;
        } else {
            /* as fit_all sets it: a "\n" is a forced break, not a character
             * to find in the font (it was refused as U+000A) */
            cert_par *pars = NULL;
            size_t n = ct_plain(f->text[l], SPECS[l].style, c->doc->arena, &pars);
            if (!ct_check(&c->fonts, pars, n, where, d))
                return false;
        }
    }
    return true;
}

/* Heights at factor g: the top stack (emblem to GIẤY KHEN), the middle
 * stack (recipient to achievement) and the two bottom blocks. */
typedef struct stack {
    double top, middle, bottom_left, bottom_right;
} stack;

static double mm(const cert_ctx *c, double v, double g)
{
    return CERT_MM(v) * c->k * g;
}

static double stack_height(const cert_ctx *c, const placed *pl, int from, int to, double g)
{
    double h = 0;
    bool first = true;
    for (int l = from; l <= to; l++) {
        if (!pl[l].present)
            continue;
        if (!first)
            h += mm(c, ABOVE[l], g);
        first = false;
        h += ct_block_height(&pl[l].b);
        if (l == CERT_TIEU_NGU)
            h += mm(c, 1.8, g); /* its rule */
    }
    return h;
}

/* The signer's name, or the line left for it to be written by hand. */
static double signer_height(const cert_ctx *c, const placed *pl, double g)
{
    if (pl[CERT_NGUOI_KY].present)
        return ct_block_height(&pl[CERT_NGUOI_KY].b);
    return 1.107 * SPECS[CERT_NGUOI_KY].size * c->k * g; /* ascent + descent */
}

static stack measure(const cert_ctx *c, const placed *pl, double g, double gm, double sign)
{
    stack s = {0};
    s.top = stack_height(c, pl, CERT_QUOC_HIEU, CERT_TEN_LOAI, g);
    if (c->st.emblem)
        s.top += mm(c, EMBLEM_H + 2, g);
    s.middle = stack_height(c, pl, CERT_NGUOI_NHAN, CERT_THANH_TICH, gm);
    for (int l = CERT_QUYET_DINH; l <= CERT_SO_VAO_SO; l++)
        if (pl[l].present)
            s.bottom_left += ct_block_height(&pl[l].b) + mm(c, 1, g);
    for (int l = CERT_NGAY; l <= CERT_CHUC_VU; l++)
        if (pl[l].present)
            s.bottom_right += ct_block_height(&pl[l].b);
    if (pl[CERT_QUYEN_HAN].present || pl[CERT_CHUC_VU].present || pl[CERT_NGUOI_KY].present)
        s.bottom_right += mm(c, sign, g) + signer_height(c, pl, g);
    return s;
}

static bool shown(const cert_ctx *c, cert_line l)
{
    return !(c->blank && (c->st.preprinted & (1u << l)));
}

static void warn_fit(cert_ctx *c, const placed *pl, double g, double gm, const char *where)
{
    for (int l = 0; l < CERT_LINE_COUNT; l++) {
        if (!pl[l].present || !pl[l].b.below_min)
            continue;
        vb_warn(c->d, NULL, 0, 0,
                "%s: dòng %s quá dài, phải thu nhỏ còn %.1f pt (dưới mức tối thiểu %.1f pt)%s; "
                "nên rút gọn nội dung",
                where, cert_line_key((cert_line)l), pl[l].b.size,
                SPECS[l].min_size * c->k * (in_middle(l) ? gm : g),
                pl[l].b.over_lines ? " và xuống nhiều dòng hơn" : "");
    }
}

/* Lines printed alike on every certificate of a batch: when a page's are
 * exactly the first page's, it shows them from the shared layer. */
static bool is_static(cert_line l)
{
    return l != CERT_NGUOI_NHAN && l != CERT_DON_VI && l != CERT_THANH_TICH &&
           l != CERT_SO_VAO_SO;
}

static bool same_item(const page_item *a, const page_item *b)
{
    if (a->kind != b->kind || memcmp(&a->color, &b->color, sizeof a->color) != 0)
        return false;
    switch (a->kind) {
    case ITEM_TEXT:
        return a->u.text.face == b->u.text.face && a->u.text.size == b->u.text.size &&
               a->u.text.x == b->u.text.x && a->u.text.y == b->u.text.y &&
               a->u.text.space_extra == b->u.text.space_extra &&
               a->u.text.char_extra == b->u.text.char_extra &&
               a->u.text.rise == b->u.text.rise && strcmp(a->u.text.utf8, b->u.text.utf8) == 0;
    case ITEM_LINE:
        return memcmp(&a->u.line, &b->u.line, sizeof a->u.line) == 0;
    default:
        return false;
    }
}

/* Appends items to a page (or layer), copying the structs. */
static void copy_items(vb_page *dst, const page_item *items, size_t n)
{
    for (size_t i = 0; i < n; i++)
        *page_add_item(dst, items[i].kind) = items[i];
}

/* Lays the lines out: static ones into `fixed`, the others into `own`. */
static void compose(cert_ctx *c, const placed *pl, const stack *s, double g, double gm,
                    vb_page *fixed, vb_page *own)
{
    const cert_style *st = &c->st;
    double W = st->page_w, H = st->page_h;
    double inset = cert_content_inset(c->k);
    double top = H - inset, bottom = inset;
    double left = inset, right = W - inset, content_w = right - left;
    double cx = W / 2, y = top;
    vb_color black = {0, 0, 0};
    if (st->emblem)
        y -= mm(c, EMBLEM_H + 2, g);

    /* the top and middle stacks; the middle centred in the room left */
    double bottom_top = bottom + fmax(s->bottom_left, s->bottom_right);
    double room = top - bottom_top - s->top - s->middle;
    /* at least MID_AIR on each side when the room holds it, else half */
    double air = fmax(mm(c, MIN_GAP, g), fmin(mm(c, MID_AIR, g), room / 2));
    double above = fmax(air, room * MID_ABOVE);
    bool first = true;
    for (int l = CERT_QUOC_HIEU; l <= CERT_THANH_TICH; l++) {
        if (l == CERT_NGUOI_NHAN) {
            y -= above;
            first = true;
        }
        if (!pl[l].present)
            continue;
        if (!first)
            y -= mm(c, ABOVE[l], in_middle(l) ? gm : g);
        first = false;
        const ct_block *b = &pl[l].b;
        vb_color col = l == CERT_TEN_LOAI ? st->title_color
                       : l == CERT_NGUOI_NHAN ? st->name_color
                                               : black;
        vb_page *to = is_static((cert_line)l) ? fixed : own;
        if (shown(c, (cert_line)l)) {
            ct_emit(b, to, cx, y, CT_CENTER, col);
            if (l == CERT_TIEU_NGU && b->n_lines) {
                /* Decree 30: a solid rule as long as the motto, under it,
                 * clear of the descenders (at 0.4 mm it read as an underline) */
                double wmax = 0;
                for (size_t i = 0; i < b->n_lines; i++)
                    wmax = fmax(wmax, b->lines[i].width);
                double ry = y - ct_block_height(b) - mm(c, 1.0, g);
                draw_line(to, cx - wmax / 2, ry, cx + wmax / 2, ry, 0.6 * c->k * g, black);
            }
        }
        y -= ct_block_height(b);
        if (l == CERT_TIEU_NGU)
            y -= mm(c, 1.8, g);
    }

    /* bottom right: place and date, title, room to sign and seal, name */
    double rcx = right - content_w * 0.44 / 2 - mm(c, 4, g);
    double yr = bottom + s->bottom_right;
    for (int l = CERT_NGAY; l <= CERT_CHUC_VU; l++) {
        if (!pl[l].present)
            continue;
        if (shown(c, (cert_line)l))
            ct_emit(&pl[l].b, fixed, rcx, yr, CT_CENTER, black);
        yr -= ct_block_height(&pl[l].b);
    }
    if (pl[CERT_NGUOI_KY].present && shown(c, CERT_NGUOI_KY))
        ct_emit(&pl[CERT_NGUOI_KY].b, fixed, rcx, bottom + signer_height(c, pl, g), CT_CENTER,
                black);
    /* bottom left: the decision and the register number, at the foot */
    double yl = bottom + s->bottom_left;
    double lx = left + mm(c, 4, g);
    for (int l = CERT_QUYET_DINH; l <= CERT_SO_VAO_SO; l++) {
        if (!pl[l].present)
            continue;
        if (shown(c, (cert_line)l))
            ct_emit(&pl[l].b, is_static((cert_line)l) ? fixed : own, lx, yl, CT_LEFT, black);
        yl -= ct_block_height(&pl[l].b) + mm(c, 1, g);
    }
}

/* A page fitted: its lines, their heights and the factors they are set at. */
typedef struct fitting {
    placed pl[CERT_LINE_COUNT];
    stack s;
    double g, gm;
    ct_frame frame;
} fitting;

/* Fits a page from the frame `start`: what is the certificate's own gives
 * way before what its batch shares, since a batch keeps one heading, one
 * date and one signature block (cert_batch.c). First the middle alone: to
 * MID_AIR_FLOOR keeping MID_AIR around it, then to CT_MID_FLOOR with
 * MIN_GAP. The air is the page's own: past MID_AIR_FLOOR only MIN_GAP is
 * asked, so whether the room to sign or the whole page must give way is
 * decided as without the air, and the batch's frame does not move. The
 * middle went only to 80 % on plain paper, then the room to sign narrowed
 * and the whole page shrank, so one long achievement under an emblem gave
 * its certificate a smaller heading, lower date and title than the rest of
 * the batch; shared, it would now narrow the room for the seal on every
 * certificate. Then the room to sign, which moves the date and the
 * title down (to 24 mm the seal may cover them). Then everything, the
 * heading included, the middle never larger. On a blank the heading is
 * printed already at its full size: shrinking it moves the authority and
 * TẶNG off their places beside it and brings the recipient up into GIẤY
 * KHEN, so there too it goes last. */
static void fit_page(cert_ctx *c, const cert_fields *f, ct_frame start, fitting *ft)
{
    double content_h = c->st.page_h - 2 * cert_content_inset(c->k);
    int shrink = start.shrink, mid = start.shrink, sign = start.sign;
    for (;;) {
        ft->g = 1 - CT_STEP * shrink;
        ft->gm = 1 - CT_STEP * mid;
        fit_all(c, f, ft->g, ft->gm, ft->pl);
        ft->s = measure(c, ft->pl, ft->g, ft->gm, sign);
        double gap = mid < MID_AIR_FLOOR ? MID_AIR : MIN_GAP;
        double need = ft->s.top + ft->s.middle + fmax(ft->s.bottom_left, ft->s.bottom_right) +
                      2 * mm(c, gap, ft->g);
        if (need <= content_h || shrink >= CT_SHRINK_MAX)
            break;
        free_all(ft->pl);
        if (mid < CT_MID_FLOOR)
            mid++;
        else if (sign > CT_SIGN_MIN)
            sign--;
        else
            shrink++;
        if (mid < shrink)
            mid = shrink;
    }
    ft->frame = (ct_frame){shrink, sign};
}

/* The middle's tallest line: what makes the page long, for the warning. */
static void longest(const fitting *ft, cert_line *line, size_t *lines)
{
    double h = -1;
    *line = CERT_THANH_TICH;
    *lines = 0;
    for (int l = CERT_NGUOI_NHAN; l <= CERT_THANH_TICH; l++)
        if (ft->pl[l].present && ct_block_height(&ft->pl[l].b) > h) {
            h = ct_block_height(&ft->pl[l].b);
            *line = (cert_line)l;
            *lines = ft->pl[l].b.n_lines;
        }
}

static void record(cert_ctx *c, const fitting *ft, size_t item, bool printed, const char *where)
{
    cert_line why;
    size_t why_lines;
    longest(ft, &why, &why_lines);
    ct_batch_record(c->batch, item, ft->frame, printed, where, why, why_lines);
}

static void warn_page(cert_ctx *c, const fitting *ft, const char *where)
{
    /* On a blank the heading is printed already, at its full size, and
     * cannot follow a smaller page: each such page is named. Elsewhere the
     * batch is set at one factor and says so once (cert_batch_report). */
    if (ft->frame.shrink > 0 && ct_heading_preprinted(&c->st))
        vb_warn(c->d, NULL, 0, 0,
                "%s: nội dung dài, phải thu nhỏ cả trang còn %.0f%%: các dòng in sẽ lệch khỏi các "
                "dòng in sẵn trên phôi; nên rút gọn thành tích",
                where, ft->g * 100);
    warn_fit(c, ft->pl, ft->g, ft->gm, where);
}

/* The shared layer: the border and the static lines of `fixed`. */
static void share(cert_ctx *c, const vb_page *fixed, ct_frame frame)
{
    c->shared = page_doc_add_layer(c->doc);
    c->has_shared = true;
    c->shared_frame = frame;
    vb_page *ly = &c->doc->layers[c->shared];
    if (c->has_border)
        copy_items(ly, c->doc->layers[c->border].items, c->doc->layers[c->border].n_items);
    c->shared_from = ly->n_items;
    copy_items(ly, fixed->items, fixed->n_items);
}

/* Fits certificate `item` from the batch's frame and sets it on `pg`, a new
 * page when NULL. */
static bool set_page(cert_ctx *c, const cert_fields *f, size_t item, const char *where,
                     vb_page *pg)
{
    bool again = ct_batch_seen(c->batch, item);
    if (!again && !check_all(c, f, where, c->d))
        return false;
    const cert_style *st = &c->st;
    double W = st->page_w, H = st->page_h;
    double inset = cert_content_inset(c->k);

    fitting ft;
    fit_page(c, f, ct_batch_start(c->batch), &ft);
    if (!again) /* a page set again at its batch's frame was reported once */
        warn_page(c, &ft, where);
    for (int l = 0; l < CERT_LINE_COUNT; l++)
        if (ft.pl[l].present && ft.pl[l].b.too_wide) {
            vb_error(c->d, NULL, 0, 0,
                     "%s: dòng %s có một từ dài hơn cả khổ giấy khen, kể cả khi thu nhỏ: chữ sẽ "
                     "ra ngoài viền và ngoài tờ giấy; hãy sửa dữ liệu (thiếu dấu cách?)",
                     where, cert_line_key((cert_line)l));
            free_all(ft.pl);
            return false;
        }
    record(c, &ft, item, true, where);

    double g = ft.g;
    vb_page fixed = {0}, own = {0};
    compose(c, ft.pl, &ft.s, g, ft.gm, &fixed, &own);
    free_all(ft.pl);
    cert_transform(&fixed, 0, H, st->offset_x, st->offset_y, st->scale, c->doc->arena);
    cert_transform(&own, 0, H, st->offset_x, st->offset_y, st->scale, c->doc->arena);

    /* the shared layer: the border and the first page's static lines */
    if (!c->has_shared && fixed.n_items)
        share(c, &fixed, ft.frame);
    bool same = c->has_shared;
    if (same) {
        const vb_page *ly = &c->doc->layers[c->shared];
        same = ly->n_items - c->shared_from == fixed.n_items;
        for (size_t i = 0; same && i < fixed.n_items; i++)
            same = same_item(&ly->items[c->shared_from + i], &fixed.items[i]);
    }
    /* Pages set again at the batch's frame share the first of them: the
     * layer made from a page at another frame stays, as it is, for the
     * pages that still show it. */
    if (!same && again && fixed.n_items && !ct_frame_eq(c->shared_frame, ft.frame)) {
        share(c, &fixed, ft.frame);
        same = true;
    }

    if (pg) {
        pg->n_items = 0;
    } else {
        pg = page_doc_add_page(c->doc, W, H);
    }
    if (st->background && !st->text_only) {
        page_item *bg = page_add_item(pg, ITEM_IMAGE);
        bg->u.image.path = st->background;
        bg->u.image.w = W;
        bg->u.image.h = H;
    }
    if (same || c->has_border)
        page_add_item(pg, ITEM_LAYER)->u.layer.index = same ? c->shared : c->border;
    if (st->emblem && !c->blank) {
        page_item *im = page_add_item(pg, ITEM_IMAGE);
        double eh = mm(c, EMBLEM_H, g), ew = c->emblem_w * g;
        im->u.image.path = st->emblem;
        im->u.image.x = W / 2 - ew / 2;
        im->u.image.y = H - inset - eh;
        im->u.image.w = ew;
        im->u.image.h = eh;
        cert_transform(pg, pg->n_items - 1, H, st->offset_x, st->offset_y, st->scale,
                       c->doc->arena);
    }
    if (!same)
        copy_items(pg, fixed.items, fixed.n_items);
    copy_items(pg, own.items, own.n_items);
    free(fixed.items);
    free(own.items);
    return true;
}

bool cert_add_page(cert_ctx *c, const cert_fields *f, size_t item, const char *where)
{
    return set_page(c, f, item, where, NULL);
}

bool cert_set_page(cert_ctx *c, size_t page, const cert_fields *f, size_t item,
                   const char *where)
{
    /* The page is the caller's own count: one the document lacks is a fault
     * of vanban, not of the input. Said as one (false alone failed the
     * command with no word, exit 1), as pdf_fonts.c says its own. */
    if (page >= c->doc->n_pages) {
        vb_error_io(c->d, NULL,
                    "lỗi nội bộ: %s: đặt lại vào trang %zu nhưng tài liệu chỉ có %zu trang",
                    where, page + 1, c->doc->n_pages);
        return false;
    }
    return set_page(c, f, item, where, &c->doc->pages[page]);
}

void cert_measure(cert_ctx *c, const cert_fields *f, size_t item, const char *where)
{
    /* A certificate left out is not this run's business: a character the
     * font lacks is reported when it is printed, and it is not measured. */
    vb_diag quiet;
    vb_diag_init(&quiet, NULL);
    quiet.silent = true;
    if (ct_batch_seen(c->batch, item) || !check_all(c, f, where, &quiet))
        return;
    fitting ft;
    fit_page(c, f, ct_batch_start(c->batch), &ft);
    record(c, &ft, item, false, where);
    free_all(ft.pl);
}
