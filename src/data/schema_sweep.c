/* Every element examined after libxml2's errors. RelaxNG validation of a
 * sequence stops at its first problem: a misspelled <provinse> in <contest>
 * leaves every later element of the file unexamined, and a clerk who fixes
 * it would only meet the next problem on the next run. So once the file is
 * known to be invalid, each element not yet examined has its attributes,
 * children and text diagnosed against the schema's declarations
 * (schema_diagnose.c), the same rules that make libxml2's own messages
 * precise. */
#include "schema.h"

#include <string.h>

/* The attributes, children and text of one element, unless already done. */
static void examine(vb_contest *c, vb_diag *d, xmlDocPtr rng, schema_marks *mk, xmlNodePtr n)
{
    if (!node_set_has(&mk->attrs_done, n)) {
        node_set_add(&mk->attrs_done, n);
        schema_diagnose_attrs(c, d, rng, n, mk);
    }
    if (!node_set_has(&mk->children_done, n)) {
        node_set_add(&mk->children_done, n);
        schema_diagnose_children(c, d, rng, n, mk);
    }
    if (!node_set_has(&mk->text_done, n)) {
        node_set_add(&mk->text_done, n);
        schema_diagnose_text(c, d, rng, n, mk);
    }
}

static void sweep(vb_contest *c, vb_diag *d, xmlDocPtr rng, schema_marks *mk, xmlNodePtr n)
{
    if (node_set_has(&mk->foreign, n))
        return;
    examine(c, d, rng, mk, n);
    for (xmlNodePtr k = first_elem(n); k; k = next_elem(k))
        sweep(c, d, rng, mk, k);
}

void schema_sweep(vb_contest *c, vb_diag *d, xmlDocPtr rng, schema_marks *mk)
{
    xmlNodePtr root = xmlDocGetRootElement(c->doc);
    /* A root that is not <contest> makes every name below it meaningless. */
    if (!root || strcmp((const char *)root->name, "contest") != 0)
        return;
    examine(c, d, rng, mk, root);
    for (xmlNodePtr k = first_elem(root); k; k = next_elem(k))
        /* <results> is vanban's own output read back: the schema takes anything. */
        if (strcmp((const char *)k->name, "results") != 0)
            sweep(c, d, rng, mk, k);
}
