/* How a value from the data is written into the expansion.
 *
 * In a Markdown body it must print exactly as it is: a unit named
 * "Sở *Y tế* | 2 [x](y)" is neither emphasis, nor a second table cell, nor
 * a link, and "a*b_[c]|\`" in a code span is those seven characters.
 * Backslash escapes could not promise that (they are literal inside a code
 * span, and a backtick in the data closed it), so the value goes to the
 * Markdown parser beside the text, as a placeholder it puts back after
 * parsing (md_values). Line breaks in the data become spaces, in the body
 * as in a front-matter field: the frame sets fields as plain text where a
 * line break is the template's own ("\n" in trich_yeu). A person's name
 * goes in as a value of its own, marked as one, so that the document's tone
 * style passes it by (docs/tone-marks.md). */
#include "expand_internal.h"

#include <stdlib.h>
#include <string.h>

void put_one_line(vb_buf *out, const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        vb_buf_putc(out, s[i] == '\n' || s[i] == '\r' || s[i] == '\t' ? ' ' : s[i]);
}

void put_markdown_value(md_values *vals, vb_buf *out, const char *s, size_t len,
                        const size_t *kept, size_t n_kept)
{
    vb_buf line;
    vb_buf_init(&line);
    put_one_line(&line, s, len);
    /* Nothing to print ("| default:''"): nothing written, so that a line
     * holding only that stays a blank line, and a body only that is empty. */
    size_t blank = 0;
    while (blank < line.len && line.data[blank] == ' ')
        blank++;
    if (blank == line.len) {
        vb_buf_append(out, line.data ? line.data : "", line.len);
    } else {
        /* A name in the value is a value of its own, kept as written; the
         * pieces stand together as one word of placeholders, as the one
         * value did. */
        size_t from = 0;
        for (size_t k = 0; k <= n_kept; k += 2) {
            size_t to = k < n_kept ? kept[k] : line.len;
            if (to > from)
                md_values_put(vals, out, line.data + from, to - from);
            if (k < n_kept) {
                md_values_put_kept(vals, out, line.data + kept[k], kept[k + 1] - kept[k], true);
                from = kept[k + 1];
            }
        }
    }
    vb_buf_free(&line);
}

void put_markdown_text(md_values *vals, vb_buf *out, const char *s, size_t len)
{
    /* Text that is Markdown (the template's own, or a {{{raw}}} value)
     * holding the placeholder's opening character itself would be read
     * back as a placeholder, a value printed where the text stood. The
     * character goes in as a value of its own: it comes back as itself,
     * and the font check reports it as any character it cannot print. */
    size_t open = strlen(MD_VALUE_OPEN), from = 0;
    for (size_t i = 0; i + open <= len; i++)
        if (memcmp(s + i, MD_VALUE_OPEN, open) == 0) {
            vb_buf_append(out, s + from, i - from);
            md_values_put(vals, out, MD_VALUE_OPEN, open);
            i += open - 1;
            from = i + 1;
        }
    vb_buf_append(out, s + from, len - from);
}
