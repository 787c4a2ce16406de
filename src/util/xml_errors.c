/* libxml2's error output routed through vanban (see xml_errors.h). The
 * handlers are libxml2's per-thread state, set once; nothing here is ours
 * to change. */
#include "xml_errors.h"

#include "util.h"

#include <libxml/xmlerror.h>

void vb_xml_error_check(const xmlError *err)
{
    if (err && (err->code == XML_ERR_NO_MEMORY || err->code == XML_XPATH_MEMORY_ERROR))
        vb_out_of_memory();
}

/* Errors no context of ours handles: the allocation failures of libxml2's
 * strings and buffers, raised with no context, and the parses vanban runs
 * with XML_PARSE_NOERROR. Each call that failed says so by what it returns,
 * and its caller reports it. */
static void on_error(void *ctx, xmlErrorPtr err)
{
    (void)ctx;
    vb_xml_error_check(err);
}

/* Text libxml2 prints with no error record at all ("xmlXPathCompOpEval:
 * function foo not found"): the XPath context's handler has the error. */
static void drop(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

void vb_xml_errors_init(void)
{
    xmlSetGenericErrorFunc(NULL, drop);
    xmlSetStructuredErrorFunc(NULL, on_error);
}
