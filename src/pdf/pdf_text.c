/* Text runs as raw TJ arrays (docs/libharu-notes.md §3, workaround B).
 * libharu's Tw does not act on two-byte codes, so justification is written as
 * a TJ adjustment after each space glyph; the space glyph itself stays, so
 * every text extractor sees the word boundary. */
#include "pdf_internal.h"

#include <hpdf_pages.h>
#include <hpdf_streams.h>
#include <math.h>
#include <string.h>

/* A real number with at most three decimals and no exponent, independent of
 * the C locale (a Vietnamese LC_NUMERIC would write a decimal comma). */
void pdf_put_real(vb_buf *b, double v)
{
    /* Digits by hand, not printf: a 100-page book writes a million of these
     * (every word position), and printf was a tenth of its time. */
    long long m = llround(v * 1000.0);
    char d[32];
    size_t n = sizeof d;
    int frac = (int)((m < 0 ? -m : m) % 1000);
    unsigned long long whole = (unsigned long long)(m < 0 ? -m : m) / 1000;
    if (frac) {
        int digits = 3;
        while (frac % 10 == 0) { /* no trailing zeros: 0.5, not 0.500 */
            frac /= 10;
            digits--;
        }
        while (digits-- > 0) {
            d[--n] = (char)('0' + frac % 10);
            frac /= 10;
        }
        d[--n] = '.';
    }
    do {
        d[--n] = (char)('0' + whole % 10);
        whole /= 10;
    } while (whole);
    if (m < 0)
        d[--n] = '-';
    vb_buf_append(b, d + n, sizeof d - n);
}

/* One code as its two UTF-16BE bytes in a literal string (BMP code points;
 * libharu's Identity-H codes are two bytes). Half the bytes of hex: the
 * content streams are most of what the PDF stage deflates. '(', ')' and '\\'
 * are escaped, and CR too, which a reader would turn into LF. */
static void put_code(vb_buf *b, uint32_t cp)
{
    char d[4];
    size_t n = 0;
    for (int shift = 8; shift >= 0; shift -= 8) {
        char c = (char)((cp >> shift) & 0xFF);
        if (c == '(' || c == ')' || c == '\\') {
            d[n++] = '\\';
            d[n++] = c;
        } else if (c == '\r') {
            d[n++] = '\\';
            d[n++] = 'r';
        } else {
            d[n++] = c;
        }
    }
    vb_buf_append(b, d, n);
}

/* Builds "[(codes...) -adj (codes...)] TJ\n": content codes are the UTF-16BE
 * code points (Identity-H with CID = code point, as libharu encodes). */
void pdf_tj(vb_buf *b, const char *s, double extra, double size)
{
    vb_buf_puts(b, "[(");
    /* -extra * 1000 / size: TJ numbers are thousandths of the font size and
     * positive values move left. */
    double adj = size > 0 ? -extra * 1000.0 / size : 0;
    bool adjust = llround(adj * 1000.0) != 0;
    size_t len = strlen(s), i = 0;
    while (i < len) {
        uint32_t cp = 0;
        size_t n = vb_utf8_decode(s + i, len - i, &cp);
        if (n == 0) /* checked by pdf_fonts_collect */
            n = 1;
        i += n;
        put_code(b, cp);
        if (cp == 0x20 && adjust && i < len) {
            vb_buf_puts(b, ") ");
            pdf_put_real(b, adj);
            vb_buf_puts(b, " (");
        }
    }
    vb_buf_puts(b, ")] TJ\012");
}

void pdf_text_run(vb_buf *b, const page_item *it)
{
    /* Tc acts on every glyph, two-byte codes included (Tw does not: §3);
     * libharu's own text state keeps 0, which is what it is again after. */
    bool tc = llround(it->u.text.char_extra * 1000.0) != 0;
    if (tc) {
        pdf_put_real(b, it->u.text.char_extra);
        vb_buf_puts(b, " Tc\012");
    }
    pdf_tj(b, it->u.text.utf8, it->u.text.space_extra, it->u.text.size);
    if (tc)
        vb_buf_puts(b, "0 Tc\012");
}

bool pdf_text_emit(pdf_ctx *c, HPDF_Page page, const page_item *it)
{
    /* The text matrix as a raw Tm, like the TJ: HPDF_Page_SetTextMatrix
     * cleared a 512-byte buffer byte by byte and printed six reals for each
     * line (5 % of a 100-page book); vanban never asks libharu where the text
     * is, so libharu's own copy of the matrix is not needed. */
    vb_buf_clear(&c->scratch);
    vb_buf_puts(&c->scratch, "1 0 0 1 ");
    pdf_put_real(&c->scratch, it->u.text.x);
    vb_buf_putc(&c->scratch, ' ');
    pdf_put_real(&c->scratch, it->u.text.y);
    vb_buf_puts(&c->scratch, " Tm\012");
    pdf_text_run(&c->scratch, it);
    HPDF_PageAttr attr = (HPDF_PageAttr)page->attr;
    return HPDF_Stream_Write(attr->stream, (const HPDF_BYTE *)c->scratch.data,
                             (HPDF_UINT)c->scratch.len) == HPDF_OK;
}
