/* libxml2's error output, for every use of it in vanban (parsing, RelaxNG,
 * XPath, writing XML). libxml2 prints what goes wrong in English on stderr
 * ("parser error : out of memory error", "internal buffer error : Memory
 * allocation failed : growing buffer", hundreds of lines under a memory
 * limit) unless told where to send it. vanban says what failed itself, in
 * Vietnamese, from what each call returns; libxml2's own text is never
 * shown. */
#ifndef VANBAN_XML_ERRORS_H
#define VANBAN_XML_ERRORS_H

#include <libxml/xmlerror.h>

/* Sends libxml2's process-wide error output here: errors of a context that
 * has no handler of its own, and what libxml2 prints with no context at
 * all. Call once at start, before any use of libxml2 and on the thread
 * that uses it: libxml2 keeps these handlers per thread. */
void vb_xml_errors_init(void);

/* For every handler of a libxml2 context (a parser's serror, a RelaxNG
 * context's structured errors, an XPath context's error): libxml2 out of
 * memory ends the process as vb_xmalloc does (vb_out_of_memory). libxml2
 * carries on after it with less than it should (a concat() that dropped
 * its arguments printed a wrong number, exit 0; a parse that failed for
 * want of memory was reported as a file that is not XML): nothing after it
 * can be trusted. Other errors are the handler's to word. */
void vb_xml_error_check(const xmlError *err);

#endif
