/* vanban normalize: any Vietnamese encoding in, clean UTF-8 NFC out. */
#include "cli.h"
#include "util/util.h"
#include "vn/vn.h"

#include <stdlib.h>
#include <string.h>

struct options {
    vn_encoding from;
    vn_tone tone;
    const char *out;
    bool verbose;
    const char **files;
    size_t nfiles;
};

static int usage_error(const char *fmt, const char *arg)
{
    fputs("vanban: lỗi: ", stderr);
    fprintf(stderr, fmt, arg);
    fputs("; xem 'vanban --help'\n", stderr);
    return VB_EXIT_USAGE;
}

/* "--from X" or "--from=X"; returns the value or NULL, advancing *i. */
static const char *option_value(int argc, char **argv, int *i, const char *name)
{
    size_t n = strlen(name);
    if (strncmp(argv[*i], name, n) != 0)
        return NULL;
    if (argv[*i][n] == '=')
        return argv[*i] + n + 1;
    if (argv[*i][n] == 0 && *i + 1 < argc)
        return argv[++*i];
    return NULL;
}

static int parse(int argc, char **argv, struct options *o)
{
    o->from = VN_ENC_AUTO;
    o->tone = VN_TONE_CLASSIC;
    o->files = vb_xcalloc((size_t)argc + 1, sizeof *o->files);
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v;
        if ((v = option_value(argc, argv, &i, "--from")) != NULL) {
            if (!vn_encoding_parse(v, &o->from))
                return usage_error("không biết bảng mã '%s' (auto, utf-8, utf-16, cp1258, "
                                   "viscii, tcvn5712, tcvn3, vni, viqr)", v);
        } else if ((v = option_value(argc, argv, &i, "--tone")) != NULL) {
            if (!vn_tone_parse(v, &o->tone))
                return usage_error("kiểu dấu '%s' không hợp lệ (classic, modern, keep)", v);
        } else if ((v = option_value(argc, argv, &i, "-o")) != NULL ||
                   (v = option_value(argc, argv, &i, "--output")) != NULL) {
            /* --output is the man page's spelling, as render takes it; it
             * was "tùy chọn không hợp lệ". */
            if (!*v || o->out)
                return usage_error("%s", *v ? "-o (tệp kết quả) chỉ được ghi một lần"
                                            : "-o (tệp kết quả) cần một tên tệp");
            o->out = v;
        } else if (strcmp(a, "-v") == 0 || strcmp(a, "--verbose") == 0) {
            o->verbose = true;
        } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            cli_usage(stdout);
            return -1;
        } else if (a[0] == '-' && a[1] != 0) {
            return usage_error("tùy chọn '%s' không hợp lệ hoặc thiếu giá trị", a);
        } else {
            o->files[o->nfiles++] = a;
        }
    }
    if (o->nfiles == 0)
        o->files[o->nfiles++] = "-";
    return VB_OK;
}

/* One input: its bytes, and its text, which is either a part of the bytes
 * (clean UTF-8, not copied) or the decoded buffer. */
struct input {
    char *bytes;
    vb_buf decoded;
    const char *text;
    size_t len;
};

/* A control character no text file holds (tab, line ends, form feed,
 * Word's vertical tab and DOS's final Ctrl-Z aside): random bytes or a
 * .gz file were "decoded" as VISCII or CP1258 and written out as garbage
 * full of ESC and backspace, exit 0. Checked after decoding, since VISCII
 * puts six capitals in the control range. (Word's optional hyphen, 0x1F,
 * and a final run of Ctrl-Z are text; normalize drops both.) */
static bool looks_binary(const char *text, size_t len, const char *name, vb_diag *d)
{
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' ||
            c == 0x1F) /* Word's optional hyphen in its text export */
            continue;
        if (c == 0x1A && strspn(text + i, "\x1a") == len - i)
            break; /* DOS editors pad the end with Ctrl-Z */
        int line, col;
        vb_text_position(text, i, &line, &col);
        vb_error(d, name, line, col,
                 "ký tự điều khiển 0x%02X: đây không phải tệp văn bản (tệp nén, ảnh, tài liệu "
                 "Word…?); hãy lưu nội dung ra dạng văn bản (.txt, .csv) rồi chạy lại",
                 c);
        return true;
    }
    return false;
}

/* Reads and decodes one input; false on error. */
static bool decode_file(const struct options *o, const char *path, vb_diag *d, struct input *in)
{
    size_t len = 0;
    in->text = "";
    in->bytes = vb_read_file(d, path, &len);
    if (!in->bytes)
        return false;
    const char *name = vb_input_name(path);
    vn_decode_info info;
    bool ok = vn_decode_view(in->bytes, len, o->from, name, d, &in->decoded, &info, &in->text,
                             &in->len);
    if (ok && looks_binary(in->text, in->len, name, d))
        ok = false;
    if (ok)
        vb_note(d, "%s: %s%s — %s", name, vn_encoding_name(info.encoding),
                info.bom ? " (có BOM)" : "", info.reason);
    if (!ok || in->text == in->decoded.data) { /* the bytes are no longer needed */
        free(in->bytes);
        in->bytes = NULL;
    }
    return ok;
}

int cli_normalize(int argc, char **argv)
{
    struct options o = {0};
    int rc = parse(argc, argv, &o);
    if (rc != VB_OK) {
        free(o.files);
        return rc < 0 ? VB_OK : rc;
    }
    vb_diag d;
    vb_diag_init(&d, stderr);
    d.verbose = o.verbose;
    vb_note(&d, "kiểu đặt dấu: %s", vn_tone_name(o.tone));
    /* Every input is decoded before anything is written: a bad byte in the
     * last file leaves no output at all, not a part of it. */
    struct input *in = vb_xcalloc(o.nfiles, sizeof *in);
    for (size_t i = 0; i < o.nfiles; i++)
        decode_file(&o, o.files[i], &d, &in[i]);
    if (d.errors == 0) {
        const char *target = o.out && strcmp(o.out, "-") != 0 ? o.out : NULL;
        vb_outfile f;
        if (vb_outfile_open(&f, &d, target)) {
            bool ok = true;
            for (size_t i = 0; i < o.nfiles && ok; i++)
                ok = vn_normalize_fwrite(f.fp, in[i].text, in[i].len, o.tone);
            if (ok) {
                vb_outfile_commit(&f, &d);
            } else {
                vb_outfile_abort(&f);
                vb_error_io(&d, vb_output_name(target), "không ghi được kết quả");
            }
        }
    }
    for (size_t i = 0; i < o.nfiles; i++) {
        free(in[i].bytes);
        vb_buf_free(&in[i].decoded);
    }
    free(in);
    free(o.files);
    return d.exit_code;
}
