/* The fixture of unit tests that load real fonts: a font set with the
 * default families and a diagnostics sink whose messages a test can read
 * (f->msg after fflush(f->out)). Used as a cmocka setup/teardown pair. */
#ifndef VANBAN_TEST_FONT_FIXTURE_H
#define VANBAN_TEST_FONT_FIXTURE_H

#include "font/font.h"
#include "util/util.h"

#include <stdio.h>
#include <stdlib.h>

typedef struct fixture {
    font_set *fs;
    vb_diag d;
    char *msg;
    size_t msg_len;
    FILE *out;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    f->out = open_memstream(&f->msg, &f->msg_len);
    vb_diag_init(&f->d, f->out);
    f->fs = font_set_new(NULL);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    font_set_free(f->fs);
    fclose(f->out);
    free(f->msg);
    free(f);
    return 0;
}

#endif
