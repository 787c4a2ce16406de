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
 * The distances between the middle lines stretch with the room left, so a
 * short certificate is not crowded at the top; when the room is too small
 * (an emblem and a long achievement) every size and distance shrinks
 * together. */
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

/* Space above each middle line (mm on A4) and its share of the room left;
 * the room below the achievement takes BOTTOM_STRETCH shares. */
static const struct {
    double gap, stretch;
} ABOVE[CERT_LINE_COUNT] = {
    [CERT_TIEU_NGU] = {0, 0},       [CERT_THAM_QUYEN] = {5, 1},  [CERT_TANG] = {2.5, 0.4},
    [CERT_TEN_LOAI] = {1.5, 0.4},   [CERT_NGUOI_NHAN] = {3, 1},  [CERT_DON_VI] = {1.5, 0.25},
    [CERT_THANH_TICH] = {3, 0.6},
};
#define BOTTOM_STRETCH 1.0
#define MAX_STRETCH 12.0 /* mm per share at most: a short certificate stays together */

#define EMBLEM_H 18.0   /* mm */
#define SIGN_SPACE 24.0 /* mm between the title and the signer's name */
#define MIN_GAP 3.0     /* mm between the middle lines and the bottom blocks */

struct cert_ctx {
    cert_style st;
    page_doc *doc;
    vb_diag *d;
    ct_fonts fonts;
    double k;
    bool blank;       /* a blank is used: its printed lines are left out */
    bool has_layer;
    size_t layer;
    double emblem_w;  /* points at k, 0 without an emblem */
    /* The last fitting of each plain line: most lines (quốc hiệu, the
     * authority, the signer…) are the same on every page of a batch. */
    struct {
        char *text;
        double g;
        ct_block b;
    } cache[CERT_LINE_COUNT];
};

cert_ctx *cert_begin(const cert_style *st, font_set *fonts, page_doc *doc, vb_diag *d)
{
    cert_ctx *c = vb_xcalloc(1, sizeof *c);
    c->st = *st;
    if (c->st.scale <= 0)
        c->st.scale = 1;
    c->doc = doc;
    c->d = d;
    if (!ct_fonts_get(&c->fonts, fonts, d)) {
        free(c);
        return NULL;
    }
    c->k = fmin(st->page_w / A4_W, st->page_h / A4_H);
    c->blank = st->text_only || st->background;
    if (st->emblem) {
        int pw, ph;
        if (!image_pixel_size(st->emblem, &pw, &ph)) {
            vb_error(d, st->emblem, 0, 0,
                     "không đọc được ảnh biểu tượng (cần tệp PNG hoặc JPEG có thật)");
            free(c);
            return NULL;
        }
        c->emblem_w = CERT_MM(EMBLEM_H) * c->k * pw / ph;
    }
    if (!c->blank && st->border != CERT_BORDER_NONE) {
        c->layer = page_doc_add_layer(doc);
        c->has_layer = true;
        vb_page *ly = &doc->layers[c->layer];
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

/* Fits every line at the shrink factor `g` (1 = the design sizes). */
static void fit_all(cert_ctx *c, const cert_fields *f, double g, placed *pl)
{
    double content_w = c->st.page_w - 2 * cert_content_inset(c->k);
    for (int l = 0; l < CERT_LINE_COUNT; l++) {
        const line_spec *sp = &SPECS[l];
        pl[l].present = present(f, (cert_line)l);
        pl[l].cached = false;
        memset(&pl[l].b, 0, sizeof pl[l].b);
        if (!pl[l].present)
            continue;
        if (in_cache(c, f, (cert_line)l) && c->cache[l].g == g) {
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
        ct_spec spec = {
            .size = sp->size * c->k * g,
            .min_size = sp->min_size * c->k * g,
            .pref_lines = sp->pref_lines,
            .max_lines = sp->max_lines,
            .width = content_w * sp->width,
            .leading = sp->leading,
        };
        ct_fit(&c->fonts, pars, n, &spec, c->doc->arena, &pl[l].b);
        if (plain(f, (cert_line)l)) {
            free(c->cache[l].text);
            ct_block_free(&c->cache[l].b);
            c->cache[l].text = vb_xstrdup(f->text[l]);
            c->cache[l].g = g;
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

static bool check_all(cert_ctx *c, const cert_fields *f, const char *where)
{
    for (int l = 0; l < CERT_LINE_COUNT; l++) {
        if (!present(f, (cert_line)l) || in_cache(c, f, (cert_line)l))
            continue;
        if (l == CERT_THANH_TICH && f->n_thanh_tich) {
            if (!ct_check(&c->fonts, f->thanh_tich, f->n_thanh_tich, where, c->d))
                return false;
        } else {
            cert_run r = {f->text[l], SPECS[l].style};
            cert_par p = {&r, 1};
            if (!ct_check(&c->fonts, &p, 1, where, c->d))
                return false;
        }
    }
    return true;
}

/* Heights of the three areas at factor g: the middle stack (top down to the
 * end of the achievement, without stretch), and the bottom blocks. */
typedef struct stack {
    double middle, bottom_left, bottom_right, stretch;
} stack;

static double mm(const cert_ctx *c, double v, double g)
{
    return CERT_MM(v) * c->k * g;
}

static stack measure(const cert_ctx *c, const placed *pl, double g)
{
    stack s = {0};
    if (c->st.emblem)
        s.middle += mm(c, EMBLEM_H + 2, g);
    for (int l = CERT_QUOC_HIEU; l <= CERT_THANH_TICH; l++) {
        if (!pl[l].present)
            continue;
        if (s.middle > 0 || l != CERT_QUOC_HIEU)
            s.middle += mm(c, ABOVE[l].gap, g);
        s.middle += ct_block_height(&pl[l].b);
        s.stretch += ABOVE[l].stretch;
        if (l == CERT_TIEU_NGU)
            s.middle += mm(c, 1.2, g); /* its rule */
    }
    for (int l = CERT_QUYET_DINH; l <= CERT_SO_VAO_SO; l++)
        if (pl[l].present)
            s.bottom_left += ct_block_height(&pl[l].b) + mm(c, 1, g);
    for (int l = CERT_NGAY; l <= CERT_NGUOI_KY; l++)
        if (pl[l].present)
            s.bottom_right += ct_block_height(&pl[l].b);
    if (pl[CERT_NGUOI_KY].present)
        s.bottom_right += mm(c, SIGN_SPACE, g);
    return s;
}

static bool shown(const cert_ctx *c, cert_line l)
{
    return !(c->blank && (c->st.preprinted & (1u << l)));
}

static void warn_fit(cert_ctx *c, const placed *pl, double g, const char *where)
{
    for (int l = 0; l < CERT_LINE_COUNT; l++) {
        if (!pl[l].present || !pl[l].b.below_min)
            continue;
        vb_warn(c->d, NULL, 0, 0,
                "%s: dòng %s quá dài, phải thu nhỏ còn %.1f pt (dưới mức tối thiểu %.1f pt)%s; "
                "nên rút gọn nội dung",
                where, cert_line_key((cert_line)l), pl[l].b.size,
                SPECS[l].min_size * c->k * g,
                pl[l].b.over_lines ? " và xuống nhiều dòng hơn" : "");
    }
}

bool cert_add_page(cert_ctx *c, const cert_fields *f, const char *where)
{
    if (!check_all(c, f, where))
        return false;
    const cert_style *st = &c->st;
    double W = st->page_w, H = st->page_h;
    double inset = cert_content_inset(c->k);
    double top = H - inset, bottom = inset, content_h = top - bottom;
    double left = inset, right = W - inset, content_w = right - left;

    placed pl[CERT_LINE_COUNT];
    double g = 1.0;
    stack s;
    for (;;) {
        fit_all(c, f, g, pl);
        s = measure(c, pl, g);
        double need = s.middle + fmax(s.bottom_left, s.bottom_right) + mm(c, MIN_GAP, g);
        if (need <= content_h || g <= 0.5)
            break;
        free_all(pl);
        g -= 0.02;
    }
    if (g < 0.9)
        vb_warn(c->d, NULL, 0, 0,
                "%s: nội dung dài, cả trang phải thu nhỏ còn %.0f%% cỡ chữ thiết kế; nên rút "
                "gọn thành tích hoặc bỏ biểu tượng",
                where, g * 100);
    warn_fit(c, pl, g, where);

    vb_page *pg = page_doc_add_page(c->doc, W, H);
    if (st->background && !st->text_only) {
        page_item *bg = page_add_item(pg, ITEM_IMAGE);
        bg->u.image.path = st->background;
        bg->u.image.x = 0;
        bg->u.image.y = 0;
        bg->u.image.w = W;
        bg->u.image.h = H;
    }
    if (c->has_layer) {
        page_item *ly = page_add_item(pg, ITEM_LAYER);
        ly->u.layer.index = c->layer;
    }
    size_t first_moved = pg->n_items;

    /* the middle stack, with the room left shared by the stretchable gaps */
    double room = content_h - fmax(s.bottom_left, s.bottom_right) - mm(c, MIN_GAP, g) - s.middle;
    double unit = s.stretch > 0 && room > 0 ? room / (s.stretch + BOTTOM_STRETCH) : 0;
    unit = fmin(unit, mm(c, MAX_STRETCH, g));
    double cx = W / 2, y = top;
    vb_color black = {0, 0, 0};
    if (st->emblem) {
        if (!c->blank) {
            page_item *im = page_add_item(pg, ITEM_IMAGE);
            double eh = mm(c, EMBLEM_H, g), ew = c->emblem_w * g;
            im->u.image.path = st->emblem;
            im->u.image.x = cx - ew / 2;
            im->u.image.y = y - eh;
            im->u.image.w = ew;
            im->u.image.h = eh;
        }
        y -= mm(c, EMBLEM_H + 2, g);
    }
    bool first = !st->emblem;
    for (int l = CERT_QUOC_HIEU; l <= CERT_THANH_TICH; l++) {
        if (!pl[l].present)
            continue;
        if (!first)
            y -= mm(c, ABOVE[l].gap, g) + unit * ABOVE[l].stretch;
        first = false;
        const ct_block *b = &pl[l].b;
        vb_color col = l == CERT_TEN_LOAI ? st->title_color
                       : l == CERT_NGUOI_NHAN ? st->name_color
                                               : black;
        if (shown(c, (cert_line)l)) {
            ct_emit(b, pg, cx, y, CT_CENTER, col);
            if (l == CERT_TIEU_NGU && b->n_lines) {
                /* Decree 30: a solid rule as long as the motto, under it */
                double wmax = 0;
                for (size_t i = 0; i < b->n_lines; i++)
                    wmax = fmax(wmax, b->lines[i].width);
                double ry = y - ct_block_height(b) - mm(c, 0.4, g);
                draw_line(pg, cx - wmax / 2, ry, cx + wmax / 2, ry, 0.6 * c->k * g, black);
            }
        }
        y -= ct_block_height(b);
        if (l == CERT_TIEU_NGU)
            y -= mm(c, 1.2, g);
    }

    /* bottom right: place and date, title, room to sign and seal, name */
    double rcx = right - content_w * 0.44 / 2 - mm(c, 4, g);
    double yr = bottom + s.bottom_right;
    for (int l = CERT_NGAY; l <= CERT_NGUOI_KY; l++) {
        if (!pl[l].present)
            continue;
        if (l == CERT_NGUOI_KY)
            yr -= mm(c, SIGN_SPACE, g);
        if (shown(c, (cert_line)l))
            ct_emit(&pl[l].b, pg, rcx, yr, CT_CENTER, black);
        yr -= ct_block_height(&pl[l].b);
    }
    /* bottom left: the decision and the register number, level with the
     * signer's name at the foot */
    double yl = bottom + s.bottom_left;
    double lx = left + mm(c, 4, g);
    for (int l = CERT_QUYET_DINH; l <= CERT_SO_VAO_SO; l++) {
        if (!pl[l].present)
            continue;
        if (shown(c, (cert_line)l))
            ct_emit(&pl[l].b, pg, lx, yl, CT_LEFT, black);
        yl -= ct_block_height(&pl[l].b) + mm(c, 1, g);
    }
    free_all(pl);
    cert_transform(pg, first_moved, H, st->offset_x, st->offset_y, st->scale, c->doc->arena);
    return true;
}
