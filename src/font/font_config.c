/* Role → family configuration (fonts/vanban-fonts.conf). */
#include "font.h"

#include <stdlib.h>
#include <string.h>

static const char *trim(char *s, char **end)
{
    while (*s == ' ' || *s == '\t')
        s++;
    char *e = s + strlen(s);
    while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r' || e[-1] == '\n'))
        e--;
    *e = '\0';
    if (end)
        *end = e;
    return s;
}

bool font_config_load(font_config *cfg, vb_arena *strings, const char *path, vb_diag *d)
{
    size_t len;
    char *text = vb_read_file(d, path, &len);
    if (!text)
        return false;
    bool ok = true;
    int lineno = 0;
    char *line = text;
    while (line && *line) {
        lineno++;
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = '\0';
        char *hash = strchr(line, '#');
        if (hash)
            *hash = '\0';
        const char *s = trim(line, NULL);
        if (*s) {
            char *eq = strchr(s, '=');
            if (!eq) {
                vb_error(d, path, lineno, 0, "dòng cấu hình phông phải có dạng \"vai = Họ phông\"");
                ok = false;
                break;
            }
            *eq = '\0';
            const char *role = trim((char *)s, NULL);
            const char *family = trim(eq + 1, NULL);
            int r = strcmp(role, "serif") == 0 ? FONT_ROLE_SERIF
                    : strcmp(role, "mono") == 0 ? FONT_ROLE_MONO
                                                : -1;
            if (r < 0) {
                vb_error(d, path, lineno, 0, "vai phông \"%s\" không hợp lệ (chỉ có serif, mono)",
                         role);
                ok = false;
                break;
            }
            if (!*family) {
                vb_error(d, path, lineno, 0, "thiếu tên họ phông sau dấu =");
                ok = false;
                break;
            }
            cfg->family[r] = vb_arena_strdup(strings, family);
        }
        line = nl ? nl + 1 : NULL;
    }
    free(text);
    return ok;
}
