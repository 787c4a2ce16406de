/* Vietnamese syllable structure: initial consonant + vowel nucleus (with its
 * glides) + final, one tone. Used to decide which reading of legacy bytes is
 * Vietnamese and where tone marks may move. Sources: docs/tone-marks.md. */
#include "vn_internal.h"

#include <string.h>

#define MAX_LETTERS 8

/* Letters as one byte each so that the rules below read as strings:
 * ă→'1' â→'2' ê→'3' ô→'4' ơ→'5' ư→'6' đ→'7'; ASCII letters as themselves. */
static char code(uint32_t base)
{
    switch (base) {
    case 0x0103: return '1';
    case 0x00E2: return '2';
    case 0x00EA: return '3';
    case 0x00F4: return '4';
    case 0x01A1: return '5';
    case 0x01B0: return '6';
    case 0x0111: return '7';
    default: return base >= 'a' && base <= 'z' ? (char)base : 0;
    }
}

static bool vowel(char c)
{
    return strchr("aeiouy123456", c) != NULL;
}

static const char *const initials[] = {
    "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
    "b", "c", "d", "7", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
};

static const char *const finals[] = {"", "c", "ch", "m", "n", "ng", "nh", "p", "t"};

/* Nuclei and whether they need a final (+), forbid one (-) or allow both (=). */
static const char *const nuclei[] = {
    "=a", "+1", "+2", "=e", "=3", "=i", "=o", "=4", "=5", "=u", "=6", "=y",
    "-ai", "-ao", "-au", "-ay", "-2u", "-2y", "-eo", "-3u", "-ia", "+i3", "-iu",
    "=oa", "+o1", "=oe", "-oi", "+oo", "-4i", "-5i", "-ua", "+u2", "=u3", "-ui",
    "+u4", "-u5", "=uy", "-6a", "-6i", "+65", "-6u", "+y3",
    "-i3u", "-oai", "-oao", "-oay", "-oeo", "-u2y", "-u4i", "-uya", "+uy3", "-uyu",
    "-65i", "-65u", "-y3u",
};

static bool rest_valid(const char *v, size_t nv, const char *f, int tone)
{
    bool final_ok = false;
    for (size_t i = 0; i < sizeof finals / sizeof finals[0]; i++)
        if (strcmp(f, finals[i]) == 0)
            final_ok = true;
    if (!final_ok || nv == 0)
        return false;
    bool stop = strcmp(f, "c") == 0 || strcmp(f, "ch") == 0 || strcmp(f, "p") == 0 ||
                strcmp(f, "t") == 0;
    if (stop && tone != VN_T_SAC && tone != VN_T_NANG)
        return false;
    /* ch and nh close only a, ê, i, y (anh, ếch, inh, uynh). */
    if ((strcmp(f, "ch") == 0 || strcmp(f, "nh") == 0) && !strchr("a3iy", v[nv - 1]))
        return false;
    for (size_t i = 0; i < sizeof nuclei / sizeof nuclei[0]; i++) {
        const char *n = nuclei[i];
        if (strlen(n + 1) != nv || memcmp(n + 1, v, nv) != 0)
            continue;
        if (n[0] == '+' && !*f)
            return false;
        if (n[0] == '-' && *f)
            return false;
        return true;
    }
    return false;
}

bool vn_syllable_valid(const uint32_t *cps, size_t n)
{
    if (n == 0 || n > MAX_LETTERS)
        return false;
    char w[MAX_LETTERS + 1];
    int tone = VN_T_NONE;
    size_t uppers = 0; /* capitals after the first letter */
    bool first_upper = false;
    for (size_t i = 0; i < n; i++) {
        vn_letter l;
        if (!vn_letter_split(cps[i], &l) || (w[i] = code(l.base)) == 0)
            return false;
        if (l.tone != VN_T_NONE) {
            if (tone != VN_T_NONE || l.tone == VN_T_BAD || !vowel(w[i]))
                return false;
            tone = l.tone;
        }
        uppers += l.upper && i > 0;
        first_upper |= l.upper && i == 0;
    }
    /* Vietnamese is written "hòa", "Hòa" or "HÒA", never "HòA", "hÒa" or
     * "tƠ" (a capital after a small first letter: TCVN3 "tÕ" read as
     * CP1258 scored as a syllable, and won a tie over "tế"). */
    if (uppers != 0 && (uppers != n - 1 || !first_upper))
        return false;
    w[n] = 0;
    for (size_t k = 0; k < sizeof initials / sizeof initials[0]; k++) {
        size_t il = strlen(initials[k]);
        if (strncmp(w, initials[k], il) != 0)
            continue;
        if (il == 2 && w[0] == 'q' && n == 2)
            continue;
        const char *v = w + il;
        size_t nv = 0;
        while (v[nv] && vowel(v[nv]))
            nv++;
        if (rest_valid(v, nv, v + nv, tone))
            return true;
    }
    return false;
}

bool vn_syllable_valid_utf8(const char *s, size_t len)
{
    uint32_t cps[MAX_LETTERS];
    size_t n = 0, i = 0;
    while (i < len) {
        uint32_t cp;
        size_t k = vb_utf8_decode(s + i, len - i, &cp);
        if (k == 0 || n == MAX_LETTERS)
            return false;
        cps[n++] = cp;
        i += k;
    }
    return vn_syllable_valid(cps, n);
}
