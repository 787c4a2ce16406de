/* pdf: writes a laid-out document (layout/page.h) as PDF with libharu.
 *
 * Works around libharu 2.3.0's UTF-8 TrueType problems (docs/libharu-notes.md):
 * fonts are subset with hb-subset before libharu sees them, justified lines are
 * written as TJ arrays with explicit space adjustments, every font's ToUnicode
 * CMap is rewritten, Info strings and outline titles are UTF-16. */
#ifndef VANBAN_PDF_H
#define VANBAN_PDF_H

#include "layout/page.h"
#include "util/util.h"

typedef struct pdf_options {
    int64_t timestamp; /* creation/modification date, seconds since the epoch */
    /* When set, the PDF is written and synced to its temporary file (see
     * vb_outfile_sync), which *hold keeps: the caller commits it
     * (vb_outfile_commit) or drops it (vb_outfile_abort) together with the
     * files that go with it. */
    vb_outfile *hold;
} pdf_options;

/* Writes the document to `path` ("-" is stdout) atomically: on any error
 * nothing is left at `path` and false is returned after reporting. */
bool pdf_write(const page_doc *doc, const pdf_options *opt, const char *path, vb_diag *d);

#endif
