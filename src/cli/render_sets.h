/* The --set options of one render run: shared by render.c and
 * render_sets.c; not the cli interface. */
#ifndef VANBAN_RENDER_SETS_H
#define VANBAN_RENDER_SETS_H

#include "tmpl/tmpl.h"
#include "util/util.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct render_sets {
    const char **items; /* "KEY=VALUE", as given */
    size_t n;
    bool *used;         /* per item: some document took it */
    vb_diag *d;
} render_sets;

/* The main document: each --set replaces a field the template has or one
 * its frame reads (frame_key_read_by). A field only another frame reads
 * ("vien" on an official document) is refused, as an unknown one is, unless
 * the template has attachments, one of which may take it (render_sets_check
 * decides then). False after reporting. */
bool render_sets_main(render_sets *st, front_matter *fm, const char *path);
/* An attachment (kem_theo) takes the page's format and the fields it has
 * that its frame does not read; the fields naming the document stay the
 * main one's. */
void render_sets_attachment(render_sets *st, front_matter *fm);
/* After the main document `fm` and its attachments: a --set none took is
 * refused. False after reporting. */
bool render_sets_check(render_sets *st, const front_matter *fm, const char *path);

#endif
