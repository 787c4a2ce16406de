/* Letters split into shaped base + tone + case, and joined back. Decomposition
 * and composition are utf8proc's; this file only names the Vietnamese parts. */
#include "vn_internal.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* Combining marks, in VN_T_* order. */
static const uint32_t tone_marks[] = {0, 0x0301, 0x0300, 0x0309, 0x0303, 0x0323};

static int tone_of_mark(uint32_t m)
{
    for (int t = VN_T_SAC; t <= VN_T_NANG; t++)
        if (tone_marks[t] == m)
            return t;
    return -1;
}

/* a+breve → ă etc.: the shaped letters Vietnamese has; 0 if none. */
static uint32_t shape(uint32_t base, uint32_t mark)
{
    switch (mark) {
    case 0x0306: return base == 'a' ? 0x0103 : 0;
    case 0x0302:
        return base == 'a' ? 0x00E2 : base == 'e' ? 0x00EA : base == 'o' ? 0x00F4 : 0;
    case 0x031B: return base == 'o' ? 0x01A1 : base == 'u' ? 0x01B0 : 0;
    default: return 0;
    }
}

bool vn_is_vowel_base(uint32_t b)
{
    switch (b) {
    case 'a': case 0x0103: case 0x00E2: case 'e': case 0x00EA: case 'i':
    case 'o': case 0x00F4: case 0x01A1: case 'u': case 0x01B0: case 'y':
        return true;
    default:
        return false;
    }
}

bool vn_letter_split(uint32_t cp, vn_letter *out)
{
    if (cp < 0x80) {
        if ((cp | 0x20) < 'a' || (cp | 0x20) > 'z')
            return false;
        out->base = cp | 0x20;
        out->tone = VN_T_NONE;
        out->upper = cp < 'a';
        return true;
    }
    const utf8proc_property_t *p = utf8proc_get_property((utf8proc_int32_t)cp);
    if (p->category != UTF8PROC_CATEGORY_LU && p->category != UTF8PROC_CATEGORY_LL &&
        p->category != UTF8PROC_CATEGORY_LT)
        return false;
    utf8proc_int32_t d[8];
    int last = 0;
    utf8proc_ssize_t n = utf8proc_decompose_char((utf8proc_int32_t)cp, d, 8,
                                                 UTF8PROC_DECOMPOSE, &last);
    if (n < 1 || n > 8)
        return false;
    uint32_t lower = (uint32_t)utf8proc_tolower(d[0]);
    out->upper = lower != (uint32_t)d[0];
    out->base = lower;
    out->tone = VN_T_NONE;
    for (utf8proc_ssize_t i = 1; i < n; i++) {
        int t = tone_of_mark((uint32_t)d[i]);
        uint32_t s;
        if (t > 0 && out->tone == VN_T_NONE)
            out->tone = t;
        else if ((s = shape(out->base, (uint32_t)d[i])) != 0 && out->base < 0x80)
            out->base = s;
        else
            out->tone = VN_T_BAD;
    }
    return true;
}

uint32_t vn_letter_join(uint32_t base, int tone, bool upper)
{
    /* Through a full NFC (decompose, order, compose): "Â" + dot below is
     * "Ậ" only after Â is split into A + circumflex. */
    vb_buf b;
    vb_buf_init(&b);
    vb_buf_put_cp(&b, upper ? (uint32_t)utf8proc_toupper((utf8proc_int32_t)base) : base);
    if (tone > VN_T_NONE && tone < VN_T_BAD)
        vb_buf_put_cp(&b, tone_marks[tone]);
    utf8proc_uint8_t *nfc = NULL;
    uint32_t cp = base;
    if (utf8proc_map((const utf8proc_uint8_t *)b.data, (utf8proc_ssize_t)b.len, &nfc,
                     UTF8PROC_STABLE | UTF8PROC_COMPOSE) > 0)
        vb_utf8_decode((const char *)nfc, strlen((const char *)nfc), &cp);
    free(nfc);
    vb_buf_free(&b);
    return cp;
}
