/* One tone-mark style over a parsed document: applied to text nodes, not to
 * the Markdown source, so code spans and link targets keep their bytes. A
 * person's name that a template put into a text node keeps its own marks
 * (md_inline.kept; docs/tone-marks.md): it is printed as on her papers. */
#include "md.h"
#include "vn/vn.h"

#include <stdlib.h>
#include <string.h>

/* A text node with names in it: the style between them, the names as they
 * are. The names' ranges are made anew, since a moved mark may change a
 * letter's length in bytes ("xõe", "xoẽ") before them. */
static void tone_around(md_doc *doc, md_inline *inl, vn_tone tone)
{
    const char *s = inl->text;
    size_t len = strlen(s), from = 0;
    size_t *kept = vb_arena_alloc(doc->arena, inl->n_kept * sizeof *kept);
    vb_buf b;
    vb_buf_init(&b);
    bool changed = false;
    for (size_t k = 0; k <= inl->n_kept; k += 2) {
        size_t to = k < inl->n_kept ? inl->kept[k] : len;
        char *t = vn_tone_utf8(s + from, to - from, tone);
        vb_buf_append(&b, t ? t : s + from, t ? strlen(t) : to - from);
        changed |= t != NULL;
        free(t);
        if (k < inl->n_kept) {
            kept[k] = b.len;
            vb_buf_append(&b, s + inl->kept[k], inl->kept[k + 1] - inl->kept[k]);
            kept[k + 1] = b.len;
            from = inl->kept[k + 1];
        }
    }
    if (changed) {
        inl->text = vb_arena_strndup(doc->arena, b.data ? b.data : "", b.len);
        inl->kept = kept;
    }
    vb_buf_free(&b);
}

static void tone_inlines(md_doc *doc, md_inline *inl, size_t n, vn_tone tone)
{
    for (size_t i = 0; i < n; i++) {
        if (inl[i].kind != MD_TEXT || !inl[i].text || (inl[i].style & MD_CODE))
            continue;
        if (inl[i].n_kept) {
            tone_around(doc, &inl[i], tone);
            continue;
        }
        char *t = vn_tone_utf8(inl[i].text, strlen(inl[i].text), tone);
        if (t) {
            inl[i].text = vb_arena_strdup(doc->arena, t);
            free(t);
        }
    }
}

static void tone_block(md_doc *doc, md_block *b, vn_tone tone)
{
    tone_inlines(doc, b->inl, b->n_inl, tone);
    for (size_t i = 0; i < b->n_children; i++)
        tone_block(doc, &b->children[i], tone);
}

void md_apply_tone(md_doc *doc, int vn_tone_style)
{
    vn_tone tone = (vn_tone)vn_tone_style;
    if (!doc || tone == VN_TONE_KEEP)
        return;
    tone_block(doc, &doc->root, tone);
    for (size_t k = 0; k < doc->n_footnotes; k++)
        tone_block(doc, &doc->footnotes[k], tone);
}
