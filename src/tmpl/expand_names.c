/* Persons' names among the values a template prints (docs/tone-marks.md).
 *
 * A name is printed as on the person's papers, tone marks included, in
 * every tone style; the rest of the document follows its style. The data
 * says which nodes are names (tmpl_names.is_name, the contest model's
 * rule), so a value taken from such a node is a name, whatever filter then
 * changes its case ("NGUYỄN THỊ THUỶ"). A computed string (concat(),
 * substring(), a $field) has no node behind it: there, each name of the
 * data that stands in it whole, as a word, is kept, and the text around it
 * follows the style. */
#include "expand_internal.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

struct tmpl_names {
    xmlDocPtr doc;
    bool (*is_name)(const xmlNode *n);
    bool listed;
    /* the names whose marks a tone style could move, normalized as values
     * are (NFC, cleanup) and in lower case, longest first: only those need
     * finding, in any case ("NGUYỄN THỊ THUỶ" passed through a $field) */
    char **text;
    size_t n, cap;
};

tmpl_names *tmpl_names_new(xmlDocPtr doc, bool (*is_name)(const xmlNode *n))
{
    tmpl_names *t = vb_xcalloc(1, sizeof *t);
    t->doc = doc;
    t->is_name = is_name;
    return t;
}

void tmpl_names_free(tmpl_names *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < t->n; i++)
        free(t->text[i]);
    free(t->text);
    free(t);
}

bool names_node(const tmpl_names *t, const xmlNode *n)
{
    return t && t->is_name && t->is_name(n);
}

static void add_name(tmpl_names *t, xmlNodePtr n)
{
    xmlChar *c = xmlNodeGetContent(n);
    if (!c)
        return;
    char *norm = vn_normalize((const char *)c, (size_t)xmlStrlen(c), VN_TONE_KEEP);
    xmlFree(c);
    vb_buf low;
    vb_buf_init(&low);
    vn_lower(&low, norm, strlen(norm));
    free(norm);
    char *s = vb_buf_take(&low);
    /* A name neither style would change cannot be changed in a value. */
    char *classic = vn_tone_utf8(s, strlen(s), VN_TONE_CLASSIC);
    char *modern = classic ? NULL : vn_tone_utf8(s, strlen(s), VN_TONE_MODERN);
    bool moves = classic || modern;
    free(classic);
    free(modern);
    for (size_t i = 0; moves && i < t->n; i++)
        moves = strcmp(t->text[i], s) != 0;
    if (moves)
        VB_PUSH(t->text, t->n, t->cap, s);
    else
        free(s);
}

static int longer_first(const void *a, const void *b)
{
    size_t la = strlen(*(char *const *)a), lb = strlen(*(char *const *)b);
    return la < lb ? 1 : la > lb ? -1 : strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names of the whole document, listed when a computed value first needs
 * them (most documents never do). */
static void list_names(tmpl_names *t)
{
    if (t->listed)
        return;
    t->listed = true;
    xmlNodePtr root = t->doc ? xmlDocGetRootElement(t->doc) : NULL;
    for (xmlNodePtr n = root; n;) {
        if (n->type == XML_ELEMENT_NODE) {
            if (t->is_name(n))
                add_name(t, n);
            for (xmlAttrPtr a = n->properties; a; a = a->next)
                if (t->is_name((const xmlNode *)a))
                    add_name(t, (xmlNodePtr)a);
        }
        /* depth first, without recursion */
        if (n->type == XML_ELEMENT_NODE && n->children) {
            n = n->children;
            continue;
        }
        while (n && n != root && !n->next)
            n = n->parent;
        n = n && n != root ? n->next : NULL;
    }
    if (t->n > 1)
        qsort(t->text, t->n, sizeof *t->text, longer_first);
}

static bool word_cp(uint32_t cp)
{
    utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)cp);
    return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_NO; /* letters, marks, digits */
}

/* Whether s[from, to) stands as a word of s: no letter, mark or digit
 * against either end ("Lê Hoà" is not in "Lê Hoàng"). */
static bool whole_word(const char *s, size_t len, size_t from, size_t to)
{
    uint32_t cp;
    if (to < len && vb_utf8_decode(s + to, len - to, &cp) && word_cp(cp))
        return false;
    if (from == 0)
        return true;
    size_t p = from - 1;
    while (p > 0 && ((unsigned char)s[p] & 0xC0) == 0x80)
        p--;
    return !(vb_utf8_decode(s + p, from - p, &cp) && word_cp(cp));
}

static size_t cp_count(const char *s, size_t len);
static size_t cp_byte(const char *s, size_t cp);

/* Byte ranges of the names in s, in order, into kept (empty when none). */
static void find_names(tmpl_names *t, const char *plain, md_kept *kept)
{
    list_names(t);
    if (!t->n)
        return;
    /* Found in lower case, and mapped back by code points: a change of
     * case maps each one to one (vn_case.c), whatever its bytes. */
    vb_buf low;
    vb_buf_init(&low);
    vn_lower(&low, plain, strlen(plain));
    const char *s = low.data ? low.data : "";
    size_t len = low.len;
    if (cp_count(s, len) != cp_count(plain, strlen(plain))) {
        vb_buf_free(&low);
        return;
    }
    for (size_t i = 0; i < t->n; i++) {
        size_t nl = strlen(t->text[i]);
        for (const char *p = strstr(s, t->text[i]); p; p = strstr(p + 1, t->text[i])) {
            size_t from = (size_t)(p - s), to = from + nl;
            if (!whole_word(s, len, from, to))
                continue;
            /* a longer name found first may hold this one ("Lê Hoà" in
             * "Trần Lê Hoà"): inside it, it is kept already */
            size_t k = 0;
            while (k < kept->n && kept->at[k + 1] <= from)
                k += 2;
            if (k < kept->n && kept->at[k] < to)
                continue;
            VB_PUSH(kept->at, kept->n, kept->cap, 0);
            VB_PUSH(kept->at, kept->n, kept->cap, 0);
            memmove(kept->at + k + 2, kept->at + k, (kept->n - k - 2) * sizeof *kept->at);
            kept->at[k] = from;
            kept->at[k + 1] = to;
        }
    }
    for (size_t k = 0; k < kept->n; k++)
        kept->at[k] = cp_byte(plain, cp_count(s, kept->at[k]));
    vb_buf_free(&low);
}

static size_t cp_count(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    return n;
}

static size_t cp_byte(const char *s, size_t cp)
{
    size_t i = 0;
    for (; s[i]; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80 && cp-- == 0)
            return i;
    return i;
}

char *names_computed(tmpl_names *t, const char *raw, vn_tone tone, md_kept *cps)
{
    cps->n = 0;
    if (!t || tone == VN_TONE_KEEP)
        return vn_normalize(raw, strlen(raw), tone);
    /* Most computed strings are numbers, or text the style leaves as it is:
     * two passes of vn_normalize (each quick on clean text) tell. */
    char *toned = vn_normalize(raw, strlen(raw), tone);
    char *plain = vn_normalize(raw, strlen(raw), VN_TONE_KEEP);
    md_kept bytes = {0};
    if (strcmp(toned, plain) != 0)
        find_names(t, plain, &bytes);
    if (!bytes.n) {
        free(plain);
        return toned;
    }
    free(toned);
    /* the style between the names, the names as written; their places in
     * code points, which a change of case keeps (the style and the cleanup
     * commute: one moves marks inside words, the other spaces and
     * punctuation, so this is vn_normalize(raw, tone) but for the names) */
    vb_buf b;
    vb_buf_init(&b);
    size_t from = 0, len = strlen(plain);
    for (size_t k = 0; k <= bytes.n; k += 2) {
        size_t to = k < bytes.n ? bytes.at[k] : len;
        char *seg = vn_tone_utf8(plain + from, to - from, tone);
        vb_buf_append(&b, seg ? seg : plain + from, seg ? strlen(seg) : to - from);
        free(seg);
        if (k < bytes.n) {
            size_t at = cp_count(b.data ? b.data : "", b.len);
            vb_buf_append(&b, plain + bytes.at[k], bytes.at[k + 1] - bytes.at[k]);
            VB_PUSH(cps->at, cps->n, cps->cap, at);
            VB_PUSH(cps->at, cps->n, cps->cap, at + cp_count(plain + bytes.at[k], bytes.at[k + 1] - bytes.at[k]));
            from = bytes.at[k + 1];
        }
    }
    free(bytes.at);
    free(plain);
    return vb_buf_take(&b);
}

size_t names_cp_count(const char *s)
{
    return cp_count(s, strlen(s));
}

void names_to_bytes(const char *s, md_kept *kept)
{
    for (size_t k = 0; k < kept->n; k++)
        kept->at[k] = cp_byte(s, kept->at[k]);
}
