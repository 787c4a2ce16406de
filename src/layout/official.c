/* The Decree 30 furniture that flows with the text: the header block of page
 * one (two columns: agency and number on the left, national motto and place
 * and date on the right), the title, "Kính gửi", and at the end the "Nơi
 * nhận" list beside the signature block. Positions and sizes follow
 * docs/nd30-format.md §2–§10; each choice inside a range is noted. */
#include "layout_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define HEADER_LEFT_W MM_TO_PT(68)    /* §3 [PRACTICE]: model forms' left column */
#define HEADER_FORM_W MM_TO_PT(171.5) /* ... of their 68 + 103.5 mm header table */
#define HEADER_SHIFT MM_TO_PT(3.5)    /* ... shifted into the left margin */
#define HEADER_LEFT_MIN MM_TO_PT(60)  /* room for "ỦY BAN NHÂN DÂN" in 13 pt */
#define SIGN_GAP MM_TO_PT(30)         /* §9: 25–35 mm for signature and seal */
#define RULE_W 0.6                    /* a Word "single" border is 0.5–0.75 pt */

/* Plain text → inlines in one style; "\n" is a forced line break. */
static md_inline *inlines(lay_ctx *cx, const char *s, unsigned style, size_t *n)
{
    size_t count = 1;
    for (const char *p = s; *p; p++)
        count += (*p == '\n') * 2;
    md_inline *v = vb_arena_alloc(cx->out->arena, count * sizeof *v);
    memset(v, 0, count * sizeof *v);
    size_t k = 0;
    const char *start = s;
    for (;;) {
        const char *nl = strchr(start, '\n');
        size_t len = nl ? (size_t)(nl - start) : strlen(start);
        char *t = vb_arena_alloc(cx->out->arena, len + 1);
        memcpy(t, start, len);
        t[len] = '\0';
        v[k].kind = MD_TEXT;
        v[k].style = style;
        v[k].text = t;
        k++;
        if (!nl)
            break;
        v[k].kind = MD_HARDBREAK;
        k++;
        start = nl + 1;
    }
    *n = k;
    return v;
}

/* Where the text of a set line reaches. */
static void line_extent(const vbox *b, double *x0, double *x1)
{
    *x0 = INFINITY;
    *x1 = -INFINITY;
    for (size_t i = 0; i < b->n_items; i++) {
        const page_item *it = &b->items[i];
        if (it->kind != ITEM_TEXT)
            continue;
        size_t spaces = 0, chars = 0;
        for (const char *p = it->u.text.utf8; *p; p++) {
            spaces += *p == ' ';
            chars += ((unsigned char)*p & 0xC0) != 0x80;
        }
        double w = font_text_width(it->u.text.face, it->u.text.utf8, strlen(it->u.text.utf8),
                                   it->u.text.size) +
                   (double)spaces * it->u.text.space_extra + (double)chars * it->u.text.char_extra;
        *x0 = fmin(*x0, it->u.text.x);
        *x1 = fmax(*x1, it->u.text.x + w);
    }
}

typedef struct col_text {
    double size;
    unsigned style;
    text_align align;
    double line_height; /* 0: single spacing */
    double hang;        /* lines after the first start this far right */
    bool keep_words;    /* break inside a listed two-syllable word only at a cost */
} col_text;

/* Sets `s` in the column [x, x+w] and copies its lines into `dst` starting
 * `*y` points below the box's top; advances *y. Returns the widest line's
 * width (for the rules that take a text's length). */
static double column_text(lay_ctx *cx, vbox *dst, double *y, const char *s, col_text t,
                          double x, double w)
{
    if (!s || !*s)
        return 0;
    size_t n = 0;
    md_inline *inl = inlines(cx, s, t.style, &n);
    para_style ps = {0};
    ps.size = t.size;
    ps.line_height = t.line_height > 0 ? t.line_height : t.size * 1.15;
    ps.style = t.style;
    ps.align = t.align;
    ps.x = x + t.hang;
    ps.width = w - t.hang;
    ps.first_indent = -t.hang;
    ps.balance = t.align == ALIGN_CENTER; /* titles, agencies, signature */
    ps.keep_words = t.keep_words;
    flow tmp = {0};
    bool keep = cx->keep_next;
    para_layout(cx, &tmp, inl, n, &ps, 0);
    cx->keep_next = keep;
    double widest = 0;
    for (size_t i = 0; i < tmp.n; i++) {
        const vbox *b = &tmp.v[i];
        double x0, x1;
        line_extent(b, &x0, &x1);
        if (x1 > x0)
            widest = fmax(widest, x1 - x0);
        for (size_t k = 0; k < b->n_items; k++) {
            page_item *it = vbox_add_item(dst, b->items[k].kind);
            *it = b->items[k];
            if (it->kind == ITEM_TEXT)
                it->u.text.y -= *y;
        }
        *y += b->height;
    }
    flow_free(&tmp);
    return widest;
}

/* Moves the text items [from, to) of `b` so that the first of them sits on
 * the baseline of item `ref`: elements set side by side in different sizes
 * share one baseline (Số and the date; Nơi nhận and quyền hạn). */
static void align_baseline(vbox *b, size_t from, size_t to, size_t ref)
{
    if (from >= to || ref >= b->n_items || b->items[from].kind != ITEM_TEXT)
        return;
    double dy = b->items[ref].u.text.y - b->items[from].u.text.y;
    for (size_t i = from; i < to; i++)
        if (b->items[i].kind == ITEM_TEXT)
            b->items[i].u.text.y += dy;
}

/* A horizontal rule `len` long centred on `cx0`, `dy` below the box top. */
static void centred_rule(vbox *dst, double centre, double len, double dy)
{
    page_item *it = vbox_add_item(dst, ITEM_LINE);
    it->u.line.x1 = centre - len / 2;
    it->u.line.x2 = centre + len / 2;
    it->u.line.y1 = it->u.line.y2 = -dy;
    it->u.line.width = RULE_W;
}

/* The rule sits this far under the last line's box, clear of the dots
 * under ạ, ụ, ộ. */
static double rule_drop(double size)
{
    return size * 0.3;
}

void official_header(lay_ctx *cx, flow *f)
{
    const frame_spec *fr = cx->fr;
    const official_fields *of = fr->official;
    double text_l, text_w;
    lay_text_column(cx, &text_l, &text_w);
    double text_r = text_l + text_w;
    /* The header is two columns across the text width (§2). On a portrait
     * page the left one is the model forms' 68 mm; on a wider page (huong:
     * ngang) it keeps their share of the width, so the quốc hiệu and the
     * date stand over the right part of the text, above the signature
     * block, and not just right of a portrait-sized left column. */
    double lx = text_l - HEADER_SHIFT;
    double lw = fmax(HEADER_LEFT_W, (text_r - lx) * (HEADER_LEFT_W / HEADER_FORM_W));
    double rx = lx + lw, rw = text_r - rx;
    double body = fr->body_size;
    /* The quốc hiệu is one line, always. With the widest margins the decree
     * allows (left 35, right 20 mm) the right column is 90 mm, narrower than
     * the quốc hiệu in 13 pt bold: the left column gives up what it needs,
     * down to HEADER_LEFT_MIN, and then the quốc hiệu takes 12 pt, the
     * other size §3 allows. */
    double qh_size = 13;
    font_face *bold = lay_face(cx, MD_BOLD);
    if (bold && of->quoc_hieu && !strchr(of->quoc_hieu, '\n')) {
        double need = font_text_width(bold, of->quoc_hieu, strlen(of->quoc_hieu), qh_size) + 2;
        if (need > rw) {
            lw = fmax(HEADER_LEFT_MIN, lw - (need - rw));
            rx = lx + lw;
            rw = text_r - rx;
        }
        if (need > rw)
            qh_size = 12;
    }

    vbox *hb = flow_add(cx, f, 0);
    /* Left column: cơ quan chủ quản (upright caps) over cơ quan ban hành
     * (bold caps), 13 pt (§3: 12–13), single spacing, a rule 1/3–1/2 of the
     * agency's length under it (we take 2/5). */
    double ly = 0;
    col_text agency = {.size = 13, .align = ALIGN_CENTER};
    column_text(cx, hb, &ly, of->co_quan_chu_quan, agency, lx, lw);
    agency.style = MD_BOLD;
    double aw = column_text(cx, hb, &ly, of->co_quan_ban_hanh, agency, lx, lw);
    if (aw > 0) {
        ly += rule_drop(13);
        centred_rule(hb, lx + lw / 2, aw * 0.4, ly);
    }
    /* Right column: quốc hiệu bold caps 13 pt over tiêu ngữ bold 14 pt with a
     * rule exactly as long as the motto (§3). */
    double ry = 0;
    col_text motto = {.size = qh_size, .style = MD_BOLD, .align = ALIGN_CENTER};
    column_text(cx, hb, &ry, of->quoc_hieu, motto, rx, rw);
    motto.size = 14;
    double mw = column_text(cx, hb, &ry, of->tieu_ngu, motto, rx, rw);
    if (mw > 0) {
        ry += rule_drop(14);
        centred_rule(hb, rx + rw / 2, mw, ry);
    }
    /* Số under the agency and the place and date under the motto, on one
     * line (§4, §5): both start at the same height, a little under the
     * lower rule. Số 13 pt upright; the date italic at the body size. */
    double y = fmax(ly, ry) + 8;
    double sy = y, dy = y;
    size_t so_from = hb->n_items;
    if (of->so_ky_hieu) {
        vb_buf b;
        vb_buf_init(&b);
        /* A number not given yet ("/KH-SNV", or written after spaces) is
         * left blank for the văn thư to fill in by hand: always the same
         * room, eight no-break spaces after "Số: ", whatever spaces the
         * field kept (normalize turns a run of them into one). */
        const char *v = of->so_ky_hieu;
        while (*v == ' ' || (v[0] == '\xC2' && v[1] == '\xA0'))
            v += *v == ' ' ? 1 : 2;
        if (*v == '/')
            vb_buf_printf(&b, "Số: %s%s", "\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0", v);
        else
            vb_buf_printf(&b, "Số: %s", of->so_ky_hieu);
        col_text num = {.size = 13, .align = ALIGN_CENTER, .line_height = body * 1.15};
        column_text(cx, hb, &sy, b.data, num, lx, lw);
        vb_buf_free(&b);
    }
    size_t so_to = hb->n_items;
    col_text date = {.size = body, .style = MD_ITALIC, .align = ALIGN_CENTER};
    column_text(cx, hb, &dy, of->dia_danh_ngay, date, rx, rw);
    if (hb->n_items > so_to)
        align_baseline(hb, so_from, so_to, so_to);
    /* A công văn has no tên loại: its trích yếu, after "V/v", stands under
     * Số, 12 pt upright, 6 pt below it (§6), not as a centred bold title. */
    bool cong_van = !of->ten_loai && of->trich_yeu;
    if (cong_van) {
        vb_buf b;
        vb_buf_init(&b);
        const char *t = of->trich_yeu;
        bool has_vv = strncmp(t, "V/v", 3) == 0 || strncmp(t, "v/v", 3) == 0;
        /* "Về việc …" typed in full printed "V/v Về việc …" */
        if (strncmp(t, "Về việc ", strlen("Về việc ")) == 0 || strncmp(t, "về việc ", strlen("về việc ")) == 0)
            t += strlen("Về việc ");
        vb_buf_printf(&b, "%s%s", has_vv ? "" : "V/v ", t);
        sy += 6;
        col_text vv = {.size = 12, .align = ALIGN_CENTER};
        column_text(cx, hb, &sy, b.data, vv, lx, lw);
        vb_buf_free(&b);
    }
    y = fmax(sy, dy);

    /* Tên loại (bold caps) and trích yếu (bold), centred on the text, with a
     * rule 1/3–1/2 of the trích yếu's length under it (§6; 2/5 taken). */
    if (of->ten_loai) {
        y += body * 1.5;
        col_text title = {.size = body, .style = MD_BOLD, .align = ALIGN_CENTER};
        column_text(cx, hb, &y, of->ten_loai, title, text_l, text_r - text_l);
        double tw = column_text(cx, hb, &y, of->trich_yeu, title, text_l, text_r - text_l);
        if (tw <= 0)
            tw = 3 * body; /* a title without trích yếu still gets its rule */
        y += rule_drop(body);
        centred_rule(hb, (text_l + text_r) / 2, fmax(tw * 0.4, MM_TO_PT(20)), y);
        y += rule_drop(body);
    }
    hb->height = y;

    /* Kính gửi (§7): one recipient on the label's line, centred; several one
     * a line, "- " first, ";" after each and "." after the last, the dashes
     * aligned after the label, which stands 35 mm in ([Mẫu]). */
    if (of->n_kinh_gui > 0) {
        flow_add_space(cx, f, body * 0.8);
        vbox *kb = flow_add(cx, f, 0);
        kb->break_ok = false;
        double ky = 0;
        col_text t = {.size = body, .line_height = body * fr->line_spacing};
        const char *label = "Kính gửi:";
        if (of->n_kinh_gui == 1) {
            vb_buf b;
            vb_buf_init(&b);
            const char *r = of->kinh_gui[0];
            size_t len = strlen(r);
            bool punct = len && strchr(".;:", r[len - 1]);
            vb_buf_printf(&b, "%s %s%s", label, r, punct ? "" : ".");
            t.align = ALIGN_CENTER;
            column_text(cx, kb, &ky, b.data, t, text_l, text_r - text_l);
            vb_buf_free(&b);
        } else {
            font_face *face = lay_face(cx, 0);
            double lab_x = text_l + MM_TO_PT(35);
            double item_x = lab_x + (face ? font_text_width(face, "Kính gửi: ", 
                                                            strlen("Kính gửi: "), body) : 60);
            double first_y = ky;
            t.align = ALIGN_LEFT;
            column_text(cx, kb, &first_y, label, t, lab_x, item_x - lab_x + body);
            /* a recipient over two lines continues under its text, not
             * under the dash, as the Nơi nhận items do */
            t.hang = face ? font_text_width(face, "- ", 2, body) : 0;
            for (size_t i = 0; i < of->n_kinh_gui; i++) {
                const char *r = of->kinh_gui[i];
                size_t len = strlen(r);
                bool punct = len && strchr(".;:", r[len - 1]);
                vb_buf b;
                vb_buf_init(&b);
                vb_buf_printf(&b, "- %s%s", r, punct ? "" : i + 1 == of->n_kinh_gui ? "." : ";");
                column_text(cx, kb, &ky, b.data, t, item_x, text_r - item_x);
                vb_buf_free(&b);
            }
        }
        kb->height = ky;
    }
    flow_add_space(cx, f, body * 0.8);
    cx->keep_next = false;
}

void official_closing(lay_ctx *cx, flow *f)
{
    const frame_spec *fr = cx->fr;
    const official_fields *of = fr->official;
    bool sign = of->quyen_han || of->chuc_vu || of->nguoi_ky;
    if (!sign && of->n_noi_nhan == 0)
        return;
    double text_l, w;
    lay_text_column(cx, &text_l, &w);
    double body = fr->body_size;
    /* The block never starts a page: it takes the last lines of the body
     * with it (§14 sketch; the paragraph's own widow rule keeps two). */
    bool keep = true;
    cx->keep_next = keep;
    flow_add_space(cx, f, fr->para_space + 6);
    vbox *b = flow_add(cx, f, 0);
    b->break_ok = false;

    /* Right ~60 %: quyền hạn and chức vụ bold caps, the gap for signature
     * and seal, the name bold; all centred in the column (§9). */
    double sx = text_l + w * 0.4, sw = w * 0.6;
    double ry = 0;
    size_t sign_first = b->n_items;
    col_text st = {.size = body, .style = MD_BOLD, .align = ALIGN_CENTER};
    column_text(cx, b, &ry, of->quyen_han, st, sx, sw);
    column_text(cx, b, &ry, of->chuc_vu, st, sx, sw);
    if (sign) {
        ry += SIGN_GAP;
        if (of->nguoi_ky)
            column_text(cx, b, &ry, of->nguoi_ky, st, sx, sw);
    }
    /* Left ~40 %, flush left, level with the first quyền hạn line: "Nơi
     * nhận:" 12 pt bold italic, items 11 pt "- …" (§10). The first
     * baselines line up: shift by the difference of the ascents. */
    double ly = 0;
    size_t list_from = b->n_items;
    if (of->n_noi_nhan > 0) {
        col_text nt = {.size = 12, .style = MD_BOLD | MD_ITALIC, .align = ALIGN_LEFT};
        column_text(cx, b, &ly, "Nơi nhận:", nt, text_l, w * 0.4);
        col_text it = {.size = 11, .align = ALIGN_LEFT, .line_height = 11 * 1.15,
                       .keep_words = true};
        /* A wrapped item goes on under its text, not under its dash, as
         * typists set it: the list stays a list of dashes. */
        it.hang = font_text_width(lay_face(cx, 0), "- ", 2, it.size);
        for (size_t i = 0; i < of->n_noi_nhan; i++) {
            vb_buf t;
            vb_buf_init(&t);
            vb_buf_printf(&t, "- %s", of->noi_nhan[i]);
            column_text(cx, b, &ly, t.data, it, text_l, w * 0.4 - 6);
            vb_buf_free(&t);
        }
    }
    if (sign_first < list_from)
        align_baseline(b, list_from, b->n_items, sign_first);
    b->height = fmax(ly, ry);
    cx->keep_next = false;
}
