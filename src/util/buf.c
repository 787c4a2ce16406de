/* Growable strings and checked allocation. */
#include "util.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Out of memory: the temporary output files go (abort left them, and a core
 * file), and the exit is 3, as for any failure the input did not cause. */
void vb_out_of_memory(void)
{
    static const char msg[] = "vanban: lỗi: hết bộ nhớ (out of memory)\n";
    vb_remove_temporary_files();
    if (write(STDERR_FILENO, msg, sizeof msg - 1) < 0) {
        /* nothing more to do */
    }
    _exit(VB_EXIT_IO);
}

void *vb_xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        vb_out_of_memory();
    return p;
}

void *vb_xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p)
        vb_out_of_memory();
    return p;
}

void *vb_xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p)
        vb_out_of_memory();
    return p;
}

char *vb_xstrdup(const char *s)
{
    return vb_xstrndup(s, strlen(s));
}

char *vb_xstrndup(const char *s, size_t n)
{
    char *p = vb_xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

void vb_grow(void **v, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return;
    size_t nc = *cap ? *cap * 2 : 8;
    while (nc < need)
        nc *= 2;
    *v = vb_xrealloc(*v, nc * elem);
    *cap = nc;
}

void vb_buf_init(vb_buf *b)
{
    b->data = NULL;
    b->len = b->cap = 0;
}

void vb_buf_free(vb_buf *b)
{
    free(b->data);
    vb_buf_init(b);
}

void vb_buf_clear(vb_buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

static void reserve(vb_buf *b, size_t extra)
{
    if (b->len + extra + 1 <= b->cap)
        return;
    size_t nc = b->cap ? b->cap * 2 : 64;
    while (nc < b->len + extra + 1)
        nc *= 2;
    b->data = vb_xrealloc(b->data, nc);
    b->cap = nc;
}

void vb_buf_append(vb_buf *b, const void *p, size_t n)
{
    reserve(b, n);
    if (n)
        memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void vb_buf_puts(vb_buf *b, const char *s)
{
    vb_buf_append(b, s, strlen(s));
}

void vb_buf_putc(vb_buf *b, char c)
{
    vb_buf_append(b, &c, 1);
}

void vb_buf_vprintf(vb_buf *b, const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (n < 0)
        return;
    reserve(b, (size_t)n);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    b->len += (size_t)n;
}

void vb_buf_printf(vb_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vb_buf_vprintf(b, fmt, ap);
    va_end(ap);
}

void vb_buf_put_cp(vb_buf *b, uint32_t cp)
{
    char s[4];
    size_t n;
    if (cp < 0x80) {
        s[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        s[0] = (char)(0xC0 | (cp >> 6));
        s[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        s[0] = (char)(0xE0 | (cp >> 12));
        s[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        s[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        s[0] = (char)(0xF0 | (cp >> 18));
        s[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        s[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        s[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    vb_buf_append(b, s, n);
}

char *vb_buf_take(vb_buf *b)
{
    char *s = b->data ? b->data : vb_xstrdup("");
    vb_buf_init(b);
    return s;
}

void vb_buf_csv_text(vb_buf *b, const char *s)
{
    bool formula = (*s && strchr("=@\t\r", *s)) || ((*s == '+' || *s == '-') && s[1]);
    if (!formula && !strpbrk(s, ",;\"\r\n")) {
        vb_buf_puts(b, s);
        return;
    }
    vb_buf_putc(b, '"');
    if (formula)
        vb_buf_putc(b, '\'');
    for (; *s; s++) {
        if (*s == '"')
            vb_buf_putc(b, '"');
        vb_buf_putc(b, *s);
    }
    vb_buf_putc(b, '"');
}
