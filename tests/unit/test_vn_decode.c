/* vn decoding: every letter in every encoding, reference sentences through
 * each encoding and back, mojibake repair, auto-detection, errors with
 * line:col. Expected bytes come from sources independent of the decoder:
 * glibc iconv in the reverse direction, VBKey's table (the decoder uses
 * UniKey's), and the VIQR mnemonics of RFC 1456 typed by hand below. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "vn/vn.h"

#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* From VBKey's code table (khiemdoan/VBKey, Modules/mdlCodeTable.bas), the
 * second source of docs/encodings.md; the decoder's tables come from UniKey. */
static const struct legacy_letter {
    const char *letter, *tcvn3, *vni;
} legacy_letters[] = {
    {"à", "\xb5", "a\xf8"},
    {"á", "\xb8", "a\xf9"},
    {"ả", "\xb6", "a\xfb"},
    {"ã", "\xb7", "a\xf5"},
    {"ạ", "\xb9", "a\xef"},
    {"â", "\xa9", "a\xe2"},
    {"ầ", "\xc7", "a\xe0"},
    {"ấ", "\xca", "a\xe1"},
    {"ẩ", "\xc8", "a\xe5"},
    {"ẫ", "\xc9", "a\xe3"},
    {"ậ", "\xcb", "a\xe4"},
    {"ă", "\xa8", "a\xea"},
    {"ằ", "\xbb", "a\xe8"},
    {"ắ", "\xbe", "a\xe9"},
    {"ẳ", "\xbc", "a\xfa"},
    {"ẵ", "\xbd", "a\xfc"},
    {"ặ", "\xc6", "a\xeb"},
    {"đ", "\xae", "\xf1"},
    {"è", "\xcc", "e\xf8"},
    {"é", "\xd0", "e\xf9"},
    {"ẻ", "\xce", "e\xfb"},
    {"ẽ", "\xcf", "e\xf5"},
    {"ẹ", "\xd1", "e\xef"},
    {"ê", "\xaa", "e\xe2"},
    {"ề", "\xd2", "e\xe0"},
    {"ế", "\xd5", "e\xe1"},
    {"ể", "\xd3", "e\xe5"},
    {"ễ", "\xd4", "e\xe3"},
    {"ệ", "\xd6", "e\xe4"},
    {"ì", "\xd7", "\xec"},
    {"í", "\xdd", "\xed"},
    {"ỉ", "\xd8", "\xe6"},
    {"ĩ", "\xdc", "\xf3"},
    {"ị", "\xde", "\xf2"},
    {"ò", "\xdf", "o\xf8"},
    {"ó", "\xe3", "o\xf9"},
    {"ỏ", "\xe1", "o\xfb"},
    {"õ", "\xe2", "o\xf5"},
    {"ọ", "\xe4", "o\xef"},
    {"ô", "\xab", "o\xe2"},
    {"ồ", "\xe5", "o\xe0"},
    {"ố", "\xe8", "o\xe1"},
    {"ổ", "\xe6", "o\xe5"},
    {"ỗ", "\xe7", "o\xe3"},
    {"ộ", "\xe9", "o\xe4"},
    {"ơ", "\xac", "\xf4"},
    {"ờ", "\xea", "\xf4\xf8"},
    {"ớ", "\xed", "\xf4\xf9"},
    {"ở", "\xeb", "\xf4\xfb"},
    {"ỡ", "\xec", "\xf4\xf5"},
    {"ợ", "\xee", "\xf4\xef"},
    {"ù", "\xef", "u\xf8"},
    {"ú", "\xf3", "u\xf9"},
    {"ủ", "\xf1", "u\xfb"},
    {"ũ", "\xf2", "u\xf5"},
    {"ụ", "\xf4", "u\xef"},
    {"ư", "\xad", "\xf6"},
    {"ừ", "\xf5", "\xf6\xf8"},
    {"ứ", "\xf8", "\xf6\xf9"},
    {"ử", "\xf6", "\xf6\xfb"},
    {"ữ", "\xf7", "\xf6\xf5"},
    {"ự", "\xf9", "\xf6\xef"},
    {"ỳ", "\xfa", "y\xf8"},
    {"ý", "\xfd", "y\xf9"},
    {"ỷ", "\xfb", "y\xfb"},
    {"ỹ", "\xfc", "y\xf5"},
    {"ỵ", "\xfe", "\xee"},
    {"À", "\xb5", "A\xd8"},
    {"Á", "\xb8", "A\xd9"},
    {"Ả", "\xb6", "A\xdb"},
    {"Ã", "\xb7", "A\xd5"},
    {"Ạ", "\xb9", "A\xcf"},
    {"Â", "\xa2", "A\xc2"},
    {"Ầ", "\xc7", "A\xc0"},
    {"Ấ", "\xca", "A\xc1"},
    {"Ẩ", "\xc8", "A\xc5"},
    {"Ẫ", "\xc9", "A\xc3"},
    {"Ậ", "\xcb", "A\xc4"},
    {"Ă", "\xa1", "A\xca"},
    {"Ằ", "\xbb", "A\xc8"},
    {"Ắ", "\xbe", "A\xc9"},
    {"Ẳ", "\xbc", "A\xda"},
    {"Ẵ", "\xbd", "A\xdc"},
    {"Ặ", "\xc6", "A\xcb"},
    {"Đ", "\xa7", "\xd1"},
    {"È", "\xcc", "E\xd8"},
    {"É", "\xd0", "E\xd9"},
    {"Ẻ", "\xce", "E\xdb"},
    {"Ẽ", "\xcf", "E\xd5"},
    {"Ẹ", "\xd1", "E\xcf"},
    {"Ê", "\xa3", "E\xc2"},
    {"Ề", "\xd2", "E\xc0"},
    {"Ế", "\xd5", "E\xc1"},
    {"Ể", "\xd3", "E\xc5"},
    {"Ễ", "\xd4", "E\xc3"},
    {"Ệ", "\xd6", "E\xc4"},
    {"Ì", "\xd7", "\xcc"},
    {"Í", "\xdd", "\xcd"},
    {"Ỉ", "\xd8", "\xc6"},
    {"Ĩ", "\xdc", "\xd3"},
    {"Ị", "\xde", "\xd2"},
    {"Ò", "\xdf", "O\xd8"},
    {"Ó", "\xe3", "O\xd9"},
    {"Ỏ", "\xe1", "O\xdb"},
    {"Õ", "\xe2", "O\xd5"},
    {"Ọ", "\xe4", "O\xcf"},
    {"Ô", "\xa4", "O\xc2"},
    {"Ồ", "\xe5", "O\xc0"},
    {"Ố", "\xe8", "O\xc1"},
    {"Ổ", "\xe6", "O\xc5"},
    {"Ỗ", "\xe7", "O\xc3"},
    {"Ộ", "\xe9", "O\xc4"},
    {"Ơ", "\xa5", "\xd4"},
    {"Ờ", "\xea", "\xd4\xd8"},
    {"Ớ", "\xed", "\xd4\xd9"},
    {"Ở", "\xeb", "\xd4\xdb"},
    {"Ỡ", "\xec", "\xd4\xd5"},
    {"Ợ", "\xee", "\xd4\xcf"},
    {"Ù", "\xef", "U\xd8"},
    {"Ú", "\xf3", "U\xd9"},
    {"Ủ", "\xf1", "U\xdb"},
    {"Ũ", "\xf2", "U\xd5"},
    {"Ụ", "\xf4", "U\xcf"},
    {"Ư", "\xa6", "\xd6"},
    {"Ừ", "\xf5", "\xd6\xd8"},
    {"Ứ", "\xf8", "\xd6\xd9"},
    {"Ử", "\xf6", "\xd6\xdb"},
    {"Ữ", "\xf7", "\xd6\xd5"},
    {"Ự", "\xf9", "\xd6\xcf"},
    {"Ỳ", "\xfa", "Y\xd8"},
    {"Ý", "\xfd", "Y\xd9"},
    {"Ỷ", "\xfb", "Y\xdb"},
    {"Ỹ", "\xfc", "Y\xd5"},
    {"Ỵ", "\xfe", "\xce"},
};

/* RFC 1456: vowel mnemonics, tones in the order none ` ' ? ~ . */
static const struct {
    const char *viqr, *letters;
} viqr_rows[] = {
    {"a", "aàáảãạ"}, {"a(", "ăằắẳẵặ"}, {"a^", "âầấẩẫậ"}, {"e", "eèéẻẽẹ"},
    {"e^", "êềếểễệ"}, {"i", "iìíỉĩị"}, {"o", "oòóỏõọ"}, {"o^", "ôồốổỗộ"},
    {"o+", "ơờớởỡợ"}, {"u", "uùúủũụ"}, {"u+", "ưừứửữự"}, {"y", "yỳýỷỹỵ"},
    {"A", "AÀÁẢÃẠ"}, {"A(", "ĂẰẮẲẴẶ"}, {"A^", "ÂẦẤẨẪẬ"}, {"E", "EÈÉẺẼẸ"},
    {"E^", "ÊỀẾỂỄỆ"}, {"I", "IÌÍỈĨỊ"}, {"O", "OÒÓỎÕỌ"}, {"O^", "ÔỒỐỔỖỘ"},
    {"O+", "ƠỜỚỞỠỢ"}, {"U", "UÙÚỦŨỤ"}, {"U+", "ƯỪỨỬỮỰ"}, {"Y", "YỲÝỶỸỴ"},
};
static const char viqr_tones[] = {0, '`', '\'', '?', '~', '.'};

/* ---- helpers ------------------------------------------------------------ */

/* vn_decode with its messages caught: returns what it returned, the
 * decoded text in *out (caller frees) and the messages in *msg (caller
 * frees); *exit_code as the diagnostics left it; info may be NULL. */
static bool decode_caught(const char *bytes, size_t len, vn_encoding enc, vn_decode_info *info,
                          char **out, char **msg, int *exit_code)
{
    size_t msg_len = 0;
    *msg = NULL;
    FILE *mem = open_memstream(msg, &msg_len);
    vb_diag d;
    vb_diag_init(&d, mem);
    vb_buf b;
    vb_buf_init(&b);
    bool ok = vn_decode(bytes, len, enc, "f.txt", &d, &b, info);
    fclose(mem);
    *out = vb_buf_take(&b);
    if (exit_code)
        *exit_code = d.exit_code;
    return ok;
}

/* The decoded text of input that must decode (caller frees). */
static char *decode(const char *bytes, size_t len, vn_encoding enc, vn_decode_info *info)
{
    char *out, *msg;
    if (!decode_caught(bytes, len, enc, info, &out, &msg, NULL))
        fail_msg("vn_decode failed: %s", msg);
    free(msg);
    return out;
}

static bool iconv_encode(const char *utf8, const char *to, vb_buf *out)
{
    iconv_t cd = iconv_open(to, "UTF-8");
    assert_true(cd != (iconv_t)-1);
    char *in = (char *)utf8;
    size_t in_left = strlen(utf8);
    size_t cap = in_left * 4 + 16;
    char *buf = malloc(cap), *o = buf;
    size_t o_left = cap;
    bool ok = iconv(cd, &in, &in_left, &o, &o_left) != (size_t)-1 &&
              iconv(cd, NULL, NULL, &o, &o_left) != (size_t)-1;
    iconv_close(cd);
    if (ok)
        vb_buf_append(out, buf, cap - o_left);
    free(buf);
    return ok;
}

/* Encodes UTF-8 text with the table above (TCVN3 or VNI column). */
static bool table_encode(const char *s, bool vni, vb_buf *out)
{
    size_t i = 0, len = strlen(s);
    while (i < len) {
        uint32_t cp;
        size_t n = vb_utf8_decode(s + i, len - i, &cp);
        if (cp < 0x80) {
            vb_buf_putc(out, s[i]);
            i++;
            continue;
        }
        bool found = false;
        for (size_t k = 0; k < sizeof legacy_letters / sizeof legacy_letters[0]; k++)
            if (strlen(legacy_letters[k].letter) == n &&
                memcmp(legacy_letters[k].letter, s + i, n) == 0) {
                vb_buf_puts(out, vni ? legacy_letters[k].vni : legacy_letters[k].tcvn3);
                found = true;
                break;
            }
        if (!found)
            return false;
        i += n;
    }
    return true;
}

static bool is_viqr_mark(char c)
{
    return c && strchr("`'?~.(^+\\", c) != NULL;
}

/* RFC 1456 writing: mnemonics, and a backslash before a mark character that
 * follows a letter so that it stays punctuation. */
static bool viqr_encode(const char *s, vb_buf *out)
{
    size_t i = 0, len = strlen(s);
    while (i < len) {
        uint32_t cp;
        size_t n = vb_utf8_decode(s + i, len - i, &cp);
        char prev = out->len ? out->data[out->len - 1] : 0;
        if (cp < 0x80) {
            bool after_letter = ((prev | 0x20) >= 'a' && (prev | 0x20) <= 'z') || is_viqr_mark(prev);
            if (is_viqr_mark(s[i]) && after_letter)
                vb_buf_putc(out, '\\');
            vb_buf_putc(out, s[i]);
            i++;
            continue;
        }
        bool found = false;
        if (cp == 0x0111 || cp == 0x0110) {
            vb_buf_puts(out, cp == 0x0111 ? "dd" : "DD");
            found = true;
        }
        for (size_t r = 0; !found && r < sizeof viqr_rows / sizeof viqr_rows[0]; r++) {
            const char *p = viqr_rows[r].letters;
            for (int t = 0; t < 6 && !found; t++) {
                uint32_t lc;
                size_t ln = vb_utf8_decode(p, strlen(p), &lc);
                if (lc == cp) {
                    vb_buf_puts(out, viqr_rows[r].viqr);
                    if (viqr_tones[t])
                        vb_buf_putc(out, viqr_tones[t]);
                    found = true;
                }
                p += ln;
            }
        }
        if (!found)
            return false;
        i += n;
    }
    return true;
}

/* ---- every letter in every encoding -------------------------------------- */

static const char *const alphabet =
    "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ"
    "AÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬBCDĐEÈÉẺẼẸÊỀẾỂỄỆGHIÌÍỈĨỊKLMNOÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢPQRSTUÙÚỦŨỤƯỪỨỬỮỰVXYỲÝỶỸỴ";

static void every_letter_through_iconv_encodings(void **state)
{
    (void)state;
    static const struct { const char *iconv; vn_encoding enc; } encs[] = {
        {"UTF-8", VN_ENC_UTF8}, {"UTF-16", VN_ENC_UTF16}, {"UTF-16LE", VN_ENC_UTF16},
        {"CP1258", VN_ENC_CP1258}, {"VISCII", VN_ENC_VISCII}, {"TCVN5712-1", VN_ENC_TCVN5712},
    };
    size_t len = strlen(alphabet);
    for (size_t e = 0; e < sizeof encs / sizeof encs[0]; e++) {
        size_t i = 0;
        while (i < len) { /* one letter at a time, so a failure names it */
            uint32_t cp;
            size_t n = vb_utf8_decode(alphabet + i, len - i, &cp);
            char letter[8] = {0};
            memcpy(letter, alphabet + i, n);
            vb_buf bytes;
            vb_buf_init(&bytes);
            assert_true(iconv_encode(letter, encs[e].iconv, &bytes));
            char *back = decode(bytes.data, bytes.len, encs[e].enc, NULL);
            if (strcmp(back, letter) != 0)
                fail_msg("%s: %s came back as %s", encs[e].iconv, letter, back);
            free(back);
            vb_buf_free(&bytes);
            i += n;
        }
    }
}

static bool toned_capital(const char *letter)
{
    return strstr("ÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬÈÉẺẼẸỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌỒỐỔỖỘỜỚỞỠỢÙÚỦŨỤỪỨỬỮỰỲÝỶỸỴ", letter) != NULL;
}

static void every_letter_through_tcvn3_and_vni(void **state)
{
    (void)state;
    for (size_t k = 0; k < sizeof legacy_letters / sizeof legacy_letters[0]; k++) {
        const struct legacy_letter *l = &legacy_letters[k];
        char *back = decode(l->vni, strlen(l->vni), VN_ENC_VNI, NULL);
        if (strcmp(back, l->letter) != 0)
            fail_msg("VNI: %s came back as %s", l->letter, back);
        free(back);
        /* TCVN3 has one byte for a toned letter in both cases; a capital is
         * recognised between capitals ("N?NG" → "NẴNG"), a small letter alone. */
        vb_buf in, want;
        vb_buf_init(&in);
        vb_buf_init(&want);
        if (toned_capital(l->letter)) {
            vb_buf_printf(&in, "N%sNG", l->tcvn3);
            vb_buf_printf(&want, "N%sNG", l->letter);
        } else {
            vb_buf_puts(&in, l->tcvn3);
            vb_buf_puts(&want, l->letter);
        }
        back = decode(in.data, in.len, VN_ENC_TCVN3, NULL);
        if (strcmp(back, want.data) != 0)
            fail_msg("TCVN3: %s came back as %s", want.data, back);
        free(back);
        vb_buf_free(&in);
        vb_buf_free(&want);
    }
}

static void every_letter_through_viqr(void **state)
{
    (void)state;
    for (size_t r = 0; r < sizeof viqr_rows / sizeof viqr_rows[0]; r++) {
        const char *p = viqr_rows[r].letters;
        for (int t = 0; t < 6; t++) {
            uint32_t cp;
            size_t n = vb_utf8_decode(p, strlen(p), &cp);
            char want[8] = {0}, in[8] = {0};
            memcpy(want, p, n);
            snprintf(in, sizeof in, "%s%c", viqr_rows[r].viqr, viqr_tones[t]);
            char *back = decode(in, strlen(in), VN_ENC_VIQR, NULL);
            if (strcmp(back, want) != 0)
                fail_msg("VIQR: %s gave %s, expected %s", in, back, want);
            free(back);
            p += n;
        }
    }
    const char *in = "DDa^`y ddu?\\. O^ng te^n gi`\\? To^i te^n la` Hie^'u\\. address";
    char *s = decode(in, strlen(in), VN_ENC_VIQR, NULL);
    assert_string_equal(s, "Đầy đủ. Ông tên gì? Tôi tên là Hiếu. address");
    free(s);
    /* a toned word's marks do not end it: the "." after "No^.i" is a full
     * stop, not a second tone on the "i" (it gave "Hà Nộị", "Lợị", "nàỵ") */
    static const struct { const char *in, *want; } unescaped[] = {
        {"Ha` No^.i.", "Hà Nội."},
        {"Lo+.i. Na`y. Na`y?", "Lợi. Này. Này?"},
        {"ho`a. Hu+o+'ng.", "hòa. Hướng."},
        /* addresses are no VIQR: "hoạle@…", "index.dỏid=3" */
        {"Thu+ hoa.le@soctrang.gov.vn, trang https://x.vn/index.do?id=3 va` www.a.vn/b?c.",
         "Thư hoa.le@soctrang.gov.vn, trang https://x.vn/index.do?id=3 và www.a.vn/b?c."},
    };
    for (size_t i = 0; i < sizeof unescaped / sizeof unescaped[0]; i++) {
        s = decode(unescaped[i].in, strlen(unescaped[i].in), VN_ENC_VIQR, NULL);
        assert_string_equal(s, unescaped[i].want);
        free(s);
    }
}

/* ---- reference sentences through each encoding --------------------------- */

static char *read_data(const char *name, size_t *len)
{
    const char *dir = getenv("VANBAN_TEST_DATA");
    assert_non_null(dir);
    char path[1024];
    snprintf(path, sizeof path, "%s/vn/%s", dir, name);
    vb_diag d;
    vb_diag_init(&d, stderr);
    char *s = vb_read_file(&d, path, len);
    assert_non_null(s);
    return s;
}

/* What TCVN3 can say (docs/encodings.md): a toned capital exists only as its
 * small letter, so it stays capital only next to capitals in its word. The
 * small letter of a capital in these blocks is the next code point (+0x20
 * in Latin-1). */
static void tcvn3_expected(const char *line, vb_buf *want)
{
    size_t i = 0, len = strlen(line);
    bool word_start = true;
    while (i < len) {
        uint32_t cp, next = 0;
        size_t n = vb_utf8_decode(line + i, len - i, &cp);
        char letter[8] = {0};
        memcpy(letter, line + i, n);
        if (i + n < len)
            vb_utf8_decode(line + i + n, len - i - n, &next);
        bool next_upper = (next >= 'A' && next <= 'Z') || (next >= 0xC0 && next < 0xDF) ||
                          (next >= 0x1EA0 && next <= 0x1EF8 && next % 2 == 0) || next == 0x110 ||
                          next == 0x102 || next == 0x1A0 || next == 0x1AF;
        if (word_start && toned_capital(letter) && !next_upper)
            vb_buf_put_cp(want, cp < 0x100 ? cp + 0x20 : cp + 1);
        else
            vb_buf_append(want, line + i, n);
        word_start = !(cp >= 0x80 || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z'));
        i += n;
    }
}

static bool encode_as(int e, const char *line, vb_buf *bytes)
{
    switch (e) {
    case VN_ENC_UTF16: return iconv_encode(line, "UTF-16", bytes);
    case VN_ENC_CP1258: return iconv_encode(line, "CP1258", bytes);
    case VN_ENC_VISCII: return iconv_encode(line, "VISCII", bytes);
    case VN_ENC_TCVN5712: return iconv_encode(line, "TCVN5712-1", bytes);
    case VN_ENC_TCVN3: return table_encode(line, false, bytes);
    case VN_ENC_VNI: return table_encode(line, true, bytes);
    default: return viqr_encode(line, bytes);
    }
}

static void reference_sentences_round_trip(void **state)
{
    (void)state;
    static const char *const files[] = {"bao-cao-ket-qua-hoi-thi-2023.md",
                                        "ke-hoach-thi-dua-2022.md"};
    size_t tested[VN_ENC_VIQR + 1] = {0};
    for (size_t f = 0; f < 2; f++) {
        size_t len;
        char *text = read_data(files[f], &len);
        char *save = NULL;
        for (char *line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
            for (int e = VN_ENC_UTF16; e <= VN_ENC_VIQR; e++) {
                vb_buf bytes, want;
                vb_buf_init(&bytes);
                vb_buf_init(&want);
                bool ok = encode_as(e, line, &bytes);
                if (e == VN_ENC_TCVN3)
                    tcvn3_expected(line, &want);
                else
                    vb_buf_puts(&want, line);
                if (ok && bytes.len) { /* lines with “ ” … are not in every encoding */
                    tested[e]++;
                    char *back = decode(bytes.data, bytes.len, (vn_encoding)e, NULL);
                    if (strcmp(back, want.data) != 0)
                        fail_msg("%s: \"%s\" came back as \"%s\"",
                                 vn_encoding_name((vn_encoding)e), want.data, back);
                    free(back);
                    /* auto-detection reads long lines right too (VIQR is
                     * guessed only with enough marks, so not checked here) */
                    vn_decode_info info;
                    back = decode(bytes.data, bytes.len, VN_ENC_AUTO, &info);
                    if (e != VN_ENC_VIQR && strlen(line) > 60 && strcmp(back, want.data) != 0)
                        fail_msg("auto (%s, chose %s): \"%s\" came back as \"%s\"",
                                 vn_encoding_name((vn_encoding)e),
                                 vn_encoding_name(info.encoding), want.data, back);
                    free(back);
                }
                vb_buf_free(&bytes);
                vb_buf_free(&want);
            }
        }
        free(text);
    }
    for (int e = VN_ENC_UTF16; e <= VN_ENC_VIQR; e++)
        if (tested[e] < 20)
            fail_msg("%s: only %zu lines tested", vn_encoding_name((vn_encoding)e), tested[e]);
}

/* ---- mojibake ------------------------------------------------------------ */

/* Bytes shown as Windows-1252 (Latin-1 for its five holes) and saved as
 * UTF-8, done with iconv byte by byte. */
static void as_cp1252(const char *bytes, size_t len, vb_buf *out)
{
    iconv_t cd = iconv_open("UTF-8", "CP1252");
    for (size_t i = 0; i < len; i++) {
        char one[2] = {bytes[i], 0}, obuf[8];
        char *in = one, *o = obuf;
        size_t il = 1, ol = sizeof obuf;
        if (iconv(cd, &in, &il, &o, &ol) == (size_t)-1)
            vb_buf_put_cp(out, (unsigned char)bytes[i]);
        else
            vb_buf_append(out, obuf, sizeof obuf - ol);
    }
    iconv_close(cd);
}

static void mojibake_literals_are_repaired(void **state)
{
    (void)state;
    static const struct { const char *in, *want; } cases[] = {
        /* UTF-8 read as Windows-1252: đ is C4 91 → "Ä‘" */
        {"Ä‘Ã£ Ä‘Æ°á»£c Ä‘Ã¡nh giÃ¡", "đã được đánh giá"},
        /* TCVN3 read as Windows-1252: é = E9 = ộ, ß = DF = ò, · = B7 = ã */
        {"C\u00e9ng h\u00dfa x\u00b7 h\u00e9i", "Cộng hòa xã hội"},
        /* VNI read as Windows-1252 */
        {"Coäng hoøa xaõ hoäi", "Cộng hòa xã hội"},
        /* ... with only letters both tables share: "Toâi" is no syllable */
        {"Toâi bieát", "Tôi biết"},
        {"Caàn Thô", "Cần Thơ"},
        /* a good line next to a broken one is left alone */
        {"Sở Nội vụ\nH\u00b5 N\u00e9i", "Sở Nội vụ\nHà Nội"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        vn_decode_info info;
        char *s = decode(cases[i].in, strlen(cases[i].in), VN_ENC_AUTO, &info);
        assert_string_equal(s, cases[i].want);
        assert_true(info.repaired_lines >= 1);
        free(s);
    }
    /* good Vietnamese made only of letters Windows-1252 has is left alone,
     * however its words score: "â" alone is no syllable, but it is no
     * mojibake either (it became "õ", "a â e ê o ô" "a õ e ờ o ụ") */
    static const char *const good[] = {"a â e ê o ô", "â", "Ô", "à, á, ã; “ê” – ô…",
                                       /* the eth typed for Đ: read as TCVN3 it was "Vừ é. Hà" */
                                       "Võ \u00d0. Hà", "Lê \u00d0. Minh"};
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
        vn_decode_info info;
        char *s = decode(good[i], strlen(good[i]), VN_ENC_AUTO, &info);
        assert_string_equal(s, good[i]);
        assert_int_equal(info.repaired_lines, 0);
        free(s);
    }
}

static void mojibake_of_reference_lines(void **state)
{
    (void)state;
    size_t len;
    char *text = read_data("bao-cao-ket-qua-hoi-thi-2023.md", &len);
    char *save = NULL;
    size_t repaired = 0;
    for (char *line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        if (strlen(line) < 60)
            continue;
        for (int form = 0; form < 3; form++) {
            vb_buf bytes, moji, want;
            vb_buf_init(&bytes);
            vb_buf_init(&moji);
            vb_buf_init(&want);
            bool ok = true;
            if (form == 0)
                vb_buf_puts(&bytes, line);
            else
                ok = table_encode(line, form == 2, &bytes);
            if (form == 1)
                tcvn3_expected(line, &want);
            else
                vb_buf_puts(&want, line);
            if (ok) {
                as_cp1252(bytes.data, bytes.len, &moji);
                char *s = decode(moji.data, moji.len, VN_ENC_AUTO, NULL);
                if (strcmp(s, want.data) != 0)
                    fail_msg("form %d: \"%s\" repaired as \"%s\"", form, want.data, s);
                repaired++;
                free(s);
            }
            vb_buf_free(&bytes);
            vb_buf_free(&moji);
            vb_buf_free(&want);
        }
    }
    assert_true(repaired >= 30);
    free(text);
}

/* ---- detection never harms good text -------------------------------------- */

static void auto_keeps_valid_unicode(void **state)
{
    (void)state;
    static const char *const good[] = {
        "Thái Bình", "Cà Mau", "Bà Rịa", "Sóc Trăng", "Đà Nẵng", "Ông Bà", "café",
        "Nguyễn Thị Mỹ Hạnh", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        "Hello, world!", "Số: 56/KH-SNV", "x = a' + b`", "Hi. Go to the store?",
    };
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
        char *s = decode(good[i], strlen(good[i]), VN_ENC_AUTO, NULL);
        assert_string_equal(s, good[i]);
        free(s);
    }
    static const char *const files[] = {"bao-cao-ket-qua-hoi-thi-2023.md",
                                        "ke-hoach-thi-dua-2022.md"};
    for (size_t f = 0; f < 2; f++) {
        size_t len;
        char *text = read_data(files[f], &len);
        char *s = decode(text, len, VN_ENC_AUTO, NULL);
        assert_string_equal(s, text);
        free(s);
        free(text);
    }
}

static void bom_is_dropped_and_nfc_made(void **state)
{
    (void)state;
    vn_decode_info info;
    char *s = decode("\xEF\xBB\xBFho\xCC\x80" "a", 8, VN_ENC_AUTO, &info);
    assert_string_equal(s, "hòa");
    assert_true(info.bom);
    free(s);
    /* UniKey's "Unicode tổ hợp" (ô + combining acute), marks in either order */
    const char *in = "\xC3\xB4\xCC\x81 o\xCC\x81\xCC\x82 a\xCC\xA3\xCC\x82";
    s = decode(in, strlen(in), VN_ENC_UTF8, NULL);
    assert_string_equal(s, "ố ố ậ");
    free(s);
    /* A byte-order mark does not stop --from auto from repairing mojibake
     * ("đã được" as UTF-8 read as Windows-1252, then saved with a BOM). */
    const char *moji = "\xEF\xBB\xBF\xC3\x84\xE2\x80\x98\xC3\x83\xC2\xA3 "
                       "\xC3\x84\xE2\x80\x98\xC3\x86\xC2\xB0\xC3\xA1\xC2\xBB\xC2\xA3" "c";
    s = decode(moji, strlen(moji), VN_ENC_AUTO, &info);
    assert_string_equal(s, "đã được");
    assert_true(info.bom);
    free(s);
    /* UTF-16 big-endian with its mark: "Sở" */
    s = decode("\xFE\xFF\x00S\x1E\xDF", 6, VN_ENC_UTF16, NULL);
    assert_string_equal(s, "Sở");
    free(s);
    s = decode("\xFE\xFF\x00S\x1E\xDF", 6, VN_ENC_AUTO, NULL);
    assert_string_equal(s, "Sở");
    free(s);
}

/* vn_decode_view hands clean text back in place and everything else in
 * `out`, with the same text vn_decode gives. */
static void view_keeps_clean_text_in_place(void **state)
{
    (void)state;
    static const struct { const char *in; size_t len; vn_encoding enc; size_t at; } cases[] = {
        {"Sở Nội vụ tỉnh Sóc Trăng", 0, VN_ENC_UTF8, 0},     /* clean UTF-8 NFC */
        {"Sở Nội vụ tỉnh Sóc Trăng", 0, VN_ENC_AUTO, 0},
        {"Hello, world", 0, VN_ENC_AUTO, 0},                 /* ASCII, not VIQR */
        {"\xEF\xBB\xBFho\xC3\xA0", 0, VN_ENC_AUTO, 3},    /* after the BOM */
        {"\xEF\xBB\xBFho\xC3\xA0", 0, VN_ENC_UTF8, 3},
        {"", 0, VN_ENC_AUTO, 0},
        {"ho\xCC\x80" "a", 0, VN_ENC_UTF8, SIZE_MAX},        /* NFD: decoded into out */
        {"ho\xCC\x80" "a", 0, VN_ENC_AUTO, SIZE_MAX},
        {"Ho\xE0 B\xECnh", 0, VN_ENC_CP1258, SIZE_MAX},       /* a legacy encoding */
        {"Ho\xE0 B\xECnh", 0, VN_ENC_AUTO, SIZE_MAX},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *in = cases[i].in;
        size_t len = strlen(in);
        vb_diag d;
        vb_diag_init(&d, stderr);
        vb_buf out, copy;
        vb_buf_init(&out);
        vb_buf_init(&copy);
        const char *text = NULL;
        size_t text_len = 0;
        assert_true(vn_decode_view(in, len, cases[i].enc, NULL, &d, &out, NULL, &text, &text_len));
        assert_true(vn_decode(in, len, cases[i].enc, NULL, &d, &copy, NULL));
        if (cases[i].at == SIZE_MAX) {
            assert_ptr_equal(text, out.data);
        } else {
            assert_ptr_equal(text, in + cases[i].at);
            assert_int_equal(out.len, 0);
        }
        assert_int_equal(text_len, copy.len);
        assert_memory_equal(text, copy.data ? copy.data : "", text_len);
        vb_buf_free(&out);
        vb_buf_free(&copy);
    }
    /* a named encoding stays strict */
    vb_diag d;
    FILE *sink = fopen("/dev/null", "w");
    vb_diag_init(&d, sink);
    vb_buf out;
    vb_buf_init(&out);
    const char *text = NULL;
    size_t text_len = 0;
    assert_false(vn_decode_view("a\xFF", 2, VN_ENC_UTF8, "x", &d, &out, NULL, &text, &text_len));
    assert_int_equal(d.errors, 1);
    vb_buf_free(&out);
    fclose(sink);
}

/* ---- errors --------------------------------------------------------------- */

static void invalid_byte_reports_line_and_column(void **state)
{
    (void)state;
    static const struct {
        vn_encoding enc;
        const char *in;
        size_t len;
        const char *where;
    } cases[] = {
        {VN_ENC_UTF8, "dòng một\nab\xFF" "c", 17, "f.txt:2:3:"},
        {VN_ENC_CP1258, "m\xf4t\nhai\n\x81", 10, "f.txt:3:1:"},
        {VN_ENC_TCVN3, "C\xe9ng\nH\xdf" "a \xC0", 10, "f.txt:2:5:"},
        {VN_ENC_VNI, "Co\xe4ng \xf9", 7, "f.txt:1:6:"},
        {VN_ENC_VIQR, "a\nb\nc \xe9", 7, "f.txt:3:3:"},
        /* --from auto: UTF-8 with one bad byte, or cut off inside a
         * letter, is damaged UTF-8, not CP1258 or TCVN3 ("dĂ²ng", "HÃ Nỏằ") */
        {VN_ENC_AUTO, "dòng một\nabcd\xffxyz\n", 20, "f.txt:2:5:"},
        {VN_ENC_AUTO, "H\xc3\xa0 N\xe1\xbb", 7, "f.txt:1:5:"},
        {VN_ENC_AUTO, "abc\xe1\xbb", 5, "f.txt:1:4:"}, /* ASCII, then cut inside a letter */
        /* UTF-16 cut short (an odd byte at the end): U+FFFD went in silently */
        {VN_ENC_AUTO, "\xff\xfeH\0a\0\n\0x", 9, "f.txt:2:1: lỗi: tệp UTF-16 bị cắt ngắn"},
        {VN_ENC_AUTO, "H\0a\0\n\0x", 7, "f.txt:2:1: lỗi: tệp UTF-16 bị cắt ngắn"},
        /* a lone half of a surrogate pair was named as "byte 0x00", with
         * advice about --from that a template read by render cannot take */
        {VN_ENC_UTF16, "\xff\xfe" "A\0\0\xdc" "B\0", 8,
         "f.txt:1:2: lỗi: tệp UTF-16 hỏng ở đây: 0xDC00 là nửa của một cặp thay thế, thiếu nửa kia"},
        {VN_ENC_UTF16, "\xfe\xff\0A\xd8\x01\0B", 8,
         "f.txt:1:2: lỗi: tệp UTF-16 hỏng ở đây: 0xD801 là nửa của một cặp thay thế, thiếu nửa kia"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *out, *msg;
        int rc;
        assert_false(decode_caught(cases[i].in, cases[i].len, cases[i].enc, NULL, &out, &msg, &rc));
        if (!strstr(msg, cases[i].where))
            fail_msg("%s: expected %s in: %s", vn_encoding_name(cases[i].enc), cases[i].where, msg);
        assert_int_equal(rc, VB_EXIT_INPUT);
        free(msg);
        free(out);
    }
}

/* VISCII's "ươ" is DF BD, a valid UTF-8 pair (U+07FD): a VISCII text was
 * taken for damaged UTF-8 and refused. */
static void viscii_is_not_damaged_utf8(void **state)
{
    (void)state;
    /* "Người thương, mười phương ở Hà Nam" in VISCII (iconv -t VISCII) */
    const char in[] = "Ng\xdf\xb6i th\xdf\xbdng, m\xdf\xb6i ph\xdf\xbdng \xb7 H\xe0 Nam\n";
    char *s = decode(in, strlen(in), VN_ENC_AUTO, NULL);
    assert_string_equal(s, "Người thương, mười phương ở Hà Nam\n");
    free(s);
}

/* ASCII text in UTF-16 without a byte-order mark is valid UTF-8 (NULs and
 * all): it passed as UTF-8 and kept its NUL bytes. */
static void utf16_ascii_without_bom(void **state)
{
    (void)state;
    char *s = decode("H\0a\0\n\0", 6, VN_ENC_AUTO, NULL);
    assert_string_equal(s, "Ha\n");
    free(s);
}

/* A legacy table chosen for a file that is UTF-8 already turned "Sở Nội vụ"
 * into "SỏằŸ Nỏằ™i vỏằƠ", exit 0: refused. A real legacy file passes. */
static void legacy_table_on_utf8_is_refused(void **state)
{
    (void)state;
    static const struct { vn_encoding enc; const char *in; bool ok; } cases[] = {
        {VN_ENC_TCVN3, "Sở Nội vụ\n", false},
        {VN_ENC_CP1258, "Sở Nội vụ\n", false},
        {VN_ENC_VISCII, "Hà Nội\n", false},
        {VN_ENC_TCVN3, "\xef\xbb\xbfHa\n", false},
        {VN_ENC_TCVN3, "C\xe9ng h\xdf" "a x\xb7 h\xe9i\n", true},
        {VN_ENC_VNI, "Coäng hoøa\n", false}, /* VNI bytes saved as UTF-8: mojibake, not VNI */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *out, *msg;
        bool ok = decode_caught(cases[i].in, strlen(cases[i].in), cases[i].enc, NULL, &out, &msg, NULL);
        if (ok != cases[i].ok)
            fail_msg("case %zu: ok=%d, message: %s", i, ok, msg);
        if (!ok)
            assert_non_null(strstr(msg, "tệp này đã là UTF-8"));
        free(msg);
        free(out);
    }
}

/* TCVN3 has no toned capitals: a heading's capitals are guessed from the
 * words around. An abbreviation after a word is no sign of capitals ("Bộ
 * GD-ĐT" came out "BỘ GD-ĐT"), and a word of one toned letter in capitals
 * is a capital ("Ý KIẾN" came out "ý KIẾN"). */
static void tcvn3_capitals_from_neighbours(void **state)
{
    (void)state;
    static const struct { const char *in, *want; } cases[] = {
        {"c\xf1" "a B\xe9 GD-\xa7T.", "của Bộ GD-ĐT."},
        {"\xfd KI\xd5N", "Ý KIẾN"},
        {"A. \xfd NGH\xdc" "A", "A. Ý NGHĨA"},
        {"\xfd ki\xd5n", "ý kiến"},
        {"B\xe9 N\xe9I V\xf4", "BỘ NỘI VỤ"},
        {"UBND M\xfc Xuy\xaan", "UBND Mỹ Xuyên"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *got = decode(cases[i].in, strlen(cases[i].in), VN_ENC_TCVN3, NULL);
        if (strcmp(got, cases[i].want) != 0)
            fail_msg("TCVN3 %s: got %s, want %s", cases[i].in, got, cases[i].want);
        free(got);
    }
}

/* --from auto on a short legacy text that two tables read equally well
 * ("Hà Nội" in VISCII is "Hà Nài" in TCVN3) warns instead of choosing in
 * silence; a capital after a small first letter ("tƠ") is no syllable, so
 * TCVN3 "Bé Y tÕ" is "Bộ Y tế", not CP1258's "Bé Y tƠ". */
static void auto_ties_warn(void **state)
{
    (void)state;
    static const struct { const char *in, *want; bool warns; } cases[] = {
        {"H\xe0 N\xb5i\n", NULL, true},
        {"B\xe9 Y t\xd5\n", "Bộ Y tế\n", true}, /* VISCII: "Bé Y tạ" */
        {"C\xe9ng h\xdf" "a x\xb7 h\xe9i ch\xf1 ngh\xdc" "a Vi\xd6t Nam\n", "Cộng hòa xã hội chủ nghĩa Việt Nam\n", false},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *out, *msg;
        assert_true(decode_caught(cases[i].in, strlen(cases[i].in), VN_ENC_AUTO, NULL, &out, &msg, NULL));
        if (cases[i].want && strcmp(out, cases[i].want) != 0)
            fail_msg("case %zu: got %s", i, out);
        if ((strstr(msg, "không chắc bảng mã") != NULL) != cases[i].warns)
            fail_msg("case %zu: warning expected %d, got: %s", i, cases[i].warns, msg);
        free(msg);
        free(out);
    }
}

static void encoding_names(void **state)
{
    (void)state;
    vn_encoding e;
    assert_true(vn_encoding_parse("TCVN3", &e));
    assert_int_equal(e, VN_ENC_TCVN3);
    assert_true(vn_encoding_parse("windows-1258", &e));
    assert_int_equal(e, VN_ENC_CP1258);
    assert_false(vn_encoding_parse("latin9", &e));
    assert_string_equal(vn_encoding_name(VN_ENC_VNI), "vni");
}

/* Mixed files (issue 3 §2): in XML each text node is judged on its own, so a
 * name pasted as mojibake is repaired beside clean Unicode on the same line,
 * and the clean node is left exactly as it was. */
static void mixed_xml_repaired_per_node(void **state)
{
    (void)state;
    const char *in = "<r><a>Sở Tư pháp</a><b>UBND huy\xC3\x96n K\xC3\x95 S\xC2\xB8" "ch</b></r>\n";
    vn_decode_info info;
    char *s = decode(in, strlen(in), VN_ENC_AUTO, &info);
    assert_string_equal(s, "<r><a>Sở Tư pháp</a><b>UBND huyện Kế Sách</b></r>\n");
    assert_int_equal(info.repaired_lines, 1);
    free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_letter_through_iconv_encodings),
        cmocka_unit_test(every_letter_through_tcvn3_and_vni),
        cmocka_unit_test(every_letter_through_viqr),
        cmocka_unit_test(legacy_table_on_utf8_is_refused),
        cmocka_unit_test(utf16_ascii_without_bom),
        cmocka_unit_test(viscii_is_not_damaged_utf8),
        cmocka_unit_test(tcvn3_capitals_from_neighbours),
        cmocka_unit_test(auto_ties_warn),
        cmocka_unit_test(reference_sentences_round_trip),
        cmocka_unit_test(mojibake_literals_are_repaired),
        cmocka_unit_test(mojibake_of_reference_lines),
        cmocka_unit_test(auto_keeps_valid_unicode),
        cmocka_unit_test(bom_is_dropped_and_nfc_made),
        cmocka_unit_test(mixed_xml_repaired_per_node),
        cmocka_unit_test(view_keeps_clean_text_in_place),
        cmocka_unit_test(invalid_byte_reports_line_and_column),
        cmocka_unit_test(encoding_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
