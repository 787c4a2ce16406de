/* Bytes in a named or guessed encoding → UTF-8 NFC. */
#include "vn_internal.h"

#include <stdio.h>
#include <string.h>

/* Decodes without NFC; strict when bad != NULL. */
/* The byte order of UTF-16: its mark, or without one, the side with more
 * zero bytes is the high byte of ASCII characters. */
static bool utf16_little_endian(const unsigned char *u, size_t len)
{
    if (len >= 2 && u[0] == 0xFF && u[1] == 0xFE)
        return true;
    if (len >= 2 && u[0] == 0xFE && u[1] == 0xFF)
        return false;
    size_t even = 0, odd = 0;
    for (size_t i = 0; i + 1 < len; i += 2) {
        even += u[i] == 0;
        odd += u[i + 1] == 0;
    }
    return odd >= even;
}

static bool decode_raw(const char *b, size_t len, vn_encoding enc, vb_buf *out, size_t *bad)
{
    const unsigned char *u = (const unsigned char *)b;
    switch (enc) {
    case VN_ENC_UTF8: {
        size_t where = 0;
        if (vn_utf8_valid_fast(b, len, &where)) {
            vb_buf_append(out, b, len);
            return true;
        }
        if (bad) {
            *bad = where;
            return false;
        }
        vn_utf8_sanitize_append(out, b, len);
        return true;
    }
    case VN_ENC_UTF16: {
        /* "UTF-16" reads the byte-order mark and drops it */
        bool bom = len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF));
        const char *name = bom ? "UTF-16" : utf16_little_endian(u, len) ? "UTF-16LE" : "UTF-16BE";
        return vn_iconv_decode(b, len, name, out, bad);
    }
    case VN_ENC_CP1258: return vn_iconv_decode(b, len, "CP1258", out, bad);
    case VN_ENC_VISCII: return vn_iconv_decode(b, len, "VISCII", out, bad);
    case VN_ENC_TCVN5712: return vn_iconv_decode(b, len, "TCVN5712-1", out, bad);
    case VN_ENC_TCVN3: return vn_tcvn3_decode(u, len, out, bad);
    case VN_ENC_VNI: return vn_vni_decode(u, len, out, bad);
    case VN_ENC_VIQR: return vn_viqr_decode(u, len, out, bad);
    case VN_ENC_AUTO: break;
    }
    return false;
}

static void decode_nfc(const char *b, size_t len, vn_encoding enc, vb_buf *out)
{
    if (len == 0)
        return;
    vb_buf raw;
    vb_buf_init(&raw);
    decode_raw(b, len, enc, &raw, NULL);
    if (raw.len)
        vn_nfc_append(out, raw.data, raw.len);
    vb_buf_free(&raw);
}

/* Line and column (in characters) of an invalid byte: the text before it,
 * decoded leniently, tells how many lines and characters precede it. */
static void error_position(const char *b, size_t bad, vn_encoding enc, int *line, int *col)
{
    vb_buf pre;
    vb_buf_init(&pre);
    decode_nfc(b, bad, enc, &pre);
    vb_text_position(pre.data ? pre.data : "", pre.len, line, col);
    vb_buf_free(&pre);
}

static bool is_ascii(const char *b, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)b[i] >= 0x80)
            return false;
    return true;
}

/* VIQR is plain ASCII, so it is only guessed on strong evidence: marks that
 * ordinary prose does not put after a vowel (^ ( + ` ~) or a word-initial dd,
 * and a reading whose changed words are nearly all valid syllables. */
static bool viqr_plausible(const char *b, size_t len, const vn_text_score *sc)
{
    size_t strong = 0;
    for (size_t i = 1; i < len; i++) {
        char p = (char)(b[i - 1] | 0x20), c = b[i];
        bool after_vowel = strchr("aeiouy", p) != NULL;
        if (after_vowel && strchr("^(+`~", c))
            strong++;
        if ((c | 0x20) == 'd' && p == 'd' && (i < 2 || !((b[i - 2] | 0x20) >= 'a' && (b[i - 2] | 0x20) <= 'z')))
            strong++;
    }
    return strong >= 2 && sc->vietnamese >= 2 && sc->invalid * 10 <= sc->vietnamese;
}

static void set_reason(vn_decode_info *info, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void set_reason(vn_decode_info *info, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(info->reason, sizeof info->reason, fmt, ap);
    va_end(ap);
}

#define SAMPLE_BYTES ((size_t)1 << 18)

/* UTF-16 fails in two ways: the file ends inside a character, or half of a
 * surrogate pair stands alone. Named as such (a "byte 0x00" meant nothing),
 * and with no advice about --from, which a template read by render cannot
 * take. */
static void utf16_error(const char *bytes, size_t len, size_t bad, const char *file, int line,
                        int col, vb_diag *d)
{
    const unsigned char *u = (const unsigned char *)bytes;
    bool le = utf16_little_endian(u, len);
    unsigned unit = 0;
    if (len - bad >= 2)
        unit = le ? (unsigned)(u[bad] | u[bad + 1] << 8) : (unsigned)(u[bad] << 8 | u[bad + 1]);
    bool high = unit >= 0xD800 && unit <= 0xDBFF;
    if (len - bad < 2 || (high && len - bad < 4))
        vb_error(d, file ? file : "-", line, col,
                 "tệp UTF-16 bị cắt ngắn: hết tệp giữa một ký tự; hãy lấy lại tệp gốc");
    else
        vb_error(d, file ? file : "-", line, col,
                 "tệp UTF-16 hỏng ở đây: 0x%04X là nửa của một cặp thay thế, thiếu nửa kia; "
                 "hãy lấy lại tệp gốc",
                 unit);
}

/* Strict decoding with the error at its line and column; `advice` ends
 * the message. */
static bool decode_checked(const char *bytes, size_t len, vn_encoding enc, const char *file,
                           vb_diag *d, vb_buf *out, const char *advice)
{
    vb_buf raw;
    vb_buf_init(&raw);
    size_t bad = 0;
    if (!decode_raw(bytes, len, enc, &raw, &bad)) {
        int line = 0, col = 0;
        error_position(bytes, bad, enc, &line, &col);
        if (enc == VN_ENC_UTF16)
            utf16_error(bytes, len, bad, file, line, col, d);
        else
            vb_error(d, file ? file : "-", line, col, "byte 0x%02X không hợp lệ trong bảng mã %s; %s",
                     (unsigned char)bytes[bad], vn_encoding_name(enc), advice);
        vb_buf_free(&raw);
        return false;
    }
    if (raw.len)
        vn_nfc_append(out, raw.data, raw.len);
    vb_buf_free(&raw);
    return true;
}

/* ASCII text is judged for VIQR on its first 256 KB (whole lines): ~40 000
 * words, plenty to decide, and a large file is then decoded once. */
static size_t sample_size(const char *b, size_t len)
{
    if (len <= SAMPLE_BYTES)
        return len;
    size_t sample = SAMPLE_BYTES;
    while (sample > SAMPLE_BYTES / 2 && b[sample - 1] != '\n')
        sample--;
    return sample;
}

/* What the legacy guess reads: the lines that have a byte above ASCII, up
 * to SAMPLE_BYTES. A list whose first 256 KB were ASCII rows (codes,
 * numbers) and whose names came after was judged on those rows alone, and
 * read as CP1258 ("NguyÔn" for "Nguyễn"). */
static void legacy_sample(const char *b, size_t len, vb_buf *out)
{
    size_t i = 0;
    while (i < len && out->len < SAMPLE_BYTES) {
        const char *nl = memchr(b + i, '\n', len - i);
        size_t end = nl ? (size_t)(nl - b) + 1 : len;
        bool high = false;
        for (size_t k = i; k < end && !high; k++)
            high = (unsigned char)b[k] >= 0x80;
        if (high)
            vb_buf_append(out, b + i, end - i);
        i = end;
    }
}

static const vn_encoding legacy[] = {VN_ENC_CP1258, VN_ENC_TCVN3, VN_ENC_VNI, VN_ENC_VISCII,
                                     VN_ENC_TCVN5712};

/* Text that decodes to itself is appended to out, or, when view is not
 * NULL, left where it is: *view = b (vn_decode_view). */
static void keep(const char *b, size_t len, vb_buf *out, const char **view)
{
    if (view) {
        *view = b;
        return;
    }
    vn_buf_reserve(out, len);
    vb_buf_append(out, b, len);
}

/* UTF-8 with a few bad bytes (a file cut short, one byte damaged) is a
 * damaged UTF-8 file, not a legacy one: read as CP1258 or TCVN3 every
 * letter of it would change ("dòng" → "dĂ²ng"). It is one that has more
 * than twice as many good multi-byte characters as bad bytes, or whose only
 * bad bytes are a character cut off at its end. A legacy file's high bytes
 * rarely pair into valid UTF-8. Sets *bad to the first bad byte. */
static bool damaged_utf8(const unsigned char *u, size_t len, size_t *bad)
{
    size_t good = 0, wrong = 0, i = 0;
    bool first = true;
    while (i < len) {
        uint32_t cp;
        size_t k = vn_utf8_next(u + i, len - i, &cp);
        if (k == 0) {
            if (first)
                *bad = i;
            first = false;
            wrong++;
            i++;
            continue;
        }
        /* only what Vietnamese text holds counts as good: a legacy file's
         * bytes pair into valid UTF-8 now and then (VISCII "ươ" is DF BD,
         * U+07FD), but not into Vietnamese letters */
        good += k > 1 && ((cp >= 0xA0 && cp <= 0x24F) || (cp >= 0x300 && cp <= 0x36F) ||
                          (cp >= 0x1E00 && cp <= 0x1EFF) || (cp >= 0x2000 && cp <= 0x20CF));
        i += k;
    }
    if (wrong == 0)
        return false;
    if (good > 0 && good >= 2 * wrong)
        return true;
    /* cut short: everything valid up to an incomplete character at the end */
    size_t lead = *bad, need = u[lead] >= 0xF0 ? 4 : u[lead] >= 0xE0 ? 3 : 2;
    if (u[lead] < 0xC2 || u[lead] > 0xF4 || len - lead >= need)
        return false;
    for (size_t k = lead + 1; k < len; k++)
        if ((u[k] & 0xC0) != 0x80)
            return false;
    return true;
}

static bool decode_auto(const char *b, size_t len, vb_buf *out, vn_decode_info *info,
                        const char **view, const char *file, vb_diag *d)
{
    const unsigned char *u = (const unsigned char *)b;
    if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
        info->encoding = VN_ENC_UTF16;
        info->bom = true;
        set_reason(info, "có dấu thứ tự byte (BOM) của UTF-16");
        /* a file cut short got U+FFFD in silence; --from utf-16 told */
        return decode_checked(b, len, VN_ENC_UTF16, file, d, out, NULL);
    }
    /* UTF-16 without a byte-order mark: many zero bytes. Checked before
     * UTF-8, which NUL bytes do not break: ASCII text in UTF-16 passed as
     * UTF-8 and kept its NULs. */
    size_t zeros = 0;
    for (size_t i = 0; i < len; i++)
        zeros += u[i] == 0;
    if (len >= 2 && zeros * 4 >= len) {
        info->encoding = VN_ENC_UTF16;
        set_reason(info, "%zu/%zu byte là 0, đọc như UTF-16", zeros, len);
        return decode_checked(b, len, VN_ENC_UTF16, file, d, out, NULL);
    }
    int scan = vn_utf8_nfc_scan(b, len, NULL);
    if (scan >= 0) {
        info->encoding = VN_ENC_UTF8;
        if (is_ascii(b, len)) {
            size_t sample = sample_size(b, len);
            vb_buf viqr;
            vb_buf_init(&viqr);
            decode_nfc(b, sample, VN_ENC_VIQR, &viqr);
            vn_text_score sc;
            vn_score_text(viqr.data ? viqr.data : "", viqr.len, &sc);
            if (viqr_plausible(b, sample, &sc)) {
                info->encoding = VN_ENC_VIQR;
                if (sample < len) {
                    vb_buf_clear(&viqr);
                    decode_nfc(b, len, VN_ENC_VIQR, &viqr);
                }
                vb_buf_append(out, viqr.data, viqr.len);
                set_reason(info, "văn bản ASCII có dấu kiểu VIQR; đọc theo VIQR được %zu âm tiết "
                           "tiếng Việt, %zu từ không hợp lệ", sc.vietnamese, sc.invalid);
            } else {
                keep(b, len, out, view);
                set_reason(info, "văn bản chỉ có ký tự ASCII");
            }
            vb_buf_free(&viqr);
            return true;
        }
        vb_buf fixed;
        vb_buf_init(&fixed);
        info->repaired_lines = vn_mojibake_repair(b, len, &fixed, &info->repaired_from);
        if (info->repaired_lines) {
            vn_nfc_append(out, fixed.data, fixed.len);
        } else if (scan == 1) {
            keep(b, len, out, view);
        } else {
            vn_nfc_append(out, b, len);
        }
        vb_buf_free(&fixed);
        if (info->repaired_lines)
            set_reason(info,
                       "UTF-8 hợp lệ; %zu chỗ (dòng hoặc nút XML) là mã %s bị đọc nhầm thành "
                       "Windows-1252 (lỗi phông), đã sửa",
                       info->repaired_lines, vn_encoding_name(info->repaired_from));
        else
            set_reason(info, "UTF-8 hợp lệ, giữ nguyên");
        return true;
    }
    /* Not UTF-8: a one-byte legacy encoding; the reading with the most
     * valid syllables wins. */
    size_t bad = 0;
    if (damaged_utf8(u, len, &bad)) {
        int line = 0, col = 0;
        error_position(b, bad, VN_ENC_UTF8, &line, &col);
        vb_error(d, file ? file : "-", line, col,
                 "byte 0x%02X không hợp lệ trong UTF-8: tệp là UTF-8 nhưng hỏng ở đây (bị cắt "
                 "ngắn hoặc sai một byte); sửa chỗ này, hoặc chọn bảng mã bằng --from",
                 u[bad]);
        return false;
    }
    vb_buf sample;
    vb_buf_init(&sample);
    legacy_sample(b, len, &sample);
    vb_buf cand;
    vb_buf_init(&cand);
    vn_text_score best_sc = {0, 0, 0};
    vn_encoding best_enc = VN_ENC_AUTO, tie_enc = VN_ENC_AUTO;
    vb_buf best_text;
    vb_buf_init(&best_text);
    for (size_t k = 0; k < sizeof legacy / sizeof legacy[0]; k++) {
        vb_buf_clear(&cand);
        decode_nfc(sample.data ? sample.data : "", sample.len, legacy[k], &cand);
        vn_text_score sc;
        vn_score_text(cand.data ? cand.data : "", cand.len, &sc);
        if (best_enc == VN_ENC_AUTO || vn_score_better(&sc, &best_sc)) {
            best_enc = legacy[k];
            best_sc = sc;
            tie_enc = VN_ENC_AUTO;
            vb_buf_clear(&best_text);
            vb_buf_append(&best_text, cand.data ? cand.data : "", cand.len);
        } else if (!vn_score_better(&best_sc, &sc) && tie_enc == VN_ENC_AUTO &&
                   (cand.len != best_text.len ||
                    (cand.len && memcmp(cand.data, best_text.data, cand.len) != 0))) {
            tie_enc = legacy[k]; /* as good, and reads otherwise */
        }
    }
    vb_buf_free(&cand);
    vb_buf_free(&best_text);
    vb_buf_free(&sample);
    info->encoding = best_enc;
    decode_nfc(b, len, best_enc, out);
    /* A short text can read as Vietnamese in two tables ("Hà Nội" in VISCII
     * is "Hà Nài" in TCVN3): the first in the list was taken silently. */
    if (tie_enc != VN_ENC_AUTO && best_sc.vietnamese > 0)
        vb_warn(d, file ? file : "-", 0, 0,
                "không chắc bảng mã: đọc theo %s hay %s đều được như nhau; đã chọn %s, hãy kiểm "
                "tra kết quả hoặc chọn bằng --from",
                vn_encoding_name(best_enc), vn_encoding_name(tie_enc), vn_encoding_name(best_enc));
    set_reason(info, "không phải UTF-8; đọc theo %s được nhiều âm tiết tiếng Việt hợp lệ nhất "
               "(%zu hợp lệ, %zu không hợp lệ)", vn_encoding_name(best_enc),
               best_sc.vietnamese, best_sc.invalid);
    return true;
}

static bool decode(const char *bytes, size_t len, vn_encoding enc, const char *file, vb_diag *d,
                   vb_buf *out, vn_decode_info *info, const char **view, size_t *view_len)
{
    vn_decode_info local;
    if (!info)
        info = &local;
    memset(info, 0, sizeof *info);
    info->encoding = enc;
    const unsigned char *u = (const unsigned char *)bytes;
    if ((enc == VN_ENC_AUTO || enc == VN_ENC_UTF8) && len >= 3 && u[0] == 0xEF && u[1] == 0xBB &&
        u[2] == 0xBF) {
        bytes += 3;
        len -= 3;
        info->bom = true;
        /* The mark says UTF-8, but not that the text was not mojibake
         * before it was saved so: --from auto still looks (it never changes
         * text that is valid Vietnamese). */
    }
    if (view_len)
        *view_len = len;
    if (enc == VN_ENC_AUTO)
        return decode_auto(bytes, len, out, info, view, file, d);
    info->encoding = enc;
    set_reason(info, "bảng mã do người dùng chọn (--from %s)", vn_encoding_name(enc));
    /* A one-byte legacy table chosen for a file that is UTF-8 already (a
     * byte-order mark, or letters that pair into valid UTF-8 everywhere)
     * would turn every letter into two or three wrong ones ("Sở" →
     * "SỏằŸ"): a legacy file's bytes almost never pair so. */
    if (enc >= VN_ENC_CP1258 && enc <= VN_ENC_VNI) {
        const unsigned char *u8 = (const unsigned char *)bytes;
        size_t multi = 0, k = 0;
        bool valid = true;
        while (k < len && valid) {
            uint32_t cp;
            size_t step = vn_utf8_next(u8 + k, len - k, &cp);
            valid = step > 0;
            multi += step > 1;
            k += step ? step : 1;
        }
        bool bom = len >= 3 && u8[0] == 0xEF && u8[1] == 0xBB && u8[2] == 0xBF;
        if (bom || (valid && multi >= 2)) {
            vb_error(d, file ? file : "-", 0, 0,
                     "tệp này đã là UTF-8%s, không phải %s: đọc theo %s thì mọi chữ có dấu đều "
                     "sai; bỏ --from (hoặc dùng --from utf-8)",
                     bom ? " (có dấu BOM của UTF-8)" : "", vn_encoding_name(enc),
                     vn_encoding_name(enc));
            return false;
        }
    }
    if (enc == VN_ENC_UTF8) { /* the common case, in one pass and one copy */
        int scan = vn_utf8_nfc_scan(bytes, len, NULL);
        if (scan == 1) {
            keep(bytes, len, out, view);
            return true;
        }
        if (scan == 0) {
            vn_nfc_append(out, bytes, len);
            return true;
        }
    }
    return decode_checked(bytes, len, enc, file, d, out,
                          "kiểm tra lại --from (hoặc dùng --from auto)");
}

bool vn_decode(const char *bytes, size_t len, vn_encoding enc, const char *file, vb_diag *d,
               vb_buf *out, vn_decode_info *info)
{
    return decode(bytes, len, enc, file, d, out, info, NULL, NULL);
}

bool vn_decode_view(const char *bytes, size_t len, vn_encoding enc, const char *file,
                    vb_diag *d, vb_buf *out, vn_decode_info *info, const char **text,
                    size_t *text_len)
{
    const char *view = NULL;
    size_t view_len = 0;
    bool ok = decode(bytes, len, enc, file, d, out, info, &view, &view_len);
    if (view) {
        *text = view;
        *text_len = view_len;
    } else {
        vn_buf_reserve(out, 0); /* so that *text == out->data, even when empty */
        *text = out->data;
        *text_len = out->len;
    }
    return ok;
}
