/* libFuzzer target for decode + normalize: whatever the bytes and the
 * encoding, the output is valid UTF-8 in NFC, and normalizing it again
 * changes nothing. The text helpers run on the same bytes: case mapping
 * gives NFC, a sort key has no NUL byte and a string collates equal to
 * itself, a slug is [a-z0-9-] without a '-' at either end.
 * Built with -DVANBAN_FUZZ=ON (clang); run tests/fuzz/run.sh. */
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

static void check_helpers(const char *s, size_t len)
{
    void (*const cases[])(vb_buf *, const char *, size_t) = {vn_upper, vn_lower, vn_title};
    vb_buf b;
    vb_buf_init(&b);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        vb_buf_clear(&b);
        cases[i](&b, s, len);
        check_nfc("case", b.data ? b.data : "", b.len);
    }
    vb_buf_clear(&b);
    vn_sort_key(&b, s, len);
    if (memchr(b.data, 0, b.len)) {
        fprintf(stderr, "sort key holds a NUL byte\n");
        abort();
    }
    vb_buf_clear(&b);
    vn_name_sort_key(&b, s, len);
    vb_buf_clear(&b);
    vn_slug(&b, s, len);
    for (size_t i = 0; i < b.len; i++) {
        char c = b.data[i];
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-') ||
            (c == '-' && (i == 0 || i + 1 == b.len || b.data[i - 1] == '-'))) {
            fprintf(stderr, "bad slug \"%s\"\n", b.data);
            abort();
        }
    }
    if (b.len == 0)
        abort();
    (void)vn_display_width(s, len);
    vb_buf_free(&b);
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
        if (k == 1) { /* the helpers, on a prefix (they are per character,
                       * and long inputs would slow the fuzzer down) */
            check_helpers(bytes, size < 256 ? size : 256);
            if (once_len <= 256) {
                check_helpers(once, once_len);
                if (vn_collate(once, once) != 0)
                    abort();
            }
        }
        free(once);
        free(twice);
    }
    vb_buf_free(&text);
    fclose(devnull);
    return 0;
}
