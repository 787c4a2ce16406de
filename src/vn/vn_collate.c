/* Vietnamese alphabetical order (docs/vietnamese-conventions.md, "Sorting").
 *
 * The rules are those of Vietnamese dictionaries (Vietlex, Vũ Xuân Lương's
 * "Quy tắc sắp xếp ABC", the order of Hoàng Phê's Từ điển tiếng Việt):
 *   - letters a ă â b c d đ e ê (f) g h i (j) k l m n o ô ơ p q r s t u ư v
 *     (w) x y (z) first, ignoring tones: "ang" < "anh" whatever their tones;
 *   - then tones: none < huyền < hỏi < ngã < sắc < nặng;
 *   - word by word (syllable by syllable): the first word is compared on its
 *     letters and then its tone before the second word is looked at, so
 *     "tuân thủ" < "tuần chay" and every "Anh" comes before every "Ánh";
 *   - a shorter word first ("cha" < "chan", "cha" < "cha mẹ");
 *   - lower case before upper case, only when nothing else differs.
 * The tone belongs to the syllable, not to the letter it sits on, so "hòa"
 * and "hoà" are equal; so are NFC and NFD spellings.
 *
 * The sort key, level by level:
 *   for each word:  primary weights, 0x01, tone weights, 0x01
 *   then:           0x01, one case weight per letter (0x02 lower, 0x03 upper)
 * Primary weights are 0x10-0x19 for the digits 0-9, 0x20-0x40 for the
 * letters above, and 0xF0 followed by three bytes of the code point for any
 * other letter (after z, in code point order). Tone weights are 0x02-0x06,
 * 0x07 for a mark Vietnamese does not use. A key never holds a 0x00 byte, so
 * both memcmp (shorter key first on a tie) and strcmp order keys correctly.
 * Anything that is not a letter or a digit only separates words. */
#include "vn_internal.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

enum { W_END = 0x01, W_DIGIT = 0x10, W_LETTER = 0x20, W_OTHER = 0xF0 };
enum { C_LOWER = 0x02, C_UPPER = 0x03 };

/* The alphabet, with f j w z where the Latin alphabet puts them. */
static const uint32_t alphabet[] = {
    'a', 0x0103, 0x00E2, 'b', 'c', 'd', 0x0111, 'e', 0x00EA, 'f', 'g', 'h', 'i', 'j', 'k',
    'l', 'm', 'n', 'o', 0x00F4, 0x01A1, 'p', 'q', 'r', 's', 't', 'u', 0x01B0, 'v', 'w',
    'x', 'y', 'z',
};

static int letter_rank(uint32_t base)
{
    for (size_t i = 0; i < sizeof alphabet / sizeof alphabet[0]; i++)
        if (alphabet[i] == base)
            return (int)i;
    return -1;
}

/* Dictionary order of the tones (VN_T_* is Nguyễn Đình Hòa's order). */
static unsigned char tone_weight(int tone)
{
    switch (tone) {
    case VN_T_HUYEN: return 0x02;
    case VN_T_HOI: return 0x03;
    case VN_T_NGA: return 0x04;
    case VN_T_SAC: return 0x05;
    case VN_T_NANG: return 0x06;
    default: return 0x07; /* VN_T_BAD */
    }
}

static int tone_of_mark(uint32_t cp)
{
    switch (cp) {
    case 0x0300: return VN_T_HUYEN;
    case 0x0309: return VN_T_HOI;
    case 0x0303: return VN_T_NGA;
    case 0x0301: return VN_T_SAC;
    case 0x0323: return VN_T_NANG;
    default: return VN_T_NONE;
    }
}

static void put_other(vb_buf *key, uint32_t cp)
{
    vb_buf_putc(key, (char)W_OTHER);
    vb_buf_putc(key, (char)((cp >> 14) + 1));
    vb_buf_putc(key, (char)(((cp >> 7) & 0x7F) + 1));
    vb_buf_putc(key, (char)((cp & 0x7F) + 1));
}

struct keyer {
    vb_buf *key;
    vb_buf tones; /* tone weights of the current word */
    vb_buf cases; /* case weights of the whole string */
    bool in_word;
    int last_tone; /* tone of the word's last letter, for a stray mark */
};

static void end_word(struct keyer *k)
{
    if (!k->in_word)
        return;
    vb_buf_putc(k->key, (char)W_END);
    vb_buf_append(k->key, k->tones.data, k->tones.len);
    vb_buf_putc(k->key, (char)W_END);
    vb_buf_clear(&k->tones);
    k->in_word = false;
}

static void add_char(struct keyer *k, uint32_t cp)
{
    vn_letter l;
    if (cp >= '0' && cp <= '9') {
        k->in_word = true;
        k->last_tone = -1;
        vb_buf_putc(k->key, (char)(W_DIGIT + (cp - '0')));
        return;
    }
    if (vn_letter_split(cp, &l)) {
        k->in_word = true;
        int rank = letter_rank(l.base);
        if (rank >= 0)
            vb_buf_putc(k->key, (char)(W_LETTER + rank));
        else
            put_other(k->key, l.base);
        if (l.tone != VN_T_NONE)
            vb_buf_putc(&k->tones, (char)tone_weight(l.tone));
        k->last_tone = l.tone;
        vb_buf_putc(&k->cases, (char)(l.upper ? C_UPPER : C_LOWER));
        return;
    }
    utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)cp);
    if (c == UTF8PROC_CATEGORY_MN || c == UTF8PROC_CATEGORY_MC || c == UTF8PROC_CATEGORY_ME) {
        /* A mark NFC could not compose with the letter before it (a tone on
         * a letter Vietnamese never tones): a tone mark still counts as the
         * word's tone, any other mark is ignored. */
        int t = tone_of_mark(cp);
        if (k->in_word && k->last_tone == VN_T_NONE && t != VN_T_NONE) {
            vb_buf_putc(&k->tones, (char)tone_weight(t));
            k->last_tone = t;
        }
        return;
    }
    if (c == UTF8PROC_CATEGORY_LM || c == UTF8PROC_CATEGORY_LO || c == UTF8PROC_CATEGORY_ND ||
        c == UTF8PROC_CATEGORY_NL || c == UTF8PROC_CATEGORY_NO) { /* other letters, digits */
        k->in_word = true;
        k->last_tone = -1;
        put_other(k->key, cp);
        return;
    }
    end_word(k);
}

void vn_sort_key(vb_buf *out, const char *s, size_t len)
{
    vb_buf nfc;
    vb_buf_init(&nfc);
    vn_nfc_append(&nfc, s, len);
    struct keyer k = {.key = out, .in_word = false, .last_tone = -1};
    vb_buf_init(&k.tones);
    vb_buf_init(&k.cases);
    vn_buf_reserve(out, nfc.len + 2);
    const unsigned char *u = (const unsigned char *)nfc.data;
    size_t i = 0;
    while (i < nfc.len) {
        uint32_t cp;
        size_t n = vn_utf8_next(u + i, nfc.len - i, &cp);
        if (n == 0) { /* not reached: NFC output is valid UTF-8 */
            cp = 0xFFFD;
            n = 1;
        }
        add_char(&k, cp);
        i += n;
    }
    end_word(&k);
    vb_buf_putc(out, (char)W_END);
    vb_buf_append(out, k.cases.data, k.cases.len);
    vb_buf_free(&k.tones);
    vb_buf_free(&k.cases);
    vb_buf_free(&nfc);
}

int vn_collate(const char *a, const char *b)
{
    vb_buf ka, kb;
    vb_buf_init(&ka);
    vb_buf_init(&kb);
    vn_sort_key(&ka, a, strlen(a));
    vn_sort_key(&kb, b, strlen(b));
    size_t n = ka.len < kb.len ? ka.len : kb.len;
    int r = memcmp(ka.data, kb.data, n);
    if (r == 0)
        r = ka.len < kb.len ? -1 : ka.len > kb.len;
    vb_buf_free(&ka);
    vb_buf_free(&kb);
    return r < 0 ? -1 : r > 0;
}

static bool name_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Given name (the last word), then family name (the first word), then the
 * middle names in order: "Nguyễn Thị Mỹ Hạnh" sorts as "Hạnh Nguyễn Thị Mỹ",
 * as a list sorted by its "Tên" column, then its "Họ và tên đệm" column. */
void vn_name_sort_key(vb_buf *out, const char *name, size_t len)
{
    size_t starts[64], ends[64], n = 0, i = 0;
    while (i < len && n < 64) {
        while (i < len && name_space((unsigned char)name[i]))
            i++;
        if (i == len)
            break;
        starts[n] = i;
        while (i < len && !name_space((unsigned char)name[i]))
            i++;
        ends[n++] = i;
    }
    if (n < 2 || i < len) { /* one word, or too many to be a name */
        vn_sort_key(out, name, len);
        return;
    }
    vb_buf r;
    vb_buf_init(&r);
    vb_buf_append(&r, name + starts[n - 1], ends[n - 1] - starts[n - 1]);
    for (size_t w = 0; w + 1 < n; w++) {
        vb_buf_putc(&r, ' ');
        vb_buf_append(&r, name + starts[w], ends[w] - starts[w]);
    }
    vn_sort_key(out, r.data, r.len);
    vb_buf_free(&r);
}
