/* Cleanup of one line: invisible characters out, one space between words,
 * none before , . ; : ! ?, one after them where a word follows (not inside
 * a web or e-mail address, nor in a line of a CSV or TSV file, whose
 * separators and tabs are data). Quotes are
 * left as written; a lone no-break space between two words is kept ("Số: 56",
 * "83,64 điểm" typed on purpose); leading indentation is kept (Markdown);
 * trailing spaces go; {{ template tags }} are copied as they are. */
#include "vn_internal.h"

#include <utf8proc.h>

static bool zero_width(uint32_t c)
{
    return c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF ||
           c == 0x00AD;
}

/* U+2028 and U+2029 (line and paragraph separators, from Word or a web
 * page) count as spaces: no font draws them, and a reader sees a break. */
static bool space_like(uint32_t c)
{
    return c == ' ' || c == '\t' || c == 0x00A0 || c == 0x202F || (c >= 0x2000 && c <= 0x200A) ||
           c == 0x205F || c == 0x3000 || c == 0x2028 || c == 0x2029;
}

static bool closing_punct(uint32_t c)
{
    return c == ',' || c == '.' || c == ';' || c == ':' || c == '!' || c == '?';
}

static bool letter(uint32_t c)
{
    if (c < 0x80)
        return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    utf8proc_category_t k = utf8proc_category((utf8proc_int32_t)c);
    return k >= UTF8PROC_CATEGORY_LU && k <= UTF8PROC_CATEGORY_LO;
}

static bool upper(uint32_t c)
{
    return c < 0x80 ? (c >= 'A' && c <= 'Z')
                    : utf8proc_category((utf8proc_int32_t)c) == UTF8PROC_CATEGORY_LU;
}

static bool lower(uint32_t c)
{
    return c < 0x80 ? (c >= 'a' && c <= 'z')
                    : utf8proc_category((utf8proc_int32_t)c) == UTF8PROC_CATEGORY_LL;
}

/* Whether a space belongs after the punctuation at cps[i]. Conservative:
 * "83,64", "10.000", "8:30", "TP.HCM", "www.a.vn", "http://" stay as they are. */
static bool space_after(uint32_t p2, uint32_t p1, const uint32_t *c, size_t n, size_t i)
{
    if (i + 1 >= n || !letter(p1) || !letter(c[i + 1]))
        return false;
    if (c[i] != '.')
        return true;
    /* A full stop glued to the next sentence: "đây.Tiếp" but not "TP.HCM". */
    return lower(p1) && letter(p2) && upper(c[i + 1]) && i + 2 < n && lower(c[i + 2]);
}

/* The run of characters without spaces around c[i], [*a, *b), and whether
 * it is an address: it holds "://" or "@", or starts with "www.". Its
 * punctuation is part of it ("https://dvc.gov.vn/p?x=1,2",
 * "sonv@soctrang.gov.vn"): no space goes after a "?" or "," there. */
static bool address_run(const uint32_t *c, size_t n, size_t i, size_t *a, size_t *b)
{
    size_t s = i, e = i;
    while (s > 0 && !space_like(c[s - 1]))
        s--;
    while (e < n && !space_like(c[e]))
        e++;
    *a = s;
    *b = e;
    if (e - s >= 4 && (c[s] | 0x20) == 'w' && (c[s + 1] | 0x20) == 'w' &&
        (c[s + 2] | 0x20) == 'w' && c[s + 3] == '.')
        return true;
    for (size_t k = s; k < e; k++)
        if (c[k] == '@' || (c[k] == ':' && k + 2 < e && c[k + 1] == '/' && c[k + 2] == '/'))
            return true;
    return false;
}

void vn_cleanup_line(const uint32_t *c, size_t n, bool table, vb_buf *out)
{
    size_t i = 0, run_a = 0, run_b = 0; /* the last run address_run judged */
    bool run_addr = false;
    uint32_t p2 = 0, p1 = 0; /* the last two characters written after the indentation */
    /* leading indentation */
    while (i < n && (space_like(c[i]) || zero_width(c[i]))) {
        if (!zero_width(c[i]))
            vb_buf_put_cp(out, c[i]);
        i++;
    }
    while (i < n) {
        if (c[i] == '{' && i + 1 < n && c[i + 1] == '{') {
            size_t j = i + 2;
            while (j + 1 < n && !(c[j] == '}' && c[j + 1] == '}'))
                j++;
            size_t end = j + 1 < n ? j + 2 : n;
            for (; i < end; i++)
                vb_buf_put_cp(out, c[i]);
            p2 = p1 = 'a'; /* a tag stands for a word */
            continue;
        }
        if (zero_width(c[i])) {
            i++;
            continue;
        }
        if (table && c[i] == '\t') { /* a field separator */
            vb_buf_putc(out, '\t');
            p2 = p1;
            p1 = '\t';
            i++;
            continue;
        }
        if (space_like(c[i])) {
            size_t j = i, count = 0;
            uint32_t only = c[i];
            while (j < n && (space_like(c[j]) || zero_width(c[j])) && !(table && c[j] == '\t')) {
                if (space_like(c[j])) {
                    count++;
                    only = c[j];
                }
                j++;
            }
            if (j < n && (table || !closing_punct(c[j])) && !(table && c[j] == '\t')) {
                bool keep_nbsp = count == 1 && (only == 0x00A0 || only == 0x202F);
                vb_buf_put_cp(out, keep_nbsp ? only : ' ');
                p2 = p1;
                p1 = ' ';
            }
            i = j; /* trailing spaces and spaces before punctuation vanish */
            continue;
        }
        vb_buf_put_cp(out, c[i]);
        /* each run is judged once: a long line without spaces ("a,a,a,…")
         * was rescanned at every comma */
        if (!table && closing_punct(c[i]) && i >= run_b)
            run_addr = address_run(c, n, i, &run_a, &run_b);
        if (!table && closing_punct(c[i]) && space_after(p2, p1, c, n, i) &&
            !(run_addr && i >= run_a && i < run_b)) {
            vb_buf_putc(out, ' ');
            p2 = c[i];
            p1 = ' ';
        } else {
            p2 = p1;
            p1 = c[i];
        }
        i++;
    }
}
