/* Dates: ISO 8601 in; Decree 30 out (Phụ lục I, place and date, ô 4 of
 * ../shared/docs/nd30-format.md): "ngày 05 tháng 02 năm 2023", a zero before
 * days 1-9 and months 1-2 only ("ngày 29 tháng 6 năm 2019"); and dd/mm/yyyy. */
#include "vn_internal.h"

static bool leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : days[m - 1];
}

static bool digits(const char *s, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
}

bool vn_parse_iso_date(const char *s, vn_date *out)
{
    int y, m, d;
    if (!s || !digits(s, 4, &y) || s[4] != '-' || !digits(s + 5, 2, &m) || s[7] != '-' ||
        !digits(s + 8, 2, &d) || s[10] != 0)
        return false;
    if (y < 1 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
        return false;
    out->year = y;
    out->month = m;
    out->day = d;
    return true;
}

void vn_format_date(vb_buf *out, vn_date d)
{
    vb_buf_printf(out, "ngày %s%d tháng %s%d năm %d", d.day >= 0 && d.day < 10 ? "0" : "", d.day,
                  d.month == 1 || d.month == 2 ? "0" : "", d.month, d.year);
}

void vn_format_date_short(vb_buf *out, vn_date d)
{
    vb_buf_printf(out, "%02d/%02d/%04d", d.day, d.month, d.year);
}
