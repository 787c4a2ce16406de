/* Page display lists: the layout stage's output container. */
#include "page.h"

#include <stdlib.h>
#include <string.h>

page_doc *page_doc_new(void)
{
    page_doc *pd = vb_xcalloc(1, sizeof *pd);
    pd->arena = vb_arena_new();
    return pd;
}

void page_doc_free(page_doc *pd)
{
    if (!pd)
        return;
    for (size_t i = 0; i < pd->n_pages; i++)
        free(pd->pages[i].items);
    free(pd->pages);
    for (size_t i = 0; i < pd->n_layers; i++)
        free(pd->layers[i].items);
    free(pd->layers);
    free(pd->outline);
    vb_arena_free(pd->arena);
    for (size_t i = 0; i < pd->n_more; i++)
        vb_arena_free(pd->more[i]);
    free(pd->more);
    free(pd);
}

vb_page *page_doc_add_page(page_doc *pd, double width, double height)
{
    vb_grow((void **)&pd->pages, &pd->cap_pages, pd->n_pages + 1, sizeof *pd->pages);
    vb_page *pg = &pd->pages[pd->n_pages++];
    memset(pg, 0, sizeof *pg);
    pg->width = width;
    pg->height = height;
    return pg;
}

page_item *page_add_item(vb_page *pg, page_item_kind kind)
{
    vb_grow((void **)&pg->items, &pg->cap_items, pg->n_items + 1, sizeof *pg->items);
    page_item *it = &pg->items[pg->n_items++];
    memset(it, 0, sizeof *it);
    it->kind = kind;
    return it;
}

size_t page_doc_add_layer(page_doc *pd)
{
    vb_grow((void **)&pd->layers, &pd->cap_layers, pd->n_layers + 1, sizeof *pd->layers);
    vb_page *ly = &pd->layers[pd->n_layers];
    memset(ly, 0, sizeof *ly);
    return pd->n_layers++;
}

void page_doc_append(page_doc *dst, page_doc *src)
{
    size_t base = dst->n_pages;
    size_t layer_base = dst->n_layers;
    for (size_t i = 0; i < src->n_layers; i++) {
        size_t l = page_doc_add_layer(dst);
        dst->layers[l] = src->layers[i]; /* takes the item array */
    }
    for (size_t i = 0; i < src->n_pages; i++) {
        vb_page *pg = page_doc_add_page(dst, src->pages[i].width, src->pages[i].height);
        *pg = src->pages[i]; /* takes the item array */
        if (i == 0)
            pg->section_start = true;
        for (size_t k = 0; k < pg->n_items; k++)
            if (pg->items[k].kind == ITEM_LAYER)
                pg->items[k].u.layer.index += layer_base;
    }
    for (size_t i = 0; i < src->n_outline; i++) {
        vb_grow((void **)&dst->outline, &dst->cap_outline, dst->n_outline + 1,
                sizeof *dst->outline);
        outline_entry *e = &dst->outline[dst->n_outline++];
        *e = src->outline[i];
        e->page += base;
    }
    /* The strings and faces of the moved items live in src's arenas. */
    VB_PUSH(dst->more, dst->n_more, dst->cap_more, src->arena);
    for (size_t i = 0; i < src->n_more; i++)
        VB_PUSH(dst->more, dst->n_more, dst->cap_more, src->more[i]);
    free(src->more);
    free(src->pages);
    free(src->layers);
    free(src->outline);
    free(src);
}
