/* md: Markdown (CommonMark + GFM tables, footnotes, strikethrough) parsed with
 * cmark-gfm into vanban's own document tree. Later stages never see cmark
 * nodes, so the layout engine does not depend on the parser's API.
 *
 * All text in the tree is valid UTF-8 in NFC (checked and normalized here). */
#ifndef VANBAN_MD_H
#define VANBAN_MD_H

#include "util/util.h"

#include <stdbool.h>
#include <stddef.h>

typedef enum md_style {
    MD_BOLD = 1,
    MD_ITALIC = 2,
    MD_CODE = 4,
    MD_STRIKE = 8,
} md_style;

typedef enum md_inline_kind {
    MD_TEXT,      /* text in `style`, possibly inside a link */
    MD_SOFTBREAK, /* a line end inside a paragraph: a space */
    MD_HARDBREAK, /* a forced line break */
    MD_FOOTREF,   /* reference to footnote number `footnote` */
} md_inline_kind;

typedef struct md_inline {
    md_inline_kind kind;
    unsigned style;   /* md_style bits */
    const char *text; /* MD_TEXT */
    const char *link; /* URI if inside a link, else NULL */
    int footnote;     /* MD_FOOTREF: 1-based number, in order of first reference */
    /* MD_TEXT: the byte ranges [kept[2k], kept[2k + 1]) of text that a
     * template put there from a person's name (n_kept numbers): they keep
     * their tone marks in every tone style (md_apply_tone). */
    const size_t *kept;
    size_t n_kept;
} md_inline;

typedef enum md_block_kind {
    MD_DOCUMENT,
    MD_PARAGRAPH,
    MD_HEADING,
    MD_QUOTE,
    MD_LIST,
    MD_ITEM,
    MD_CODE_BLOCK,
    MD_RULE,
    MD_IMAGE, /* a paragraph that holds only an image */
    MD_TABLE,
    MD_TABLE_ROW,
    MD_TABLE_CELL,
    MD_FOOTNOTE, /* a footnote definition */
    MD_DIRECTIVE, /* "<!-- vanban: ngang -->": a layout instruction (text: its word) */
} md_block_kind;

typedef struct md_block md_block;
struct md_block {
    md_block_kind kind;
    int line; /* 1-based source line where the block starts */

    md_inline *inl; /* paragraph, heading, table cell */
    size_t n_inl;

    md_block *children; /* document, quote, list, item, table, row, footnote */
    size_t n_children;

    int level;        /* heading 1–6 */
    bool ordered;     /* list */
    int start;        /* ordered list: first number */
    char delim;       /* ordered list: '.' or ')' */
    bool tight;       /* list */
    bool header;      /* table row: the header row */
    char *align;      /* table: per column 'l', 'c', 'r' or 0 (default) */
    int n_cols;       /* table */
    const char *text; /* code block: its text; image: the source path */
    const char *alt;  /* image: alternative text */
};

typedef struct md_doc {
    vb_arena *arena; /* owns every node and string */
    const char *path; /* source file, for messages and relative image paths */
    md_block root;    /* MD_DOCUMENT */
    md_block *footnotes; /* MD_FOOTNOTE blocks, footnotes[k-1] is number k */
    size_t n_footnotes;
} md_doc;

/* Data a template puts into the Markdown (md_values.c). The expander writes
 * a placeholder, MD_VALUE_OPEN, the value's number in decimal, then
 * MD_VALUE_CLOSE, where a value goes; cmark parses the template's Markdown
 * around it, and the parser puts the value back as plain text into
 * whatever the placeholder landed in: text, a code span, a code block, a
 * link's address, an image's path. The data is never Markdown, and nothing
 * is escaped that could show (a backslash is literal in a code span). The
 * two are noncharacters (U+FDD0, U+FDD1), which Unicode keeps for a
 * program's internal use: no text a clerk types holds them, and cmark
 * reads them as letters, so a value stands in the Markdown as a word. */
#define MD_VALUE_OPEN "\xEF\xB7\x90"
#define MD_VALUE_CLOSE "\xEF\xB7\x91"

typedef struct md_values {
    char **v; /* v[k]: value number k, malloc'd */
    size_t n, cap;
    bool *kept; /* kept[k]: value k is a person's name, whose tone marks
                   md_apply_tone leaves as they are (docs/tone-marks.md) */
    size_t kept_cap;
    size_t *slot; /* hash of the values, so that equal values share a number */
    size_t n_slot;
} md_values;

/* Appends the placeholder of s[0, len) to out (a value seen before gets
 * its number again). */
void md_values_put(md_values *vals, vb_buf *out, const char *s, size_t len);
/* The same for a value that is `kept` (a person's name from the data): the
 * text node it lands in keeps its tone marks where it stands. */
void md_values_put_kept(md_values *vals, vb_buf *out, const char *s, size_t len, bool kept);

/* Byte ranges of a text that keep their tone marks: [at[2k], at[2k + 1]),
 * in order. */
typedef struct md_kept {
    size_t *at;
    size_t n, cap; /* n: twice the number of ranges */
} md_kept;

/* Appends s[0, len) to out with every placeholder replaced by its value;
 * whether there was one. vals may be NULL (none). */
bool md_values_resolve(const md_values *vals, const char *s, size_t len, vb_buf *out);
/* The same, adding to `kept` (when not NULL) where in out the kept values
 * went. */
bool md_values_resolve_kept(const md_values *vals, const char *s, size_t len, vb_buf *out,
                            md_kept *kept);
void md_values_free(md_values *vals);

/* Parses Markdown text (any UTF-8; validated here: invalid bytes are an error
 * at their line:col). `path` names the source in messages. `first_line` is the
 * source line of text[0] (after a front-matter block). Returns NULL on error. */
md_doc *md_parse(const char *text, size_t len, const char *path, int first_line, vb_diag *d);
/* The same for text made by expanding a template: line_of[k] is the source
 * line of the text's line k + 1 (n entries), so that messages name the
 * template's lines, not the expanded text's; `values` (may be NULL) are the
 * data the expansion put in as placeholders. */
md_doc *md_parse_mapped(const char *text, size_t len, const char *path, const int *line_of,
                        size_t n, const md_values *values, vb_diag *d);
void md_doc_free(md_doc *doc);

/* Puts every text node in one tone-mark style (vn_tone, from the
 * front matter's `tone:`; DESIGN.md: classic by default), but for the
 * persons' names a template put there (md_inline.kept), which keep theirs. */
void md_apply_tone(md_doc *doc, int vn_tone_style);

/* Plain text of inlines (for outline titles and alt text); arena-allocated. */
const char *md_inline_text(vb_arena *a, const md_inline *inl, size_t n);

#endif
