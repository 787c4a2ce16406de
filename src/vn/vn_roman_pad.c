/* Roman numerals (Decree 30, Phụ lục I: "Phần I", "Chương II", appendices
 * "Phụ lục I, II") and zero-padded counts ("01 giải Nhất", "Số: 05"). */
#include "vn_internal.h"

bool vn_roman(vb_buf *out, int n)
{
    static const struct { int value; const char *text; } steps[] = {
        {1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"},
        {50, "L"},   {40, "XL"},  {10, "X"},  {9, "IX"},   {5, "V"},   {4, "IV"}, {1, "I"},
    };
    if (n < 1 || n > 3999)
        return false;
    for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++)
        for (; n >= steps[i].value; n -= steps[i].value)
            vb_buf_puts(out, steps[i].text);
    return true;
}

void vn_pad(vb_buf *out, long long n, int width)
{
    if (width < 0)
        width = 0;
    if (width > 64)
        width = 64;
    /* Counts are padded ("03 đơn vị"), nothing is: "0/30", never "00/30". */
    if (n == 0)
        width = 1;
    unsigned long long m = n < 0 ? 0ULL - (unsigned long long)n : (unsigned long long)n;
    vb_buf_printf(out, "%s%0*llu", n < 0 ? "-" : "", width, m);
}
