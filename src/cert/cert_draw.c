/* Vector drawing for certificates: path building, the four border styles
 * (drawn once per document into a shared layer), and the printer correction
 * (--offset, --scale) applied to what a page prints. */
#include "cert_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define KAPPA 0.5522847498 /* Bézier quarter circle: 4/3 (√2 − 1) */
#define PI 3.14159265358979323846

/* ---- paths -------------------------------------------------------------- */

static void pb_push(path_buf *p, path_op op)
{
    VB_PUSH(p->ops, p->n, p->cap, op);
}

void pb_move(path_buf *p, double x, double y)
{
    pb_push(p, (path_op){.op = PATH_MOVE, .x = {x}, .y = {y}});
}

void pb_line(path_buf *p, double x, double y)
{
    pb_push(p, (path_op){.op = PATH_LINE, .x = {x}, .y = {y}});
}

void pb_curve(path_buf *p, double x1, double y1, double x2, double y2, double x3, double y3)
{
    pb_push(p, (path_op){.op = PATH_CURVE, .x = {x1, x2, x3}, .y = {y1, y2, y3}});
}

void pb_close(path_buf *p)
{
    pb_push(p, (path_op){.op = PATH_CLOSE});
}

void pb_ellipse(path_buf *p, double cx, double cy, double rx, double ry, double angle)
{
    double c = cos(angle), s = sin(angle);
#define PX(u, v) (cx + (u) * c - (v) * s)
#define PY(u, v) (cy + (u) * s + (v) * c)
    /* quarter arcs from (rx,0) → (0,ry) → (−rx,0) → (0,−ry) → (rx,0) */
    static const double q[5][2] = {{1, 0}, {0, 1}, {-1, 0}, {0, -1}, {1, 0}};
    pb_move(p, PX(rx, 0), PY(rx, 0));
    for (int i = 0; i < 4; i++) {
        double u0 = q[i][0] * rx, v0 = q[i][1] * ry, u1 = q[i + 1][0] * rx, v1 = q[i + 1][1] * ry;
        /* tangent at the start is towards the next axis point, at the end back */
        double c1u = u0 + KAPPA * u1, c1v = v0 + KAPPA * v1;
        double c2u = u1 + KAPPA * u0, c2v = v1 + KAPPA * v0;
        pb_curve(p, PX(c1u, c1v), PY(c1u, c1v), PX(c2u, c2v), PY(c2u, c2v), PX(u1, v1), PY(u1, v1));
    }
    pb_close(p);
#undef PX
#undef PY
}

page_item *pb_emit(path_buf *p, vb_page *pg, vb_arena *a, vb_color col, double width, bool fill)
{
    path_op *ops = vb_arena_alloc(a, (p->n ? p->n : 1) * sizeof *ops);
    if (p->n)
        memcpy(ops, p->ops, p->n * sizeof *ops);
    page_item *it = page_add_item(pg, ITEM_PATH);
    it->color = col;
    it->u.path.ops = ops;
    it->u.path.n_ops = p->n;
    it->u.path.width = width;
    it->u.path.fill = fill;
    p->n = 0;
    return it;
}

void pb_free(path_buf *p)
{
    free(p->ops);
    memset(p, 0, sizeof *p);
}

page_item *draw_line(vb_page *pg, double x1, double y1, double x2, double y2, double w,
                     vb_color col)
{
    page_item *it = page_add_item(pg, ITEM_LINE);
    it->color = col;
    it->u.line.x1 = x1;
    it->u.line.y1 = y1;
    it->u.line.x2 = x2;
    it->u.line.y2 = y2;
    it->u.line.width = w;
    return it;
}

page_item *draw_rect(vb_page *pg, double x, double y, double w, double h, double lw,
                     vb_color col, bool fill)
{
    page_item *it = page_add_item(pg, ITEM_RECT);
    it->color = col;
    it->u.rect.x = x;
    it->u.rect.y = y;
    it->u.rect.w = w;
    it->u.rect.h = h;
    it->u.rect.width = lw;
    it->u.rect.fill = fill;
    return it;
}

/* ---- borders ------------------------------------------------------------ */

double cert_content_inset(double k)
{
    return CERT_MM(26.0) * k;
}

static void inset_rect(vb_page *l, double w, double h, double in, double lw, vb_color col)
{
    draw_rect(l, in, in, w - 2 * in, h - 2 * in, lw, col, false);
}

/* Waves along one straight side: `curves` sine curves of amplitude amp,
 * evenly out of phase, from (x0,y0) to (x1,y1) (the band's centre line),
 * with a whole number of periods near `period`. Each quarter period is one
 * cubic with the sine's own tangents at its ends (Hermite to Bézier). */
static void waves(path_buf *p, double x0, double y0, double x1, double y1, double amp,
                  double period, int curves)
{
    double len = hypot(x1 - x0, y1 - y0);
    if (len <= 0)
        return;
    double dx = (x1 - x0) / len, dy = (y1 - y0) / len; /* along */
    double nx = -dy, ny = dx;                           /* across */
    int periods = (int)lround(len / period);
    if (periods < 1)
        periods = 1;
    double om = 2 * PI * periods / len;
    int segs = periods * 4;
    double dt = len / segs;
    for (int c = 0; c < curves; c++) {
        double ph = 2 * PI * c / curves;
        for (int i = 0; i <= segs; i++) {
            double t = i * dt;
            double px = x0 + dx * t + nx * amp * sin(om * t + ph);
            double py = y0 + dy * t + ny * amp * sin(om * t + ph);
            if (i == 0) {
                pb_move(p, px, py);
                continue;
            }
            double t0 = t - dt;
            double qx = x0 + dx * t0 + nx * amp * sin(om * t0 + ph);
            double qy = y0 + dy * t0 + ny * amp * sin(om * t0 + ph);
            double d0x = dx + nx * amp * om * cos(om * t0 + ph);
            double d0y = dy + ny * amp * om * cos(om * t0 + ph);
            double d1x = dx + nx * amp * om * cos(om * t + ph);
            double d1y = dy + ny * amp * om * cos(om * t + ph);
            pb_curve(p, qx + d0x * dt / 3, qy + d0y * dt / 3, px - d1x * dt / 3,
                     py - d1y * dt / 3, px, py);
        }
    }
}

/* A guilloche rosette: a ring of circles whose centres lie on a circle,
 * inside an outline. */
static void rosette(path_buf *p, double cx, double cy, double r, int petals)
{
    double rr = r * 0.5;
    for (int i = 0; i < petals; i++) {
        double a = 2 * PI * i / petals;
        pb_ellipse(p, cx + rr * 0.92 * cos(a), cy + rr * 0.92 * sin(a), rr, rr, 0);
    }
    pb_ellipse(p, cx, cy, r, r, 0);
}

static void border_guilloche(vb_page *l, vb_arena *a, vb_color col, double w, double h, double k)
{
    double out = CERT_MM(9.0) * k, b0 = CERT_MM(10.6) * k, b1 = CERT_MM(18.4) * k;
    double mid = (b0 + b1) / 2, amp = (b1 - b0) / 2 - CERT_MM(0.7) * k;
    inset_rect(l, w, h, out, 1.1 * k, col);
    inset_rect(l, w, h, b0, 0.45 * k, col);
    inset_rect(l, w, h, b1, 0.45 * k, col);
    inset_rect(l, w, h, CERT_MM(19.6) * k, 0.9 * k, col);
    inset_rect(l, w, h, CERT_MM(20.5) * k, 0.3 * k, col);
    /* corner squares across the band */
    double xs[2] = {b1, w - b1}, ys[2] = {b1, h - b1};
    for (int i = 0; i < 2; i++) {
        draw_line(l, xs[i], b0, xs[i], b1, 0.45 * k, col);
        draw_line(l, xs[i], h - b0, xs[i], h - b1, 0.45 * k, col);
        draw_line(l, b0, ys[i], b1, ys[i], 0.45 * k, col);
        draw_line(l, w - b0, ys[i], w - b1, ys[i], 0.45 * k, col);
    }
    path_buf p = {0};
    double period = CERT_MM(8.0) * k;
    waves(&p, b1, mid, w - b1, mid, amp, period, 4);         /* bottom */
    waves(&p, b1, h - mid, w - b1, h - mid, amp, period, 4); /* top */
    waves(&p, mid, b1, mid, h - b1, amp, period, 4);         /* left */
    waves(&p, w - mid, b1, w - mid, h - b1, amp, period, 4); /* right */
    pb_emit(&p, l, a, col, 0.35 * k, false);
    /* a finer second rope inside the first, for the engraved look */
    waves(&p, b1, mid, w - b1, mid, amp * 0.45, period / 2, 2);
    waves(&p, b1, h - mid, w - b1, h - mid, amp * 0.45, period / 2, 2);
    waves(&p, mid, b1, mid, h - b1, amp * 0.45, period / 2, 2);
    waves(&p, w - mid, b1, w - mid, h - b1, amp * 0.45, period / 2, 2);
    pb_emit(&p, l, a, col, 0.2 * k, false);
    double cr = (b1 - b0) / 2 - CERT_MM(0.5) * k;
    double cx[2] = {mid, w - mid}, cy[2] = {mid, h - mid};
    for (int i = 0; i < 2; i++)
        for (int j = 0; j < 2; j++)
            rosette(&p, cx[i], cy[j], cr, 16);
    pb_emit(&p, l, a, col, 0.3 * k, false);
    pb_free(&p);
}

static void border_double(vb_page *l, double w, double h, double k, vb_color col)
{
    inset_rect(l, w, h, CERT_MM(10.0) * k, 2.6 * k, col);
    inset_rect(l, w, h, CERT_MM(12.6) * k, 0.8 * k, col);
}

/* A frame whose corners are cut inwards by quarter circles of radius r
 * centred on the corners of the rectangle at inset `in`. */
static void notched_frame(path_buf *p, double w, double h, double in, double r)
{
    double x0 = in, y0 = in, x1 = w - in, y1 = h - in, kr = KAPPA * r;
    pb_move(p, x0 + r, y0);
    pb_line(p, x1 - r, y0);
    pb_curve(p, x1 - r, y0 + kr, x1 - kr, y0 + r, x1, y0 + r);
    pb_line(p, x1, y1 - r);
    pb_curve(p, x1 - kr, y1 - r, x1 - r, y1 - kr, x1 - r, y1);
    pb_line(p, x0 + r, y1);
    pb_curve(p, x0 + r, y1 - kr, x0 + kr, y1 - r, x0, y1 - r);
    pb_line(p, x0, y0 + r);
    pb_curve(p, x0 + kr, y0 + r, x0 + r, y0 + kr, x0 + r, y0);
    pb_close(p);
}

static void diamond(path_buf *p, double cx, double cy, double rx, double ry)
{
    pb_move(p, cx + rx, cy);
    pb_line(p, cx, cy + ry);
    pb_line(p, cx - rx, cy);
    pb_line(p, cx, cy - ry);
    pb_close(p);
}

static void border_corners(vb_page *l, vb_arena *a, double w, double h, double k, vb_color col)
{
    double out = CERT_MM(10.0) * k, in = CERT_MM(14.0) * k, r = CERT_MM(8.0) * k;
    inset_rect(l, w, h, out, 1.6 * k, col);
    path_buf p = {0};
    notched_frame(&p, w, h, in, r);
    pb_emit(&p, l, a, col, 0.9 * k, false);
    notched_frame(&p, w, h, in + CERT_MM(1.3) * k, r - CERT_MM(1.3) * k);
    pb_emit(&p, l, a, col, 0.35 * k, false);
    /* at each corner: a four-leaf ornament over a filled diamond */
    double cx[2] = {in, w - in}, cy[2] = {in, h - in};
    for (int i = 0; i < 2; i++)
        for (int j = 0; j < 2; j++) {
            double s = CERT_MM(1.0) * k;
            for (int q = 0; q < 4; q++) {
                double ang = PI / 4 + q * PI / 2;
                pb_ellipse(&p, cx[i] + cos(ang) * 1.9 * s, cy[j] + sin(ang) * 1.9 * s, 1.7 * s,
                           0.7 * s, ang);
            }
            pb_emit(&p, l, a, col, 0.45 * k, false);
            diamond(&p, cx[i], cy[j], 1.1 * s, 1.1 * s);
            pb_emit(&p, l, a, col, 0, true);
        }
    /* small diamonds at the middle of each side, between the two rules */
    double m = (out + in) / 2, dr = CERT_MM(1.4) * k;
    diamond(&p, w / 2, m, dr * 2.2, dr);
    diamond(&p, w / 2, h - m, dr * 2.2, dr);
    diamond(&p, m, h / 2, dr, dr * 2.2);
    diamond(&p, w - m, h / 2, dr, dr * 2.2);
    pb_emit(&p, l, a, col, 0, true);
    pb_free(&p);
}

void cert_border_draw(vb_page *layer, vb_arena *a, cert_border kind, vb_color col, double w,
                      double h, double k)
{
    switch (kind) {
    case CERT_BORDER_NONE: break;
    case CERT_BORDER_DOUBLE: border_double(layer, w, h, k, col); break;
    case CERT_BORDER_CORNERS: border_corners(layer, a, w, h, k, col); break;
    case CERT_BORDER_GUILLOCHE: border_guilloche(layer, a, col, w, h, k); break;
    }
}

/* ---- printer correction ------------------------------------------------- */

typedef struct xform {
    double h, s, ox, oy; /* page height, scale, offsets in points */
} xform;

static void xf_point(const xform *t, double *x, double *y)
{
    double top = t->h - *y; /* distance from the top edge */
    *x = *x * t->s + t->ox;
    *y = t->h - (top * t->s + t->oy);
}

void cert_transform(vb_page *pg, size_t from, double page_h, double ox_mm, double oy_mm,
                    double scale, vb_arena *a)
{
    if (scale == 1.0 && ox_mm == 0 && oy_mm == 0)
        return;
    xform t = {page_h, scale, CERT_MM(ox_mm), CERT_MM(oy_mm)};
    for (size_t i = from; i < pg->n_items; i++) {
        page_item *it = &pg->items[i];
        switch (it->kind) {
        case ITEM_TEXT:
            xf_point(&t, &it->u.text.x, &it->u.text.y);
            it->u.text.size *= scale;
            it->u.text.space_extra *= scale;
            it->u.text.char_extra *= scale;
            it->u.text.rise *= scale;
            break;
        case ITEM_LINE:
            xf_point(&t, &it->u.line.x1, &it->u.line.y1);
            xf_point(&t, &it->u.line.x2, &it->u.line.y2);
            it->u.line.width *= scale;
            break;
        case ITEM_RECT: /* the bottom-left corner maps to the scaled box's */
            xf_point(&t, &it->u.rect.x, &it->u.rect.y);
            it->u.rect.w *= scale;
            it->u.rect.h *= scale;
            it->u.rect.width *= scale;
            break;
        case ITEM_IMAGE:
            xf_point(&t, &it->u.image.x, &it->u.image.y);
            it->u.image.w *= scale;
            it->u.image.h *= scale;
            break;
        case ITEM_LINK:
            xf_point(&t, &it->u.link.x, &it->u.link.y);
            it->u.link.w *= scale;
            it->u.link.h *= scale;
            break;
        case ITEM_PATH: {
            xf_point(&t, &it->u.path.x, &it->u.path.y);
            if (scale != 1.0) {
                path_op *ops = vb_arena_alloc(a, (it->u.path.n_ops ? it->u.path.n_ops : 1) *
                                                     sizeof *ops);
                for (size_t k = 0; k < it->u.path.n_ops; k++) {
                    ops[k] = it->u.path.ops[k];
                    for (int j = 0; j < 3; j++) {
                        ops[k].x[j] *= scale;
                        ops[k].y[j] *= scale;
                    }
                }
                it->u.path.ops = ops;
                it->u.path.width *= scale;
            }
            break;
        }
        case ITEM_LAYER:
            break;
        }
    }
}
