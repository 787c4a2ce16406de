/* The contest file as UTF-8 text, before either load path parses it.
 *
 * A file in another encoding (UTF-16 as Windows tools save it, or an
 * ASCII-based encoding its XML declaration names, such as windows-1258) is
 * converted here once, with iconv, so that:
 *  - every position in a message (a line, a column, an element's start tag
 *    found by locate.c) is counted in the text the user sees, on both load
 *    paths. locate.c reads c->src, and on the raw bytes of such a file a
 *    column came out short by one per accented letter, or was missing;
 *  - a byte the encoding does not have is one message at its own line and
 *    column. libxml2 printed four English lines on stderr for it, then a
 *    false "<title> is not closed".
 * libxml2 still says what the encoding is. The parsers then ignore the
 * declaration (source_parse_options), and each tree gets the declared name
 * back (source_name_doc), so `results --format xml` still writes the file's
 * own encoding. */
#include "model.h"

#include <libxml/parserInternals.h>
#include <string.h>

#include "util/xml_errors.h"
#include "vn/vn.h"

/* libxml2's parser errors on the declaration alone are the main parse's to
 * report: here they are ignored. */
static void ignore_error(void *data, xmlErrorPtr err)
{
    (void)data;
    vb_xml_error_check(err);
}

/* The encoding an ASCII-based file's XML declaration names, as libxml2 reads
 * it (NULL when none, or UTF-8). libxml2 sees only the declaration: it ends
 * at the file's first '>', since nothing in it may hold one, so libxml2 has
 * no text to convert yet. *switches says whether libxml2 would convert the
 * text (a name it keeps for the input, not UTF-8 or UTF-16). */
static xmlChar *declared_encoding(const char *text, size_t len, bool *switches)
{
    *switches = false;
    if (len < 5 || memcmp(text, "<?xml", 5) != 0)
        return NULL;
    const char *end = memchr(text, '>', len < 4096 ? len : 4096);
    if (!end)
        return NULL;
    xmlParserCtxtPtr ctxt = xmlCreateMemoryParserCtxt(text, (int)(end - text + 1));
    if (!ctxt)
        return NULL;
    xmlCtxtUseOptions(ctxt, CONTEST_PARSE_OPTIONS);
    ctxt->sax->serror = ignore_error;
    xmlParseDocument(ctxt);
    xmlChar *name = NULL;
    if (ctxt->input && ctxt->input->encoding) {
        name = xmlStrdup(ctxt->input->encoding);
        *switches = true;
    } else if (ctxt->encoding && xmlParseCharEncoding((const char *)ctxt->encoding) !=
                                     XML_CHAR_ENCODING_UTF8) {
        name = xmlStrdup(ctxt->encoding); /* "UTF-16": libxml2 decides from the bytes */
    }
    if (ctxt->myDoc)
        xmlFreeDoc(ctxt->myDoc);
    xmlFreeParserCtxt(ctxt);
    return name;
}

/* The iconv name of the encoding libxml2 would read the file in, or NULL
 * for UTF-8 (and for what vanban leaves to libxml2: UCS-4, EBCDIC).
 * A declaration the bytes contradict is reported (*mislabelled), as XML 1.0
 * §4.3.3 makes it an error; libxml2 only said "a bad byte", or printed its
 * own English lines. Two ways a clerk's tools make one:
 *  - `iconv -f UTF-16 -t UTF-8` converts the bytes and keeps the
 *    declaration: ASCII-based bytes declared UTF-16;
 *  - Notepad's "UTF-8" adds a byte-order mark and keeps the declaration:
 *    a UTF-8 mark, then encoding="windows-1258". */
static xmlChar *source_encoding(const vb_contest *c, vb_diag *d, bool *mislabelled)
{
    *mislabelled = false;
    size_t bom = 0;
    if (c->src_len >= 4) {
        xmlCharEncoding e = xmlDetectCharEncoding((const unsigned char *)c->src, 4);
        /* The byte order is named: libxml2 calls both "UTF-16", and iconv
         * reads a "UTF-16" without a byte-order mark in one order only. A
         * mark is then decoded as U+FEFF and dropped by the caller. */
        if (e == XML_CHAR_ENCODING_UTF16LE)
            return xmlStrdup((const xmlChar *)"UTF-16LE");
        if (e == XML_CHAR_ENCODING_UTF16BE)
            return xmlStrdup((const xmlChar *)"UTF-16BE");
        if (e != XML_CHAR_ENCODING_NONE && e != XML_CHAR_ENCODING_UTF8)
            return NULL;
        /* libxml2 says UTF-8 for "<?xm" too: the mark itself is looked for. */
        if (memcmp(c->src, "\xEF\xBB\xBF", 3) == 0)
            bom = 3;
    }
    const char *text = c->src + bom;
    bool switches;
    xmlChar *name = declared_encoding(text, c->src_len - bom, &switches);
    /* declared_encoding gives no name for UTF-8; any other is UTF-16 when
     * libxml2 does not switch to it. */
    if (name && (bom || !switches)) {
        const char *at = strstr(text, (const char *)name);
        vb_error(d, c->path, 1, at ? (int)(at - text) + 1 : 1,
                 "tệp khai báo bảng mã %s nhưng không được lưu bằng bảng mã đó%s; tệp lưu bằng "
                 "UTF-8 thì sửa khai báo thành encoding=\"UTF-8\"",
                 (const char *)name, bom ? " (tệp có dấu BOM của UTF-8)" : "");
        *mislabelled = true;
        switches = false;
    }
    if (!switches) {
        xmlFree(name);
        return NULL;
    }
    return name;
}

bool source_to_utf8(vb_contest *c, vb_diag *d)
{
    bool mislabelled;
    xmlChar *from = source_encoding(c, d, &mislabelled);
    if (!from)
        return !mislabelled;
    vb_buf text;
    vb_buf_init(&text);
    size_t bad = 0;
    bool ok = vn_iconv_decode(c->src, c->src_len, (const char *)from, &text, &bad);
    /* UTF-16's byte-order mark is not a character of the text. */
    size_t skip = text.len >= 3 && memcmp(text.data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    if (!ok) {
        /* bad == 0: iconv does not know the name (the file starts with
         * "<?xml" or a UTF-16 mark, both valid): libxml2 reads it as before. */
        if (bad > 0) {
            int line, col;
            vb_text_position(text.data + skip, text.len - skip, &line, &col);
            vb_error(d, c->path, line, col,
                     "byte 0x%02X không đọc được theo bảng mã %s của tệp (tệp hỏng hoặc "
                     "thiếu phần cuối); hãy lưu lại tệp bằng UTF-8",
                     (unsigned char)c->src[bad], (const char *)from);
        }
        vb_buf_free(&text);
        xmlFree(from);
        return bad == 0;
    }
    xmlFree(from);
    if (skip)
        memmove(text.data, text.data + skip, text.len - skip + 1);
    free(c->src);
    c->src_len = text.len - skip;
    c->src = text.data ? vb_buf_take(&text) : vb_xstrdup("");
    /* The name the tree gets: what libxml2 gives a document with this
     * declaration, now that it is read in UTF-8. */
    bool switches;
    c->encoding = declared_encoding(c->src, c->src_len, &switches);
    c->converted = true;
    return true;
}

int source_parse_options(const vb_contest *c)
{
    return CONTEST_PARSE_OPTIONS | (c->converted ? XML_PARSE_IGNORE_ENC : 0);
}

void source_name_doc(const vb_contest *c, xmlDocPtr doc)
{
    if (!doc || !c->converted)
        return;
    xmlFree((xmlChar *)doc->encoding);
    doc->encoding = c->encoding ? xmlStrdup(c->encoding) : NULL;
}
