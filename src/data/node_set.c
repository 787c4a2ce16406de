/* A set of element pointers (open addressing). The checks after a schema
 * error ask "did the schema already reject this element?" for every element
 * they report on, and a file can have 200,000 of them. */
#include "model.h"

#include <stdint.h>
#include <stdlib.h>

static size_t slot_of(const void *p, size_t mask)
{
    uintptr_t h = (uintptr_t)p;
    h ^= h >> 17; /* nodes are malloc'd: the low bits say little */
    h *= (uintptr_t)0x9E3779B97F4A7C15ull;
    return (size_t)(h >> 7) & mask;
}

void node_set_free(node_set *s)
{
    free(s->v);
    s->v = NULL;
    s->cap = s->n = 0;
}

static void insert(node_set *s, const void *p)
{
    size_t mask = s->cap - 1;
    for (size_t i = slot_of(p, mask);; i = (i + 1) & mask) {
        if (s->v[i] == p)
            return;
        if (!s->v[i]) {
            s->v[i] = p;
            s->n++;
            return;
        }
    }
}

void node_set_add(node_set *s, const void *p)
{
    if (!p)
        return;
    if ((s->n + 1) * 2 > s->cap) {
        node_set bigger = {vb_xcalloc(s->cap ? s->cap * 2 : 32, sizeof *bigger.v), s->cap ? s->cap * 2 : 32, 0};
        for (size_t i = 0; i < s->cap; i++)
            if (s->v[i])
                insert(&bigger, s->v[i]);
        free(s->v);
        *s = bigger;
    }
    insert(s, p);
}

bool node_set_has(const node_set *s, const void *p)
{
    if (!p || s->n == 0)
        return false;
    size_t mask = s->cap - 1;
    for (size_t i = slot_of(p, mask); s->v[i]; i = (i + 1) & mask)
        if (s->v[i] == p)
            return true;
    return false;
}
