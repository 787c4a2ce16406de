/* The calibration page (vanban calibrate): printed on the printer that will
 * print the certificates, it shows how far that printer moves and stretches
 * what it prints, so --offset and --scale can undo it.
 *
 * Millimetre rulers run along the top and the left side, each numbered with
 * the distance from the sheet's left (top) edge; crosses sit 30 mm in from
 * the edges. A printer that moves everything 1.5 mm to the right prints the
 * top-left cross 31.5 mm from the left edge: --offset -1.5,0 corrects it. */
#include "cert_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CROSS_IN 30.0 /* mm from the edges */

typedef struct cal {
    page_doc *doc;
    vb_page *pg;
    double W, H;
    font_face *reg, *bold;
} cal;

/* Points of a position given in mm from the top-left corner. */
static double px(double x_mm) { return CERT_MM(x_mm); }
static double py(const cal *c, double y_mm) { return c->H - CERT_MM(y_mm); }

static void text(cal *c, font_face *f, double size, double x, double y, ct_align al,
                 const char *s)
{
    page_item *it = page_add_item(c->pg, ITEM_TEXT);
    double w = font_text_width(f, s, strlen(s), size);
    it->u.text.face = f;
    it->u.text.size = size;
    it->u.text.x = al == CT_CENTER ? x - w / 2 : x;
    it->u.text.y = y;
    it->u.text.utf8 = vb_arena_strdup(c->doc->arena, s);
}

/* A step of the instructions at x, broken at spaces to stay within `w`
 * (a portrait sheet is 87 mm narrower than landscape: step 4 ran off the
 * page, cutting "--scale …/c" off); its next lines hang under the text
 * after the step's number. Returns the number of lines. */
static int text_wrapped(cal *c, font_face *f, double size, double x, double y, double w,
                        double lead, const char *s)
{
    int lines = 0;
    const char *p = s;
    double indent = 0;
    while (*p) {
        size_t len = strlen(p), fit = len;
        if (font_text_width(f, p, len, size) > w - indent) {
            fit = 0;
            for (size_t k = 1; k <= len; k++)
                if ((k == len || p[k] == ' ') && font_text_width(f, p, k, size) <= w - indent)
                    fit = k;
            if (fit == 0) { /* one word wider than the line: as it is */
                const char *sp = strchr(p + 1, ' ');
                fit = sp ? (size_t)(sp - p) : len;
            }
        }
        char *line = vb_xstrndup(p, fit);
        text(c, f, size, x + indent, y - lines * lead, CT_LEFT, line);
        free(line);
        lines++;
        p += fit;
        while (*p == ' ')
            p++;
        if (lines == 1) {
            const char *dot = strstr(s, ". ");
            indent = dot && dot - s <= 3 ? font_text_width(f, s, (size_t)(dot - s) + 2, size) : 0;
        }
    }
    return lines;
}

static void rulers(cal *c)
{
    vb_color k = {0, 0, 0};
    double W_mm = c->W * 25.4 / 72, H_mm = c->H * 25.4 / 72;
    double band = 12.0; /* the rulers' base lines, mm from the edges */
    draw_line(c->pg, px(0), py(c, band), c->W, py(c, band), 0.4, k);
    draw_line(c->pg, px(band), py(c, 0), px(band), 0, 0.4, k);
    char num[16];
    for (int m = 0; m <= (int)floor(W_mm); m++) {
        double len = m % 10 == 0 ? 6 : m % 5 == 0 ? 4 : 2.2;
        draw_line(c->pg, px(m), py(c, band), px(m), py(c, band - len), m % 10 ? 0.25 : 0.45, k);
        /* a number centred on the sheet's edge (210 on A4 portrait) would
         * print half off the paper */
        if (m % 10 == 0 && m > band && m + 3 < W_mm) {
            snprintf(num, sizeof num, "%d", m);
            text(c, c->reg, 6.5, px(m), py(c, band + 3.2), CT_CENTER, num);
        }
    }
    for (int m = 0; m <= (int)floor(H_mm); m++) {
        double len = m % 10 == 0 ? 6 : m % 5 == 0 ? 4 : 2.2;
        draw_line(c->pg, px(band), py(c, m), px(band - len), py(c, m), m % 10 ? 0.25 : 0.45, k);
        if (m % 10 == 0 && m > band && m + 3 < H_mm) {
            snprintf(num, sizeof num, "%d", m);
            text(c, c->reg, 6.5, px(band + 1.2), py(c, m) - 2.3, CT_LEFT, num);
        }
    }
}

static void cross(cal *c, double x_mm, double y_mm)
{
    vb_color k = {0, 0, 0};
    double x = px(x_mm), y = py(c, y_mm), r = CERT_MM(6);
    draw_line(c->pg, x - r, y, x + r, y, 0.35, k);
    draw_line(c->pg, x, y - r, x, y + r, 0.35, k);
    path_buf p = {0};
    pb_ellipse(&p, x, y, CERT_MM(3), CERT_MM(3), 0);
    pb_emit(&p, c->pg, c->doc->arena, k, 0.3, false);
    pb_free(&p);
    char label[64];
    snprintf(label, sizeof label, "(%g; %g)", x_mm, y_mm);
    text(c, c->reg, 8, x + CERT_MM(4), y + CERT_MM(3.5), CT_LEFT, label);
}

bool cert_calibrate_page(page_doc *doc, font_set *fonts, double page_w, double page_h,
                         double offset_x, double offset_y, double scale, vb_diag *d)
{
    cal c = {.doc = doc, .W = page_w, .H = page_h};
    c.reg = font_set_face(fonts, FONT_ROLE_SERIF, FONT_REGULAR, d);
    c.bold = font_set_face(fonts, FONT_ROLE_SERIF, FONT_BOLD, d);
    if (!c.reg || !c.bold)
        return false;
    c.pg = page_doc_add_page(doc, page_w, page_h);
    double W_mm = page_w * 25.4 / 72, H_mm = page_h * 25.4 / 72;

    rulers(&c);
    cross(&c, CROSS_IN, CROSS_IN);
    cross(&c, W_mm - CROSS_IN, CROSS_IN);
    cross(&c, CROSS_IN, H_mm - CROSS_IN);
    cross(&c, W_mm - CROSS_IN, H_mm - CROSS_IN);

    char buf[400];
    double cx = page_w / 2, y = py(&c, 42);
    text(&c, c.bold, 16, cx, y, CT_CENTER, "TRANG CĂN CHỈNH MÁY IN GIẤY KHEN");
    y -= 22;
    snprintf(buf, sizeof buf, "Khổ giấy %g × %g mm. Đang áp dụng: --offset %g,%g --scale %g",
             round(W_mm * 10) / 10, round(H_mm * 10) / 10, offset_x, offset_y, scale);
    text(&c, c.reg, 11, cx, y, CT_CENTER, buf);
    y -= 26;
    double lx = px(50);
    const char *steps[] = {
        "1. In trang này trên máy in sẽ in giấy khen, đúng khổ giấy, tỉ lệ 100% "
        "(tắt \"Vừa trang\" / \"Fit to page\").",
        "2. Đo từ mép trái tờ giấy tới tâm dấu + góc trên bên trái (đúng là 30 mm): được a mm;",
        "    đo từ mép trên tới tâm dấu đó: được b mm.",
        "3. In giấy khen với --offset X,Y: X = 30 − a, Y = 30 − b "
        "(đo được 31,5 và 29 mm: --offset -1.5,1).",
        NULL, /* the scale line, with this sheet's distance */
        "5. In lại trang này với các tùy chọn đó: các dấu + phải nằm đúng 30 mm từ mép giấy.",
    };
    char scale_line[300];
    snprintf(scale_line, sizeof scale_line,
             "4. Nếu máy in co giãn: đo khoảng cách tâm hai dấu + phía trên (đúng là %g mm) "
             "được c mm, dùng --scale %g/c.",
             W_mm - 2 * CROSS_IN, round((W_mm - 2 * CROSS_IN) * 10) / 10);
    for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++)
        y -= 17 + 15 * (text_wrapped(&c, c.reg, 11, lx, y, page_w - lx - px(20), 15,
                                     steps[i] ? steps[i] : scale_line) - 1);
    y -= 8;
    text(&c, c.reg, 10, cx, y, CT_CENTER,
         "Thước trên: khoảng cách tới mép trái tờ giấy; thước trái: tới mép trên (mm).");
    cert_transform(c.pg, 0, page_h, offset_x, offset_y, scale, doc->arena);
    return true;
}
