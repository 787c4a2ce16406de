/* cli: argument parsing for each subcommand; each returns the process exit code.
 * Commands only parse arguments and call the stages (DESIGN.md). */
#ifndef VANBAN_CLI_H
#define VANBAN_CLI_H

#include <stdio.h>

int cli_render(int argc, char **argv);
int cli_check(int argc, char **argv);
int cli_results(int argc, char **argv);
int cli_normalize(int argc, char **argv);
void cli_usage(FILE *out);

#endif
