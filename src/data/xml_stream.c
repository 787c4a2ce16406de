/* `vanban results --format xml` without the whole tree. The output must be,
 * byte for byte, what xmlDocFormatDump prints for the whole (normalized) tree
 * with <results> appended (vb_contest_doc); that tree would take 15 bytes of
 * memory per byte of file.
 *
 * libxml2 indents an element's children, one per line, when none of them is
 * text, each written at its depth (xmlNodeDumpOutput with a level). So while
 * the streaming load reads the file (load_stream.c), each child of the root
 * is written to a buffer as soon as it ends, at level 1; a list (<units>,
 * <people>, <submissions>) as its start tag, then each entry as it ends (level
 * 2, before load_stream.c frees it), then its end tag. At output time come the
 * XML declaration, that buffer, then <results> one child at a time as
 * results_write_each builds them, then the root's end tag.
 *
 * load_stream.c says when this cannot give the same bytes (c->xml_streamable
 * false: text beside the root's or a list's elements, which libxml2 does not
 * indent), and the encoding must be UTF-8 (libxml2 writes the others, or none
 * declared, with character references); then the whole tree is written. */
#include "results.h"

#include <libxml/globals.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlIO.h>
#include <libxml/xmlsave.h>
#include <limits.h>
#include <string.h>

#define MAX_INDENT 60 /* xmlsave.c: the indentation stops growing there */

struct xml_stream {
    xmlDocPtr doc;
    vb_buf out;              /* what is formatted, not yet written */
    xmlOutputBufferPtr sink; /* where it goes, once writing */
    char indent[MAX_INDENT + 1]; /* libxml2's indentation at its deepest */
    size_t indent_size;      /* of one level */
    int indent_nr;           /* the deepest level indented further */
    bool no_empty;           /* libxml2 writes <a></a> for <a/> */
    xmlNodePtr root;
    char *root_tag;          /* "<contest …>", until written */
    xmlNodePtr root_done;    /* the last child of the root written, or NULL */
    xmlNodePtr list;
    char *list_tag;
    xmlNodePtr list_done;    /* the last child of the list written, or NULL */
    bool results_open;
    bool failed;
};

static void put(xml_stream *x, const char *s) { vb_buf_puts(&x->out, s); }

static inline void app(vb_buf *b, const char *p, size_t n);

static void indent(xml_stream *x, int level)
{
    app(&x->out, x->indent, x->indent_size * (size_t)(level > x->indent_nr ? x->indent_nr : level));
}

/* ---- libxml2's serialization, for the shape of list entries -------------------- */
/* xmlNodeDumpOutput of libxml2 2.9 (format 1, a document with an encoding)
 * writes a token at a time: a quarter of the XML output's time for 200,000
 * submissions. These functions write the same bytes at once for
 * elements made of elements, attributes and text only; anything else (a
 * comment, a namespace, an entity) is left to libxml2. */
static bool plain(xmlNodePtr n, int depth)
{
    if (n->type == XML_TEXT_NODE)
        return n->content && n->name == xmlStringText;
    if (n->type != XML_ELEMENT_NODE || n->ns || n->nsDef || depth > 32)
        return false;
    for (xmlAttrPtr a = n->properties; a; a = a->next)
        if (a->ns || (a->children && (a->children->type != XML_TEXT_NODE || a->children->next ||
                                      !a->children->content)))
            return false;
    for (xmlNodePtr k = n->children; k; k = k->next)
        if (!plain(k, depth + 1))
            return false;
    return true;
}

/* vb_buf_append, inlined here: this runs for every token of 200,000 entries. */
static inline void app(vb_buf *b, const char *p, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        vb_buf_append(b, p, n);
        return;
    }
    memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = '\0';
}

static inline void app_s(vb_buf *b, const char *s) { app(b, s, strlen(s)); }

/* xmlBufAttrSerializeTxtContent, for a document that has an encoding
 * (attr), and xmlEscapeContent (text). */
static void escape(vb_buf *b, const char *s, bool attr)
{
    const char *base = s;
    for (; *s; s++) {
        const char *rep;
        switch (*s) {
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '&': rep = "&amp;"; break;
        case '\r': rep = "&#13;"; break;
        case '\n': rep = attr ? "&#10;" : NULL; break;
        case '\t': rep = attr ? "&#9;" : NULL; break;
        case '"': rep = attr ? "&quot;" : NULL; break;
        default: continue;
        }
        if (rep) {
            app(b, base, (size_t)(s - base));
            app_s(b, rep);
            base = s + 1;
        }
    }
    app(b, base, (size_t)(s - base));
}

/* xmlNodeDumpOutputInternal for a plain element at `level`, its own
 * indentation excluded; `format` as its parent left it. */
static void write_plain(xml_stream *x, xmlNodePtr n, int level, bool format)
{
    vb_buf *b = &x->out;
    app(b, "<", 1);
    app_s(b, (const char *)n->name);
    for (xmlAttrPtr a = n->properties; a; a = a->next) {
        app(b, " ", 1);
        app_s(b, (const char *)a->name);
        app(b, "=\"", 2);
        if (a->children)
            escape(b, (const char *)a->children->content, true);
        app(b, "\"", 1);
    }
    if (!n->children) {
        app(b, "/>", 2);
        return;
    }
    for (xmlNodePtr k = n->children; format && k; k = k->next)
        if (k->type == XML_TEXT_NODE)
            format = false; /* text inside: nothing below is indented */
    app(b, format ? ">\n" : ">", format ? 2 : 1);
    for (xmlNodePtr k = n->children; k; k = k->next) {
        if (k->type == XML_TEXT_NODE) {
            escape(b, (const char *)k->content, false);
        } else {
            if (format)
                indent(x, level + 1);
            write_plain(x, k, level + 1, format);
        }
        if (format)
            app(b, "\n", 1);
    }
    if (format)
        indent(x, level);
    app(b, "</", 2);
    app_s(b, (const char *)n->name);
    app(b, ">", 1);
}

/* A node and its subtree at `level`, on a line of its own. */
static void put_node(xml_stream *x, xmlNodePtr n, int level)
{
    indent(x, level);
    if (!x->no_empty && x->doc && x->doc->encoding && n->type == XML_ELEMENT_NODE && plain(n, 0)) {
        write_plain(x, n, level, true);
    } else {
        xmlOutputBufferPtr tmp = xmlAllocOutputBuffer(NULL);
        if (tmp) {
            xmlNodeDumpOutput(tmp, x->doc, n, level, 1, NULL);
            xmlOutputBufferFlush(tmp);
            vb_buf_append(&x->out, xmlOutputBufferGetContent(tmp), xmlOutputBufferGetSize(tmp));
            if (tmp->error)
                x->failed = true;
            xmlOutputBufferClose(tmp);
        } else {
            x->failed = true;
        }
    }
    put(x, "\n");
}

/* The start tag of an element without children, as libxml2 writes it:
 * "<name attrs/>" without the "/". */
static char *start_tag(xml_stream *x, xmlNodePtr n, int level)
{
    xmlOutputBufferPtr tmp = xmlAllocOutputBuffer(NULL);
    if (!tmp)
        return NULL;
    xmlNodeDumpOutput(tmp, x->doc, n, level, 1, NULL);
    xmlOutputBufferFlush(tmp);
    const char *s = (const char *)xmlOutputBufferGetContent(tmp);
    size_t len = xmlOutputBufferGetSize(tmp);
    char *tag = NULL;
    if (s && len >= 2 && memcmp(s + len - 2, "/>", 2) == 0) {
        tag = vb_xmalloc(len);
        memcpy(tag, s, len - 2);
        memcpy(tag + len - 2, ">", 2);
    }
    xmlOutputBufferClose(tmp);
    return tag;
}

static bool is_results(xmlNodePtr k)
{
    return k->type == XML_ELEMENT_NODE && !k->ns && strcmp((const char *)k->name, "results") == 0;
}

/* The root's children not written yet, up to `stop` (excluded; NULL: all of
 * them), after the root's start tag if that is not written yet. */
static void put_root_until(xml_stream *x, xmlNodePtr stop)
{
    if (x->root_tag) {
        put(x, x->root_tag);
        put(x, "\n");
        free(x->root_tag);
        x->root_tag = NULL;
    }
    for (xmlNodePtr k = x->root_done ? x->root_done->next : x->root->children; k && k != stop; k = k->next) {
        if (!is_results(k)) /* an earlier <results> is replaced by the new one, at the end */
            put_node(x, k, 1);
        x->root_done = k;
    }
}

/* The list's children not written yet, up to `last` (included; NULL: all). */
static void put_list_until(xml_stream *x, xmlNodePtr last)
{
    for (xmlNodePtr k = x->list_done ? x->list_done->next : x->list->children; k; k = k->next) {
        put_node(x, k, 2);
        x->list_done = k;
        if (k == last)
            break;
    }
}

xml_stream *xml_stream_new(void)
{
    xml_stream *x = vb_xcalloc(1, sizeof *x);
    vb_buf_init(&x->out);
    /* As xmlSaveCtxtInit computes it, read once: libxml2's globals are
     * functions of the thread. */
    const char *unit = xmlIndentTreeOutput && xmlTreeIndentString ? xmlTreeIndentString : "";
    size_t size = strlen(unit);
    if (size > 0 && size <= MAX_INDENT) {
        x->indent_size = size;
        x->indent_nr = (int)(MAX_INDENT / size);
        for (int i = 0; i < x->indent_nr; i++)
            memcpy(x->indent + (size_t)i * size, unit, size);
    }
    x->no_empty = xmlSaveNoEmptyTags != 0;
    return x;
}

void xml_stream_free(xml_stream *x)
{
    if (!x)
        return;
    vb_buf_free(&x->out);
    free(x->root_tag);
    free(x->list_tag);
    free(x);
}

void xml_stream_root(xml_stream *x, xmlNodePtr root)
{
    x->doc = root->doc;
    x->root = root;
    x->root_tag = start_tag(x, root, 0);
}

void xml_stream_list(xml_stream *x, xmlNodePtr list)
{
    x->list = list;
    x->list_done = NULL;
    x->list_tag = start_tag(x, list, 1);
}

void xml_stream_entry(xml_stream *x, xmlNodePtr entry)
{
    if (x->list_tag) { /* the list's first entry: now it is known to have one */
        put_root_until(x, x->list);
        indent(x, 1);
        put(x, x->list_tag);
        put(x, "\n");
        free(x->list_tag);
        x->list_tag = NULL;
    }
    put_list_until(x, entry);
}

void xml_stream_list_end(xml_stream *x)
{
    if (x->list_tag) {
        put_root_until(x, NULL); /* no entry: written whole, as libxml2 does */
        free(x->list_tag);
        x->list_tag = NULL;
    } else {
        put_list_until(x, NULL);
        indent(x, 1);
        put(x, "</");
        put(x, (const char *)x->list->name);
        put(x, ">\n");
        x->root_done = x->list;
    }
    x->list = NULL;
}

void xml_stream_child(xml_stream *x) { put_root_until(x, NULL); }

/* ---- writing ------------------------------------------------------------------ */
/* What is formatted, through libxml2's output (and its encoder, as
 * xmlDocFormatDump does). */
static void flush(xml_stream *x, xmlOutputBufferPtr out)
{
    if (x->out.len)
        xmlOutputBufferWrite(out, (int)x->out.len, x->out.data);
    vb_buf_clear(&x->out);
}

static void emit_result(void *ctx, xmlNodePtr child)
{
    xml_stream *x = ctx;
    xmlNodePtr res = child->parent;
    xmlUnlinkNode(child); /* the earlier ones are freed: <results> is childless now */
    if (!x->results_open) {
        char *tag = start_tag(x, res, 1);
        indent(x, 1);
        put(x, tag ? tag : "<results>");
        put(x, "\n");
        free(tag);
        x->results_open = true;
    }
    put_node(x, child, 2);
    xmlFreeNode(child);
    if (x->out.len > (1 << 20))
        flush(x, x->sink);
}

bool xml_stream_write(vb_contest *c, xml_stream *x, FILE *f)
{
    xmlDocPtr doc = c->doc; /* the load's: version, encoding, standalone, what is around the root */
    xmlCharEncodingHandlerPtr handler = xmlFindCharEncodingHandler((const char *)doc->encoding);
    xmlOutputBufferPtr out = handler ? xmlOutputBufferCreateFile(f, handler) : NULL;
    if (!out || !x->root || x->root_tag || x->failed || x->out.len > INT_MAX) {
        if (out)
            xmlOutputBufferClose(out);
        return false;
    }
    /* The XML declaration as xmlDocContentDumpOutput writes it, and what
     * precedes the root; then what the load formatted. */
    vb_buf body = x->out;
    vb_buf_init(&x->out);
    x->sink = out;
    put(x, "<?xml version=\"");
    put(x, doc->version ? (const char *)doc->version : "1.0");
    put(x, "\" encoding=\"");
    put(x, (const char *)doc->encoding);
    put(x, "\"");
    if (doc->standalone == 0)
        put(x, " standalone=\"no\"");
    else if (doc->standalone == 1)
        put(x, " standalone=\"yes\"");
    put(x, "?>\n");
    xmlNodePtr root = xmlDocGetRootElement(doc);
    for (xmlNodePtr k = doc->children; k && k != root; k = k->next)
        put_node(x, k, 0);
    flush(x, out);
    if (body.len)
        xmlOutputBufferWrite(out, (int)body.len, body.data);
    vb_buf_free(&body);
    /* The new <results>, the root's end tag, then what follows the root. */
    xmlNodePtr res = xmlNewDocNode(doc, NULL, (const xmlChar *)"results", NULL);
    results_write_each(c, c->res, res, emit_result, x);
    if (x->results_open) {
        indent(x, 1);
        put(x, "</results>\n");
    } else {
        put_node(x, res, 1);
    }
    xmlFreeNode(res);
    put(x, "</");
    put(x, (const char *)root->name);
    put(x, ">\n");
    for (xmlNodePtr k = root->next; k; k = k->next)
        put_node(x, k, 0);
    bool ok = !x->failed && x->out.len <= INT_MAX;
    flush(x, out);
    return xmlOutputBufferClose(out) >= 0 && ok;
}
