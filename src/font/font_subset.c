/* Subsetting with hb-subset. libharu embeds whole cmap, hmtx, post and the
 * hinting tables of whatever file it is given (docs/libharu-notes.md §5), so
 * the only way to small PDFs is to hand it a file that holds just the glyphs
 * the document uses. */
#include "font_internal.h"

#include <hb-subset.h>

/* Tables libharu 2.3.0 never copies into the PDF (it writes only OS/2, cmap,
 * cvt, fpgm, glyf, head, hhea, hmtx, loca, maxp, name, post, prep): dropping
 * them saves subsetting time. Hinting is dropped by flag: PDF viewers do not
 * need it and it is most of the bytes. */
static const hb_tag_t dropped_tables[] = {
    HB_TAG('G', 'S', 'U', 'B'), HB_TAG('G', 'P', 'O', 'S'), HB_TAG('G', 'D', 'E', 'F'),
    HB_TAG('k', 'e', 'r', 'n'), HB_TAG('g', 'a', 's', 'p'), HB_TAG('h', 'd', 'm', 'x'),
    HB_TAG('L', 'T', 'S', 'H'), HB_TAG('V', 'D', 'M', 'X'), HB_TAG('D', 'S', 'I', 'G'),
    HB_TAG('B', 'A', 'S', 'E'), HB_TAG('J', 'S', 'T', 'F'), HB_TAG('M', 'A', 'T', 'H'),
    HB_TAG('m', 'o', 'r', 'x'), HB_TAG('m', 'o', 'r', 't'), HB_TAG('f', 'e', 'a', 't'),
    HB_TAG('P', 'C', 'L', 'T'), HB_TAG('v', 'h', 'e', 'a'), HB_TAG('v', 'm', 't', 'x'),
};

bool font_face_subset(const font_face *f, const uint32_t *cps, size_t n, vb_buf *out,
                      vb_diag *d)
{
    /* Out of memory ends the process (vb_out_of_memory) where HarfBuzz
     * lets it be told apart: an input or a plan it returns none of, a set
     * that lost an element, a subset face with no font file (its builder
     * writes into a buffer sized exactly, and fails only to allocate).
     * hb_subset_or_fail would have made the plan and the execution one
     * NULL. The execution itself fails alike for a table it cannot subset
     * and for memory: that one stays "tệp phông hỏng?". */
    hb_subset_input_t *in = hb_subset_input_create_or_fail();
    if (!in)
        vb_out_of_memory();
    hb_set_t *unicodes = hb_subset_input_unicode_set(in);
    for (size_t i = 0; i < n; i++)
        hb_set_add(unicodes, cps[i]);
    hb_set_t *drop = hb_subset_input_set(in, HB_SUBSET_SETS_DROP_TABLE_TAG);
    for (size_t i = 0; i < sizeof dropped_tables / sizeof dropped_tables[0]; i++)
        hb_set_add(drop, dropped_tables[i]);
    if (!hb_set_allocation_successful(unicodes) || !hb_set_allocation_successful(drop))
        vb_out_of_memory();
    hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_NO_HINTING);

    hb_subset_plan_t *plan = hb_subset_plan_create_or_fail(f->hb_face, in);
    hb_subset_input_destroy(in);
    if (!plan)
        vb_out_of_memory();
    hb_face_t *sub = hb_subset_plan_execute_or_fail(plan);
    hb_subset_plan_destroy(plan);
    hb_blob_t *blob = sub ? hb_face_reference_blob(sub) : NULL;
    unsigned len = 0;
    const char *data = blob ? hb_blob_get_data(blob, &len) : NULL;
    if (sub && len == 0)
        vb_out_of_memory();
    bool ok = data && len > 0;
    if (ok) {
        vb_buf_clear(out);
        vb_buf_append(out, data, len);
    } else {
        vb_error(d, f->path, 0, 0, "không tạo được tập con của phông %s (tệp phông hỏng?)",
                 f->postscript);
    }
    hb_blob_destroy(blob);
    hb_face_destroy(sub);
    return ok;
}
