/* Diagnostics: GNU-style messages with Vietnamese wording, counted per run. */
#include "util.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

typedef struct vb_held_msg {
    int line, col;
    size_t seq;
    char *text;
} vb_held_msg;

void vb_diag_init(vb_diag *d, FILE *out)
{
    *d = (vb_diag){.out = out ? out : stderr, .exit_code = VB_OK};
}

void vb_diag_hold(vb_diag *d) { d->holding = true; }

static int held_cmp(const void *a, const void *b)
{
    const vb_held_msg *x = a, *y = b;
    if (x->line != y->line)
        return x->line < y->line ? -1 : 1;
    if (x->col != y->col)
        return x->col < y->col ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

void vb_diag_release(vb_diag *d)
{
    if (d->nheld)
        qsort(d->held, d->nheld, sizeof *d->held, held_cmp);
    for (size_t i = 0; i < d->nheld; i++) {
        fputs(d->held[i].text, d->out);
        free(d->held[i].text);
    }
    fflush(d->out);
    free(d->held);
    d->held = NULL;
    d->nheld = d->held_cap = 0;
    d->holding = false;
}

static void emit(vb_diag *d, const char *file, int line, int col, const char *kind,
                 const char *fmt, va_list ap)
{
    if (d->silent)
        return;
    vb_buf b;
    vb_buf_init(&b);
    vb_buf_puts(&b, "vanban: ");
    if (file) {
        vb_buf_puts(&b, file);
        if (line > 0)
            vb_buf_printf(&b, ":%d", line);
        if (line > 0 && col > 0)
            vb_buf_printf(&b, ":%d", col);
        vb_buf_puts(&b, ": ");
    }
    vb_buf_printf(&b, "%s: ", kind);
    vb_buf_vprintf(&b, fmt, ap);
    vb_buf_puts(&b, "\n");
    if (d->holding) {
        vb_held_msg m = {line > 0 ? line : 0, line > 0 && col > 0 ? col : 0, d->nheld, b.data};
        VB_PUSH(d->held, d->nheld, d->held_cap, m);
        return;
    }
    fputs(b.data, d->out);
    fflush(d->out);
    vb_buf_free(&b);
}

void vb_error(vb_diag *d, const char *file, int line, int col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    emit(d, file, line, col, "lỗi", fmt, ap);
    va_end(ap);
    d->errors++;
    if (d->exit_code == VB_OK)
        d->exit_code = VB_EXIT_INPUT;
}

void vb_error_io(vb_diag *d, const char *file, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    emit(d, file, 0, 0, "lỗi", fmt, ap);
    va_end(ap);
    d->errors++;
    d->exit_code = VB_EXIT_IO;
}

void vb_warn(vb_diag *d, const char *file, int line, int col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    emit(d, file, line, col, "cảnh báo", fmt, ap);
    va_end(ap);
    d->warnings++;
}

void vb_note(vb_diag *d, const char *fmt, ...)
{
    if (!d->verbose)
        return;
    va_list ap;
    va_start(ap, fmt);
    fputs("vanban: ", d->out);
    vfprintf(d->out, fmt, ap);
    fputc('\n', d->out);
    va_end(ap);
}

const char *vb_strerror(int err)
{
    switch (err) {
    case ENOENT: return "không có tệp hay thư mục này";
    case EACCES:
    case EPERM: return "không có quyền";
    case EISDIR: return "đây là một thư mục, không phải tệp";
    case ENOTDIR: return "một phần của đường dẫn không phải thư mục";
    case ENOSPC: return "ổ đĩa đã đầy";
    case EDQUOT: return "đã hết hạn mức dung lượng";
    case EROFS: return "ổ đĩa chỉ cho đọc";
    case EEXIST: return "tệp đã có";
    case ENAMETOOLONG: return "tên tệp quá dài";
    case EMFILE:
    case ENFILE: return "mở quá nhiều tệp cùng lúc";
    case EIO: return "lỗi vào/ra của thiết bị";
    case EFBIG:
    /* past the file-size limit, or a size the call cannot hold: to a
     * clerk both are one thing */
    case EOVERFLOW: return "tệp quá lớn";
    case ENOMEM: return "không đủ bộ nhớ";
    case EBUSY: return "tệp đang bị chương trình khác dùng";
    /* "-o - >&-" (standard output closed) said "Bad file descriptor" */
    case EBADF: return "tệp hay đầu ra đã bị đóng";
    case EPIPE: return "chương trình nhận đầu ra đã đóng ống dẫn (pipe)";
    case ELOOP: return "quá nhiều liên kết tượng trưng nối nhau";
    case ENXIO:
    case ENODEV: return "không có thiết bị này";
    case ETXTBSY: return "tệp đang được chạy, không ghi được";
    case EXDEV: return "không chuyển được sang ổ đĩa khác";
    case EINVAL: return "giá trị không hợp lệ";
    case EAGAIN: return "tạm thời chưa làm được, hãy thử lại";
    case EINTR: return "bị ngắt giữa chừng";
    case ESPIPE: return "không đọc lùi được trên ống dẫn (pipe)";
    case ENOTEMPTY: return "thư mục không rỗng";
    default: return strerror(err);
    }
}
