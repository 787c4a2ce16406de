/* Which nodes of the contest data hold a person's name (docs/tone-marks.md).
 *
 * A name is an identifier: it is printed as on the person's papers, whose
 * tone-mark placement ("Thuỷ" or "Thủy") is hers, not the document's style.
 * The model says where names are, so the rule is the model's, not a guess
 * from the text: the text of a <person> (people/person), the name a result
 * copies from it (results/award/person/@name), and the signer of a
 * document (doc-attrs/@signer). A committee member's text and a task's
 * assignee are descriptions ("Đại diện lãnh đạo Phòng Nội vụ", a unit),
 * not names, and follow the style. */
#include "data.h"

#include <string.h>

static bool named(const xmlNode *n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && !n->ns && strcmp((const char *)n->name, name) == 0;
}

bool vb_contest_name_node(const xmlNode *n)
{
    if (!n)
        return false;
    switch (n->type) {
    case XML_ELEMENT_NODE:
        return named(n, "person");
    case XML_TEXT_NODE:
    case XML_CDATA_SECTION_NODE:
        return named(n->parent, "person");
    case XML_ATTRIBUTE_NODE:
        if (n->ns)
            return false;
        if (strcmp((const char *)n->name, "signer") == 0)
            return true;
        return strcmp((const char *)n->name, "name") == 0 && named(n->parent, "person");
    default:
        return false;
    }
}
