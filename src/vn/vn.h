/* vn: Vietnamese text helpers used by every stage and depending on none:
 * decoding legacy encodings to UTF-8 NFC, one tone-mark placement, cleanup,
 * casing, collation, number/money/date/word formatting, display width. */
#ifndef VANBAN_VN_H
#define VANBAN_VN_H

#include "util/util.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ==== decoding, repair, detection, tone style, cleanup ==================== */

/* Encodings vanban reads. UTF-8/UTF-16/CP1258/VISCII/TCVN5712 go through iconv;
 * TCVN3 (ABC, .VnTime fonts), VNI-Windows and VIQR (RFC 1456) through our own
 * tables (docs/encodings.md). VN_ENC_AUTO decides per file (vn_decode). */
typedef enum vn_encoding {
    VN_ENC_AUTO,
    VN_ENC_UTF8,
    VN_ENC_UTF16,
    VN_ENC_CP1258,
    VN_ENC_VISCII,
    VN_ENC_TCVN5712,
    VN_ENC_TCVN3,
    VN_ENC_VNI,
    VN_ENC_VIQR
} vn_encoding;

/* Accepts the names of the command line ("auto", "utf-8", "cp1258", "tcvn3",
 * "vni", "viqr", ...) and common aliases, case-insensitively. */
bool vn_encoding_parse(const char *name, vn_encoding *out);
/* The canonical command-line name ("tcvn3"). */
const char *vn_encoding_name(vn_encoding enc);

/* Tone-mark placement on a final oa, oe, uy (docs/tone-marks.md):
 * classic "hòa, khỏe, thủy" (default, as Decree 30), modern "hoà, khoẻ, thuỷ". */
typedef enum vn_tone { VN_TONE_CLASSIC, VN_TONE_MODERN, VN_TONE_KEEP } vn_tone;

bool vn_tone_parse(const char *name, vn_tone *out);
const char *vn_tone_name(vn_tone tone);

/* The text of a file a clerk edits (template, partial), from its bytes as
 * read (malloc'd, NUL-terminated; ownership passes to this call): UTF-16
 * with a byte-order mark decoded, a UTF-8 byte-order mark dropped, anything
 * else checked to be UTF-8. Returns the UTF-8 text (*len updated), or NULL
 * after reporting the first bad byte at `path`:LINE:COL. */
char *vn_text_file_decode(char *bytes, size_t *len, const char *path, vb_diag *d);

/* What vn_decode decided, for `normalize -v`. */
typedef struct vn_decode_info {
    vn_encoding encoding;      /* how the bytes were read */
    bool bom;                  /* a byte-order mark was found (and dropped) */
    size_t repaired_lines;     /* lines, or pieces between markup, repaired from mojibake (auto only) */
    vn_encoding repaired_from; /* the legacy encoding those lines were in */
    char reason[256];          /* one sentence in Vietnamese: why */
} vn_decode_info;

/* Decodes `len` bytes in encoding `enc` into UTF-8 NFC appended to `out`.
 * A named encoding is strict: a byte that is invalid in it is reported to `d`
 * as "FILE:LINE:COL" (file may be NULL) and false is returned.
 * VN_ENC_AUTO never fails: it picks the reading whose words are most often
 * valid Vietnamese syllables, repairs mojibake (TCVN3/VNI/UTF-8 bytes read as
 * Windows-1252 and saved as UTF-8), and never changes text that is already
 * valid Vietnamese Unicode (beyond NFC). `info` may be NULL. */
bool vn_decode(const char *bytes, size_t len, vn_encoding enc, const char *file,
               vb_diag *d, vb_buf *out, vn_decode_info *info);
/* vn_decode without the copy of text that decodes to itself (clean UTF-8
 * NFC, the usual case): *text and *text_len are the decoded text, either a
 * part of `bytes` (after a UTF-8 byte-order mark; nothing is appended to
 * `out`) or, when *text == out->data, the contents of `out`. */
bool vn_decode_view(const char *bytes, size_t len, vn_encoding enc, const char *file,
                    vb_diag *d, vb_buf *out, vn_decode_info *info, const char **text,
                    size_t *text_len);

/* Converts `len` bytes in the encoding iconv calls `from` to UTF-8 appended
 * to `out`, nothing else (no NFC). With `bad` non-NULL the conversion stops
 * at the first byte invalid in `from` and *bad is its offset (0 too when
 * iconv does not know `from`); with `bad` NULL such a byte becomes U+FFFD. */
bool vn_iconv_decode(const char *b, size_t len, const char *from, vb_buf *out, size_t *bad);

/* NFC + one tone-mark style + cleanup (spaces, zero-width characters, line
 * endings) for text that is already UTF-8: what loading XML and templates
 * calls on every text node. Invalid UTF-8 bytes become U+FFFD. Text inside
 * {{ ... }} template tags is left as written. Returns a malloc'd string. */
char *vn_normalize(const char *utf8, size_t len, vn_tone tone);
/* The same, appending to a buffer, or writing to a stream (no copy of a
 * large file in memory; false on a write error). */
void vn_normalize_append(vb_buf *out, const char *utf8, size_t len, vn_tone tone);
bool vn_normalize_fwrite(FILE *fp, const char *utf8, size_t len, vn_tone tone);

/* vn_normalize, but the tone-mark style applies only outside the byte
 * ranges [keep[2k], keep[2k + 1]) of s (n_keep ranges, in order, not
 * overlapping): what a template put there from a person's name keeps its
 * tone marks as written (docs/tone-marks.md). NFC and the cleanup apply to
 * the whole text. Returns a malloc'd string. */
char *vn_normalize_except(const char *utf8, size_t len, vn_tone tone, const size_t *keep,
                          size_t n_keep);

/* Only the tone-mark style, on text that is already clean UTF-8 NFC (the
 * text nodes of a parsed Markdown document, where spaces are meaningful):
 * returns a malloc'd copy, or NULL when nothing changes. */
char *vn_tone_utf8(const char *utf8, size_t len, vn_tone tone);

/* True when the code points form one valid Vietnamese syllable (any case):
 * allowed initial, one vowel nucleus, allowed final, at most one tone mark,
 * and only sắc/nặng on a syllable closed by p, t, c, ch. */
bool vn_syllable_valid(const uint32_t *cps, size_t n);
bool vn_syllable_valid_utf8(const char *s, size_t len);

/* How Vietnamese a UTF-8 text looks: words with letters outside ASCII that
 * are valid syllables (vietnamese) or are not (invalid). Detection compares
 * candidate readings by these counts. */
typedef struct vn_text_score {
    size_t words;
    size_t vietnamese;
    size_t invalid;
} vn_text_score;

void vn_score_text(const char *utf8, size_t len, vn_text_score *score);

/* Whether syllables `a` and `b`, written apart, make one word of a short
 * built-in list of two-syllable words ("hướng dẫn", "tình trạng", "hành
 * chính", the provinces: "Sóc Trăng"), whatever their case and tone-mark
 * placement: a title broken between them splits a word. Punctuation before
 * `a` or after `b` is ignored; between them ("chính," "hướng") it parts
 * them. False means not listed, not "two words" (vn_lexicon.c). */
bool vn_two_syllable_word(const char *a, size_t alen, const char *b, size_t blen);
/* For the unit test: the list is strictly sorted, as bsearch needs. */
bool vn_two_syllable_words_sorted(void);

/* ==== casing, collation, formatting, width ================================ */

/* Case mapping of every Vietnamese letter (and the rest of Unicode through
 * utf8proc), appended to `out` in NFC. Title case capitalises the first letter
 * of each word and lowers the rest: "NGUYỄN THỊ MỸ HẠNH" → "Nguyễn Thị Mỹ Hạnh". */
void vn_upper(vb_buf *out, const char *s, size_t len);
void vn_lower(vb_buf *out, const char *s, size_t len);
void vn_title(vb_buf *out, const char *s, size_t len);

/* Vietnamese alphabetical order (a ă â b c d đ e ê g h i k l m n o ô ơ p q r s
 * t u ư v x y, then tones none < huyền < hỏi < ngã < sắc < nặng, word by word
 * as dictionaries do, then lower before upper case; docs/vietnamese-
 * conventions.md), ignoring the tone-placement style and NFC/NFD. vn_collate
 * returns -1, 0 or 1. vn_sort_key appends bytes (never 0x00) that compare
 * with memcmp (the shorter key first on a tie) or strcmp in that order. */
int vn_collate(const char *a, const char *b);
void vn_sort_key(vb_buf *out, const char *s, size_t len);
/* A person's name sorted as Vietnamese lists are: given name (last word),
 * then family name (first word), then middle names ("Nguyễn Thị Mỹ Hạnh"
 * sorts as "Hạnh Nguyễn Thị Mỹ"). */
void vn_name_sort_key(vb_buf *out, const char *name, size_t len);

/* 83,64 and 10.000.000: dot for thousands, comma for decimals, rounded half
 * away from zero to `decimals` places. */
void vn_format_number(vb_buf *out, double v, int decimals);
/* The same rounding as a whole number of 10^-decimals: 83.635 → 8364, as
 * vn_format_number prints it and a clerk rounds it (the decimal the number
 * stands for, not its binary value 83.63499…). Everything that compares or
 * prints a rounded value uses this one rounding, so that what is ranked is
 * what is printed. False when v is not finite or the result needs more than
 * 18 digits. */
bool vn_round_scaled(double v, int decimals, long long *out);
/* "10.000.000 đồng" */
void vn_format_money(vb_buf *out, double v);
/* "83,64%" */
void vn_format_percent(vb_buf *out, double v, int decimals);
/* Number in words as spoken: "một trăm linh năm", "hai mươi mốt", "mười lăm",
 * "bốn mươi tư" (docs/vietnamese-conventions.md). False beyond ±10^18. */
bool vn_number_words(vb_buf *out, long long n);

typedef struct vn_date {
    int year, month, day;
} vn_date;
/* "2023-02-05" (ISO 8601 calendar date), checked against the calendar. */
bool vn_parse_iso_date(const char *s, vn_date *out);
/* Decree 30: "ngày 05 tháng 02 năm 2023" — a zero before days 1–9 and
 * months 1–2, none elsewhere ("ngày 29 tháng 6 năm 2019"). */
void vn_format_date(vb_buf *out, vn_date d);
/* "05/02/2023", "15/5/2023": the same zero rule in figures */
void vn_format_date_short(vb_buf *out, vn_date d);

/* Roman numerals 1–3999 (Phụ lục II, phần III). False outside. */
bool vn_roman(vb_buf *out, int n);
/* Zero-padded count: vn_pad(out, 1, 2) → "01" (as in "01 giải Nhất");
 * zero stays "0" ("0/30 đơn vị", as official documents write it). */
void vn_pad(vb_buf *out, long long n, int width);

/* Columns a UTF-8 string takes in a terminal (combining marks 0, wide 2). */
size_t vn_display_width(const char *s, size_t len);

/* A stable ASCII file-name slug: Vietnamese folded to ASCII (đ → d), lower
 * case, runs of other characters to one '-': "Đặng Thành Nam" → "dang-thanh-nam". */
void vn_slug(vb_buf *out, const char *s, size_t len);

#endif
