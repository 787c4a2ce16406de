/* layout_document: the stage's entry point. */
#include "layout_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Does the document turn some of its pages ("<!-- vanban: dọc -->" in a
 * landscape document, "ngang" in a portrait one)? */
static bool turns_pages(const lay_ctx *cx)
{
    const md_block *b = cx->doc->root.children;
    const char *other = frame_landscape(cx->fr) ? "dọc" : "ngang";
    for (size_t i = 0; i < cx->doc->root.n_children; i++)
        if (b[i].kind == MD_DIRECTIVE && b[i].text && !strcmp(b[i].text, other))
            return true;
    return false;
}

static void layout_notes(lay_ctx *cx)
{
    const frame_spec *fr = cx->fr;
    double x = fr->margin_left, width = fr->page_w - fr->margin_left - fr->margin_right;
    /* Notes are set once, and go to the foot of pages of either
     * orientation: as wide as the narrower text (a portrait page in a
     * landscape document; they ran off its paper). */
    if (turns_pages(cx)) {
        page_geom t = frame_page_geom(fr, !frame_landscape(fr));
        width = fmin(width, t.w - t.left - t.right);
    }
    cx->n_notes = cx->doc->n_footnotes;
    cx->notes = vb_xcalloc(cx->n_notes ? cx->n_notes : 1, sizeof *cx->notes);
    for (size_t k = 0; k < cx->n_notes; k++) {
        const md_block *note = &cx->doc->footnotes[k];
        flow *nf = &cx->notes[k];
        char num[24];
        snprintf(num, sizeof num, "%zu", k + 1);
        size_t c0 = 0;
        para_style ps = {0};
        ps.size = fr->footnote_size;
        ps.line_height = fr->footnote_size * 1.15;
        ps.align = fr->justify ? ALIGN_JUSTIFY : ALIGN_LEFT;
        ps.x = x;
        ps.width = width;
        ps.marker = vb_arena_strdup(cx->out->arena, num);
        ps.marker_super = true;
        cx->keep_next = false;
        if (note->n_children > 0 && note->children[0].kind == MD_PARAGRAPH) {
            para_layout(cx, nf, note->children[0].inl, note->children[0].n_inl, &ps,
                        note->children[0].line);
            c0 = 1;
        }
        blocks_layout(cx, nf, note->children + c0, note->n_children - c0, x, width, 1,
                      fr->footnote_size, true);
    }
    cx->keep_next = false;
}

page_doc *layout_document(const md_doc *doc, const frame_spec *frame, font_set *fonts,
                          const page_doc_info *info, vb_diag *d)
{
    lay_ctx cx = {.fr = frame, .fonts = fonts, .d = d, .doc = doc,
                  .landscape = frame_landscape(frame)};
    cx.out = page_doc_new();
    cx.base_dir = vb_dirname(doc->path);
    if (info) {
        page_doc_info *o = &cx.out->info;
        vb_arena *a = cx.out->arena;
        o->title = info->title ? vb_arena_strdup(a, info->title) : NULL;
        o->author = info->author ? vb_arena_strdup(a, info->author) : NULL;
        o->subject = info->subject ? vb_arena_strdup(a, info->subject) : NULL;
        o->keywords = info->keywords ? vb_arena_strdup(a, info->keywords) : NULL;
        o->creator = info->creator ? vb_arena_strdup(a, info->creator) : NULL;
        o->lang = info->lang ? vb_arena_strdup(a, info->lang) : NULL;
    }
    /* Fail early and once if the body font is missing. */
    if (!lay_face(&cx, 0))
        goto fail;

    layout_notes(&cx);
    double x, width;
    lay_text_column(&cx, &x, &width);
    if (frame->official)
        official_header(&cx, &cx.main);
    blocks_layout(&cx, &cx.main, doc->root.children, doc->root.n_children, x, width, 0,
                  frame->body_size, false);
    if (frame->official && !cx.closing_done)
        official_closing(&cx, &cx.main);
    if (cx.failed)
        goto fail;
    paginate(&cx);
    if (cx.out->n_pages == 0) /* an empty document is still one (blank) page */
        page_doc_add_page(cx.out, frame->page_w, frame->page_h);
    font_face *regular = lay_face(&cx, 0);
    size_t number = 0;
    for (size_t i = 0; i < cx.out->n_pages; i++) {
        number = cx.out->pages[i].section_start ? 0 : number;
        frame_decorate(frame, cx.out, &cx.out->pages[i], number++, regular);
    }
    if (cx.failed)
        goto fail;

    flow_free(&cx.main);
    for (size_t k = 0; k < cx.n_notes; k++)
        flow_free(&cx.notes[k]);
    free(cx.notes);
    free(cx.base_dir);
    return cx.out;

fail:
    flow_free(&cx.main);
    for (size_t k = 0; k < cx.n_notes; k++)
        flow_free(&cx.notes[k]);
    free(cx.notes);
    free(cx.base_dir);
    page_doc_free(cx.out);
    return NULL;
}
