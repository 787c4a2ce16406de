/* XPath for templates: one libxml2 context per expansion, the section
 * variables $i and $n, the front-matter fields as $name, and libxml2's own
 * error text captured so the user gets one message of ours, with the
 * template's line and column, instead of libxml2's lines on stderr. */
#include "expand_internal.h"
#include "util/xml_errors.h"

#include <libxml/xpathInternals.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void tmpl_xpath_describe(const xmlError *err, char *buf, size_t size)
{
    const char *what;
    switch (err->code - XML_XPATH_EXPRESSION_OK) {
    case XPATH_UNFINISHED_LITERAL_ERROR:
    case XPATH_START_LITERAL_ERROR: what = "chuỗi trong ngoặc kép chưa đóng"; break;
    case XPATH_UNDEF_VARIABLE_ERROR:
    case XPATH_VARIABLE_REF_ERROR: what = "biến không có (có các trường một giá trị của phần đầu, và $i, $n bên trong một "
               "mục lặp {{#…}} trên tập nút)";
        break;
    case XPATH_UNCLOSED_ERROR: what = "thiếu dấu đóng ngoặc"; break;
    case XPATH_UNKNOWN_FUNC_ERROR: what = "hàm không có trong XPath 1.0"; break;
    case XPATH_INVALID_ARITY: what = "hàm nhận sai số tham số"; break;
    case XPATH_INVALID_TYPE:
    case XPATH_INVALID_OPERAND: what = "sai kiểu giá trị"; break;
    case XPATH_INVALID_PREDICATE_ERROR: what = "điều kiện [ ] sai"; break;
    default: what = "sai cú pháp"; break;
    }
    if (err->str1 && err->int1 >= 0) {
        /* int1 is a byte offset into the expression (str1): counted here
         * in characters, as the user reads "Sở Nội vụ". */
        int chars = 1;
        for (int k = 0; k < err->int1 && err->str1[k]; k++)
            chars += ((unsigned char)err->str1[k] & 0xC0) != 0x80;
        snprintf(buf, size, "%s (ở ký tự %d)", what, chars);
    } else
        snprintf(buf, size, "%s", what);
}

/* The 1-based character (not byte) at byte offset `off` of s. */
static int char_at(const char *s, size_t off)
{
    int chars = 1;
    for (size_t k = 0; k < off && s[k]; k++)
        chars += ((unsigned char)s[k] & 0xC0) != 0x80;
    return chars;
}

bool tmpl_xpath_brackets_ok(const char *expr, char *buf, size_t size)
{
    enum { DEPTH = 64 };
    size_t open_at[DEPTH]; /* offsets of the brackets still open */
    size_t depth = 0;
    for (size_t k = 0; expr[k]; k++) {
        char c = expr[k];
        if (c == '"' || c == '\'') { /* a literal: brackets inside are text */
            const char *end = strchr(expr + k + 1, c);
            if (!end)
                return true; /* libxml2 reports the unfinished literal itself */
            k = (size_t)(end - expr);
        } else if (c == '(' || c == '[') {
            if (depth == DEPTH)
                return true; /* libxml2 has its own limits */
            open_at[depth++] = k;
        } else if (c == ')' || c == ']') {
            char want = depth ? (expr[open_at[depth - 1]] == '(' ? ')' : ']') : 0;
            if (c != want) {
                if (want)
                    snprintf(buf, size, "sai cú pháp: gặp \"%c\" khi \"%c\" ở ký tự %d chưa đóng bằng \"%c\" (ở ký tự %d)",
                             c, expr[open_at[depth - 1]], char_at(expr, open_at[depth - 1]), want,
                             char_at(expr, k));
                else
                    snprintf(buf, size, "sai cú pháp: dấu \"%c\" không có dấu mở tương ứng (ở ký tự %d)",
                             c, char_at(expr, k));
                return false;
            }
            depth--;
        }
    }
    if (depth) {
        char o = expr[open_at[depth - 1]];
        snprintf(buf, size, "sai cú pháp: thiếu dấu đóng \"%c\" cho dấu \"%c\" ở ký tự %d",
                 o == '(' ? ')' : ']', o, char_at(expr, open_at[depth - 1]));
        return false;
    }
    return true;
}

/* The first error of an evaluation is the one to report. */
static void capture_error(void *data, const xmlError *err)
{
    vb_xml_error_check(err);
    expand_ctx *cx = data;
    if (cx && err && !cx->xpath_error[0])
        tmpl_xpath_describe(err, cx->xpath_error, sizeof cx->xpath_error);
}

/* libxml2 2.9 declares the handler with a non-const error. */
static void capture_error_cb(void *data, xmlErrorPtr err)
{
    capture_error(data, err);
}

static bool registered_already(expand_ctx *cx, const front_matter *fm, size_t i);

static void register_fields(expand_ctx *cx)
{
    const front_matter *fm = cx->opt->vars;
    if (!fm || !cx->xp)
        return;
    for (size_t i = 0; i < fm->n; i++) {
        const fm_entry *e = &fm->entries[i];
        if (registered_already(cx, fm, i))
            continue;
        if (!e->value) {
            if (cx->shared) /* not left over from an earlier expansion */
                xmlXPathRegisterVariable(cx->xp, (const xmlChar *)e->key, NULL);
            continue;
        }
        xmlXPathRegisterVariable(cx->xp, (const xmlChar *)e->key,
                                 xmlXPathNewString((const xmlChar *)e->value));
    }
}

struct tmpl_xpath {
    xmlDocPtr doc;
    xmlXPathContextPtr xp;
    /* The fields registered last, by position (copies: a batch expands many
     * copies of one front matter, most of whose fields do not change). */
    struct {
        char *key, *value;
    } *last;
    size_t n_last;
    struct compiled {
        char *expr;
        xmlXPathCompExprPtr comp;
    } *compiled;
    size_t n, cap;
};

tmpl_xpath *tmpl_xpath_new(xmlDocPtr doc)
{
    tmpl_xpath *x = vb_xcalloc(1, sizeof *x);
    x->doc = doc;
    x->xp = doc ? xmlXPathNewContext(doc) : NULL;
    if (doc && !x->xp) {
        free(x);
        return NULL;
    }
    return x;
}

void tmpl_xpath_free(tmpl_xpath *x)
{
    if (!x)
        return;
    for (size_t i = 0; i < x->n; i++) {
        free(x->compiled[i].expr);
        xmlXPathFreeCompExpr(x->compiled[i].comp);
    }
    free(x->compiled);
    for (size_t i = 0; i < x->n_last; i++) {
        free(x->last[i].key);
        free(x->last[i].value);
    }
    free(x->last);
    if (x->xp)
        xmlXPathFreeContext(x->xp);
    free(x);
}

/* With a shared context: is field i registered with this value already?
 * (And remember that it now is.) */
static bool registered_already(expand_ctx *cx, const front_matter *fm, size_t i)
{
    tmpl_xpath *x = cx->shared;
    if (!x)
        return false;
    if (x->n_last < fm->n) {
        x->last = vb_xrealloc(x->last, fm->n * sizeof *x->last);
        for (size_t k = x->n_last; k < fm->n; k++)
            x->last[k].key = x->last[k].value = NULL;
        x->n_last = fm->n;
    }
    const fm_entry *e = &fm->entries[i];
    if (e->value && x->last[i].value && strcmp(x->last[i].key, e->key) == 0 &&
        strcmp(x->last[i].value, e->value) == 0)
        return true;
    free(x->last[i].key);
    free(x->last[i].value);
    x->last[i].key = vb_xstrdup(e->key);
    x->last[i].value = e->value ? vb_xstrdup(e->value) : NULL;
    return false;
}

bool xpath_init(expand_ctx *cx, xmlDocPtr doc)
{
    cx->doc = doc;
    if (!doc)
        return true;
    if (cx->opt->xpath && cx->opt->xpath->doc == doc) {
        cx->shared = cx->opt->xpath;
        cx->xp = cx->shared->xp;
    } else {
        cx->xp = xmlXPathNewContext(doc);
    }
    if (!cx->xp)
        return false;
    cx->xp->error = capture_error_cb;
    cx->xp->userData = cx;
    register_fields(cx);
    return true;
}

void xpath_done(expand_ctx *cx)
{
    if (cx->xp && !cx->shared)
        xmlXPathFreeContext(cx->xp);
    else if (cx->xp)
        cx->xp->userData = NULL; /* cx goes away: no error may land there */
    cx->xp = NULL;
}

/* The compiled expression: from the shared context's cache, or compiled now
 * (the caller frees it when `owned`). */
static xmlXPathCompExprPtr compile(expand_ctx *cx, const char *e, bool *owned)
{
    *owned = false;
    tmpl_xpath *x = cx->shared;
    if (x)
        for (size_t k = 0; k < x->n; k++)
            if (strcmp(x->compiled[k].expr, e) == 0)
                return x->compiled[k].comp;
    xmlXPathCompExprPtr comp = xmlXPathCtxtCompile(cx->xp, (const xmlChar *)e);
    /* what libxml2 rejects it describes best itself; what it accepts may
     * still miss a closing bracket */
    if (comp && !tmpl_xpath_brackets_ok(e, cx->xpath_error, sizeof cx->xpath_error)) {
        xmlXPathFreeCompExpr(comp);
        return NULL;
    }
    if (comp && x) {
        struct compiled c = {vb_xstrdup(e), comp};
        VB_PUSH(x->compiled, x->n, x->cap, c);
    } else {
        *owned = comp != NULL;
    }
    return comp;
}

xmlXPathObjectPtr xpath_eval(expand_ctx *cx, const char *expr, size_t len, xmlNodePtr node,
                             int i, int n, int line, int col)
{
    if (!cx->xp) {
        bool *told = cx->opt->told_no_data;
        if (!told || !*told)
            vb_error(cx->d, cx->path, line, col,
                     "thẻ \"{{%.*s}}\" cần dữ liệu: thêm -d TỆP.xml khi chạy vanban render",
                     (int)len, expr);
        if (told)
            *told = true;
        cx->failed = true;
        return NULL;
    }
    char *e = vb_xstrndup(expr, len);
    cx->xp->node = node;
    /* $i and $n exist inside a section over nodes only: outside one they
     * printed "0", and "0/0" inside {{#true()}}. */
    xmlXPathRegisterVariable(cx->xp, (const xmlChar *)"i", n > 0 ? xmlXPathNewFloat(i) : NULL);
    xmlXPathRegisterVariable(cx->xp, (const xmlChar *)"n", n > 0 ? xmlXPathNewFloat(n) : NULL);
    cx->xpath_error[0] = '\0';
    bool owned;
    xmlXPathCompExprPtr comp = compile(cx, e, &owned);
    xmlXPathObjectPtr v = NULL;
    if (!comp) {
        vb_error(cx->d, cx->path, line, col, "biểu thức XPath \"%s\" không hợp lệ%s%s", e,
                 cx->xpath_error[0] ? ": " : "", cx->xpath_error);
    } else {
        v = xmlXPathCompiledEval(comp, cx->xp);
        if (owned)
            xmlXPathFreeCompExpr(comp);
        if (!v)
            vb_error(cx->d, cx->path, line, col, "không tính được biểu thức XPath \"%s\"%s%s", e,
                     cx->xpath_error[0] ? ": " : "", cx->xpath_error);
    }
    if (!v)
        cx->failed = true;
    free(e);
    return v;
}

char *xpath_string(xmlXPathObjectPtr v)
{
    xmlChar *s = xmlXPathCastToString(v);
    char *r = vb_xstrdup(s ? (const char *)s : "");
    xmlFree(s);
    return r;
}

bool xpath_empty(xmlXPathObjectPtr v)
{
    return v->type == XPATH_NODESET && (!v->nodesetval || v->nodesetval->nodeNr == 0);
}

bool xpath_truthy(xmlXPathObjectPtr v)
{
    return xmlXPathCastToBoolean(v) != 0;
}
