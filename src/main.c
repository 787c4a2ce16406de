/* vanban: Vietnamese official documents from contest data and Markdown templates. */
#include "cli/cli.h"
#include "util/util.h"
#include "util/xml_errors.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>

struct command {
    const char *name;
    int (*run)(int argc, char **argv);
};

static const struct command commands[] = {
    {"render", cli_render},
    {"normalize", cli_normalize},
    {"check", cli_check},
    {"results", cli_results},
    {"calibrate", cli_calibrate},
};

/* What went to standard output (--help, --version, a command's --help),
 * flushed here so that a full disk or a closed pipe is an error (exit 3),
 * not a silent success. */
static int answer_on_stdout(void)
{
    if (fflush(stdout) == 0 && !ferror(stdout))
        return VB_OK;
    fprintf(stderr, "vanban: lỗi: không ghi được ra đầu ra chuẩn\n");
    return VB_EXIT_IO;
}

int main(int argc, char **argv)
{
    /* Past `ulimit -f` a write fails with EFBIG, reported as any full disk
     * (exit 3, the temporary file removed); by default SIGXFSZ killed the
     * process silently and left ".out.pdf.tmp-PID" behind. */
    signal(SIGXFSZ, SIG_IGN);
    /* libxml2's English lines on stderr ("out of memory error" by the
     * hundred under a memory limit) go through vanban instead, for every
     * command. */
    vb_xml_errors_init();
    if (argc < 2) {
        cli_usage(stderr);
        return VB_EXIT_USAGE;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        cli_usage(stdout);
        return answer_on_stdout();
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("vanban %s\n", VANBAN_VERSION);
        return answer_on_stdout();
    }
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strcmp(argv[1], commands[i].name) == 0) {
            int rc = commands[i].run(argc - 1, argv + 1);
            return rc == VB_OK ? answer_on_stdout() : rc; /* a command's --help too */
        }
    fprintf(stderr, "vanban: lỗi: không có lệnh '%s'; xem 'vanban --help'\n", argv[1]);
    return VB_EXIT_USAGE;
}
