/* vn: Vietnamese text helpers used by every stage and depending on none:
 * decoding legacy encodings to UTF-8 NFC, one tone-mark placement, cleanup,
 * casing, collation, number/money/date/word formatting, display width. */
#ifndef VANBAN_VN_H
#define VANBAN_VN_H

#include "util/util.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ==== decoding, repair, detection, tone style, cleanup ==================== */

/* ==== casing, collation, formatting, width ================================ */

#endif
