/* One tone-mark style over a parsed document: applied to text nodes, not to
 * the Markdown source, so code spans and link targets keep their bytes. */
#include "md.h"
#include "vn/vn.h"

#include <stdlib.h>
#include <string.h>

static void tone_inlines(md_doc *doc, md_inline *inl, size_t n, vn_tone tone)
{
    for (size_t i = 0; i < n; i++) {
        if (inl[i].kind != MD_TEXT || !inl[i].text || (inl[i].style & MD_CODE))
            continue;
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
