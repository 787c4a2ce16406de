/* Upper, lower and title case. The case mapping of each code point is
 * utf8proc's (it covers every Vietnamese letter, đ/Đ included); the result is
 * put back in NFC, so decomposed input ("a" + U+0301) comes out precomposed. */
#include "vn_internal.h"

#include <utf8proc.h>

enum vn_case { CASE_UPPER, CASE_LOWER, CASE_TITLE };

static bool is_mark(uint32_t cp)
{
    utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)cp);
    return c == UTF8PROC_CATEGORY_MN || c == UTF8PROC_CATEGORY_MC || c == UTF8PROC_CATEGORY_ME;
}

/* Letters and digits make up a word; combining marks stay in the word of the
 * letter they sit on. */
static bool is_word(uint32_t cp)
{
    utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)cp);
    return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
           (c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO);
}

static void map_case(vb_buf *out, const char *s, size_t len, enum vn_case how)
{
    vb_buf mapped;
    vb_buf_init(&mapped);
    vn_buf_reserve(&mapped, len);
    bool in_word = false;
    size_t i = 0;
    while (i < len) {
        uint32_t cp;
        size_t n = vb_utf8_decode(s + i, len - i, &cp);
        if (n == 0) {
            cp = 0xFFFD;
            n = 1;
        }
        i += n;
        utf8proc_int32_t c = (utf8proc_int32_t)cp;
        if (how == CASE_UPPER) {
            c = utf8proc_toupper(c);
        } else if (how == CASE_LOWER) {
            c = utf8proc_tolower(c);
        } else if (is_mark(cp)) {
            /* a mark neither starts nor ends a word */
        } else {
            c = in_word ? utf8proc_tolower(c) : utf8proc_totitle(c);
            in_word = is_word(cp);
        }
        vb_buf_put_cp(&mapped, (uint32_t)c);
    }
    vn_nfc_append(out, mapped.data ? mapped.data : "", mapped.len);
    vb_buf_free(&mapped);
}

void vn_upper(vb_buf *out, const char *s, size_t len)
{
    map_case(out, s, len, CASE_UPPER);
}

void vn_lower(vb_buf *out, const char *s, size_t len)
{
    map_case(out, s, len, CASE_LOWER);
}

void vn_title(vb_buf *out, const char *s, size_t len)
{
    map_case(out, s, len, CASE_TITLE);
}
