/* YAML front matter with libyaml's event parser. */
#include "tmpl.h"

#include <stdlib.h>
#include <string.h>
#include <yaml.h>

static bool is_fence(const char *s, size_t len, size_t at, size_t *next)
{
    if (at + 3 > len || memcmp(s + at, "---", 3) != 0)
        return false;
    size_t i = at + 3;
    while (i < len && (s[i] == ' ' || s[i] == '\t'))
        i++;
    if (i < len && s[i] == '\r')
        i++;
    if (i < len && s[i] != '\n')
        return false;
    *next = i < len ? i + 1 : i;
    return true;
}

static fm_entry *add_entry(front_matter *fm, const char *key, int line)
{
    vb_grow((void **)&fm->entries, &fm->cap, fm->n + 1, sizeof *fm->entries);
    fm_entry *e = &fm->entries[fm->n++];
    memset(e, 0, sizeof *e);
    e->key = vb_arena_strdup(fm->arena, key);
    e->line = line;
    return e;
}

/* libyaml's problems, as a clerk editing a front matter meets them: what
 * is wrong in Vietnamese, and where — an unclosed quote or list is placed
 * where it opens (libyaml's context mark), not at the end of the file. */
static const struct {
    const char *problem, *context; /* substrings; context NULL: any */
    bool at_context;
    const char *what;
} yaml_problems[] = {
    {"end of stream", "quoted scalar", true,
     "dấu nháy mở ở đây chưa được đóng; thêm dấu nháy cuối giá trị"},
    {"expected ',' or ']'", NULL, true, "danh sách [ … ] mở ở đây chưa được đóng bằng \"]\""},
    {"expected ',' or '}'", NULL, true, "bảng { … } mở ở đây chưa được đóng bằng \"}\""},
    {"mapping values are not allowed", NULL, false,
     "giá trị có dấu hai chấm \": \" (đặt cả giá trị trong dấu nháy kép), hoặc dòng trên "
     "thiếu dấu hai chấm sau tên trường"},
    {"tab character", NULL, false, "thụt đầu dòng bằng dấu cách, không dùng tab"},
    {"cannot start any token", NULL, false,
     "giá trị bắt đầu bằng ký tự đặc biệt (@, `, %); đặt cả giá trị trong dấu nháy kép"},
    {"could not find expected ':'", NULL, true, "thiếu dấu hai chấm sau tên trường"},
    {"", "anchor", false,
     "giá trị bắt đầu bằng \"&\" hoặc \"*\", có nghĩa riêng trong YAML; đặt cả giá trị trong dấu "
     "nháy kép"},
    {"", "alias", false,
     "giá trị bắt đầu bằng \"&\" hoặc \"*\", có nghĩa riêng trong YAML; đặt cả giá trị trong dấu "
     "nháy kép"},
    {"block sequence entries are not allowed", NULL, false,
     "dấu - của danh sách phải ở dòng riêng, dưới tên trường"},
    {"did not find expected key", NULL, false,
     "thụt đầu dòng không đều, hoặc có chữ sau dấu nháy đóng: mỗi trường bắt đầu ở đầu dòng, "
     "mục danh sách thụt vào như nhau, cả giá trị nằm trong dấu nháy"},
    {"did not find expected <document start>", NULL, false,
     "thụt đầu dòng không đều: mỗi trường bắt đầu ở đầu dòng"},
    {"did not find expected '-' indicator", NULL, false,
     "thụt đầu dòng không đều: các mục danh sách thụt vào như nhau"},
};

/* The byte offset of character `n` of UTF-8 text s (len bytes). */
static size_t byte_of_char(const char *s, size_t len, size_t n)
{
    size_t i = 0;
    for (; i < len && n > 0; n--) {
        i++;
        while (i < len && ((unsigned char)s[i] & 0xC0) == 0x80)
            i++;
    }
    return i;
}

/* The file positions of the "{{" of a scalar written over several lines
 * (its source [src, src+n) starts at line:col), when it has as many as the
 * value: YAML copies the tags' text but not the indentation and line
 * breaks around them. */
static void tag_positions(front_matter *fm, fm_entry *e, const char *src, size_t n, int line,
                          int col)
{
    size_t count = 0;
    for (const char *p = e->value; (p = strstr(p, "{{")) != NULL; p += 2)
        count++;
    if (count == 0)
        return;
    int *pos = vb_arena_alloc(fm->arena, 2 * count * sizeof *pos);
    size_t k = 0;
    for (size_t i = 0; i < n && k <= count;) {
        if (i + 1 < n && src[i] == '{' && src[i + 1] == '{') {
            if (k < count) {
                pos[2 * k] = line;
                pos[2 * k + 1] = col;
            }
            k++;
            i += 2;
            col += 2;
            continue;
        }
        if (src[i] == '\n') {
            line++;
            col = 1;
        } else if (((unsigned char)src[i] & 0xC0) != 0x80) {
            col++;
        }
        i++;
    }
    if (k == count) {
        e->tag_pos = pos;
        e->n_tag_pos = count;
    }
}

static void yaml_fail(vb_diag *d, const char *path, const yaml_parser_t *p, int line0,
                      const char *yaml, size_t len)
{
    const char *problem = p->problem ? p->problem : "";
    size_t at = byte_of_char(yaml, len, p->problem_mark.index); /* marks count characters */
    if (strstr(problem, "cannot start any token") && at < len && yaml[at] == '\t') {
        vb_error(d, path, (int)p->problem_mark.line + line0, (int)p->problem_mark.column + 1,
                 "phần đầu YAML không hợp lệ: thụt đầu dòng bằng dấu cách, không dùng tab");
        return;
    }
    for (size_t i = 0; i < sizeof yaml_problems / sizeof *yaml_problems; i++) {
        const char *ctx = yaml_problems[i].context;
        if (!strstr(problem, yaml_problems[i].problem) ||
            (ctx && !(p->context && strstr(p->context, ctx))))
            continue;
        const yaml_mark_t *m = yaml_problems[i].at_context ? &p->context_mark : &p->problem_mark;
        vb_error(d, path, (int)m->line + line0, (int)m->column + 1,
                 "phần đầu YAML không hợp lệ: %s", yaml_problems[i].what);
        return;
    }
    vb_error(d, path, (int)p->problem_mark.line + line0, (int)p->problem_mark.column + 1,
             "phần đầu YAML không hợp lệ: sai cú pháp (libyaml: %s%s%s)",
             p->problem ? p->problem : "?", p->context ? " " : "", p->context ? p->context : "");
}

bool front_matter_present(const char *text, size_t len)
{
    size_t at = len >= 3 && (unsigned char)text[0] == 0xEF && (unsigned char)text[1] == 0xBB &&
                        (unsigned char)text[2] == 0xBF
                    ? 3
                    : 0;
    size_t next;
    return is_fence(text, len, at, &next);
}

bool front_matter_parse(front_matter *fm, const char *text, size_t len, const char *path,
                        vb_diag *d)
{
    memset(fm, 0, sizeof *fm);
    fm->arena = vb_arena_new();
    fm->body_line = 1;
    size_t start;
    size_t at = 0;
    if (len >= 3 && (unsigned char)text[0] == 0xEF && (unsigned char)text[1] == 0xBB &&
        (unsigned char)text[2] == 0xBF)
        at = 3; /* a UTF-8 BOM from Windows editors */
    fm->body_offset = at;
    if (!is_fence(text, len, at, &start))
        return true;
    /* Find the closing fence at the start of a line. */
    size_t i = start, end = 0, after = 0;
    bool found = false;
    while (i <= len) {
        if (is_fence(text, len, i, &after) || (i + 3 <= len && memcmp(text + i, "...", 3) == 0 &&
                                               (i + 3 == len || text[i + 3] == '\n'))) {
            if (!is_fence(text, len, i, &after))
                after = i + 3 < len ? i + 4 : len;
            end = i;
            found = true;
            break;
        }
        const char *nl = memchr(text + i, '\n', len - i);
        if (!nl)
            break;
        i = (size_t)(nl - text) + 1;
    }
    if (!found) {
        vb_error(d, path, 1, 1, "phần đầu YAML mở bằng \"---\" nhưng không có dòng \"---\" đóng");
        return false;
    }
    int body_line = 1;
    for (size_t k = 0; k < after; k++)
        if (text[k] == '\n')
            body_line++;
    fm->body_offset = after;
    fm->body_line = body_line;

    /* libyaml says it ran out of memory only by its error type
     * (YAML_MEMORY_ERROR, with no problem text): reported as a syntax error
     * it read "phần đầu YAML không hợp lệ: sai cú pháp (libyaml: ?)" at
     * line 2, exit 1, for a front matter that was fine. It ends the process
     * as vb_xmalloc does (vb_out_of_memory), as libxml2's does
     * (util/xml_errors.h). Initializing fails for no other reason. */
    yaml_parser_t p;
    if (!yaml_parser_initialize(&p))
        vb_out_of_memory();
    yaml_parser_set_input_string(&p, (const unsigned char *)text + start, end - start);
    yaml_parser_set_encoding(&p, YAML_UTF8_ENCODING);
    const int line0 = 2; /* the YAML starts on line 2 of the file */
    bool ok = true;
    int depth = 0;
    char *key = NULL;
    int key_line = 0; /* the line of `key`, for a list that starts below it */
    fm_entry *seq = NULL;
    for (;;) {
        yaml_event_t ev;
        if (!yaml_parser_parse(&p, &ev)) {
            if (p.error == YAML_MEMORY_ERROR)
                vb_out_of_memory();
            yaml_fail(d, path, &p, line0, text + start, end - start);
            ok = false;
            break;
        }
        yaml_event_type_t t = ev.type;
        int line = (int)ev.start_mark.line + line0;
        int col = (int)ev.start_mark.column + 1;
        if (t == YAML_MAPPING_START_EVENT) {
            if (++depth > 1) {
                vb_error(d, path, line, col,
                         "giá trị của \"%s\" phải là chuỗi hoặc danh sách, không phải cặp khóa: giá trị; "
                         "giá trị có dấu hai chấm (Lưu: VT) hoặc bắt đầu bằng {{ thì đặt cả giá "
                         "trị trong dấu nháy kép",
                         key ? key : "?");
                ok = false;
            }
        } else if (t == YAML_MAPPING_END_EVENT) {
            depth--;
        } else if (t == YAML_SEQUENCE_START_EVENT) {
            if (!key || seq) {
                vb_error(d, path, line, col, "danh sách lồng nhau không được hỗ trợ ở phần đầu");
                ok = false;
            } else {
                seq = add_entry(fm, key, key_line);
                seq->is_list = true;
                /* where "[" stands, or the key's column for "- " lines */
                seq->col = line == key_line ? col : 1;
            }
        } else if (t == YAML_SEQUENCE_END_EVENT) {
            seq = NULL;
            free(key);
            key = NULL;
        } else if (t == YAML_SCALAR_EVENT && depth == 1) {
            const char *v = (const char *)ev.data.scalar.value;
            bool is_null = ev.data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
                           (strcmp(v, "null") == 0 || strcmp(v, "~") == 0 || v[0] == '\0');
            /* A quoted scalar's text starts after its quote. */
            int text_col = col + (ev.data.scalar.style == YAML_SINGLE_QUOTED_SCALAR_STYLE ||
                                  ev.data.scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE);
            if (seq) {
                const char *item = vb_arena_strdup(fm->arena, v);
                size_t n = seq->n_items;
                const char **items = vb_arena_alloc(fm->arena, (n + 1) * sizeof *items);
                int *lines = vb_arena_alloc(fm->arena, (n + 1) * sizeof *lines);
                int *cols = vb_arena_alloc(fm->arena, (n + 1) * sizeof *cols);
                if (n) {
                    memcpy(items, seq->items, n * sizeof *items);
                    memcpy(lines, seq->item_lines, n * sizeof *lines);
                    memcpy(cols, seq->item_cols, n * sizeof *cols);
                }
                items[n] = item;
                lines[n] = line;
                cols[n] = text_col;
                seq->items = items;
                seq->item_lines = lines;
                seq->item_cols = cols;
                seq->n_items = n + 1;
            } else if (!key) {
                /* YAML says keys are unique; libyaml does not check, and
                 * the second value silently won (a clerk who adds a line
                 * "so_ky_hieu: …" under an old one gets the wrong number). */
                const fm_entry *was = front_matter_find(fm, v);
                if (was) {
                    vb_error(d, path, line, col,
                             "khóa \"%s\" đã có ở dòng %d; mỗi khóa chỉ được viết một lần", v,
                             was->line);
                    ok = false;
                }
                key = vb_xstrdup(v);
                key_line = line;
            } else {
                fm_entry *e = add_entry(fm, key, line);
                e->value = is_null ? NULL : vb_arena_strdup(fm->arena, v);
                e->col = text_col;
                if (e->value && ev.end_mark.line > ev.start_mark.line) {
                    /* libyaml's marks count characters, not bytes */
                    size_t a = byte_of_char(text + start, end - start, ev.start_mark.index);
                    size_t b = byte_of_char(text + start, end - start, ev.end_mark.index);
                    tag_positions(fm, e, text + start + a, b - a, line, col);
                }
                free(key);
                key = NULL;
            }
        } else if (t == YAML_ALIAS_EVENT) {
            vb_error(d, path, line, col, "bí danh YAML (*…) không được hỗ trợ ở phần đầu");
            ok = false;
        }
        yaml_event_delete(&ev);
        if (t == YAML_STREAM_END_EVENT || !ok)
            break;
    }
    free(key);
    yaml_parser_delete(&p);
    return ok;
}

void front_matter_free(front_matter *fm)
{
    free(fm->entries);
    vb_arena_free(fm->arena);
    memset(fm, 0, sizeof *fm);
}

/* The last entry of `key` (a later one wins), or NULL. */
static fm_entry *find_entry(const front_matter *fm, const char *key)
{
    for (size_t i = fm->n; i-- > 0;)
        if (strcmp(fm->entries[i].key, key) == 0)
            return &fm->entries[i];
    return NULL;
}

const fm_entry *front_matter_find(const front_matter *fm, const char *key)
{
    return find_entry(fm, key);
}

int front_matter_col(const front_matter *fm, const char *key)
{
    const fm_entry *e = front_matter_find(fm, key);
    return e && e->line ? e->col : 0;
}

const char *front_matter_get(const front_matter *fm, const char *key)
{
    const fm_entry *e = front_matter_find(fm, key);
    return e ? e->value : NULL;
}

void front_matter_set(front_matter *fm, const char *key, const char *value)
{
    /* The template's own value is replaced, not shadowed: it is never
     * expanded, so a tag in it that the data cannot fill is no error when
     * --set gives the field. */
    fm_entry *e = find_entry(fm, key);
    if (e) {
        const char *k = e->key;
        memset(e, 0, sizeof *e);
        e->key = k;
    } else {
        e = add_entry(fm, key, 0);
    }
    e->value = vb_arena_strdup(fm->arena, value);
}

char *front_matter_normalize(const fm_entry *e, size_t item, size_t from, size_t len,
                             vn_tone tone)
{
    const char *v = item == FM_SCALAR ? e->value : e->items[item];
    const struct fm_kept *k = item == FM_SCALAR ? &e->kept : e->item_kept ? &e->item_kept[item] : NULL;
    if (!k || !k->n)
        return vn_normalize(v + from, len, tone);
    /* the names' ranges in the part asked for: a field is read without the
     * spaces around it */
    size_t *at = vb_xmalloc(k->n * sizeof *at), n = 0;
    for (size_t i = 0; i + 1 < k->n; i += 2) {
        size_t a = k->at[i] > from ? k->at[i] - from : 0;
        size_t b = k->at[i + 1] > from ? k->at[i + 1] - from : 0;
        if (a > len)
            a = len;
        if (b > len)
            b = len;
        if (b > a) {
            at[n++] = a;
            at[n++] = b;
        }
    }
    char *r = vn_normalize_except(v + from, len, tone, at, n / 2);
    free(at);
    return r;
}
