/* One tone-mark style (docs/tone-marks.md). Only a syllable that ends in oa,
 * oe or uy has two accepted places for its tone: classic on the first vowel
 * (hòa, khỏe, thủy — Decree 30's "CỘNG HÒA"), modern on the second (hoà,
 * khoẻ, thuỷ). Never after qu/gi (quý, già: u and i belong to the initial),
 * never in a closed syllable (hoàng, thuyết), never when another vowel
 * precedes (ngoài is "oai"). */
#include "vn_internal.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#define MAX_LETTERS 8

static bool pair_moves(uint32_t first, uint32_t second)
{
    return (first == 'o' && (second == 'a' || second == 'e')) || (first == 'u' && second == 'y');
}

static void apply_word(uint32_t *w, size_t n, vn_tone tone)
{
    if (n < 2 || n > MAX_LETTERS)
        return;
    vn_letter l[MAX_LETTERS];
    /* The last two letters first: most words end otherwise, and need no
     * more work (this runs on every word of every document). */
    if (!vn_letter_split(w[n - 2], &l[n - 2]) || !vn_letter_split(w[n - 1], &l[n - 1]))
        return;
    vn_letter *a = &l[n - 2], *b = &l[n - 1];
    if (!pair_moves(a->base, b->base) || (a->tone == VN_T_NONE && b->tone == VN_T_NONE))
        return;
    for (size_t i = 0; i + 2 < n; i++)
        if (!vn_letter_split(w[i], &l[i]))
            return; /* a combining mark: not a syllable */
    if (n >= 3 && (vn_is_vowel_base(l[n - 3].base) || l[n - 3].base == 'q'))
        return; /* "quy", "uoa"…: the u is part of qu, or the vowel is longer */
    if (!vn_syllable_valid(w, n))
        return;
    int t = a->tone != VN_T_NONE ? a->tone : b->tone;
    vn_letter *from = a->tone != VN_T_NONE ? a : b;
    vn_letter *to = tone == VN_TONE_CLASSIC ? a : b;
    if (from == to)
        return;
    from->tone = VN_T_NONE;
    to->tone = t;
    w[n - 2] = vn_letter_join(a->base, a->tone, a->upper);
    w[n - 1] = vn_letter_join(b->base, b->tone, b->upper);
}

/* Letters and the combining marks left after NFC belong to one word: a
 * word with a stray mark ("hoạ◌̣m") is not a syllable and is left alone, and
 * no letter next to a mark is ever changed (that could break NFC). */
static bool word_char(uint32_t cp)
{
    /* What vn_letter_split accepts (ASCII letters, any cased letter) plus
     * marks, by category alone: splitting decomposes, and this runs on
     * every character of every document. */
    if (cp < 0x80)
        return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
    utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)cp);
    return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LL ||
           c == UTF8PROC_CATEGORY_LT || c == UTF8PROC_CATEGORY_MN ||
           c == UTF8PROC_CATEGORY_MC || c == UTF8PROC_CATEGORY_ME;
}

void vn_tone_apply(uint32_t *cps, size_t n, vn_tone tone)
{
    if (tone == VN_TONE_KEEP)
        return;
    size_t i = 0;
    while (i < n) {
        if (!word_char(cps[i])) {
            i++;
            continue;
        }
        size_t start = i;
        while (i < n && word_char(cps[i]))
            i++;
        apply_word(cps + start, i - start, tone);
    }
}

char *vn_tone_utf8(const char *utf8, size_t len, vn_tone tone)
{
    if (tone == VN_TONE_KEEP)
        return NULL;
    /* Only a final oa, oe or uy can move; ASCII-only text has no tone. */
    bool marked = false;
    for (size_t i = 0; i < len && !marked; i++)
        marked = (unsigned char)utf8[i] >= 0x80;
    if (!marked)
        return NULL;
    uint32_t *cps = vb_xmalloc((len + 1) * sizeof *cps);
    size_t n = 0, i = 0;
    while (i < len) {
        uint32_t cp;
        size_t k = vn_utf8_next((const unsigned char *)utf8 + i, len - i, &cp);
        if (k == 0)
            k = 1, cp = 0xFFFD;
        cps[n++] = cp;
        i += k;
    }
    uint32_t *orig = vb_xmalloc((n + 1) * sizeof *orig);
    memcpy(orig, cps, n * sizeof *cps);
    vn_tone_apply(cps, n, tone);
    char *out = NULL;
    if (memcmp(orig, cps, n * sizeof *cps) != 0) {
        vb_buf b;
        vb_buf_init(&b);
        for (size_t j = 0; j < n; j++) {
            utf8proc_uint8_t enc[4];
            utf8proc_ssize_t m = utf8proc_encode_char((utf8proc_int32_t)cps[j], enc);
            vb_buf_append(&b, (const char *)enc, (size_t)m);
        }
        out = vb_buf_take(&b);
    }
    free(orig);
    free(cps);
    return out;
}
