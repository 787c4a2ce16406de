/* util: small shared pieces every stage uses — diagnostics, growable strings,
 * an arena for a stage's output, and file helpers (whole-file read, atomic write).
 * No global state: a diagnostics sink is passed down explicitly. */
#ifndef VANBAN_UTIL_H
#define VANBAN_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* Exit codes of the command-line contract (DESIGN.md). */
enum { VB_OK = 0, VB_EXIT_INPUT = 1, VB_EXIT_USAGE = 2, VB_EXIT_IO = 3 };

/* ---- diagnostics ------------------------------------------------------- */
/* Where messages go and how many errors were reported. Messages follow the
 * GNU form "vanban: FILE:LINE:COL: lỗi: what, and what to do". */
typedef struct vb_diag {
    FILE *out;        /* stderr normally; a memstream in tests */
    int errors;
    int warnings;
    int exit_code;    /* the worst class of failure seen: VB_EXIT_INPUT or VB_EXIT_IO */
    bool verbose;
    bool silent;      /* count but do not print (an error already reported once) */
    /* vb_diag_hold: messages kept until vb_diag_release (see there). */
    bool holding;
    struct vb_held_msg *held;
    size_t nheld, held_cap;
} vb_diag;

void vb_diag_init(vb_diag *d, FILE *out);
/* Keeps the messages instead of printing them; vb_diag_release prints them
 * in the order of the file (line, then column; messages without a line
 * first; the order found among equals) and frees them. For a command that
 * finds problems in several passes (`check`: the schema, then what the data
 * means) but should read as one list from the top of the file down. */
void vb_diag_hold(vb_diag *d);
void vb_diag_release(vb_diag *d);
/* line/col are 1-based; 0 means unknown (omitted from the message). file may be NULL. */
void vb_error(vb_diag *d, const char *file, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
/* An error caused by the system (I/O, memory) rather than the input: exit 3. */
void vb_error_io(vb_diag *d, const char *file, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void vb_warn(vb_diag *d, const char *file, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
void vb_note(vb_diag *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* ---- growable byte string ---------------------------------------------- */
typedef struct vb_buf {
    char *data;   /* always NUL-terminated when non-NULL */
    size_t len;
    size_t cap;
} vb_buf;

void vb_buf_init(vb_buf *b);
void vb_buf_free(vb_buf *b);
void vb_buf_clear(vb_buf *b);
void vb_buf_append(vb_buf *b, const void *p, size_t n);
void vb_buf_puts(vb_buf *b, const char *s);
void vb_buf_putc(vb_buf *b, char c);
void vb_buf_printf(vb_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* One text field of a CSV file (RFC 4180: quoted when it holds , " or a line
 * break, and also ; so that the field is whole whichever of the two a
 * spreadsheet splits on: ; where the decimal mark is a comma). Text that Excel would run as a formula (starting with = + - @, a
 * tab or CR: "=HYPERLINK(…)" in a unit's name; a lone "-" is no formula)
 * gets a leading ' and is shown as written. */
void vb_buf_csv_text(vb_buf *b, const char *s);

/* What a system error means, in Vietnamese for the errors a clerk meets
 * (no such file, no permission, a full disk, …); strerror's English text
 * for the rest. */
const char *vb_strerror(int err);
void vb_buf_vprintf(vb_buf *b, const char *fmt, va_list ap);
/* Appends the UTF-8 encoding of a code point. */
void vb_buf_put_cp(vb_buf *b, uint32_t cp);
/* Hands over the string; the buffer is left empty. Never NULL. */
char *vb_buf_take(vb_buf *b);

/* ---- heap reservation (heap.c) ------------------------------------------ */
/* A guess at the heap a command reading these files will use: a base plus
 * `per_byte` for each byte of input (NULL, unreadable or special files count
 * nothing). */
size_t vb_heap_estimate(const char *const *paths, size_t n, size_t per_byte);
/* Maps `bytes` of heap up front in one system call, so that allocations
 * up to that size do not each fault their pages in (see heap.c for why and
 * the figures). Call once, before the command's work. Only speed changes. */
void vb_heap_reserve(size_t bytes);

/* ---- allocation --------------------------------------------------------- */
/* Allocation failure is not recoverable in a batch tool: these abort with a
 * message instead of returning NULL, so callers need no NULL checks. */
void *vb_xmalloc(size_t n);
void *vb_xcalloc(size_t n, size_t size);
/* What they do on failure: the one message "hết bộ nhớ", the temporary
 * output files removed, exit 3. Also for a library that reports running
 * out of memory and then carries on with less (libxml2: xml_errors.h), or
 * reports it as something else (libyaml: a syntax error, see
 * tmpl/frontmatter.c; HarfBuzz, fontconfig and libharu: a font that
 * cannot be read, see font/font_face.c and pdf_check_memory). */
_Noreturn void vb_out_of_memory(void);
void *vb_xrealloc(void *p, size_t n);
char *vb_xstrdup(const char *s);
char *vb_xstrndup(const char *s, size_t n);
/* Grows *v (of element size elem) so that index `need-1` fits; doubles capacity. */
void vb_grow(void **v, size_t *cap, size_t need, size_t elem);
#define VB_PUSH(arr, n, cap, value)                                              \
    do {                                                                         \
        vb_grow((void **)&(arr), &(cap), (n) + 1, sizeof *(arr));                \
        (arr)[(n)++] = (value);                                                  \
    } while (0)

/* ---- arena -------------------------------------------------------------- */
/* Bump allocator: everything a stage's output holds is freed at once. */
typedef struct vb_arena vb_arena;
vb_arena *vb_arena_new(void);
void vb_arena_free(vb_arena *a);
void *vb_arena_alloc(vb_arena *a, size_t n);
char *vb_arena_strdup(vb_arena *a, const char *s);
char *vb_arena_strndup(vb_arena *a, const char *s, size_t n);

/* ---- UTF-8 -------------------------------------------------------------- */
/* Decodes one code point at s (len bytes left). Returns its length in bytes, or
 * 0 if the sequence is invalid (overlong, surrogate, truncated, > U+10FFFF). */
size_t vb_utf8_decode_seq(const char *s, size_t len, uint32_t *cp);
/* ASCII inline: the layout and PDF stages decode every character of a
 * document three or four times, and most of them are one byte. */
static inline size_t vb_utf8_decode(const char *s, size_t len, uint32_t *cp)
{
    if (len && (unsigned char)s[0] < 0x80) {
        *cp = (unsigned char)s[0];
        return 1;
    }
    return vb_utf8_decode_seq(s, len, cp);
}
/* Checks a whole string; on failure sets *bad_offset to the first bad byte. */
bool vb_utf8_valid(const char *s, size_t len, size_t *bad_offset);
/* Line and column (1-based, column in characters) of a byte offset. */
void vb_text_position(const char *s, size_t offset, int *line, int *col);

/* ---- files -------------------------------------------------------------- */
/* The largest input vanban reads (a template, contest data, a text to
 * normalize): 256 MiB, eight times a contest of 10,000 units (31 MB) and
 * more than twice the largest text `normalize` is measured on, but far
 * below what would exhaust memory (a contest takes about 20 bytes of heap
 * per byte). */
#define VB_INPUT_MAX ((size_t)256 << 20)
/* Reads a whole file ("-" is stdin). Returns NULL and reports on failure;
 * more than VB_INPUT_MAX bytes (/dev/zero) is an error of the input. */
char *vb_read_file(vb_diag *d, const char *path, size_t *len);
/* An input as messages name it: "(đầu vào chuẩn)" for "-", else the path.
 * Every command says it so, a template, data or text alike ("-:3:5" read
 * as a file named "-"). It has no '/', so that its folder (vb_dirname) is
 * ".", as for "-": the layout looks for a document's images beside the
 * name its Markdown was parsed under. */
const char *vb_input_name(const char *path);
/* An output as messages name it: "(đầu ra chuẩn)" for "-" or NULL
 * (standard output, as vb_outfile_open takes it), else the path. A write
 * that failed on standard output was "vanban: -: lỗi: …", read as a file
 * named "-", or named nothing at all. */
const char *vb_output_name(const char *path);

/* Atomic output: write to a temporary file beside the target, then rename.
 * An error at any point leaves neither a partial target nor the temp file. */
typedef struct vb_outfile {
    char *target;     /* NULL for stdout; past any symbolic link for a temporary file */
    char *tmp_path;   /* the temporary file, or NULL when writing to stdout */
    FILE *fp;
    /* vb_outfile_defer: fp is a memory stream over mem; dest is stdout or
     * the device that receives mem at vb_outfile_commit. */
    FILE *dest;
    char *mem;
    size_t mem_len;
} vb_outfile;

/* A target that is a symbolic link is written through it (vb_output_file). */
bool vb_outfile_open(vb_outfile *o, vb_diag *d, const char *target);
/* The file writing to `target` reaches: `target` itself, or, for a
 * symbolic link, the end of its chain of links, there yet or not (see
 * out_link.c). NULL after reporting: a chain that loops, or a link another
 * user left in a shared folder such as /tmp (exit 2). */
char *vb_output_file(vb_diag *d, const char *target);
/* vb_output_file without a message: NULL where it reports. */
char *vb_output_file_quiet(const char *target);
/* Whether writing to a and to b writes one file: two outputs of one run
 * (a PDF and its register, a certificate of --split and the register)
 * must not be, or the second replaces the first. The same device and
 * inode when both exist; else the same name in the same (resolved)
 * folder for the files writing reaches (vb_output_file: a symbolic link
 * is written through, to a file there yet or not). Inputs are kept by
 * vb_outfile_open_kind, which reads the existing file an output reaches. */
bool vb_same_file(const char *a, const char *b);
/* Removes the temporary files being written (async-signal-safe): for the
 * signal handlers, and for running out of memory. */
void vb_remove_temporary_files(void);
/* Whether the existing file `path`, its symbolic links followed, lies inside
 * the folder `dir` (also resolved): a partial or attachment that is a link
 * to /etc/… is not "in the template's folder". False when either is not
 * there. */
bool vb_path_within(const char *dir, const char *path);
/* vb_outfile_open for a file of one kind (`kind` names it in the message):
 * an existing, non-empty regular file at target is replaced only if it
 * starts with `magic` — an earlier output of the same kind. Anything else
 * (the template, the contest data, a partial given as -o by mistake) is
 * refused with exit 2 and left as it is. */
bool vb_outfile_open_kind(vb_outfile *o, vb_diag *d, const char *target, const char *magic,
                          const char *kind);
/* Flushes, fsyncs and renames into place; reports and cleans up on failure. */
bool vb_outfile_commit(vb_outfile *o, vb_diag *d);
/* Flushes and fsyncs without renaming: what can fail for want of space fails
 * here, so that outputs that go together (a PDF and its register, a batch of
 * certificates) are all written before any is renamed into place. A
 * temporary file is closed here; vb_outfile_commit then only renames it. On
 * failure it reports and removes the temporary file (vb_outfile_abort is
 * still safe). */
bool vb_outfile_sync(vb_outfile *o, vb_diag *d);
/* Removes the temporary file; the target is untouched. Safe after commit. */
void vb_outfile_abort(vb_outfile *o);
/* For an output that goes with others (vb_outfile_sync, then commit or
 * abort): what is written in place (stdout, a device) cannot be taken back
 * the way a temporary file is removed, so it is kept in memory until
 * vb_outfile_commit. Nothing to do for a temporary file. Call right after
 * opening, before writing; false (reported, o aborted) without memory.
 * The memory stream writes to o's own fields: o must stay where it is (no
 * copying the struct) until it is committed or aborted. */
bool vb_outfile_defer(vb_outfile *o, vb_diag *d);
/* Commits n outputs that go together: devices first, then standard output,
 * then the renames of temporary files (what is written in place cannot be
 * undone, and fails more readily than a rename). After a failure the rest
 * are aborted. */
bool vb_outfile_commit_all(vb_outfile *o, size_t n, vb_diag *d);

/* ---- misc --------------------------------------------------------------- */
/* The time documents are stamped with: SOURCE_DATE_EPOCH if set and valid, else now. */
int64_t vb_build_time(void);
/* Directory part of a path ("." if none); caller frees. */
char *vb_dirname(const char *path);
/* Joins dir and a relative path; an absolute rel is returned as is. Caller frees. */
char *vb_path_join(const char *dir, const char *rel);

#endif
