/* One heading for a batch of certificates. A batch is handed out together
 * and often framed side by side, so its certificates share what the eye
 * compares across them: the size of the page's fixed lines (emblem, quốc
 * hiệu, GIẤY KHEN, the date, the signer's title) and the room to sign, which
 * sets where the date and the title stand. The middle (recipient, unit,
 * achievement) is each certificate's own and may be smaller on one than on
 * another.
 *
 * Each page is first fitted on its own (cert_page.c): the middle gives way,
 * then the room to sign, then the whole page. The batch then takes the most
 * any page needed and the pages set larger are set again at it. When every
 * page needed the same, as most batches do, nothing is set twice.
 *
 * On a blank whose heading is pre-printed the whole page cannot follow the
 * batch: the printed lines must stand beside the blank's, at full size, and
 * a batch factor would move them off on every certificate, not only on the
 * one that needs it. There each page keeps its own factor (and is warned
 * about, cert_page.c); only the room to sign is shared. */
#include "cert_internal.h"

#include <stdlib.h>
#include <string.h>

#define SHOWN 3 /* certificates named in the warning; the rest are counted */

/* A certificate that needs the whole page smaller than designed. */
typedef struct forcer {
    size_t item;
    int shrink;
    cert_line why;
    size_t why_lines;
    char *where;
} forcer;

typedef struct entry {
    ct_frame own; /* its first fitting, from the design sizes */
    ct_frame set; /* its last */
    unsigned char state; /* 0: not fitted, 1: measured only, 2: printed */
} entry;

struct cert_batch {
    entry *e;
    size_t n;
    char *source;
    bool fixed_heading; /* a pre-printed blank: the whole page is not shared */
    bool emblem;
    bool landscape;
    bool settled;
    ct_frame shared;
    forcer *forcers;
    size_t n_forcers, cap_forcers;
};

cert_batch *cert_batch_new(const cert_style *st, size_t n, const char *source)
{
    cert_batch *b = vb_xcalloc(1, sizeof *b);
    b->e = vb_xcalloc(n ? n : 1, sizeof *b->e);
    b->n = n;
    b->source = vb_xstrdup(source ? source : "");
    b->fixed_heading = ct_heading_preprinted(st);
    b->emblem = st->emblem != NULL;
    b->landscape = st->page_w > st->page_h;
    b->shared = (ct_frame){0, CT_SIGN_SPACE};
    return b;
}

void cert_batch_free(cert_batch *b)
{
    if (!b)
        return;
    for (size_t i = 0; i < b->n_forcers; i++)
        free(b->forcers[i].where);
    free(b->forcers);
    free(b->source);
    free(b->e);
    free(b);
}

ct_frame ct_batch_start(const cert_batch *b)
{
    if (!b->settled)
        return (ct_frame){0, CT_SIGN_SPACE};
    /* on a pre-printed blank each page shrinks only as far as it must */
    return (ct_frame){b->fixed_heading ? 0 : b->shared.shrink, b->shared.sign};
}

bool ct_batch_settled(const cert_batch *b) { return b->settled; }

bool ct_batch_seen(const cert_batch *b, size_t item)
{
    return item < b->n && b->e[item].state != 0;
}

void ct_batch_record(cert_batch *b, size_t item, ct_frame got, bool printed, const char *where,
                     cert_line why, size_t why_lines)
{
    if (item >= b->n)
        return;
    entry *e = &b->e[item];
    if (e->state == 0) {
        e->own = got;
        if (got.shrink > 0 && !b->fixed_heading) {
            forcer f = {item, got.shrink, why, why_lines, vb_xstrdup(where)};
            VB_PUSH(b->forcers, b->n_forcers, b->cap_forcers, f);
        }
    }
    e->set = got;
    if (e->state < (printed ? 2 : 1))
        e->state = printed ? 2 : 1;
}

bool cert_batch_settle(cert_batch *b)
{
    ct_frame s = {0, CT_SIGN_SPACE};
    for (size_t i = 0; i < b->n; i++) {
        const entry *e = &b->e[i];
        if (!e->state)
            continue;
        if (!b->fixed_heading && e->set.shrink > s.shrink)
            s.shrink = e->set.shrink;
        if (e->set.sign < s.sign)
            s.sign = e->set.sign;
    }
    b->shared = s;
    b->settled = true;
    for (size_t i = 0; i < b->n; i++)
        if (cert_batch_redo(b, i))
            return true;
    return false;
}

bool cert_batch_redo(const cert_batch *b, size_t item)
{
    if (!b->settled || item >= b->n || b->e[item].state != 2)
        return false;
    const entry *e = &b->e[item];
    return e->set.sign != b->shared.sign ||
           (!b->fixed_heading && e->set.shrink != b->shared.shrink);
}

static int percent(int shrink)
{
    return (int)(100 * (1 - CT_STEP * shrink) + 0.5);
}

/* `where` without the batch's source: "giấy khen 14/24 (…)". */
static const char *short_where(const cert_batch *b, const char *where)
{
    size_t n = strlen(b->source);
    if (n && strncmp(where, b->source, n) == 0 && strncmp(where + n, ": ", 2) == 0)
        return where + n + 2;
    return where;
}

void cert_batch_report(const cert_batch *b, vb_diag *d)
{
    if (b->fixed_heading || b->shared.shrink == 0 || !b->n_forcers)
        return;
    size_t fitted = 0;
    bool others = false; /* a certificate set smaller than it needed */
    for (size_t i = 0; i < b->n; i++)
        if (b->e[i].state) {
            fitted++;
            others |= b->e[i].own.shrink < b->shared.shrink;
        }
    int pct = percent(b->shared.shrink);
    /* A little smaller is no fault when every certificate needs it (an
     * emblem on A4 takes room): nothing differs and little is lost. */
    if (!others && pct >= 85)
        return;
    vb_buf m;
    vb_buf_init(&m);
    const forcer *f0 = &b->forcers[0];
    if (fitted == 1) { /* nothing to match: the page alone */
        vb_buf_printf(&m,
                      "%s: nội dung dài (dòng %s dài %zu dòng), cả trang phải thu nhỏ còn %d%% cỡ "
                      "thiết kế dù người nhận và thành tích đã thu nhỏ còn %d%%",
                      f0->where, cert_line_key(f0->why), f0->why_lines, pct,
                      percent(CT_MID_FLOOR));
    } else {
        vb_buf_printf(&m,
                      "%s: cả loạt %zu giấy khen được in ở %d%% cỡ thiết kế để quốc hiệu, chữ "
                      "GIẤY KHEN, ngày và chức vụ người ký cùng cỡ, cùng chỗ trên mọi giấy khen, "
                      "vì có giấy khen không đủ chỗ dù người nhận và thành tích đã thu nhỏ còn "
                      "%d%%: ",
                      b->source, fitted, pct, percent(CT_MID_FLOOR));
        for (size_t i = 0; i < b->n_forcers && i < SHOWN; i++) {
            const forcer *f = &b->forcers[i];
            vb_buf_printf(&m, "%s%s, dòng %s dài %zu dòng, cần %d%%", i ? "; " : "",
                          short_where(b, f->where), cert_line_key(f->why), f->why_lines,
                          percent(f->shrink));
        }
        if (b->n_forcers > SHOWN)
            vb_buf_printf(&m, "; và %zu giấy khen khác", b->n_forcers - SHOWN);
    }
    /* Not a larger sheet: every size and distance scales with it, so A3
     * needs what A4 needs. A portrait sheet is taller for its width. */
    const char *ways[3];
    size_t n_ways = 0;
    ways[n_ways++] = "rút gọn thành tích";
    if (b->emblem)
        ways[n_ways++] = "bỏ biểu tượng (bieu_tuong)";
    if (b->landscape)
        ways[n_ways++] = "in khổ dọc (huong: dọc)";
    vb_buf_puts(&m, "; muốn in đủ cỡ thì ");
    for (size_t i = 0; i < n_ways; i++)
        vb_buf_printf(&m, "%s%s", i == 0 ? "" : i + 1 == n_ways ? " hoặc " : ", ", ways[i]);
    vb_warn(d, NULL, 0, 0, "%s", m.data);
    vb_buf_free(&m);
}
