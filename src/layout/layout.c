/* layout_document: the stage's entry point. */
#include "layout_internal.h"

#include <stdio.h>
#include <stdlib.h>

void layout_note(lay_ctx *cx, int k, bool landscape, const box_anchor *from, flow *out)
{
    const frame_spec *fr = cx->fr;
    const md_block *note = &cx->doc->footnotes[k - 1];
    /* A note is set for the text column of the page it goes to, like the
     * text there: a turned page's notes span its own, wider (or narrower)
     * column. */
    page_geom g = frame_page_geom(fr, landscape);
    double x = g.left, width = g.w - g.left - g.right;
    char num[24];
    snprintf(num, sizeof num, "%d", k);
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
    cx->anchored = out;
    cx->unit = 0;
    cx->resuming = from != NULL;
    if (from)
        cx->resume = *from;
    if (note->n_children > 0 && note->children[0].kind == MD_PARAGRAPH) {
        para_layout(cx, out, note->children[0].inl, note->children[0].n_inl, &ps,
                    note->children[0].line);
        c0 = 1;
    }
    blocks_layout(cx, out, note->children + c0, note->n_children - c0, x, width, 1,
                  fr->footnote_size, true);
    cx->anchored = NULL;
    cx->resuming = false;
    cx->keep_next = false;
    if (!from)
        return;
    /* Left out: the boxes before the anchor in its own unit, and those of
     * the single-box units before it (a space, a rule, an image), cheaper
     * to make than to count apart from their makers. The paragraphs,
     * tables and code blocks before it were only counted (flow_skip_unit):
     * alike at both widths, as their boxes depend on the width, their
     * number not. */
    size_t kept = 0;
    for (size_t i = 0; i < out->n; i++) {
        if (anchor_before(out->v[i].at, *from))
            vbox_free(&out->v[i]);
        else
            out->v[kept++] = out->v[i];
    }
    out->n = kept;
}

static void layout_notes(lay_ctx *cx)
{
    cx->n_notes = cx->doc->n_footnotes;
    cx->notes = vb_xcalloc(cx->n_notes ? cx->n_notes : 1, sizeof *cx->notes);
    for (size_t k = 0; k < cx->n_notes; k++)
        layout_note(cx, (int)k + 1, frame_landscape(cx->fr), NULL, &cx->notes[k]);
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
