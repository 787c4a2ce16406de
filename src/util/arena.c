/* Bump allocator for a stage's output: one owner, freed at once. */
#include "util.h"

#include <stdlib.h>
#include <string.h>

struct chunk {
    struct chunk *next;
    size_t used, size;
    max_align_t data[];
};

struct vb_arena {
    struct chunk *head;
};

vb_arena *vb_arena_new(void)
{
    return vb_xcalloc(1, sizeof(vb_arena));
}

void vb_arena_free(vb_arena *a)
{
    if (!a)
        return;
    struct chunk *c = a->head;
    while (c) {
        struct chunk *n = c->next;
        free(c);
        c = n;
    }
    free(a);
}

void *vb_arena_alloc(vb_arena *a, size_t n)
{
    const size_t align = sizeof(max_align_t);
    n = (n + align - 1) / align * align;
    struct chunk *c = a->head;
    if (!c || c->size - c->used < n) {
        size_t size = n > 64 * 1024 ? n : 64 * 1024;
        c = vb_xmalloc(sizeof *c + size);
        c->size = size;
        c->used = 0;
        c->next = a->head;
        a->head = c;
    }
    void *p = (char *)c->data + c->used;
    c->used += n;
    memset(p, 0, n);
    return p;
}

char *vb_arena_strndup(vb_arena *a, const char *s, size_t n)
{
    char *p = vb_arena_alloc(a, n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *vb_arena_strdup(vb_arena *a, const char *s)
{
    return vb_arena_strndup(a, s, strlen(s));
}
