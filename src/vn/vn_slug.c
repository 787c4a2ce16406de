/* File-name slugs: each character is decomposed (compatibility decomposition,
 * so "ﬁ" and full-width letters fold too), its marks dropped, đ/Đ read as d,
 * ASCII letters lowered; ASCII letters and digits are kept and every run of
 * anything else becomes one '-'. "Đặng Thành Nam" → "dang-thanh-nam". */
#include "vn_internal.h"

#include <utf8proc.h>

static void put_folded(vb_buf *out, uint32_t cp, bool *pending)
{
    utf8proc_int32_t d[18];
    int last = 0;
    utf8proc_ssize_t n = utf8proc_decompose_char((utf8proc_int32_t)cp, d, 18,
                                                 UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT, &last);
    if (n < 1 || n > 18) {
        d[0] = (utf8proc_int32_t)cp;
        n = 1;
    }
    for (utf8proc_ssize_t k = 0; k < n; k++) {
        utf8proc_int32_t c = d[k];
        if (c == 0x0110 || c == 0x0111)
            c = 'd';
        if (c < 0x80 && ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')) {
            c |= 0x20;
        } else if (!(c >= '0' && c <= '9')) {
            utf8proc_category_t cat = utf8proc_category(c);
            if (cat != UTF8PROC_CATEGORY_MN && cat != UTF8PROC_CATEGORY_MC &&
                cat != UTF8PROC_CATEGORY_ME)
                *pending = true; /* a separator; marks vanish without one */
            continue;
        }
        if (*pending && out->len > 0 && out->data[out->len - 1] != '-')
            vb_buf_putc(out, '-');
        *pending = false;
        vb_buf_putc(out, (char)c);
    }
}

void vn_slug(vb_buf *out, const char *s, size_t len)
{
    bool pending = false;
    vb_buf slug;
    vb_buf_init(&slug);
    size_t i = 0;
    while (i < len) {
        uint32_t cp;
        size_t n = vb_utf8_decode(s + i, len - i, &cp);
        if (n == 0) {
            cp = 0xFFFD;
            n = 1;
        }
        put_folded(&slug, cp, &pending);
        i += n;
    }
    if (slug.len == 0)
        vb_buf_putc(out, 'x');
    else
        vb_buf_append(out, slug.data, slug.len);
    vb_buf_free(&slug);
}
