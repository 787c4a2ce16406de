/* libFuzzer target for decode + normalize: whatever the bytes and the
 * encoding, the output is valid UTF-8 in NFC, and normalizing it again
 * changes nothing. Built with -DVANBAN_FUZZ=ON (clang); run tests/fuzz/run.sh. */
#include "vn/vn.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_nfc(const char *what, const char *s, size_t len)
{
    if (!vb_utf8_valid(s, len, NULL)) {
        fprintf(stderr, "%s: invalid UTF-8\n", what);
        abort();
    }
    utf8proc_uint8_t *nfc = NULL;
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &nfc,
                                      UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    if (n < 0 || (size_t)n != len || memcmp(nfc, s, len) != 0) {
        fprintf(stderr, "%s: not NFC\n", what);
        abort();
    }
    free(nfc);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    /* The first byte picks the encoding and the tone style. */
    vn_encoding enc = (vn_encoding)(data[0] % (VN_ENC_VIQR + 1));
    vn_tone tone = (vn_tone)((data[0] >> 4) % 3);
    const char *bytes = (const char *)data + 1;
    size--;

    FILE *devnull = fopen("/dev/null", "w");
    vb_diag d;
    vb_diag_init(&d, devnull);
    vb_buf text;
    vb_buf_init(&text);
    if (vn_decode(bytes, size, enc, "fuzz", &d, &text, NULL))
        check_nfc("decode", text.data ? text.data : "", text.len);

    /* Normalize the raw bytes too: vn_normalize must survive invalid UTF-8. */
    const char *inputs[2] = {text.data ? text.data : "", bytes};
    size_t lens[2] = {text.len, size};
    for (int k = 0; k < 2; k++) {
        char *once = vn_normalize(inputs[k], lens[k], tone);
        size_t once_len = strlen(once);
        /* An input NUL ends the string early; compare what we have. */
        check_nfc("normalize", once, once_len);
        char *twice = vn_normalize(once, once_len, tone);
        if (strcmp(once, twice) != 0) {
            fprintf(stderr, "normalize twice changed:\n%s\n%s\n", once, twice);
            abort();
        }
        free(once);
        free(twice);
    }
    vb_buf_free(&text);
    fclose(devnull);
    return 0;
}
