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
struct vb_contest;
struct font_set;
/* The certificate flow of `render`, once the front matter says
 * `frame: certificate`: one page per `each:` node of the contest (loaded
 * with its results; NULL without -d) → PDF(s) + register. */
int render_certificate(const char *input, const char *text, size_t len,
                       struct front_matter *fm, int tone, struct vb_contest *contest,
                       struct font_set *fonts, const char *output, const cert_cli *cc,
                       vb_diag *d);

#endif
