/* NFC through utf8proc, with a fast check so that clean text is copied, and
 * one Vietnamese repair first: shape marks before tone marks. */
#include "vn_internal.h"

#include <stdlib.h>
#include <utf8proc.h>

void vn_buf_reserve(vb_buf *b, size_t extra)
{
    vb_grow((void **)&b->data, &b->cap, b->len + extra + 1, 1);
    b->data[b->len] = 0;
}

void vn_utf8_sanitize_append(vb_buf *out, const char *s, size_t len)
{
    size_t i = 0, start = 0;
    while (i < len) {
        uint32_t cp;
        size_t n = vb_utf8_decode(s + i, len - i, &cp);
        if (n == 0) {
            vb_buf_append(out, s + start, i - start);
            vb_buf_put_cp(out, 0xFFFD);
            i++;
            start = i;
        } else {
            i += n;
        }
    }
    vb_buf_append(out, s + start, len - start);
}

/* Only marks of combining class 230 can be in the wrong order after canonical
 * ordering: the horn (216) and the dot below (220) are sorted by it already. */
static bool is_shape_mark(utf8proc_int32_t c)
{
    return c == 0x0302 || c == 0x0306;
}

static bool is_tone_mark(utf8proc_int32_t c)
{
    return c == 0x0300 || c == 0x0301 || c == 0x0303 || c == 0x0309;
}

/* Within each run of combining marks, a circumflex or breve typed after a
 * tone mark is moved before it, the order Unicode's decompositions use. */
static void shape_before_tone(utf8proc_int32_t *b, utf8proc_ssize_t n)
{
    for (utf8proc_ssize_t i = 1; i < n; i++) {
        utf8proc_ssize_t j = i;
        while (j > 0 && is_shape_mark(b[j]) && is_tone_mark(b[j - 1])) {
            utf8proc_int32_t t = b[j];
            b[j] = b[j - 1];
            b[j - 1] = t;
            j--;
        }
    }
}

/* NFC of a short segment that starts at a starter: decompose, put shape
 * marks before tone marks, compose (utf8proc). */
static void nfc_segment(vb_buf *out, const char *s, size_t len)
{
    utf8proc_option_t opt = UTF8PROC_STABLE | UTF8PROC_DECOMPOSE;
    utf8proc_ssize_t n = utf8proc_decompose((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len,
                                            NULL, 0, opt);
    if (n < 0) { /* not reached: segments are valid UTF-8 */
        vn_utf8_sanitize_append(out, s, len);
        return;
    }
    utf8proc_int32_t *b = vb_xmalloc(((size_t)n + 1) * sizeof *b);
    n = utf8proc_decompose((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, b, n, opt);
    shape_before_tone(b, n);
    n = utf8proc_normalize_utf32(b, n, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    for (utf8proc_ssize_t i = 0; i < n; i++)
        vb_buf_put_cp(out, (uint32_t)b[i]);
    free(b);
}

/* Text is copied as it is except around characters NFC may change: each
 * such run, with the starter before it, is normalized alone. Stable
 * characters never compose with what precedes them, so they bound runs. */
void vn_nfc_append(vb_buf *out, const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    vn_buf_reserve(out, len);
    size_t i = 0, copied = 0, starter = 0;
    while (i < len) {
        if (u[i] < 0x80) {
            starter = i++;
            continue;
        }
        uint32_t cp;
        size_t n = vn_utf8_next(u + i, len - i, &cp);
        if (n == 0) { /* an invalid byte: callers sanitize first, but stay safe */
            vb_buf_append(out, s + copied, i - copied);
            vb_buf_put_cp(out, 0xFFFD);
            copied = starter = ++i;
            continue;
        }
        if (vn_nfc_stable(cp)) {
            starter = i;
            i += n;
            continue;
        }
        size_t j = i + n;
        while (j < len && u[j] >= 0x80) {
            size_t m = vn_utf8_next(u + j, len - j, &cp);
            if (m == 0 || vn_nfc_stable(cp))
                break;
            j += m;
        }
        size_t from = starter >= copied && starter < i ? starter : i;
        vb_buf_append(out, s + copied, from - copied);
        nfc_segment(out, s + from, j - from);
        copied = starter = i = j;
    }
    vb_buf_append(out, s + copied, len - copied);
}
