/* Certificate settings as people write them: paper sizes, border styles,
 * colours, offsets; the front-matter key of each line. */
#include "cert_internal.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char *const KEYS[CERT_LINE_COUNT] = {
    [CERT_QUOC_HIEU] = "quoc_hieu",   [CERT_TIEU_NGU] = "tieu_ngu",
    [CERT_THAM_QUYEN] = "tham_quyen", [CERT_TANG] = "tang",
    [CERT_TEN_LOAI] = "ten_loai",     [CERT_NGUOI_NHAN] = "nguoi_nhan",
    [CERT_DON_VI] = "don_vi",         [CERT_THANH_TICH] = "thanh_tich",
    [CERT_QUYET_DINH] = "quyet_dinh", [CERT_SO_VAO_SO] = "so_vao_so",
    [CERT_NGAY] = "ngay",             [CERT_QUYEN_HAN] = "quyen_han",
    [CERT_CHUC_VU] = "chuc_vu",       [CERT_NGUOI_KY] = "nguoi_ky",
};

const char *cert_line_key(cert_line l)
{
    return l < CERT_LINE_COUNT ? KEYS[l] : "?";
}

int cert_line_of_key(const char *key)
{
    for (int l = 0; l < CERT_LINE_COUNT; l++)
        if (strcmp(KEYS[l], key) == 0)
            return l;
    return -1;
}

static bool ieq(const char *a, const char *b)
{
    for (; *a && *b; a++, b++)
        if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
            return false;
    return *a == *b;
}

/* A number with a dot decimal mark, the whole string. */
static bool parse_num(const char *s, size_t len, double *out)
{
    char buf[64];
    if (len == 0 || len >= sizeof buf)
        return false;
    memcpy(buf, s, len);
    buf[len] = '\0';
    for (char *p = buf; *p; p++)
        if (*p == ',')
            *p = '.';
    char *end = NULL;
    double v = strtod(buf, &end);
    while (end && (*end == ' ' || *end == '\t'))
        end++;
    if (!end || end == buf || *end || !isfinite(v))
        return false;
    *out = v;
    return true;
}

bool cert_paper_parse(const char *s, double *w_pt, double *h_pt)
{
    while (*s == ' ')
        s++;
    static const struct {
        const char *name;
        double w, h; /* mm, landscape */
    } sizes[] = {{"A3", 420, 297}, {"A4", 297, 210}, {"A5", 210, 148}};
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++)
        if (ieq(s, sizes[i].name)) {
            *w_pt = CERT_MM(sizes[i].w);
            *h_pt = CERT_MM(sizes[i].h);
            return true;
        }
    const char *x = strpbrk(s, "xX×");
    if (!x)
        return false;
    size_t sep = strncmp(x, "×", strlen("×")) == 0 ? strlen("×") : 1;
    double w, h;
    const char *rest = x + sep;
    size_t rl = strlen(rest);
    if (rl >= 2 && ieq(rest + rl - 2, "mm"))
        rl -= 2;
    if (!parse_num(s, (size_t)(x - s), &w) || !parse_num(rest, rl, &h))
        return false;
    if (w < 50 || h < 50 || w > 1200 || h > 1200)
        return false;
    *w_pt = CERT_MM(w);
    *h_pt = CERT_MM(h);
    return true;
}

bool cert_border_parse(const char *s, cert_border *out)
{
    static const struct {
        const char *name;
        cert_border b;
    } names[] = {
        {"khong", CERT_BORDER_NONE},        {"không", CERT_BORDER_NONE},
        {"none", CERT_BORDER_NONE},         {"doi", CERT_BORDER_DOUBLE},
        {"đôi", CERT_BORDER_DOUBLE},        {"double", CERT_BORDER_DOUBLE},
        {"goc", CERT_BORDER_CORNERS},       {"góc", CERT_BORDER_CORNERS},
        {"corners", CERT_BORDER_CORNERS},   {"hoa-van", CERT_BORDER_GUILLOCHE},
        {"hoa-văn", CERT_BORDER_GUILLOCHE}, {"guilloche", CERT_BORDER_GUILLOCHE},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (ieq(s, names[i].name)) {
            *out = names[i].b;
            return true;
        }
    return false;
}

static int hexval(char ch)
{
    if (ch >= '0' && ch <= '9')
        return ch - '0';
    ch = (char)tolower((unsigned char)ch);
    if (ch >= 'a' && ch <= 'f')
        return ch - 'a' + 10;
    return -1;
}

bool cert_color_parse(const char *s, vb_color *out)
{
    static const struct {
        const char *name;
        unsigned rgb;
    } names[] = {
        {"do", 0xC00000},      {"đỏ", 0xC00000},      {"red", 0xC00000},
        {"den", 0x000000},     {"đen", 0x000000},     {"black", 0x000000},
        {"xanh", 0x0D2A73},    {"blue", 0x0D2A73},    {"xanh-la", 0x1B6B2F},
        {"xanh-lá", 0x1B6B2F}, {"green", 0x1B6B2F},   {"vang", 0xB8860B},
        {"vàng", 0xB8860B},    {"gold", 0xB8860B},    {"nau", 0x8B1A1A},
        {"nâu", 0x8B1A1A},     {"do-tham", 0x8B1A1A}, {"đỏ-thẫm", 0x8B1A1A},
    };
    unsigned rgb = 0;
    bool found = false;
    for (size_t i = 0; i < sizeof names / sizeof names[0] && !found; i++)
        if (ieq(s, names[i].name)) {
            rgb = names[i].rgb;
            found = true;
        }
    if (!found) {
        const char *h = s[0] == '#' ? s + 1 : s;
        if (strlen(h) != 6)
            return false;
        for (int i = 0; i < 6; i++) {
            int v = hexval(h[i]);
            if (v < 0)
                return false;
            rgb = rgb << 4 | (unsigned)v;
        }
    }
    out->r = ((rgb >> 16) & 0xFF) / 255.0;
    out->g = ((rgb >> 8) & 0xFF) / 255.0;
    out->b = (rgb & 0xFF) / 255.0;
    return true;
}

bool cert_offset_parse(const char *s, double *x, double *y)
{
    /* "X,Y" with dot decimals, or "X;Y" where a comma may be the decimal mark */
    const char *sep = strchr(s, ';');
    if (!sep) {
        sep = strchr(s, ',');
        if (sep && strchr(sep + 1, ','))
            return false;
    }
    if (!sep)
        return false;
    return parse_num(s, (size_t)(sep - s), x) && parse_num(sep + 1, strlen(sep + 1), y) &&
           fabs(*x) <= 100 && fabs(*y) <= 100;
}

void cert_style_default(cert_style *st)
{
    memset(st, 0, sizeof *st);
    cert_paper_parse("A4", &st->page_w, &st->page_h);
    st->border = CERT_BORDER_GUILLOCHE;
    cert_color_parse("nau", &st->border_color);
    cert_color_parse("do", &st->title_color);
    cert_color_parse("xanh", &st->name_color);
    st->scale = 1.0;
}
