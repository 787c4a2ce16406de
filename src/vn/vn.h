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

/* What vn_decode decided, for `normalize -v`. */
typedef struct vn_decode_info {
    vn_encoding encoding;      /* how the bytes were read */
    bool bom;                  /* a byte-order mark was found (and dropped) */
    size_t repaired_lines;     /* lines repaired from mojibake (auto only) */
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

/* NFC + one tone-mark style + cleanup (spaces, zero-width characters, line
 * endings) for text that is already UTF-8: what loading XML and templates
 * calls on every text node. Invalid UTF-8 bytes become U+FFFD. Text inside
 * {{ ... }} template tags is left as written. Returns a malloc'd string. */
char *vn_normalize(const char *utf8, size_t len, vn_tone tone);
/* The same, appending to a buffer, or writing to a stream (no copy of a
 * large file in memory; false on a write error). */
void vn_normalize_append(vb_buf *out, const char *utf8, size_t len, vn_tone tone);
bool vn_normalize_fwrite(FILE *fp, const char *utf8, size_t len, vn_tone tone);

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

/* ==== casing, collation, formatting, width ================================ */

#endif
