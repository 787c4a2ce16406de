/* The three outputs of `vanban results`: a terminal table, CSV for Excel, and
 * the annotated XML tree. */
#include "results.h"

#include <libxml/tree.h>
#include <math.h>
#include <string.h>

void vb_results_xml(vb_contest *c, vb_buf *out)
{
    xmlChar *mem = NULL;
    int size = 0;
    xmlDocPtr doc = vb_contest_doc(c);
    if (!doc)
        return;
    xmlDocDumpFormatMemoryEnc(doc, &mem, &size, "UTF-8", 1);
    vb_buf_append(out, mem, (size_t)size);
    xmlFree(mem);
}

static bool xml_write(vb_contest *c, FILE *out)
{
    /* Formatted while loading (xml_stream.c), when the load could and the
     * tree has not been built meanwhile; else the whole tree, straight to
     * the stream so that it is not held twice in memory. */
    if (c->xml && c->res && !c->res_written) {
        bool ok = xml_stream_write(c, c->xml, out);
        xml_stream_free(c->xml);
        c->xml = NULL;
        return ok;
    }
    xmlDocPtr doc = vb_contest_doc(c);
    return doc && xmlDocFormatDump(out, doc, 1) >= 0;
}

bool vb_results_xml_write(vb_contest *c, FILE *out)
{
    /* A failed write (a full disk, a closed pipe) is the caller's to
     * report: libxml2's own "I/O error : No space left on device" goes to
     * vb_xml_errors_init's handler, not to stderr. */
    return xml_write(c, out);
}

/* ---- CSV (RFC 4180, UTF-8 with BOM so that Excel reads Vietnamese) ---------- */
static void csv_field(vb_buf *b, const char *s, char sep, bool first)
{
    if (!first)
        vb_buf_putc(b, sep);
    if (s)
        vb_buf_csv_text(b, s);
}

/* A number as a spreadsheet reads it. With Vietnamese regional settings
 * (decimal comma) Excel and LibreOffice Calc take "31.25" for text, which
 * can be neither summed nor sorted (checked with LibreOffice 7.4, language
 * vi-VN); "31,25" is a number there. */
static void csv_num(vb_buf *b, double v, int decimals, char decimal, char sep)
{
    vb_buf_putc(b, sep);
    if (isnan(v))
        return;
    size_t at = b->len;
    fmt_plain(b, v, decimals);
    if (decimal != '.')
        for (size_t k = at; k < b->len; k++)
            if (b->data[k] == '.')
                b->data[k] = decimal;
}

static const char *collective_prize(const vb_results *r, const c_model *m, int u)
{
    for (int a = 0; a < r->nawards; a++)
        if (r->awards[a].unit == u && r->awards[a].sub < 0 && m->prizes[r->awards[a].prizes].collective)
            return m->prizes[r->awards[a].prizes].levels[r->awards[a].level_ix].name;
    return NULL;
}

void vb_results_csv(vb_contest *c, vb_buf *out, char decimal)
{
    const c_model *m = &c->m;
    vb_results *r = c->res;
    /* Where the decimal mark is a comma, Windows' list separator, which
     * Excel splits a CSV file on when it is opened, is a semicolon (as in
     * formulas: =SUM(A1;B1)). */
    char sep = decimal == ',' ? ';' : ',';
    vb_buf_puts(out, "\xEF\xBB\xBF");
    csv_field(out, "Hạng", sep, true);
    csv_field(out, "Mã", sep, false);
    csv_field(out, "Đơn vị", sep, false);
    csv_field(out, "Nhóm", sep, false);
    csv_field(out, "Tham gia", sep, false);
    for (int p = 0; p < m->nparts; p++)
        csv_field(out, m->parts[p].name, sep, false);
    csv_field(out, "Tổng điểm", sep, false);
    csv_field(out, "Đủ điều kiện", sep, false);
    csv_field(out, "Giải", sep, false);
    csv_field(out, "Lý do", sep, false);
    vb_buf_puts(out, "\r\n");
    vb_buf reasons;
    vb_buf_init(&reasons);
    for (int k = 0; k < m->nunits; k++) {
        int i = r->order[k];
        const r_unit *u = &r->u[i];
        char rank[32] = "";
        if (u->rank)
            snprintf(rank, sizeof rank, "%d%s", u->rank, u->tie ? "=" : "");
        csv_field(out, rank, sep, true);
        csv_field(out, m->units[i].id, sep, false);
        csv_field(out, m->units[i].name, sep, false);
        csv_field(out, m->units[i].group >= 0 ? m->groups[m->units[i].group].name : NULL, sep, false);
        csv_field(out, !u->participated ? "không" : u->full ? "đủ" : "không đủ", sep, false);
        /* A part entered but not counted for the unit's group ("extra") is
         * left empty, as the report's appendix shows "–": its points are not
         * in the total, and the row's parts must add up to it. */
        for (int p = 0; p < m->nparts; p++)
            csv_num(out, cell(r, i, p)->entered && part_counted(m, i, p) ? cell(r, i, p)->points : NAN,
                    m->precision, decimal, sep);
        csv_num(out, u->total, m->precision, decimal, sep);
        csv_field(out, u->eligible ? "có" : "không", sep, false);
        csv_field(out, collective_prize(r, m, i), sep, false);
        vb_buf_clear(&reasons);
        for (int j = 0; j < u->nreasons; j++) {
            if (j)
                vb_buf_puts(&reasons, "; ");
            vb_buf_puts(&reasons, u->reasons[j]);
        }
        csv_field(out, reasons.data ? reasons.data : "", sep, false);
        vb_buf_puts(out, "\r\n");
    }
    vb_buf_free(&reasons);
}
