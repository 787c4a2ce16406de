/* Unit tests that run code in a child process and read back its stderr:
 * what ends the process (a memory limit, an allocator made to refuse) can
 * only be seen from outside it. Include after <cmocka.h>. */
#ifndef VANBAN_TEST_CHILD_FIXTURE_H
#define VANBAN_TEST_CHILD_FIXTURE_H

#include "util/util.h"

#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

/* Forks a child whose stderr goes into a pipe: 0 in the child; in the
 * parent the child's pid, with *fd the pipe's read end for child_stderr. */
static inline pid_t child_fork(int *fd)
{
    int fds[2];
    assert_int_equal(pipe(fds), 0);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        close(fds[0]);
        dup2(fds[1], STDERR_FILENO);
        return 0;
    }
    close(fds[1]);
    *fd = fds[0];
    return pid;
}

/* Reads the child's stderr from `fd` (a pipe's read end) to its end,
 * closes it and waits for the child: its status, and the text (to free). */
static inline char *child_stderr(int fd, pid_t pid, int *status)
{
    vb_buf b;
    vb_buf_init(&b);
    char chunk[512];
    ssize_t n;
    while ((n = read(fd, chunk, sizeof chunk)) > 0)
        vb_buf_append(&b, chunk, (size_t)n);
    close(fd);
    assert_int_equal(waitpid(pid, status, 0), pid);
    return vb_buf_take(&b);
}

/* The child ended as vanban ends for lack of memory: its one line, exit 3. */
static inline void assert_child_out_of_memory(int fd, pid_t pid)
{
    int status;
    char *err = child_stderr(fd, pid, &status);
    assert_true(WIFEXITED(status));
    assert_string_equal(err, "vanban: lỗi: hết bộ nhớ (out of memory)\n");
    assert_int_equal(WEXITSTATUS(status), VB_EXIT_IO);
    free(err);
}

#endif
