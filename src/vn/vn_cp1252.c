/* Windows-1252, both ways: mojibake is legacy bytes shown as Windows-1252 and
 * saved as UTF-8, and the legacy tables fall back to it for their symbols. */
#include "vn_internal.h"

/* 0x80-0x9F (the rest is Latin-1); 0xFFFD where Windows-1252 has no char. */
static const uint16_t c1[32] = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
    0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
};

uint32_t vn_cp1252_char(unsigned char b)
{
    return b >= 0x80 && b < 0xA0 ? c1[b - 0x80] : b;
}

int vn_cp1252_byte(uint32_t cp)
{
    if (cp < 0x100) /* Latin-1 readers leave 0x80-0x9F as C1 controls */
        return (int)cp;
    for (int i = 0; i < 32; i++)
        if (c1[i] == cp && cp != 0xFFFD)
            return 0x80 + i;
    return -1;
}
