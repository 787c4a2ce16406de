/* Loading contest XML: parse without network, DTD or entity expansion,
 * validate against the embedded RelaxNG schema, normalize the text. libxml2's
 * own messages are English and name internals, so errors are caught as
 * structured errors and rewritten in Vietnamese (schema_messages.c).
 *
 * Two paths. A file is first read in one streaming pass (load_stream.c) that
 * validates as it parses and frees each unit, person and submission once it
 * is in the model: memory stays near the size of the model, not 15 times the
 * file. Anything that pass cannot accept silently (a malformed or invalid
 * file, a DOCTYPE) goes through the tree path: the whole tree, validated at
 * once, whose errors are reported with their exact positions. */
#include "model.h"
#include "results.h"
#include "schema.h"

#include "contest_rng.h" /* generated from contest.rng by CMakeLists.txt */
#include "util/xml_errors.h"
#include "vn/vn.h"

#include <libxml/parser.h>
#include <libxml/SAX2.h>
#include <libxml/chvalid.h>
#include <libxml/relaxng.h>
#include <libxml/xmlerror.h>
#include <stdlib.h>
#include <string.h>

/* The first well-formedness error only: after it libxml2's later messages
 * are consequences, not news. */
struct parse_state {
    vb_contest *c;
    bool have;
    int code, line, col;
    char *str1, *str2;
    int int1;
    bool lt; /* XML_ERR_NAME_REQUIRED: after a '<', not a '&' */
    bool doctype; /* the file has a <!DOCTYPE> */
    size_t control; /* 1 + the offset of a control character to name, or 0 */
};

static void on_parse_error(void *data, xmlErrorPtr err)
{
    vb_xml_error_check(err);
    xmlParserCtxtPtr ctxt = data;
    struct parse_state *st = ctxt->_private;
    if (st->have || err->level < XML_ERR_ERROR)
        return;
    st->have = true;
    st->code = err->code;
    st->line = err->line;
    st->col = err->int2;
    st->int1 = err->int1;
    st->str1 = err->str1 ? vb_xstrdup(err->str1) : NULL;
    st->str2 = err->str2 ? vb_xstrdup(err->str2) : NULL;
}

/* 1 + the offset of the first control character XML forbids (below U+0020
 * but tab, line feed and carriage return) if it is on or before the line
 * libxml2 stopped at, with its place; else 0. */
static size_t first_control(const vb_contest *c, int stop_line, int *line, int *col)
{
    for (size_t i = 0; i < c->src_len; i++) {
        unsigned char ch = (unsigned char)c->src[i];
        if (ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') {
            vb_text_position(c->src, i, line, col); /* no NUL before i */
            return *line <= stop_line ? i + 1 : 0;
        }
    }
    return 0;
}

/* st->control and its place, when the character is one to name: any
 * control character (`any`), or only a NUL, which ends libxml2's input so
 * that what follows it is "not closed". */
static void name_control(const vb_contest *c, struct parse_state *st, bool any)
{
    int line, col;
    size_t at = first_control(c, st->line, &line, &col);
    if (at && (any || c->src[at - 1] == '\0')) {
        st->control = at;
        st->line = line;
        st->col = col;
    }
}

/* libxml2 reports where it noticed a problem (often the end of a tag); point
 * instead at what the user must fix. */
static void where_exactly(vb_contest *c, struct parse_state *st)
{
    size_t bad = 0;
    switch (st->code) {
    case XML_ERR_TAG_NAME_MISMATCH:
        if (st->str2) {
            vb_buf nd;
            vb_buf_init(&nd);
            vb_buf_printf(&nd, "</%s", st->str2);
            st->col = locate_back(c, st->line, st->col, nd.data);
            vb_buf_free(&nd);
        }
        break;
    case XML_ERR_NAME_REQUIRED: {
        /* No name after a '&' or a '<' (a bare "<" in text: "Sóc < Trăng"):
         * the nearer of the two before where libxml2 stopped. locate_back
         * gives back st->col when it finds none. */
        int amp = locate_back(c, st->line, st->col, "&");
        int lt = locate_back(c, st->line, st->col, "<");
        st->lt = lt < st->col && (amp >= st->col || lt > amp);
        st->col = st->lt ? lt : amp;
        break;
    }
    case XML_ERR_ATTRIBUTE_REDEFINED:
        /* libxml2 stops at the end of the tag: the second one is the last
         * "name=" before it (the first stays, the second is the one to
         * remove). */
        if (st->str1) {
            vb_buf nd;
            vb_buf_init(&nd);
            vb_buf_printf(&nd, " %s=", st->str1);
            int at = locate_back(c, st->line, st->col, nd.data);
            if (at < st->col)
                st->col = at + 1; /* past the space */
            vb_buf_free(&nd);
        }
        break;
    case XML_ERR_ENTITYREF_SEMICOL_MISSING:
    case XML_ERR_UNDECLARED_ENTITY:
    case XML_WAR_UNDECLARED_ENTITY:
        st->col = locate_back(c, st->line, st->col, "&");
        break;
    case XML_ERR_INVALID_CHAR:
    case XML_ERR_INVALID_ENCODING:
        if (!vb_utf8_valid(c->src, c->src_len, &bad))
            vb_text_position(c->src, bad, &st->line, &st->col);
        else
            name_control(c, st, true);
        break;
    default:
        name_control(c, st, false);
        break;
    }
}

/* libxml2's own start of an element, then its line kept past 65,535. */
static void start_element(void *ctx, const xmlChar *localname, const xmlChar *prefix,
                          const xmlChar *uri, int nb_namespaces, const xmlChar **namespaces,
                          int nb_attributes, int nb_defaulted, const xmlChar **attributes)
{
    xmlParserCtxtPtr ctxt = ctx;
    xmlNodePtr parent = ctxt->node;
    xmlSAX2StartElementNs(ctx, localname, prefix, uri, nb_namespaces, namespaces, nb_attributes,
                          nb_defaulted, attributes);
    if (ctxt->node != parent)
        remember_start(((struct parse_state *)ctxt->_private)->c, ctxt, ctxt->node);
}

static void internal_subset(void *ctx, const xmlChar *name, const xmlChar *external_id,
                            const xmlChar *system_id)
{
    xmlParserCtxtPtr ctxt = ctx;
    ((struct parse_state *)ctxt->_private)->doctype = true;
    xmlSAX2InternalSubset(ctx, name, external_id, system_id);
}

/* A <!DOCTYPE> is refused whatever follows: a well-formed file with one, and
 * one whose entities then fail ("billion laughs" stopped as libxml2's
 * "error 89"): the declaration is what to remove. */
static void doctype_error(vb_contest *c, vb_diag *d)
{
    const char *at = strstr(c->src, "<!DOCTYPE");
    int line = 1, col = 1;
    if (at)
        vb_text_position(c->src, (size_t)(at - c->src), &line, &col);
    vb_error(d, c->path, line, col,
             "tệp dữ liệu không được có khai báo <!DOCTYPE>; hãy xóa dòng đó "
             "(vanban không đọc DTD hay thực thể ngoài)");
}

static xmlDocPtr parse(vb_contest *c, vb_diag *d)
{
    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    if (!ctxt) {
        vb_error_io(d, c->path, "không đủ bộ nhớ để đọc XML");
        return NULL;
    }
    struct parse_state st = {.c = c};
    ctxt->_private = &st;
    ctxt->sax->serror = on_parse_error;
    ctxt->sax->startElementNs = start_element;
    ctxt->sax->internalSubset = internal_subset;
    xmlDocPtr doc = xmlCtxtReadMemory(ctxt, c->src, (int)c->src_len, c->path, NULL,
                                      source_parse_options(c));
    source_name_doc(c, doc);
    if (st.doctype || (doc && (doc->intSubset || doc->extSubset))) {
        doctype_error(c, d);
        if (doc)
            xmlFreeDoc(doc);
        doc = NULL;
    } else if (!doc || !ctxt->wellFormed) {
        if (!st.have) {
            st.line = 1;
            st.code = XML_ERR_DOCUMENT_EMPTY;
        }
        where_exactly(c, &st);
        vb_buf msg;
        vb_buf_init(&msg);
        if (st.lt)
            vb_buf_puts(&msg, "dấu '<' trong chữ phải viết thành &lt;");
        else if (st.control)
            vb_buf_printf(&msg, "ký tự điều khiển U+%04X không được có trong tệp XML (thường do "
                          "chép từ chương trình khác); hãy xóa nó",
                          (unsigned char)c->src[st.control - 1]);
        else
            schema_parse_message(&msg, st.code, st.str1, st.str2, st.int1);
        vb_error(d, c->path, st.line, st.col, "%s", msg.data);
        vb_buf_free(&msg);
        if (doc)
            xmlFreeDoc(doc);
        doc = NULL;
    }
    free(st.str1);
    free(st.str2);
    xmlFreeParserCtxt(ctxt);
    return doc;
}

/* ---- validation ----------------------------------------------------------- */
struct valid_state {
    vb_contest *c;
    schema_error *errs;
    size_t n, cap;
};

static void on_valid_error(void *data, xmlErrorPtr err)
{
    vb_xml_error_check(err);
    struct valid_state *vs = data;
    schema_error e = {
        .code = err->code,
        .node = err->node,
        .line = err->line,
        .str1 = err->str1 ? vb_xstrdup(err->str1) : NULL,
        .str2 = err->str2 ? vb_xstrdup(err->str2) : NULL,
    };
    VB_PUSH(vs->errs, vs->n, vs->cap, e);
}

static void on_schema_error(void *data, xmlErrorPtr err)
{
    vb_xml_error_check(err);
    /* The schema is ours and tested: a failure here is a bug, not bad input. */
    int *failed = data;
    *failed = err->code ? err->code : 1;
}

static bool schema_load(contest_schema *s, vb_contest *c, vb_diag *d)
{
    int failed = 0;
    memset(s, 0, sizeof *s);
    /* The schema as a tree too: schema_diagnose.c reads its declarations. */
    s->rng = xmlReadMemory((const char *)contest_rng, (int)sizeof contest_rng, "contest.rng", NULL,
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    xmlRelaxNGParserCtxtPtr pctxt = s->rng ? xmlRelaxNGNewDocParserCtxt(s->rng) : NULL;
    if (!pctxt) {
        xmlFreeDoc(s->rng);
        s->rng = NULL;
        vb_error_io(d, c->path, "lỗi trong: không nạp được lược đồ dữ liệu");
        return false;
    }
    xmlRelaxNGSetParserStructuredErrors(pctxt, on_schema_error, &failed);
    s->schema = xmlRelaxNGParse(pctxt);
    xmlRelaxNGFreeParserCtxt(pctxt);
    if (!s->schema) {
        xmlFreeDoc(s->rng);
        s->rng = NULL;
        vb_error_io(d, c->path, "lỗi trong: không nạp được lược đồ dữ liệu (mã %d)", failed);
        return false;
    }
    s->fast[0] = schema_fast_compile(s->rng, "units");
    s->fast[1] = schema_fast_compile(s->rng, "people");
    s->fast[2] = schema_fast_compile(s->rng, "submissions");
    return true;
}

static void schema_free(contest_schema *s)
{
    for (int i = 0; i < 3; i++)
        schema_fast_free(s->fast[i]);
    xmlRelaxNGFree(s->schema);
    xmlFreeDoc(s->rng);
}

static bool validate(vb_contest *c, vb_diag *d, const contest_schema *s, schema_marks *mk)
{
    struct valid_state vs = {.c = c};
    xmlRelaxNGValidCtxtPtr vctxt = xmlRelaxNGNewValidCtxt(s->schema);
    xmlRelaxNGSetValidStructuredErrors(vctxt, on_valid_error, &vs);
    int rc = xmlRelaxNGValidateDoc(vctxt, c->doc);
    xmlRelaxNGFreeValidCtxt(vctxt);
    int before = d->errors;
    schema_report(c, d, s->rng, vs.errs, vs.n, mk);
    if (rc != 0)
        schema_sweep(c, d, s->rng, mk);
    schema_report_general(c, d, mk);
    /* Never "no error" for a file the schema rejects. */
    if (rc != 0 && d->errors == before)
        vb_error(d, c->path, 1, 0, "dữ liệu không đúng mô hình của vanban (xem docs/contest-xml.md)");
    for (size_t i = 0; i < vs.n; i++) {
        free(vs.errs[i].str1);
        free(vs.errs[i].str2);
    }
    free(vs.errs);
    return rc == 0;
}

/* ---- normalization ---------------------------------------------------------- */
static bool has_non_ascii(const xmlChar *s)
{
    for (; s && *s; s++)
        if (*s >= 0x80)
            return true;
    return false;
}

static vn_tone tone_of(const xmlNode *n);

/* n: a text node of `owner` (an element, or an attribute). */
static void normalize_text(xmlNodePtr n, const xmlNode *owner)
{
    if (!has_non_ascii(n->content))
        return;
    vn_tone tone = tone_of(owner); /* after the test above: most text is ASCII */
    const char *all = (const char *)n->content;
    /* A piece of a text split by a comment or a processing instruction
     * ("Đặng <!-- … -->Thanh Nam") keeps the white space at its ends: the
     * cleanup trims a line's end, and the name read "ĐặngThanh Nam". */
    size_t lead = 0, trail = 0, all_len = strlen(all);
    if (n->prev || n->next) {
        lead = strspn(all, " \t\r\n");
        while (trail < all_len - lead && strchr(" \t\r\n", all[all_len - 1 - trail]))
            trail++;
    }
    char *core = lead || trail ? vb_xstrndup(all + lead, all_len - lead - trail) : NULL;
    const char *s = core ? core : all;
    /* Each text node on its own (issue 3 §2): a file typed in Unicode can
     * hold names pasted from an old TCVN3 or VNI sheet that were read as
     * Windows-1252 on the way (mojibake). --from auto repairs those and never
     * changes text that is valid Vietnamese. */
    vb_diag quiet;
    vb_diag_init(&quiet, NULL);
    quiet.silent = true;
    vb_buf repaired;
    vb_buf_init(&repaired);
    const char *t = s;
    size_t tl = strlen(s);
    if (!vn_decode_view(s, tl, VN_ENC_AUTO, NULL, &quiet, &repaired, NULL, &t, &tl)) {
        t = s;
        tl = strlen(s);
    }
    char *norm = vn_normalize(t, tl, tone);
    vb_buf_free(&repaired);
    if (strcmp(norm, s) != 0) {
        vb_buf v;
        vb_buf_init(&v);
        vb_buf_append(&v, all, lead);
        vb_buf_puts(&v, norm);
        vb_buf_append(&v, all + all_len - trail, trail);
        xmlNodeSetContent(n, (const xmlChar *)(v.data ? v.data : ""));
        vb_buf_free(&v);
    }
    free(norm);
    free(core);
}

/* An attribute's value without the white space around it. The schema's
 * identifiers, numbers, dates and booleans are compared after XSD's
 * whitespace collapse, so it accepts id=" u1 " and unit="u1 " — and the model
 * must then read "u1" too, or a valid file gets "no unit u1" messages. None
 * of those types can hold inner white space, so trimming the ends is that
 * collapse; a text attribute (short=" Sở Y tế") loses only stray spaces a
 * document should not print. */
static void trim_attr_value(xmlNodePtr t)
{
    const xmlChar *s = t->content;
    size_t from = 0, to = s ? (size_t)xmlStrlen(s) : 0;
    if (to == 0 || (!xmlIsBlank_ch(s[0]) && !xmlIsBlank_ch(s[to - 1])))
        return;
    while (from < to && xmlIsBlank_ch(s[from]))
        from++;
    if (from == to)
        return; /* only white space: a text the schema took; emptying it would be worse */
    while (to > from && xmlIsBlank_ch(s[to - 1]))
        to--;
    xmlChar *v = xmlStrndup(s + from, (int)(to - from));
    xmlNodeSetContent(t, v);
    xmlFree(v);
}

/* Classic tone marks, as the collation and the meaning checks compare
 * text; but a person's name keeps the placement it was written with: it is
 * printed as on her papers (vb_contest_name_node, docs/tone-marks.md). */
static vn_tone tone_of(const xmlNode *n)
{
    return vb_contest_name_node(n) ? VN_TONE_KEEP : VN_TONE_CLASSIC;
}

void normalize_element(xmlNodePtr n)
{
    for (xmlAttrPtr a = n->properties; a; a = a->next)
        for (xmlNodePtr t = a->children; t; t = t->next)
            if (t->type == XML_TEXT_NODE) {
                if (t == a->children && !t->next)
                    trim_attr_value(t);
                normalize_text(t, (const xmlNode *)a);
            }
    /* Iterative over siblings, recursive only in depth (the model is shallow). */
    for (xmlNodePtr k = n->children; k; k = k->next) {
        if (k->type == XML_TEXT_NODE)
            normalize_text(k, n);
        else if (k->type == XML_ELEMENT_NODE)
            normalize_element(k);
    }
}

static void normalize_doc(xmlDocPtr doc)
{
    xmlNodePtr root = xmlDocGetRootElement(doc);
    if (root)
        normalize_element(root);
}

/* ---- public ------------------------------------------------------------------ */
/* VANBAN_CONTEST_TREE=1 skips the streaming load: tests/e2e/contest_stream.sh
 * checks that both paths give the same output. */
static bool tree_only(void)
{
    const char *e = getenv("VANBAN_CONTEST_TREE");
    return e && *e && strcmp(e, "0") != 0;
}

enum load_for {
    LOAD_RESULTS,   /* the model only: the big lists are freed as they are read */
    LOAD_XML,       /* the same, formatting the XML output while reading */
    LOAD_TREE,      /* the model and the whole tree (render -d: templates query it) */
    LOAD_CHECK,     /* the model only; a file the schema rejects is still returned */
};

/* keep_rejected: a well-formed file the schema rejects is still returned
 * (c->schema_rejected set, c->rejected naming what the schema rejected), its
 * model built with what is there, so that the caller can report what the
 * data means too, in the same run. */
static vb_contest *contest_load(vb_diag *d, const char *path, enum load_for use, bool keep_rejected)
{
    bool keep = use == LOAD_TREE;
    size_t len = 0;
    char *src = vb_read_file(d, path, &len);
    if (!src)
        return NULL;
    vb_contest *c = vb_xcalloc(1, sizeof *c);
    c->path = vb_xstrdup(vb_input_name(path));
    c->src = src;
    c->src_len = len;
    if (len > (size_t)INT32_MAX) {
        vb_error(d, c->path, 0, 0, "tệp quá lớn (trên 2 GB)");
        vb_contest_free(c);
        return NULL;
    }
    if (!source_to_utf8(c, d)) {
        vb_contest_free(c);
        return NULL;
    }
    contest_schema schema;
    if (!schema_load(&schema, c, d)) {
        vb_contest_free(c);
        return NULL;
    }
    c->doc = tree_only() ? NULL : load_stream(c, &schema, use == LOAD_XML, keep);
    if (c->doc) {
        c->pruned = !keep; /* kept whole: vb_contest_doc need not parse it again */
        model_finish(c);
        schema_free(&schema);
        return c;
    }
    /* The tree path: the same file, kept whole, with every error reported. */
    c->doc = parse(c, d);
    schema_marks mk = {0};
    bool ok = c->doc && validate(c, d, &schema, &mk);
    schema_free(&schema);
    c->schema_rejected = !ok;
    if (!ok && !(keep_rejected && c->doc)) {
        schema_marks_free(&mk);
        vb_contest_free(c);
        return NULL;
    }
    c->rejected = mk.rejected; /* check.c says nothing more about these */
    c->foreign = mk.foreign;
    mk.rejected = mk.foreign = (node_set){0};
    schema_marks_free(&mk);
    xmlNodePtr root = xmlDocGetRootElement(c->doc);
    if (!ok && (!root || strcmp((const char *)root->name, "contest") != 0)) {
        vb_contest_free(c); /* not a contest file: its names mean nothing */
        return NULL;
    }
    normalize_doc(c->doc);
    model_build(c);
    model_mark_incomplete(c);
    return c;
}

void vb_contest_free(vb_contest *c)
{
    if (!c)
        return;
    results_free(c->res);
    xml_stream_free(c->xml);
    if (c->have_model)
        model_free(&c->m);
    if (c->doc)
        xmlFreeDoc(c->doc);
    if (c->full)
        xmlFreeDoc(c->full);
    node_set_free(&c->rejected);
    node_set_free(&c->foreign);
    free(c->line_starts);
    xmlFree(c->encoding);
    free(c->src);
    free(c->path);
    free(c);
}

/* The whole tree, for templates and the XML output. After the streaming
 * load c->doc lacks the big lists, so the file is parsed again (it is known
 * to be valid) and normalized the same way. The results are written into it
 * on first use: `check` and the text and CSV outputs never build it. */
xmlDocPtr vb_contest_doc(vb_contest *c)
{
    xmlDocPtr doc = c->doc;
    if (c->pruned) {
        if (!c->full) {
            c->full = xmlReadMemory(c->src, (int)c->src_len, c->path, NULL, source_parse_options(c));
            if (!c->full)
                return NULL;
            source_name_doc(c, c->full);
            normalize_doc(c->full);
        }
        doc = c->full;
    }
    if (c->res && !c->res_written) {
        results_write(c, c->res, doc);
        c->res_written = true;
    }
    return doc;
}
const char *vb_contest_path(const vb_contest *c) { return c->path; }

vb_contest *vb_contest_load(vb_diag *d, const char *path) { return contest_load(d, path, LOAD_RESULTS, false); }
vb_contest *vb_contest_load_for_check(vb_diag *d, const char *path) { return contest_load(d, path, LOAD_CHECK, true); }

/* Every problem in one run, as `check` gives them: a file the schema rejects
 * still has its data checked (the same suppression as check's), and the
 * messages come out in file order; then nothing is returned. */
static vb_contest *prepare(vb_diag *d, const char *path, enum load_for use)
{
    bool held = !d->holding;
    if (held)
        vb_diag_hold(d);
    vb_contest *c = contest_load(d, path, use, true);
    bool ok = c && vb_contest_check(c, d) == 0 && !c->schema_rejected;
    if (ok) {
        /* Still held: the warnings about the results (ties, a prize without
         * its author) come in file order among the others, as from check. */
        vb_results_compute(c, d);
        vb_contest_check_results(c, d);
    }
    if (held)
        vb_diag_release(d);
    if (!ok) {
        vb_contest_free(c);
        return NULL;
    }
    return c;
}

vb_contest *vb_contest_prepare(vb_diag *d, const char *path) { return prepare(d, path, LOAD_RESULTS); }
vb_contest *vb_contest_prepare_xml(vb_diag *d, const char *path) { return prepare(d, path, LOAD_XML); }
vb_contest *vb_contest_prepare_tree(vb_diag *d, const char *path) { return prepare(d, path, LOAD_TREE); }
