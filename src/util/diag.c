/* Diagnostics: GNU-style messages with Vietnamese wording, counted per run. */
#include "util.h"

void vb_diag_init(vb_diag *d, FILE *out)
{
    d->out = out ? out : stderr;
    d->errors = 0;
    d->warnings = 0;
    d->exit_code = VB_OK;
    d->verbose = false;
    d->silent = false;
}

static void emit(vb_diag *d, const char *file, int line, int col, const char *kind,
                 const char *fmt, va_list ap)
{
    if (d->silent)
        return;
    fputs("vanban: ", d->out);
    if (file) {
        fputs(file, d->out);
        if (line > 0) {
            fprintf(d->out, ":%d", line);
            if (col > 0)
                fprintf(d->out, ":%d", col);
        }
        fputs(": ", d->out);
    }
    fprintf(d->out, "%s: ", kind);
    vfprintf(d->out, fmt, ap);
    fputc('\n', d->out);
    fflush(d->out);
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
