/* Source positions for messages. libxml2 keeps only a line per element (the
 * line where its start tag ends) and none per attribute, so the column is
 * found by looking for the start tag in the file's bytes. */
#include "model.h"

#include <libxml/chvalid.h>
#include <stdarg.h>
#include <stdint.h>
#include <string.h>

static void build_lines(vb_contest *c)
{
    if (c->line_starts)
        return;
    size_t cap = 0, n = 0;
    size_t *v = NULL;
    VB_PUSH(v, n, cap, (size_t)0);
    for (size_t i = 0; i < c->src_len; i++)
        if (c->src[i] == '\n')
            VB_PUSH(v, n, cap, i + 1);
    c->line_starts = v;
    c->nlines = n;
}

/* Column (1-based, in characters) of byte offset `off` on line `line`. */
static int column_of(const vb_contest *c, int line, size_t off)
{
    int col = 1;
    for (size_t i = c->line_starts[line - 1]; i < off; i++)
        if (((unsigned char)c->src[i] & 0xC0) != 0x80)
            col++;
    return col;
}

static bool name_end(char ch)
{
    return xmlIsBlank_ch(ch) || ch == '/' || ch == '>';
}

/* The prefix an element is written with (q of <q:unit>), or NULL. */
static const char *prefix_of(xmlNodePtr n)
{
    return n->ns && n->ns->prefix ? (const char *)n->ns->prefix : NULL;
}

/* Whether the file's bytes at off are n's start tag: '<', the prefix it is
 * written with, its name. */
static bool tag_at(const vb_contest *c, size_t off, xmlNodePtr n)
{
    if (off >= c->src_len || c->src[off] != '<')
        return false;
    const char *prefix = prefix_of(n);
    size_t i = off + 1;
    if (prefix) {
        size_t pl = strlen(prefix);
        if (i + pl + 1 > c->src_len || memcmp(c->src + i, prefix, pl) != 0 || c->src[i + pl] != ':')
            return false;
        i += pl + 1;
    }
    size_t nl = strlen((const char *)n->name);
    return i + nl <= c->src_len && memcmp(c->src + i, n->name, nl) == 0 &&
           (i + nl == c->src_len || name_end(c->src[i + nl]));
}

/* Where each element starts, kept by the loaders as the element is made, in
 * its _private (libxml2 leaves that field to applications):
 *  - the byte offset of its start tag's '<' in the file, when the parser
 *    reads the file's own bytes (no encoding conversion): the exact line and
 *    column, even for two <submission/> on one line of a file written on a
 *    single line, where the streaming load has no tree to tell them apart;
 *  - otherwise its line, when past 65,535: libxml2 keeps an element's line
 *    in 16 bits and then guesses from a child or a neighbour (an empty
 *    <submission/> on line 100,015 came out at 100,012 or 100,016).
 * The low bit says which: offset << 1 | 1, or line << 1. */
void remember_start(vb_contest *c, xmlParserCtxtPtr ctxt, xmlNodePtr n)
{
    xmlParserInputPtr in = ctxt->input;
    if (!n || n->type != XML_ELEMENT_NODE || !in)
        return;
    if ((!in->buf || !in->buf->encoder) && in->base && in->cur >= in->base) {
        /* The parser is at the end of the start tag: its '<' is the last
         * one before (an attribute value cannot hold one). */
        size_t at = (size_t)in->consumed + (size_t)(in->cur - in->base);
        if (at > c->src_len)
            at = c->src_len;
        size_t stop = at > 65536 ? at - 65536 : 0;
        while (at > stop && c->src[at - 1] != '<')
            at--;
        if (at > 0 && tag_at(c, at - 1, n)) {
            n->_private = (void *)(((uintptr_t)(at - 1) << 1) | 1);
            return;
        }
    }
    if (in->line >= 65535)
        n->_private = (void *)((uintptr_t)in->line << 1);
}

/* The 1-based line holding byte offset `off`. */
static int line_of(vb_contest *c, size_t off)
{
    build_lines(c);
    size_t lo = 0, hi = c->nlines; /* line_starts[lo] <= off < line_starts[hi] */
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (c->line_starts[mid] <= off)
            lo = mid;
        else
            hi = mid;
    }
    return (int)lo + 1;
}

/* What remember_start kept: true with the start tag's offset, or false
 * with its line past 65,535 (0 when it kept none). */
static bool recorded_start(xmlNodePtr n, size_t *off, long *line)
{
    uintptr_t v = n->type == XML_ELEMENT_NODE ? (uintptr_t)n->_private : 0;
    *off = v >> 1;
    *line = !(v & 1) && v && n->line == 65535 ? (long)(v >> 1) : 0;
    return v & 1;
}

static long node_line(vb_contest *c, xmlNodePtr n)
{
    size_t off;
    long line;
    if (recorded_start(n, &off, &line))
        return line_of(c, off);
    return line ? line : xmlGetLineNo(n);
}

/* How many elements of n's name start after n on n's line: two <counts/>
 * on one line are told apart. Lines never decrease in document order; the
 * walk is bounded all the same (past line 65,535 libxml2 may give an
 * element a neighbour's line, and a message must not cost a walk over the
 * rest of the file). */
static int later_on_line(vb_contest *c, xmlNodePtr n, long line)
{
    int k = 0;
    xmlNodePtr x = n;
    for (int steps = 0; steps < 256; steps++) {
        if (x->children)
            x = x->children;
        else {
            while (x && !x->next)
                x = x->parent && x->parent->type == XML_ELEMENT_NODE ? x->parent : NULL;
            if (!x)
                break;
            x = x->next;
        }
        if (x->type != XML_ELEMENT_NODE)
            continue;
        long l = node_line(c, x);
        if (l > line)
            break;
        const char *px = prefix_of(x), *pn = prefix_of(n);
        if (l == line && strcmp((const char *)x->name, (const char *)n->name) == 0 &&
            (px == pn || (px && pn && strcmp(px, pn) == 0)))
            k++;
    }
    return k;
}

/* Byte offset of "<name" for an element whose start tag ends on `line`,
 * the `later`-th but last of that name there (0: the last); sets *at_line.
 * Returns (size_t)-1 when not found. */
static size_t find_start_tag_nth(vb_contest *c, long line, const char *name, int later, int *at_line)
{
    build_lines(c);
    if (line < 1 || (size_t)line > c->nlines || !name)
        return (size_t)-1;
    size_t nlen = strlen(name);
    for (long l = line; l >= 1 && l > line - 64; l--) {
        size_t b = c->line_starts[l - 1];
        size_t e = (size_t)l < c->nlines ? c->line_starts[l] : c->src_len;
        size_t found = (size_t)-1, hits[16];
        int nh = 0;
        for (size_t i = b; i + nlen + 1 < e + 1 && i + nlen < c->src_len; i++)
            if (c->src[i] == '<' && memcmp(c->src + i + 1, name, nlen) == 0 &&
                (i + 1 + nlen >= c->src_len || name_end(c->src[i + 1 + nlen]))) {
                found = i; /* the last one on the line: the start tag ends here */
                hits[nh++ % 16] = i;
            }
        if (found != (size_t)-1 && l == line && later > 0 && later < nh && later < 16)
            found = hits[(nh - 1 - later) % 16];
        if (found != (size_t)-1) {
            *at_line = (int)l;
            return found;
        }
    }
    return (size_t)-1;
}

c_pos node_pos(xmlNodePtr n, const char *name)
{
    size_t off;
    long line;
    if (recorded_start(n, &off, &line) && off < UINT32_MAX) /* its line is found when needed */
        return (c_pos){.off1 = (uint32_t)off + 1, .name = name};
    if (!line)
        line = xmlGetLineNo(n);
    return (c_pos){.line = line > 0 ? (int)line : 0, .name = name};
}

/* The start tag of p: where the loader saw it, or else looked for on its
 * line, told apart from same-named ones after it there when its node is
 * known (a tree that is kept whole). */
static size_t start_of(vb_contest *c, c_pos p, int *l)
{
    if (p.off1) {
        *l = line_of(c, p.off1 - 1);
        return p.off1 - 1;
    }
    int later = p.node ? later_on_line(c, (xmlNodePtr)p.node, p.line) : 0;
    const char *prefix = p.node ? prefix_of((xmlNodePtr)p.node) : NULL;
    if (!prefix || !p.name)
        return find_start_tag_nth(c, p.line, p.name, later, l);
    /* <q:unit> is written with its prefix: look for that, not for <unit>. */
    vb_buf q;
    vb_buf_init(&q);
    vb_buf_printf(&q, "%s:%s", prefix, p.name);
    size_t off = find_start_tag_nth(c, p.line, q.data, later, l);
    vb_buf_free(&q);
    return off;
}

void locate_pos(vb_contest *c, c_pos p, int *line, int *col)
{
    int l = 0;
    size_t off = start_of(c, p, &l);
    if (off == (size_t)-1) {
        *line = p.line > 0 ? p.line : 0;
        *col = 0;
        return;
    }
    *line = l;
    *col = column_of(c, l, off);
}

/* A c_pos for a node of a tree that outlives the message. */
static c_pos tree_pos(xmlNodePtr n)
{
    c_pos p = node_pos(n, (const char *)n->name);
    p.node = n;
    return p;
}

void locate_node(vb_contest *c, xmlNodePtr n, int *line, int *col)
{
    locate_pos(c, tree_pos(n), line, col);
}

void locate_pos_attr(vb_contest *c, c_pos p, const char *attr, int *line, int *col)
{
    int l = 0;
    size_t off = start_of(c, p, &l);
    if (off == (size_t)-1) {
        locate_pos(c, p, line, col);
        return;
    }
    size_t alen = strlen(attr);
    char quote = 0;
    for (size_t i = off + 1; i < c->src_len; i++) {
        char ch = c->src[i];
        if (quote) {
            if (ch == quote)
                quote = 0;
            continue;
        }
        if (ch == '"' || ch == '\'') {
            quote = ch;
            continue;
        }
        if (ch == '>')
            break;
        if (xmlIsBlank_ch(ch) && i + 1 + alen < c->src_len &&
            memcmp(c->src + i + 1, attr, alen) == 0) {
            size_t j = i + 1 + alen;
            while (j < c->src_len && (c->src[j] == ' ' || c->src[j] == '\t'))
                j++;
            if (j < c->src_len && c->src[j] == '=') {
                size_t at = i + 1;
                while (l < (int)c->nlines && c->line_starts[l] <= at)
                    l++;
                *line = l;
                *col = column_of(c, l, at);
                return;
            }
        }
    }
    *line = l;
    *col = column_of(c, l, off);
}

void locate_attr(vb_contest *c, xmlNodePtr n, const char *attr, int *line, int *col)
{
    locate_pos_attr(c, tree_pos(n), attr, line, col);
}

static void report(vb_contest *c, vb_diag *d, bool error, int line, int col,
                   const char *fmt, va_list ap)
{
    vb_buf b;
    vb_buf_init(&b);
    vb_buf_vprintf(&b, fmt, ap);
    if (error)
        vb_error(d, c->path, line, col, "%s", b.data);
    else
        vb_warn(d, c->path, line, col, "%s", b.data);
    vb_buf_free(&b);
}

void err_at(vb_contest *c, vb_diag *d, xmlNodePtr n, const char *fmt, ...)
{
    int line = 0, col = 0;
    if (n)
        locate_node(c, n, &line, &col);
    va_list ap;
    va_start(ap, fmt);
    report(c, d, true, line, col, fmt, ap);
    va_end(ap);
}

void warn_at(vb_contest *c, vb_diag *d, xmlNodePtr n, const char *fmt, ...)
{
    int line = 0, col = 0;
    if (n)
        locate_node(c, n, &line, &col);
    va_list ap;
    va_start(ap, fmt);
    report(c, d, false, line, col, fmt, ap);
    va_end(ap);
}

void err_pos(vb_contest *c, vb_diag *d, c_pos p, const char *fmt, ...)
{
    int line = 0, col = 0;
    locate_pos(c, p, &line, &col);
    va_list ap;
    va_start(ap, fmt);
    report(c, d, true, line, col, fmt, ap);
    va_end(ap);
}

void warn_pos(vb_contest *c, vb_diag *d, c_pos p, const char *fmt, ...)
{
    int line = 0, col = 0;
    locate_pos(c, p, &line, &col);
    va_list ap;
    va_start(ap, fmt);
    report(c, d, false, line, col, fmt, ap);
    va_end(ap);
}

void err_pos_attr(vb_contest *c, vb_diag *d, c_pos p, const char *attr, const char *fmt, ...)
{
    int line = 0, col = 0;
    locate_pos_attr(c, p, attr, &line, &col);
    va_list ap;
    va_start(ap, fmt);
    report(c, d, true, line, col, fmt, ap);
    va_end(ap);
}

void err_attr(vb_contest *c, vb_diag *d, xmlNodePtr n, const char *attr, const char *fmt, ...)
{
    int line = 0, col = 0;
    locate_attr(c, n, attr, &line, &col);
    va_list ap;
    va_start(ap, fmt);
    report(c, d, true, line, col, fmt, ap);
    va_end(ap);
}

int locate_back(vb_contest *c, int line, int col, const char *needle)
{
    build_lines(c);
    if (line < 1 || (size_t)line > c->nlines)
        return col;
    size_t b = c->line_starts[line - 1];
    size_t e = (size_t)line < c->nlines ? c->line_starts[line] : c->src_len;
    size_t nlen = strlen(needle), found = (size_t)-1;
    int k = 1;
    for (size_t i = b; i + nlen <= e && (col <= 0 || k < col); i++) {
        if (memcmp(c->src + i, needle, nlen) == 0)
            found = i;
        if (((unsigned char)c->src[i] & 0xC0) != 0x80)
            k++;
    }
    return found == (size_t)-1 ? col : column_of(c, line, found);
}
