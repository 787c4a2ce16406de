/* `vanban results --format text`: the ranking as a terminal table, columns
 * aligned by display width (not bytes: "Sở" is 2 columns, 3 bytes), then the
 * prizes, what was left unawarded, and why units were not eligible. */
#include "results.h"
#include "vn/vn.h"

#include <math.h>
#include <string.h>

typedef struct table {
    int ncols, nrows;
    char **cells;        /* nrows * ncols, owned */
    bool *right;         /* per column: numbers are right-aligned */
} table;

/* A cell is one line: the names come from the model, which collapses a
 * name written over two lines in the XML (model_text). */
static void put(table *t, int row, int col, const char *s)
{
    t->cells[(size_t)row * (size_t)t->ncols + (size_t)col] = vb_xstrdup(s ? s : "");
}

static void put_num(table *t, int row, int col, double v, int decimals)
{
    vb_buf b;
    vb_buf_init(&b);
    if (!isnan(v))
        vn_format_number(&b, v, decimals);
    put(t, row, col, b.data ? b.data : "");
    vb_buf_free(&b);
}

static void pad(vb_buf *out, size_t n)
{
    while (n--)
        vb_buf_putc(out, ' ');
}

static void print_table(const table *t, vb_buf *out)
{
    size_t *w = vb_xcalloc((size_t)t->ncols, sizeof *w);
    for (int r = 0; r < t->nrows; r++)
        for (int c = 0; c < t->ncols; c++) {
            const char *s = t->cells[(size_t)r * (size_t)t->ncols + (size_t)c];
            size_t x = vn_display_width(s, strlen(s));
            if (x > w[c])
                w[c] = x;
        }
    for (int r = 0; r < t->nrows; r++) {
        for (int c = 0; c < t->ncols; c++) {
            const char *s = t->cells[(size_t)r * (size_t)t->ncols + (size_t)c];
            size_t gap = w[c] - vn_display_width(s, strlen(s));
            if (c)
                vb_buf_puts(out, "  ");
            if (t->right[c])
                pad(out, gap);
            vb_buf_puts(out, s);
            if (!t->right[c] && c + 1 < t->ncols)
                pad(out, gap);
        }
        vb_buf_putc(out, '\n');
        if (r == 0) {
            size_t total = 0;
            for (int c = 0; c < t->ncols; c++)
                total += w[c] + (c ? 2 : 0);
            for (size_t i = 0; i < total; i++)
                vb_buf_puts(out, "─");
            vb_buf_putc(out, '\n');
        }
    }
    free(w);
}

void vb_results_text(vb_contest *c, vb_buf *out)
{
    const c_model *m = &c->m;
    vb_results *r = c->res;
    table t = {.ncols = 5 + m->nparts, .nrows = 1 + m->nunits};
    t.cells = vb_xcalloc((size_t)t.ncols * (size_t)t.nrows, sizeof *t.cells);
    t.right = vb_xcalloc((size_t)t.ncols, sizeof *t.right);
    int col = 0;
    put(&t, 0, col++, "Hạng");
    put(&t, 0, col++, "Đơn vị");
    for (int p = 0; p < m->nparts; p++) {
        const char *sh = m->parts[p].short_name;
        t.right[col] = true;
        put(&t, 0, col++, *sh ? sh : m->parts[p].id);
    }
    t.right[col] = true;
    put(&t, 0, col++, "Tổng");
    put(&t, 0, col++, "Đủ ĐK");
    put(&t, 0, col++, "Giải");
    t.right[0] = true;
    for (int k = 0; k < m->nunits; k++) {
        int i = r->order[k], row = k + 1;
        const r_unit *u = &r->u[i];
        char rank[32] = "";
        if (u->rank)
            snprintf(rank, sizeof rank, "%d%s", u->rank, u->tie ? "=" : "");
        col = 0;
        put(&t, row, col++, rank);
        put(&t, row, col++, m->units[i].short_name ? m->units[i].short_name : m->units[i].name);
        for (int p = 0; p < m->nparts; p++) {
            const r_cell *cl = cell(r, i, p);
            if (cl->entered && !part_counted(m, i, p))
                put(&t, row, col++, "–"); /* entered, not counted for its group: not in the total */
            else
                put_num(&t, row, col++, cl->entered ? cl->points : NAN, m->precision);
        }
        put_num(&t, row, col++, u->total, m->precision);
        put(&t, row, col++, !u->participated ? "vắng" : u->eligible ? "có" : u->counted_any ? "không" : "");
        const char *prize = "";
        for (int a = 0; a < r->nawards; a++)
            if (r->awards[a].unit == i && r->awards[a].sub < 0 && m->prizes[r->awards[a].prizes].collective)
                prize = m->prizes[r->awards[a].prizes].levels[r->awards[a].level_ix].name;
        put(&t, row, col++, prize);
    }
    print_table(&t, out);
    for (size_t i = 0; i < (size_t)t.ncols * (size_t)t.nrows; i++)
        free(t.cells[i]);
    free(t.cells);
    free(t.right);

    vb_buf num;
    vb_buf_init(&num);
    for (int pi = 0; pi < m->nprizes; pi++) {
        const c_prizes *p = &m->prizes[pi];
        vb_buf_printf(out, "\n%s:\n", p->name);
        for (int a = 0; a < r->nawards; a++) {
            const r_award *aw = &r->awards[a];
            if (aw->prizes != pi)
                continue;
            vb_buf_printf(out, "  %s: ", p->levels[aw->level_ix].name);
            if (aw->person >= 0)
                vb_buf_printf(out, "%s, ", m->people[aw->person].name);
            if (aw->sub >= 0 && m->subs[aw->sub].title)
                vb_buf_printf(out, "“%s”, ", m->subs[aw->sub].title);
            if (aw->person >= 0 && m->people[aw->person].workplace)
                vb_buf_puts(out, m->people[aw->person].workplace);
            else if (aw->unit >= 0)
                vb_buf_puts(out, m->units[aw->unit].name);
            if (!isnan(aw->score)) {
                vb_buf_clear(&num);
                vn_format_number(&num, aw->score, p->by == BY_VOTES ? 0 : m->precision);
                vb_buf_printf(out, p->by == BY_VOTES ? " — %s lượt bình chọn" : " — %s điểm", num.data);
            }
            vb_buf_putc(out, '\n');
        }
        for (int g = 0; g < r->ngaps; g++)
            if (r->gaps[g].prizes == pi)
                vb_buf_printf(out, "  chưa trao: %d %s (%s)\n", r->gaps[g].count,
                              p->levels[r->gaps[g].level_ix].name,
                              r->gaps[g].why == GAP_TIE       ? "hòa điểm chưa phân định"
                              : r->gaps[g].why == GAP_PENDING ? "chưa có quyết định"
                                                              : "không đủ người đạt");
    }
    vb_buf_free(&num);
    bool head = false;
    for (int k = 0; k < m->nunits; k++) {
        int i = r->order[k];
        if (!r->u[i].participated || r->u[i].eligible || r->u[i].nreasons == 0)
            continue; /* no reasons: nothing was assessed (no parts, e.g. an emulation movement) */
        if (!head) {
            vb_buf_puts(out, "\nKhông đủ điều kiện xét giải tập thể:\n");
            head = true;
        }
        vb_buf_printf(out, "  %s: ", m->units[i].name);
        for (int j = 0; j < r->u[i].nreasons; j++)
            vb_buf_printf(out, "%s%s", j ? "; " : "", r->u[i].reasons[j]);
        vb_buf_putc(out, '\n');
    }
}
