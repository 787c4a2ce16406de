/* Data as literal Markdown: a unit named "Sở *Y tế* | 2 [x](y)" must print
 * exactly that, in a paragraph and in a table cell. CommonMark lets a
 * backslash escape any ASCII punctuation, so every one is escaped (GFM also
 * honours "\|" inside table cells); line breaks in the data become spaces,
 * since a new line could start a list, a heading or a table row. */
#include "expand_internal.h"

#include <string.h>

void escape_markdown(vb_buf *out, const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\n' || c == '\r' || c == '\t') {
            vb_buf_putc(out, ' ');
        } else if (c < 0x80 && strchr("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", c) && c) {
            /* These are never Markdown syntax; "." is ("1. " starts a list),
             * so it is escaped with the rest. */
            if (strchr(",;?'\"/:@%$^", c))
                vb_buf_putc(out, (char)c);
            else {
                vb_buf_putc(out, '\\');
                vb_buf_putc(out, (char)c);
            }
        } else {
            vb_buf_putc(out, (char)c);
        }
    }
}

/* Data in a front-matter field: the frame sets fields as plain text where
 * a line break is the template's own ("\n" in trich_yeu), so breaks in the
 * data become spaces there too, as they do in the body. */
void put_one_line(vb_buf *out, const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        vb_buf_putc(out, s[i] == '\n' || s[i] == '\r' || s[i] == '\t' ? ' ' : s[i]);
}
