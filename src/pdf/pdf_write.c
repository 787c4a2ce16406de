/* pdf_write: checks everything that can be wrong with the input first (glyphs,
 * images), then builds the document with libharu in memory, and only at the
 * end creates the output (temporary sibling + rename, or stdout). */
#include "pdf_internal.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static void on_error(HPDF_STATUS error, HPDF_STATUS detail, void *user_data)
{
    pdf_ctx *c = user_data;
    /* Reading the finished stream ends with HPDF_STREAM_EOF: not a failure. */
    if (c->reading_output && error == HPDF_STREAM_EOF)
        return;
    if (!c->error) {
        c->error = error;
        c->detail = detail;
    }
}

void pdf_check_memory(HPDF_STATUS code)
{
    if (code == HPDF_FAILD_TO_ALLOC_MEM)
        vb_out_of_memory();
}

bool pdf_ok(pdf_ctx *c, const char *doing)
{
    if (!c->error)
        return true;
    pdf_check_memory(c->error);
    vb_error_io(c->d, NULL, "thư viện libharu báo lỗi 0x%04X (chi tiết %u) khi %s",
                (unsigned)c->error, (unsigned)c->detail, doing);
    c->error = 0;
    return false;
}

static bool build(pdf_ctx *c, const page_doc *doc, const pdf_options *opt)
{
    HPDF_SetCompressionMode(c->pdf, HPDF_COMP_ALL);
    HPDF_UseUTFEncodings(c->pdf);
    if (!pdf_ok(c, "khởi tạo tài liệu PDF") || !pdf_fonts_load(c))
        return false;
    c->pages = vb_xcalloc(doc->n_pages ? doc->n_pages : 1, sizeof *c->pages);
    for (size_t p = 0; p < doc->n_pages; p++) {
        const vb_page *pg = &doc->pages[p];
        HPDF_Page page = HPDF_AddPage(c->pdf);
        if (!page)
            return pdf_ok(c, "thêm trang");
        HPDF_Page_SetWidth(page, (HPDF_REAL)pg->width);
        HPDF_Page_SetHeight(page, (HPDF_REAL)pg->height);
        c->pages[p] = page;
        if (!pdf_draw_page(c, page, pg))
            return false;
    }
    return pdf_meta_write(c, doc, opt);
}

static bool save(pdf_ctx *c, const char *path, vb_outfile *hold)
{
    HPDF_SaveToStream(c->pdf);
    if (!pdf_ok(c, "tạo tệp PDF"))
        return false;
    /* A held output is opened where it is kept: a deferred one's memory
     * stream writes to the fields of that very struct. */
    vb_outfile own, *out = hold ? hold : &own;
    if (!vb_outfile_open_kind(out, c->d, path, "%PDF-", "tệp PDF"))
        return false;
    /* Held with other files: on stdout it must wait for them, not stream. */
    if (hold && !vb_outfile_defer(out, c->d))
        return false;
    c->reading_output = true;
    HPDF_BYTE buf[65536];
    bool ok = true;
    int err = 0; /* of a write that failed; 0 when libharu's reading did */
    for (;;) {
        HPDF_UINT32 n = sizeof buf;
        HPDF_STATUS st = HPDF_ReadFromStream(c->pdf, buf, &n);
        if (n > 0 && fwrite(buf, 1, n, out->fp) != n) {
            ok = false;
            err = errno;
            break;
        }
        if (st == HPDF_STREAM_EOF)
            break;
        if (st != HPDF_OK) {
            ok = false;
            break;
        }
    }
    c->reading_output = false;
    if (!ok) {
        /* Standard output or a device is written in place: what reached
         * it stays there, and no file was made to begin with. A write to
         * standard output that failed (a full disk, a closed pipe) named no
         * file at all, and said neither why nor that it was the output. */
        bool tmp = out->tmp_path != NULL;
        vb_outfile_abort(out);
        vb_error_io(c->d, vb_output_name(path), "không ghi được tệp PDF%s%s%s",
                    err ? ": " : "", err ? vb_strerror(err) : "",
                    tmp ? " (không có tệp nào được tạo)" : "");
        c->error = 0;
        return false;
    }
    if (!hold)
        return vb_outfile_commit(out, c->d);
    return vb_outfile_sync(hold, c->d);
}

bool pdf_write(const page_doc *doc, const pdf_options *opt, const char *path, vb_diag *d)
{
    pdf_ctx c = {.d = d, .doc = doc};
    vb_buf_init(&c.scratch);
    bool ok = pdf_fonts_collect(&c, doc) && pdf_images_check(&c, doc) &&
              pdf_layers_check(&c, doc);
    if (ok) {
        /* HPDF_New fails only to allocate: the memory manager, the
         * document, its cross-reference table, catalog, lists and
         * Producer string. */
        c.pdf = HPDF_New(on_error, &c);
        if (!c.pdf)
            vb_out_of_memory();
    }
    ok = ok && build(&c, doc, opt) && save(&c, path, opt->hold);
    if (c.pdf)
        HPDF_Free(c.pdf);
    pdf_fonts_free(&c);
    free(c.images);
    free(c.pages);
    pdf_layers_free(&c, doc);
    vb_buf_free(&c.scratch);
    return ok;
}
