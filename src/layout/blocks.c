/* Block structure → boxes: paragraphs, headings, quotes, lists, code, rules, images. */
#include "layout_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static para_style body_style(lay_ctx *cx, double x, double width, double size, bool in_note)
{
    const frame_spec *fr = cx->fr;
    para_style ps = {0};
    ps.size = size;
    ps.line_height = size * (in_note ? 1.1 : fr->line_spacing);
    ps.align = fr->justify ? ALIGN_JUSTIFY : ALIGN_LEFT;
    ps.x = x;
    ps.width = width;
    ps.first_indent = in_note ? 0 : fr->first_indent;
    return ps;
}

static void heading(lay_ctx *cx, flow *f, const md_block *b, double x, double width, bool first)
{
    const frame_spec *fr = cx->fr;
    int lv = b->level < 1 ? 1 : b->level > 6 ? 6 : b->level;
    para_style ps = body_style(cx, x, width, fr->heading_size[lv - 1], false);
    ps.first_indent = 0;
    ps.style = fr->heading_style[lv - 1];
    /* An appendix's title (the heading right after "Phụ lục …") is centred
     * like the Phụ lục line itself (§12). */
    bool centre = fr->heading_center[lv - 1] ||
                  (fr->heading_page_break && cx->last_heading == 1 && lv == 2);
    ps.align = centre ? ALIGN_CENTER : ALIGN_LEFT;
    ps.lone_last_word = true;
    ps.keep_words = true;
    if (!centre && fr->heading_indent)
        ps.first_indent = fr->first_indent;
    bool new_page = fr->heading_page_break && lv == 1 && !first;
    if (!first && !new_page)
        flow_add_space(cx, f, ps.size * 0.7);
    size_t at = f->n;
    para_layout(cx, f, b->inl, b->n_inl, &ps, b->line);
    if (f->n > at) {
        f->v[at].outline_title = md_inline_text(cx->out->arena, b->inl, b->n_inl);
        f->v[at].outline_level = lv;
        f->v[at].force_break = new_page;
        f->v[at].section_start = new_page;
        /* A heading's lines stay together and with what follows. */
        for (size_t i = at + 1; i < f->n; i++)
            f->v[i].break_ok = false;
    }
    /* Only the text's headings end its opening "Căn cứ" lines: the notes
     * are set before the text (layout_notes), and a heading in one made
     * them upright. */
    if (f == &cx->main)
        cx->seen_heading = true;
    /* Kept before the space is added, so neither the space nor the next
     * block can start a page after the heading. */
    cx->keep_next = true;
    flow_add_space(cx, f, fr->para_space);
}

/* Is every word of the paragraph bold or italic (a heading written as
 * emphasis rather than with #)? */
static bool emphasis_only(const md_block *b)
{
    bool any = false;
    for (size_t i = 0; i < b->n_inl; i++) {
        const md_inline *in = &b->inl[i];
        if (in->kind == MD_FOOTREF || in->kind == MD_HARDBREAK)
            return false;
        if (in->kind != MD_TEXT)
            continue;
        bool blank = true;
        for (const char *p = in->text; p && *p; p++)
            blank &= *p == ' ';
        if (blank)
            continue;
        if (!(in->style & (MD_BOLD | MD_ITALIC)))
            return false;
        any = true;
    }
    return any;
}

/* Does the paragraph's text start with `prefix`? */
static bool starts_with(const md_block *b, const char *prefix)
{
    return b->n_inl > 0 && b->inl[0].kind == MD_TEXT && b->inl[0].text &&
           strncmp(b->inl[0].text, prefix, strlen(prefix)) == 0;
}

static void to_roman_lower(char *out, size_t cap, int n)
{
    static const struct { int v; const char *s; } t[] = {
        {1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"},
        {50, "l"},   {40, "xl"},  {10, "x"},  {9, "ix"},   {5, "v"},   {4, "iv"}, {1, "i"}};
    out[0] = '\0';
    if (n <= 0 || n >= 4000) {
        snprintf(out, cap, "%d", n);
        return;
    }
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
        while (n >= t[i].v && strlen(out) + strlen(t[i].s) < cap) {
            strcat(out, t[i].s);
            n -= t[i].v;
        }
}

/* Markers by nesting depth, as Vietnamese documents number them:
 * 1. → a) → i.   and for bullets – then + (official) or • – ◦ (plain). */
static const char *list_marker(lay_ctx *cx, const md_block *list, size_t k, int depth)
{
    char buf[32];
    if (list->ordered) {
        int n = list->start + (int)k;
        switch (depth % 3) {
        case 0:
            snprintf(buf, sizeof buf, "%d%c", n, list->delim ? list->delim : '.');
            break;
        case 1:
            if (n >= 1 && n <= 26)
                snprintf(buf, sizeof buf, "%c)", 'a' + n - 1);
            else
                snprintf(buf, sizeof buf, "%d)", n);
            break;
        default:
            to_roman_lower(buf, sizeof buf - 1, n);
            strcat(buf, ".");
            break;
        }
        return vb_arena_strdup(cx->out->arena, buf);
    }
    if (cx->fr->lists == LIST_FIRST_INDENT)
        return depth % 2 == 0 ? "-" : "+";
    static const char *const bullets[] = {"\xE2\x80\xA2", "\xE2\x80\x93", "\xE2\x97\xA6"};
    return bullets[depth % 3];
}

static void list_layout(lay_ctx *cx, flow *f, const md_block *list, double x, double width,
                        int depth, double size, bool in_note)
{
    const frame_spec *fr = cx->fr;
    bool hanging = fr->lists == LIST_HANGING;
    double step = hanging ? fr->list_indent : 0;
    double cx_x = x + step, cw = width - step;
    bool spaced = !hanging || !list->tight;
    /* first boxes of the first, second and last items */
    size_t first = f->n, second = 0, last = 0;
    for (size_t k = 0; k < list->n_children; k++) {
        const md_block *item = &list->children[k];
        const char *marker = list_marker(cx, list, k, depth);
        size_t c0 = 0;
        if (k == 1)
            second = f->n;
        last = f->n;
        para_style ps = body_style(cx, cx_x, cw, size, in_note);
        ps.marker = marker;
        if (hanging) {
            ps.first_indent = 0;
            ps.marker_hanging = true;
            ps.marker_gap = step;
        }
        if (item->n_children > 0 && item->children[0].kind == MD_PARAGRAPH) {
            para_layout(cx, f, item->children[0].inl, item->children[0].n_inl, &ps,
                        item->children[0].line);
            c0 = 1;
        } else {
            para_layout(cx, f, NULL, 0, &ps, item->line); /* the marker alone */
        }
        for (size_t c = c0; c < item->n_children; c++) {
            const md_block *ch = &item->children[c];
            if (spaced || ch->kind != MD_LIST)
                flow_add_space(cx, f, spaced ? fr->para_space : size * 0.2);
            if (ch->kind == MD_LIST)
                list_layout(cx, f, ch, cx_x, cw, depth + 1, size, in_note);
            else
                blocks_layout(cx, f, ch, 1, cx_x, cw, depth + 1, size, in_note);
        }
        if (k + 1 < list->n_children)
            flow_add_space(cx, f, spaced ? fr->para_space : size * 0.2);
    }
    /* A list of one-line items reads as a paragraph's lines: no page starts
     * after its first item or before its last when that item is one line,
     * as no paragraph leaves one line alone at either end ("2. Cá nhân"
     * and one prize at the foot of a page, three on the next). */
    size_t spaces = spaced ? 1 : 0; /* the space box between two items */
    if (list->n_children >= 2 && second < f->n && second - first <= 1 + spaces)
        f->v[second].break_ok = false;
    if (list->n_children >= 3 && last < f->n && f->n - last == 1)
        f->v[last].break_ok = false;
}

static void code_block(lay_ctx *cx, flow *f, const md_block *b, double x, double width,
                       double size)
{
    double sz = size - 2;
    double lh = sz * 1.3;
    font_face *mono = lay_face(cx, MD_CODE);
    if (!mono || (*b->text && flow_skip_unit(cx, f)))
        return;
    const char *s = b->text;
    vb_buf line;
    vb_buf_init(&line);
    /* in a footnote, the lines are one unit, each anchored at its source
     * line and byte; set again from an anchor, that line starts there */
    bool anchored = f == cx->anchored;
    size_t unit = cx->unit + 1, ln = 0;
    bool resumed = anchored && cx->resuming && unit == cx->resume.unit;
    while (*s) {
        const char *e = strchr(s, '\n');
        size_t len = e ? (size_t)(e - s) : strlen(s);
        vb_buf_clear(&line);
        for (size_t i = 0; i < len; i++)
            vb_buf_puts(&line, s[i] == '\t' ? "    " : (char[]){s[i], 0});
        /* A line too long for the measure wraps at a character boundary:
         * code must not run off the page. */
        size_t off = resumed && ln == cx->resume.a && cx->resume.b < line.len ? cx->resume.b : 0;
        do {
            size_t take = 0, i = off;
            double w = 0;
            while (i < line.len) {
                uint32_t cp;
                size_t k = vb_utf8_decode(line.data + i, line.len - i, &cp);
                if (k == 0)
                    k = 1;
                double cw = font_text_width(mono, line.data + i, k, sz);
                if (w + cw > width - 8 && take > 0)
                    break;
                w += cw;
                i += k;
                take += k;
            }
            vbox *bx = flow_add(cx, f, lh);
            if (anchored) {
                bx->at = (box_anchor){unit, ln, off};
                cx->unit = unit;
            }
            page_item *bg = vbox_add_item(bx, ITEM_RECT);
            bg->color = (vb_color){0.94, 0.94, 0.94};
            bg->u.rect.x = x;
            bg->u.rect.y = -lh;
            bg->u.rect.w = width;
            bg->u.rect.h = lh;
            bg->u.rect.fill = true;
            if (take > 0) {
                page_item *t = vbox_add_item(bx, ITEM_TEXT);
                t->u.text.face = mono;
                t->u.text.size = sz;
                t->u.text.x = x + 4;
                t->u.text.y = -(lh - sz * 0.25);
                t->u.text.utf8 = vb_arena_strndup(cx->out->arena, line.data + off, take);
                uint32_t missing;
                if (!font_face_check(mono, t->u.text.utf8, take, &missing))
                    lay_missing_glyph(cx, mono, missing, b->line);
            }
            off += take;
        } while (off < line.len);
        s = e ? e + 1 : s + len;
        ln++;
    }
    vb_buf_free(&line);
}

static void rule(lay_ctx *cx, flow *f, double x, double width, double size)
{
    vbox *b = flow_add(cx, f, size);
    page_item *it = vbox_add_item(b, ITEM_LINE);
    it->u.line.x1 = x + width / 3;
    it->u.line.x2 = x + 2 * width / 3;
    it->u.line.y1 = it->u.line.y2 = -size / 2;
    it->u.line.width = 0.5;
}

static void image(lay_ctx *cx, flow *f, const md_block *b, double x, double width)
{
    char *path = vb_path_join(cx->base_dir, b->text);
    int pw = 0, ph = 0;
    if (!image_pixel_size(path, &pw, &ph)) {
        vb_error(cx->d, cx->doc->path, b->line, 0,
                 "không đọc được ảnh \"%s\" (cần tệp PNG hoặc JPEG có thật và không hỏng, đường "
                 "dẫn tính từ thư mục của tệp Markdown)",
                 b->text);
        cx->failed = true;
        free(path);
        return;
    }
    const frame_spec *fr = cx->fr;
    page_geom g = frame_page_geom(fr, cx->landscape);
    double body_h = g.h - g.top - g.bottom;
    if (f != &cx->main) {
        /* a footnote is set once and may go to a page of either
         * orientation: never taller than the shorter's text */
        page_geom t = frame_page_geom(fr, !cx->landscape);
        body_h = fmin(body_h, t.h - t.top - t.bottom);
    }
    /* Natural size at 96 pixels per inch, as browsers and word processors
     * show an image without a size, never wider than the text. */
    double w = pw * 0.75, h = ph * 0.75;
    if (w > width) {
        w = width;
        h = width * ph / pw;
    }
    if (h > body_h * 0.9) { /* never taller than a page */
        h = body_h * 0.9;
        w = h * pw / ph;
    }
    vbox *bx = flow_add(cx, f, h);
    page_item *it = vbox_add_item(bx, ITEM_IMAGE);
    it->u.image.path = vb_arena_strdup(cx->out->arena, path);
    it->u.image.x = x + (width - w) / 2;
    it->u.image.y = -h;
    it->u.image.w = w;
    it->u.image.h = h;
    free(path);
}

void blocks_layout(lay_ctx *cx, flow *f, const md_block *b, size_t n, double x, double width,
                   int depth, double size, bool in_note)
{
    const frame_spec *fr = cx->fr;
    for (size_t i = 0; i < n; i++) {
        const md_block *blk = &b[i];
        bool first = f->n == 0;
        switch (blk->kind) {
        case MD_PARAGRAPH: {
            para_style ps = body_style(cx, x, width, size, in_note);
            if (depth > 0 && fr->lists == LIST_HANGING)
                ps.first_indent = 0;
            /* Decree 30 §8: the "Căn cứ …" lines that open a document are
             * italic; §12: an appendix's "(Kèm theo …)" line is centred. */
            if (fr->italic_can_cu && depth == 0 && !in_note && !cx->seen_heading &&
                starts_with(blk, "Căn cứ"))
                ps.style |= MD_ITALIC;
            if (fr->heading_page_break && depth == 0 && cx->last_heading &&
                starts_with(blk, "(Kèm theo")) {
                ps.align = ALIGN_CENTER;
                ps.first_indent = 0;
                ps.style |= MD_ITALIC;
            }
            size_t at = f->n;
            para_layout(cx, f, blk->inl, blk->n_inl, &ps, blk->line);
            /* A run-in heading written as emphasis ("**a) Đối với tập thể**",
             * as templates copied from Word have them) is kept whole and with
             * what follows, like a heading: never alone at a page's foot. */
            if (depth == 0 && !in_note && f == &cx->main && i + 1 < n &&
                emphasis_only(blk) && f->n - at <= 2) {
                for (size_t k = at + 1; k < f->n; k++)
                    f->v[k].break_ok = false;
                cx->keep_next = true;
            }
            break;
        }
        case MD_HEADING:
            /* The signature closes the document before its appendices. */
            if (depth == 0 && blk->level == 1 && fr->official && fr->heading_page_break &&
                !cx->closing_done && f == &cx->main && !first) {
                official_closing(cx, f);
                cx->closing_done = true;
            }
            heading(cx, f, blk, x, width, f->n == 0);
            if (depth == 0)
                cx->last_heading = blk->level;
            continue; /* heading() adds its own space after */
        case MD_QUOTE: {
            double in = fr->list_indent;
            blocks_layout(cx, f, blk->children, blk->n_children, x + in, width - 2 * in, depth,
                          size, in_note);
            break;
        }
        case MD_LIST:
            list_layout(cx, f, blk, x, width, 0, size, in_note);
            break;
        case MD_CODE_BLOCK:
            code_block(cx, f, blk, x, width, size);
            break;
        case MD_RULE:
            rule(cx, f, x, width, size);
            break;
        case MD_IMAGE:
            image(cx, f, blk, x, width);
            break;
        case MD_DIRECTIVE:
            /* Only at the top level: a page break, or the pages from here
             * turned (a wide table's appendix, Decree 30 §1 and §12). */
            if (depth == 0 && f == &cx->main) {
                const char *w = blk->text;
                /* Directives that open an appendix come after the signature. */
                size_t k = i + 1;
                while (k < n && b[k].kind == MD_DIRECTIVE)
                    k++;
                if (fr->official && !cx->closing_done && k < n && b[k].kind == MD_HEADING &&
                    b[k].level == 1 && f->n > 0) {
                    official_closing(cx, f);
                    cx->closing_done = true;
                }
                if (!strcmp(w, "ngang") || !strcmp(w, "dọc")) {
                    cx->landscape = !strcmp(w, "ngang");
                    lay_text_column(cx, &x, &width);
                }
                cx->break_next = f->n > 0;
            }
            continue;
        case MD_TABLE:
            table_layout(cx, f, blk, x, width);
            break;
        default:
            blocks_layout(cx, f, blk->children, blk->n_children, x, width, depth, size, in_note);
            break;
        }
        if (depth == 0)
            cx->last_heading = 0;
        if (i + 1 < n)
            flow_add_space(cx, f, fr->para_space);
    }
}
