/* vn_internal: pieces shared by the files of src/vn/ and by nothing else.
 * The public interface is vn.h. */
#ifndef VANBAN_VN_INTERNAL_H
#define VANBAN_VN_INTERNAL_H

#include "vn.h"

/* ---- letters ------------------------------------------------------------ */
/* Tone marks in the order of Nguyễn Đình Hòa's textbooks (sắc before huyền);
 * dictionaries sort huyền, hỏi, ngã, sắc, nặng (vn_collate.c). The values
 * index tone_marks in vn_letter.c. */
enum { VN_T_NONE, VN_T_SAC, VN_T_HUYEN, VN_T_HOI, VN_T_NGA, VN_T_NANG, VN_T_BAD };

/* One letter split into its lowercase shaped base (a ă â e ê i o ô ơ u ư y đ
 * or an ASCII letter), its tone and its case. */
typedef struct vn_letter {
    uint32_t base;
    int tone;   /* VN_T_*; VN_T_BAD for marks Vietnamese does not use */
    bool upper;
} vn_letter;

/* False when cp is not a letter (digits, punctuation, symbols). */
bool vn_letter_split(uint32_t cp, vn_letter *out);
/* The precomposed letter for a shaped base, a tone and a case. */
uint32_t vn_letter_join(uint32_t base, int tone, bool upper);
bool vn_is_vowel_base(uint32_t base);

/* ---- UTF-8 in hot loops ------------------------------------------------ */
/* vb_utf8_decode, inlined for the two- and three-byte sequences that make up
 * Vietnamese text (the fast paths of normalize and NFC run over every byte). */
static inline size_t vn_utf8_next(const unsigned char *s, size_t len, uint32_t *cp)
{
    unsigned c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    if (c >= 0xC2 && c <= 0xDF && len >= 2 && (s[1] & 0xC0) == 0x80) {
        *cp = ((c & 0x1Fu) << 6) | (s[1] & 0x3Fu);
        return 2;
    }
    if (c >= 0xE1 && c <= 0xEC && len >= 3 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80) {
        *cp = ((c & 0x0Fu) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu);
        return 3;
    }
    return vb_utf8_decode((const char *)s, len, cp);
}

/* Characters NFC never changes and that never combine with a following
 * character: Latin-1, Latin Extended-A/B, the Vietnamese block, general
 * punctuation without the spaces U+2000-U+200F, the đồng and euro signs. */
static inline bool vn_nfc_stable(uint32_t cp)
{
    return cp < 0x0300 || (cp >= 0x1EA0 && cp <= 0x1EFF) || (cp >= 0x2010 && cp <= 0x205E) ||
           cp == 0x20AB || cp == 0x20AC;
}

/* Whole-buffer UTF-8 check on the inlined decoder; *bad as vb_utf8_valid. */
static inline bool vn_utf8_valid_fast(const char *str, size_t len, size_t *bad)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;
    while (i < len) {
        if (s[i] < 0x80) {
            i++;
            continue;
        }
        uint32_t cp;
        size_t n = vn_utf8_next(s + i, len - i, &cp);
        if (n == 0) {
            if (bad)
                *bad = i;
            return false;
        }
        i += n;
    }
    return true;
}

/* One pass over UTF-8 text: -1 if invalid (*bad = offset of the first bad
 * byte), 1 if valid and certainly NFC (vn_nfc_stable), 0 if valid only. */
static inline int vn_utf8_nfc_scan(const char *str, size_t len, size_t *bad)
{
    const unsigned char *s = (const unsigned char *)str;
    int stable = 1;
    size_t i = 0;
    while (i < len) {
        if (s[i] < 0x80) {
            i++;
            continue;
        }
        uint32_t cp;
        size_t n = vn_utf8_next(s + i, len - i, &cp);
        if (n == 0) {
            if (bad)
                *bad = i;
            return -1;
        }
        if (!vn_nfc_stable(cp))
            stable = 0;
        i += n;
    }
    return stable;
}

/* Makes room for `extra` more bytes at once (large inputs would otherwise be
 * copied at every doubling). */
void vn_buf_reserve(vb_buf *b, size_t extra);

/* ---- NFC -------------------------------------------------------------- */
/* Appends s in NFC (an invalid byte becomes U+FFFD). A combining circumflex
 * or breve is put before a tone mark first, so "o + acute + circumflex" ends
 * as "ố" whatever order it was typed in; utf8proc does the normalization. */
void vn_nfc_append(vb_buf *out, const char *s, size_t len);
/* Appends s with each invalid UTF-8 byte replaced by U+FFFD. */
void vn_utf8_sanitize_append(vb_buf *out, const char *s, size_t len);

/* ---- decoders (bytes → UTF-8, not yet NFC) ------------------------------ */
/* With bad == NULL a decoder never fails (an invalid byte becomes its
 * Windows-1252 reading or U+FFFD); otherwise it stops at the first invalid
 * byte, stores its offset and returns false. */
bool vn_tcvn3_decode(const unsigned char *b, size_t len, vb_buf *out, size_t *bad);
bool vn_vni_decode(const unsigned char *b, size_t len, vb_buf *out, size_t *bad);
bool vn_viqr_decode(const unsigned char *b, size_t len, vb_buf *out, size_t *bad);

/* Windows-1252 reading of one byte (U+FFFD for its five undefined bytes). */
uint32_t vn_cp1252_char(unsigned char byte);
/* The byte that reads as cp in Windows-1252 or Latin-1; -1 if none. */
int vn_cp1252_byte(uint32_t cp);

/* ---- repair, detection ------------------------------------------------ */
/* Repairs mojibake line by line in valid UTF-8 text, appending the result.
 * Returns how many lines were repaired and from which encoding; when none
 * was, nothing is appended (the caller uses the text as it is). */
size_t vn_mojibake_repair(const char *s, size_t len, vb_buf *out, vn_encoding *from);
/* Whether candidate score a is a better reading than b. */
bool vn_score_better(const vn_text_score *a, const vn_text_score *b);

/* ---- tone, cleanup (on one line of NFC code points) --------------------- */
/* Moves the tone of final oa/oe/uy syllables to the chosen style, in place. */
void vn_tone_apply(uint32_t *cps, size_t n, vn_tone tone);
/* Spaces, punctuation spacing, zero-width characters; writes UTF-8. */
/* `table`: a line of a CSV or TSV file, whose tabs, commas and semicolons
 * separate fields: they are kept as they are. */
void vn_cleanup_line(const uint32_t *cps, size_t n, bool table, vb_buf *out);

#endif
