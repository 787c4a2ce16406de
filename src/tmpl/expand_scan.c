/* Template scanning: finds {{ }} tags, builds the section tree, and applies
 * Mustache's standalone rule — a line holding nothing but one section,
 * inverted, closing, comment or partial tag leaves no line behind, so a
 * template can put its control tags on lines of their own. */
#include "expand_internal.h"

#include <stdlib.h>
#include <string.h>

static tnode *add_kid(tnode *parent, tnode_kind kind)
{
    vb_grow((void **)&parent->kids, &parent->cap_kids, parent->n_kids + 1, sizeof *parent->kids);
    tnode *n = &parent->kids[parent->n_kids++];
    memset(n, 0, sizeof *n);
    n->kind = kind;
    return n;
}

/* The first `needle` at or after `from`, or NULL (memmem is not C17/POSIX). */
static const char *find(const char *s, size_t len, size_t from, const char *needle)
{
    size_t n = strlen(needle);
    for (size_t i = from; i + n <= len; i++)
        if (s[i] == needle[0] && memcmp(s + i, needle, n) == 0)
            return s + i;
    return NULL;
}

static bool blank(const char *s, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++)
        if (s[i] != ' ' && s[i] != '\t')
            return false;
    return true;
}

static void trim(const char **s, size_t *len)
{
    while (*len && (**s == ' ' || **s == '\t' || **s == '\n'))
        (*s)++, (*len)--;
    while (*len && ((*s)[*len - 1] == ' ' || (*s)[*len - 1] == '\t' || (*s)[*len - 1] == '\n'))
        (*len)--;
}

typedef struct scanner {
    const char *src;
    size_t len;
    const char *path;
    int line0, col0;
    vb_diag *d;
    bool ok;
    /* where() walks forward from the last position it gave: tags are met in
     * order, so finding every tag's line:col costs one pass over the text,
     * not one pass per tag (a long report has hundreds of tags). */
    size_t at;
    int at_line, at_col;
    /* Where each "{{" of the text stands in the file, when the text is not a
     * plain copy of it (a front-matter value in a block or quoted scalar,
     * whose indentation and line folding YAML took away): pairs line, col. */
    const int *tag_pos;
    size_t n_tag_pos, tag_index;
} scanner;

/* Position in the template file of byte `off` of the scanned text. */
static void where(scanner *sc, size_t off, int *line, int *col)
{
    if (off < sc->at) {
        sc->at = 0;
        sc->at_line = sc->at_col = 1;
    }
    for (; sc->at < off && sc->src[sc->at]; sc->at++) {
        unsigned char ch = (unsigned char)sc->src[sc->at];
        if (ch == '\n') {
            sc->at_line++;
            sc->at_col = 1;
        } else if ((ch & 0xC0) != 0x80) {
            sc->at_col++;
        }
    }
    *line = sc->line0 + sc->at_line - 1;
    *col = sc->at_line == 1 ? sc->col0 + sc->at_col - 1 : sc->at_col;
}

/* A text node for bytes [a, b) of the scanned text, which starts at line:col. */
static void add_text(tnode *parent, const char *src, size_t a, size_t b, int line, int col)
{
    if (b <= a)
        return;
    tnode *n = add_kid(parent, TN_TEXT);
    n->text = src + a;
    n->len = b - a;
    n->line = line;
    n->col = col;
}

/* Sections nest a few levels in a real template. */
#define TMPL_MAX_DEPTH 32

/* One open section on the stack: the node index in its parent. */
typedef struct frame {
    tnode *parent;
    size_t index;
} frame;

bool ttree_parse(ttree *t, const char *src, size_t len, const char *path, int line0, int col0,
                 const int *tag_pos, size_t n_tag_pos, vb_diag *d)
{
    memset(t, 0, sizeof *t);
    t->root.kind = TN_SECTION;
    scanner sc = {.src = src, .len = len, .path = path, .line0 = line0, .col0 = col0, .d = d,
                  .at_line = 1, .at_col = 1, .tag_pos = tag_pos, .n_tag_pos = n_tag_pos,
                  .ok = true};
    frame *stack = NULL;
    size_t depth = 0, cap = 0;
    tnode *cur = &t->root;
    size_t pos = 0, text_from = 0, line_start = 0;
    bool tag_on_line = false;

    while (pos < len) {
        const char *open = find(src, len, pos, "{{");
        if (!open) {
            break;
        }
        size_t at = (size_t)(open - src);
        /* Track the start of the tag's line and whether a tag came before. */
        for (size_t i = pos; i < at; i++)
            if (src[i] == '\n') {
                line_start = i + 1;
                tag_on_line = false;
            }
        bool triple = at + 2 < len && src[at + 2] == '{';
        const char *closer = triple ? "}}}" : "}}";
        size_t inner = at + (triple ? 3 : 2);
        const char *close = find(src, len, inner, closer);
        int tl, tc, xl, xc;
        where(&sc, text_from, &xl, &xc); /* the text before the tag, first: */
        where(&sc, at, &tl, &tc);         /* where() only walks forward fast */
        if (sc.tag_index < sc.n_tag_pos) {
            tl = sc.tag_pos[2 * sc.tag_index];
            tc = sc.tag_pos[2 * sc.tag_index + 1];
        }
        sc.tag_index++;
        if (!close) {
            vb_error(d, path, tl, tc, "thẻ \"%s\" không có \"%s\" đóng", triple ? "{{{" : "{{",
                     closer);
            sc.ok = false;
            break;
        }
        size_t end = (size_t)(close - src) + strlen(closer);
        const char *body = src + inner;
        size_t blen = (size_t)(close - body);
        trim(&body, &blen);
        tnode_kind kind = TN_VAR;
        bool is_close = false, is_comment = false;
        if (triple) {
            kind = TN_RAW;
        } else if (blen) {
            switch (body[0]) {
            case '#': kind = TN_SECTION; break;
            case '^': kind = TN_INVERTED; break;
            case '>': kind = TN_PARTIAL; break;
            case '&': kind = TN_RAW; break;
            case '/':
                /* "{{/}}" (or "{{/ expr}}") closes; "{{/contest/title}}" is an
                 * absolute XPath path to interpolate. */
                is_close = blen == 1 || body[1] == ' ' || body[1] == '\t';
                break;
            case '!': is_comment = true; break;
            default: break;
            }
            if (kind != TN_VAR || is_close || is_comment) {
                body++, blen--;
                trim(&body, &blen);
            }
        }
        /* Standalone: only blanks around this one tag on its line. */
        bool control = kind == TN_SECTION || kind == TN_INVERTED || kind == TN_PARTIAL ||
                       is_close || is_comment;
        size_t eol = end;
        while (eol < len && src[eol] != '\n')
            eol++;
        bool standalone = control && !tag_on_line && blank(src, line_start, at) &&
                          blank(src, end, eol);
        add_text(cur, src, text_from, standalone ? line_start : at, xl, xc);
        size_t next = standalone ? (eol < len ? eol + 1 : eol) : end;
        if (standalone) {
            line_start = next;
            tag_on_line = false;
        } else {
            tag_on_line = true;
        }

        if (is_comment) {
            /* nothing */
        } else if (is_close) {
            if (depth == 0) {
                vb_error(d, path, tl, tc, "thẻ đóng \"{{/}}\" không có thẻ mở \"{{#…}}\" tương ứng");
                sc.ok = false;
            } else {
                frame *f = &stack[--depth];
                tnode *opened = &f->parent->kids[f->index];
                if (blen && (blen != opened->len || memcmp(body, opened->text, blen) != 0)) {
                    vb_error(d, path, tl, tc,
                             "thẻ đóng \"{{/ %.*s}}\" không khớp thẻ mở \"{{#%.*s}}\" ở dòng %d",
                             (int)blen, body, (int)opened->len, opened->text, opened->line);
                    sc.ok = false;
                }
                cur = f->parent;
            }
        } else {
            if ((kind != TN_PARTIAL) && blen == 0) {
                vb_error(d, path, tl, tc, "thẻ rỗng: cần một biểu thức XPath giữa {{ và }}");
                sc.ok = false;
            }
            tnode *n = add_kid(cur, kind);
            n->text = body;
            n->len = blen;
            n->line = tl;
            n->col = tc;
            if ((kind == TN_SECTION || kind == TN_INVERTED) && depth == TMPL_MAX_DEPTH) {
                /* expanding 30,000 nested sections overflowed the stack */
                vb_error(d, path, tl, tc, "khối {{#…}} lồng nhau quá %d mức; hãy bớt mức lồng",
                         TMPL_MAX_DEPTH);
                sc.ok = false;
                break;
            }
            if (kind == TN_SECTION || kind == TN_INVERTED) {
                vb_grow((void **)&stack, &cap, depth + 1, sizeof *stack);
                stack[depth++] = (frame){.parent = cur, .index = cur->n_kids - 1};
                cur = n;
            }
        }
        pos = next;
        text_from = next;
    }
    if (sc.ok) {
        int xl, xc;
        where(&sc, text_from, &xl, &xc);
        add_text(cur, src, text_from, len, xl, xc);
    }
    for (size_t i = depth; sc.ok && i-- > 0;) {
        tnode *opened = &stack[i].parent->kids[stack[i].index];
        vb_error(d, path, opened->line, opened->col,
                 "khối \"{{%c%.*s}}\" chưa được đóng bằng \"{{/}}\"",
                 opened->kind == TN_SECTION ? '#' : '^', (int)opened->len, opened->text);
        sc.ok = false;
    }
    free(stack);
    if (!sc.ok)
        ttree_free(t);
    return sc.ok;
}

static void free_node(tnode *n)
{
    for (size_t i = 0; i < n->n_kids; i++)
        free_node(&n->kids[i]);
    free(n->kids);
}

void ttree_free(ttree *t)
{
    free_node(&t->root);
    memset(t, 0, sizeof *t);
}
