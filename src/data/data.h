/* data: the contest XML — load (parse without network or entities, validate
 * against the embedded RelaxNG schema, normalize text), check its meaning, and
 * compute the results (totals, eligibility, ranks, prizes, statistics) that are
 * written back into the tree for templates to query with XPath.
 * docs/contest-xml.md documents the model and every result name.
 * Rules are data: nothing here names a contest, a part or a unit. */
#ifndef VANBAN_DATA_H
#define VANBAN_DATA_H

#include "util/util.h"

#include <libxml/tree.h>

typedef struct vb_contest vb_contest;

/* Reads and parses `path` ("-" is stdin), validates it against the schema and
 * normalizes every text node and attribute (NFC, classic tone marks; a
 * person's name keeps its marks as written, vb_contest_name_node). Every
 * problem is reported to d with FILE:LINE:COL in Vietnamese. Returns NULL when
 * the file cannot be used (unreadable, malformed, or not valid for the schema). */
vb_contest *vb_contest_load(vb_diag *d, const char *path);
/* The same for `check`: a well-formed file the schema rejects is reported
 * and still returned, so that vb_contest_check can report what its data
 * means in the same run (every problem in one run). Such a contest is only
 * for vb_contest_check: never compute results from it. */
vb_contest *vb_contest_load_for_check(vb_diag *d, const char *path);
void vb_contest_free(vb_contest *c);

/* Checks what the schema cannot: unknown references, duplicate ids, scores
 * outside 0..part maximum, prize counts that cannot be met, dates out of
 * order, units in no group, groups that count no part, authors of another
 * unit, rate buckets that overlap or leave a unit out.
 * Reports every problem; returns how many errors.
 * What makes the results provisional without the file being wrong (a valid
 * submission without a score, two units with one name, a gap between rate
 * buckets that no unit falls in) is reported as a warning, not counted. */
int vb_contest_check(vb_contest *c, vb_diag *d);

/* What only the computed results show (call after vb_results_compute): an
 * individual prize whose submission has no author, where its certificate
 * would read like a collective one. Reported as warnings. */
void vb_contest_check_results(vb_contest *c, vb_diag *d);

/* Whether a node of the contest tree holds a person's name: a <person>
 * element or its text, a results <person>'s name attribute, a document's
 * signer attribute (names.c). The load keeps their tone marks as written
 * (NFC still), and templates print them so in every tone style. */
bool vb_contest_name_node(const xmlNode *n);

/* The document (owned by the contest): the whole tree, with <results> once
 * vb_results_compute has run. Built on the first call (the load keeps only
 * what `check` and the results need), so it costs a second parse of the
 * file; NULL when that fails (out of memory). */
xmlDocPtr vb_contest_doc(vb_contest *c);
const char *vb_contest_path(const vb_contest *c);

/* Computes the results; vb_contest_doc and the XML output have them as
 * <results> under the root (replacing any previous one). Remaining ties and
 * prizes left unawarded are reported as warnings. Call only after
 * vb_contest_check found no error. */
void vb_results_compute(vb_contest *c, vb_diag *d);

/* Output of `vanban results` (after vb_results_compute). */
void vb_results_text(vb_contest *c, vb_buf *out);
/* decimal is '.' (RFC 4180, what Excel reads under English settings) or ','
 * (Vietnamese settings: numbers "31,25", fields separated by ';'). */
void vb_results_csv(vb_contest *c, vb_buf *out, char decimal);
void vb_results_xml(vb_contest *c, vb_buf *out);
/* The same, written to a stream without an in-memory copy; false on error. */
bool vb_results_xml_write(vb_contest *c, FILE *out);

/* load + check + results in one call, as `render -d` needs: NULL on any
 * error. As with vb_contest_load_for_check and vb_contest_check, a file the
 * schema rejects still has its data checked, and the messages come in file
 * order: every problem in one run, whichever command reads the file. */
vb_contest *vb_contest_prepare(vb_diag *d, const char *path);
/* The same for a caller that will write the XML output: the load then also
 * formats the file for vb_results_xml_write as it reads it (a buffer about
 * the size of the file), so that the output needs neither the whole tree nor
 * a second parse. */
vb_contest *vb_contest_prepare_xml(vb_diag *d, const char *path);
/* The same for a caller that will query the whole tree (vb_contest_doc):
 * the load keeps it as it reads (instead of freeing the big lists and
 * parsing the file a second time on the first vb_contest_doc). */
vb_contest *vb_contest_prepare_tree(vb_diag *d, const char *path);

#endif
