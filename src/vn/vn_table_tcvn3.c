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
 * leading capital plus toned bytes ("Bé" is "Bộ" in a title, "BỘ" in caps),
 * or toned bytes alone ("ý" in "ý kiến", "Ý" in "Ý KIẾN"). */
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
    if (lower || (!upper && !toned))
        return W_OTHER;
    if (!upper) /* "ý", "á": a word of toned bytes alone, in "Ý KIẾN" or "ý kiến" */
        return W_AMBIG;
    if (upper >= 2 || !first_upper)
        return W_CAPS;
    return toned ? W_AMBIG : W_OTHER;
}

static size_t word_end(const unsigned char *b, size_t len, size_t i)
{
    while (i < len && byte_case(b[i]) != C_NONE)
        i++;
    return i;
}

/* Bytes that continue a phrase between words: spaces, hyphens, digits. */
static bool phrase_glue(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '-' || c == '/' || (c >= '0' && c <= '9');
}

/* "Bé" is "BỘ" in "Bé NéI Vô" (BỘ NỘI VỤ) but "Bộ" in "Bé Néi vô": a word
 * with one leading capital is in capitals when the next word is; when there
 * is no next word to tell, when its phrase (up to punctuation) has another
 * word in capitals and none with small letters. So "UBND Mü Xuyªn" stays
 * "UBND Mỹ Xuyên", "TĐ-KT Së;" is "TĐ-KT Sở;", "SË X¢Y DùNG" is all caps. */
static uint32_t upper_of(uint32_t cp);

/* Whether the bytes of a word in capitals read as one Vietnamese syllable. */
static bool caps_syllable(const unsigned char *b, size_t start, size_t end)
{
    uint32_t cps[8];
    if (end - start > 8)
        return false;
    for (size_t i = start; i < end; i++)
        cps[i - start] = upper_of(b[i] < 0x80 ? b[i] : high[b[i] - 0xA0]);
    return vn_syllable_valid(cps, end - start);
}

static bool has_lower(const unsigned char *b, size_t start, size_t end)
{
    for (size_t k = start; k < end; k++)
        if (byte_case(b[k]) == C_LOWER)
            return true;
    return false;
}

static bool ambiguous_is_caps(const unsigned char *b, size_t len, size_t start, size_t end)
{
    /* The next word decides when it can: "KÕ HO¹CH sè" is "KẾ HOẠCH số". */
    size_t n = end;
    while (n < len && (b[n] == ' ' || b[n] == '\t'))
        n++;
    bool next_lower = false;
    if (n > end && n < len && byte_case(b[n]) != C_NONE) {
        size_t ne = word_end(b, len, n);
        /* in capitals and a syllable: "Bé GD-§T" is "Bộ GD-ĐT", not "BỘ" */
        if (word_class(b, n, ne) == W_CAPS && caps_syllable(b, n, ne))
            return true;
        next_lower = has_lower(b, n, ne);
    }
    /* Then a previous word in capitals that is a syllable, not an
     * abbreviation: "§¡NG Ký thi" is "ĐĂNG KÝ thi", "UBND Mü Xuyªn" is not. */
    size_t p = start;
    while (p > 0 && (b[p - 1] == ' ' || b[p - 1] == '\t'))
        p--;
    if (p < start && p > 0 && byte_case(b[p - 1]) != C_NONE) {
        size_t ps = p;
        while (ps > 0 && byte_case(b[ps - 1]) != C_NONE)
            ps--;
        if (word_class(b, ps, p) == W_CAPS && caps_syllable(b, ps, p))
            return true;
    }
    if (next_lower)
        return false;
    size_t from = start, to = end;
    while (from > 0 && (phrase_glue(b[from - 1]) || byte_case(b[from - 1]) != C_NONE))
        from--;
    while (to < len && (phrase_glue(b[to]) || byte_case(b[to]) != C_NONE))
        to++;
    bool caps = false;
    for (size_t i = from; i < to;) {
        if (byte_case(b[i]) == C_NONE) {
            i++;
            continue;
        }
        size_t e = word_end(b, len, i);
        if (i != start) {
            int c = word_class(b, i, e);
            if (c == W_OTHER && has_lower(b, i, e))
                return false;
            caps |= c == W_CAPS;
        }
        i = e;
    }
    return caps;
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
        bool caps = wc == W_CAPS || (wc == W_AMBIG && ambiguous_is_caps(b, len, i, end));
        for (; i < end; i++) {
            uint32_t cp = b[i] < 0x80 ? b[i] : high[b[i] - 0xA0];
            if (caps && byte_case(b[i]) == C_TONED)
                cp = upper_of(cp);
            vb_buf_put_cp(out, cp);
        }
    }
    return true;
}
