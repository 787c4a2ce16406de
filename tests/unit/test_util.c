/* util: UTF-8 validation and positions, strings, atomic output, the heap guess. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "util/util.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

static void utf8_accepts_vietnamese(void **state)
{
    (void)state;
    const char *s = "Cộng hòa xã hội chủ nghĩa Việt Nam — Đ";
    assert_true(vb_utf8_valid(s, strlen(s), NULL));
    uint32_t cp;
    assert_int_equal(vb_utf8_decode("ộ", 3, &cp), 3);
    assert_int_equal(cp, 0x1ED9);
}

static void utf8_rejects_bad_sequences(void **state)
{
    (void)state;
    size_t off = 99;
    /* libharu would print "Á" for this (docs/libharu-notes.md): we must refuse it. */
    assert_false(vb_utf8_valid("ab\xC3" "A", 4, &off));
    assert_int_equal(off, 2);
    assert_false(vb_utf8_valid("\xC0\xAF", 2, &off));         /* overlong '/' */
    assert_false(vb_utf8_valid("\xED\xA0\x80", 3, &off));     /* surrogate */
    assert_false(vb_utf8_valid("\xF4\x90\x80\x80", 4, &off)); /* > U+10FFFF */
    assert_false(vb_utf8_valid("x\xE1\xBB", 3, &off));        /* truncated ộ */
    assert_int_equal(off, 1);
}

static void text_position_counts_characters(void **state)
{
    (void)state;
    const char *s = "một\nhai ba";
    int line, col;
    vb_text_position(s, strlen("một\nhai "), &line, &col);
    assert_int_equal(line, 2);
    assert_int_equal(col, 5);
    vb_text_position(s, strlen("mộ"), &line, &col);
    assert_int_equal(line, 1);
    assert_int_equal(col, 3);
}

static void buf_builds_strings(void **state)
{
    (void)state;
    vb_buf b;
    vb_buf_init(&b);
    vb_buf_puts(&b, "Số: ");
    vb_buf_printf(&b, "%d/KH-%s", 56, "SNV");
    vb_buf_put_cp(&b, 0x1EC5);
    assert_string_equal(b.data, "Số: 56/KH-SNVễ");
    char *s = vb_buf_take(&b);
    assert_null(b.data);
    free(s);
}

static void outfile_abort_leaves_nothing(void **state)
{
    (void)state;
    char dir[] = "/tmp/vbtestXXXXXX";
    assert_non_null(mkdtemp(dir));
    char *target = vb_path_join(dir, "out.pdf");
    vb_diag d;
    FILE *sink = fopen("/dev/null", "w");
    vb_diag_init(&d, sink);
    vb_outfile o;
    assert_true(vb_outfile_open(&o, &d, target));
    fputs("partial", o.fp);
    vb_outfile_abort(&o);
    assert_int_equal(access(target, F_OK), -1);
    assert_int_equal(rmdir(dir), 0); /* empty: the temp file is gone too */
    free(target);
    fclose(sink);
}

/* Ctrl-C or a kill during a write: the temporary file is removed and the
 * process still dies of the signal (it left ".out.pdf.tmp-PID" behind). */
static void outfile_signal_leaves_nothing(void **state)
{
    (void)state;
    const int sigs[] = {SIGINT, SIGTERM, SIGHUP};
    for (size_t k = 0; k < sizeof sigs / sizeof *sigs; k++) {
        char dir[] = "/tmp/vbtestXXXXXX";
        assert_non_null(mkdtemp(dir));
        char *target = vb_path_join(dir, "out.pdf");
        pid_t pid = fork();
        assert_true(pid >= 0);
        if (pid == 0) {
            vb_diag d;
            vb_diag_init(&d, NULL);
            vb_outfile o;
            if (!vb_outfile_open(&o, &d, target))
                _exit(3);
            fputs("partial", o.fp);
            fflush(o.fp);
            raise(sigs[k]);
            _exit(4); /* not reached: the signal ends the process */
        }
        int status = 0;
        assert_int_equal(waitpid(pid, &status, 0), pid);
        assert_true(WIFSIGNALED(status));
        assert_int_equal(WTERMSIG(status), sigs[k]);
        assert_int_equal(rmdir(dir), 0); /* empty: no temporary file left */
        free(target);
    }
}

static void outfile_commit_renames(void **state)
{
    (void)state;
    char dir[] = "/tmp/vbtestXXXXXX";
    assert_non_null(mkdtemp(dir));
    char *target = vb_path_join(dir, "out.pdf");
    vb_diag d;
    vb_diag_init(&d, stderr);
    vb_outfile o;
    assert_true(vb_outfile_open(&o, &d, target));
    fputs("%PDF", o.fp);
    assert_true(vb_outfile_commit(&o, &d));
    size_t len;
    char *got = vb_read_file(&d, target, &len);
    assert_string_equal(got, "%PDF");
    free(got);
    unlink(target);
    assert_int_equal(rmdir(dir), 0);
    free(target);
}

/* Two outputs of one run that writing makes one file (vb_same_file): a
 * symbolic link is written through to where it points, there yet or not,
 * so a link to an output not yet written is that output. It compared the
 * names alone when a file was missing: "so.csv" -> "gk.pdf" was another
 * file, and the register replaced the PDF. */
static void same_file_follows_links_to_files_not_there_yet(void **state)
{
    (void)state;
    char dir[] = "/tmp/vbtestXXXXXX";
    assert_non_null(mkdtemp(dir));
    static const char *const links[][2] = {
        {"so.csv", "gk.pdf"},       /* to the other output, not there yet */
        {"chain.csv", "so.csv"},    /* through another link */
        {"a.pdf", "./chung.pdf"},   /* two links to one file not there yet, */
        {"b.csv", NULL},            /* the second by its absolute path */
        {"khac.csv", "khac.pdf"},   /* to a file of its own */
        {"vong1.csv", "vong2.csv"}, /* a loop: compared as named */
        {"vong2.csv", "vong1.csv"},
    };
    char *paths[sizeof links / sizeof links[0]];
    for (size_t i = 0; i < sizeof links / sizeof links[0]; i++) {
        paths[i] = vb_path_join(dir, links[i][0]);
        char *to = links[i][1] ? vb_xstrdup(links[i][1]) : vb_path_join(dir, "chung.pdf");
        assert_int_equal(symlink(to, paths[i]), 0);
        free(to);
    }
    char *gk = vb_path_join(dir, "gk.pdf");
    assert_true(vb_same_file(paths[0], gk));
    assert_true(vb_same_file(gk, paths[0]));
    assert_true(vb_same_file(paths[1], gk));
    assert_true(vb_same_file(paths[2], paths[3]));
    assert_false(vb_same_file(paths[4], gk));
    assert_false(vb_same_file(paths[2], gk));
    assert_false(vb_same_file(paths[5], gk));
    assert_true(vb_same_file(paths[5], paths[5]));
    /* and once the file is there, by its inode as before */
    FILE *fp = fopen(gk, "w");
    assert_non_null(fp);
    fclose(fp);
    assert_true(vb_same_file(paths[0], gk));
    assert_false(vb_same_file(paths[4], gk));
    unlink(gk);
    free(gk);
    for (size_t i = 0; i < sizeof links / sizeof links[0]; i++) {
        unlink(paths[i]);
        free(paths[i]);
    }
    assert_int_equal(rmdir(dir), 0);
}

static void outfile_unwritable_dir_reports(void **state)
{
    (void)state;
    char *msg = NULL;
    size_t msg_len = 0;
    FILE *mem = open_memstream(&msg, &msg_len);
    vb_diag d;
    vb_diag_init(&d, mem);
    vb_outfile o;
    assert_false(vb_outfile_open(&o, &d, "/nonexistent-dir/x.pdf"));
    fclose(mem);
    assert_int_equal(d.exit_code, VB_EXIT_IO);
    assert_non_null(strstr(msg, "/nonexistent-dir/x.pdf"));
    free(msg);
}

/* The temporary name ".out.pdf.tmp-PID" taken (left by a killed process
 * that had this PID, or another output's long name cut alike): the next
 * names, "-1", "-2", … after the PID, are tried. Here the test's own PID is
 * the one vb_outfile_open uses, so the names it tries are known: the first
 * four are taken. The output is still written, the files in the way are
 * left as they were (not ours to remove), and nothing else stays behind. */
static void outfile_retries_a_taken_temporary_name(void **state)
{
    (void)state;
    char dir[] = "/tmp/vbtestXXXXXX";
    assert_non_null(mkdtemp(dir));
    char *target = vb_path_join(dir, "out.pdf");
    enum { TAKEN = 4 };
    char taken[TAKEN][64];
    for (int k = 0; k < TAKEN; k++) {
        if (k == 0)
            snprintf(taken[k], sizeof taken[k], "%s/.out.pdf.tmp-%ld", dir, (long)getpid());
        else
            snprintf(taken[k], sizeof taken[k], "%s/.out.pdf.tmp-%ld-%d", dir, (long)getpid(), k);
        FILE *fp = fopen(taken[k], "wx");
        assert_non_null(fp);
        fputs("cũ", fp);
        fclose(fp);
    }
    vb_diag d;
    vb_diag_init(&d, stderr);
    vb_outfile o;
    assert_true(vb_outfile_open(&o, &d, target));
    char want[64];
    snprintf(want, sizeof want, "%s/.out.pdf.tmp-%ld-%d", dir, (long)getpid(), TAKEN);
    assert_string_equal(o.tmp_path, want); /* the first name free */
    fputs("%PDF-1.7", o.fp);
    assert_true(vb_outfile_commit(&o, &d));
    assert_int_equal(d.errors, 0);
    size_t len;
    char *got = vb_read_file(&d, target, &len);
    assert_string_equal(got, "%PDF-1.7");
    free(got);
    assert_int_equal(access(want, F_OK), -1); /* renamed, not left */
    for (int k = 0; k < TAKEN; k++) {
        got = vb_read_file(&d, taken[k], &len);
        assert_string_equal(got, "cũ");
        free(got);
        assert_int_equal(unlink(taken[k]), 0);
    }
    assert_int_equal(unlink(target), 0);
    assert_int_equal(rmdir(dir), 0); /* nothing else was there */
    free(target);
}

/* Every name taken (a hundred and one of them): one message, no output,
 * and the names in the way untouched. */
static void outfile_reports_when_every_temporary_name_is_taken(void **state)
{
    (void)state;
    char dir[] = "/tmp/vbtestXXXXXX";
    assert_non_null(mkdtemp(dir));
    char *target = vb_path_join(dir, "out.pdf");
    enum { NAMES = 101 };
    char name[64];
    for (int k = 0; k < NAMES; k++) {
        if (k == 0)
            snprintf(name, sizeof name, "%s/.out.pdf.tmp-%ld", dir, (long)getpid());
        else
            snprintf(name, sizeof name, "%s/.out.pdf.tmp-%ld-%d", dir, (long)getpid(), k);
        FILE *fp = fopen(name, "wx");
        assert_non_null(fp);
        fclose(fp);
    }
    char *msg = NULL;
    size_t msg_len = 0;
    FILE *mem = open_memstream(&msg, &msg_len);
    vb_diag d;
    vb_diag_init(&d, mem);
    vb_outfile o;
    assert_false(vb_outfile_open(&o, &d, target));
    vb_outfile_abort(&o); /* safe after a failed open */
    fclose(mem);
    assert_int_equal(d.exit_code, VB_EXIT_IO);
    assert_non_null(strstr(msg, "không tạo được tệp kết quả: tệp đã có"));
    free(msg);
    assert_int_equal(access(target, F_OK), -1);
    for (int k = 0; k < NAMES; k++) {
        if (k == 0)
            snprintf(name, sizeof name, "%s/.out.pdf.tmp-%ld", dir, (long)getpid());
        else
            snprintf(name, sizeof name, "%s/.out.pdf.tmp-%ld-%d", dir, (long)getpid(), k);
        assert_int_equal(unlink(name), 0);
    }
    assert_int_equal(rmdir(dir), 0); /* nothing more was made */
    free(target);
}

/* EFBIG and EOVERFLOW mean one thing to a clerk: one Vietnamese string. */
static void strerror_says_too_large_once(void **state)
{
    (void)state;
    assert_string_equal(vb_strerror(EFBIG), "tệp quá lớn");
    assert_ptr_equal(vb_strerror(EOVERFLOW), vb_strerror(EFBIG));
}

/* The heap guess grows with the inputs' sizes, ignores what it cannot stat,
 * and stays bounded whatever the sizes; the reservation leaves malloc working. */
static void heap_estimate_counts_inputs_and_caps(void **state)
{
    (void)state;
    char dir[] = "/tmp/vanban-test-heap-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char file[64];
    snprintf(file, sizeof file, "%s/in.xml", dir);
    FILE *fp = fopen(file, "wb");
    assert_non_null(fp);
    for (int i = 0; i < 1000; i++)
        fputc('x', fp);
    fclose(fp);

    size_t base = vb_heap_estimate(NULL, 0, 20);
    assert_true(base > 0);
    const char *none[] = {NULL, "/nonexistent-dir/x.xml", dir};
    assert_int_equal(vb_heap_estimate(none, 3, 20), base);
    const char *one[] = {file, NULL};
    assert_int_equal(vb_heap_estimate(one, 2, 20), base + 20 * 1000);
    const char *two[] = {file, file};
    assert_int_equal(vb_heap_estimate(two, 2, 4), base + 2 * 4 * 1000);
    size_t capped = vb_heap_estimate(one, 1, SIZE_MAX / 2); /* no overflow */
    assert_true(capped > base && capped <= (size_t)1 << 30);
    assert_int_equal(vb_heap_estimate(two, 2, SIZE_MAX / 2), capped);

    vb_heap_reserve(vb_heap_estimate(one, 1, 20));
    vb_heap_reserve(0);
    char *p = malloc(5 << 20);
    assert_non_null(p);
    memset(p, 1, 5 << 20);
    free(p);

    unlink(file);
    assert_int_equal(rmdir(dir), 0);
}

int main(void)
{
    /* As from a terminal, before vanban installs its handlers: run in the
     * background (`make check &`) the tests start with SIGINT ignored, and
     * vanban rightly leaves an ignored signal ignored. */
    signal(SIGINT, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
    signal(SIGHUP, SIG_DFL);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(utf8_accepts_vietnamese),
        cmocka_unit_test(utf8_rejects_bad_sequences),
        cmocka_unit_test(text_position_counts_characters),
        cmocka_unit_test(buf_builds_strings),
        cmocka_unit_test(outfile_abort_leaves_nothing),
        cmocka_unit_test(outfile_signal_leaves_nothing),
        cmocka_unit_test(outfile_commit_renames),
        cmocka_unit_test(same_file_follows_links_to_files_not_there_yet),
        cmocka_unit_test(outfile_unwritable_dir_reports),
        cmocka_unit_test(outfile_retries_a_taken_temporary_name),
        cmocka_unit_test(outfile_reports_when_every_temporary_name_is_taken),
        cmocka_unit_test(strerror_says_too_large_once),
        cmocka_unit_test(heap_estimate_counts_inputs_and_caps),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
