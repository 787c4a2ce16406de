/* How Vietnamese a reading looks: the words that contain a letter outside
 * ASCII, split into valid syllables and the rest. A wrong reading of legacy
 * bytes turns syllables into garbage ("C«ng", "Hµ"), so the right reading is
 * the one with the most valid and the fewest invalid words. */
#include "vn_internal.h"

#define MAX_WORD 16

/* Characters that belong to a word for scoring: ASCII letters and anything
 * outside ASCII except spaces and general punctuation. Latin-1 symbols stay
 * in words on purpose: mojibake puts "«", "¸", "µ" inside them. */
static bool word_char(uint32_t cp)
{
    if (cp < 0x80)
        return ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
    return cp != 0xA0 && !(cp >= 0x2000 && cp <= 0x206F) && cp != 0x3000 && cp != 0xFEFF;
}

static void score_word(const uint32_t *w, size_t n, bool non_ascii, bool too_long,
                       vn_text_score *s)
{
    if (n == 0)
        return;
    s->words++;
    if (!non_ascii)
        return;
    if (!too_long && vn_syllable_valid(w, n))
        s->vietnamese++;
    else
        s->invalid++;
}

void vn_score_text(const char *text, size_t len, vn_text_score *s)
{
    s->words = s->vietnamese = s->invalid = 0;
    uint32_t w[MAX_WORD];
    size_t n = 0;
    bool non_ascii = false, too_long = false;
    size_t i = 0;
    while (i < len) {
        uint32_t cp;
        size_t k = vb_utf8_decode(text + i, len - i, &cp);
        if (k == 0) {
            cp = 0xFFFD;
            k = 1;
        }
        i += k;
        if (word_char(cp)) {
            if (n < MAX_WORD)
                w[n++] = cp;
            else
                too_long = true;
            non_ascii |= cp >= 0x80;
            continue;
        }
        score_word(w, n, non_ascii, too_long, s);
        n = 0;
        non_ascii = too_long = false;
    }
    score_word(w, n, non_ascii, too_long, s);
}

bool vn_score_better(const vn_text_score *a, const vn_text_score *b)
{
    long long va = (long long)a->vietnamese - 2 * (long long)a->invalid;
    long long vb = (long long)b->vietnamese - 2 * (long long)b->invalid;
    return va > vb;
}
