/* File helpers: whole-file reads and atomic writes (temp file + rename), so an
 * error never leaves a truncated output behind. */
/* realpath (XSI) */
#define _XOPEN_SOURCE 700

#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* Reads fd to its end into b, but no more than `max` bytes: EFBIG past
 * that. A regular file's size (from fstat) sizes the buffer once, so a large
 * file is read straight into place with no regrowth and no copy through
 * stdio, and one over the limit is refused unread; a pipe or a file that
 * grows while being read still works, in steps that double. Returns 0 or
 * the errno of the failure. */
static int read_all(int fd, vb_buf *b, size_t max)
{
    struct stat st;
    size_t want = 65536;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
        if ((uintmax_t)st.st_size > max)
            return EFBIG;
        want = (size_t)st.st_size + 1; /* +1: see the end of file in one read */
    }
    for (;;) {
        if (b->cap - b->len <= 1) { /* full (or not yet allocated) */
            size_t room = max + 1 - b->len; /* one byte past max tells it is over */
            vb_grow((void **)&b->data, &b->cap, b->len + (want < room ? want : room) + 1, 1);
        }
        ssize_t n = read(fd, b->data + b->len, b->cap - b->len - 1);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return errno;
        }
        if (n == 0)
            break;
        b->len += (size_t)n;
        if (b->len > max)
            return EFBIG;
        want = b->len < 65536 ? 65536 : b->len; /* when full again: double */
    }
    if (b->data)
        b->data[b->len] = 0;
    return 0;
}

const char *vb_input_name(const char *path)
{
    return strcmp(path, "-") == 0 ? "(đầu vào chuẩn)" : path;
}

const char *vb_output_name(const char *path)
{
    return !path || strcmp(path, "-") == 0 ? "(đầu ra chuẩn)" : path;
}

char *vb_read_file(vb_diag *d, const char *path, size_t *len)
{
    bool is_stdin = strcmp(path, "-") == 0;
    int fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        vb_error_io(d, path, "không mở được tệp để đọc: %s", vb_strerror(errno));
        return NULL;
    }
    struct stat st;
    if (!is_stdin && fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        vb_error_io(d, path, "đây là thư mục, không phải tệp");
        close(fd);
        return NULL;
    }
    vb_buf b;
    vb_buf_init(&b);
    int err = read_all(fd, &b, VB_INPUT_MAX);
    if (!is_stdin)
        close(fd);
    if (err == EFBIG) {
        /* /dev/zero, /dev/urandom or a wrong file of gigabytes was read
         * until memory ran out. */
        vb_error(d, vb_input_name(path), 0, 0,
                 "%s lớn hơn %d MB, quá giới hạn của vanban (có đúng là tệp mẫu, dữ liệu hay văn "
                 "bản cần đọc không?)",
                 is_stdin ? "dữ liệu" : "tệp", (int)(VB_INPUT_MAX >> 20));
        vb_buf_free(&b);
        return NULL;
    }
    if (err) {
        vb_error_io(d, vb_input_name(path), "lỗi khi đọc tệp: %s", vb_strerror(err));
        vb_buf_free(&b);
        return NULL;
    }
    if (len)
        *len = b.len;
    return vb_buf_take(&b);
}

/* ---- temporary files and signals ----------------------------------------
 * Ctrl-C (or Ctrl-\\), a `kill` or a closed terminal during a write left ".out.pdf.tmp-PID"
 * in the user's folder. The temporary files being written are listed here
 * for the handler, which removes them and then dies of the same signal: the
 * one piece of process-wide state, as a signal handler can reach no context.
 * The list grows and shrinks with those signals blocked, so the handler
 * never sees it half changed; unlink is async-signal-safe. A --split batch
 * holds one temporary file per certificate until all are written. */
static char **pending;
static size_t n_pending, cap_pending;
static const int cleanup_signals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};

void vb_remove_temporary_files(void)
{
    for (size_t i = 0; i < n_pending; i++)
        unlink(pending[i]);
}

static void remove_pending(int sig)
{
    vb_remove_temporary_files();
    signal(sig, SIG_DFL);
    raise(sig);
}

static void block_cleanup_signals(sigset_t *old)
{
    sigset_t set;
    sigemptyset(&set);
    for (size_t k = 0; k < sizeof cleanup_signals / sizeof *cleanup_signals; k++)
        sigaddset(&set, cleanup_signals[k]);
    sigprocmask(SIG_BLOCK, &set, old);
}

static void pending_add(char *path)
{
    static bool installed;
    if (!installed) {
        installed = true;
        for (size_t k = 0; k < sizeof cleanup_signals / sizeof *cleanup_signals; k++) {
            struct sigaction sa, old;
            memset(&sa, 0, sizeof sa);
            sa.sa_handler = remove_pending;
            sigemptyset(&sa.sa_mask);
            /* a signal the caller ignores (nohup) stays ignored */
            if (sigaction(cleanup_signals[k], NULL, &old) == 0 && old.sa_handler != SIG_IGN)
                sigaction(cleanup_signals[k], &sa, NULL);
        }
    }
    sigset_t old;
    block_cleanup_signals(&old);
    VB_PUSH(pending, n_pending, cap_pending, path);
    sigprocmask(SIG_SETMASK, &old, NULL);
}

static void pending_remove(const char *path)
{
    sigset_t old;
    block_cleanup_signals(&old);
    for (size_t i = 0; i < n_pending; i++)
        if (pending[i] == path) {
            pending[i] = pending[--n_pending];
            break;
        }
    if (n_pending == 0) { /* nothing held: the list's memory goes too */
        free(pending);
        pending = NULL;
        cap_pending = 0;
    }
    sigprocmask(SIG_SETMASK, &old, NULL);
}

#ifndef NAME_MAX
#define NAME_MAX 255
#endif

/* ".NAME.tmp-PID" beside the target: the rename into place stays on one
 * file system. A NAME near the 255 bytes a file name may have left no room
 * for the rest ("tên tệp quá dài" for a valid output name): it is then cut,
 * on a UTF-8 character boundary, to fit. `attempt` > 0 adds "-K" after the
 * PID, for names cut alike (a --split batch holds many temporary files). */
static char *tmp_sibling(const char *target, unsigned attempt)
{
    const char *slash = strrchr(target, '/');
    const char *base = slash ? slash + 1 : target;
    char tail[64];
    if (attempt)
        snprintf(tail, sizeof tail, ".tmp-%ld-%u", (long)getpid(), attempt);
    else
        snprintf(tail, sizeof tail, ".tmp-%ld", (long)getpid());
    size_t keep = strlen(base), room = NAME_MAX - 1 - strlen(tail); /* 1: the leading '.' */
    if (keep > room) {
        keep = room;
        while (keep > 0 && ((unsigned char)base[keep] & 0xC0) == 0x80)
            keep--; /* base[keep] continues a character: cut before that character */
    }
    vb_buf b;
    vb_buf_init(&b);
    vb_buf_append(&b, target, (size_t)(base - target));
    vb_buf_putc(&b, '.');
    vb_buf_append(&b, base, keep);
    vb_buf_puts(&b, tail);
    return vb_buf_take(&b);
}

/* Whether `path` names one of the process's own descriptors: /dev/fd/N,
 * /proc/self/fd/N, or a link to one (/dev/stdout, /dev/stderr). */
static bool names_descriptor(const char *path)
{
    static const char *const prefixes[] = {"/dev/fd/", "/proc/self/fd/"};
    char link[64];
    ssize_t n = readlink(path, link, sizeof link - 1);
    if (n > 0)
        link[n] = '\0';
    for (size_t k = 0; k < 2; k++) {
        size_t len = strlen(prefixes[k]);
        if (strncmp(path, prefixes[k], len) == 0 || (n > 0 && strncmp(link, prefixes[k], len) == 0))
            return true;
    }
    return false;
}

bool vb_outfile_open(vb_outfile *o, vb_diag *d, const char *target)
{
    memset(o, 0, sizeof *o);
    if (!target || strcmp(target, "-") == 0) {
        o->fp = stdout;
        return true;
    }
    /* A target that exists and is not a regular file (a device, a FIFO:
     * /dev/stdout, a printer's pipe) is written in place: renaming a
     * temporary file over it would replace the device node itself. So is a
     * name for one of this process's descriptors, whatever it is open on:
     * "-o /dev/stdout > x.pdf" made ".stdout.tmp-PID" in /dev and, as
     * root, renamed it over the /dev/stdout link. */
    struct stat st;
    bool descriptor = names_descriptor(target);
    bool exists = stat(target, &st) == 0;
    if (descriptor || (exists && !S_ISREG(st.st_mode))) {
        if (exists && S_ISDIR(st.st_mode)) {
            vb_error_io(d, target, "là một thư mục, không phải tệp");
            return false;
        }
        o->fp = fopen(target, "wb");
        if (!o->fp) {
            /* /dev/stdout with standard output closed ("> &-") is a link
             * to /proc/self/fd/1, which is not there */
            int err = descriptor && errno == ENOENT ? EBADF : errno;
            vb_error_io(d, target, "không mở được để ghi: %s", vb_strerror(err));
            return false;
        }
        o->target = vb_xstrdup(target);
        return true;
    }
    /* Through a symbolic link: the temporary file goes beside the file
     * linked to, and is renamed onto it, not onto the link. */
    o->target = vb_output_file(d, target);
    if (!o->target)
        return false;
    int fd = -1, err = 0;
    for (unsigned attempt = 0;; attempt++) {
        o->tmp_path = tmp_sibling(o->target, attempt);
        pending_add(o->tmp_path);
        fd = open(o->tmp_path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        err = errno;
        /* taken: a long name cut like another's, or left by a process that
         * had this PID and was killed */
        if (fd >= 0 || err != EEXIST || attempt == 100)
            break;
        pending_remove(o->tmp_path);
        free(o->tmp_path);
    }
    if (fd < 0) {
        if (strcmp(o->target, target) != 0) /* a link: to a folder that is not there? */
            vb_error_io(d, target, "là liên kết tới \"%s\"; không tạo được tệp đó: %s", o->target,
                        vb_strerror(err));
        else
            vb_error_io(d, target, "không tạo được tệp kết quả: %s", vb_strerror(err));
        pending_remove(o->tmp_path);
        free(o->tmp_path);
        o->tmp_path = NULL;
        free(o->target);
        o->target = NULL;
        return false;
    }
    o->fp = fdopen(fd, "wb");
    if (!o->fp) {
        close(fd);
        vb_outfile_abort(o);
        vb_error_io(d, target, "không tạo được tệp kết quả");
        return false;
    }
    return true;
}

/* A path with its folder resolved (".", "..", links), or NULL when the
 * folder does not exist. */
static char *resolved(const char *path)
{
    char *dir = vb_dirname(path);
    char *real = realpath(dir, NULL);
    free(dir);
    if (!real)
        return NULL;
    const char *slash = strrchr(path, '/');
    char *r = vb_path_join(real, slash ? slash + 1 : path);
    free(real);
    return r;
}

bool vb_path_within(const char *dir, const char *path)
{
    char *rd = realpath(dir, NULL), *rp = realpath(path, NULL);
    size_t n = rd ? strlen(rd) : 0;
    bool in = rd && rp && strncmp(rp, rd, n) == 0 && (rp[n] == '/' || (n == 1 && rd[0] == '/'));
    free(rd);
    free(rp);
    return in;
}

bool vb_same_file(const char *a, const char *b)
{
    struct stat sa, sb;
    if (stat(a, &sa) == 0 && stat(b, &sb) == 0)
        return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
    /* Not both there yet: "gk.pdf" and "./gk.pdf" are still one file, and
     * so are "so.csv", a link to gk.pdf not yet written, and gk.pdf: both
     * outputs went through (vb_output_file), the register replaced the PDF
     * and the run said nothing, exit 0, for the names differ. A chain of
     * links that cannot be followed is compared as named: writing to it
     * fails, and says why. */
    char *ea = vb_output_file_quiet(a), *eb = vb_output_file_quiet(b);
    char *ra = resolved(ea ? ea : a), *rb = resolved(eb ? eb : b);
    bool same = ra && rb && strcmp(ra, rb) == 0;
    free(ea);
    free(eb);
    free(ra);
    free(rb);
    return same;
}

/* Whether the regular file at path is empty or starts with magic (true when
 * there is no such file or it cannot be read: opening it for output then
 * reports what is wrong). */
static bool replaceable(const char *path, const char *magic)
{
    struct stat st;
    if (stat(path, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size == 0)
        return true;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return true;
    size_t n = strlen(magic);
    char head[64];
    ssize_t got = n <= sizeof head ? read(fd, head, n) : -1;
    close(fd);
    return got == (ssize_t)n && memcmp(head, magic, n) == 0;
}

bool vb_outfile_open_kind(vb_outfile *o, vb_diag *d, const char *target, const char *magic,
                          const char *kind)
{
    if (target && strcmp(target, "-") != 0 && !replaceable(target, magic)) {
        memset(o, 0, sizeof *o);
        vb_error(d, target, 0, 0,
                 "tệp này đã có và không phải %s (có thể là mẫu hay dữ liệu); vanban không ghi "
                 "đè lên nó — hãy chọn tên tệp kết quả khác",
                 kind);
        d->exit_code = VB_EXIT_USAGE;
        return false;
    }
    return vb_outfile_open(o, d, target);
}

bool vb_outfile_sync(vb_outfile *o, vb_diag *d)
{
    if (!o->fp)
        return true;
    /* A device or stdout is flushed, which is where it fails (/dev/full). A
     * temporary file is closed too: a batch may hold thousands. */
    bool ok = fflush(o->fp) == 0 && !ferror(o->fp) && (!o->tmp_path || fsync(fileno(o->fp)) == 0);
    int err = errno;
    if (ok && o->tmp_path) {
        ok = fclose(o->fp) == 0;
        err = errno;
        o->fp = NULL;
    }
    if (ok)
        return true;
    vb_error_io(d, vb_output_name(o->target), "không ghi được tệp kết quả: %s%s", vb_strerror(err),
                o->tmp_path ? " (không có tệp nào được tạo)" : "");
    vb_outfile_abort(o);
    return false;
}

/* A deferred output (vb_outfile_defer) goes to its destination: the
 * memory stream is closed (which sets mem and mem_len) and copied. */
static bool write_deferred(vb_outfile *o, int *err)
{
    bool ok = fclose(o->fp) == 0;
    *err = errno;
    o->fp = o->dest;
    o->dest = NULL;
    if (ok && o->mem_len && fwrite(o->mem, 1, o->mem_len, o->fp) != o->mem_len) {
        ok = false;
        *err = errno;
    }
    free(o->mem);
    o->mem = NULL;
    o->mem_len = 0;
    return ok;
}

bool vb_outfile_commit(vb_outfile *o, vb_diag *d)
{
    if (!o->tmp_path) { /* stdout, or a device written in place */
        int err = 0;
        bool ok = !o->dest || write_deferred(o, &err);
        if (ok) {
            ok = fflush(o->fp) == 0 && !ferror(o->fp);
            err = errno;
        }
        if (o->fp != stdout && fclose(o->fp) != 0 && ok) {
            ok = false;
            err = errno;
        }
        if (!ok)
            vb_error_io(d, vb_output_name(o->target), "không ghi được kết quả: %s",
                        vb_strerror(err));
        o->fp = NULL;
        free(o->target);
        o->target = NULL;
        return ok;
    }
    bool ok = true;
    int err = 0;
    if (o->fp) { /* else vb_outfile_sync wrote and closed it */
        ok = fflush(o->fp) == 0 && !ferror(o->fp) && fsync(fileno(o->fp)) == 0;
        err = errno;
        if (fclose(o->fp) != 0 && ok) {
            ok = false;
            err = errno;
        }
        o->fp = NULL;
    }
    if (ok && rename(o->tmp_path, o->target) != 0) {
        ok = false;
        err = errno;
    }
    if (!ok) {
        vb_error_io(d, o->target, "không ghi được tệp kết quả: %s (không có tệp nào được tạo)",
                    vb_strerror(err));
        unlink(o->tmp_path);
    }
    pending_remove(o->tmp_path);
    free(o->tmp_path);
    free(o->target);
    o->tmp_path = o->target = NULL;
    return ok;
}

void vb_outfile_abort(vb_outfile *o)
{
    if (o->fp && o->fp != stdout)
        fclose(o->fp);
    o->fp = NULL;
    if (o->dest && o->dest != stdout) /* deferred: nothing reached the device */
        fclose(o->dest);
    o->dest = NULL;
    free(o->mem);
    o->mem = NULL;
    o->mem_len = 0;
    if (o->tmp_path) {
        unlink(o->tmp_path);
        pending_remove(o->tmp_path);
    }
    free(o->tmp_path);
    free(o->target);
    o->tmp_path = o->target = NULL;
}

bool vb_outfile_defer(vb_outfile *o, vb_diag *d)
{
    if (o->tmp_path || !o->fp || o->dest)
        return true;
    FILE *mem = open_memstream(&o->mem, &o->mem_len);
    if (!mem) {
        vb_error_io(d, vb_output_name(o->target), "không ghi được kết quả: %s",
                    vb_strerror(errno));
        vb_outfile_abort(o);
        return false;
    }
    o->dest = o->fp;
    o->fp = mem;
    return true;
}

bool vb_outfile_commit_all(vb_outfile *o, size_t n, vb_diag *d)
{
    /* 0: a device, 1: standard output, 2: a temporary file to rename. A
     * device (/dev/full) fails most readily and goes first; what went to
     * standard output cannot be taken back, so the renames, which seldom
     * fail once the files are synced, come after it. */
    bool ok = true;
    for (int pass = 0; pass < 3; pass++)
        for (size_t k = 0; k < n; k++) {
            FILE *sink = o[k].dest ? o[k].dest : o[k].fp;
            int kind = o[k].tmp_path ? 2 : sink == stdout ? 1 : 0;
            if (kind != pass || (!sink && !o[k].tmp_path)) /* never opened */
                continue;
            if (ok)
                ok = vb_outfile_commit(&o[k], d);
            vb_outfile_abort(&o[k]); /* after a commit: nothing to do */
        }
    return ok;
}

int64_t vb_build_time(void)
{
    const char *s = getenv("SOURCE_DATE_EPOCH");
    if (s && *s) {
        char *end;
        errno = 0;
        long long v = strtoll(s, &end, 10);
        if (!*end && errno == 0 && v >= 0)
            return (int64_t)v;
    }
    return (int64_t)time(NULL);
}

char *vb_dirname(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return vb_xstrdup(".");
    if (slash == path)
        return vb_xstrdup("/");
    return vb_xstrndup(path, (size_t)(slash - path));
}

char *vb_path_join(const char *dir, const char *rel)
{
    if (rel[0] == '/' || !dir || !*dir)
        return vb_xstrdup(rel);
    vb_buf b;
    vb_buf_init(&b);
    vb_buf_printf(&b, "%s/%s", dir, rel);
    return vb_buf_take(&b);
}
