/* The text of a file a clerk edits (a template, a partial): what Windows
 * editors save is read as what it is. Notepad's "Unicode" is UTF-16 with a
 * byte-order mark; its "UTF-8" (before Windows 10 1903) starts with a UTF-8
 * byte-order mark, which would otherwise reach the document as U+FEFF.
 * Anything else must be UTF-8: a byte that is not is reported at its own
 * file, line and column, not where the text ends up. */
#include "vn.h"

#include <stdlib.h>
#include <string.h>

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
        return utf8.data ? vb_buf_take(&utf8) : vb_xstrdup("");
    }
    if (*len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
        memmove(bytes, bytes + 3, *len - 3 + 1); /* with the terminating NUL */
        *len -= 3;
    }
    size_t bad;
    if (!vb_utf8_valid(bytes, *len, &bad)) {
        int line, col;
        vb_text_position(bytes, bad, &line, &col);
        vb_error(d, path, line, col,
                 "byte 0x%02X không hợp lệ trong UTF-8; hãy chuyển tệp sang UTF-8 (vanban normalize)",
                 (unsigned char)bytes[bad]);
        free(bytes);
        return NULL;
    }
    return bytes;
}
