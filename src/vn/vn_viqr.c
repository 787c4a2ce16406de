/* VIQR (RFC 1456): ASCII letters followed by mnemonic marks — ( breve,
 * ^ circumflex, + horn, ' ` ? ~ . the five tones — and DD/Dd/dd for Đ/đ.
 * A backslash makes the next mark character literal ("Hie^'u\."). Two rules
 * of our own keep ordinary punctuation: a word takes one tone only, so the
 * "." after "No^.i" is a full stop; and dd/Dd is đ/Đ only at the start of a
 * word (Vietnamese has no đ elsewhere), so "address" stays, while DD is Đ
 * anywhere, for abbreviations such as "NDD-CP" (NĐ-CP). Web and e-mail
 * addresses are copied as they are. docs/encodings.md. */
#include "vn_internal.h"

static bool is_letter(unsigned char c)
{
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

static uint32_t tone_mark(unsigned char c)
{
    switch (c) {
    case '\'': return 0x0301;
    case '`': return 0x0300;
    case '?': return 0x0309;
    case '~': return 0x0303;
    case '.': return 0x0323;
    default: return 0;
    }
}

static uint32_t shape_mark(unsigned char base, unsigned char c)
{
    base |= 0x20;
    if (c == '(' && base == 'a')
        return 0x0306;
    if (c == '^' && (base == 'a' || base == 'e' || base == 'o'))
        return 0x0302;
    if (c == '+' && (base == 'o' || base == 'u'))
        return 0x031B;
    return 0;
}

static bool is_vowel(unsigned char c)
{
    switch (c | 0x20) {
    case 'a': case 'e': case 'i': case 'o': case 'u': case 'y': return true;
    default: return false;
    }
}

static bool is_escapable(unsigned char c)
{
    return tone_mark(c) || c == '(' || c == '^' || c == '+' || c == '\\' || c == 'd' ||
           c == 'D' || c == '/';
}

/* Where the run of non-blank bytes at b[i] ends, if it is a web or e-mail
 * address ("hoa.le@soctrang.gov.vn", "https://x.vn/a?id=3"), whose dots and
 * question marks are no tones; else i. */
static size_t address_end(const unsigned char *b, size_t len, size_t i)
{
    size_t e = i;
    bool address = len - i >= 4 && (b[i] | 0x20) == 'w' && (b[i + 1] | 0x20) == 'w' &&
                   (b[i + 2] | 0x20) == 'w' && b[i + 3] == '.';
    while (e < len && b[e] > ' ') {
        if (b[e] >= 0x80)
            return i; /* not ASCII: decoded byte by byte, as the rest */
        address |= b[e] == '@' || (b[e] == ':' && e + 2 < len && b[e + 1] == '/' && b[e + 2] == '/');
        e++;
    }
    return address ? e : i;
}

bool vn_viqr_decode(const unsigned char *b, size_t len, vb_buf *out, size_t *bad)
{
    /* A word is its letters and the marks between them: the "." of "No^.i"
     * does not end it, so the "." after it is a full stop, not a second
     * tone on the "i" ("Hà Nộị"). */
    bool in_word = false, word_toned = false;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = b[i];
        if (i == 0 || b[i - 1] <= ' ') {
            size_t e = address_end(b, len, i);
            if (e > i) {
                vb_buf_append(out, (const char *)b + i, e - i);
                i = e - 1;
                in_word = word_toned = false;
                continue;
            }
        }
        if (c >= 0x80) {
            if (bad) {
                *bad = i;
                return false;
            }
            vb_buf_put_cp(out, vn_cp1252_char(c));
            in_word = word_toned = false;
            continue;
        }
        if (c == '\\' && i + 1 < len && is_escapable(b[i + 1])) {
            c = b[++i];
            vb_buf_putc(out, (char)c);
            if (!is_letter(c) || !in_word)
                word_toned = false;
            in_word = is_letter(c);
            continue;
        }
        if (!is_letter(c)) {
            vb_buf_putc(out, (char)c);
            in_word = word_toned = false;
            continue;
        }
        bool word_start = !in_word;
        in_word = true;
        if (word_start)
            word_toned = false;
        bool dd = i + 1 < len && ((c == 'D' && b[i + 1] == 'D') ||
                                  (word_start && c == 'D' && b[i + 1] == 'd') ||
                                  (word_start && c == 'd' && b[i + 1] == 'd'));
        if (dd) {
            vb_buf_put_cp(out, c == 'D' ? 0x0110 : 0x0111);
            i++;
            continue;
        }
        vb_buf_putc(out, (char)c);
        if (!is_vowel(c))
            continue;
        /* Marks after a vowel: one shape and one tone, in either order. */
        bool shaped = false;
        while (i + 1 < len) {
            unsigned char m = b[i + 1];
            uint32_t s = shaped ? 0 : shape_mark(c, m);
            uint32_t t = word_toned ? 0 : tone_mark(m);
            if (s) {
                shaped = true;
                vb_buf_put_cp(out, s);
            } else if (t) {
                word_toned = true;
                vb_buf_put_cp(out, t);
            } else {
                break;
            }
            i++;
        }
    }
    return true;
}
