/* vanban render for `frame: certificate` templates: the contest data (with
 * its results), one certificate per node of the front matter's `each:` in
 * the results' order (narrowed by --only), the front matter and the body
 * expanded at that node with $i its place in `each:`, set by src/cert,
 * written as one PDF or one per certificate (--split), with the register
 * (sổ) CSV beside the output (certificate_output.c). */
#include "certificate.h"
#include "data/data.h"
#include "layout/layout.h"
#include "md/md.h"
#include "util/util.h"
#include "util/xml_errors.h"
#include "vn/vn.h"

#include <errno.h>
#include <libxml/xpathInternals.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef cert_job job;

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
        vb_error(j->d, key ? j->input : NULL, key ? key_line(j, key) : 0,
                 key ? front_matter_col(j->fm, key) : 0,
                 "không mở được %s \"%s\": %s; kiểm tra đường dẫn", what, path, vb_strerror(errno));
        return false;
    }
    fclose(fp);
    if (!image_pixel_size(path, &w, &h)) {
        vb_error(j->d, key ? j->input : NULL, key ? key_line(j, key) : 0,
                 key ? front_matter_col(j->fm, key) : 0, "%s \"%s\" không phải ảnh PNG hoặc JPEG, hoặc tệp ảnh bị hỏng",
                 what, path);
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
        vb_error(j->d, j->input, key_line(j, "kho_giay"), front_matter_col(j->fm, "kho_giay"),
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
    } else if (v && strcmp(v, "dọc") && strcmp(v, "portrait") && strcmp(v, "ngang") &&
               strcmp(v, "landscape")) {
        /* "doc" without its mark printed landscape with exit 0; an official
         * document refuses the same value */
        vb_error(j->d, j->input, key_line(j, "huong"), front_matter_col(j->fm, "huong"),
                 "huong: \"%s\" không hợp lệ; dùng \"dọc\" hoặc \"ngang\"", v);
        ok = false;
    }
    if ((v = front_matter_get(j->fm, "vien")) && !cert_border_parse(v, &st->border)) {
        vb_error(j->d, j->input, key_line(j, "vien"), front_matter_col(j->fm, "vien"),
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
            vb_error(j->d, j->input, key_line(j, colors[i].key),
                     front_matter_col(j->fm, colors[i].key),
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
                vb_error(j->d, j->input, e->value ? e->line : e->item_lines[i],
                         e->value ? e->col : e->item_cols[i],
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
                 "(hoặc --offset \"-1,5;2\", trong dấu nháy)",
                 j->cc->offset);
        j->d->exit_code = VB_EXIT_USAGE;
        ok = false;
    } else if (j->cc->offset && !strpbrk(j->cc->offset, ".;") &&
               strchr(j->cc->offset, ',') == strrchr(j->cc->offset, ',')) {
        /* "-1,5" is X = -1, Y = 5, but a clerk used to decimal commas
         * may have meant -1.5 mm: a whole batch of bought blanks would
         * print 5 mm low. Say how it was read. */
        vb_warn(j->d, NULL, 0, 0,
                "--offset %s: hiểu là sang phải %g mm, xuống %g mm; nếu là số thập phân thì "
                "viết bằng dấu chấm (--offset -1.5,0)",
                j->cc->offset, st->offset_x, st->offset_y);
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

static void on_xpath_error(void *user, xmlErrorPtr err)
{
    vb_xml_error_check(err);
    job *j = user;
    if (err && !j->xpath_msg[0])
        tmpl_xpath_describe(err, j->xpath_msg, sizeof j->xpath_msg);
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
        if (comp && !tmpl_xpath_brackets_ok(expr, j->xpath_msg, sizeof j->xpath_msg)) {
            xmlXPathFreeCompExpr(comp); /* "count(" compiled as "count()" */
            comp = NULL;
        }
        if (comp) {
            struct cert_xpath cc = {vb_xstrdup(expr), comp};
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
        vb_error(j->d, j->input, line, front_matter_col(j->fm, "each"),
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
        vb_error(j->d, j->input, line, front_matter_col(j->fm, "each"),
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
    j->each_nodes = vb_xmalloc((n ? n : 1) * sizeof *j->each_nodes);
    memcpy(j->each_nodes, j->nodes, n * sizeof *j->nodes);
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

/* "Sóc Trăng, ngày 25 tháng 12 năm 2023" from dia_danh and ngay (ISO, or as
 * written). Without a date: the blanks a clerk fills by hand. */
static const char *place_date(const char *place, const char *date, vb_arena *a)
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
    return r;
}


/* ---- one certificate ---------------------------------------------------- */

/* A copy of the template's front matter that expansion can overwrite; its
 * strings go to `a` (free only dst->entries). */
static void fm_copy(front_matter *dst, const front_matter *src, vb_arena *a)
{
    *dst = *src;
    dst->arena = a;
    dst->entries = vb_xcalloc(src->n ? src->n : 1, sizeof *dst->entries);
    dst->cap = src->n;
    memcpy(dst->entries, src->entries, src->n * sizeof *dst->entries);
    for (size_t k = 0; k < src->n; k++) {
        fm_entry *e = &dst->entries[k];
        if (!e->n_items)
            continue;
        const char **items = vb_arena_alloc(dst->arena, e->n_items * sizeof *items);
        memcpy(items, e->items, e->n_items * sizeof *items);
        e->items = items;
    }
}

/* A field of the expanded front matter, normalized, or NULL when absent or
 * empty. */
static const char *field(job *j, const front_matter *f, const char *key, vb_arena *a)
{
    const fm_entry *e = front_matter_find(f, key);
    const char *v = e ? e->value : NULL;
    if (!v)
        return NULL;
    size_t len = strlen(v), from = 0;
    while (len && (v[len - 1] == ' ' || v[len - 1] == '\n'))
        len--;
    while (len && (v[from] == ' ' || v[from] == '\n')) {
        from++;
        len--;
    }
    if (!len)
        return NULL;
    /* the recipient's name (nguoi_nhan) keeps its marks as written */
    char *n = front_matter_normalize(e, FM_SCALAR, from, len, j->tone);
    const char *r = vb_arena_strdup(a, n);
    free(n);
    return r;
}

/* `s` on one line: a forced break ("\n", cert.h) is for the page; the
 * register, messages and file names read the text as one line. */
static char *one_line(const char *s)
{
    char *r = vb_xstrdup(s ? s : "");
    for (char *p = r; *p; p++)
        if (*p == '\n')
            *p = ' ';
    return r;
}

/* The expanded body as paragraphs of styled runs: the achievement. */
static bool body_pars(job *j, const char *md, size_t len, const tmpl_line_map *lines,
                      const md_values *values, vb_arena *a, cert_par **pars, size_t *n)
{
    *pars = NULL;
    *n = 0;
    size_t blank = 0;
    while (blank < len && (md[blank] == ' ' || md[blank] == '\n' || md[blank] == '\r'))
        blank++;
    if (blank == len) /* no body: the achievement is thanh_tich: in the front matter */
        return true;
    md_doc *doc = md_parse_mapped(md, len, j->input, lines->line, lines->n, values, j->d);
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
            if (in->kind == MD_HARDBREAK) { /* a line of its own */
                if (nr) {
                    cert_par p = {runs, nr};
                    VB_PUSH(out, *n, cap, p);
                    runs += nr;
                    nr = 0;
                }
                continue;
            }
            if (in->kind == MD_FOOTREF)
                continue;
            font_style st = FONT_REGULAR;
            if (in->style & MD_BOLD)
                st |= FONT_BOLD;
            if (in->style & MD_ITALIC)
                st |= FONT_ITALIC;
            const char *t = in->kind == MD_TEXT ? in->text : " ";
            if (t)
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

bool cert_item_prepare(job *j, size_t k, cert_item *it)
{
    return cert_item_prepare_at(j, j->nodes[k], j->index[k], it);
}

bool cert_item_prepare_at(job *j, xmlNodePtr node, size_t at, cert_item *it)
{
    memset(it, 0, sizeof *it);
    it->arena = vb_arena_new();
    it->place = at;
    vb_arena *a = it->arena;
    size_t place = at + 1;
    front_matter f;
    fm_copy(&f, j->fm, a);
    tmpl_options topt = {.dir = j->dir,
                         .tone = j->tone,
                         .names = j->names,
                         .vars = &f,
                         .index = (int)place,
                         .count = (int)j->n_each,
                         .xpath = j->txp};
    vb_buf body;
    vb_buf_init(&body);
    tmpl_line_map lines = {0};
    md_values values = {0};
    bool ok = tmpl_expand_front_matter(&f, j->input, j->xml, node, &topt, j->d);
    topt.values = &values;
    topt.line_map = &lines;
    ok = ok && tmpl_expand(j->body, j->body_len, j->input, j->body_line, 1, j->xml, node,
                           &topt, &body, j->d);
    cert_par *pars = NULL;
    size_t npars = 0;
    ok = ok && body_pars(j, body.data ? body.data : "", body.len, &lines, &values, a, &pars,
                         &npars);
    vb_buf_free(&body);
    tmpl_line_map_free(&lines);
    md_values_free(&values);
    if (!ok) {
        /* which certificate: the data of one award may lack what others have */
        if (!j->d->silent)
            fprintf(j->d->out, "vanban: %s: ghi chú: ở giấy khen thứ %zu/%zu của each:\n",
                    j->input, place, j->n_each);
        goto done;
    }

    static const char *const defaults[CERT_LINE_COUNT] = {
        [CERT_QUOC_HIEU] = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        [CERT_TIEU_NGU] = "Độc lập - Tự do - Hạnh phúc",
        [CERT_TANG] = "TẶNG",
        [CERT_TEN_LOAI] = "GIẤY KHEN",
    };
    cert_fields *cf = &it->f;
    for (int l = 0; l < CERT_LINE_COUNT; l++) {
        const char *key = cert_line_key((cert_line)l);
        cf->text[l] = field(j, &f, key, a);
        /* a key written as null or "" leaves the default line out */
        if (!cf->text[l] && defaults[l] && !front_matter_find(&f, key))
            cf->text[l] = defaults[l];
    }
    cf->thanh_tich = pars; /* the body; else thanh_tich: in the front matter */
    cf->n_thanh_tich = npars;
    it->name = cf->text[CERT_NGUOI_NHAN];
    if (it->name) {
        char *flat = one_line(it->name);
        it->name = vb_arena_strdup(a, flat);
        free(flat);
    }
    const char *honorific = field(j, &f, "danh_xung", a);
    if (it->name && honorific) {
        vb_buf b;
        vb_buf_init(&b);
        vb_buf_printf(&b, "%s %s", honorific, cf->text[CERT_NGUOI_NHAN]);
        cf->text[CERT_NGUOI_NHAN] = vb_arena_strdup(a, b.data);
        vb_buf_free(&b);
    }
    it->number = cf->text[CERT_SO_VAO_SO];
    if (it->number) {
        vb_buf b;
        vb_buf_init(&b);
        vb_buf_printf(&b, "Số vào sổ: %s", it->number);
        cf->text[CERT_SO_VAO_SO] = vb_arena_strdup(a, b.data);
        vb_buf_free(&b);
    }
    const char *place_name = field(j, &f, "dia_danh", a);
    const char *date = cf->text[CERT_NGAY];
    if (place_name || date || front_matter_find(&f, "ngay"))
        cf->text[CERT_NGAY] = place_date(place_name, date, a);
    it->prize = field(j, &f, "giai", a);
    it->amount = field(j, &f, "so_tien", a);
    snprintf(it->where, sizeof it->where, "%s: giấy khen %zu/%zu (%s)", j->input, place,
             j->n_each, it->name ? it->name : "không có người nhận");
done:
    free(f.entries);
    return ok;
}

bool cert_item_prepare_left_out(job *j, size_t place, cert_item *it)
{
    /* their data is not this run's business: a fault in it is reported
     * when they are printed */
    vb_diag quiet;
    vb_diag_init(&quiet, NULL);
    quiet.silent = true;
    vb_diag *d = j->d;
    j->d = &quiet;
    bool ok = cert_item_prepare_at(j, j->each_nodes[place], place, it);
    j->d = d;
    return ok;
}

void cert_item_free(cert_item *it)
{
    vb_arena_free(it->arena);
    it->arena = NULL;
}

bool cert_item_set(job *j, cert_ctx *cc, const cert_item *it, const char *file, size_t page)
{
    if (!cert_add_page(cc, &it->f, it->place, it->where))
        return false;
    reg_row r = {
        .number = one_line(it->number),
        .recipient = one_line(it->name),
        .unit = one_line(it->f.text[CERT_DON_VI]),
        .prize = one_line(it->prize),
        .amount = one_line(it->amount),
        .file = vb_xstrdup(file),
        .page = page,
    };
    VB_PUSH(j->rows, j->n_rows, j->cap_rows, r);
    return true;
}

/* ---- the command -------------------------------------------------------- */

/* -v: the body's font file, as render says it for other documents (it said
 * nothing at all for certificates). */
static void note_font(job *j)
{
    font_face *body = font_set_face(j->fonts, FONT_ROLE_SERIF, FONT_REGULAR, j->d);
    vb_note(j->d, "phông chữ: %s", body ? font_face_path(body) : "?");
}

int render_certificate(const char *input, const char *text, size_t len, front_matter *fm,
                       int tone, vb_contest *contest, font_set *fonts, const char *output,
                       const cert_cli *cc, vb_diag *d)
{
    job j = {.input = vb_input_name(input), .d = d, .fm = fm, .cc = cc, .tone = (vn_tone)tone,
             .fonts = fonts};
    j.dir = vb_dirname(input);
    j.body = text + fm->body_offset;
    j.body_len = len - fm->body_offset;
    j.body_line = fm->body_line;
    int rc = VB_EXIT_INPUT;
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
    if (!contest) {
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
    j.xml = vb_contest_doc(contest);
    j.xp = xmlXPathNewContext(j.xml);
    j.xp->error = on_xpath_error;
    j.xp->userData = &j;
    if (!select_nodes(&j) || !apply_only(&j))
        goto done;
    j.txp = tmpl_xpath_new(j.xml);
    j.names = tmpl_names_new(j.xml, vb_contest_name_node);

    if (cc->split) {
        /* a template from standard input has no name to give the register */
        char *stem = strcmp(input, "-") ? cert_with_ext(cert_base_name(input), ".csv")
                                        : vb_xstrdup("so-giay-khen.csv");
        reg = cc->register_path ? vb_xstrdup(cc->register_path) : vb_path_join(cc->split, stem);
        free(stem);
        /* A reprint (--only) into the folder replaced the whole batch's
         * register with its own few rows. */
        if (cc->only && !cc->register_path && access(reg, F_OK) == 0) {
            vb_error(d, reg, 0, 0,
                     "--only với --split sẽ thay sổ giấy khen của cả đợt bằng sổ chỉ gồm các "
                     "giấy in lại; thêm --register TỆP.csv để ghi sổ in lại ra tệp riêng");
            rc = d->exit_code = VB_EXIT_USAGE;
            goto done;
        }
        if (cert_write_split(&j, cc->split, reg))
            rc = VB_OK;
        if (rc == VB_OK && d->verbose) {
            note_font(&j);
            vb_note(d, "đã ghi %zu giấy khen vào %s: mỗi giấy khen một tệp, một trang", j.n_nodes,
                    cc->split);
            vb_note(d, "sổ giấy khen: %s", reg);
        }
    } else {
        out = output ? vb_xstrdup(output) : cert_with_ext(input, ".pdf");
        reg = cc->register_path ? vb_xstrdup(cc->register_path) : cert_with_ext(out, ".csv");
        if (strcmp(out, reg) == 0 || vb_same_file(out, reg)) {
            vb_error(d, vb_output_name(reg), 0, 0,
                     "sổ giấy khen (--register) phải là tệp khác tệp PDF (-o)");
            rc = d->exit_code = VB_EXIT_USAGE;
            goto done;
        }
        /* Both written and synced before either is put in place: a full
         * disk leaves neither, and the earlier pair as it was. */
        /* With -o -, the PDF waits in memory for the register: a register
         * that cannot be written stopped the command after the PDF had
         * already gone down the pipe. */
        vb_outfile held[2] = {{0}, {0}};
        if (cert_write_single(&j, out, &held[0]) && cert_write_register(&j, reg, &held[1]) &&
            vb_outfile_commit_all(held, 2, d))
            rc = VB_OK;
        if (rc == VB_OK && d->verbose) {
            /* one page a certificate */
            note_font(&j);
            vb_note(d, "đã ghi %s: %zu trang, %zu giấy khen",
                    strcmp(out, "-") ? out : "(đầu ra chuẩn)", j.n_nodes, j.n_nodes);
            vb_note(d, "sổ giấy khen: %s", reg);
        }
        vb_outfile_abort(&held[0]);
        vb_outfile_abort(&held[1]);
    }
done:
    if (rc != VB_OK && d->exit_code > rc)
        rc = d->exit_code;
    free(out);
    free(reg);
    cert_rows_free(&j);
    free(j.nodes);
    free(j.each_nodes);
    free(j.index);
    for (size_t k = 0; k < j.n_compiled; k++) {
        free(j.compiled[k].expr);
        xmlXPathFreeCompExpr(j.compiled[k].comp);
    }
    free(j.compiled);
    tmpl_xpath_free(j.txp);
    tmpl_names_free(j.names);
    xmlXPathFreeContext(j.xp);
    free(j.dir);
    return rc;
}
