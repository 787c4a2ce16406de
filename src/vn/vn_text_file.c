/* The text of a file a clerk edits (a template, a partial): what Windows
 * editors save is read as what it is. Notepad's "Unicode" is UTF-16 with a
 * byte-order mark; its "UTF-8" (before Windows 10 1903) starts with a UTF-8
 * byte-order mark, which would otherwise reach the document as U+FEFF.
 * Anything else must be UTF-8: a byte that is not is reported at its own
 * file, line and column, not where the text ends up. */
#include "vn.h"

#include <stdlib.h>
#include <string.h>

/* A NUL byte: never in a text a clerk typed (a damaged file, two files
 * joined). It cut a tag's expression short, or reached the font as U+FFFD
 * with no place; here it is one message at its line and column. */
static char *refuse_nul(char *text, size_t len, const char *path, vb_diag *d)
{
    const char *nul = memchr(text, '\0', len);
    if (!nul)
        return text;
    int line, col;
    vb_text_position(text, (size_t)(nul - text), &line, &col); /* no NUL before it */
    vb_error(d, path, line, col,
             "tệp có ký tự NUL (byte 0x00) ở đây, thường do tệp bị hỏng; hãy xóa ký tự đó");
    free(text);
    return NULL;
}

/* Classic Mac OS line ends (a lone CR), as some exporters still write:
 * the front-matter fences and every line and column counted on LF. A CR
 * byte is never inside a UTF-8 sequence, so this is safe before the UTF-8
 * check and keeps its positions right. CRLF is left as it is. */
static void lone_cr_to_lf(char *text, size_t len)
{
    for (char *cr = memchr(text, '\r', len); cr; cr = memchr(cr, '\r', len - (size_t)(cr - text))) {
        size_t left = len - (size_t)(cr - text);
        if (left >= 3 && cr[1] == '\r' && cr[2] == '\n')
            *cr = ' '; /* CR CR LF, from converting CRLF twice: one line end */
        else if (left < 2 || cr[1] != '\n')
            *cr = '\n';
        cr++;
    }
}

char *vn_text_file_decode(char *bytes, size_t *len, const char *path, vb_diag *d)
{
    const unsigned char *u = (const unsigned char *)bytes;
    if (*len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
        vb_buf utf8;
        vb_buf_init(&utf8);
        bool decoded = vn_decode(bytes, *len, VN_ENC_UTF16, path, d, &utf8, NULL);
        free(bytes);
        if (!decoded) {
            vb_buf_free(&utf8);
            return NULL;
        }
        *len = utf8.len;
        if (utf8.data)
            lone_cr_to_lf(utf8.data, utf8.len);
        return refuse_nul(utf8.data ? vb_buf_take(&utf8) : vb_xstrdup(""), *len, path, d);
    }
    if (*len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
        memmove(bytes, bytes + 3, *len - 3 + 1); /* with the terminating NUL */
        *len -= 3;
    }
    lone_cr_to_lf(bytes, *len);
    size_t bad;
    const char *nul = memchr(bytes, '\0', *len);
    /* the first problem in the file: a NUL before a bad byte is named first
     * (a position is counted up to the first NUL only) */
    if (!vb_utf8_valid(bytes, *len, &bad) && !(nul && (size_t)(nul - bytes) < bad)) {
        int line, col;
        vb_text_position(bytes, bad, &line, &col);
        vb_error(d, path, line, col,
                 "byte 0x%02X không hợp lệ trong UTF-8; hãy chuyển tệp sang UTF-8 (vanban normalize)",
                 (unsigned char)bytes[bad]);
        free(bytes);
        return NULL;
    }
    return refuse_nul(bytes, *len, path, d);
}
