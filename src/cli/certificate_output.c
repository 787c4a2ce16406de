/* Certificates out: one PDF with every page, or one PDF per certificate
 * named by the recipient's ASCII slug; the register (sổ) CSV; progress on a
 * terminal for long batches. */
#include "certificate.h"
#include "pdf/pdf.h"
#include "vn/vn.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

char *cert_with_ext(const char *path, const char *ext)
{
    vb_buf b;
    vb_buf_init(&b);
    const char *slash = strrchr(path, '/');
    const char *dot = strrchr(path, '.');
    const char *base = slash ? slash + 1 : path;
    size_t stem = dot && dot > base ? (size_t)(dot - path) : strlen(path);
    vb_buf_append(&b, path, stem);
    vb_buf_puts(&b, ext);
    return vb_buf_take(&b);
}

const char *cert_base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

/* ---- register ----------------------------------------------------------- */

static void csv_field(vb_buf *b, const char *s, bool last)
{
    vb_buf_csv_text(b, s);
    vb_buf_puts(b, last ? "\r\n" : ",");
}

bool cert_write_register(cert_job *j, const char *path, vb_outfile *hold)
{
    vb_buf b;
    vb_buf_init(&b);
    vb_buf_puts(&b, CERT_REGISTER_HEAD ",Người nhận,Đơn vị,Giải,Số tiền,Tệp,Trang\r\n");
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
    /* A held register is opened where it is kept (vb_outfile_defer's
     * memory stream writes to that struct's fields). */
    vb_outfile own, *o = hold ? hold : &own;
    bool ok = vb_outfile_open_kind(o, j->d, path, CERT_REGISTER_HEAD, "sổ giấy khen của vanban");
    if (ok && hold)
        ok = vb_outfile_defer(o, j->d);
    if (ok) {
        if (fwrite(b.data, 1, b.len, o->fp) != b.len) {
            vb_outfile_abort(o);
            vb_error_io(j->d, vb_output_name(path), "không ghi được sổ giấy khen");
            ok = false;
        } else if (hold) {
            ok = vb_outfile_sync(hold, j->d);
        } else {
            ok = vb_outfile_commit(o, j->d);
        }
    }
    vb_buf_free(&b);
    return ok;
}

void cert_rows_free(cert_job *j)
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
    j->rows = NULL;
    j->n_rows = j->cap_rows = 0;
}

/* ---- progress ----------------------------------------------------------- */

typedef struct progress {
    bool on;
    size_t total;
} progress;

static progress progress_start(size_t total)
{
    progress p = {.on = total > 200 && isatty(fileno(stderr)), .total = total};
    return p;
}

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

/* ---- documents ---------------------------------------------------------- */

/* cert_settle_pages's redo for one PDF: page k set again. */
static bool set_page_again(cert_job *j, size_t k, const cert_item *it, void *cc)
{
    (void)j;
    return cert_set_page(cc, k, &it->f, it->place, it->where);
}

static page_doc *new_doc(cert_job *j)
{
    page_doc *pd = page_doc_new();
    pd->info.title = front_matter_get(j->fm, "title");
    if (!pd->info.title)
        pd->info.title = front_matter_get(j->fm, "ten_loai");
    if (!pd->info.title || strstr(pd->info.title, "{{"))
        pd->info.title = "Giấy khen";
    pd->info.author = front_matter_get(j->fm, "author");
    if (pd->info.author && strstr(pd->info.author, "{{"))
        pd->info.author = NULL;
    pd->info.creator = "vanban " VANBAN_VERSION;
    pd->info.lang = "vi";
    return pd;
}

bool cert_write_single(cert_job *j, const char *out, vb_outfile *hold)
{
    progress pr = progress_start(j->n_nodes);
    page_doc *pd = new_doc(j);
    cert_batch *b = cert_batch_new(&j->st, j->n_each, j->input);
    cert_ctx *cc = cert_begin(&j->st, j->fonts, pd, b, j->d);
    bool ok = cc != NULL;
    const char *file = strcmp(out, "-") == 0 ? "-" : cert_base_name(out);
    size_t next = 0; /* the first place of each: not fitted yet */
    for (size_t k = 0; ok && k < j->n_nodes; k++) {
        cert_measure_left_out(j, cc, next, j->index[k]);
        next = j->index[k] + 1;
        cert_item it;
        ok = cert_item_prepare(j, k, &it) && cert_item_set(j, cc, &it, file, k + 1);
        cert_item_free(&it);
        progress_show(&pr, k + 1, "đã dàn trang");
    }
    if (ok)
        cert_measure_left_out(j, cc, next, j->n_each);
    ok = ok && cert_settle_pages(j, b, set_page_again, cc);
    cert_end(cc);
    cert_batch_free(b);
    if (ok && pr.on)
        fputs("\rvanban: đang ghi PDF…\033[K", stderr);
    pdf_options popt = {.timestamp = vb_build_time(), .hold = hold};
    ok = ok && pdf_write(pd, &popt, out, j->d);
    progress_end(&pr);
    page_doc_free(pd);
    return ok;
}

/* The longest slug a certificate's file is named with: with "-NNNNNN" and
 * ".pdf" after it, the name stays within the 255 bytes a file name may have
 * (a unit's name of 300 characters failed the batch with "tên tệp quá
 * dài"). */
#define SLUG_MAX 200

/* Cuts a slug to SLUG_MAX bytes: on a character boundary (a slug is ASCII
 * today, but not by contract), after a whole word when one ends in the
 * last quarter, never ending in '-'. */
static void slug_cut(vb_buf *slug)
{
    if (slug->len <= SLUG_MAX)
        return;
    size_t n = SLUG_MAX;
    while (n > 0 && ((unsigned char)slug->data[n] & 0xC0) == 0x80)
        n--;
    for (size_t w = n; w > SLUG_MAX * 3 / 4; w--)
        if (slug->data[w] == '-') {
            n = w;
            break;
        }
    while (n > 1 && slug->data[n - 1] == '-')
        n--;
    slug->len = n;
    slug->data[n] = '\0';
}

/* names[0..k) are taken: the recipient's slug, then -2, -3… (a cut slug
 * too: two long names alike up to the cut are numbered apart) */
static char *file_name(const char *who, char **names, size_t k)
{
    vb_buf s, base;
    vb_buf_init(&s);
    vb_buf_init(&base);
    vn_slug(&base, who, strlen(who));
    slug_cut(&base);
    vb_buf_puts(&s, base.data);
    for (int n = 2;; n++) {
        bool taken = false;
        for (size_t m = 0; m < k && !taken; m++)
            taken = strcmp(names[m], s.data) == 0;
        if (!taken)
            break;
        vb_buf_clear(&s);
        vb_buf_printf(&s, "%s-%d", base.data, n);
    }
    vb_buf_free(&base);
    return vb_buf_take(&s);
}

/* The certificates --only leaves out at places [from, to) of `each:`, each
 * expanded once, quietly, for two things. Their file names: those of a
 * --only selection are the whole batch's, each recipient's slug numbered
 * -2, -3… in the order of `each:` (numbered within the selection, a reprint
 * of the second Trần Thị Mỹ Hạnh took the first one's file), so `all`
 * holds every name up to `to`. And their fitting, in `mc`, for the batch's
 * sizing (cert_measure_left_out, which this is for --split). */
static void split_left_out(cert_job *j, cert_ctx *mc, char **all, size_t from, size_t to)
{
    for (size_t b = from; b < to; b++) {
        cert_item it;
        bool ok = cert_item_prepare_left_out(j, b, &it);
        all[b] = file_name(ok && it.name ? it.name : "giay-khen", all, b);
        if (ok)
            cert_measure(mc, &it.f, b, it.where);
        cert_item_free(&it);
    }
}

/* Certificate `it` as a file of its own at `path`, written and synced into
 * `held` for the caller to commit; with `again`, in place of the one written
 * before the batch was settled (its register row is kept). */
static bool split_write(cert_job *j, cert_batch *b, const cert_item *it, const char *dir,
                        const char *name, const pdf_options *base, vb_outfile *held, bool again)
{
    char *file = cert_with_ext(name, ".pdf");
    char *path = vb_path_join(dir, file);
    page_doc *pd = new_doc(j);
    cert_ctx *cc = cert_begin(&j->st, j->fonts, pd, b, j->d);
    pdf_options popt = *base;
    popt.hold = held;
    if (again)
        vb_outfile_abort(held);
    bool ok = cc &&
              (again ? cert_add_page(cc, &it->f, it->place, it->where)
                     : cert_item_set(j, cc, it, file, 1)) &&
              pdf_write(pd, &popt, path, j->d);
    cert_end(cc);
    page_doc_free(pd);
    free(path);
    free(file);
    return ok;
}

/* cert_settle_pages's redo for --split: file k written again. */
typedef struct split_again {
    cert_batch *b;
    const char *dir;
    char **names;
    const pdf_options *popt;
    vb_outfile *held;
} split_again;

static bool write_file_again(cert_job *j, size_t k, const cert_item *it, void *arg)
{
    split_again *a = arg;
    return split_write(j, a->b, it, a->dir, a->names[k], a->popt, &a->held[k], true);
}

bool cert_write_split(cert_job *j, const char *dir, const char *reg)
{
    bool made = mkdir(dir, 0777) == 0;
    if (!made && errno != EEXIST) {
        vb_error_io(j->d, dir, "không tạo được thư mục: %s", vb_strerror(errno));
        return false;
    }
    struct stat sb;
    if (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
        vb_error_io(j->d, dir, "không phải thư mục");
        return false;
    }
    /* Every certificate and the register are written and synced first, then
     * all renamed into place: a full disk midway leaves the folder as it
     * was, the certificates of an earlier run included (the old rollback
     * removed the ones this run had already replaced). */
    progress pr = progress_start(j->n_nodes);
    size_t n = j->n_nodes;
    char **names = vb_xcalloc(n ? n : 1, sizeof *names);
    vb_outfile *held = vb_xcalloc(n + 1, sizeof *held);
    bool ok = true;
    pdf_options popt = {.timestamp = vb_build_time()};
    /* with --only: the name of every place of each: so far */
    char **all_names = j->each_nodes ? vb_xcalloc(j->n_each, sizeof *all_names) : NULL;
    /* One file a certificate, but one batch: the certificates share the
     * heading's size as on the pages of one PDF. Those --only leaves out
     * are fitted in a document of their own that is never written. */
    cert_batch *b = cert_batch_new(&j->st, j->n_each, j->input);
    page_doc *scratch = j->each_nodes ? new_doc(j) : NULL;
    cert_ctx *mc = scratch ? cert_begin(&j->st, j->fonts, scratch, b, j->d) : NULL;
    ok = !scratch || mc;
    size_t next = 0; /* the first place of each: not fitted yet */
    for (size_t k = 0; ok && k < n; k++) {
        if (all_names)
            split_left_out(j, mc, all_names, next, j->index[k]);
        next = j->index[k] + 1;
        cert_item it;
        ok = cert_item_prepare(j, k, &it);
        if (ok) {
            const char *who = it.name ? it.name : "giay-khen";
            if (all_names) {
                names[k] = file_name(who, all_names, j->index[k]);
                all_names[j->index[k]] = vb_xstrdup(names[k]);
            } else {
                names[k] = file_name(who, names, k);
            }
            char *file = cert_with_ext(names[k], ".pdf");
            char *path = vb_path_join(dir, file);
            if (vb_same_file(path, reg)) {
                vb_error(j->d, reg, 0, 0,
                         "sổ giấy khen (--register) trùng tên với giấy khen của %s; hãy đặt "
                         "tên khác, ví dụ so-giay-khen.csv",
                         it.name ? it.name : file);
                j->d->exit_code = VB_EXIT_USAGE;
                ok = false;
            }
            free(path);
            free(file);
            ok = ok && split_write(j, b, &it, dir, names[k], &popt, &held[k], false);
        }
        cert_item_free(&it);
        progress_show(&pr, k + 1, "đã ghi");
    }
    if (ok && all_names)
        split_left_out(j, mc, all_names, next, j->n_each);
    split_again again = {b, dir, names, &popt, held};
    ok = ok && cert_settle_pages(j, b, write_file_again, &again);
    cert_end(mc);
    page_doc_free(scratch);
    cert_batch_free(b);
    progress_end(&pr);
    ok = ok && cert_write_register(j, reg, &held[n]);
    if (ok)
        ok = vb_outfile_commit_all(held, n + 1, j->d);
    for (size_t k = 0; k <= n; k++)
        vb_outfile_abort(&held[k]); /* after a commit: nothing to do */
    if (!ok && made)
        rmdir(dir); /* only if this run made it and left it empty */
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    for (size_t i = 0; all_names && i < j->n_each; i++)
        free(all_names[i]);
    free(all_names);
    free(held);
    free(names);
    return ok;
}
