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

/* A listed name in the table of struct tmpl_names; s NULL: a free slot. */
typedef struct {
    char *s;
    size_t len;
    uint64_t hash;
} name_slot;

struct tmpl_names {
    xmlDocPtr doc;
    bool (*is_name)(const xmlNode *n);
    bool listed;
    /* the names whose marks a tone style could move, normalized as values
     * are (NFC, cleanup) and in lower case: only those need finding, in any
     * case ("NGUYỄN THỊ THUỶ" passed through a $field). A hash table (open
     * addressing, linear probing, cap a power of two, at most half full)
     * so that listing tens of thousands of entrants, and looking a stretch
     * of a value up among them, costs the same whatever their number. */
    name_slot *slot;
    size_t n, cap;
    /* has_len[l]: some name is l bytes long (l <= max_len): the only
     * stretches of a value worth looking up */
    bool *has_len;
    size_t max_len;
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
    for (size_t i = 0; i < t->cap; i++)
        free(t->slot[i].s);
    free(t->slot);
    free(t->has_len);
    free(t);
}

bool names_node(const tmpl_names *t, const xmlNode *n)
{
    return t && t->is_name && t->is_name(n);
}

/* FNV-1a: names are short, and only spread over the table matters. */
static uint64_t hash_step(uint64_t h, unsigned char c)
{
    return (h ^ c) * 0x100000001b3u;
}

static const uint64_t hash_seed = 0xcbf29ce484222325u;

/* The slot that holds s[0, len), or the free one where it would go. */
static name_slot *name_find(const tmpl_names *t, const char *s, size_t len, uint64_t hash)
{
    size_t mask = t->cap - 1;
    for (size_t i = (size_t)hash & mask;; i = (i + 1) & mask) {
        name_slot *e = &t->slot[i];
        if (!e->s || (e->hash == hash && e->len == len && memcmp(e->s, s, len) == 0))
            return e;
    }
}

/* Adds s (taken) unless listed already. */
static void name_insert(tmpl_names *t, char *s)
{
    size_t len = strlen(s);
    uint64_t hash = hash_seed;
    for (size_t i = 0; i < len; i++)
        hash = hash_step(hash, (unsigned char)s[i]);
    if (2 * (t->n + 1) > t->cap) {
        name_slot *old = t->slot;
        size_t old_cap = t->cap;
        t->cap = old_cap ? 2 * old_cap : 64;
        t->slot = vb_xcalloc(t->cap, sizeof *t->slot);
        for (size_t i = 0; i < old_cap; i++)
            if (old[i].s)
                *name_find(t, old[i].s, old[i].len, old[i].hash) = old[i];
        free(old);
    }
    name_slot *e = name_find(t, s, len, hash);
    if (e->s) {
        free(s);
        return;
    }
    *e = (name_slot){s, len, hash};
    t->n++;
    if (!t->has_len || len > t->max_len) {
        size_t old = t->has_len ? t->max_len + 1 : 0;
        t->has_len = vb_xrealloc(t->has_len, len + 1);
        memset(t->has_len + old, 0, len + 1 - old);
        t->max_len = len;
    }
    t->has_len[len] = true;
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
    if (moves && *s)
        name_insert(t, s);
    else
        free(s);
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
}

static bool word_cp(uint32_t cp)
{
    utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)cp);
    return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_NO; /* letters, marks, digits */
}

/* Whether a word may end at s[to] / begin at s[from]: no letter, mark or
 * digit against it ("Lê Hoà" is not in "Lê Hoàng"). */
static bool word_ends(const char *s, size_t len, size_t to)
{
    uint32_t cp;
    return !(to < len && vb_utf8_decode(s + to, len - to, &cp) && word_cp(cp));
}

static bool word_begins(const char *s, size_t from)
{
    if (from == 0)
        return true;
    uint32_t cp;
    size_t p = from - 1;
    while (p > 0 && ((unsigned char)s[p] & 0xC0) == 0x80)
        p--;
    return !(vb_utf8_decode(s + p, from - p, &cp) && word_cp(cp));
}

static size_t cp_count(const char *s, size_t len);

/* A name found in the lower-cased value s: s[from, to). s rides along
 * because qsort's comparison has no other way to the text. */
typedef struct {
    const char *s;
    size_t from, to;
    bool kept;
} name_hit;

/* The order in which hits claim their place: longer names first, then names
 * in byte order, then from the left, as one strstr() per name in the list
 * sorted that way found them before ("Lê Hoà" in "Trần Lê Hoà" gives way to
 * the whole name). */
static int hit_claim_order(const void *pa, const void *pb)
{
    const name_hit *a = pa, *b = pb;
    size_t la = a->to - a->from, lb = b->to - b->from;
    if (la != lb)
        return la < lb ? 1 : -1;
    int c = memcmp(a->s + a->from, b->s + b->from, la);
    if (c)
        return c;
    return a->from < b->from ? -1 : a->from > b->from;
}

static int hit_text_order(const void *pa, const void *pb)
{
    const name_hit *a = pa, *b = pb;
    return a->from < b->from ? -1 : a->from > b->from;
}

/* The byte of s's cp-th code point, or its end; *at and *seen (the code
 * points before *at) carry the scan over, so cp must not decrease from one
 * call to the next: one pass over s for all the offsets of a value. */
static size_t cp_byte_next(const char *s, size_t *at, size_t *seen, size_t cp)
{
    size_t i = *at;
    for (; s[i]; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80) {
            if (*seen == cp)
                break;
            ++*seen;
        }
    *at = i;
    return i;
}

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
    /* Every stretch of s that starts and ends a word and has the length of
     * some name is looked up, its hash grown a byte at a time: the work is
     * the length of s times that of the longest name, whatever their
     * number. A name starts with a lead byte, so only those can start one. */
    name_hit *hit = NULL;
    size_t nhit = 0, cap = 0;
    for (size_t from = 0; from < len; from++) {
        if (((unsigned char)s[from] & 0xC0) == 0x80 || !word_begins(s, from))
            continue;
        uint64_t hash = hash_seed;
        size_t end = len - from < t->max_len ? len : from + t->max_len;
        for (size_t to = from; to < end;) {
            hash = hash_step(hash, (unsigned char)s[to++]);
            if (!t->has_len[to - from] || !word_ends(s, len, to))
                continue;
            if (name_find(t, s + from, to - from, hash)->s)
                VB_PUSH(hit, nhit, cap, ((name_hit){s, from, to, false}));
        }
    }
    if (nhit) {
        qsort(hit, nhit, sizeof *hit, hit_claim_order);
        /* a hit inside or across one that came first is dropped: names do
         * not overlap */
        bool *taken = vb_xcalloc(len, sizeof *taken);
        for (size_t i = 0; i < nhit; i++) {
            size_t b = hit[i].from;
            while (b < hit[i].to && !taken[b])
                b++;
            if (b < hit[i].to)
                continue;
            memset(taken + hit[i].from, 1, hit[i].to - hit[i].from);
            hit[i].kept = true;
        }
        free(taken);
        /* in the order of the text (taken ranges do not overlap) */
        size_t k = 0;
        for (size_t i = 0; i < nhit; i++)
            if (hit[i].kept)
                hit[k++] = hit[i];
        qsort(hit, k, sizeof *hit, hit_text_order);
        size_t at = 0, seen = 0, sb = 0, scp = 0;
        for (size_t i = 0; i < k; i++) {
            size_t ends[2] = {hit[i].from, hit[i].to};
            for (int e = 0; e < 2; e++) {
                scp += cp_count(s + sb, ends[e] - sb);
                sb = ends[e];
                VB_PUSH(kept->at, kept->n, kept->cap, cp_byte_next(plain, &at, &seen, scp));
            }
        }
    }
    free(hit);
    vb_buf_free(&low);
}

static size_t cp_count(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    return n;
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
    size_t counted = 0, counted_cps = 0; /* b's code points so far, counted once */
    for (size_t k = 0; k <= bytes.n; k += 2) {
        size_t to = k < bytes.n ? bytes.at[k] : len;
        char *seg = vn_tone_utf8(plain + from, to - from, tone);
        vb_buf_append(&b, seg ? seg : plain + from, seg ? strlen(seg) : to - from);
        free(seg);
        if (k < bytes.n) {
            if (b.len > counted)
                counted_cps += cp_count(b.data + counted, b.len - counted);
            counted = b.len;
            size_t at = counted_cps;
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
    /* the ranges are in the order of the text (names_computed) */
    size_t at = 0, seen = 0;
    for (size_t k = 0; k < kept->n; k++)
        kept->at[k] = cp_byte_next(s, &at, &seen, kept->at[k]);
}
