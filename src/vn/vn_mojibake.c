/* Mojibake repair: legacy bytes (TCVN3, VNI) or UTF-8 bytes that a program
 * read as Windows-1252 and saved as UTF-8 — valid UTF-8 full of "µ", "¸",
 * "Õ", or "Ä‘" for "đ". Undo the Windows-1252 step, read the bytes again,
 * and keep the reading only when it has fewer invalid words. Line by line,
 * since such text is often pasted into otherwise good files. */
#include "vn_internal.h"

#include <string.h>

/* The Windows-1252 bytes that show as this line; false if some character
 * has none (then the line cannot be mojibake of that kind). */
static bool to_cp1252(const char *s, size_t len, vb_buf *bytes)
{
    size_t i = 0;
    while (i < len) {
        uint32_t cp;
        size_t k = vb_utf8_decode(s + i, len - i, &cp);
        int b = k ? vn_cp1252_byte(cp) : -1;
        if (b < 0)
            return false;
        vb_buf_putc(bytes, (char)b);
        i += k;
    }
    return true;
}

static bool has_non_ascii(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)s[i] >= 0x80)
            return true;
    return false;
}

/* Repairs one line (without its newline) into out; returns the encoding it
 * was repaired from, or VN_ENC_AUTO if it was left as it was. */
static vn_encoding repair_line(const char *s, size_t len, vb_buf *out)
{
    vn_text_score best;
    vn_score_text(s, len, &best);
    if (best.invalid == 0 || !has_non_ascii(s, len))
        goto keep;
    vb_buf bytes;
    vb_buf_init(&bytes);
    if (!to_cp1252(s, len, &bytes)) {
        vb_buf_free(&bytes);
        goto keep;
    }
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
    if (chosen != VN_ENC_AUTO)
        return chosen;
keep:
    vb_buf_append(out, s, len);
    return VN_ENC_AUTO;
}

size_t vn_mojibake_repair(const char *s, size_t len, vb_buf *out, vn_encoding *from)
{
    size_t repaired = 0, counts[VN_ENC_VIQR + 1] = {0};
    size_t i = 0;
    while (i < len) {
        const char *nl = memchr(s + i, '\n', len - i);
        size_t end = nl ? (size_t)(nl - s) : len;
        vn_encoding e = repair_line(s + i, end - i, out);
        if (e != VN_ENC_AUTO) {
            repaired++;
            counts[e]++;
        }
        if (nl)
            vb_buf_putc(out, '\n');
        i = nl ? end + 1 : len;
    }
    if (from) {
        *from = VN_ENC_AUTO;
        for (int e = 0; e <= VN_ENC_VIQR; e++)
            if (counts[e] && (*from == VN_ENC_AUTO || counts[e] > counts[*from]))
                *from = (vn_encoding)e;
    }
    return repaired;
}
