/* Dates as Decree 30/2020 writes them (Phụ lục I, ô 4; docs/nd30-format.md §5):
 * "ngày 05 tháng 02 năm 2023" — a zero before days 1–9 and months 1 and 2
 * (so "tháng 02" cannot be misread as "tháng 12" after a smudge), none for
 * months 3–12: "ngày 29 tháng 6 năm 2019". The short form follows the same
 * rule ("15/5/2023"), as the seed documents write dates in running text. */
#include "vn.h"

#include <ctype.h>
#include <string.h>

static bool leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
    static const int d[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : d[m - 1];
}

bool vn_parse_iso_date(const char *s, vn_date *out)
{
    /* Exactly YYYY-MM-DD: a looser reading would accept "2023-7-1" from one
     * clerk and "1/7/2023" from another and print the wrong one. */
    if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return false;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && !isdigit((unsigned char)s[i]))
            return false;
    int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    int m = (s[5] - '0') * 10 + (s[6] - '0');
    int d = (s[8] - '0') * 10 + (s[9] - '0');
    if (y < 1 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
        return false;
    out->year = y;
    out->month = m;
    out->day = d;
    return true;
}

void vn_format_date(vb_buf *out, vn_date d)
{
    vb_buf_printf(out, "ngày %02d tháng ", d.day);
    if (d.month <= 2)
        vb_buf_printf(out, "%02d", d.month);
    else
        vb_buf_printf(out, "%d", d.month);
    vb_buf_printf(out, " năm %d", d.year);
}

/* The same rule in figures, as the documents themselves write dates in
 * running text: "09/02/2023", "15/5/2023", "01/8/2023". */
void vn_format_date_short(vb_buf *out, vn_date d)
{
    vb_buf_printf(out, d.month <= 2 ? "%02d/%02d/%d" : "%02d/%d/%d", d.day, d.month, d.year);
}
