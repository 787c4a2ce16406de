/* Private to src/cli: the certificate flow of `render`, shared by
 * render_certificate.c (settings, selection, expansion) and
 * certificate_output.c (one PDF or one per certificate, the register). */
#ifndef VANBAN_CLI_CERTIFICATE_H
#define VANBAN_CLI_CERTIFICATE_H

#include "cert/cert.h"
#include "cli.h"
#include "tmpl/tmpl.h"

#include <libxml/xpath.h>

/* One row of the register (sổ), in output order. */
typedef struct reg_row {
    char *number, *recipient, *unit, *prize, *amount, *file;
    size_t page; /* 1-based page in `file` */
} reg_row;

typedef struct cert_job {
    const char *input; /* the template as messages name it (vb_input_name) */
    vb_diag *d;
    front_matter *fm; /* the template's, never expanded itself */
    const cert_cli *cc;
    vn_tone tone;
    char *dir;        /* the template's folder: images and partials start there */
    cert_style st;
    font_set *fonts;
    xmlDocPtr xml;    /* the contest with its results */
    xmlXPathContextPtr xp;
    tmpl_xpath *txp;   /* the template engine's, reused for every certificate */
    tmpl_names *names; /* the data's persons' names, which keep their tone marks */
    xmlNodePtr *nodes; /* the selection, in results order */
    size_t *index;     /* each node's 0-based place in `each:` ($i − 1), kept by --only */
    size_t n_nodes, n_each;
    xmlNodePtr *each_nodes; /* with --only: all of `each:`, to name --split files alike */
    const char *body;  /* the Markdown body: the achievement */
    size_t body_len;
    int body_line;
    reg_row *rows;
    size_t n_rows, cap_rows;
    char xpath_msg[256]; /* the last XPath error, in Vietnamese */
    struct cert_xpath {  /* each:/--only expressions, compiled once */
        char *expr;
        xmlXPathCompExprPtr comp;
    } *compiled;
    size_t n_compiled, cap_compiled;
} cert_job;

/* One certificate, expanded: what the frame prints and the register keeps.
 * Everything lives in `arena`. */
typedef struct cert_item {
    vb_arena *arena;
    cert_fields f;
    const char *name;   /* the recipient without honorific: file name, register */
    const char *number, *prize, *amount;
    size_t place;       /* in `each:` ($i − 1): its number in the batch */
    char where[512];    /* "giay-khen.md: giấy khen 3/24 (Đặng Thanh Nam)" */
} cert_item;

/* Expands certificate k of the selection (its front matter and body at its
 * node). False after reporting. Free with cert_item_free. */
bool cert_item_prepare(cert_job *j, size_t k, cert_item *it);
/* The same for the node at `place` in `each:`, selected or not. */
bool cert_item_prepare_at(cert_job *j, xmlNodePtr node, size_t place, cert_item *it);
/* The one at `place` in `each:` that --only leaves out, quietly: false
 * without a word when its data fails. */
bool cert_item_prepare_left_out(cert_job *j, size_t place, cert_item *it);
void cert_item_free(cert_item *it);

/* Sets the certificate as a page of `cc` and adds its register row. */
bool cert_item_set(cert_job *j, cert_ctx *cc, const cert_item *it, const char *file,
                   size_t page);

/* certificate_batch.c */
/* The certificates at places [from, to) of `each:` that --only leaves out,
 * expanded and fitted quietly for the batch's sizing (nothing without
 * --only). */
void cert_measure_left_out(cert_job *j, cert_ctx *cc, size_t from, size_t to);
/* After every selected certificate k is set once: settles the batch, has
 * `redo` set again (prepared anew) each certificate it asks for, and
 * reports. One PDF sets page k again; --split writes file k again. */
typedef bool (*cert_redo_fn)(cert_job *j, size_t k, const cert_item *it, void *arg);
bool cert_settle_pages(cert_job *j, cert_batch *b, cert_redo_fn redo, void *arg);

/* certificate_output.c */
/* How the register starts (UTF-8 with a BOM so that Excel reads Vietnamese;
 * RFC 4180): only a file that starts so is replaced by a new register. */
#define CERT_REGISTER_HEAD "\xEF\xBB\xBF" "Số vào sổ"
/* The single PDF and the register: with `hold`, each is written and synced
 * but left for the caller to commit (vb_outfile_commit) or drop, so that
 * neither is put in place unless both could be written. */
bool cert_write_single(cert_job *j, const char *out, vb_outfile *hold);
/* One PDF per certificate in `dir`, and the register at `reg`: all put in
 * place together, or none. */
bool cert_write_split(cert_job *j, const char *dir, const char *reg);
bool cert_write_register(cert_job *j, const char *path, vb_outfile *hold);
void cert_rows_free(cert_job *j);
/* "a/b.md" → "a/b" + ext; caller frees. */
char *cert_with_ext(const char *path, const char *ext);
const char *cert_base_name(const char *path);

#endif
