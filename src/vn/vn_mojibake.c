/* Mojibake repair: legacy bytes (TCVN3, VNI) or UTF-8 bytes that a program
 * read as Windows-1252 and saved as UTF-8 — valid UTF-8 full of "µ", "¸",
 * "Õ", or "Ä‘" for "đ". Undo the Windows-1252 step, read the bytes again,
 * and keep the reading only when it has fewer invalid words. Line by line,
 * since such text is often pasted into otherwise good files. */
#include "vn_internal.h"

#include <string.h>

/* Whether every character of the line has a Windows-1252 byte: a quick
 * scan, since most good lines have a letter it lacks (ộ, ư, đ) early on. */
static bool cp1252_mappable(const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    while (i < len) {
        uint32_t cp;
        size_t k = u[i] < 0x80 ? (cp = u[i], 1) : vn_utf8_next(u + i, len - i, &cp);
        if (k == 0 || (cp >= 0x100 && vn_cp1252_byte(cp) < 0))
            return false;
        i += k;
    }
    return true;
}

/* The Windows-1252 bytes that show as this (mappable) line. */
static void to_cp1252(const char *s, size_t len, vb_buf *bytes)
{
    size_t i = 0;
    while (i < len) {
        uint32_t cp;
        size_t k = vb_utf8_decode(s + i, len - i, &cp);
        vb_buf_putc(bytes, (char)vn_cp1252_byte(cp));
        i += k;
    }
}

/* Whether the line shows a sign of mojibake: a character Vietnamese text
 * has no use for (a Windows-1252 symbol or a Latin letter that is not a
 * Vietnamese one: "µ", "¸", "¨", "Ä" of "Ä‘"), or a word of two letters or
 * more with a letter beyond ASCII that is no syllable ("Toâi", "Caàn": VNI
 * shown in a Western font uses only letters both tables share). A line of
 * good words and lone letters ("a â e ê o ô") shows none, and is never
 * re-read, however its lone letters score. */
static bool has_mojibake_sign(const char *s, size_t len)
{
    /* with the eth Ð ð, typed for Đ đ (vn_normalize makes them Đ đ): "Võ
     * Ð. Hà" read as TCVN3 became "Vừ é. Hà" */
    static const char vietnamese[] = "ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúýÐð";
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0, word = 0, letters = 0;
    bool high = false;
    while (i <= len) {
        uint32_t cp = 0;
        size_t k = i < len ? vb_utf8_decode(s + i, len - i, &cp) : 1;
        bool letter = i < len && (u[i] >= 0x80 ? !(cp >= 0x2000 && cp <= 0x206F) && cp != 0xA0
                                              : ((u[i] | 0x20) >= 'a' && (u[i] | 0x20) <= 'z'));
        if (letter) {
            if (letters++ == 0)
                word = i;
            if (u[i] >= 0x80) {
                char one[5] = {0};
                memcpy(one, s + i, k < 4 ? k : 4);
                if (!(cp >= 0xC0 && strstr(vietnamese, one)))
                    return true;
                high = true;
            }
        } else {
            if (i < len && u[i] >= 0x80) {
                bool typographic = cp == 0xA0 || cp == 0x2013 || cp == 0x2014 ||
                                   cp == 0x2018 || cp == 0x2019 || cp == 0x201C ||
                                   cp == 0x201D || cp == 0x2026;
                if (!typographic)
                    return true;
            }
            if (letters >= 2 && high && !vn_syllable_valid_utf8(s + word, i - word))
                return true;
            letters = 0;
            high = false;
        }
        i += k ? k : 1;
    }
    return false;
}

/* Repairs one line (without its newline) into out and returns the encoding
 * it was in; returns VN_ENC_AUTO, writing nothing, when it is left as it is. */
static vn_encoding repair_line(const char *s, size_t len, vb_buf *out)
{
    /* Cheap tests first: most lines have a letter Windows-1252 lacks (ộ, ư). */
    if (!cp1252_mappable(s, len) || !has_mojibake_sign(s, len))
        return VN_ENC_AUTO;
    vn_text_score best;
    vn_score_text(s, len, &best);
    if (best.invalid == 0)
        return VN_ENC_AUTO;
    vb_buf bytes;
    vb_buf_init(&bytes);
    to_cp1252(s, len, &bytes);
    vn_encoding chosen = VN_ENC_AUTO;
    vb_buf cand, keep_buf;
    vb_buf_init(&cand);
    vb_buf_init(&keep_buf);
    static const vn_encoding tries[] = {VN_ENC_UTF8, VN_ENC_TCVN3, VN_ENC_VNI};
    for (size_t t = 0; t < sizeof tries / sizeof tries[0]; t++) {
        vb_buf raw;
        vb_buf_init(&raw);
        const unsigned char *u = (const unsigned char *)bytes.data;
        if (tries[t] == VN_ENC_UTF8) {
            if (vb_utf8_valid(bytes.data, bytes.len, NULL))
                vb_buf_append(&raw, bytes.data, bytes.len);
        } else if (tries[t] == VN_ENC_TCVN3) {
            vn_tcvn3_decode(u, bytes.len, &raw, NULL);
        } else {
            vn_vni_decode(u, bytes.len, &raw, NULL);
        }
        vb_buf_clear(&cand);
        if (raw.len)
            vn_nfc_append(&cand, raw.data, raw.len);
        vb_buf_free(&raw);
        vn_text_score sc;
        vn_score_text(cand.data ? cand.data : "", cand.len, &sc);
        if (cand.len && vn_score_better(&sc, &best)) {
            best = sc;
            chosen = tries[t];
            vb_buf_clear(&keep_buf);
            vb_buf_append(&keep_buf, cand.data, cand.len);
        }
    }
    if (chosen != VN_ENC_AUTO)
        vb_buf_append(out, keep_buf.data, keep_buf.len);
    vb_buf_free(&cand);
    vb_buf_free(&keep_buf);
    vb_buf_free(&bytes);
    return chosen;
}

size_t vn_mojibake_repair(const char *s, size_t len, vb_buf *out, vn_encoding *from)
{
    /* Nothing is written when nothing was repaired. */
    size_t repaired = 0, counts[VN_ENC_VIQR + 1] = {0};
    size_t i = 0, copied = 0; /* [copied, i) is unchanged text not yet written */
    vb_buf line;
    vb_buf_init(&line);
    /* Decided per line, and per piece between markup: in an XML or HTML
     * file each text node (and each tag with its attribute values) is judged
     * on its own, so a name pasted as mojibake is repaired beside clean
     * Unicode on the same line (issue 3 §2: "per XML text node"). */
    while (i < len) {
        size_t end = i;
        while (end < len && s[end] != '\n' && s[end] != '<' && s[end] != '>')
            end++;
        if (end > i) {
            vb_buf_clear(&line);
            vn_encoding e = repair_line(s + i, end - i, &line);
            if (e != VN_ENC_AUTO) {
                repaired++;
                counts[e]++;
                vb_buf_append(out, s + copied, i - copied);
                vb_buf_append(out, line.data, line.len);
                copied = end;
            }
        }
        i = end < len ? end + 1 : len;
    }
    if (repaired) /* otherwise the caller keeps the text as it is */
        vb_buf_append(out, s + copied, len - copied);
    vb_buf_free(&line);
    if (from) {
        *from = VN_ENC_AUTO;
        for (int e = 0; e <= VN_ENC_VIQR; e++)
            if (counts[e] && (*from == VN_ENC_AUTO || counts[e] > counts[*from]))
                *from = (vn_encoding)e;
    }
    return repaired;
}
