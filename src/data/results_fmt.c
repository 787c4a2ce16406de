/* Number text for the results. */
#include "results.h"
#include "vn/vn.h"

/* "83.64": the value round_fixed compares, digit for digit, so that the XML
 * and the CSV say what the ranking used and what the text table prints
 * (83.635 is 83.64 in all of them, never 83.63 from its binary value). */
void fmt_plain(vb_buf *b, double v, int decimals)
{
    long long n;
    if (decimals < 0 || decimals > 15 || !vn_round_scaled(v, decimals, &n)) {
        vb_buf_printf(b, "%.*f", decimals < 0 ? 0 : decimals, v); /* not a number a contest has */
        return;
    }
    long long scale = 1;
    for (int i = 0; i < decimals; i++)
        scale *= 10;
    unsigned long long a = n < 0 ? 0ULL - (unsigned long long)n : (unsigned long long)n;
    if (n < 0)
        vb_buf_putc(b, '-'); /* a zero is never negative: no "-0.00" */
    vb_buf_printf(b, "%llu", a / (unsigned long long)scale);
    if (decimals > 0)
        vb_buf_printf(b, ".%0*llu", decimals, a % (unsigned long long)scale);
}
