/* The batch's sizing from the command's side (src/cert/cert_batch.c says
 * what is shared and why). The batch is every certificate of `each:`: a
 * reprint (--only 11) or one part of a batch run in parallel (--only
 * "position() mod 4 = 0") is set exactly as in the whole run, as its
 * register numbers and --split names are, so the certificates --only leaves
 * out are still fitted, quietly, to size the batch. After the pages are set,
 * those the batch's frame changes are set again. */
#include "certificate.h"

void cert_measure_left_out(cert_job *j, cert_ctx *cc, size_t from, size_t to)
{
    if (!j->each_nodes)
        return; /* without --only nothing is left out */
    for (size_t b = from; b < to && b < j->n_each; b++) {
        cert_item it;
        if (cert_item_prepare_left_out(j, b, &it))
            cert_measure(cc, &it.f, b, it.where);
        cert_item_free(&it);
    }
}

bool cert_settle_pages(cert_job *j, cert_batch *b, cert_redo_fn redo, void *arg)
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
            ok = cert_item_prepare(j, k, &it) && redo(j, k, &it, arg);
            cert_item_free(&it);
        }
    if (ok)
        cert_batch_report(b, j->d);
    return ok;
}
