/* Template expansion: walks the parsed tags with an XPath context node.
 * Sections repeat over node-sets with $i/$n, show once for a true value,
 * inverted sections show for a false one, partials come from the
 * template's folder only. Interpolated data is normalized (NFC, one tone
 * style, but for persons' names: expand_names.c), formatted by its filters
 * and handed to the Markdown parser beside the text (expand_value.c), so it
 * can never become Markdown syntax. */
#include "expand_internal.h"

#include <libxml/xpathInternals.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define MAX_PARTIAL_DEPTH 8

static void render(expand_ctx *cx, tnode *parent, xmlNodePtr node, int i, int n, vb_buf *out);
static void check_unvisited(expand_ctx *cx, tnode *parent, xmlNodePtr doc_node, bool in_loop);

static void fail_once(expand_ctx *cx, tnode *t)
{
    cx->failed = true;
    t->reported = true;
}

/* What an interpolation tag must be whatever the data: an expression
 * before its filters, and filters that exist with valid arguments. Reported
 * once (t->reported); *nf filters in f, the expression expr_len bytes. */
static bool tag_well_formed(expand_ctx *cx, tnode *t, filter_spec *f, size_t *nf,
                            size_t *expr_len)
{
    if (t->reported)
        return false; /* its error was reported the first time round a section */
    *nf = filters_split(t->text, t->len, expr_len, f, MAX_FILTERS);
    if (*expr_len == 0) {
        vb_error(cx->d, cx->path, t->line, t->col, "thẻ không có biểu thức XPath trước \"|\"");
        fail_once(cx, t);
        return false;
    }
    /* "x | " and "x || upper": libxml2 takes "x |" for a union and the
     * empty filter passed unseen. */
    if (t->text[*expr_len - 1] == '|') {
        vb_error(cx->d, cx->path, t->line, t->col, "thiếu tên bộ lọc sau \"|\"");
        fail_once(cx, t);
        return false;
    }
    if (!filters_check(cx, f, *nf, t->line, t->col)) {
        t->reported = true;
        return false;
    }
    return true;
}

static void interpolate(expand_ctx *cx, tnode *t, xmlNodePtr node, int i, int n, vb_buf *out)
{
    filter_spec f[MAX_FILTERS];
    size_t nf, expr_len;
    if (!tag_well_formed(cx, t, f, &nf, &expr_len))
        return;
    xmlXPathObjectPtr v = xpath_eval(cx, t->text, expr_len, node, i, n, t->line, t->col);
    char *value = NULL;
    bool blank = false; /* found, but nothing to print: "", "   " */
    /* A person's name keeps its tone marks (expand_names.c): the whole
     * value when it comes from a name's node, else the ranges of the names
     * a computed string holds, in code points until the filters are done. */
    bool name = false;
    md_kept kept = {0};
    if (v) {
        if (!xpath_empty(v)) {
            /* a node-set's string value is its first node's in document
             * order (the cast sorts it too; sorted is sorted at once) */
            if (v->type == XPATH_NODESET && v->nodesetval->nodeNr > 1)
                xmlXPathNodeSetSort(v->nodesetval);
            char *raw = xpath_string(v);
            if (v->type == XPATH_NODESET) {
                name = names_node(cx->opt->names, v->nodesetval->nodeTab[0]);
                value = vn_normalize(raw, strlen(raw), name ? VN_TONE_KEEP : cx->opt->tone);
            } else {
                value = names_computed(cx->opt->names, raw, cx->opt->tone, &kept);
            }
            free(raw);
            blank = value[strspn(value, " \t\r\n")] == '\0';
            if (blank) {
                free(value);
                value = NULL;
                name = false; /* what default: prints is the template's */
                kept.n = 0;
            }
        }
        xmlXPathFreeObject(v);
        bool has_default = false;
        for (size_t k = 0; k < nf; k++)
            has_default |= f[k].name_len == 7 && memcmp(f[k].name, "default", 7) == 0;
        if (!value && !has_default) {
            vb_error(cx->d, cx->path, t->line, t->col,
                     "\"{{%.*s}}\" %s; sửa biểu thức, bổ sung dữ liệu, hoặc thêm | default:'…'",
                     (int)expr_len, t->text,
                     blank ? "cho giá trị rỗng (không có gì để in)"
                           : "không tìm thấy giá trị nào trong dữ liệu");
            cx->failed = true;
        } else {
            size_t before = kept.n && value ? names_cp_count(value) : 0;
            value = filters_apply(cx, value, f, nf, t->line, t->col);
            if (value && kept.n) {
                /* a change of case keeps the code points where they were;
                 * a filter that rewrites the value (a number) leaves no
                 * name to keep */
                if (names_cp_count(value) == before)
                    names_to_bytes(value, &kept);
                else
                    kept.n = 0;
            }
            size_t len = value ? strlen(value) : 0;
            if (value && name && len) {
                kept.n = 0;
                VB_PUSH(kept.at, kept.n, kept.cap, 0);
                VB_PUSH(kept.at, kept.n, kept.cap, len);
            }
            if (value) {
                size_t at = out->len;
                if (!cx->opt->values) {
                    put_one_line(out, value, len);
                    /* {{{ }}} is the template's own text here too, as in
                     * the body: it follows the style, names and all */
                    for (size_t k = 0; cx->opt->kept && t->kind == TN_VAR && k < kept.n; k++)
                        VB_PUSH(cx->opt->kept->at, cx->opt->kept->n, cx->opt->kept->cap,
                                at + kept.at[k]);
                } else if (t->kind == TN_VAR) {
                    put_markdown_value(cx->opt->values, out, value, len, kept.at, kept.n);
                } else {
                    /* {{{ }}} is Markdown, read as the template's own text */
                    put_markdown_text(cx->opt->values, out, value, len);
                }
                free(value);
            }
        }
    }
    free(kept.at);
    if (cx->failed)
        t->reported = true;
}

/* A section's expression takes no filters: "{{#//unit | upper}}" was read
 * as XPath's union of //unit and child::upper, and the filter silently did
 * nothing. Reported (once) when a trailing "| name" names a filter. */
static bool section_filtered(expand_ctx *cx, tnode *t)
{
    filter_spec f[MAX_FILTERS];
    size_t expr_len, nf = filters_split(t->text, t->len, &expr_len, f, MAX_FILTERS);
    for (size_t k = 0; k < nf; k++)
        if (filter_known(&f[k])) {
            vb_error(cx->d, cx->path, t->line, t->col,
                     "thẻ mục \"{{%c%.*s}}\" không dùng được bộ lọc \"%.*s\": bộ lọc chỉ dùng "
                     "khi in một giá trị {{…}}", t->kind == TN_INVERTED ? '^' : '#', (int)t->len,
                     t->text, (int)f[k].name_len, f[k].name);
            fail_once(cx, t);
            return true;
        }
    return false;
}

static void section(expand_ctx *cx, tnode *t, xmlNodePtr node, int i, int n, vb_buf *out)
{
    if (t->reported || section_filtered(cx, t))
        return;
    xmlXPathObjectPtr v = xpath_eval(cx, t->text, t->len, node, i, n, t->line, t->col);
    if (!v) {
        fail_once(cx, t);
        return;
    }
    if (t->kind == TN_INVERTED) {
        if (!xpath_truthy(v))
            render(cx, t, node, i, n, out);
    } else if (v->type == XPATH_NODESET) {
        t->loop = true;
        int count = v->nodesetval ? v->nodesetval->nodeNr : 0;
        for (int k = 0; k < count; k++)
            render(cx, t, v->nodesetval->nodeTab[k], k + 1, count, out);
    } else if (xpath_truthy(v)) {
        render(cx, t, node, i, n, out);
    }
    xmlXPathFreeObject(v);
}

/* {{> name }}: a file in the template's folder (".md" added when the name
 * has no extension); never an absolute path or "..", so a template cannot
 * pull in files from elsewhere on the machine. */
static void partial(expand_ctx *cx, tnode *t, xmlNodePtr node, int i, int n, vb_buf *out)
{
    if (t->reported || cx->partials_stopped)
        return;
    char *name = vb_xstrndup(t->text, t->len);
    if (!name[0] || name[0] == '/' || strstr(name, "..")) {
        vb_error(cx->d, cx->path, t->line, t->col,
                 "mẫu con \"%s\" không được dùng đường dẫn tuyệt đối hay \"..\"; đặt tệp trong thư "
                 "mục của mẫu",
                 name);
        fail_once(cx, t);
        free(name);
        return;
    }
    if (cx->partial_depth >= MAX_PARTIAL_DEPTH) {
        vb_error(cx->d, cx->path, t->line, t->col,
                 "mẫu con \"%s\" lồng quá %d mức (mẫu tự gọi lại chính nó?)", name,
                 MAX_PARTIAL_DEPTH);
        fail_once(cx, t);
        /* each inclusion parses the partial afresh, so its tags are new at
         * every level: a partial that names itself twice on two lines gave
         * 2^8 messages, ten times 10^8 (gigabytes of stderr) */
        cx->partials_stopped = true;
        free(name);
        return;
    }
    const char *slash = strrchr(name, '/');
    bool has_ext = strchr(slash ? slash : name, '.') != NULL;
    vb_buf file;
    vb_buf_init(&file);
    vb_buf_puts(&file, name);
    if (!has_ext)
        vb_buf_puts(&file, ".md");
    char *path = vb_path_join(cx->opt->dir ? cx->opt->dir : ".", file.data);
    vb_buf_free(&file);
    size_t len = 0;
    vb_diag quiet;
    vb_diag_init(&quiet, NULL);
    quiet.silent = true;
    /* "leak.md -> /etc/…" or a linked folder passed the name check */
    bool outside = access(path, F_OK) == 0 &&
                   !vb_path_within(cx->opt->dir ? cx->opt->dir : ".", path);
    char *text = outside ? NULL : vb_read_file(&quiet, path, &len);
    if (outside) {
        vb_error(cx->d, cx->path, t->line, t->col,
                 "mẫu con \"%s\" là liên kết tới tệp ngoài thư mục của mẫu; chép tệp vào thư mục "
                 "của mẫu",
                 name);
        fail_once(cx, t);
    } else if (!text) {
        vb_error(cx->d, cx->path, t->line, t->col, "không đọc được mẫu con \"%s\" (%s)", name,
                 path);
        fail_once(cx, t);
    } else if (!(text = vn_text_file_decode(text, &len, path, cx->d))) {
        fail_once(cx, t); /* reported at the partial's own line and column */
    } else if (front_matter_present(text, len)) {
        /* Its front matter would print as text ("--- frame: plain"). */
        vb_error(cx->d, path, 1, 1,
                 "mẫu con \"%s\" có phần đầu (---): mẫu con chỉ có phần nội dung; bỏ phần đầu, "
                 "đặt các trường vào mẫu chính",
                 name);
        fail_once(cx, t);
        free(text);
    } else {
        ttree tree;
        if (ttree_parse(&tree, text, len, path, 1, 1, NULL, 0, cx->d)) {
            const char *saved = cx->path;
            bool failed_before = cx->failed;
            int saved_line = cx->map_line;
            cx->path = path;
            cx->partial_depth++;
            if (!cx->map_line)
                cx->map_line = t->line; /* the message names the main file */
            render(cx, &tree.root, node, i, n, out);
            check_unvisited(cx, &tree.root, (xmlNodePtr)cx->doc, n > 0);
            cx->map_line = saved_line;
            cx->partial_depth--;
            cx->path = saved;
            ttree_free(&tree);
            /* The partial is parsed afresh at each inclusion: after its
             * first errors, a loop does not include it again to repeat them. */
            if (cx->failed && !failed_before)
                t->reported = true;
        } else {
            fail_once(cx, t);
        }
        free(text);
    }
    free(path);
    free(name);
}

void tmpl_line_map_free(tmpl_line_map *m)
{
    free(m->line);
    memset(m, 0, sizeof *m);
}

/* Maps each output line that starts in bytes [from, out->len) to the
 * template line of its first byte: a text node's bytes are on t->line and
 * the lines after it (`advance`), a value's on its tag's line. A line is
 * mapped by what starts it, not by the line end before it: the text before
 * a standalone section ends with a line end, and the next line comes from
 * inside the section, lines further down. */
static void map_written(expand_ctx *cx, const vb_buf *out, size_t from, int line, bool advance)
{
    tmpl_line_map *m = cx->opt->line_map;
    if (cx->map_line) {
        line = cx->map_line;
        advance = false;
    }
    for (size_t p = from; p < out->len; p++) {
        if (cx->line_pending) {
            VB_PUSH(m->line, m->n, m->cap, line);
            cx->line_pending = false;
        }
        if (out->data[p] == '\n') {
            cx->line_pending = true;
            if (advance)
                line++;
        }
    }
}

static void render(expand_ctx *cx, tnode *parent, xmlNodePtr node, int i, int n, vb_buf *out)
{
    for (size_t k = 0; k < parent->n_kids; k++) {
        tnode *t = &parent->kids[k];
        t->visited = true;
        size_t from = out->len;
        switch (t->kind) {
        case TN_TEXT:
            if (cx->opt->values)
                put_markdown_text(cx->opt->values, out, t->text, t->len);
            else
                vb_buf_append(out, t->text, t->len);
            break;
        case TN_VAR:
        case TN_RAW: interpolate(cx, t, node, i, n, out); break;
        case TN_SECTION:
        case TN_INVERTED: section(cx, t, node, i, n, out); break;
        case TN_PARTIAL: partial(cx, t, node, i, n, out); break;
        }
        /* sections and partials map their own kids' lines as they render */
        if (cx->opt->line_map && (t->kind == TN_TEXT || t->kind == TN_VAR || t->kind == TN_RAW))
            map_written(cx, out, from, t->line, t->kind == TN_TEXT);
    }
}

/* The tags the data never reached (inside a section that was empty or
 * false) are checked too, as the template language promises: an unknown
 * filter, a bad argument, an XPath expression that does not compile or
 * calls a function XPath 1.0 lacks is an error in the template whatever the
 * data. Their expressions are evaluated once at the document, for the
 * errors only (XPath has no side effects); what they find does not matter. */
static void check_unvisited(expand_ctx *cx, tnode *parent, xmlNodePtr doc_node, bool in_loop)
{
    for (size_t k = 0; k < parent->n_kids; k++) {
        tnode *t = &parent->kids[k];
        size_t expr_len = t->len, nf;
        if (!t->visited && !t->reported) {
            filter_spec f[MAX_FILTERS];
            bool var = t->kind == TN_VAR || t->kind == TN_RAW;
            bool expr = var || t->kind == TN_SECTION || t->kind == TN_INVERTED;
            if (var && !tag_well_formed(cx, t, f, &nf, &expr_len))
                expr = false;
            if (!var && expr && section_filtered(cx, t))
                expr = false;
            if (expr && cx->xp) {
                /* $i and $n exist inside a section over nodes only, reached
                 * or not: {{$i}} outside any is an error whatever the data */
                int one = in_loop ? 1 : 0;
                xmlXPathObjectPtr v =
                    xpath_eval(cx, t->text, expr_len, doc_node, one, one, t->line, t->col);
                if (v) {
                    t->loop = t->kind == TN_SECTION && v->type == XPATH_NODESET;
                    xmlXPathFreeObject(v);
                } else {
                    fail_once(cx, t);
                }
            }
        }
        if (!t->reported)
            check_unvisited(cx, t, doc_node, in_loop || t->loop);
    }
}

bool tmpl_expand(const char *text, size_t len, const char *path, int line, int col,
                 xmlDocPtr doc, xmlNodePtr context, const tmpl_options *opt, vb_buf *out,
                 vb_diag *d)
{
    ttree tree;
    if (!ttree_parse(&tree, text, len, path, line, col, opt->tag_pos, opt->n_tag_pos, d))
        return false;
    expand_ctx cx = {.path = path, .opt = opt, .d = d, .line_pending = true};
    if (opt->line_map)
        opt->line_map->n = 0;
    if (!xpath_init(&cx, doc)) {
        ttree_free(&tree);
        vb_error(d, path, 0, 0, "không tạo được ngữ cảnh XPath (thiếu bộ nhớ?)");
        return false;
    }
    render(&cx, &tree.root, context ? context : (xmlNodePtr)doc, opt->index, opt->count, out);
    check_unvisited(&cx, &tree.root, (xmlNodePtr)doc, opt->count > 0);
    tmpl_line_map *m = opt->line_map;
    if (m && cx.line_pending) { /* the empty line after the last line end */
        int last = m->n ? m->line[m->n - 1] : line;
        VB_PUSH(m->line, m->n, m->cap, last);
    }
    xpath_done(&cx);
    ttree_free(&tree);
    return !cx.failed;
}

/* One front-matter value, expanded as plain text into the fm's arena;
 * where persons' names went in it into *names (the fm's arena too). */
static const char *expand_value(front_matter *fm, const char *v, const char *path, int line,
                                int col, const int *tag_pos, size_t n_tag_pos, xmlDocPtr doc,
                                xmlNodePtr context, const tmpl_options *opt, vb_diag *d, bool *ok,
                                struct fm_kept *names)
{
    names->at = NULL;
    names->n = 0;
    if (!v || !strstr(v, "{{"))
        return v;
    vb_buf b;
    vb_buf_init(&b);
    md_kept kept = {0};
    tmpl_options o = *opt;
    o.tag_pos = tag_pos;
    o.n_tag_pos = n_tag_pos;
    o.kept = &kept;
    if (!tmpl_expand(v, strlen(v), path, line, col, doc, context, &o, &b, d))
        *ok = false;
    const char *r = vb_arena_strdup(fm->arena, b.data ? b.data : "");
    if (kept.n) {
        size_t *at = vb_arena_alloc(fm->arena, kept.n * sizeof *at);
        memcpy(at, kept.at, kept.n * sizeof *at);
        names->at = at;
        names->n = kept.n;
    }
    free(kept.at);
    vb_buf_free(&b);
    return r;
}

bool tmpl_expand_front_matter(front_matter *fm, const char *path, xmlDocPtr doc,
                              xmlNodePtr context, tmpl_options *opt, vb_diag *d)
{
    bool ok = true;
    tmpl_options o = *opt;
    o.values = NULL; /* fields are plain text set by the frame */
    o.line_map = NULL;
    o.vars = fm;        /* a field can use the ones before it */
    for (size_t k = 0; k < fm->n; k++) {
        fm_entry *e = &fm->entries[k];
        /* A value given by --set has no line: its errors name the option
         * ("vanban: --set trich_yeu: lỗi: …"), as the frame's do. */
        char where[96];
        const char *from = path;
        if (e->line == 0 && e->value) {
            snprintf(where, sizeof where, "--set %s", e->key);
            from = where;
        }
        e->value = expand_value(fm, e->value, from, e->line, e->line ? (e->col ? e->col : 1) : 0,
                                e->tag_pos, e->n_tag_pos, doc, context, &o, d, &ok, &e->kept);
        e->item_kept = e->n_items ? vb_arena_alloc(fm->arena, e->n_items * sizeof *e->item_kept)
                                  : NULL;
        for (size_t j = 0; j < e->n_items; j++)
            e->items[j] = expand_value(fm, e->items[j], path,
                                       e->item_lines ? e->item_lines[j] : e->line,
                                       e->item_cols ? e->item_cols[j] : 1, NULL, 0, doc, context,
                                       &o, d, &ok, &e->item_kept[j]);
    }
    return ok;
}
