/* libxml2's parser and RelaxNG errors, rewritten in Vietnamese. The user never
 * sees libxml2's English text: each common error code gets a sentence saying
 * what is wrong and what to do; the rest a general sentence with the code. */
#include "schema.h"

#include <libxml/relaxng.h>
#include <libxml/xmlerror.h>
#include <stdlib.h>
#include <string.h>

static const char *or_empty(const char *s) { return s ? s : ""; }

void schema_parse_message(vb_buf *out, int code, const char *s1, const char *s2, int int1)
{
    switch (code) {
    case XML_ERR_DOCUMENT_EMPTY:
        vb_buf_puts(out, "tệp rỗng hoặc không phải XML");
        break;
    case XML_ERR_TAG_NAME_MISMATCH:
        vb_buf_printf(out, "thẻ đóng </%s> không khớp với thẻ mở <%s> ở dòng %d",
                      or_empty(s2), or_empty(s1), int1);
        break;
    case XML_ERR_TAG_NOT_FINISHED:
        vb_buf_printf(out, "thẻ <%s> mở ở dòng %d chưa được đóng trước khi hết tệp", or_empty(s1), int1);
        break;
    case XML_ERR_DOCUMENT_END:
        vb_buf_puts(out, "có nội dung thừa sau thẻ đóng của phần tử gốc");
        break;
    case XML_ERR_ATTRIBUTE_REDEFINED:
        vb_buf_printf(out, "thuộc tính '%s' xuất hiện hai lần trong một thẻ", or_empty(s1));
        break;
    case XML_ERR_ATTRIBUTE_NOT_STARTED:
    case XML_ERR_ATTRIBUTE_WITHOUT_VALUE:
        vb_buf_printf(out, "giá trị của thuộc tính %s%s%sphải đặt trong dấu nháy kép \"…\"",
                      s1 ? "'" : "", or_empty(s1), s1 ? "' " : "");
        break;
    case XML_ERR_LT_IN_ATTRIBUTE:
        vb_buf_puts(out, "dấu '<' không được có trong giá trị thuộc tính; hãy viết &lt;");
        break;
    case XML_ERR_UNDECLARED_ENTITY:
    case XML_WAR_UNDECLARED_ENTITY:
        vb_buf_printf(out, "thực thể &%s; không có; chỉ dùng &amp; &lt; &gt; &quot; &apos; "
                      "hoặc mã số &#…;", or_empty(s1));
        break;
    case XML_ERR_ENTITYREF_SEMICOL_MISSING:
    case XML_ERR_NAME_REQUIRED:
        vb_buf_puts(out, "dấu '&' phải viết thành &amp;");
        break;
    case XML_ERR_INVALID_CHAR:
    case XML_ERR_INVALID_ENCODING:
        vb_buf_puts(out, "có byte không hợp lệ trong UTF-8; hãy chuyển tệp sang UTF-8 "
                    "(vanban normalize)");
        break;
    case XML_ERR_UNSUPPORTED_ENCODING:
        vb_buf_printf(out, "không đọc được bảng mã '%s'; hãy chuyển tệp sang UTF-8 "
                      "(vanban normalize)", or_empty(s1));
        break;
    case XML_ERR_GT_REQUIRED:
    case XML_ERR_LTSLASH_REQUIRED:
    case XML_ERR_SPACE_REQUIRED:
        vb_buf_puts(out, "thẻ viết sai (thiếu '>' hoặc khoảng trắng giữa các thuộc tính)");
        break;
    case XML_ERR_STRING_NOT_CLOSED:
    case XML_ERR_LITERAL_NOT_FINISHED:
        vb_buf_puts(out, "chuỗi trong dấu nháy chưa được đóng");
        break;
    case XML_ERR_COMMENT_NOT_FINISHED:
        vb_buf_puts(out, "chú thích <!-- chưa được đóng bằng -->");
        break;
    case XML_ERR_HYPHEN_IN_COMMENT:
        vb_buf_puts(out, "chú thích không được chứa '--'");
        break;
    default:
        vb_buf_printf(out, "XML sai cú pháp (mã lỗi libxml2 %d); hãy kiểm tra thẻ ở vị trí này", code);
        break;
    }
}

/* Datatype names of the schema, as a clerk would say them. */
const char *schema_type_words(const char *t)
{
    static const struct { const char *type, *words; } types[] = {
        {"date", "ngày dạng NNNN-TT-NN (ví dụ 2023-08-01)"},
        {"gYear", "năm dạng NNNN"},
        {"decimal", "số (dấu chấm thập phân, ví dụ 83.64)"},
        {"nonNegativeInteger", "số nguyên không âm"},
        {"positiveInteger", "số nguyên dương"},
        {"boolean", "true hoặc false"},
        {"NCName", "mã định danh (chữ không dấu, số, '-' hoặc '_', không bắt đầu bằng số)"},
        {"string", "văn bản không rỗng"},
    };
    for (size_t i = 0; t && i < sizeof types / sizeof types[0]; i++)
        if (strcmp(t, types[i].type) == 0)
            return types[i].words;
    return t ? t : "đúng kiểu";
}

static bool is_generic(int code)
{
    return code == XML_RELAXNG_ERR_CONTENTVALID || code == XML_RELAXNG_ERR_ATTRVALID ||
           code == XML_RELAXNG_ERR_NOGRAMMAR;
}

static bool is_descendant_or_self(xmlNodePtr n, xmlNodePtr anc)
{
    for (; n; n = n->parent)
        if (n == anc)
            return true;
    return false;
}

static void message(vb_buf *out, const schema_error *e)
{
    const char *a = or_empty(e->str1), *b = or_empty(e->str2);
    switch (e->code) {
    case XML_RELAXNG_ERR_ELEMNAME:
        vb_buf_printf(out, "cần phần tử <%s> nhưng gặp <%s>", a, b);
        break;
    case XML_RELAXNG_ERR_NOELEM:
        if (*a)
            vb_buf_printf(out, "thiếu phần tử <%s>", a);
        else /* one of the names of an element of several names (<documents>) */
            vb_buf_printf(out, "<%s> cần ít nhất một phần tử bên trong (xem docs/contest-xml.md)",
                          e->node ? (const char *)e->node->name : "");
        break;
    case XML_RELAXNG_ERR_NOTELEM:
        vb_buf_puts(out, "cần một phần tử nhưng gặp văn bản");
        break;
    case XML_RELAXNG_ERR_EXTRACONTENT:
        vb_buf_printf(out, "<%s> có nội dung không thuộc mô hình: <%s>", a, b);
        break;
    case XML_RELAXNG_ERR_INVALIDATTR:
        vb_buf_printf(out, "thuộc tính '%s' không dùng được cho <%s>", a, b);
        break;
    case XML_RELAXNG_ERR_DATATYPE:
        vb_buf_printf(out, "giá trị '%s' không hợp lệ: cần %s", b, schema_type_words(a));
        break;
    case XML_RELAXNG_ERR_VALUE:
    case XML_RELAXNG_ERR_TYPEVAL:
        vb_buf_printf(out, "giá trị '%s' không thuộc các giá trị cho phép", a);
        break;
    case XML_RELAXNG_ERR_ELEMWRONG:
    case XML_RELAXNG_ERR_INTEREXTRA:
        vb_buf_printf(out, "phần tử <%s> không được đặt ở đây (sai chỗ, lặp lại hoặc không thuộc mô hình)", a);
        break;
    case XML_RELAXNG_ERR_TEXTWRONG:
        vb_buf_printf(out, "<%s> không được chứa văn bản", a);
        break;
    case XML_RELAXNG_ERR_ELEMNOTEMPTY:
        vb_buf_printf(out, "<%s> phải rỗng", a);
        break;
    case XML_RELAXNG_ERR_LACKDATA:
        vb_buf_printf(out, "<%s> không được để trống", a);
        break;
    case XML_RELAXNG_ERR_DATAELEM:
        vb_buf_printf(out, "<%s> chỉ chứa văn bản, không chứa phần tử con", a);
        break;
    case XML_RELAXNG_ERR_ELEMNONS:
    case XML_RELAXNG_ERR_ELEMWRONGNS:
    case XML_RELAXNG_ERR_ELEMEXTRANS:
        vb_buf_printf(out, "<%s> sai không gian tên (namespace); hãy bỏ xmlns", a);
        break;
    case XML_RELAXNG_ERR_ATTRVALID:
        vb_buf_printf(out, "thuộc tính của <%s> không hợp lệ: thiếu thuộc tính bắt buộc "
                      "hoặc giá trị sai (xem docs/contest-xml.md)", a);
        break;
    case XML_RELAXNG_ERR_CONTENTVALID:
        vb_buf_printf(out, "nội dung của <%s> không đúng mô hình: thiếu hoặc thừa phần tử "
                      "(xem docs/contest-xml.md)", a);
        break;
    default:
        vb_buf_printf(out, "dữ liệu không đúng mô hình (mã lỗi %d; xem docs/contest-xml.md)", e->code);
        break;
    }
}

static bool is_attr_error(int code)
{
    return code == XML_RELAXNG_ERR_ATTRVALID || code == XML_RELAXNG_ERR_INVALIDATTR ||
           code == XML_RELAXNG_ERR_DATATYPE || code == XML_RELAXNG_ERR_VALUE ||
           code == XML_RELAXNG_ERR_TYPEVAL;
}

static int diagnose_by_name(vb_contest *c, vb_diag *d, xmlDocPtr rng, xmlNodePtr n, const char *name,
                            schema_marks *mk)
{
    int found = 0;
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        /* <results> is vanban's own output read back: the schema takes anything. */
        if (strcmp((const char *)n->name, "results") == 0 && n->parent &&
            n->parent->type == XML_ELEMENT_NODE && !n->parent->parent->parent)
            continue;
        if (strcmp((const char *)n->name, name) == 0 && !node_set_has(&mk->attrs_done, n)) {
            node_set_add(&mk->attrs_done, n);
            found += schema_diagnose_attrs(c, d, rng, n, mk);
        }
        found += diagnose_by_name(c, d, rng, n->children, name, mk);
    }
    return found;
}

void schema_marks_free(schema_marks *mk)
{
    node_set_free(&mk->rejected);
    node_set_free(&mk->attrs_done);
    node_set_free(&mk->children_done);
    node_set_free(&mk->foreign);
    node_set_free(&mk->text_done);
    schema_marks_free_cache(mk);
    for (size_t i = 0; i < mk->n_general; i++)
        free(mk->general[i].msg);
    free(mk->general);
}

static bool is_child_error(int code)
{
    return code == XML_RELAXNG_ERR_ELEMWRONG || code == XML_RELAXNG_ERR_NOELEM ||
           code == XML_RELAXNG_ERR_ELEMNAME || code == XML_RELAXNG_ERR_CONTENTVALID ||
           code == XML_RELAXNG_ERR_EXTRACONTENT || code == XML_RELAXNG_ERR_INTERSEQ ||
           code == XML_RELAXNG_ERR_DATAELEM;
}

/* libxml2 hangs some errors about an element on one of its children ("the
 * attributes of <contest> are not valid" on <title>); str1 names the element
 * meant. Returns that ancestor, or n. */
static xmlNodePtr named_ancestor(xmlNodePtr n, const char *name)
{
    if (!n || !name || strcmp((const char *)n->name, name) == 0)
        return n;
    for (xmlNodePtr p = n->parent; p && p->type == XML_ELEMENT_NODE; p = p->parent)
        if (strcmp((const char *)p->name, name) == 0)
            return p;
    return n;
}

/* Whether a precise message was given about `n`, an attribute of it, or
 * anything inside it (then a general message about n says nothing new). */
static bool covered(const schema_marks *mk, xmlNodePtr n)
{
    for (size_t i = 0; i < mk->rejected.cap; i++) {
        const xmlNode *r = mk->rejected.v[i];
        for (; r; r = r->parent)
            if (r == n)
                return true;
    }
    return false;
}

void schema_report_general(vb_contest *c, vb_diag *d, schema_marks *mk)
{
    for (size_t i = 0; i < mk->n_general; i++) {
        schema_general *g = &mk->general[i];
        if (!g->node || !covered(mk, g->node)) {
            node_set_add(&mk->rejected, g->node);
            vb_error(d, c->path, g->line, g->col, "%s", g->msg);
        }
        free(g->msg);
    }
    free(mk->general);
    mk->general = NULL;
    mk->n_general = mk->cap_general = 0;
}

static bool same_error(const schema_error *a, const schema_error *b)
{
    return a->code == b->code && a->node == b->node && strcmp(or_empty(a->str1), or_empty(b->str1)) == 0 &&
           strcmp(or_empty(a->str2), or_empty(b->str2)) == 0;
}

void schema_report(vb_contest *c, vb_diag *d, xmlDocPtr rng, const schema_error *errs, size_t n,
                   schema_marks *mk)
{
    vb_buf msg;
    vb_buf_init(&msg);
    bool any_precise = false;
    for (size_t i = 0; i < n; i++)
        any_precise |= !is_generic(errs[i].code);
    for (size_t i = 0; i < n; i++) {
        schema_error ecopy = errs[i];
        const schema_error *e = &ecopy;
        /* An error on an attribute or text is an error on its element. */
        if (ecopy.node && ecopy.node->type != XML_ELEMENT_NODE)
            ecopy.node = ecopy.node->parent;
        if (is_generic(ecopy.code))
            ecopy.node = named_ancestor(ecopy.node, ecopy.str1);
        bool repeat = false; /* libxml2 says the same twice for two elements it lost */
        for (size_t j = 0; j < i && !repeat; j++)
            repeat = same_error(&errs[j], &errs[i]);
        if (repeat)
            continue;
        if (is_generic(e->code) && !e->node && any_precise)
            continue; /* a general echo of a precise error reported beside it */
        if (e->code == XML_RELAXNG_ERR_ATTRVALID && !e->node && e->str1 &&
            diagnose_by_name(c, d, rng, xmlDocGetRootElement(c->doc), e->str1, mk) > 0)
            continue; /* libxml2 lost the element: every element of that name was examined */
        if (is_attr_error(e->code) && e->node && e->node->type == XML_ELEMENT_NODE) {
            if (node_set_has(&mk->attrs_done, e->node))
                continue;
            node_set_add(&mk->attrs_done, e->node);
            if (schema_diagnose_attrs(c, d, rng, e->node, mk) > 0)
                continue;
        }
        if (is_child_error(e->code) && e->node) {
            /* ELEMWRONG names the child; NOELEM and CONTENTVALID the parent. */
            xmlNodePtr parent = e->code == XML_RELAXNG_ERR_ELEMWRONG || e->code == XML_RELAXNG_ERR_ELEMNAME
                                    ? e->node->parent : e->node;
            /* "<contest> has extra content: <titel>" may come on <titel>,
             * "<title> takes text only" on the element inside it. */
            if (e->code == XML_RELAXNG_ERR_EXTRACONTENT || e->code == XML_RELAXNG_ERR_DATAELEM)
                parent = named_ancestor(e->node, e->str1);
            if (node_set_has(&mk->children_done, parent))
                continue;
            node_set_add(&mk->children_done, parent);
            if (schema_diagnose_children(c, d, rng, parent, mk) > 0)
                continue;
            /* The children are in order: the child libxml2 names may be
             * wrong in itself (<form id="1x"> in <documents>). */
            if (e->node != parent && !node_set_has(&mk->attrs_done, e->node)) {
                node_set_add(&mk->attrs_done, e->node);
                if (schema_diagnose_attrs(c, d, rng, e->node, mk) > 0)
                    continue;
            }
        }
        /* A general "failed to validate" on an element is dropped when a more
         * precise error was reported inside it; so are exact repeats. */
        bool skip = false;
        for (size_t j = 0; j < n && !skip; j++) {
            if (j == i)
                continue;
            if (is_generic(e->code) && !is_generic(errs[j].code) && e->node &&
                is_descendant_or_self(errs[j].node, e->node))
                skip = true;
        }
        if (skip)
            continue;
        vb_buf_clear(&msg);
        message(&msg, e);
        int line = e->line, col = 0;
        if (e->node && e->node->type == XML_ELEMENT_NODE)
            locate_node(c, e->node, &line, &col);
        /* Here a value error is about the text: one about an attribute was
         * diagnosed above. */
        if (e->code == XML_RELAXNG_ERR_TEXTWRONG || e->code == XML_RELAXNG_ERR_LACKDATA ||
            is_attr_error(e->code) || (errs[i].node && errs[i].node->type == XML_TEXT_NODE))
            node_set_add(&mk->text_done, e->node); /* the sweep does not say it again */
        bool unnamed = e->code == XML_RELAXNG_ERR_NOELEM && !*or_empty(e->str1);
        if (is_generic(e->code) || e->code == XML_RELAXNG_ERR_EXTRACONTENT || unnamed) {
            /* Said after the sweep, unless it found the precise problem in
             * the element the message is about (not the child it hangs on). */
            xmlNodePtr about = e->code == XML_RELAXNG_ERR_EXTRACONTENT ? named_ancestor(e->node, e->str1) : e->node;
            schema_general g = {about, line, col, vb_xstrdup(msg.data)};
            VB_PUSH(mk->general, mk->n_general, mk->cap_general, g);
            continue;
        }
        node_set_add(&mk->rejected, e->node);
        vb_error(d, c->path, line, col, "%s", msg.data);
    }
    vb_buf_free(&msg);
}
