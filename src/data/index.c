/* A string → int map with open addressing: ids are looked up for every
 * reference, so this must stay O(1) for 200,000 submissions. */
#include "model.h"

#include <string.h>

static size_t hash(const char *s)
{
    size_t h = 1469598103934665603ull; /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
}

void vb_index_init(vb_index *ix, size_t expected)
{
    size_t cap = 16;
    while (cap < expected * 2)
        cap *= 2;
    ix->cap = cap;
    ix->n = 0;
    ix->incomplete = false;
    ix->keys = vb_xcalloc(cap, sizeof *ix->keys);
    ix->vals = vb_xcalloc(cap, sizeof *ix->vals);
}

void vb_index_free(vb_index *ix)
{
    free(ix->keys);
    free(ix->vals);
    ix->keys = NULL;
    ix->vals = NULL;
    ix->cap = ix->n = 0;
}

static void grow(vb_index *ix)
{
    vb_index bigger;
    vb_index_init(&bigger, ix->cap);
    for (size_t i = 0; i < ix->cap; i++)
        if (ix->keys[i])
            vb_index_put(&bigger, ix->keys[i], ix->vals[i]);
    bigger.incomplete = ix->incomplete;
    vb_index_free(ix);
    *ix = bigger;
}

int vb_index_put(vb_index *ix, const char *key, int val)
{
    if (!key) {
        ix->incomplete = true;
        return val;
    }
    if ((ix->n + 1) * 2 > ix->cap)
        grow(ix);
    size_t mask = ix->cap - 1;
    for (size_t i = hash(key) & mask;; i = (i + 1) & mask) {
        if (!ix->keys[i]) {
            ix->keys[i] = key;
            ix->vals[i] = val;
            ix->n++;
            return val;
        }
        if (strcmp(ix->keys[i], key) == 0)
            return ix->vals[i];
    }
}

int vb_index_get(const vb_index *ix, const char *key)
{
    if (!key || ix->cap == 0)
        return -1;
    size_t mask = ix->cap - 1;
    for (size_t i = hash(key) & mask; ix->keys[i]; i = (i + 1) & mask)
        if (strcmp(ix->keys[i], key) == 0)
            return ix->vals[i];
    return -1;
}
