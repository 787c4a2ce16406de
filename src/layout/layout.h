/* layout: turns the md tree into pages of positioned text, rules and images
 * (page.h), following a frame_spec: Knuth–Plass paragraphs justified by
 * explicit word positions, lists in two styles, auto-width tables with
 * repeated headers, footnotes at the foot of the citing page, pagination with
 * widow/orphan control and headings kept with what follows. */
#ifndef VANBAN_LAYOUT_H
#define VANBAN_LAYOUT_H

#include "font/font.h"
#include "frame/frame.h"
#include "layout/page.h"
#include "md/md.h"
#include "util/util.h"

/* Lays out a whole document. `info` is copied into the result. Returns NULL
 * after reporting when the document cannot be set (a character missing from
 * the font, an unreadable image, a missing font family). */
page_doc *layout_document(const md_doc *doc, const frame_spec *frame, font_set *fonts,
                          const page_doc_info *info, vb_diag *d);

/* Automatic table layout: given each column's minimum content width (its
 * longest unbreakable word) and maximum content width (its longest line
 * unbroken), both including padding, chooses widths summing to `avail`:
 *   - everything fits unbroken: widths proportional to the maxima;
 *   - otherwise a column whose text fits in its fair share of what is left
 *     (avail / columns left) gets all it needs, narrowest first, and the
 *     wide columns share the rest: each its minimum plus a part of the
 *     spare in proportion to (max - min). Short cells ("Giải Khuyến khích",
 *     a score) stay on one line and only long text wraps, as a typist would
 *     set the table; a browser would wrap them all alike;
 *   - the minima alone do not fit: every column keeps its minimum up to a
 *     common cap that makes the widths fill `avail`, so only the widest
 *     words split, not those of every column. */
void table_column_widths(const double *minw, const double *maxw, size_t n, double avail,
                         double *out);

/* The same for a table with a header row. A header may wrap ("Chiến dịch /
 * 90 ngày"): when the whole table does not fit unbroken, the body's widths
 * are chosen first (`body_max`: the maxima of the body cells; `minw` covers
 * the header's words too), and what remains lets the headers unwrap, in
 * proportion to what each still needs (`all_max`: header included). */
void table_column_widths_headed(const double *minw, const double *body_max, const double *all_max, size_t n,
                                double avail, double *out);

/* Width and height in pixels of a PNG or JPEG file, read from its header.
 * Returns false if the file cannot be read or is neither format. */
bool image_pixel_size(const char *path, int *w, int *h);

#endif
