/* A template's front matter → frame settings and the official fields.
 * Ranges are the decree's (docs/nd30-format.md §1, §8): an official document
 * outside them would be returned by the văn thư, so it is an error here. */
#include "frame.h"
#include "tmpl/tmpl.h"
#include "vn/vn.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct settings_ctx {
    const front_matter *fm;
    const char *path;
    vb_arena *a;
    vb_diag *d;
    vn_tone tone;
    bool ok;
} settings_ctx;

static int key_line(const settings_ctx *c, const char *key)
{
    const fm_entry *e = front_matter_find(c->fm, key);
    return e ? e->line : 1;
}

/* Where a field's value came from, for its error: the template, or the
 * command line ("--set ngay" when --set gave it: it has no line there). */
static const char *key_where(const settings_ctx *c, const char *key, char *buf, size_t cap)
{
    const fm_entry *e = front_matter_find(c->fm, key);
    if (e && e->line == 0) {
        snprintf(buf, cap, "--set %s", key);
        return buf;
    }
    return c->path;
}

/* A scalar in NFC with the document's tone style (a person's name the
 * data put there keeps its marks: "nguoi_ky"), or NULL. */
static const char *text(settings_ctx *c, const char *key)
{
    const fm_entry *e = front_matter_find(c->fm, key);
    const char *v = e ? e->value : NULL;
    if (!v || !*v)
        return NULL;
    char *n = front_matter_normalize(e, FM_SCALAR, 0, strlen(v), c->tone);
    const char *r = vb_arena_strdup(c->a, n);
    free(n);
    return r;
}

/* A field Decree 30 sets in capitals (the agencies, tên loại, the symbol,
 * quyền hạn and chức vụ): "Ủy ban nhân dân tỉnh" typed in a template or
 * taken from the data printed as typed. */
static const char *capitals(settings_ctx *c, const char *key)
{
    const char *v = text(c, key);
    if (!v)
        return NULL;
    vb_buf b;
    vb_buf_init(&b);
    vn_upper(&b, v, strlen(v));
    const char *r = vb_arena_strdup(c->a, b.data ? b.data : "");
    vb_buf_free(&b);
    return r;
}

/* The document's number and symbol in capitals, a number below 10 with its
 * leading 0 (Decree 30 §4: "Số: 05/BNV-VP"). */
static const char *number_symbol(settings_ctx *c)
{
    const char *v = capitals(c, "so_ky_hieu");
    if (v && v[0] >= '1' && v[0] <= '9' && v[1] == '/') {
        char *padded = vb_arena_alloc(c->a, strlen(v) + 2);
        padded[0] = '0';
        strcpy(padded + 1, v);
        return padded;
    }
    return v;
}

/* A sequence (or one scalar) as a list of normalized strings. */
static const char **list(settings_ctx *c, const char *key, size_t *n)
{
    *n = 0;
    const fm_entry *e = front_matter_find(c->fm, key);
    if (!e)
        return NULL;
    size_t count = e->value ? 1 : e->n_items;
    if (count == 0)
        return NULL;
    const char **out = vb_arena_alloc(c->a, count * sizeof *out);
    for (size_t i = 0; i < count; i++) {
        const char *v = e->value ? e->value : e->items[i];
        char *nv = front_matter_normalize(e, e->value ? FM_SCALAR : i, 0, strlen(v), c->tone);
        out[(*n)++] = vb_arena_strdup(c->a, nv);
        free(nv);
    }
    return out;
}

/* A number field within [lo, hi]; absent leaves *out unchanged. */
static void number(settings_ctx *c, const char *key, double lo, double hi, double *out,
                   const char *unit)
{
    const char *v = front_matter_get(c->fm, key);
    if (!v || !*v)
        return;
    char *end = NULL;
    char buf[64];
    snprintf(buf, sizeof buf, "%s", v);
    for (char *p = buf; *p; p++)
        if (*p == ',') /* Vietnamese decimal comma */
            *p = '.';
    double x = strtod(buf, &end);
    while (end && *end == ' ')
        end++;
    if (!end || end == buf || *end || !isfinite(x) || x < lo || x > hi) {
        char where[80];
        vb_error(c->d, key_where(c, key, where, sizeof where), key_line(c, key),
                 front_matter_col(c->fm, key), "%s: \"%s\" không hợp lệ; cần một số từ %g đến %g%s",
                 key, v, lo, hi, unit);
        c->ok = false;
        return;
    }
    *out = x;
}

/* kho_giay: the paper. Decree 30 §1 prints every official document on A4,
 * so anything else there is refused at the field rather than printed on A4
 * regardless, as it was, with exit 0 (a clerk who asked for A5 would find
 * out at the printer). A plain document may take A3 or A5 as well. Sizes
 * are portrait; huong turns them. A certificate reads kho_giay itself. */
static void paper(settings_ctx *c, frame_spec *f)
{
    const char *v = front_matter_get(c->fm, "kho_giay");
    if (!v || f->kind == FRAME_CERTIFICATE)
        return;
    static const struct {
        const char *name;
        double w, h; /* points, portrait; A4 as frame_plain has it */
    } sizes[] = {{"A4", 595.276, 841.89}, {"A3", 841.89, 1190.551}, {"A5", 419.528, 595.276}};
    size_t n = f->kind == FRAME_OFFICIAL ? 1 : sizeof sizes / sizeof *sizes;
    while (*v == ' ')
        v++;
    size_t len = strlen(v);
    while (len && v[len - 1] == ' ')
        len--;
    for (size_t i = 0; i < n; i++)
        if (len == 2 && (v[0] == 'A' || v[0] == 'a') && v[1] == sizes[i].name[1]) {
            f->page_w = sizes[i].w;
            f->page_h = sizes[i].h;
            return;
        }
    char where[80];
    if (f->kind == FRAME_OFFICIAL)
        vb_error(c->d, key_where(c, "kho_giay", where, sizeof where), key_line(c, "kho_giay"),
                 front_matter_col(c->fm, "kho_giay"),
                 "kho_giay: \"%s\" không dùng được cho văn bản hành chính; Nghị định "
                 "30/2020/NĐ-CP chỉ cho phép khổ A4 (210 × 297 mm): ghi A4 hoặc bỏ trường này",
                 front_matter_get(c->fm, "kho_giay"));
    else
        vb_error(c->d, key_where(c, "kho_giay", where, sizeof where), key_line(c, "kho_giay"),
                 front_matter_col(c->fm, "kho_giay"),
                 "kho_giay: \"%s\" không hợp lệ; dùng A4, A3 hoặc A5",
                 front_matter_get(c->fm, "kho_giay"));
    c->ok = false;
}

static void page_settings(settings_ctx *c, frame_spec *f)
{
    bool official = f->kind == FRAME_OFFICIAL;
    paper(c, f);
    const char *huong = front_matter_get(c->fm, "huong");
    if (huong) {
        if (!strcmp(huong, "ngang") || !strcmp(huong, "landscape")) {
            double w = f->page_w;
            f->page_w = f->page_h;
            f->page_h = w;
        } else if (strcmp(huong, "dọc") && strcmp(huong, "portrait")) {
            char where[80];
            vb_error(c->d, key_where(c, "huong", where, sizeof where), key_line(c, "huong"),
                     front_matter_col(c->fm, "huong"),
                     "huong: \"%s\" không hợp lệ; dùng \"dọc\" hoặc \"ngang\"", huong);
            c->ok = false;
        }
    }
    double mm[4] = {20, 20, 30, 15};
    const char *keys[4] = {"le_tren", "le_duoi", "le_trai", "le_phai"};
    const double lo[4] = {20, 20, 30, 15}, hi[4] = {25, 25, 35, 20};
    double *dst[4] = {&f->margin_top, &f->margin_bottom, &f->margin_left, &f->margin_right};
    for (int i = 0; i < 4; i++) {
        mm[i] = *dst[i] * 25.4 / 72;
        number(c, keys[i], official ? lo[i] : 5, official ? hi[i] : 60, &mm[i], " (mm)");
        *dst[i] = MM_TO_PT(mm[i]);
    }
    double size = f->body_size;
    number(c, "co_chu", official ? 13 : 8, official ? 14 : 24, &size, " (pt)");
    if (size != f->body_size) {
        for (int i = 0; i < 6; i++)
            if (official || f->heading_size[i] == f->body_size)
                f->heading_size[i] = size;
        f->body_size = size;
    }
    number(c, "gian_dong", 1, official ? 1.5 : 3, &f->line_spacing, " (lần cỡ chữ)");
}

/* "Sóc Trăng, ngày 05 tháng 02 năm 2023" from dia_danh and an ISO ngay. */
static const char *place_date(settings_ctx *c)
{
    const char *place = text(c, "dia_danh");
    const char *iso = front_matter_get(c->fm, "ngay");
    if (iso && !*iso) /* a template's "{{… | default:''}}": no date yet */
        iso = NULL;
    if (!place && !iso)
        return NULL;
    vb_buf b;
    vb_buf_init(&b);
    if (place) {
        vb_buf_puts(&b, place);
        vb_buf_puts(&b, ", ");
    }
    bool year_only = iso && strlen(iso) == 4 && strspn(iso, "0123456789") == 4;
    if (year_only) {
        /* A draft dated by its year only ("ngay: 2023"): day and month left
         * blank for the văn thư, the year printed, as typed drafts have it. */
        vb_buf_puts(&b, "ngày\u00a0\u00a0\u00a0\u00a0\u00a0tháng\u00a0\u00a0\u00a0\u00a0\u00a0năm ");
        vb_buf_puts(&b, iso);
    } else if (iso) {
        vn_date dt;
        if (!vn_parse_iso_date(iso, &dt)) {
            char where[80];
            vb_error(c->d, key_where(c, "ngay", where, sizeof where), key_line(c, "ngay"),
                     front_matter_col(c->fm, "ngay"),
                     "ngay: \"%s\" không phải ngày hợp lệ; viết theo dạng NĂM-THÁNG-NGÀY, "
                     "ví dụ 2023-07-18 (hoặc chỉ năm, 2023, để trống ngày và tháng)",
                     iso);
            c->ok = false;
        } else {
            vn_format_date(&b, dt);
        }
    } else {
        /* A draft without a date: blanks to fill by hand, as typed drafts do. */
        vb_buf_puts(&b, "ngày\u00a0\u00a0\u00a0\u00a0\u00a0tháng\u00a0\u00a0\u00a0\u00a0\u00a0năm\u00a0\u00a0\u00a0\u00a0\u00a0");
    }
    const char *r = vb_arena_strdup(c->a, b.data ? b.data : "");
    vb_buf_free(&b);
    return r;
}

bool frame_from_front_matter(frame_spec *f, official_fields *of, const front_matter *fm,
                             const char *path, vb_arena *a, vb_diag *d)
{
    settings_ctx c = {.fm = fm, .path = path, .a = a, .d = d, .tone = VN_TONE_CLASSIC, .ok = true};
    const char *tone = front_matter_get(fm, "tone");
    if (tone && !vn_tone_parse(tone, &c.tone)) {
        char where[80];
        vb_error(d, key_where(&c, "tone", where, sizeof where), key_line(&c, "tone"),
                 front_matter_col(c.fm, "tone"),
                 "tone: \"%s\" không hợp lệ; dùng classic, modern hoặc keep", tone);
        return false;
    }
    const char *kind = front_matter_get(fm, "frame");
    if (!kind || !strcmp(kind, "plain")) {
        frame_plain(f);
    } else if (!strcmp(kind, "official")) {
        frame_official(f);
    } else if (!strcmp(kind, "certificate")) {
        frame_plain(f);
        f->kind = FRAME_CERTIFICATE;
    } else {
        char where[80];
        vb_error(d, key_where(&c, "frame", where, sizeof where), key_line(&c, "frame"),
                 front_matter_col(c.fm, "frame"),
                 "frame: \"%s\" không có; dùng plain, official hoặc certificate", kind);
        return false;
    }
    page_settings(&c, f);
    memset(of, 0, sizeof *of);
    if (f->kind != FRAME_OFFICIAL)
        return c.ok;

    of->quoc_hieu = text(&c, "quoc_hieu");
    if (!of->quoc_hieu)
        of->quoc_hieu = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    of->tieu_ngu = text(&c, "tieu_ngu");
    if (!of->tieu_ngu)
        of->tieu_ngu = "Độc lập - Tự do - Hạnh phúc";
    of->co_quan_chu_quan = capitals(&c, "co_quan_chu_quan");
    of->co_quan_ban_hanh = capitals(&c, "co_quan_ban_hanh");
    of->so_ky_hieu = number_symbol(&c);
    of->dia_danh_ngay = place_date(&c);
    of->ten_loai = capitals(&c, "ten_loai");
    of->trich_yeu = text(&c, "trich_yeu");
    of->kinh_gui = list(&c, "kinh_gui", &of->n_kinh_gui);
    of->quyen_han = capitals(&c, "quyen_han");
    of->chuc_vu = capitals(&c, "chuc_vu");
    of->nguoi_ky = text(&c, "nguoi_ky");
    of->noi_nhan = list(&c, "noi_nhan", &of->n_noi_nhan);
    f->official = of;
    return c.ok;
}
