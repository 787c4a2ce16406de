/* Running sums shared by the line breakers (see linebreak_measure.h). */
#include "layout/linebreak_measure.h"

#include "util/util.h"

#include <stdlib.h>

void lb_sums_init(lb_sums *s, const lb_item *items, size_t n)
{
    s->width = vb_xmalloc((n + 1) * sizeof *s->width);
    s->stretch = vb_xmalloc((n + 1) * sizeof *s->stretch);
    s->shrink = vb_xmalloc((n + 1) * sizeof *s->shrink);
    s->width[0] = s->stretch[0] = s->shrink[0] = 0.0;
    for (size_t i = 0; i < n; i++) {
        const lb_item *it = &items[i];
        bool glue = it->kind == LB_GLUE;
        s->width[i + 1] = s->width[i] + (it->kind == LB_PENALTY ? 0.0 : it->width);
        s->stretch[i + 1] = s->stretch[i] + (glue ? it->stretch : 0.0);
        s->shrink[i + 1] = s->shrink[i] + (glue ? it->shrink : 0.0);
    }
}

void lb_sums_free(lb_sums *s)
{
    free(s->width);
    free(s->stretch);
    free(s->shrink);
    s->width = s->stretch = s->shrink = NULL;
}
