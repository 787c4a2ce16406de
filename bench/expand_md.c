/* A benchmark helper, not part of vanban: a template expanded against its
 * contest data, as `vanban render` expands it before layout, written out as
 * JSON so that bench/md_to_typst.py can give Typst the very same text.
 *
 *   vanban_expand TEMPLATE.md DATA.xml [KEY=VALUE]... > expanded.json
 *   {"front_matter": {"key": "value" | ["item", ...], ...}, "body": "Markdown"}
 *
 * The steps are those of render_document in src/cli/render.c: front matter,
 * --set pairs, load + check + results of the data, the front matter's fields
 * expanded, then the body. Built only on request (bench/report.sh runs
 * `cmake --build BUILD --target vanban_expand`). */
#include "data/data.h"
#include "tmpl/tmpl.h"
#include "util/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void json_string(vb_buf *b, const char *s)
{
    vb_buf_putc(b, '"');
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\') {
            vb_buf_putc(b, '\\');
            vb_buf_putc(b, (char)*p);
        } else if (*p == '\n') {
            vb_buf_puts(b, "\\n");
        } else if (*p == '\t') {
            vb_buf_puts(b, "\\t");
        } else if (*p < 0x20) {
            vb_buf_printf(b, "\\u%04x", *p);
        } else {
            vb_buf_putc(b, (char)*p);
        }
    }
    vb_buf_putc(b, '"');
}

/* Typst's converter reads Markdown, not vanban's placeholders (md_values):
 * each value goes back into the body with a backslash before the ASCII
 * punctuation Markdown may read, so that it stays text there, as vanban's
 * expander wrote data before the placeholders. */
static void put_back_escaped(const md_values *vals, const vb_buf *body, vb_buf *out)
{
    md_values esc = {.n = vals->n};
    esc.v = vb_xcalloc(vals->n + 1, sizeof *esc.v);
    for (size_t i = 0; i < vals->n; i++) {
        vb_buf e;
        vb_buf_init(&e);
        for (const char *p = vals->v[i]; *p; p++) {
            if ((unsigned char)*p < 0x80 && strchr("!#&()*+-.<=>[\\]_`{|}~", *p))
                vb_buf_putc(&e, '\\');
            vb_buf_putc(&e, *p);
        }
        esc.v[i] = vb_xstrndup(e.data ? e.data : "", e.len);
        vb_buf_free(&e);
    }
    md_values_resolve(&esc, body->data ? body->data : "", body->len, out);
    md_values_free(&esc);
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: vanban_expand TEMPLATE.md DATA.xml [KEY=VALUE]...\n");
        return 2;
    }
    const char *path = argv[1];
    vb_diag d;
    vb_diag_init(&d, stderr);
    size_t len;
    char *text = vb_read_file(&d, path, &len);
    if (!text)
        return 3;
    front_matter fm;
    if (!front_matter_parse(&fm, text, len, path, &d))
        return 1;
    for (int i = 3; i < argc; i++) {
        const char *eq = strchr(argv[i], '=');
        if (!eq) {
            fprintf(stderr, "vanban_expand: %s: KEY=VALUE expected\n", argv[i]);
            return 2;
        }
        char *key = vb_xstrndup(argv[i], (size_t)(eq - argv[i]));
        front_matter_set(&fm, key, eq + 1);
        free(key);
    }
    vb_contest *c = vb_contest_prepare(&d, argv[2]);
    if (!c)
        return 1;
    xmlDocPtr xdoc = vb_contest_doc(c);
    char *dir = vb_dirname(path);
    md_values values = {0};
    tmpl_options topt = {.dir = dir, .tone = VN_TONE_CLASSIC, .values = &values, .vars = &fm};
    vb_buf body, md, out;
    vb_buf_init(&body);
    vb_buf_init(&md);
    vb_buf_init(&out);
    if (!tmpl_expand_front_matter(&fm, path, xdoc, NULL, &topt, &d) ||
        !tmpl_expand(text + fm.body_offset, len - fm.body_offset, path, fm.body_line, 1, xdoc,
                     NULL, &topt, &body, &d))
        return 1;
    vb_buf_puts(&out, "{\"front_matter\": {");
    for (size_t i = 0; i < fm.n; i++) {
        const fm_entry *e = &fm.entries[i];
        vb_buf_puts(&out, i ? ",\n  " : "\n  ");
        json_string(&out, e->key);
        vb_buf_puts(&out, ": ");
        if (e->value) {
            json_string(&out, e->value);
        } else if (e->n_items) {
            vb_buf_putc(&out, '[');
            for (size_t k = 0; k < e->n_items; k++) {
                if (k)
                    vb_buf_puts(&out, ", ");
                json_string(&out, e->items[k]);
            }
            vb_buf_putc(&out, ']');
        } else {
            vb_buf_puts(&out, "null");
        }
    }
    vb_buf_puts(&out, "},\n\"body\": ");
    put_back_escaped(&values, &body, &md);
    json_string(&out, md.data ? md.data : "");
    vb_buf_puts(&out, "}\n");
    fwrite(out.data, 1, out.len, stdout);
    vb_buf_free(&out);
    vb_buf_free(&body);
    vb_buf_free(&md);
    md_values_free(&values);
    free(dir);
    vb_contest_free(c);
    front_matter_free(&fm);
    free(text);
    return d.errors ? 1 : 0;
}
