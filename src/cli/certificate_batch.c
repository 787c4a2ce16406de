/* The batch's sizing from the command's side (src/cert/cert_batch.c says
 * what is shared and why): after the pages are set, those the batch's frame
 * changes are set again. */
#include "certificate.h"

bool cert_settle_pages(cert_job *j, cert_batch *b, cert_ctx *cc)
{
    bool ok = true;
    /* Once in practice: a page set again at the batch's frame fits there.
     * Should one not (fitting is not strictly monotone), the batch is
     * settled again, lower; frames only go down, so this ends. */
    while (ok && cert_batch_settle(b))
        for (size_t k = 0; ok && k < j->n_nodes; k++) {
            if (!cert_batch_redo(b, j->index[k]))
                continue;
            cert_item it;
            ok = cert_item_prepare(j, k, &it) && cert_set_page(cc, k, &it.f, it.place, it.where);
            cert_item_free(&it);
        }
    if (ok)
        cert_batch_report(b, j->d);
    return ok;
}
