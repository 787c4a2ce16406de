/* vanban: Vietnamese official documents from contest data and Markdown templates. */
#include "cli/cli.h"
#include "util/util.h"

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

int main(int argc, char **argv)
{
    if (argc < 2) {
        cli_usage(stderr);
        return VB_EXIT_USAGE;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        cli_usage(stdout);
        return VB_OK;
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("vanban %s\n", VANBAN_VERSION);
        return VB_OK;
    }
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strcmp(argv[1], commands[i].name) == 0)
            return commands[i].run(argc - 1, argv + 1);
    fprintf(stderr, "vanban: lỗi: không có lệnh '%s'; xem 'vanban --help'\n", argv[1]);
    return VB_EXIT_USAGE;
}
