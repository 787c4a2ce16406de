/* TCVN3 (ABC, TCVN 5712:1993 VN3), the encoding of the .VnTime fonts.
 * Table from UniKey's vnconv charset table, cross-checked letter by letter
 * against VBKey's code table (docs/encodings.md). TCVN3 has no toned
 * capitals: "CỘNG HÒA" is typed with lowercase toned bytes in an uppercase
 * font (.VnTimeH) or between capitals. We uppercase a toned byte when its
 * word is otherwise in capitals (docs/encodings.md, "missing capitals"). */
#include "vn_internal.h"

/* 0xA0-0xFF; 0 = not a letter in TCVN3 (a Latin-1 symbol or invalid). */
static const uint16_t high[96] = {
    /* A0 */ 0, 0x0102, 0x00C2, 0x00CA, 0x00D4, 0x01A0, 0x01AF, 0x0110,
    /* A8 */ 0x0103, 0x00E2, 0x00EA, 0x00F4, 0x01A1, 0x01B0, 0x0111, 0,
    /* B0 */ 0, 0, 0, 0, 0, 0x00E0, 0x1EA3, 0x00E3,
    /* B8 */ 0x00E1, 0x1EA1, 0, 0x1EB1, 0x1EB3, 0x1EB5, 0x1EAF, 0,
    /* C0 */ 0, 0, 0, 0, 0, 0, 0x1EB7, 0x1EA7,
    /* C8 */ 0x1EA9, 0x1EAB, 0x1EA5, 0x1EAD, 0x00E8, 0, 0x1EBB, 0x1EBD,
    /* D0 */ 0x00E9, 0x1EB9, 0x1EC1, 0x1EC3, 0x1EC5, 0x1EBF, 0x1EC7, 0x00EC,
    /* D8 */ 0x1EC9, 0, 0, 0, 0x0129, 0x00ED, 0x1ECB, 0x00F2,
    /* E0 */ 0, 0x1ECF, 0x00F5, 0x00F3, 0x1ECD, 0x1ED3, 0x1ED5, 0x1ED7,
    /* E8 */ 0x1ED1, 0x1ED9, 0x1EDD, 0x1EDF, 0x1EE1, 0x1EDB, 0x1EE3, 0x00F9,
    /* F0 */ 0, 0x1EE7, 0x0169, 0x00FA, 0x1EE5, 0x1EEB, 0x1EED, 0x1EEF,
    /* F8 */ 0x1EE9, 0x1EF1, 0x1EF3, 0x1EF7, 0x1EF9, 0x00FD, 0x1EF5, 0,
};

/* Case of a byte: definite upper, definite lower, toned (lowercase glyph
 * whose case the font decided), or not a letter. */
enum { C_NONE, C_UPPER, C_LOWER, C_TONED };

static int byte_case(unsigned char b)
{
    if (b >= 'A' && b <= 'Z')
        return C_UPPER;
    if (b >= 'a' && b <= 'z')
        return C_LOWER;
    if (b >= 0xA1 && b <= 0xA7)
        return C_UPPER;
    if (b >= 0xA8 && b <= 0xAE)
        return C_LOWER;
    if (b >= 0xA0 && high[b - 0xA0])
        return C_TONED;
    return C_NONE;
}

/* A word's case: CAPS when it has no definite lowercase letter and at least
 * two capitals, or one capital that is not first ("éNG"); AMBIG for one
 * leading capital plus toned bytes ("Bé" is "Bộ" in a title, "BỘ" in caps). */
enum { W_OTHER, W_CAPS, W_AMBIG };

static int word_class(const unsigned char *b, size_t start, size_t end)
{
    size_t upper = 0, lower = 0, toned = 0;
    bool first_upper = byte_case(b[start]) == C_UPPER;
    for (size_t i = start; i < end; i++) {
        int c = byte_case(b[i]);
        upper += c == C_UPPER;
        lower += c == C_LOWER;
        toned += c == C_TONED;
    }
    if (lower || !toned || !upper)
        return W_OTHER;
    if (upper >= 2 || !first_upper)
        return W_CAPS;
    return W_AMBIG;
}

static size_t word_end(const unsigned char *b, size_t len, size_t i)
{
    while (i < len && byte_case(b[i]) != C_NONE)
        i++;
    return i;
}

/* W_CAPS when the next or the previous word, across spaces only, is in
 * capitals: decides "Bé" inside "Bé NéI Vô" (BỘ NỘI VỤ). */
static int neighbour_class(const unsigned char *b, size_t len, size_t start, size_t end)
{
    /* next word */
    size_t i = end;
    while (i < len && (b[i] == ' ' || b[i] == '\t'))
        i++;
    if (i < len && i > end && byte_case(b[i]) != C_NONE) {
        int c = word_class(b, i, word_end(b, len, i));
        if (c == W_CAPS)
            return c;
    }
    /* previous word */
    i = start;
    while (i > 0 && (b[i - 1] == ' ' || b[i - 1] == '\t'))
        i--;
    if (i < start && i > 0 && byte_case(b[i - 1]) != C_NONE) {
        size_t s = i;
        while (s > 0 && byte_case(b[s - 1]) != C_NONE)
            s--;
        return word_class(b, s, i);
    }
    return W_OTHER;
}

static uint32_t upper_of(uint32_t cp)
{
    vn_letter l;
    if (!vn_letter_split(cp, &l))
        return cp;
    return vn_letter_join(l.base, l.tone, true);
}

bool vn_tcvn3_decode(const unsigned char *b, size_t len, vb_buf *out, size_t *bad)
{
    size_t i = 0;
    while (i < len) {
        int c = byte_case(b[i]);
        if (c == C_NONE) {
            unsigned char x = b[i];
            if (x >= 0x80) {
                uint32_t cp = vn_cp1252_char(x);
                /* 0xC0-0xFF outside the table are Latin-1 letters TCVN3 text
                 * cannot contain; 0x80-0xBF are the symbols of Windows-1252. */
                if (bad && (cp == 0xFFFD || x >= 0xC0)) {
                    *bad = i;
                    return false;
                }
                vb_buf_put_cp(out, cp);
            } else {
                vb_buf_putc(out, (char)x);
            }
            i++;
            continue;
        }
        size_t end = word_end(b, len, i);
        int wc = word_class(b, i, end);
        bool caps = wc == W_CAPS || (wc == W_AMBIG && neighbour_class(b, len, i, end) == W_CAPS);
        for (; i < end; i++) {
            uint32_t cp = b[i] < 0x80 ? b[i] : high[b[i] - 0xA0];
            if (caps && byte_case(b[i]) == C_TONED)
                cp = upper_of(cp);
            vb_buf_put_cp(out, cp);
        }
    }
    return true;
}
