/* Heap reservation: the heap a command will use, mapped by a system call
 * per 512 KB instead of one page fault per 4 KB page.
 *
 * A page of fresh memory is first mapped when it is first written, by a page
 * fault. In the virtual machines vanban is measured on that fault costs about
 * 10 µs (a 64 MB loop of 4 KB writes: 9.7 µs a page), while the kernel fills
 * a whole range in 0.5-1.5 µs a page when asked to
 * (madvise MADV_POPULATE_WRITE, Linux 5.14). The 2023 results report takes
 * 1,290 faults without this and 450 with it, most of the 450 in the dynamic
 * loader before main; see docs/performance.md. On bare metal both costs are
 * a few times smaller and the call is roughly neutral.
 *
 * How: malloc is told to keep freed memory (no trimming) and to serve blocks
 * up to 1 MB from the heap (not one mmap each, which would fault afresh);
 * then blocks adding up to the estimate are allocated, populated and freed:
 * later allocations are carved from pages already mapped. The estimate is
 * never a limit; past it the heap grows and faults as usual. Where the call
 * or the malloc tuning does not exist nothing changes but the speed.
 *
 * The cost: blocks between 128 KB and 1 MB that malloc would have mapped
 * apart and unmapped when freed now stay in the heap, and a guess above
 * what is used stays mapped, so peak memory is higher: about +10 % (2023
 * report 14.6 -> 16-17 MiB, check of 10,000 units 146 -> 160 MiB;
 * docs/performance.md). Populating on a second thread while the command
 * starts was tried: the main thread outran it and faulted anyway, no gain. */
#define _DEFAULT_SOURCE /* madvise and its MADV_ constants */
#include "util.h"

#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/stat.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

enum {
    HEAP_BASE = 3 << 20,      /* a short document with no data (measured: 2023 report) */
    HEAP_MAX = 256 << 20,     /* past this the guess is too rough to pay for up front */
    BLOCK_MAX = 1 << 20,      /* the mmap threshold set: larger blocks are mapped apart */
    PAGE = 4096,
};

size_t vb_heap_estimate(const char *const *paths, size_t n, size_t per_byte)
{
    size_t bytes = HEAP_BASE;
    for (size_t i = 0; i < n; i++) {
        struct stat st;
        if (!paths[i] || stat(paths[i], &st) != 0 || !S_ISREG(st.st_mode))
            continue; /* stdin, a missing file: its error comes later, from its reader */
        size_t size = (size_t)st.st_size;
        if (per_byte && size > (HEAP_MAX - bytes) / per_byte)
            return HEAP_MAX;
        bytes += size * per_byte;
    }
    return bytes < HEAP_MAX ? bytes : HEAP_MAX;
}

void vb_heap_reserve(size_t bytes)
{
#if defined(__GLIBC__) && defined(MADV_POPULATE_WRITE)
    if (bytes < 2 * PAGE)
        return;
    if (bytes > HEAP_MAX)
        bytes = HEAP_MAX;
    /* Nothing is changed unless all of it can be done: the kernel must know
     * the advice (Linux 5.14; an empty range still has it checked), and
     * glibc must take the threshold (a 32-bit one caps it at 512 KB; ASan's
     * malloc takes none). Then blocks under the mmap threshold come from the
     * heap, and freed they make one free range at its top, not trimmed. */
    char here;
    uintptr_t page = (uintptr_t)&here & ~(uintptr_t)(PAGE - 1); /* any aligned address */
    if (madvise((void *)page, 0, MADV_POPULATE_WRITE) != 0 || !mallopt(M_MMAP_THRESHOLD, BLOCK_MAX) ||
        !mallopt(M_TRIM_THRESHOLD, (int)(2 * HEAP_MAX)))
        return;
    char *blocks[HEAP_MAX / (BLOCK_MAX / 2)]; /* 4 KB of stack */
    size_t n = 0;
    for (size_t left = bytes; left > 0 && n < sizeof blocks / sizeof blocks[0];) {
        size_t want = left < (size_t)BLOCK_MAX / 2 ? left : (size_t)BLOCK_MAX / 2;
        char *block = malloc(want);
        if (!block)
            break;
        blocks[n++] = block;
        left -= want;
        uintptr_t from = ((uintptr_t)block + PAGE - 1) & ~(uintptr_t)(PAGE - 1);
        uintptr_t to = ((uintptr_t)block + want) & ~(uintptr_t)(PAGE - 1);
        if (to > from && madvise((void *)from, to - from, MADV_POPULATE_WRITE) != 0)
            break; /* a hint: if it fails (no memory), the rest faults as usual */
    }
    while (n > 0)
        free(blocks[--n]);
#else
    (void)bytes;
#endif
}
