/* Markdown → md tree, through cmark-gfm. */
#include "md.h"
#include "vn/vn.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#include <stdlib.h>
#include <string.h>

typedef struct convert_ctx {
    md_doc *doc;
    vb_diag *diag;
    int line_offset;
    const int *line_of; /* optional: the source line of each text line */
    size_t n_line_of;
    const char *text; /* what cmark parsed, for columns in characters */
    size_t len;
    const md_values *values; /* the data behind the placeholders in it */
    /* inline accumulation */
    md_inline *inl;
    size_t n_inl, cap_inl;
    bool failed; /* an error was reported (an unknown directive) */
    int depth;        /* lists and quotes around the block being converted */
    int inline_depth; /* inlines around the one being collected */
    bool too_deep_told;
} convert_ctx;

/* Lists and quotes nest a few levels in an official document; 30,000 levels
 * (a stray run of ">" or "- ") overflowed the stack, and from about 20 the
 * indentation left no room for a letter. Inlines (emphasis, links) nest
 * little more. One message, at the first place too deep. */
#define MD_MAX_BLOCK_DEPTH 10
#define MD_MAX_INLINE_DEPTH 50
/* A link's address, in bytes. A PDF string holds 65,535 bytes (libharu
 * stopped with its error code 0x105B, "khi vẽ trang"), and the address is
 * written percent-encoded, up to three bytes for one; no real address comes
 * near 8 KB (web servers refuse longer requests). */
#define MD_MAX_URL 8192

static bool too_deep(convert_ctx *cx, int line, int depth, int limit, const char *what)
{
    if (depth <= limit)
        return false;
    if (!cx->too_deep_told)
        vb_error(cx->diag, cx->doc->path, line, 0, "%s lồng nhau quá %d mức; vanban không dàn "
                 "trang được phần này, hãy bớt mức lồng", what, limit);
    cx->too_deep_told = true;
    cx->failed = true;
    return true;
}

/* A directive's text: a word, or "lỗi: " and a message of a line or so. */
#define DIRECTIVE_MAX 1024
static bool directive_word(convert_ctx *cx, cmark_node *n, char *out, size_t cap);

/* A string of cmark's as the md tree keeps it: in the document's arena,
 * with the data put back in place of its placeholders. */
static const char *lit(convert_ctx *cx, const char *s)
{
    if (!s)
        s = "";
    if (!cx->values || !strstr(s, MD_VALUE_OPEN))
        return vb_arena_strdup(cx->doc->arena, s);
    vb_buf b;
    vb_buf_init(&b);
    md_values_resolve(cx->values, s, strlen(s), &b);
    const char *r = vb_arena_strndup(cx->doc->arena, b.data ? b.data : "", b.len);
    vb_buf_free(&b);
    return r;
}

/* lit() for a text node: also where the persons' names are in it, which
 * keep their tone marks (md_apply_tone). */
static void lit_text(convert_ctx *cx, const char *s, md_inline *v)
{
    if (!s || !cx->values || !strstr(s, MD_VALUE_OPEN)) {
        v->text = lit(cx, s);
        return;
    }
    vb_buf b;
    vb_buf_init(&b);
    md_kept kept = {0};
    md_values_resolve_kept(cx->values, s, strlen(s), &b, &kept);
    v->text = vb_arena_strndup(cx->doc->arena, b.data ? b.data : "", b.len);
    if (kept.n) {
        size_t *at = vb_arena_alloc(cx->doc->arena, kept.n * sizeof *at);
        memcpy(at, kept.at, kept.n * sizeof *at);
        v->kept = at;
        v->n_kept = kept.n;
    }
    free(kept.at);
    vb_buf_free(&b);
}

static int src_line(convert_ctx *cx, cmark_node *n)
{
    int l = cmark_node_get_start_line(n);
    if (l > 0 && cx->line_of && (size_t)l <= cx->n_line_of)
        return cx->line_of[l - 1];
    return l > 0 ? l + cx->line_offset : 0;
}

/* cmark counts columns in bytes; a message counts characters ("Chữ <!--"
 * is at column 5, not 7). */
static int src_col(convert_ctx *cx, cmark_node *n)
{
    int line = cmark_node_get_start_line(n), col = cmark_node_get_start_column(n);
    size_t i = 0;
    for (int l = 1; l < line && i < cx->len; i++)
        l += cx->text[i] == '\n';
    int chars = 1;
    for (size_t k = 0; k + 1 < (size_t)col && i + k < cx->len; k++)
        chars += ((unsigned char)cx->text[i + k] & 0xC0) != 0x80;
    return chars;
}

static void push_inline(convert_ctx *cx, md_inline v)
{
    VB_PUSH(cx->inl, cx->n_inl, cx->cap_inl, v);
}

static int src_line(convert_ctx *cx, cmark_node *n);
static void collect_inlines_of(convert_ctx *cx, cmark_node *n, unsigned style, const char *link);

static void collect_inlines(convert_ctx *cx, cmark_node *n, unsigned style, const char *link)
{
    cx->inline_depth++;
    if (!too_deep(cx, src_line(cx, n), cx->inline_depth, MD_MAX_INLINE_DEPTH,
                  "chữ đậm, nghiêng, liên kết"))
        collect_inlines_of(cx, n, style, link);
    cx->inline_depth--;
}

static void collect_inlines_of(convert_ctx *cx, cmark_node *n, unsigned style, const char *link)
{
    for (cmark_node *c = cmark_node_first_child(n); c; c = cmark_node_next(c)) {
        cmark_node_type t = cmark_node_get_type(c);
        const char *ts = cmark_node_get_type_string(c);
        md_inline v = {.kind = MD_TEXT, .style = style, .link = link};
        switch (t) {
        case CMARK_NODE_TEXT:
            lit_text(cx, cmark_node_get_literal(c), &v);
            push_inline(cx, v);
            break;
        case CMARK_NODE_CODE:
            v.style |= MD_CODE;
            v.text = lit(cx, cmark_node_get_literal(c));
            push_inline(cx, v);
            break;
        case CMARK_NODE_SOFTBREAK:
            v.kind = MD_SOFTBREAK;
            push_inline(cx, v);
            break;
        case CMARK_NODE_LINEBREAK:
            v.kind = MD_HARDBREAK;
            push_inline(cx, v);
            break;
        case CMARK_NODE_EMPH:
            collect_inlines(cx, c, style | MD_ITALIC, link);
            break;
        case CMARK_NODE_STRONG:
            collect_inlines(cx, c, style | MD_BOLD, link);
            break;
        case CMARK_NODE_LINK: {
            const char *url = lit(cx, cmark_node_get_url(c));
            size_t url_len = strlen(url);
            if (url_len > MD_MAX_URL) {
                int shown = 40; /* its start, not cut inside a character */
                while (shown > 0 && ((unsigned char)url[shown] & 0xC0) == 0x80)
                    shown--;
                vb_error(cx->diag, cx->doc->path, src_line(cx, c), src_col(cx, c),
                         "địa chỉ liên kết dài %zu byte, quá giới hạn %d byte: \"%.*s…\"; kiểm "
                         "tra lại địa chỉ (dán nhầm cả nội dung?)",
                         url_len, MD_MAX_URL, shown, url);
                cx->failed = true;
                break;
            }
            collect_inlines(cx, c, style, url);
            break;
        }
        case CMARK_NODE_IMAGE:
            /* An image inside running text: its description stands in, in italics. */
            vb_warn(cx->diag, cx->doc->path, src_line(cx, c), 0,
                    "ảnh nằm giữa dòng chữ được thay bằng phần mô tả; hãy đặt ảnh thành đoạn riêng");
            collect_inlines(cx, c, style | MD_ITALIC, link);
            break;
        case CMARK_NODE_FOOTNOTE_REFERENCE:
            v.kind = MD_FOOTREF;
            v.footnote = atoi(cmark_node_get_literal(c));
            push_inline(cx, v);
            break;
        case CMARK_NODE_HTML_INLINE: {
            /* Raw HTML has no meaning in a PDF; comments are the usual case,
             * and the text between tags is kept. A directive inside a
             * paragraph would do nothing: it must stand alone. */
            char word[DIRECTIVE_MAX];
            if (directive_word(cx, c, word, sizeof word)) {
                vb_error(cx->diag, cx->doc->path, src_line(cx, c), src_col(cx, c),
                         "chỉ thị \"<!-- vanban: %s -->\" phải đứng một mình trên một dòng, cách "
                         "đoạn văn một dòng trống",
                         word);
                cx->failed = true;
            }
            break;
        }
        default:
            if (ts && strcmp(ts, "strikethrough") == 0)
                collect_inlines(cx, c, style | MD_STRIKE, link);
            else
                collect_inlines(cx, c, style, link);
            break;
        }
    }
}

static void take_inlines(convert_ctx *cx, cmark_node *n, md_block *b)
{
    cx->n_inl = 0;
    collect_inlines(cx, n, 0, NULL);
    b->n_inl = cx->n_inl;
    b->inl = vb_arena_alloc(cx->doc->arena, cx->n_inl * sizeof *b->inl);
    if (cx->n_inl)
        memcpy(b->inl, cx->inl, cx->n_inl * sizeof *b->inl);
}

/* A paragraph whose only content is one image becomes an image block. */
static cmark_node *sole_image(cmark_node *para)
{
    cmark_node *img = NULL;
    for (cmark_node *c = cmark_node_first_child(para); c; c = cmark_node_next(c)) {
        cmark_node_type t = cmark_node_get_type(c);
        if (t == CMARK_NODE_IMAGE && !img)
            img = c;
        else if (t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK)
            continue;
        else if (t == CMARK_NODE_TEXT && strspn(cmark_node_get_literal(c), " \t") ==
                                             strlen(cmark_node_get_literal(c)))
            continue;
        else
            return NULL;
    }
    return img;
}

/* "<!-- vanban: WORD -->" alone in an HTML block: a layout directive that
 * other Markdown renderers show as nothing. Returns the word (trimmed) in
 * `out`, or false for any other HTML. */
static bool directive_word(convert_ctx *cx, cmark_node *n, char *out, size_t cap)
{
    /* The comment's end is found in the text as cmark has it, with data
     * still as placeholders (which hold no "-->"): a value "a --> b" must
     * not close the comment it is in. Only the word is resolved. */
    const char *s = cmark_node_get_literal(n);
    if (!s)
        return false;
    s += strspn(s, " \t\n");
    if (strncmp(s, "<!--", 4) != 0)
        return false;
    s += 4;
    s += strspn(s, " \t");
    if (strncmp(s, "vanban:", 7) != 0)
        return false;
    s += 7;
    s += strspn(s, " \t");
    const char *end = strstr(s, "-->");
    if (!end)
        return false;
    while (end > s && (end[-1] == ' ' || end[-1] == '\t'))
        end--;
    vb_buf word; /* "lỗi: … {{x}}" with its values put back */
    vb_buf_init(&word);
    if (cx->values)
        md_values_resolve(cx->values, s, (size_t)(end - s), &word);
    else
        vb_buf_append(&word, s, (size_t)(end - s));
    size_t len = word.len;
    bool ok = len > 0 && len < cap;
    if (ok) {
        memcpy(out, word.data, len);
        out[len] = '\0';
    }
    vb_buf_free(&word);
    return ok;
}

/* Where an HTML block's comments end: past "<!-- … -->" and the spaces
 * after each, as many as there are; `s` itself if it starts with none. */
static const char *after_comments(const char *s)
{
    for (;;) {
        const char *p = s + strspn(s, " \t\r\n");
        if (strncmp(p, "<!--", 4) != 0)
            return s;
        const char *end = strstr(p + 4, "-->");
        if (!end)
            return s;
        s = end + 3;
    }
}

/* An HTML block other than comments (and the directives, which are
 * comments) has nothing a PDF can show: "<div>Nội dung</div>" vanished with
 * exit 0, and so did the text after a comment on its line. Reported at the
 * block; the block is then skipped. */
static void check_html_block(convert_ctx *cx, cmark_node *n)
{
    /* Comments are found with data still as placeholders (directive_word);
     * only the text quoted in the message is resolved. */
    const char *s = cmark_node_get_literal(n);
    if (!s)
        return;
    const char *rest = after_comments(s);
    if (!rest[strspn(rest, " \t\r\n")])
        return;
    const char *open = rest + strspn(rest, " \t\r\n");
    if (rest == s && strncmp(open, "<!--", 4) == 0 && !strstr(open, "-->")) {
        /* cmark runs an unclosed comment to the end of the document */
        vb_error(cx->diag, cx->doc->path, src_line(cx, n), src_col(cx, n),
                 "chú thích HTML \"<!--\" không được đóng bằng \"-->\": mọi thứ sau nó bị bỏ; "
                 "thêm \"-->\"");
        cx->failed = true;
        return;
    }
    const char *what = lit(cx, rest + strspn(rest, " \t\r\n"));
    size_t len = strcspn(what, "\r\n");
    vb_error(cx->diag, cx->doc->path, src_line(cx, n), src_col(cx, n),
             rest == s ? "HTML không in được trong PDF: \"%.*s\"; viết bằng Markdown, hoặc bỏ đi"
                       : "chữ sau chú thích HTML \"<!-- … -->\" bị bỏ qua: \"%.*s\"; đặt nó xuống "
                         "dòng riêng, cách một dòng trống",
             (int)(len > 40 ? 40 : len), what);
    cx->failed = true;
}

static bool skip_block(convert_ctx *cx, cmark_node *n)
{
    char word[DIRECTIVE_MAX];
    return cmark_node_get_type(n) == CMARK_NODE_HTML_BLOCK &&
           !directive_word(cx, n, word, sizeof word);
}

static void convert_block(convert_ctx *cx, cmark_node *n, md_block *b);

static void convert_children(convert_ctx *cx, cmark_node *n, md_block *b)
{
    /* lists and quotes count: the rest nests only inside them */
    cmark_node_type nt = cmark_node_get_type(n);
    int step = nt == CMARK_NODE_LIST || nt == CMARK_NODE_BLOCK_QUOTE;
    cx->depth += step;
    if (too_deep(cx, src_line(cx, n), cx->depth, MD_MAX_BLOCK_DEPTH, "danh sách, trích dẫn")) {
        cx->depth -= step;
        return;
    }
    size_t count = 0;
    for (cmark_node *c = cmark_node_first_child(n); c; c = cmark_node_next(c)) {
        if (cmark_node_get_type(c) == CMARK_NODE_HTML_BLOCK)
            check_html_block(cx, c);
        if (!skip_block(cx, c) && cmark_node_get_type(c) != CMARK_NODE_FOOTNOTE_DEFINITION)
            count++;
    }
    b->children = vb_arena_alloc(cx->doc->arena, count * sizeof *b->children);
    for (cmark_node *c = cmark_node_first_child(n); c; c = cmark_node_next(c))
        if (!skip_block(cx, c) && cmark_node_get_type(c) != CMARK_NODE_FOOTNOTE_DEFINITION)
            convert_block(cx, c, &b->children[b->n_children++]);
    cx->depth -= step;
}

static void convert_block(convert_ctx *cx, cmark_node *n, md_block *b)
{
    memset(b, 0, sizeof *b);
    b->line = src_line(cx, n);
    const char *ts = cmark_node_get_type_string(n);
    switch (cmark_node_get_type(n)) {
    case CMARK_NODE_PARAGRAPH: {
        cmark_node *img = sole_image(n);
        if (img) {
            b->kind = MD_IMAGE;
            b->text = lit(cx, cmark_node_get_url(img));
            cx->n_inl = 0;
            collect_inlines(cx, img, 0, NULL);
            b->alt = md_inline_text(cx->doc->arena, cx->inl, cx->n_inl);
        } else {
            b->kind = MD_PARAGRAPH;
            take_inlines(cx, n, b);
        }
        return;
    }
    case CMARK_NODE_HEADING:
        b->kind = MD_HEADING;
        b->level = cmark_node_get_heading_level(n);
        take_inlines(cx, n, b);
        return;
    case CMARK_NODE_DOCUMENT:
        b->kind = MD_DOCUMENT;
        break;
    case CMARK_NODE_BLOCK_QUOTE:
        b->kind = MD_QUOTE;
        break;
    case CMARK_NODE_LIST:
        b->kind = MD_LIST;
        b->ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
        b->start = cmark_node_get_list_start(n);
        b->delim = cmark_node_get_list_delim(n) == CMARK_PAREN_DELIM ? ')' : '.';
        b->tight = cmark_node_get_list_tight(n);
        break;
    case CMARK_NODE_ITEM:
        b->kind = MD_ITEM;
        break;
    case CMARK_NODE_CODE_BLOCK:
        b->kind = MD_CODE_BLOCK;
        b->text = lit(cx, cmark_node_get_literal(n));
        return;
    case CMARK_NODE_THEMATIC_BREAK:
        b->kind = MD_RULE;
        return;
    case CMARK_NODE_HTML_BLOCK: {
        char word[DIRECTIVE_MAX];
        directive_word(cx, n, word, sizeof word); /* only directives get here */
        b->kind = MD_DIRECTIVE;
        b->text = vb_arena_strdup(cx->doc->arena, word);
        /* A comment line interrupts a paragraph (CommonMark): "dòng một" /
         * directive / "dòng hai" split one paragraph in two, the second on
         * a landscape page, with no message. */
        cmark_node *prev = cmark_node_previous(n), *next = cmark_node_next(n);
        bool glued = (prev && cmark_node_get_type(prev) == CMARK_NODE_PARAGRAPH &&
                      cmark_node_get_end_line(prev) + 1 >= cmark_node_get_start_line(n)) ||
                     (next && cmark_node_get_type(next) == CMARK_NODE_PARAGRAPH &&
                      cmark_node_get_end_line(n) + 1 >= cmark_node_get_start_line(next));
        if (glued && strncmp(word, "lỗi:", strlen("lỗi:")) != 0) {
            vb_error(cx->diag, cx->doc->path, b->line, 0,
                     "chỉ thị \"<!-- vanban: %s -->\" phải cách đoạn văn một dòng trống ở trên "
                     "và ở dưới; đặt giữa đoạn văn, nó cắt đoạn làm hai",
                     word);
            cx->failed = true;
        } else if (strncmp(word, "lỗi:", strlen("lỗi:")) == 0) {
            /* The template's own refusal, put inside a section so that it
             * reaches the document only when the data or a --set makes the
             * template wrong (a plan worded for one unit rendered for
             * another): the author's message, at its line, exit 1. */
            const char *msg = word + strlen("lỗi:");
            msg += strspn(msg, " \t\n");
            vb_error(cx->diag, cx->doc->path, b->line, 0, "%s",
                     *msg ? msg : "mẫu dừng ở đây (chỉ thị vanban: lỗi)");
            cx->failed = true;
        } else if (strcmp(word, "ngang") && strcmp(word, "dọc") && strcmp(word, "trang-moi")) {
            vb_error(cx->diag, cx->doc->path, b->line, 0,
                     "chỉ thị \"vanban: %s\" không có; dùng ngang, dọc, trang-moi hoặc lỗi: …", word);
            cx->failed = true;
        }
        return;
    }
    case CMARK_NODE_FOOTNOTE_DEFINITION:
        b->kind = MD_FOOTNOTE;
        break;
    default:
        if (ts && strcmp(ts, "table") == 0) {
            b->kind = MD_TABLE;
            b->n_cols = cmark_gfm_extensions_get_table_columns(n);
            uint8_t *al = cmark_gfm_extensions_get_table_alignments(n);
            b->align = vb_arena_alloc(cx->doc->arena, (size_t)b->n_cols + 1);
            for (int i = 0; i < b->n_cols; i++)
                b->align[i] = al && al[i] ? (char)al[i] : 0;
        } else if (ts && (strcmp(ts, "table_row") == 0 || strcmp(ts, "table_header") == 0)) {
            b->kind = MD_TABLE_ROW;
            b->header = cmark_gfm_extensions_get_table_row_is_header(n);
        } else if (ts && strcmp(ts, "table_cell") == 0) {
            b->kind = MD_TABLE_CELL;
            take_inlines(cx, n, b);
            return;
        } else {
            /* Anything else (HTML blocks are skipped before here) becomes a
             * paragraph of its text rather than vanishing. */
            b->kind = MD_PARAGRAPH;
            take_inlines(cx, n, b);
            return;
        }
        break;
    }
    convert_children(cx, n, b);
}

const char *md_inline_text(vb_arena *a, const md_inline *inl, size_t n)
{
    vb_buf b;
    vb_buf_init(&b);
    for (size_t i = 0; i < n; i++) {
        if (inl[i].kind == MD_TEXT)
            vb_buf_puts(&b, inl[i].text);
        else if (inl[i].kind == MD_SOFTBREAK || inl[i].kind == MD_HARDBREAK)
            vb_buf_putc(&b, ' ');
    }
    const char *s = vb_arena_strndup(a, b.data ? b.data : "", b.len);
    vb_buf_free(&b);
    return s;
}

static md_doc *parse(const char *text, size_t len, const char *path, int first_line,
                     const int *line_of, size_t n_line_of, const md_values *values, vb_diag *d)
{
    size_t bad;
    if (!vb_utf8_valid(text, len, &bad)) {
        int line, col;
        vb_text_position(text, bad, &line, &col);
        line = line_of && (size_t)line <= n_line_of ? line_of[line - 1] : line + first_line - 1;
        vb_error(d, path, line, col,
                 "byte 0x%02X không hợp lệ trong UTF-8; hãy chuyển tệp sang UTF-8 "
                 "(vanban normalize)",
                 (unsigned char)text[bad]);
        return NULL;
    }
    /* NFC before anything else: libharu cannot place combining marks, and
     * decomposed input must print exactly like composed input. */
    /* vn_decode_view checks first, in one pass, whether the text is NFC
     * already (the usual case) and only then composes, with utf8proc. */
    vb_buf composed;
    vb_buf_init(&composed);
    const char *nfc = NULL;
    size_t nfc_len = 0;
    if (!vn_decode_view(text, len, VN_ENC_UTF8, path, d, &composed, NULL, &nfc, &nfc_len)) {
        vb_buf_free(&composed);
        return NULL;
    }

    cmark_gfm_core_extensions_ensure_registered();
    cmark_parser *parser = cmark_parser_new(CMARK_OPT_FOOTNOTES | CMARK_OPT_SOURCEPOS);
    static const char *const exts[] = {"table", "strikethrough"};
    for (size_t i = 0; i < sizeof exts / sizeof exts[0]; i++) {
        cmark_syntax_extension *e = cmark_find_syntax_extension(exts[i]);
        if (e)
            cmark_parser_attach_syntax_extension(parser, e);
    }
    cmark_parser_feed(parser, nfc, nfc_len);
    cmark_node *root = cmark_parser_finish(parser);

    md_doc *doc = vb_xcalloc(1, sizeof *doc);
    doc->arena = vb_arena_new();
    doc->path = vb_arena_strdup(doc->arena, path ? path : "-");
    convert_ctx cx = {.doc = doc, .diag = d, .line_offset = first_line - 1, .text = nfc,
                      .len = nfc_len, .line_of = line_of, .n_line_of = n_line_of,
                      .values = values};
    convert_block(&cx, root, &doc->root);
    doc->root.kind = MD_DOCUMENT;

    /* cmark-gfm moves referenced footnote definitions to the end of the
     * document in order of first reference, numbering them from 1. */
    size_t nf = 0;
    for (cmark_node *c = cmark_node_first_child(root); c; c = cmark_node_next(c))
        if (cmark_node_get_type(c) == CMARK_NODE_FOOTNOTE_DEFINITION)
            nf++;
    doc->footnotes = vb_arena_alloc(doc->arena, nf * sizeof *doc->footnotes);
    for (cmark_node *c = cmark_node_first_child(root); c; c = cmark_node_next(c))
        if (cmark_node_get_type(c) == CMARK_NODE_FOOTNOTE_DEFINITION)
            convert_block(&cx, c, &doc->footnotes[doc->n_footnotes++]);

    free(cx.inl);
    cmark_node_free(root);
    cmark_parser_free(parser);
    vb_buf_free(&composed); /* cx.text may point into it */
    if (cx.failed) {
        md_doc_free(doc);
        return NULL;
    }
    return doc;
}

md_doc *md_parse(const char *text, size_t len, const char *path, int first_line, vb_diag *d)
{
    return parse(text, len, path, first_line, NULL, 0, NULL, d);
}

md_doc *md_parse_mapped(const char *text, size_t len, const char *path, const int *line_of,
                        size_t n, const md_values *values, vb_diag *d)
{
    return parse(text, len, path, n ? line_of[0] : 1, line_of, n, values, d);
}

void md_doc_free(md_doc *doc)
{
    if (!doc)
        return;
    vb_arena_free(doc->arena);
    free(doc);
}
