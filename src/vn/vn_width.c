/* Terminal columns of a string, for aligned text tables: utf8proc's
 * character widths (East Asian wide and emoji 2, combining marks and
 * controls 0, everything else 1). An invalid byte counts as U+FFFD. */
#include "vn_internal.h"

#include <utf8proc.h>

size_t vn_display_width(const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t w = 0, i = 0;
    while (i < len) {
        if (u[i] < 0x80) { /* printable ASCII 1, controls 0 */
            w += u[i] >= 0x20 && u[i] < 0x7F;
            i++;
            continue;
        }
        uint32_t cp;
        size_t n = vn_utf8_next(u + i, len - i, &cp);
        if (n == 0) {
            cp = 0xFFFD;
            n = 1;
        }
        w += (size_t)utf8proc_charwidth((utf8proc_int32_t)cp);
        i += n;
    }
    return w;
}
