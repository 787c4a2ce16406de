/* Number text for the results. */
#include "results.h"

#include <math.h>

void fmt_plain(vb_buf *b, double v, int decimals)
{
    double scale = pow(10.0, decimals);
    double r = round(v * scale) / scale;
    if (r == 0)
        r = 0; /* no "-0.00" */
    vb_buf_printf(b, "%.*f", decimals, r);
}

/* TEMPORARY until the vnformat branch (vn_format_number) is merged: decimal
 * comma, as Vietnamese writes "83,64". Replace the body with
 * vn_format_number(b, v, decimals). */
void fmt_number_vi(vb_buf *b, double v, int decimals)
{
    size_t start = b->len;
    fmt_plain(b, v, decimals);
    for (size_t i = start; i < b->len; i++)
        if (b->data[i] == '.')
            b->data[i] = ',';
}

/* TEMPORARY until the vnformat branch (vn_display_width) is merged: text is
 * NFC after loading, so every Vietnamese letter is one precomposed code point
 * of width 1; count code points. Replace with vn_display_width(s). */
size_t fmt_width(const char *s)
{
    size_t w = 0;
    for (; *s; s++)
        w += ((unsigned char)*s & 0xC0) != 0x80;
    return w;
}
