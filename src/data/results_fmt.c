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
