/* VNI-Windows (the VNI-Times fonts): a letter is a base byte followed by at
 * most one mark byte; a few letters are single bytes. Table from UniKey's
 * vnconv charset table, cross-checked against VBKey's (docs/encodings.md).
 * Marks become combining characters and utf8proc composes them (vn_nfc). */
#include "vn_internal.h"

/* Single-byte letters (upper, lower pairs): Đ đ Ơ ơ Ư ư Í í Ì ì Ỉ ỉ Ĩ ĩ Ị ị Ỵ ỵ. */
static uint32_t single(unsigned char b)
{
    switch (b) {
    case 0xD1: return 0x0110;  case 0xF1: return 0x0111;
    case 0xD4: return 0x01A0;  case 0xF4: return 0x01A1;
    case 0xD6: return 0x01AF;  case 0xF6: return 0x01B0;
    case 0xCD: return 0x00CD;  case 0xED: return 0x00ED;
    case 0xCC: return 0x00CC;  case 0xEC: return 0x00EC;
    case 0xC6: return 0x1EC8;  case 0xE6: return 0x1EC9;
    case 0xD3: return 0x0128;  case 0xF3: return 0x0129;
    case 0xD2: return 0x1ECA;  case 0xF2: return 0x1ECB;
    case 0xCE: return 0x1EF4;  case 0xEE: return 0x1EF5;
    default: return 0;
    }
}

/* Mark bytes: the lowercase one (after a lowercase base) is the uppercase
 * one + 0x20. Each gives up to two combining marks: shape, then tone. */
static bool mark(unsigned char b, uint32_t *shape, uint32_t *tone)
{
    static const struct { unsigned char upper; uint16_t shape, tone; } marks[] = {
        {0xD9, 0, 0x0301},      {0xD8, 0, 0x0300},      {0xDB, 0, 0x0309},
        {0xD5, 0, 0x0303},      {0xCF, 0, 0x0323},
        {0xC2, 0x0302, 0},      {0xC1, 0x0302, 0x0301}, {0xC0, 0x0302, 0x0300},
        {0xC5, 0x0302, 0x0309}, {0xC3, 0x0302, 0x0303}, {0xC4, 0x0302, 0x0323},
        {0xCA, 0x0306, 0},      {0xC9, 0x0306, 0x0301}, {0xC8, 0x0306, 0x0300},
        {0xDA, 0x0306, 0x0309}, {0xDC, 0x0306, 0x0303}, {0xCB, 0x0306, 0x0323},
    };
    unsigned char u = b >= 0xE0 ? (unsigned char)(b - 0x20) : b;
    if (b < 0xC0)
        return false;
    for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++)
        if (marks[i].upper == u) {
            *shape = marks[i].shape;
            *tone = marks[i].tone;
            return true;
        }
    return false;
}

/* Bases a mark byte may follow: the vowels, including the single-byte ơ, ư. */
static bool takes_mark(unsigned char b)
{
    switch (b | 0x20) {
    case 'a': case 'e': case 'i': case 'o': case 'u': case 'y':
        return b < 0x80;
    default:
        return b == 0xD4 || b == 0xF4 || b == 0xD6 || b == 0xF6;
    }
}

bool vn_vni_decode(const unsigned char *b, size_t len, vb_buf *out, size_t *bad)
{
    for (size_t i = 0; i < len; i++) {
        unsigned char x = b[i];
        uint32_t cp, shape, tone;
        if (x < 0x80) {
            vb_buf_putc(out, (char)x);
        } else if ((cp = single(x)) != 0) {
            vb_buf_put_cp(out, cp);
        } else if (mark(x, &shape, &tone) && i > 0 && takes_mark(b[i - 1])) {
            if (shape)
                vb_buf_put_cp(out, shape);
            if (tone)
                vb_buf_put_cp(out, tone);
        } else {
            /* Symbols 0x80-0xBF are Windows-1252's; anything else here is a
             * mark without a vowel or a byte VNI does not use. */
            cp = vn_cp1252_char(x);
            if (bad && (cp == 0xFFFD || x >= 0xC0)) {
                *bad = i;
                return false;
            }
            vb_buf_put_cp(out, cp);
        }
    }
    return true;
}
