/* Numbers in words as they are read aloud (docs/vietnamese-conventions.md,
 * "Numbers in words"): the northern standard used in official and financial
 * documents — "nghìn" (not "ngàn"), "linh" (not "lẻ") for a zero ten, "tỷ",
 * "mười" for ten and "mươi" for other tens, "mốt" for a one after "mươi",
 * "tư" for a four after "mươi" (but "mười bốn"), "lăm" for a five after
 * "mười"/"mươi" (but "linh năm"). A group of three digits that follows a
 * larger one is read in full ("một nghìn không trăm linh năm"); groups that
 * are all zeros are not read ("hai tỷ năm trăm triệu"). */
#include "vn_internal.h"

#define BILLION 1000000000ULL
#define LIMIT 1000000000000000000ULL /* 10^18, "một tỷ tỷ" */

static const char *const digit_words[] = {
    "không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín",
};

static void word(vb_buf *out, const char *w)
{
    if (out->len > 0 && out->data[out->len - 1] != ' ')
        vb_buf_putc(out, ' ');
    vb_buf_puts(out, w);
}

/* 1..999; `full` reads the hundreds even when zero ("không trăm linh năm"). */
static void say_group(vb_buf *out, unsigned g, bool full)
{
    unsigned h = g / 100, t = g / 10 % 10, u = g % 10;
    if (full || h > 0) {
        word(out, digit_words[h]);
        word(out, "trăm");
    }
    if (t == 0) {
        if (u == 0)
            return;
        if (full || h > 0)
            word(out, "linh");
        word(out, digit_words[u]);
    } else if (t == 1) {
        word(out, "mười");
        if (u != 0)
            word(out, u == 5 ? "lăm" : digit_words[u]);
    } else {
        word(out, digit_words[t]);
        word(out, "mươi");
        if (u != 0)
            word(out, u == 1 ? "mốt" : u == 4 ? "tư" : u == 5 ? "lăm" : digit_words[u]);
    }
}

/* 1..999,999,999 as triệu, nghìn and units groups. */
static void say_millions(vb_buf *out, unsigned long long n, bool full)
{
    static const char *const units[] = {"triệu", "nghìn", NULL};
    unsigned groups[] = {(unsigned)(n / 1000000), (unsigned)(n / 1000 % 1000),
                         (unsigned)(n % 1000)};
    for (int i = 0; i < 3; i++) {
        if (groups[i] == 0)
            continue;
        say_group(out, groups[i], full);
        if (units[i])
            word(out, units[i]);
        full = true;
    }
}

/* n > 0: above a billion, the count of billions is itself a number
 * ("một nghìn tỷ", "một tỷ tỷ"). */
static void say(vb_buf *out, unsigned long long n, bool full)
{
    if (n >= BILLION) {
        say(out, n / BILLION, full);
        word(out, "tỷ");
        if (n % BILLION != 0)
            say_millions(out, n % BILLION, true);
    } else {
        say_millions(out, n, full);
    }
}

bool vn_number_words(vb_buf *out, long long n)
{
    if (n > (long long)LIMIT || n < -(long long)LIMIT)
        return false;
    vb_buf w;
    vb_buf_init(&w);
    if (n < 0)
        vb_buf_puts(&w, "âm");
    unsigned long long m = n < 0 ? (unsigned long long)-n : (unsigned long long)n;
    if (m == 0)
        word(&w, "không");
    else
        say(&w, m, false);
    vb_buf_append(out, w.data, w.len);
    vb_buf_free(&w);
    return true;
}
