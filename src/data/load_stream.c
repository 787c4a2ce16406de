/* The streaming load: one pass of libxml2's parser with its tree builder,
 * validating against the schema as elements open and close (RelaxNG's push
 * interface, as xmlTextReader uses it), and freeing each entry of <units>,
 * <people> and <submissions> once it is validated, normalized and in the
 * model. The tree of a 200,000-submission file would take about 15 bytes per
 * byte of input; what stays here is the rest of the document (parts, groups,
 * rules, prizes, committees, …), small at any scale.
 *
 * Nothing is reported: at the first problem the pass stops and returns NULL,
 * and vb_contest_load takes the tree path, which finds and words every error
 * with its position. So this file only has to be right about valid files.
 *
 * Text is normalized as the tree path does, once: the root's and a list's
 * attributes when they start, each entry and each other child of the root
 * when it ends (after validation, which sees the text as written). When the
 * caller will write the XML output, xml_stream.c formats each of those as
 * it ends, before it is freed. */
#include "model.h"
#include "schema.h"
#include "util/xml_errors.h"

#include <libxml/SAX2.h>
#include <libxml/parserInternals.h>
#include <string.h>

enum list_kind { LIST_NONE = -1, LIST_UNITS, LIST_PEOPLE, LIST_SUBS };

typedef struct stream {
    vb_contest *c;
    const contest_schema *s;
    xmlParserCtxtPtr ctxt;
    xmlRelaxNGValidCtxtPtr v;
    /* libxml2's tree builder, wrapped */
    startElementNsSAX2Func start;
    endElementNsSAX2Func end;
    charactersSAXFunc characters;
    commentSAXFunc comment;
    processingInstructionSAXFunc pi;
    xmlNodePtr root;
    xmlNodePtr list;       /* the list being read, or NULL */
    enum list_kind kind;
    xmlNodePtr entry;      /* the entry of the list being read, or NULL */
    xmlNodePtr full;       /* an element RelaxNG validates whole, at its end */
    xmlNodePtr text;       /* a text node not yet given to the validator */
    bool list_text;        /* the list being read has text of its own */
    int list_entries;
    xml_stream *xml;       /* the XML output, formatted while reading; or NULL */
    endDocumentSAXFunc end_doc;
    bool failed;
    bool stopped;          /* xmlStopParser called (see fail) */
    bool keep;             /* keep every entry: the caller wants the whole tree */
} stream;

static enum list_kind list_kind(const xmlChar *name)
{
    const char *n = (const char *)name;
    return strcmp(n, "units") == 0         ? LIST_UNITS
           : strcmp(n, "people") == 0      ? LIST_PEOPLE
           : strcmp(n, "submissions") == 0 ? LIST_SUBS
                                           : LIST_NONE;
}

/* The parser is stopped only once the SAX callback in progress has
 * returned: xmlStopParser frees the input buffer, and libxml2's own handler
 * (xmlSAX2StartElementNs, called after a text flush that can fail here)
 * still reads the element's name and attributes from it. */
static void fail(stream *st) { st->failed = true; }

static void stop_if_failed(stream *st)
{
    if (st->failed && !st->stopped) {
        st->stopped = true;
        xmlStopParser(st->ctxt);
    }
}

/* A text node is complete when the next node starts or its parent ends;
 * only then is it given to the validator, as xmlTextReader does. */
static void flush_text(stream *st)
{
    xmlNodePtr t = st->text;
    st->text = NULL;
    if (t && !st->failed && xmlRelaxNGValidatePushCData(st->v, t->content, 0) != 1)
        fail(st);
}

/* An entry, whole: validated as if it had been pushed while parsed. */
static bool replay(stream *st, xmlNodePtr n)
{
    xmlDocPtr doc = st->ctxt->myDoc;
    int r = xmlRelaxNGValidatePushElement(st->v, doc, n);
    if (r == 0)
        return xmlRelaxNGValidateFullElement(st->v, doc, n) == 1;
    if (r != 1)
        return false;
    for (xmlNodePtr k = n->children; k; k = k->next) {
        if (k->type == XML_ELEMENT_NODE) {
            if (!replay(st, k))
                return false;
        } else if (k->type == XML_TEXT_NODE || k->type == XML_CDATA_SECTION_NODE) {
            if (k->content && xmlRelaxNGValidatePushCData(st->v, k->content, 0) != 1)
                return false;
        }
    }
    return xmlRelaxNGValidatePopElement(st->v, doc, n) == 1;
}

static void take_entry(stream *st, xmlNodePtr n)
{
    /* Checked directly when the schema allows it (schema_fast.c), else by
     * RelaxNG. Skipping RelaxNG for an entry leaves the list's own content
     * model (zeroOrMore of the entry) satisfied. */
    if (!schema_fast_accept(st->s->fast[st->kind], n) && !replay(st, n)) {
        fail(st);
        return;
    }
    normalize_element(n);
    switch (st->kind) {
    case LIST_UNITS: model_add_unit(&st->c->m, n); break;
    case LIST_PEOPLE: model_add_person(&st->c->m, n); break;
    case LIST_SUBS: model_add_sub(&st->c->m, n); break;
    case LIST_NONE: break;
    }
}

static void sax_start(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri,
                      int nb_namespaces, const xmlChar **namespaces, int nb_attributes,
                      int nb_defaulted, const xmlChar **attributes)
{
    xmlParserCtxtPtr ctxt = ctx;
    stream *st = ctxt->_private;
    if (!st->entry && !st->full)
        flush_text(st);
    xmlNodePtr parent = ctxt->node;
    st->start(ctx, localname, prefix, uri, nb_namespaces, namespaces, nb_attributes, nb_defaulted,
              attributes);
    xmlNodePtr n = ctxt->node;
    if (n != parent)
        remember_start(st->c, ctxt, n);
    if (st->failed || st->entry || !n || n == parent) {
        if (!n || n == parent)
            fail(st); /* no node was made (out of memory) */
        return;
    }
    if (!st->root)
        st->root = n;
    if (st->list && n->parent == st->list) {
        st->entry = n; /* validated at its end, whole */
        return;
    }
    bool is_list = n->parent == st->root && !n->ns && list_kind(n->name) != LIST_NONE;
    if (st->full) {
        if (is_list)
            fail(st); /* a list inside an element validated whole: never pruned */
        return;
    }
    int r = xmlRelaxNGValidatePushElement(st->v, ctxt->myDoc, n);
    if (r == 0 && !is_list)
        st->full = n;
    else if (r != 1)
        fail(st);
    if (n == st->root || is_list)
        normalize_element(n); /* its attributes: it has no child yet */
    if (is_list) {
        st->list = n;
        st->kind = list_kind(n->name);
    }
    if (st->xml && n == st->root) {
        /* libxml2 escapes attributes by whether the document has an encoding,
         * which the parser sets only at its end (see on_end_document). */
        if (!ctxt->myDoc->encoding)
            ctxt->myDoc->encoding = xmlStrdup((const xmlChar *)"UTF-8");
        xml_stream_root(st->xml, n);
    } else if (st->xml && is_list) {
        xml_stream_list(st->xml, n);
    }
}

static void on_start(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri,
                     int nb_namespaces, const xmlChar **namespaces, int nb_attributes,
                     int nb_defaulted, const xmlChar **attributes)
{
    sax_start(ctx, localname, prefix, uri, nb_namespaces, namespaces, nb_attributes, nb_defaulted, attributes);
    stop_if_failed(((xmlParserCtxtPtr)ctx)->_private);
}

static void sax_end(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri)
{
    xmlParserCtxtPtr ctxt = ctx;
    stream *st = ctxt->_private;
    xmlNodePtr n = ctxt->node;
    if (st->entry) {
        bool done = n == st->entry;
        if (done && !st->failed)
            take_entry(st, n);
        st->end(ctx, localname, prefix, uri);
        if (done && st->xml && !st->failed)
            xml_stream_entry(st->xml, n);
        if (done && st->keep) {
            st->entry = NULL;
            st->list_entries++;
        } else if (done) {
            /* Free what came before the entry in the list; the entry itself
             * stays until the next one ends, so that the parser, which looks
             * at the last and first child to decide whether whitespace is
             * kept, sees the same as in the whole tree. */
            xmlNodePtr k;
            while ((k = st->list->children) != n) {
                xmlUnlinkNode(k);
                xmlFreeNode(k);
            }
            st->entry = NULL;
            st->list_entries++;
        }
        return;
    }
    if (!st->full)
        flush_text(st);
    if (!st->failed && n) {
        if (n == st->full) {
            if (xmlRelaxNGValidateFullElement(st->v, ctxt->myDoc, n) != 1)
                fail(st);
            st->full = NULL;
        } else if (!st->full && xmlRelaxNGValidatePopElement(st->v, ctxt->myDoc, n) != 1) {
            fail(st);
        }
    }
    st->end(ctx, localname, prefix, uri);
    if (!n || st->failed)
        return;
    if (n == st->list) {
        /* xml_stream.c writes a list entry by entry, indented: not possible
         * when the list also has text (libxml2 then writes it as is), unless
         * there is no entry to write. */
        if (st->list_text && st->list_entries > 0)
            st->c->xml_streamable = false;
        if (st->xml) {
            if (st->list_entries == 0)
                normalize_element(n); /* written whole */
            xml_stream_list_end(st->xml);
        }
        xmlNodePtr k; /* the last entry, and anything after it */
        while (!st->keep && (k = n->children) != NULL) {
            xmlUnlinkNode(k);
            xmlFreeNode(k);
        }
        st->list = NULL;
        st->list_text = false;
        st->list_entries = 0;
    } else if (n->parent == st->root) {
        normalize_element(n);
        if (st->xml)
            xml_stream_child(st->xml);
    } else if (n == st->root && st->xml) {
        xml_stream_child(st->xml); /* what follows the root's last element */
    }
}

static void on_end(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri)
{
    sax_end(ctx, localname, prefix, uri);
    stop_if_failed(((xmlParserCtxtPtr)ctx)->_private);
}

/* The encoding the parser gives the document at its end: xml_stream.c
 * formatted as for UTF-8, so anything else means the whole tree is written. */
static void on_end_document(void *ctx)
{
    xmlParserCtxtPtr ctxt = ctx;
    stream *st = ctxt->_private;
    xmlDocPtr doc = ctxt->myDoc;
    const xmlChar *assumed = doc && st->xml ? doc->encoding : NULL;
    if (assumed)
        doc->encoding = NULL;
    st->end_doc(ctx);
    if (assumed) {
        if (!doc->encoding || xmlParseCharEncoding((const char *)doc->encoding) != XML_CHAR_ENCODING_UTF8)
            st->c->xml_streamable = false;
        if (!doc->encoding)
            doc->encoding = assumed;
        else
            xmlFree((xmlChar *)assumed);
    }
}

static void sax_characters(void *ctx, const xmlChar *ch, int len)
{
    xmlParserCtxtPtr ctxt = ctx;
    stream *st = ctxt->_private;
    st->characters(ctx, ch, len);
    if (st->entry || st->full || !ctxt->node)
        return;
    if (ctxt->node == st->root)
        st->c->xml_streamable = false; /* the root's children would not be indented */
    else if (ctxt->node == st->list)
        st->list_text = true;
    xmlNodePtr last = ctxt->node->last;
    if (last && last->type == XML_TEXT_NODE)
        st->text = last;
}

static void on_characters(void *ctx, const xmlChar *ch, int len)
{
    sax_characters(ctx, ch, len);
    stop_if_failed(((xmlParserCtxtPtr)ctx)->_private);
}

static void sax_comment(void *ctx, const xmlChar *value)
{
    xmlParserCtxtPtr ctxt = ctx;
    stream *st = ctxt->_private;
    if (!st->entry && !st->full)
        flush_text(st);
    st->comment(ctx, value);
}

static void on_comment(void *ctx, const xmlChar *value)
{
    sax_comment(ctx, value);
    stop_if_failed(((xmlParserCtxtPtr)ctx)->_private);
}

static void sax_pi(void *ctx, const xmlChar *target, const xmlChar *data)
{
    xmlParserCtxtPtr ctxt = ctx;
    stream *st = ctxt->_private;
    if (!st->entry && !st->full)
        flush_text(st);
    st->pi(ctx, target, data);
}

static void on_pi(void *ctx, const xmlChar *target, const xmlChar *data)
{
    sax_pi(ctx, target, data);
    stop_if_failed(((xmlParserCtxtPtr)ctx)->_private);
}

static void on_valid_error(void *data, xmlErrorPtr err)
{
    vb_xml_error_check(err);
    /* Stop as soon as the callback returns: the tree path parses the file
     * again, and a file broken near its top would otherwise be read twice
     * to its end. */
    fail(data);
}

/* The tree path reports what is wrong with the file. */
static void on_parse_error(void *data, xmlErrorPtr err)
{
    (void)data;
    vb_xml_error_check(err);
}

xmlDocPtr load_stream(vb_contest *c, const contest_schema *s, bool xml, bool keep)
{
    xmlParserCtxtPtr ctxt = xmlCreateMemoryParserCtxt(c->src, (int)c->src_len);
    xmlRelaxNGValidCtxtPtr v = ctxt ? xmlRelaxNGNewValidCtxt(s->schema) : NULL;
    if (!v) {
        xmlFreeParserCtxt(ctxt);
        return NULL;
    }
    stream st = {.c = c, .s = s, .ctxt = ctxt, .v = v, .kind = LIST_NONE, .keep = keep,
                 .xml = xml ? xml_stream_new() : NULL};
    xmlRelaxNGSetValidStructuredErrors(v, on_valid_error, &st);
    xmlCtxtUseOptions(ctxt, source_parse_options(c));
    if (ctxt->input && !ctxt->input->filename)
        ctxt->input->filename = (char *)xmlStrdup((const xmlChar *)c->path);
    ctxt->_private = &st;
    ctxt->sax->serror = on_parse_error;
    st.start = ctxt->sax->startElementNs;
    st.end = ctxt->sax->endElementNs;
    st.characters = ctxt->sax->characters;
    st.comment = ctxt->sax->comment;
    st.pi = ctxt->sax->processingInstruction;
    ctxt->sax->startElementNs = on_start;
    ctxt->sax->endElementNs = on_end;
    ctxt->sax->characters = on_characters;
    ctxt->sax->comment = on_comment;
    ctxt->sax->processingInstruction = on_pi;
    st.end_doc = ctxt->sax->endDocument;
    ctxt->sax->endDocument = on_end_document;
    model_init(&c->m);
    c->xml_streamable = xml;
    xmlParseDocument(ctxt);
    xmlDocPtr doc = ctxt->myDoc;
    ctxt->myDoc = NULL;
    source_name_doc(c, doc);
    bool ok = !st.failed && ctxt->wellFormed && doc && !doc->intSubset && !doc->extSubset && st.root &&
              !st.entry && !st.full;
    if (ok && c->xml_streamable)
        c->xml = st.xml;
    else
        xml_stream_free(st.xml);
    xmlRelaxNGFreeValidCtxt(v);
    xmlFreeParserCtxt(ctxt);
    if (!ok) {
        if (doc)
            xmlFreeDoc(doc);
        model_free(&c->m);
        memset(&c->m, 0, sizeof c->m);
        return NULL;
    }
    return doc;
}
