/* Page content: the layout stage's items drawn in order. Consecutive text
 * items share one BT/ET, and font, size, rise and colours are set only when
 * they change, which keeps the content streams small. */
#include "pdf_internal.h"

#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include <errno.h>
#include <string.h>
#include <strings.h>

typedef struct page_state {
    HPDF_Page page;
    bool in_text;
    HPDF_Font font;
    double size, rise;
    vb_color fill, stroke;
    double line_width;
    bool fill_set, stroke_set, width_set;
    size_t n_drawn; /* items drawn so far on the page */
} page_state;

static bool same_color(vb_color a, vb_color b)
{
    return a.r == b.r && a.g == b.g && a.b == b.b;
}

static void set_fill(page_state *ps, vb_color col)
{
    if (ps->fill_set && same_color(ps->fill, col))
        return;
    HPDF_Page_SetRGBFill(ps->page, (HPDF_REAL)col.r, (HPDF_REAL)col.g, (HPDF_REAL)col.b);
    ps->fill = col;
    ps->fill_set = true;
}

static void set_stroke(page_state *ps, vb_color col, double width)
{
    if (!ps->stroke_set || !same_color(ps->stroke, col)) {
        HPDF_Page_SetRGBStroke(ps->page, (HPDF_REAL)col.r, (HPDF_REAL)col.g, (HPDF_REAL)col.b);
        ps->stroke = col;
        ps->stroke_set = true;
    }
    if (!ps->width_set || ps->line_width != width) {
        HPDF_Page_SetLineWidth(ps->page, (HPDF_REAL)width);
        ps->line_width = width;
        ps->width_set = true;
    }
}

static void end_text(page_state *ps)
{
    if (ps->in_text) {
        HPDF_Page_EndText(ps->page);
        ps->in_text = false;
    }
}

static bool draw_text(pdf_ctx *c, page_state *ps, const page_item *it)
{
    if (!it->u.text.utf8[0])
        return true;
    pdf_font *pf = pdf_font_of(c, it->u.text.face);
    if (!ps->in_text) {
        HPDF_Page_BeginText(ps->page);
        ps->in_text = true;
    }
    set_fill(ps, it->color);
    if (pf->font != ps->font || it->u.text.size != ps->size) {
        HPDF_Page_SetFontAndSize(ps->page, pf->font, (HPDF_REAL)it->u.text.size);
        ps->font = pf->font;
        ps->size = it->u.text.size;
    }
    if (it->u.text.rise != ps->rise) {
        HPDF_Page_SetTextRise(ps->page, (HPDF_REAL)it->u.text.rise);
        ps->rise = it->u.text.rise;
    }
    if (c->error)
        return pdf_ok(c, "viết chữ");
    return pdf_text_emit(c, ps->page, it);
}

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcasecmp(s + n - m, suffix) == 0;
}

static bool is_png(const char *path) { return ends_with(path, ".png"); }
static bool is_jpeg(const char *path)
{
    return ends_with(path, ".jpg") || ends_with(path, ".jpeg");
}

bool pdf_images_check(pdf_ctx *c, const page_doc *doc)
{
    for (size_t p = 0; p < doc->n_pages; p++) {
        const vb_page *pg = &doc->pages[p];
        for (size_t k = 0; k < pg->n_items; k++) {
            const page_item *it = &pg->items[k];
            if (it->kind != ITEM_IMAGE)
                continue;
            const char *path = it->u.image.path;
            if (!path || (!is_png(path) && !is_jpeg(path))) {
                vb_error(c->d, path, 0, 0, "chỉ chèn được ảnh PNG (.png) hoặc JPEG (.jpg, .jpeg)");
                return false;
            }
            FILE *fp = fopen(path, "rb");
            if (!fp) {
                vb_error(c->d, path, 0, 0, "không đọc được ảnh: %s", vb_strerror(errno));
                return false;
            }
            fclose(fp);
        }
    }
    return true;
}

static HPDF_Image image_for(pdf_ctx *c, const char *path)
{
    for (size_t i = 0; i < c->n_images; i++)
        if (strcmp(c->images[i].path, path) == 0)
            return c->images[i].image;
    HPDF_Image img = is_png(path) ? HPDF_LoadPngImageFromFile(c->pdf, path)
                                  : HPDF_LoadJpegImageFromFile(c->pdf, path);
    if (!img || c->error) {
        pdf_check_memory(c->error); /* not a damaged image */
        vb_error(c->d, path, 0, 0, "không đọc được ảnh (tệp hỏng hoặc kiểu %s không được hỗ trợ; mã libharu 0x%04X)",
                 is_png(path) ? "PNG" : "JPEG", (unsigned)c->error);
        c->error = 0;
        return NULL;
    }
    pdf_image pi = {.path = path, .image = img};
    VB_PUSH(c->images, c->n_images, c->cap_images, pi);
    return img;
}

/* URIs go into the PDF as byte strings: anything outside printable ASCII is
 * percent-encoded so no reader has to guess an encoding. */
static void encode_uri(vb_buf *b, const char *uri)
{
    vb_buf_clear(b);
    for (const unsigned char *p = (const unsigned char *)uri; *p; p++) {
        if (*p <= 0x20 || *p >= 0x7F)
            vb_buf_printf(b, "%%%02X", *p);
        else
            vb_buf_putc(b, (char)*p);
    }
}

static bool draw_item(pdf_ctx *c, page_state *ps, const page_item *it)
{
    HPDF_Page page = ps->page;
    if (it->kind == ITEM_TEXT)
        return draw_text(c, ps, it);
    end_text(ps);
    switch (it->kind) {
    case ITEM_LINE:
        /* raw "m l S": libharu's MoveTo and LineTo cost 3,000 instructions
         * each (a cleared buffer and printed reals), and a 500-row table has
         * thousands of rules; the graphics state is the same after S. */
        set_stroke(ps, it->color, it->u.line.width);
        if (!c->error) {
            vb_buf *b = &c->scratch;
            vb_buf_clear(b);
            pdf_put_real(b, it->u.line.x1);
            vb_buf_putc(b, ' ');
            pdf_put_real(b, it->u.line.y1);
            vb_buf_puts(b, " m\012");
            pdf_put_real(b, it->u.line.x2);
            vb_buf_putc(b, ' ');
            pdf_put_real(b, it->u.line.y2);
            vb_buf_puts(b, " l\012S\012");
            HPDF_PageAttr attr = (HPDF_PageAttr)page->attr;
            if (HPDF_Stream_Write(attr->stream, (const HPDF_BYTE *)b->data, (HPDF_UINT)b->len) != HPDF_OK &&
                !c->error)
                c->error = HPDF_FAILD_TO_ALLOC_MEM;
        }
        break;
    case ITEM_RECT: {
        bool stroke = it->u.rect.width > 0, fill = it->u.rect.fill;
        if (!stroke && !fill)
            break;
        if (stroke)
            set_stroke(ps, it->color, it->u.rect.width);
        if (fill)
            set_fill(ps, it->color);
        HPDF_Page_Rectangle(page, (HPDF_REAL)it->u.rect.x, (HPDF_REAL)it->u.rect.y,
                            (HPDF_REAL)it->u.rect.w, (HPDF_REAL)it->u.rect.h);
        if (stroke && fill)
            HPDF_Page_FillStroke(page);
        else if (fill)
            HPDF_Page_Fill(page);
        else
            HPDF_Page_Stroke(page);
        break;
    }
    case ITEM_IMAGE: {
        HPDF_Image img = image_for(c, it->u.image.path);
        if (!img)
            return false;
        HPDF_Page_DrawImage(page, img, (HPDF_REAL)it->u.image.x, (HPDF_REAL)it->u.image.y,
                            (HPDF_REAL)it->u.image.w, (HPDF_REAL)it->u.image.h);
        break;
    }
    case ITEM_LINK: {
        if (!it->u.link.uri)
            break;
        HPDF_Rect r = {(HPDF_REAL)it->u.link.x, (HPDF_REAL)it->u.link.y,
                       (HPDF_REAL)(it->u.link.x + it->u.link.w),
                       (HPDF_REAL)(it->u.link.y + it->u.link.h)};
        encode_uri(&c->scratch, it->u.link.uri);
        HPDF_Annotation a = HPDF_Page_CreateURILinkAnnot(page, r, c->scratch.data);
        if (a)
            HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
        break;
    }
    case ITEM_PATH:
        if (!pdf_path_emit(c, page, it) && !c->error)
            c->error = HPDF_FAILD_TO_ALLOC_MEM;
        break;
    case ITEM_LAYER:
        return pdf_layer_insert(c, page, it->u.layer.index, ps->n_drawn == 0);
    case ITEM_TEXT:
        break;
    }
    return pdf_ok(c, "vẽ trang");
}

bool pdf_draw_page(pdf_ctx *c, HPDF_Page page, const vb_page *pg)
{
    page_state ps = {.page = page};
    for (size_t k = 0; k < pg->n_items; k++, ps.n_drawn++)
        if (!draw_item(c, &ps, &pg->items[k]))
            return false;
    end_text(&ps);
    return pdf_ok(c, "vẽ trang");
}
