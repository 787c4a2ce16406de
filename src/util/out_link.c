/* Where an output named by a symbolic link is written: to the file at the
 * end of the link's chain, as `cat > link` writes, whether that file is
 * there yet or not; the link stays a link.
 *
 * The output goes to a temporary file renamed into place, and renamed onto
 * the name given it replaced the link itself: a live link became a copy
 * (the file it pointed to, the one the clerk opens, kept the old document),
 * a dangling one became a file. Yet everything else vanban does with an
 * output name already goes through the link: the check that refuses to
 * overwrite a file that is not a PDF reads the file linked to, and a link
 * to a device is written in place. So the link is followed here too.
 *
 * Following it ourselves (readlink, not open) would skip what the kernel
 * does for open(2) under fs.protected_symlinks: in a folder every user may
 * write to and that has the sticky bit (/tmp), a link is not followed
 * unless it belongs to the one following it or to the folder's owner.
 * Without that, a link left in /tmp by another user ("out.pdf" pointing
 * at a file of yours) would have vanban write your file for them. The
 * same rule is kept here. */
/* S_ISVTX (XSI) */
#define _XOPEN_SOURCE 700

#include "util.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Linux's own limit on links followed in one path (MAXSYMLINKS). */
enum { MAX_HOPS = 40 };

#ifndef PATH_MAX
#define PATH_MAX 4096
#endif

/* Whether the kernel would follow the link `path` (lstat in *ln) for
 * open(2) with fs.protected_symlinks set. */
static bool may_follow(const char *path, const struct stat *ln)
{
    char *dir = vb_dirname(path);
    struct stat st;
    bool shared = stat(dir, &st) == 0 && (st.st_mode & S_ISVTX) && (st.st_mode & S_IWOTH);
    free(dir);
    return !shared || ln->st_uid == geteuid() || ln->st_uid == st.st_uid;
}

/* The text of the link (its size from lstat is 0 for some file systems). */
static char *link_text(const char *path, const struct stat *ln)
{
    size_t cap = (ln->st_size > 0 ? (size_t)ln->st_size : PATH_MAX) + 1;
    for (;;) {
        char *buf = vb_xmalloc(cap);
        ssize_t n = readlink(path, buf, cap);
        if (n >= 0 && (size_t)n < cap) {
            buf[n] = '\0';
            return buf;
        }
        free(buf);
        if (n < 0)
            return NULL;
        cap *= 2; /* the link changed since lstat: read it again */
    }
}

/* The end of target's chain of links, or NULL with why it cannot be
 * followed: *err, an errno (a loop, a link that cannot be read), or
 * *refused (another user's link in a shared folder). */
static char *link_end(const char *target, int *err, bool *refused)
{
    char *path = vb_xstrdup(target);
    for (int hops = 0;; hops++) {
        struct stat ln;
        /* not a link, not there, or not reachable: opening the temporary
         * file beside it says what is wrong */
        if (lstat(path, &ln) != 0 || !S_ISLNK(ln.st_mode))
            return path;
        char *to = NULL;
        if (hops == MAX_HOPS)
            *err = ELOOP;
        else if (!may_follow(path, &ln))
            *refused = true;
        else if (!(to = link_text(path, &ln)))
            *err = errno;
        if (!to) {
            free(path);
            return NULL;
        }
        /* A relative link is read from its own folder. */
        char *next = to;
        if (to[0] != '/' && strchr(path, '/')) {
            char *dir = vb_dirname(path);
            next = vb_path_join(dir, to);
            free(dir);
            free(to);
        }
        free(path);
        path = next;
    }
}

char *vb_output_file(vb_diag *d, const char *target)
{
    int err = 0;
    bool refused = false;
    char *path = link_end(target, &err, &refused);
    if (path)
        return path;
    if (refused) {
        vb_error(d, target, 0, 0,
                 "là liên kết tượng trưng của người dùng khác trong thư mục dùng chung; vanban "
                 "không ghi theo nó — hãy chọn tên tệp kết quả khác");
        d->exit_code = VB_EXIT_USAGE;
    } else {
        vb_error_io(d, target, "không ghi được theo liên kết tượng trưng: %s", vb_strerror(err));
    }
    return NULL;
}

char *vb_output_file_quiet(const char *target)
{
    int err = 0;
    bool refused = false;
    return link_end(target, &err, &refused);
}
