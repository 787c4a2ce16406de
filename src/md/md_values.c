/* Values a template puts into its Markdown, kept out of cmark's sight.
 *
 * Escaping data with backslashes only works where CommonMark reads
 * backslashes: in a code span, a code block or an autolink they are
 * literal, so "a*b" printed as "a\*b", and a backtick in the data still
 * closed the span. A placeholder of two noncharacters around a number has
 * no Markdown meaning anywhere, and the parser puts the value back into
 * whatever the placeholder landed in, as plain text. */
#include "md.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

void md_values_free(md_values *vals)
{
    for (size_t i = 0; i < vals->n; i++)
        free(vals->v[i]);
    free(vals->v);
    free(vals->kept);
    free(vals->slot);
    memset(vals, 0, sizeof *vals);
}

static uint64_t hash(const char *s, size_t len)
{
    uint64_t h = 1469598103934665603ULL; /* FNV-1a */
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
    return h;
}

/* The slot of `s` (a name or not) in the table: where it is, or the empty
 * one where it would go. */
static size_t *find_slot(const md_values *vals, const char *s, size_t len, bool kept)
{
    size_t mask = vals->n_slot - 1;
    for (size_t k = (hash(s, len) + kept) & mask;; k = (k + 1) & mask) {
        size_t *slot = &vals->slot[k];
        if (*slot == 0)
            return slot;
        const char *v = vals->v[*slot - 1];
        if (strncmp(v, s, len) == 0 && v[len] == '\0' && vals->kept[*slot - 1] == kept)
            return slot;
    }
}

static void rehash(md_values *vals)
{
    free(vals->slot);
    vals->n_slot = vals->n_slot ? vals->n_slot * 2 : 64;
    vals->slot = vb_xcalloc(vals->n_slot, sizeof *vals->slot);
    for (size_t i = 0; i < vals->n; i++)
        *find_slot(vals, vals->v[i], strlen(vals->v[i]), vals->kept[i]) = i + 1;
}

void md_values_put(md_values *vals, vb_buf *out, const char *s, size_t len)
{
    md_values_put_kept(vals, out, s, len, false);
}

void md_values_put_kept(md_values *vals, vb_buf *out, const char *s, size_t len, bool kept)
{
    /* One placeholder per distinct value: a footnote label or a link
     * reference written with the same value twice still matches itself.
     * A name and the same text that is not one are two values: only the
     * name keeps its tone marks. */
    if (2 * (vals->n + 1) > vals->n_slot)
        rehash(vals);
    size_t *slot = find_slot(vals, s, len, kept);
    if (*slot == 0) {
        size_t n = vals->n;
        VB_PUSH(vals->kept, n, vals->kept_cap, kept);
        VB_PUSH(vals->v, vals->n, vals->cap, vb_xstrndup(s, len));
        *slot = vals->n;
    }
    vb_buf_puts(out, MD_VALUE_OPEN);
    char num[24];
    size_t k = sizeof num, i = *slot - 1;
    do {
        num[--k] = (char)('0' + i % 10);
        i /= 10;
    } while (i);
    vb_buf_append(out, num + k, sizeof num - k);
    vb_buf_puts(out, MD_VALUE_CLOSE);
}

/* The value of the placeholder starting at s (after MD_VALUE_OPEN has been
 * seen there), and its length in *used; NULL when it is not one. */
static const char *placeholder(const md_values *vals, const char *s, size_t len, size_t *used,
                               size_t *number)
{
    size_t open = strlen(MD_VALUE_OPEN), close = strlen(MD_VALUE_CLOSE);
    size_t i = open, index = 0;
    while (i < len && s[i] >= '0' && s[i] <= '9' && i - open < 19)
        index = index * 10 + (size_t)(s[i++] - '0');
    if (i == open || len - i < close || memcmp(s + i, MD_VALUE_CLOSE, close) != 0 ||
        index >= vals->n)
        return NULL;
    *used = i + close;
    *number = index;
    return vals->v[index];
}

bool md_values_resolve(const md_values *vals, const char *s, size_t len, vb_buf *out)
{
    return md_values_resolve_kept(vals, s, len, out, NULL);
}

bool md_values_resolve_kept(const md_values *vals, const char *s, size_t len, vb_buf *out,
                            md_kept *kept)
{
    size_t open = strlen(MD_VALUE_OPEN);
    bool any = false;
    size_t from = 0;
    for (size_t i = 0; vals && vals->n && i + open <= len;) {
        const char *p = memchr(s + i, MD_VALUE_OPEN[0], len - i);
        if (!p || (size_t)(p - s) + open > len)
            break;
        i = (size_t)(p - s);
        size_t used, number;
        const char *v = memcmp(p, MD_VALUE_OPEN, open) == 0
                            ? placeholder(vals, p, len - i, &used, &number)
                            : NULL;
        if (!v) {
            i++;
            continue;
        }
        vb_buf_append(out, s + from, i - from);
        size_t at = out->len;
        vb_buf_puts(out, v);
        if (kept && vals->kept[number] && out->len > at) {
            VB_PUSH(kept->at, kept->n, kept->cap, at);
            VB_PUSH(kept->at, kept->n, kept->cap, out->len);
        }
        i += used;
        from = i;
        any = true;
    }
    vb_buf_append(out, s + from, len - from);
    return any;
}
