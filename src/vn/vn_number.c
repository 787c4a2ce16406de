/* Numbers as Vietnamese writes them: a dot between groups of three digits
 * and a comma before the decimals ("10.000.000", "83,64"; TCVN 7217 and
 * every official document). Rounding is half away from zero on the number's
 * 15-significant-digit decimal form, that is on the decimal the data meant:
 * 83.635 (stored as 83.63499999…) rounds to 83,64, as a clerk would. */
#include "vn_internal.h"

#include <math.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#define MAX_DECIMALS 20

/* Appends the digits of round(|v| * 10^decimals) (no leading zeros, "0" for
 * zero) to `digits`; v is finite. */
static void rounded_digits(vb_buf *digits, double v, int decimals)
{
    char m[64];
    snprintf(m, sizeof m, "%.14e", fabs(v)); /* d.dddddddddddddde±XX */
    char mant[15];
    mant[0] = m[0];
    memcpy(mant + 1, m + 2, 14);
    int exp10 = atoi(strchr(m, 'e') + 1);
    int keep = exp10 + decimals + 1; /* mantissa digits left of the rounding point */
    vb_buf_putc(digits, '0');         /* room for a carry */
    if (keep <= 0) {
        if (keep == 0 && mant[0] >= '5')
            vb_buf_putc(digits, '1');
    } else {
        for (int j = 0; j < keep; j++)
            vb_buf_putc(digits, j < 15 ? mant[j] : '0');
        if (keep < 15 && mant[keep] >= '5') {
            size_t k = digits->len;
            while (k-- > 0) {
                if (digits->data[k] == '9') {
                    digits->data[k] = '0';
                } else {
                    digits->data[k]++;
                    break;
                }
            }
        }
    }
    size_t lead = 0;
    while (lead + 1 < digits->len && digits->data[lead] == '0')
        lead++;
    memmove(digits->data, digits->data + lead, digits->len - lead + 1);
    digits->len -= lead;
}

bool vn_round_scaled(double v, int decimals, long long *out)
{
    if (!isfinite(v) || decimals < 0 || decimals > MAX_DECIMALS)
        return false;
    /* Far from a half, the binary product rounds as the decimal does: the
     * decimal form (a printf each, a third of the report's results stage
     * when every score was ranked this way) is for the near-halves. */
    double x = v * pow(10.0, decimals);
    if (fabs(x) < 1e15) {
        double frac = fabs(x) - floor(fabs(x));
        if (fabs(frac - 0.5) > 1e-6 + fabs(x) * 1e-14) {
            *out = llround(x);
            return true;
        }
    }
    vb_buf d;
    vb_buf_init(&d);
    rounded_digits(&d, v, decimals);
    /* 18 digits always fit in a long long; more would need a wider type. */
    bool ok = d.len <= 18;
    long long n = 0;
    for (size_t k = 0; ok && k < d.len; k++)
        n = n * 10 + (d.data[k] - '0');
    vb_buf_free(&d);
    if (ok)
        *out = v < 0 ? -n : n;
    return ok;
}

void vn_format_number(vb_buf *out, double v, int decimals)
{
    if (decimals < 0)
        decimals = 0;
    if (decimals > MAX_DECIMALS)
        decimals = MAX_DECIMALS;
    if (isnan(v)) {
        vb_buf_puts(out, "NaN");
        return;
    }
    if (isinf(v)) {
        vb_buf_puts(out, v < 0 ? "-∞" : "∞");
        return;
    }
    vb_buf d;
    vb_buf_init(&d);
    rounded_digits(&d, v, decimals);
    size_t need = (size_t)decimals + 1; /* at least one digit before the comma */
    vb_buf full;
    vb_buf_init(&full);
    for (size_t k = d.len; k < need; k++)
        vb_buf_putc(&full, '0');
    vb_buf_append(&full, d.data, d.len);
    bool zero = strspn(full.data, "0") == full.len;
    if (v < 0 && !zero)
        vb_buf_putc(out, '-');
    size_t int_len = full.len - (size_t)decimals;
    for (size_t k = 0; k < int_len; k++) {
        if (k > 0 && (int_len - k) % 3 == 0)
            vb_buf_putc(out, '.');
        vb_buf_putc(out, full.data[k]);
    }
    if (decimals > 0) {
        vb_buf_putc(out, ',');
        vb_buf_append(out, full.data + int_len, (size_t)decimals);
    }
    vb_buf_free(&full);
    vb_buf_free(&d);
}

void vn_format_money(vb_buf *out, double v)
{
    vn_format_number(out, v, 0);
    vb_buf_puts(out, " đồng");
}

void vn_format_percent(vb_buf *out, double v, int decimals)
{
    vn_format_number(out, v, decimals);
    vb_buf_putc(out, '%');
}
