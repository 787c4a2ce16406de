/* vn_normalize: NFC + tone style + cleanup, line by line. Most lines of real
 * text need nothing, so each line is first checked by a fast scan and, when
 * clean, copied with its neighbours in one memcpy; only the other lines go
 * through utf8proc, the tone rule and the cleanup. */
#include "vn_internal.h"

#include <stdlib.h>
#include <stdio.h>
#include <string.h>

/* Toned vowels that may sit in a final oa, oe, uy: 'a' for a toned a or e
 * (after o), 'y' for a toned y (after u), 'o' for a toned o (before a, e),
 * 'u' for a toned u (before y); 0 for anything else. */
static char toned_kind(uint32_t c)
{
    switch (c) {
    case 0xE0: case 0xE1: case 0x1EA3: case 0xE3: case 0x1EA1:
    case 0xC0: case 0xC1: case 0x1EA2: case 0xC3: case 0x1EA0:
    case 0xE8: case 0xE9: case 0x1EBB: case 0x1EBD: case 0x1EB9:
    case 0xC8: case 0xC9: case 0x1EBA: case 0x1EBC: case 0x1EB8:
        return 'a';
    case 0x1EF3: case 0xFD: case 0x1EF7: case 0x1EF9: case 0x1EF5:
    case 0x1EF2: case 0xDD: case 0x1EF6: case 0x1EF8: case 0x1EF4:
        return 'y';
    case 0xF2: case 0xF3: case 0x1ECF: case 0xF5: case 0x1ECD:
    case 0xD2: case 0xD3: case 0x1ECE: case 0xD5: case 0x1ECC:
        return 'o';
    case 0xF9: case 0xFA: case 0x1EE7: case 0x169: case 0x1EE5:
    case 0xD9: case 0xDA: case 0x1EE6: case 0x168: case 0x1EE4:
        return 'u';
    default:
        return 0;
    }
}

/* Whether a byte can continue a word (an ASCII letter or a multi-byte
 * character, which may be a letter). */
static bool word_byte(unsigned char c)
{
    return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c >= 0x80;
}

/* Whether the tone at s[i..i+n) (a toned vowel of the given kind) may have
 * to move: the pair oa/oe/uy ends the word and does not follow q. */
static bool tone_may_move(const unsigned char *s, size_t len, size_t i, size_t n, char kind,
                          vn_tone tone)
{
    if (tone == VN_TONE_CLASSIC && (kind == 'a' || kind == 'y')) {
        unsigned char before = i > 0 ? (unsigned char)(s[i - 1] | 0x20) : 0;
        unsigned char q = i > 1 ? (unsigned char)(s[i - 2] | 0x20) : 0;
        return before == (kind == 'a' ? 'o' : 'u') && q != 'q' &&
               !(i + n < len && word_byte(s[i + n]));
    }
    if (tone == VN_TONE_MODERN && (kind == 'o' || kind == 'u')) {
        unsigned char next = i + n < len ? (unsigned char)(s[i + n] | 0x20) : 0;
        bool pair = kind == 'o' ? (next == 'a' || next == 'e') : next == 'y';
        return pair && !(i + n + 1 < len && word_byte(s[i + n + 1]));
    }
    return false;
}

static bool closing(unsigned char c)
{
    return c == ',' || c == '.' || c == ';' || c == ':' || c == '!' || c == '?';
}

/* The clean-line scan decides each ASCII byte from the byte after it with
 * two table lookups: byte_rule says which properties of the next byte make
 * the line need the slow path, next_props which properties a byte has (and
 * every byte has N_ANY). */
enum {
    N_ANY = 1,    /* for a line end and the bytes that are never clean */
    N_SPACE = 2,  /* after a space: end, NUL, space, tab, , . ; : ! ? */
    N_CLOSE = 4,  /* after , ; : ! ?: a letter or a multi-byte character */
    N_DOT = 8,    /* after .: a capital or a multi-byte character */
};
static const unsigned char byte_rule[128] = {
    [0] = N_ANY, ['\t'] = N_ANY, ['\r'] = N_ANY, ['\n'] = N_ANY, [' '] = N_SPACE,
    [0x1A] = N_ANY, [0x1F] = N_ANY, /* DOS's Ctrl-Z, Word's optional hyphen: dropped */
    [','] = N_CLOSE, [';'] = N_CLOSE, [':'] = N_CLOSE, ['!'] = N_CLOSE, ['?'] = N_CLOSE,
    ['.'] = N_DOT,
};
#define LOWER_PROPS(c) [c] = N_CLOSE
#define UPPER_PROPS(c) [c] = N_CLOSE | N_DOT
#define MULTI_PROPS N_CLOSE | N_DOT
#define MULTI8 MULTI_PROPS, MULTI_PROPS, MULTI_PROPS, MULTI_PROPS, MULTI_PROPS, MULTI_PROPS, \
               MULTI_PROPS, MULTI_PROPS
static const unsigned char next_props[256] = {
    [0] = N_SPACE, ['\n'] = N_SPACE, [' '] = N_SPACE, ['\t'] = N_SPACE, [','] = N_SPACE,
    ['.'] = N_SPACE, [';'] = N_SPACE, [':'] = N_SPACE, ['!'] = N_SPACE, ['?'] = N_SPACE,
    LOWER_PROPS('a'), LOWER_PROPS('b'), LOWER_PROPS('c'), LOWER_PROPS('d'), LOWER_PROPS('e'),
    LOWER_PROPS('f'), LOWER_PROPS('g'), LOWER_PROPS('h'), LOWER_PROPS('i'), LOWER_PROPS('j'),
    LOWER_PROPS('k'), LOWER_PROPS('l'), LOWER_PROPS('m'), LOWER_PROPS('n'), LOWER_PROPS('o'),
    LOWER_PROPS('p'), LOWER_PROPS('q'), LOWER_PROPS('r'), LOWER_PROPS('s'), LOWER_PROPS('t'),
    LOWER_PROPS('u'), LOWER_PROPS('v'), LOWER_PROPS('w'), LOWER_PROPS('x'), LOWER_PROPS('y'),
    LOWER_PROPS('z'),
    UPPER_PROPS('A'), UPPER_PROPS('B'), UPPER_PROPS('C'), UPPER_PROPS('D'), UPPER_PROPS('E'),
    UPPER_PROPS('F'), UPPER_PROPS('G'), UPPER_PROPS('H'), UPPER_PROPS('I'), UPPER_PROPS('J'),
    UPPER_PROPS('K'), UPPER_PROPS('L'), UPPER_PROPS('M'), UPPER_PROPS('N'), UPPER_PROPS('O'),
    UPPER_PROPS('P'), UPPER_PROPS('Q'), UPPER_PROPS('R'), UPPER_PROPS('S'), UPPER_PROPS('T'),
    UPPER_PROPS('U'), UPPER_PROPS('V'), UPPER_PROPS('W'), UPPER_PROPS('X'), UPPER_PROPS('Y'),
    UPPER_PROPS('Z'),
    [0xC0] = MULTI8, MULTI8, MULTI8, MULTI8, MULTI8, MULTI8, MULTI8, MULTI8,
};

/* Scans one line, up to its '\n' or the end of s, and returns its length.
 * *clean is true when the slow path would certainly leave the line as it
 * is; it may be false for a line that needs nothing (then the slow path
 * copies it). */
static size_t scan_line(const unsigned char *s, size_t len, vn_tone tone, bool *clean)
{
    size_t i = 0;
    while (i < len && (s[i] == ' ' || s[i] == '\t')) /* indentation is kept */
        i++;
    while (i < len) {
        unsigned char c = s[i];
        if (c < 0x80) {
            unsigned char next = i + 1 < len ? s[i + 1] : 0;
            if (!(byte_rule[c] & (next_props[next] | N_ANY))) {
                i++;
                continue;
            }
            if (c == '\n') {
                *clean = true;
                return i;
            }
            goto dirty;
        }
        uint32_t cp;
        size_t n = vn_utf8_next(s + i, len - i, &cp);
        /* invisible characters and odd spaces (U+2000–U+200F, the line and
         * paragraph separators, U+205F, U+2060, U+3000, U+FEFF) are the
         * slow path's: a line whose only fault was a zero-width space was
         * taken as clean and kept it */
        if (n == 0 || cp == 0xAD || cp == 0xD0 || cp == 0xF0 || !vn_nfc_stable(cp) ||
            (cp >= 0x2000 && cp <= 0x200F) ||
            cp == 0x2028 || cp == 0x2029 || cp == 0x205F || cp == 0x2060 || cp == 0x3000 ||
            cp == 0xFEFF)
            goto dirty;
        unsigned char after = i + n < len ? s[i + n] : 0;
        if (cp == 0xA0 || cp == 0x202F) {
            if (i == 0 || after == 0 || after == '\n' || after == ' ' || after == '\t' ||
                after >= 0x80 || closing(after) || s[i - 1] == ' ' || s[i - 1] == '\t')
                goto dirty;
        } else if (tone == VN_TONE_CLASSIC) {
            /* only a toned a, e or y right after an o or u can move */
            unsigned char before = i > 0 ? (unsigned char)(s[i - 1] | 0x20) : 0;
            if (before == 'o' || before == 'u') {
                char k = toned_kind(cp);
                if (k && tone_may_move(s, len, i, n, k, tone))
                    goto dirty;
            }
        } else if (tone == VN_TONE_MODERN) {
            /* only a toned o or u right before an a, e or y can move */
            unsigned char a = (unsigned char)(after | 0x20);
            if (a == 'a' || a == 'e' || a == 'y') {
                char k = toned_kind(cp);
                if (k && tone_may_move(s, len, i, n, k, tone))
                    goto dirty;
            }
        }
        i += n;
    }
    *clean = true;
    return len;
dirty:
    *clean = false;
    const unsigned char *nl = memchr(s + i, '\n', len - i);
    return nl ? (size_t)(nl - s) : len;
}

/* Valid UTF-8 without zero-width characters (removed before NFC, so that
 * removing them cannot leave a mark next to a letter it should join) and
 * without NUL, which would end the returned C string early. The eth Ð ð
 * (U+00D0, U+00F0), which Western fonts and keyboards offer for Đ đ and
 * which prints the same, becomes Đ đ: a name with it is not found by a
 * search for "Đặng", nor sorted with it. Vietnamese has no eth. */
static void strip_invisible(const char *s, size_t len, vb_buf *out)
{
    size_t i = 0;
    while (i < len) {
        uint32_t cp;
        size_t n = vb_utf8_decode(s + i, len - i, &cp);
        if (n == 0) {
            vb_buf_put_cp(out, 0xFFFD);
            i++;
            continue;
        }
        if (cp == 0xD0 || cp == 0xF0)
            vb_buf_put_cp(out, cp == 0xD0 ? 0x110 : 0x111);
        else if (!(cp == 0 || cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0x2060 ||
                   cp == 0xFEFF || cp == 0x00AD || cp == 0x1F || cp == 0x1A))
            vb_buf_append(out, s + i, n);
        i += n;
    }
}

static void normalize_piece(const char *s, size_t len, vn_tone tone, bool table, vb_buf *out)
{
    vb_buf vis, nfc;
    vb_buf_init(&vis);
    vb_buf_init(&nfc);
    strip_invisible(s, len, &vis);
    if (vis.len)
        vn_nfc_append(&nfc, vis.data, vis.len);
    uint32_t *cps = vb_xmalloc((nfc.len + 1) * sizeof *cps);
    size_t n = 0, i = 0;
    while (i < nfc.len) {
        size_t k = vb_utf8_decode(nfc.data + i, nfc.len - i, &cps[n]);
        i += k ? k : 1;
        n++;
    }
    vn_tone_apply(cps, n, tone);
    vn_cleanup_line(cps, n, table, out);
    free(cps);
    vb_buf_free(&vis);
    vb_buf_free(&nfc);
}

/* normalize_piece with the tone style applied only outside the byte ranges
 * keep[2k]..keep[2k + 1] of the whole text (the piece is s[from, to)).
 * Each range is put in NFC on its own and keeps its tone marks; the
 * cleanup sees the piece whole, so the spaces around a range are the same
 * as without it. */
static void normalize_piece_except(const char *s, size_t from, size_t to, vn_tone tone,
                                   const size_t *keep, size_t n_keep, vb_buf *out)
{
    uint32_t *cps = vb_xmalloc(sizeof *cps);
    size_t n = 0, k = 0;
    vb_buf vis, nfc;
    vb_buf_init(&vis);
    vb_buf_init(&nfc);
    for (size_t at = from; at < to;) {
        while (k < n_keep && keep[2 * k + 1] <= at)
            k++;
        bool kept = k < n_keep && keep[2 * k] <= at;
        size_t end = kept ? keep[2 * k + 1] : k < n_keep ? keep[2 * k] : to;
        if (end > to)
            end = to;
        vb_buf_clear(&vis);
        vb_buf_clear(&nfc);
        strip_invisible(s + at, end - at, &vis);
        if (vis.len)
            vn_nfc_append(&nfc, vis.data, vis.len);
        size_t first = n;
        cps = vb_xrealloc(cps, (n + nfc.len + 1) * sizeof *cps); /* a code point a byte at most */
        for (size_t i = 0; i < nfc.len;) {
            size_t m = vb_utf8_decode(nfc.data + i, nfc.len - i, &cps[n]);
            i += m ? m : 1;
            n++;
        }
        if (!kept)
            vn_tone_apply(cps + first, n - first, tone);
        at = end;
    }
    vn_cleanup_line(cps, n, false, out);
    free(cps);
    vb_buf_free(&vis);
    vb_buf_free(&nfc);
}

char *vn_normalize_except(const char *s, size_t len, vn_tone tone, const size_t *keep,
                          size_t n_keep)
{
    if (!n_keep || tone == VN_TONE_KEEP)
        return vn_normalize(s, len, tone);
    if (n_keep == 1 && keep[0] == 0 && keep[1] >= len) /* a name alone: the quick path */
        return vn_normalize(s, len, VN_TONE_KEEP);
    vb_buf out;
    vb_buf_init(&out);
    /* Lines and pieces as normalize_into and normalize_line cut them: a
     * '\n' ends a line, a CR inside a line ends a piece (a line break, but
     * for the CR of CRLF). */
    size_t start = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i < len && s[i] != '\n' && s[i] != '\r')
            continue;
        normalize_piece_except(s, start, i, tone, keep, n_keep, &out);
        if (i < len && (s[i] == '\n' || (i + 1 < len && s[i + 1] != '\n')))
            vb_buf_putc(&out, '\n');
        start = i + 1;
    }
    return vb_buf_take(&out);
}

/* One line (without its \n); a CR inside it is a line ending too (old Mac),
 * and the CR of CRLF disappears. */
static void normalize_line(const char *s, size_t len, vn_tone tone, bool table, vb_buf *out)
{
    size_t start = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] != '\r')
            continue;
        normalize_piece(s + start, i - start, tone, table, out);
        if (i + 1 < len)
            vb_buf_putc(out, '\n');
        start = i + 1;
    }
    normalize_piece(s + start, len - start, tone, table, out);
}

/* Where normalized text goes: a buffer, or a stream for large files. */
typedef struct sink {
    vb_buf *buf;
    FILE *fp;
    vb_buf line; /* scratch for one normalized line when writing to fp */
    bool table;  /* CSV or TSV: separators are data (vn_cleanup_line) */
    bool failed;
} sink;

static void sink_put(sink *k, const char *s, size_t n)
{
    if (k->buf)
        vb_buf_append(k->buf, s, n);
    else if (n && !k->failed && fwrite(s, 1, n, k->fp) != n)
        k->failed = true;
}

static void normalize_into(sink *k, const char *s, size_t len, vn_tone tone)
{
    size_t i = 0, clean = 0; /* [clean, i) is a run of clean lines to copy */
    if (k->buf)
        vn_buf_reserve(k->buf, len + len / 16);
    vb_buf *line = k->buf ? k->buf : &k->line;
    while (i < len) {
        bool unchanged;
        size_t end = i + scan_line((const unsigned char *)s + i, len - i, tone, &unchanged);
        bool nl = end < len; /* s[end] is the line's '\n' */
        if (!unchanged) {
            sink_put(k, s + clean, i - clean);
            if (!k->buf)
                vb_buf_clear(line);
            normalize_line(s + i, end - i, tone, k->table, line);
            if (nl)
                vb_buf_putc(line, '\n');
            if (!k->buf)
                sink_put(k, line->data, line->len);
            clean = nl ? end + 1 : len;
        }
        i = nl ? end + 1 : len;
    }
    sink_put(k, s + clean, len - clean);
}

void vn_normalize_append(vb_buf *out, const char *s, size_t len, vn_tone tone)
{
    sink k = {.buf = out};
    normalize_into(&k, s, len, tone);
}

/* Whether a file is a table exported as text (CSV with "," or ";", TSV):
 * of its first hundred non-empty lines, at least two, and two thirds of
 * them, have the same number (not zero) of one separator. A comma or
 * semicolon counts only with no space on either side, as a program writes
 * it ("STT,Họ tên,Lớp", ",An,8" with an empty first field): prose puts a
 * space after its punctuation, or a stray one before ("Xin chào , các
 * bạn", "… 2015 ;"), which is what the cleanup is for. One that ends the
 * line counts only beside others. */
static bool looks_tabular(const char *s, size_t len)
{
    static const char seps[] = {'\t', ',', ';'};
    for (size_t k = 0; k < sizeof seps; k++) {
        size_t lines = 0, same = 0, count_of_first = 0, i = 0;
        while (i < len && lines < 100) {
            size_t count = 0, start = i;
            bool blank = true, trailing = false, quoted = false;
            for (; i < len && s[i] != '\n'; i++) {
                blank &= s[i] == ' ' || s[i] == '\r' || s[i] == '\t';
                /* a quoted field's commas are its own ("83,64"): a "" inside
                 * one toggles twice */
                if (s[i] == '"')
                    quoted = !quoted;
                if (s[i] != seps[k] || quoted)
                    continue;
                bool at_end = i + 1 >= len || s[i + 1] == '\n' || s[i + 1] == '\r';
                bool tight = (i == start || s[i - 1] != ' ') && (at_end || s[i + 1] != ' ');
                if (seps[k] != '\t' && at_end)
                    trailing = tight; /* an empty last field, or a sentence's ";" */
                else
                    count += seps[k] == '\t' || tight;
            }
            /* a separator ending the line is a field's only when the line has
             * others: "1,Nguyễn Văn An," (an empty last field), not "Căn cứ …;" */
            count += trailing && count > 0;
            i++;
            if (blank)
                continue;
            if (lines++ == 0)
                count_of_first = count;
            same += count > 0 && count == count_of_first;
        }
        if (lines >= 2 && same * 3 >= lines * 2)
            return true;
    }
    return false;
}

bool vn_normalize_fwrite(FILE *fp, const char *s, size_t len, vn_tone tone)
{
    sink k = {.fp = fp, .table = looks_tabular(s, len)};
    vb_buf_init(&k.line);
    normalize_into(&k, s, len, tone);
    vb_buf_free(&k.line);
    return !k.failed;
}

char *vn_normalize(const char *utf8, size_t len, vn_tone tone)
{
    vb_buf b;
    vb_buf_init(&b);
    vn_normalize_append(&b, utf8, len, tone);
    return vb_buf_take(&b);
}
