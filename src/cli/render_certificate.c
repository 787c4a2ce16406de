/* vanban render for `frame: certificate` templates: the contest data (with
 * its results), one certificate per node of the front matter's `each:` in
 * the results' order (narrowed by --only), each line of a Giấy khen expanded
 * at that node, set by src/cert, written as one PDF or one per certificate
 * (--split), with the register (sổ) CSV beside the output. */
#include "cert/cert.h"
#include "cli.h"
#include "data/data.h"
#include "font/font.h"
#include "layout/layout.h"
#include "md/md.h"
#include "pdf/pdf.h"
#include "tmpl/tmpl.h"
#include "util/util.h"
#include "vn/vn.h"

#include <errno.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utf8proc.h>

bool cert_cli_option(int code, const char *arg, cert_cli *cc)
{
    switch (code) {
    case 1001: cc->only = arg; break;
    case 1002: cc->split = arg; break;
    case 1003: cc->background = arg; break;
    case 1004: cc->no_background = true; break;
    case 1005: cc->offset = arg; break;
    case 1006: cc->scale = arg; break;
    case 1007: cc->register_path = arg; break;
    default: return false;
    }
    cc->any = true;
    return true;
}

/* One row of the register (sổ), in output order. */
typedef struct reg_row {
    char *number, *recipient, *unit, *prize, *amount, *file;
    size_t page; /* 1-based page in `file` */
} reg_row;

typedef struct job {
    const char *input;
    vb_diag *d;
    front_matter *fm;
    const cert_cli *cc;
    vn_tone tone;
    char *dir; /* the template's folder: relative image paths start there */
    cert_style st;
    vb_contest *contest;
    xmlXPathContextPtr xp;
    xmlNodePtr *nodes; /* the selection, in results order */
    size_t *index;     /* each node's 0-based place in `each:` ($i - 1), kept by --only */
    size_t n_nodes, n_each;
    const char *body;  /* the Markdown body: the achievement */
    size_t body_len;
    int body_line;
    reg_row *rows;
    size_t n_rows, cap_rows;
    char xpath_msg[256]; /* libxml2's last XPath error */
    struct compiled {     /* each expression compiled once per batch */
        char *expr;
        xmlXPathCompExprPtr comp;
    } *compiled;
    size_t n_compiled, cap_compiled;
} job;

/* ---- front matter ------------------------------------------------------- */

static int key_line(const job *j, const char *key)
{
    const fm_entry *e = front_matter_find(j->fm, key);
    return e ? e->line : 0;
}

/* A path from the template relative to its folder. */
static char *template_path(const job *j, const char *rel)
{
    return vb_path_join(j->dir, rel);
}

static bool image_ok(job *j, const char *path, const char *what, const char *key)
{
    int w, h;
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        vb_error(j->d, key ? j->input : NULL, key ? key_line(j, key) : 0, 0,
                 "không mở được %s \"%s\": %s; kiểm tra đường dẫn", what, path, strerror(errno));
        return false;
    }
    fclose(fp);
    if (!image_pixel_size(path, &w, &h)) {
        vb_error(j->d, key ? j->input : NULL, key ? key_line(j, key) : 0, 0,
                 "%s \"%s\" không phải ảnh PNG hoặc JPEG", what, path);
        return false;
    }
    return true;
}

static bool style_from_front_matter(job *j)
{
    cert_style *st = &j->st;
    cert_style_default(st);
    bool ok = true;
    const char *v;
    if ((v = front_matter_get(j->fm, "kho_giay")) &&
        !cert_paper_parse(v, &st->page_w, &st->page_h)) {
        vb_error(j->d, j->input, key_line(j, "kho_giay"), 0,
                 "kho_giay: \"%s\" không hợp lệ; dùng A4, A3, A5 hoặc RỘNGxCAO tính bằng mm "
                 "(ví dụ 400x300)",
                 v);
        ok = false;
    }
    if ((v = front_matter_get(j->fm, "huong")) && (!strcmp(v, "dọc") || !strcmp(v, "portrait")) &&
        st->page_w > st->page_h) {
        double t = st->page_w;
        st->page_w = st->page_h;
        st->page_h = t;
    }
    if ((v = front_matter_get(j->fm, "vien")) && !cert_border_parse(v, &st->border)) {
        vb_error(j->d, j->input, key_line(j, "vien"), 0,
                 "vien: \"%s\" không có; dùng hoa-van, goc, doi hoặc khong", v);
        ok = false;
    }
    static const struct {
        const char *key;
        size_t off;
    } colors[] = {
        {"mau_vien", offsetof(cert_style, border_color)},
        {"mau_ten_loai", offsetof(cert_style, title_color)},
        {"mau_nguoi_nhan", offsetof(cert_style, name_color)},
    };
    for (size_t i = 0; i < sizeof colors / sizeof colors[0]; i++)
        if ((v = front_matter_get(j->fm, colors[i].key)) &&
            !cert_color_parse(v, (vb_color *)((char *)st + colors[i].off))) {
            vb_error(j->d, j->input, key_line(j, colors[i].key), 0,
                     "%s: \"%s\" không phải màu; dùng #RRGGBB (ví dụ #C00000) hoặc do, den, "
                     "xanh, xanh-la, vang, nau",
                     colors[i].key, v);
            ok = false;
        }
    if ((v = front_matter_get(j->fm, "bieu_tuong")) && *v) {
        char *p = template_path(j, v);
        st->emblem = vb_arena_strdup(j->fm->arena, p);
        free(p);
        ok = image_ok(j, st->emblem, "ảnh biểu tượng", "bieu_tuong") && ok;
    }
    if (j->cc->background) {
        st->background = j->cc->background;
        ok = image_ok(j, st->background, "ảnh nền", NULL) && ok;
    } else if ((v = front_matter_get(j->fm, "nen")) && *v && !j->cc->no_background) {
        char *p = template_path(j, v);
        st->background = vb_arena_strdup(j->fm->arena, p);
        free(p);
        ok = image_ok(j, st->background, "ảnh nền", "nen") && ok;
    }
    if (j->cc->no_background) {
        st->text_only = true;
        st->background = NULL;
    }
    const fm_entry *e = front_matter_find(j->fm, "in_san");
    if (e) {
        size_t n = e->value ? 1 : e->n_items;
        for (size_t i = 0; i < n; i++) {
            const char *key = e->value ? e->value : e->items[i];
            int l = cert_line_of_key(key);
            if (l < 0) {
                vb_error(j->d, j->input, e->line, 0,
                         "in_san: \"%s\" không phải dòng nào của giấy khen; dùng quoc_hieu, "
                         "tieu_ngu, tham_quyen, tang, ten_loai, quyen_han, chuc_vu…",
                         key);
                ok = false;
            } else {
                st->preprinted |= 1u << l;
            }
        }
    }
    if (j->cc->offset && !cert_offset_parse(j->cc->offset, &st->offset_x, &st->offset_y)) {
        vb_error(j->d, NULL, 0, 0,
                 "--offset \"%s\" không hợp lệ; cần X,Y tính bằng mm, ví dụ --offset -1.5,2 "
                 "(hoặc -1,5;2)",
                 j->cc->offset);
        j->d->exit_code = VB_EXIT_USAGE;
        ok = false;
    }
    if (j->cc->scale) {
        char *end = NULL;
        double s = strtod(j->cc->scale, &end);
        if (!end || end == j->cc->scale || *end || !(s >= 0.8 && s <= 1.2)) {
            vb_error(j->d, NULL, 0, 0,
                     "--scale \"%s\" không hợp lệ; cần một tỉ lệ từ 0.8 đến 1.2, ví dụ 1.005",
                     j->cc->scale);
            j->d->exit_code = VB_EXIT_USAGE;
            ok = false;
        } else {
            st->scale = s;
        }
    }
    return ok;
}

/* ---- XPath -------------------------------------------------------------- */

/* libxml2 also prints some evaluation errors ("function foo not found")
 * through its generic handler; they are reported by on_xpath_error. */
static void quiet(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

/* libxml2 2.9 gives XPath errors a code and a position but no message. */
static void on_xpath_error(void *user, xmlErrorPtr err)
{
    job *j = user;
    if (!err || j->xpath_msg[0])
        return;
    const char *what;
    switch (err->code - XML_XPATH_EXPRESSION_OK) {
    case XPATH_UNFINISHED_LITERAL_ERROR:
    case XPATH_START_LITERAL_ERROR: what = "chuỗi trong ngoặc kép chưa đóng"; break;
    case XPATH_UNDEF_VARIABLE_ERROR:
    case XPATH_VARIABLE_REF_ERROR: what = "biến không có (chỉ có $i và $n)"; break;
    case XPATH_UNCLOSED_ERROR: what = "thiếu dấu đóng ngoặc"; break;
    case XPATH_UNKNOWN_FUNC_ERROR: what = "hàm không có trong XPath 1.0"; break;
    case XPATH_INVALID_ARITY: what = "hàm nhận sai số tham số"; break;
    case XPATH_INVALID_TYPE:
    case XPATH_INVALID_OPERAND: what = "sai kiểu giá trị"; break;
    case XPATH_INVALID_PREDICATE_ERROR: what = "điều kiện [ ] sai"; break;
    default: what = "sai cú pháp"; break;
    }
    if (err->str1 && err->int1 >= 0)
        snprintf(j->xpath_msg, sizeof j->xpath_msg, "%s (ở ký tự %d)", what, err->int1 + 1);
    else
        snprintf(j->xpath_msg, sizeof j->xpath_msg, "%s", what);
}

/* Evaluates at `node` (NULL: the document), with $i and $n set and the
 * node's position in the selection as position(). NULL after reporting. */
static xmlXPathObjectPtr eval(job *j, const char *expr, xmlNodePtr node, size_t i, size_t n,
                              int line, const char *what)
{
    j->xpath_msg[0] = '\0';
    j->xp->node = node ? node : (xmlNodePtr)j->xp->doc;
    j->xp->proximityPosition = (int)i;
    j->xp->contextSize = (int)n;
    xmlXPathRegisterVariable(j->xp, (const xmlChar *)"i", xmlXPathNewFloat((double)i));
    xmlXPathRegisterVariable(j->xp, (const xmlChar *)"n", xmlXPathNewFloat((double)n));
    xmlXPathCompExprPtr comp = NULL;
    for (size_t k = 0; k < j->n_compiled && !comp; k++)
        if (strcmp(j->compiled[k].expr, expr) == 0)
            comp = j->compiled[k].comp;
    if (!comp) {
        comp = xmlXPathCtxtCompile(j->xp, (const xmlChar *)expr);
        if (comp) {
            struct compiled cc = {vb_xstrdup(expr), comp};
            VB_PUSH(j->compiled, j->n_compiled, j->cap_compiled, cc);
        }
    }
    xmlXPathObjectPtr r = comp ? xmlXPathCompiledEval(comp, j->xp) : NULL;
    if (!r)
        vb_error(j->d, line ? j->input : NULL, line, 0, "%s: biểu thức XPath \"%s\" sai%s%s",
                 what, expr, j->xpath_msg[0] ? ": " : "", j->xpath_msg);
    return r;
}

static bool select_nodes(job *j)
{
    const char *each = front_matter_get(j->fm, "each");
    if (!each || !*each) {
        vb_error(j->d, j->input, 1, 0,
                 "mẫu giấy khen cần khóa each: chọn các nút được tặng, mỗi nút một trang "
                 "(ví dụ each: //award)");
        return false;
    }
    int line = key_line(j, "each");
    xmlXPathObjectPtr r = eval(j, each, NULL, 1, 1, line, "each");
    if (!r)
        return false;
    if (r->type != XPATH_NODESET) {
        vb_error(j->d, j->input, line, 0,
                 "each: \"%s\" phải chọn các nút (ví dụ //award), không phải một giá trị", each);
        xmlXPathFreeObject(r);
        return false;
    }
    size_t n = r->nodesetval ? (size_t)r->nodesetval->nodeNr : 0;
    j->nodes = vb_xcalloc(n ? n : 1, sizeof *j->nodes);
    j->index = vb_xcalloc(n ? n : 1, sizeof *j->index);
    for (size_t i = 0; i < n; i++) {
        j->nodes[i] = r->nodesetval->nodeTab[i];
        j->index[i] = i;
    }
    j->n_nodes = j->n_each = n;
    xmlXPathFreeObject(r);
    if (n == 0) {
        vb_error(j->d, j->input, line, 0,
                 "each: \"%s\" không chọn được nút nào trong dữ liệu; không có giấy khen nào "
                 "để in",
                 each);
        return false;
    }
    return true;
}

/* --only: an absolute selection that meets `each:` keeps those nodes; any
 * other expression is a condition at each node, as an XPath predicate (a
 * number is a position: --only 3, --only "position() > 500"). */
static bool apply_only(job *j)
{
    const char *only = j->cc->only;
    if (!only)
        return true;
    xmlXPathObjectPtr all = eval(j, only, NULL, 1, 1, 0, "--only");
    if (!all) {
        j->d->exit_code = VB_EXIT_USAGE;
        return false;
    }
    size_t kept = 0, n = j->n_nodes;
    if (all->type == XPATH_NODESET && all->nodesetval && all->nodesetval->nodeNr > 0) {
        bool meets = false;
        for (size_t i = 0; i < n && !meets; i++)
            meets = xmlXPathNodeSetContains(all->nodesetval, j->nodes[i]);
        if (meets) {
            for (size_t i = 0; i < n; i++)
                if (xmlXPathNodeSetContains(all->nodesetval, j->nodes[i])) {
                    j->index[kept] = j->index[i];
                    j->nodes[kept++] = j->nodes[i];
                }
            xmlXPathFreeObject(all);
            j->n_nodes = kept;
            goto end;
        }
    }
    xmlXPathFreeObject(all);
    for (size_t i = 0; i < n; i++) {
        xmlXPathObjectPtr r = eval(j, only, j->nodes[i], i + 1, n, 0, "--only");
        if (!r)
            return false;
        bool yes = r->type == XPATH_NUMBER ? r->floatval == (double)(i + 1)
                                           : xmlXPathCastToBoolean(r) != 0;
        xmlXPathFreeObject(r);
        if (yes) { /* kept <= i: compacting in place */
            j->index[kept] = j->index[i];
            j->nodes[kept++] = j->nodes[i];
        }
    }
    j->n_nodes = kept;
end:
    if (kept == 0) {
        vb_error(j->d, NULL, 0, 0,
                 "--only \"%s\" không chọn giấy khen nào trong %zu giấy khen của each:", only, n);
        return false;
    }
    return true;
}

/* ---- expansion ---------------------------------------------------------
 * A local stand-in for the template engine (branch `expand`): {{ XPATH }}
 * and {{ XPATH | default:"…" }} only, evaluated at the certificate's node.
 * In the Markdown body a value is escaped so data cannot add formatting. */

static void md_escape(vb_buf *out, const char *s)
{
    /* a backslash before any ASCII punctuation is a CommonMark escape */
    for (; *s; s++) {
        if (*s > 0x20 && *s < 0x7F && strchr("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", *s))
            vb_buf_putc(out, '\\');
        vb_buf_putc(out, *s);
    }
}

static bool expand(job *j, const char *tmpl, int line, size_t idx, bool markdown, vb_buf *out)
{
    vb_buf_clear(out);
    vb_buf_puts(out, "");
    xmlNodePtr node = j->nodes[idx];
    const char *p = tmpl;
    while (*p) {
        const char *open = strstr(p, "{{");
        if (!open) {
            vb_buf_puts(out, p);
            break;
        }
        vb_buf_append(out, p, (size_t)(open - p));
        const char *close = strstr(open + 2, "}}");
        if (!close) {
            vb_error(j->d, j->input, line, 0, "thẻ {{ không có }} đóng");
            return false;
        }
        char *expr = vb_xstrndup(open + 2, (size_t)(close - open - 2));
        char *dflt = NULL;
        char *bar = strstr(expr, "| default:");
        if (bar) {
            const char *q = bar + strlen("| default:");
            while (*q == ' ')
                q++;
            size_t ql = strlen(q);
            while (ql && q[ql - 1] == ' ')
                ql--;
            if (ql >= 2 && q[0] == '"' && q[ql - 1] == '"')
                dflt = vb_xstrndup(q + 1, ql - 2);
            else
                dflt = vb_xstrndup(q, ql);
            *bar = '\0';
        }
        xmlXPathObjectPtr r = eval(j, expr, node, j->index[idx] + 1, j->n_each, line, "thẻ {{ }}");
        if (!r) {
            free(expr);
            free(dflt);
            return false;
        }
        xmlChar *s = xmlXPathCastToString(r);
        xmlXPathFreeObject(r);
        const char *val = (const char *)s;
        if ((!val || !*val) && dflt)
            val = dflt;
        if (!val || (!*val && !dflt)) {
            vb_error(j->d, j->input, line, 0,
                     "{{%s}} không có giá trị ở giấy khen thứ %zu; sửa dữ liệu hoặc thêm "
                     "| default:\"…\"",
                     expr, j->index[idx] + 1);
            xmlFree(s);
            free(expr);
            free(dflt);
            return false;
        }
        if (markdown)
            md_escape(out, val);
        else
            vb_buf_puts(out, val);
        xmlFree(s);
        free(expr);
        free(dflt);
        p = close + 2;
    }
    return true;
}

/* ---- one certificate ---------------------------------------------------- */

static const char *norm(job *j, vb_arena *a, const char *s)
{
    char *n = vn_normalize(s, strlen(s), j->tone);
    const char *r = vb_arena_strdup(a, n);
    free(n);
    return r;
}

/* A front-matter value expanded at certificate idx, normalized; NULL when
 * the key is absent or expands to nothing. */
static bool field(job *j, const char *key, size_t idx, vb_arena *a, vb_buf *tmp, const char **out)
{
    *out = NULL;
    const char *v = front_matter_get(j->fm, key);
    if (!v || !*v)
        return true;
    if (!expand(j, v, key_line(j, key), idx, false, tmp))
        return false;
    size_t len = tmp->len;
    while (len && (tmp->data[len - 1] == ' ' || tmp->data[len - 1] == '\n'))
        len--;
    tmp->data[len] = '\0';
    if (len)
        *out = norm(j, a, tmp->data);
    return true;
}

/* "Sóc Trăng, ngày 25 tháng 12 năm 2023" from dia_danh and ngay (ISO, or as
 * written). Without a date: the blanks a clerk fills by hand. */
static const char *place_date(job *j, const char *place, const char *date, vb_arena *a, size_t idx)
{
    vb_buf b;
    vb_buf_init(&b);
    if (place) {
        vb_buf_puts(&b, place);
        vb_buf_puts(&b, ", ");
    }
    vn_date dt;
    if (date && vn_parse_iso_date(date, &dt))
        vn_format_date(&b, dt);
    else if (date)
        vb_buf_puts(&b, date);
    else
        vb_buf_puts(&b, "ngày\u00a0\u00a0\u00a0\u00a0\u00a0tháng\u00a0\u00a0\u00a0\u00a0\u00a0năm"
                        "\u00a0\u00a0\u00a0\u00a0\u00a0");
    const char *r = vb_arena_strdup(a, b.data ? b.data : "");
    vb_buf_free(&b);
    (void)j;
    (void)idx;
    return r;
}

/* The body (the achievement) as paragraphs of styled runs. */
static bool body_pars(job *j, size_t idx, vb_arena *a, vb_buf *tmp, cert_par **pars, size_t *n)
{
    *pars = NULL;
    *n = 0;
    if (!j->body_len)
        return true;
    char *src = vb_xstrndup(j->body, j->body_len);
    bool ok = expand(j, src, j->body_line, idx, true, tmp);
    free(src);
    if (!ok)
        return false;
    md_doc *doc = md_parse(tmp->data, tmp->len, j->input, j->body_line, j->d);
    if (!doc)
        return false;
    md_apply_tone(doc, j->tone);
    size_t cap = 0;
    cert_par *out = NULL;
    for (size_t b = 0; b < doc->root.n_children; b++) {
        const md_block *blk = &doc->root.children[b];
        if (!blk->n_inl)
            continue;
        cert_run *runs = vb_arena_alloc(a, blk->n_inl * sizeof *runs);
        size_t nr = 0;
        for (size_t k = 0; k < blk->n_inl; k++) {
            const md_inline *in = &blk->inl[k];
            if (in->kind == MD_HARDBREAK) {
                if (nr) {
                    cert_par p = {runs, nr};
                    VB_PUSH(out, *n, cap, p);
                    runs += nr;
                    nr = 0;
                }
                continue;
            }
            font_style st = FONT_REGULAR;
            if (in->style & MD_BOLD)
                st |= FONT_BOLD;
            if (in->style & MD_ITALIC)
                st |= FONT_ITALIC;
            const char *t = in->kind == MD_TEXT ? in->text : " ";
            if (!t)
                continue;
            runs[nr++] = (cert_run){vb_arena_strdup(a, t), st};
        }
        if (nr) {
            cert_par p = {runs, nr};
            VB_PUSH(out, *n, cap, p);
        }
    }
    md_doc_free(doc);
    if (*n) {
        *pars = vb_arena_alloc(a, *n * sizeof **pars);
        memcpy(*pars, out, *n * sizeof **pars);
    }
    free(out);
    return true;
}

/* Expands and sets certificate idx into `doc`; adds its register row. */
static bool one(job *j, cert_ctx *cc, size_t idx, const char *file, size_t page)
{
    vb_arena *a = vb_arena_new();
    vb_buf tmp;
    vb_buf_init(&tmp);
    cert_fields f;
    memset(&f, 0, sizeof f);
    bool ok = true;
    static const char *const defaults[CERT_LINE_COUNT] = {
        [CERT_QUOC_HIEU] = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        [CERT_TIEU_NGU] = "Độc lập - Tự do - Hạnh phúc",
        [CERT_TANG] = "TẶNG",
        [CERT_TEN_LOAI] = "GIẤY KHEN",
    };
    for (int l = 0; l < CERT_LINE_COUNT && ok; l++) {
        if (l == CERT_NGAY)
            continue;
        ok = field(j, cert_line_key((cert_line)l), idx, a, &tmp, &f.text[l]);
        if (ok && !f.text[l] && defaults[l] && !front_matter_find(j->fm, cert_line_key(l)))
            f.text[l] = defaults[l];
    }
    const char *honorific = NULL, *place = NULL, *date = NULL, *prize = NULL, *amount = NULL;
    ok = ok && field(j, "danh_xung", idx, a, &tmp, &honorific) &&
         field(j, "dia_danh", idx, a, &tmp, &place) && field(j, "ngay", idx, a, &tmp, &date) &&
         field(j, "giai", idx, a, &tmp, &prize) && field(j, "so_tien", idx, a, &tmp, &amount);
    cert_par *pars = NULL;
    size_t npars = 0;
    ok = ok && body_pars(j, idx, a, &tmp, &pars, &npars);
    if (!ok)
        goto done;
    f.thanh_tich = pars; /* the body; else thanh_tich: in the front matter */
    f.n_thanh_tich = npars;
    const char *name = f.text[CERT_NGUOI_NHAN];
    if (name && honorific) {
        vb_buf_clear(&tmp);
        vb_buf_printf(&tmp, "%s %s", honorific, name);
        f.text[CERT_NGUOI_NHAN] = vb_arena_strdup(a, tmp.data);
    }
    const char *number = f.text[CERT_SO_VAO_SO];
    if (number) {
        vb_buf_clear(&tmp);
        vb_buf_printf(&tmp, "Số vào sổ: %s", number);
        f.text[CERT_SO_VAO_SO] = vb_arena_strdup(a, tmp.data);
    }
    if (place || date || front_matter_find(j->fm, "ngay"))
        f.text[CERT_NGAY] = place_date(j, place, date, a, idx);

    vb_buf_clear(&tmp);
    vb_buf_printf(&tmp, "%s: giấy khen %zu/%zu (%s)", j->input, j->index[idx] + 1, j->n_each,
                  name ? name : "không tên");
    ok = cert_add_page(cc, &f, tmp.data);
    if (ok) {
        reg_row r = {
            .number = vb_xstrdup(number ? number : ""),
            .recipient = vb_xstrdup(name ? name : ""),
            .unit = vb_xstrdup(f.text[CERT_DON_VI] ? f.text[CERT_DON_VI] : ""),
            .prize = vb_xstrdup(prize ? prize : ""),
            .amount = vb_xstrdup(amount ? amount : ""),
            .file = vb_xstrdup(file),
            .page = page,
        };
        VB_PUSH(j->rows, j->n_rows, j->cap_rows, r);
    }
done:
    vb_buf_free(&tmp);
    vb_arena_free(a);
    return ok;
}

/* ---- output ------------------------------------------------------------- */

/* File-name slug: Vietnamese folded to ASCII, lower case, '-' between words.
 * A local stand-in for vn_slug (branch `vnformat`). */
static void slug(vb_buf *out, const char *s)
{
    vb_buf_clear(out);
    utf8proc_uint8_t *folded = NULL;
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, 0, &folded,
                                      UTF8PROC_NULLTERM | UTF8PROC_DECOMPOSE |
                                          UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD);
    bool dash = false;
    for (utf8proc_ssize_t i = 0; n > 0 && i < n;) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate(folded + i, n - i, &cp);
        if (k <= 0)
            break;
        i += k;
        if (cp == 0x0111 || cp == 0x0110) /* đ Đ */
            cp = 'd';
        if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) {
            if (dash && out->len)
                vb_buf_putc(out, '-');
            dash = false;
            vb_buf_putc(out, (char)cp);
        } else {
            dash = true;
        }
    }
    free(folded);
    if (!out->len)
        vb_buf_puts(out, "giay-khen");
}

/* "a/b.md" → "a/b" + ext */
static char *with_ext(const char *path, const char *ext)
{
    vb_buf b;
    vb_buf_init(&b);
    const char *slash = strrchr(path, '/');
    const char *dot = strrchr(path, '.');
    size_t stem = dot && (!slash || dot > slash) && dot != path ? (size_t)(dot - path)
                                                                 : strlen(path);
    vb_buf_append(&b, path, stem);
    vb_buf_puts(&b, ext);
    return vb_buf_take(&b);
}

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

static void csv_field(vb_buf *b, const char *s, bool last)
{
    if (strpbrk(s, ",\"\r\n")) {
        vb_buf_putc(b, '"');
        for (; *s; s++) {
            if (*s == '"')
                vb_buf_putc(b, '"');
            vb_buf_putc(b, *s);
        }
        vb_buf_putc(b, '"');
    } else {
        vb_buf_puts(b, s);
    }
    vb_buf_puts(b, last ? "\r\n" : ",");
}

/* The register: UTF-8 with a BOM (Excel), RFC 4180, one row per certificate. */
static bool write_register(job *j, const char *path)
{
    vb_buf b;
    vb_buf_init(&b);
    vb_buf_puts(&b, "\xEF\xBB\xBF");
    vb_buf_puts(&b, "Số vào sổ,Người nhận,Đơn vị,Giải,Số tiền,Tệp,Trang\r\n");
    for (size_t i = 0; i < j->n_rows; i++) {
        const reg_row *r = &j->rows[i];
        char page[32];
        snprintf(page, sizeof page, "%zu", r->page);
        csv_field(&b, r->number, false);
        csv_field(&b, r->recipient, false);
        csv_field(&b, r->unit, false);
        csv_field(&b, r->prize, false);
        csv_field(&b, r->amount, false);
        csv_field(&b, r->file, false);
        csv_field(&b, page, true);
    }
    vb_outfile o;
    bool ok = vb_outfile_open(&o, j->d, path);
    if (ok) {
        if (fwrite(b.data, 1, b.len, o.fp) != b.len) {
            vb_outfile_abort(&o);
            vb_error_io(j->d, path, "không ghi được sổ giấy khen");
            ok = false;
        } else {
            ok = vb_outfile_commit(&o, j->d);
        }
    }
    vb_buf_free(&b);
    return ok;
}

static void rows_free(job *j)
{
    for (size_t i = 0; i < j->n_rows; i++) {
        reg_row *r = &j->rows[i];
        free(r->number);
        free(r->recipient);
        free(r->unit);
        free(r->prize);
        free(r->amount);
        free(r->file);
    }
    free(j->rows);
}

/* Progress on a terminal for long batches. */
typedef struct progress {
    bool on;
    size_t total;
} progress;

static void progress_show(progress *p, size_t done, const char *what)
{
    if (!p->on || (done % 25 != 0 && done != p->total))
        return;
    fprintf(stderr, "\rvanban: %s %zu/%zu giấy khen", what, done, p->total);
    fflush(stderr);
}

static void progress_end(progress *p)
{
    if (p->on) {
        fputs("\r\033[K", stderr);
        fflush(stderr);
    }
}

static page_doc *new_doc(job *j)
{
    page_doc *pd = page_doc_new();
    pd->info.title = front_matter_get(j->fm, "title");
    if (!pd->info.title)
        pd->info.title = front_matter_get(j->fm, "ten_loai");
    if (!pd->info.title)
        pd->info.title = "Giấy khen";
    pd->info.author = front_matter_get(j->fm, "author");
    pd->info.creator = "vanban " VANBAN_VERSION;
    pd->info.lang = "vi";
    return pd;
}

/* One PDF holding every certificate. */
static bool run_single(job *j, font_set *fonts, const char *out, progress *pr)
{
    page_doc *pd = new_doc(j);
    cert_ctx *cc = cert_begin(&j->st, fonts, pd, j->d);
    bool ok = cc != NULL;
    const char *file = strcmp(out, "-") == 0 ? "-" : base_name(out);
    for (size_t i = 0; ok && i < j->n_nodes; i++) {
        ok = one(j, cc, i, file, i + 1);
        progress_show(pr, i + 1, "đã dàn trang");
    }
    cert_end(cc);
    if (ok && pr->on)
        fputs("\rvanban: đang ghi PDF…\033[K", stderr);
    pdf_options popt = {.timestamp = vb_build_time()};
    ok = ok && pdf_write(pd, &popt, out, j->d);
    progress_end(pr);
    page_doc_free(pd);
    return ok;
}

/* One PDF per certificate in dir, named by the recipient's slug. */
static bool run_split(job *j, font_set *fonts, const char *dir, progress *pr)
{
    if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
        vb_error_io(j->d, dir, "không tạo được thư mục: %s", strerror(errno));
        return false;
    }
    struct stat sb;
    if (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
        vb_error_io(j->d, dir, "không phải thư mục");
        return false;
    }
    char **written = vb_xcalloc(j->n_nodes, sizeof *written);
    char **names = vb_xcalloc(j->n_nodes, sizeof *names);
    size_t n_written = 0;
    bool ok = true;
    vb_buf tmp, s;
    vb_buf_init(&tmp);
    vb_buf_init(&s);
    pdf_options popt = {.timestamp = vb_build_time()};
    for (size_t i = 0; ok && i < j->n_nodes; i++) {
        /* the name: the recipient's slug, numbered when already taken */
        const char *who = NULL;
        vb_arena *a = vb_arena_new();
        ok = field(j, "nguoi_nhan", i, a, &tmp, &who);
        if (ok) {
            slug(&s, who ? who : "giay-khen");
            char *base = vb_xstrdup(s.data);
            for (int k = 2;; k++) {
                bool taken = false;
                for (size_t m = 0; m < i && !taken; m++)
                    taken = strcmp(names[m], s.data) == 0;
                if (!taken)
                    break;
                vb_buf_clear(&s);
                vb_buf_printf(&s, "%s-%d", base, k);
            }
            free(base);
            names[i] = vb_xstrdup(s.data);
        }
        vb_arena_free(a);
        if (!ok)
            break;
        vb_buf_clear(&tmp);
        vb_buf_printf(&tmp, "%s.pdf", names[i]);
        char *path = vb_path_join(dir, tmp.data);
        page_doc *pd = new_doc(j);
        cert_ctx *cc = cert_begin(&j->st, fonts, pd, j->d);
        ok = cc && one(j, cc, i, tmp.data, 1) && pdf_write(pd, &popt, path, j->d);
        cert_end(cc);
        page_doc_free(pd);
        if (ok)
            written[n_written++] = path;
        else
            free(path);
        progress_show(pr, i + 1, "đã ghi");
    }
    progress_end(pr);
    if (!ok) /* nothing half done: remove what this run wrote */
        for (size_t i = 0; i < n_written; i++)
            unlink(written[i]);
    for (size_t i = 0; i < n_written; i++)
        free(written[i]);
    for (size_t i = 0; i < j->n_nodes; i++)
        free(names[i]);
    free(written);
    free(names);
    vb_buf_free(&tmp);
    vb_buf_free(&s);
    return ok;
}

int render_certificate(const char *input, const char *text, size_t len, front_matter *fm,
                       const char *data, const char *output, const char *font_family,
                       const cert_cli *cc, vb_diag *d)
{
    job j = {.input = input, .d = d, .fm = fm, .cc = cc, .tone = VN_TONE_CLASSIC};
    const char *tone = front_matter_get(fm, "tone");
    if (tone)
        vn_tone_parse(tone, &j.tone); /* checked by frame_from_front_matter */
    j.dir = vb_dirname(input);
    j.body = text + fm->body_offset;
    j.body_len = len - fm->body_offset;
    j.body_line = fm->body_line;
    while (j.body_len && (j.body[0] == '\n' || j.body[0] == ' ' || j.body[0] == '\r')) {
        if (j.body[0] == '\n')
            j.body_line++;
        j.body++;
        j.body_len--;
    }
    int rc = VB_EXIT_INPUT;
    font_set *fonts = NULL;
    vb_arena *strings = vb_arena_new();
    char *out = NULL, *reg = NULL;

    if (cc->split && output) {
        vb_error(d, NULL, 0, 0, "dùng -o (một tệp PDF) hoặc --split THƯ_MỤC (mỗi giấy khen "
                                "một tệp), không dùng cả hai");
        rc = d->exit_code = VB_EXIT_USAGE;
        goto done;
    }
    if (cc->background && cc->no_background) {
        vb_error(d, NULL, 0, 0, "--background và --no-background không dùng cùng nhau");
        rc = d->exit_code = VB_EXIT_USAGE;
        goto done;
    }
    if (!data) {
        vb_error(d, input, 0, 0,
                 "mẫu giấy khen cần dữ liệu hội thi: thêm -d DỮ_LIỆU.xml (ví dụ -d "
                 "samples/soctrang-2023/contest.xml)");
        rc = d->exit_code = VB_EXIT_USAGE;
        goto done;
    }
    if (!cc->split && output && strcmp(output, "-") == 0 && !cc->register_path) {
        vb_error(d, NULL, 0, 0, "ghi PDF ra đầu ra chuẩn (-o -) thì cần --register TỆP.csv để "
                                "ghi sổ giấy khen");
        rc = d->exit_code = VB_EXIT_USAGE;
        goto done;
    }
    if (!style_from_front_matter(&j))
        goto done;
    j.contest = vb_contest_prepare(d, data);
    if (!j.contest)
        goto done;
    xmlSetGenericErrorFunc(NULL, quiet);
    j.xp = xmlXPathNewContext(vb_contest_doc(j.contest));
    j.xp->error = on_xpath_error;
    j.xp->userData = &j;
    if (!select_nodes(&j) || !apply_only(&j))
        goto done;

    font_config fcfg = {0};
    char *conf = vb_path_join(VANBAN_FONTS_DIR, "vanban-fonts.conf");
    bool conf_ok = font_config_load(&fcfg, strings, conf, d);
    free(conf);
    if (!conf_ok)
        goto done;
    if (font_family)
        fcfg.family[FONT_ROLE_SERIF] = font_family;
    fonts = font_set_new(&fcfg);

    progress pr = {.on = j.n_nodes > 200 && isatty(fileno(stderr)), .total = j.n_nodes};
    bool ok;
    if (cc->split) {
        char *stem = with_ext(base_name(input), ".csv");
        reg = cc->register_path ? vb_xstrdup(cc->register_path) : vb_path_join(cc->split, stem);
        free(stem);
        ok = run_split(&j, fonts, cc->split, &pr);
    } else {
        out = output ? vb_xstrdup(output) : with_ext(input, ".pdf");
        reg = cc->register_path ? vb_xstrdup(cc->register_path) : with_ext(out, ".csv");
        ok = run_single(&j, fonts, out, &pr);
    }
    if (ok && write_register(&j, reg))
        rc = VB_OK;
done:
    if (rc != VB_OK && d->exit_code > rc)
        rc = d->exit_code;
    free(out);
    free(reg);
    rows_free(&j);
    free(j.nodes);
    free(j.index);
    for (size_t k = 0; k < j.n_compiled; k++) {
        free(j.compiled[k].expr);
        xmlXPathFreeCompExpr(j.compiled[k].comp);
    }
    free(j.compiled);
    if (j.xp) {
        xmlXPathFreeContext(j.xp);
        xmlSetGenericErrorFunc(NULL, NULL);
    }
    vb_contest_free(j.contest);
    font_set_free(fonts);
    vb_arena_free(strings);
    free(j.dir);
    return rc;
}
