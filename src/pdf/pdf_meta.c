/* Document information, dates, language and outline. libharu writes Info
 * strings raw unless the current encoder is UTF-8 (then as UTF-16BE, notes
 * §6), and outline titles need the UTF-8 encoder passed explicitly (§7). */
#include "pdf_internal.h"

#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <time.h>

static void set_info(pdf_ctx *c, HPDF_InfoType type, const char *value)
{
    if (value && *value)
        HPDF_SetInfoAttr(c->pdf, type, value);
}

static void set_dates(pdf_ctx *c, int64_t timestamp)
{
    time_t t = (time_t)timestamp;
    struct tm tm;
    if (!gmtime_r(&t, &tm))
        return;
    HPDF_Date date = {.year = tm.tm_year + 1900,
                      .month = tm.tm_mon + 1,
                      .day = tm.tm_mday,
                      .hour = tm.tm_hour,
                      .minutes = tm.tm_min,
                      .seconds = tm.tm_sec > 59 ? 59 : tm.tm_sec,
                      .ind = 'Z'};
    HPDF_SetInfoDateAttr(c->pdf, HPDF_INFO_CREATION_DATE, date);
    HPDF_SetInfoDateAttr(c->pdf, HPDF_INFO_MOD_DATE, date);
}

/* A destination at height y that keeps the reader's zoom and horizontal
 * position: [page /XYZ null y null]. libharu's SetXYZ rejects a zero zoom
 * (notes §11) and would force one, so the array is written directly. */
static HPDF_Destination destination(pdf_ctx *c, HPDF_Page page, double y)
{
    HPDF_Destination dst = HPDF_Page_CreateDestination(page);
    if (!dst)
        return NULL;
    HPDF_MMgr mmgr = c->pdf->mmgr;
    HPDF_Array_Clear(dst);
    HPDF_Array_Add(dst, page);
    HPDF_Array_AddName(dst, "XYZ");
    HPDF_Array_Add(dst, HPDF_Null_New(mmgr));
    HPDF_Array_AddReal(dst, (HPDF_REAL)y);
    HPDF_Array_Add(dst, HPDF_Null_New(mmgr));
    return dst;
}

static bool write_outline(pdf_ctx *c, const page_doc *doc)
{
    if (doc->n_outline == 0)
        return true;
    HPDF_Encoder utf8 = HPDF_GetEncoder(c->pdf, "UTF-8");
    enum { MAX_DEPTH = 16 };
    HPDF_Outline stack[MAX_DEPTH];
    int levels[MAX_DEPTH];
    int depth = 0;
    for (size_t i = 0; i < doc->n_outline; i++) {
        const outline_entry *e = &doc->outline[i];
        if (!e->title || e->page >= doc->n_pages)
            continue;
        /* The parent is the nearest earlier entry of a lower level, so a
         * skipped level (1 then 3) still nests. */
        while (depth > 0 && levels[depth - 1] >= e->level)
            depth--;
        HPDF_Outline parent = depth > 0 ? stack[depth - 1] : NULL;
        HPDF_Outline o = HPDF_CreateOutline(c->pdf, parent, e->title, utf8);
        if (!o)
            return pdf_ok(c, "tạo mục lục PDF");
        HPDF_Outline_SetOpened(o, HPDF_TRUE);
        HPDF_Destination dst = destination(c, c->pages[e->page], e->y);
        if (dst)
            HPDF_Outline_SetDestination(o, dst);
        if (depth < MAX_DEPTH) {
            stack[depth] = o;
            levels[depth] = e->level;
            depth++;
        }
    }
    return pdf_ok(c, "tạo mục lục PDF");
}

bool pdf_meta_write(pdf_ctx *c, const page_doc *doc, const pdf_options *opt)
{
    HPDF_SetCurrentEncoder(c->pdf, "UTF-8");
    const page_doc_info *in = &doc->info;
    set_info(c, HPDF_INFO_TITLE, in->title);
    set_info(c, HPDF_INFO_AUTHOR, in->author);
    set_info(c, HPDF_INFO_SUBJECT, in->subject);
    set_info(c, HPDF_INFO_KEYWORDS, in->keywords);
    set_info(c, HPDF_INFO_CREATOR, in->creator);
    set_info(c, HPDF_INFO_PRODUCER, "vanban " VANBAN_VERSION);
    set_dates(c, opt ? opt->timestamp : 0);
    if (in->lang && *in->lang)
        HPDF_Dict_Add(c->pdf->catalog, "Lang", HPDF_String_New(c->pdf->mmgr, in->lang, NULL));
    if (!pdf_ok(c, "ghi thông tin tài liệu"))
        return false;
    return write_outline(c, doc);
}
