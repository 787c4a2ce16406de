/* Paths (ornaments) and shared layers.
 *
 * A path is written as raw operators inside q … Q with its own colour and
 * width, so the state libharu and pdf_draw.c track is the same after it.
 *
 * A layer (page_doc.layers: a certificate's border, hundreds of curves, and
 * the lines every certificate of a batch prints alike) is written once, as a
 * content stream of its own, and every page that shows it lists that stream
 * in its /Contents array (PDF 32000 §7.8.2: the streams of a page are
 * concatenated). Text in it names its fonts as the pages' resources do:
 * libharu names a page's fonts F1, F2… in the order they are first used, so
 * a page that shows the layer before any other text registers the layer's
 * fonts first, in the layer's order, and gets the same names; a page where
 * that is not so gets the layer drawn into its own content instead. libharu 2.3.0 has the pieces
 * (HPDF_Page_Insert_Shared_Content_Stream) but inserts the shared stream
 * after the page's own, which would put a border over a background; the
 * array is therefore built here, with the shared stream first when nothing
 * has been drawn on the page yet. */
#include "pdf_internal.h"

#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A path's point to 1/100 pt (0.0035 mm): a guilloche border has thousands
 * of curves, and a third decimal would add a quarter to its size. */
static void put_real2(vb_buf *b, double v)
{
    long long m = llround(v * 100.0);
    if (m < 0) {
        vb_buf_putc(b, '-');
        m = -m;
    }
    vb_buf_printf(b, "%lld", m / 100);
    int frac = (int)(m % 100);
    if (frac)
        vb_buf_printf(b, frac % 10 ? ".%02d" : ".%d", frac % 10 ? frac : frac / 10);
}

static void put_path_pt(vb_buf *b, double x, double y)
{
    put_real2(b, x);
    vb_buf_putc(b, ' ');
    put_real2(b, y);
    vb_buf_putc(b, ' ');
}

static void put_pt(vb_buf *b, double x, double y)
{
    pdf_put_real(b, x);
    vb_buf_putc(b, ' ');
    pdf_put_real(b, y);
    vb_buf_putc(b, ' ');
}

static void put_color(vb_buf *b, vb_color col, const char *op)
{
    pdf_put_real(b, col.r);
    vb_buf_putc(b, ' ');
    pdf_put_real(b, col.g);
    vb_buf_putc(b, ' ');
    pdf_put_real(b, col.b);
    vb_buf_printf(b, " %s\012", op);
}

/* Appends the operators that draw one vector item (line, rectangle, path). */
static void put_vector(vb_buf *b, const page_item *it)
{
    switch (it->kind) {
    case ITEM_LINE:
        put_color(b, it->color, "RG");
        pdf_put_real(b, it->u.line.width);
        vb_buf_puts(b, " w ");
        put_pt(b, it->u.line.x1, it->u.line.y1);
        vb_buf_puts(b, "m ");
        put_pt(b, it->u.line.x2, it->u.line.y2);
        vb_buf_puts(b, "l S\012");
        break;
    case ITEM_RECT: {
        bool stroke = it->u.rect.width > 0, fill = it->u.rect.fill;
        if (!stroke && !fill)
            break;
        if (stroke) {
            put_color(b, it->color, "RG");
            pdf_put_real(b, it->u.rect.width);
            vb_buf_puts(b, " w ");
        }
        if (fill)
            put_color(b, it->color, "rg");
        put_pt(b, it->u.rect.x, it->u.rect.y);
        put_pt(b, it->u.rect.w, it->u.rect.h);
        vb_buf_puts(b, stroke && fill ? "re B\012" : fill ? "re f\012" : "re S\012");
        break;
    }
    case ITEM_PATH: {
        bool stroke = it->u.path.width > 0, fill = it->u.path.fill;
        if ((!stroke && !fill) || it->u.path.n_ops == 0)
            break;
        if (stroke) {
            put_color(b, it->color, "RG");
            pdf_put_real(b, it->u.path.width);
            vb_buf_puts(b, " w 1 j ");
        }
        if (fill)
            put_color(b, it->color, "rg");
        double ox = it->u.path.x, oy = it->u.path.y;
        for (size_t i = 0; i < it->u.path.n_ops; i++) {
            const path_op *op = &it->u.path.ops[i];
            switch (op->op) {
            case PATH_MOVE:
                put_path_pt(b, ox + op->x[0], oy + op->y[0]);
                vb_buf_puts(b, "m\012");
                break;
            case PATH_LINE:
                put_path_pt(b, ox + op->x[0], oy + op->y[0]);
                vb_buf_puts(b, "l\012");
                break;
            case PATH_CURVE:
                for (int k = 0; k < 3; k++)
                    put_path_pt(b, ox + op->x[k], oy + op->y[k]);
                vb_buf_puts(b, "c\012");
                break;
            case PATH_CLOSE:
                vb_buf_puts(b, "h\012");
                break;
            }
        }
        vb_buf_puts(b, stroke && fill ? "B\012" : fill ? "f\012" : "S\012");
        break;
    }
    default:
        break;
    }
}

bool pdf_path_emit(pdf_ctx *c, HPDF_Page page, const page_item *it)
{
    vb_buf_clear(&c->scratch);
    vb_buf_puts(&c->scratch, "q\012");
    put_vector(&c->scratch, it);
    vb_buf_puts(&c->scratch, "Q\012");
    HPDF_PageAttr attr = (HPDF_PageAttr)page->attr;
    return HPDF_Stream_Write(attr->stream, (const HPDF_BYTE *)c->scratch.data,
                             (HPDF_UINT)c->scratch.len) == HPDF_OK;
}

bool pdf_layers_check(pdf_ctx *c, const page_doc *doc)
{
    for (size_t l = 0; l < doc->n_layers; l++)
        for (size_t k = 0; k < doc->layers[l].n_items; k++) {
            page_item_kind kind = doc->layers[l].items[k].kind;
            if (kind != ITEM_TEXT && kind != ITEM_LINE && kind != ITEM_RECT &&
                kind != ITEM_PATH) {
                vb_error_io(c->d, NULL, "lớp vẽ dùng chung %zu chứa ảnh hoặc liên kết "
                            "(lỗi trong vanban)", l + 1);
                return false;
            }
        }
    for (size_t p = 0; p < doc->n_pages; p++)
        for (size_t k = 0; k < doc->pages[p].n_items; k++) {
            const page_item *it = &doc->pages[p].items[k];
            if (it->kind == ITEM_LAYER && it->u.layer.index >= doc->n_layers) {
                vb_error_io(c->d, NULL, "trang %zu dùng lớp vẽ %zu không có (lỗi trong vanban)",
                            p + 1, it->u.layer.index);
                return false;
            }
        }
    size_t n = doc->n_layers ? doc->n_layers : 1;
    c->layer_streams = vb_xcalloc(n, sizeof *c->layer_streams);
    c->layer_fonts = vb_xcalloc(n, sizeof *c->layer_fonts);
    c->n_layer_fonts = vb_xcalloc(n, sizeof *c->n_layer_fonts);
    return true;
}

void pdf_layers_free(pdf_ctx *c, const page_doc *doc)
{
    if (c->layer_fonts)
        for (size_t l = 0; l < doc->n_layers; l++)
            free(c->layer_fonts[l]);
    free(c->layer_fonts);
    free(c->n_layer_fonts);
    free(c->layer_streams);
}

/* The operators of a layer, for `page`: text uses the names its fonts have
 * in that page's resources (registered here, in the order of the layer's
 * text). With `fonts`, the names are recorded (the shared stream's). */
static void layer_content(pdf_ctx *c, HPDF_Page page, const vb_page *ly, vb_buf *b,
                          struct pdf_layer_font **fonts, size_t *n_fonts)
{
    bool in_text = false, fill_set = false;
    const char *cur = NULL;
    double size = -1, rise = 0;
    vb_color fill = {0, 0, 0};
    size_t cap = 0;
    vb_buf_puts(b, "q\012");
    for (size_t k = 0; k < ly->n_items; k++) {
        const page_item *it = &ly->items[k];
        if (it->kind != ITEM_TEXT) {
            if (in_text)
                vb_buf_puts(b, "ET\012");
            in_text = false;
            cur = NULL;
            fill_set = false; /* vector items set their own colours */
            put_vector(b, it);
            continue;
        }
        if (!it->u.text.utf8[0])
            continue;
        pdf_font *pf = pdf_font_of(c, it->u.text.face);
        const char *name = HPDF_Page_GetLocalFontName(page, pf->font);
        if (fonts && name) {
            bool known = false;
            for (size_t i = 0; i < *n_fonts && !known; i++)
                known = (*fonts)[i].font == pf->font;
            if (!known) {
                struct pdf_layer_font lf = {.font = pf->font};
                snprintf(lf.name, sizeof lf.name, "%s", name);
                VB_PUSH(*fonts, *n_fonts, cap, lf);
            }
        }
        if (!in_text) {
            vb_buf_puts(b, "BT\012");
            in_text = true;
            cur = NULL;
            rise = 0;
        }
        if (!fill_set || it->color.r != fill.r || it->color.g != fill.g ||
            it->color.b != fill.b) {
            put_color(b, it->color, "rg");
            fill = it->color;
            fill_set = true;
        }
        if (!cur || strcmp(cur, name) != 0 || size != it->u.text.size) {
            vb_buf_printf(b, "/%s ", name ? name : "F1");
            pdf_put_real(b, it->u.text.size);
            vb_buf_puts(b, " Tf\012");
            cur = name;
            size = it->u.text.size;
        }
        if (it->u.text.rise != rise) {
            pdf_put_real(b, it->u.text.rise);
            vb_buf_puts(b, " Ts\012");
            rise = it->u.text.rise;
        }
        vb_buf_puts(b, "1 0 0 1 ");
        put_pt(b, it->u.text.x, it->u.text.y);
        vb_buf_puts(b, "Tm\012");
        pdf_text_run(b, it);
    }
    if (in_text)
        vb_buf_puts(b, "ET\012");
    vb_buf_puts(b, "Q\012");
}

static bool write_raw(HPDF_Stream s, const vb_buf *b)
{
    return HPDF_Stream_Write(s, (const HPDF_BYTE *)b->data, (HPDF_UINT)b->len) == HPDF_OK;
}

/* The layer's content stream, built on first use (on `page`, whose font
 * names it records). */
static HPDF_Dict layer_stream(pdf_ctx *c, HPDF_Page page, size_t index)
{
    if (c->layer_streams[index])
        return c->layer_streams[index];
    HPDF_PageAttr attr = (HPDF_PageAttr)page->attr;
    HPDF_Dict s = HPDF_DictStream_New(page->mmgr, attr->xref);
    if (!s)
        return NULL;
    s->filter = attr->contents->filter;
    vb_buf_clear(&c->scratch);
    layer_content(c, page, &c->doc->layers[index], &c->scratch, &c->layer_fonts[index],
                  &c->n_layer_fonts[index]);
    if (!write_raw(s->stream, &c->scratch))
        return NULL;
    c->layer_streams[index] = s;
    return s;
}

/* Registers the shared stream's fonts on `page` in the same order: true if
 * they get the same names there (always, when nothing came before). */
static bool same_font_names(pdf_ctx *c, HPDF_Page page, size_t index)
{
    for (size_t i = 0; i < c->n_layer_fonts[index]; i++) {
        const struct pdf_layer_font *lf = &c->layer_fonts[index][i];
        const char *name = HPDF_Page_GetLocalFontName(page, lf->font);
        if (!name || strcmp(name, lf->name) != 0)
            return false;
    }
    return true;
}

bool pdf_layer_insert(pdf_ctx *c, HPDF_Page page, size_t index, bool first)
{
    HPDF_PageAttr attr = (HPDF_PageAttr)page->attr;
    bool built = c->layer_streams[index] != NULL;
    HPDF_Dict s = layer_stream(c, page, index);
    if (!s)
        return pdf_ok(c, "vẽ lớp dùng chung");
    if (built && !same_font_names(c, page, index)) {
        /* the page named its fonts otherwise: draw the layer on it instead */
        vb_buf_clear(&c->scratch);
        layer_content(c, page, &c->doc->layers[index], &c->scratch, NULL, NULL);
        if (!write_raw(attr->stream, &c->scratch) && !c->error)
            c->error = HPDF_FAILD_TO_ALLOC_MEM;
        return pdf_ok(c, "vẽ lớp dùng chung");
    }
    HPDF_Array arr = HPDF_Dict_GetItem(page, "Contents", HPDF_OCLASS_ARRAY);
    bool fresh = arr == NULL;
    if (fresh) {
        /* Not an array yet (a single stream): GetItem leaves an error code
         * in the page's error object, as in HPDF_Page_New_Content_Stream. */
        HPDF_Error_Reset(page->error);
        arr = HPDF_Array_New(page->mmgr);
        if (!arr)
            return pdf_ok(c, "vẽ lớp dùng chung");
    }
    HPDF_STATUS st = HPDF_OK;
    if (fresh && first) {
        /* [layer, the page's own stream]: the page goes on drawing above it */
        st |= HPDF_Array_Add(arr, s);
        st |= HPDF_Array_Add(arr, attr->contents);
    } else {
        /* [..., the stream so far, layer, a new stream for what follows] */
        if (fresh)
            st |= HPDF_Array_Add(arr, attr->contents);
        st |= HPDF_Array_Add(arr, s);
        HPDF_Dict next = HPDF_DictStream_New(page->mmgr, attr->xref);
        if (!next)
            return pdf_ok(c, "vẽ lớp dùng chung");
        next->filter = attr->contents->filter;
        attr->contents = next;
        attr->stream = next->stream;
        st |= HPDF_Array_Add(arr, next);
    }
    if (fresh)
        st |= HPDF_Dict_Add(page, "Contents", arr);
    if (st != HPDF_OK && !c->error)
        c->error = st;
    return pdf_ok(c, "vẽ lớp dùng chung");
}
