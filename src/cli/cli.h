/* cli: argument parsing for each subcommand; each returns the process exit code.
 * Commands only parse arguments and call the stages (DESIGN.md). */
#ifndef VANBAN_CLI_H
#define VANBAN_CLI_H

#include "util/util.h"

#include <stdbool.h>
#include <stdio.h>

int cli_render(int argc, char **argv);
int cli_check(int argc, char **argv);
int cli_results(int argc, char **argv);
int cli_normalize(int argc, char **argv);
int cli_calibrate(int argc, char **argv);
void cli_usage(FILE *out);

/* ---- certificates (render_certificate.c) -------------------------------- */
/* Options of `render` that only `frame: certificate` templates take. */
typedef struct cert_cli {
    const char *only;          /* --only XPATH: narrows the `each:` selection */
    const char *split;         /* --split DIR: one PDF per certificate */
    const char *background;    /* --background FILE: a scan of the blank, for preview */
    bool no_background;        /* --no-background: text only, to print onto blanks */
    const char *offset;        /* --offset X,Y (mm) */
    const char *scale;         /* --scale S */
    const char *register_path; /* --register FILE.csv (default: beside the output) */
    bool any;                  /* one of them was given */
} cert_cli;

/* Entries for render's getopt_long table; cert_cli_option takes their codes. */
#define CERT_CLI_LONGOPTS                                                                      \
    {"only", required_argument, NULL, 1001}, {"split", required_argument, NULL, 1002},          \
        {"background", required_argument, NULL, 1003},                                         \
        {"no-background", no_argument, NULL, 1004}, {"offset", required_argument, NULL, 1005}, \
        {"scale", required_argument, NULL, 1006}, {"register", required_argument, NULL, 1007}
/* Stores one of those options; false if `code` is not one of them. */
bool cert_cli_option(int code, const char *arg, cert_cli *cc);

struct front_matter;
/* The certificate flow of `render`, once the front matter says
 * `frame: certificate`: data → one page per `each:` node → PDF(s) + register. */
int render_certificate(const char *input, const char *text, size_t len,
                       struct front_matter *fm, const char *data, const char *output,
                       const char *font_family, const cert_cli *cc, vb_diag *d);

#endif
