/* The encodings glibc's iconv knows: UTF-8, UTF-16, CP1258, VISCII,
 * TCVN5712-1. We only convert; NFC comes after (vn_nfc). */
#include "vn_internal.h"

#include <errno.h>
#include <iconv.h>

bool vn_iconv_decode(const char *b, size_t len, const char *from, vb_buf *out, size_t *bad)
{
    iconv_t cd = iconv_open("UTF-8", from);
    if (cd == (iconv_t)-1) {
        if (bad)
            *bad = 0;
        return false;
    }
    char *in = (char *)b;
    size_t in_left = len;
    bool ok = true;
    while (in_left > 0) {
        /* Convert straight into the buffer, in large steps: iconv's cost per
         * call is high enough to matter at 100 MB. */
        vn_buf_reserve(out, in_left + in_left / 2 + 64);
        char *o = out->data + out->len;
        size_t o_left = out->cap - out->len - 1;
        size_t r = iconv(cd, &in, &in_left, &o, &o_left);
        out->len = (size_t)(o - out->data);
        out->data[out->len] = 0;
        if (r != (size_t)-1 || errno == E2BIG)
            continue;
        /* EILSEQ or EINVAL (truncated at the end): an invalid byte. */
        if (bad) {
            *bad = (size_t)(in - b);
            ok = false;
            break;
        }
        vb_buf_put_cp(out, 0xFFFD);
        in++;
        in_left--;
    }
    /* Flush a character held back for composition (CP1258, TCVN), also
     * before a bad byte: the text up to it then ends where the byte is, for
     * a caller that counts its position there. */
    {
        char chunk[64];
        char *o = chunk;
        size_t o_left = sizeof chunk;
        iconv(cd, NULL, NULL, &o, &o_left);
        vb_buf_append(out, chunk, sizeof chunk - o_left);
    }
    iconv_close(cd);
    return ok;
}
