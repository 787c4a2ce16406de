/* tmpl: templates — the YAML front matter of a Markdown file (libyaml) and,
 * later, the expansion of {{ }} tags against contest data. */
#ifndef VANBAN_TMPL_H
#define VANBAN_TMPL_H

#include "util/util.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct fm_entry {
    const char *key;
    const char *value;   /* a scalar; NULL for a sequence or null */
    const char **items;  /* a sequence of scalars */
    size_t n_items;
    int line;            /* 1-based line of the key in the source file */
} fm_entry;

typedef struct front_matter {
    vb_arena *arena;
    fm_entry *entries;
    size_t n, cap;
    size_t body_offset; /* byte offset of the Markdown body in the source */
    int body_line;      /* 1-based line where the body starts */
} front_matter;

/* Splits a leading "---" YAML block off `text`. A text without one gives an
 * empty front matter with body_offset 0. A YAML error is reported at its
 * file:line:col and false is returned. Keys must map to scalars, null, or
 * sequences of scalars. */
bool front_matter_parse(front_matter *fm, const char *text, size_t len, const char *path,
                        vb_diag *d);
void front_matter_free(front_matter *fm);
/* The scalar value of `key`, or NULL. */
const char *front_matter_get(const front_matter *fm, const char *key);
const fm_entry *front_matter_find(const front_matter *fm, const char *key);
/* Sets (or adds) a scalar, as --set KEY=VALUE does. */
void front_matter_set(front_matter *fm, const char *key, const char *value);

#endif
