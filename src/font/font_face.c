/* One loaded face: metrics and advances through HarfBuzz, scaled exactly as
 * libharu 2.3.0 scales them (hpdf_fontdef_tt.c), so that what layout measures
 * is what the PDF viewer draws. */
/* MAP_NORESERVE, as HarfBuzz maps font files */
#define _DEFAULT_SOURCE
#include "font_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

const char *font_style_name(font_style s)
{
    static const char *const names[] = {"Regular", "Bold", "Italic", "Bold Italic"};
    return s < FONT_STYLE_COUNT ? names[s] : "?";
}

static unsigned be16(const char *p)
{
    return ((unsigned)(unsigned char)p[0] << 8) | (unsigned char)p[1];
}

/* libharu: (HPDF_INT16)((HPDF_INT32)v * 1000 / units_per_em), C division
 * truncating toward zero for negative values too. */
static int scale_signed(int v, unsigned upem)
{
    return (int)((int32_t)v * 1000 / (int32_t)upem);
}

/* Reads the vertical metrics from hhea (ascender/descender, as libharu does)
 * and OS/2 (cap and x-height, version 2 and later). */
static void read_vertical_metrics(font_face *f)
{
    hb_blob_t *hhea = hb_face_reference_table(f->hb_face, HB_TAG('h', 'h', 'e', 'a'));
    unsigned n;
    const char *p = hb_blob_get_data(hhea, &n);
    if (n >= 8) {
        f->ascent = scale_signed((int16_t)be16(p + 4), f->upem);
        f->descent = scale_signed((int16_t)be16(p + 6), f->upem);
    }
    hb_blob_destroy(hhea);

    hb_blob_t *os2 = hb_face_reference_table(f->hb_face, HB_TAG('O', 'S', '/', '2'));
    p = hb_blob_get_data(os2, &n);
    if (n >= 90 && be16(p) >= 2) {
        f->x_height = scale_signed((int16_t)be16(p + 86), f->upem);
        f->cap_height = scale_signed((int16_t)be16(p + 88), f->upem);
    }
    hb_blob_destroy(os2);

    /* Old OS/2 versions lack the two heights: measure the glyphs instead. */
    hb_glyph_extents_t ext;
    hb_codepoint_t g;
    if (!f->cap_height && hb_font_get_nominal_glyph(f->hb_font, 'H', &g) &&
        hb_font_get_glyph_extents(f->hb_font, g, &ext))
        f->cap_height = scale_signed(ext.y_bearing, f->upem);
    if (!f->x_height && hb_font_get_nominal_glyph(f->hb_font, 'x', &g) &&
        hb_font_get_glyph_extents(f->hb_font, g, &ext))
        f->x_height = scale_signed(ext.y_bearing, f->upem);
}

static char *postscript_name(hb_face_t *face)
{
    char buf[128];
    unsigned size = sizeof buf;
    if (hb_ot_name_get_utf8(face, HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID, &size,
                            buf) == 0)
        return NULL;
    return vb_xstrdup(buf);
}

/* A font file mapped into memory, unmapped when HarfBuzz lets go of the
 * last blob that reads it. */
typedef struct font_map {
    void *addr;
    size_t len;
} font_map;

static void font_unmap(void *p)
{
    font_map *m = p;
    munmap(m->addr, m->len);
    free(m);
}

/* The font file as a HarfBuzz blob, mapped as HarfBuzz maps it (read-only,
 * private) but here, where what fails can be told apart: for
 * hb_blob_create_from_file_or_fail a file it cannot open, a mapping the
 * address space has no room for and a malloc that fails in its fallback
 * read are all one NULL, with no errno to go by, and running out of memory
 * was reported as "không đọc được tệp phông". Now a mapping refused for
 * want of memory (ENOMEM) and a blob HarfBuzz cannot allocate end the
 * process as vb_xmalloc does; a file that cannot be opened says why. NULL
 * after reporting. */
static hb_blob_t *font_blob(const char *path, const char *family, vb_diag *d)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    struct stat st = {0};
    int err = 0;
    if (fd < 0 || fstat(fd, &st) != 0)
        err = errno;
    else if (S_ISDIR(st.st_mode))
        err = EISDIR;
    else if (S_ISREG(st.st_mode) && (uintmax_t)st.st_size >= (uintmax_t)1 << 31)
        err = EFBIG; /* HarfBuzz takes no blob of 2 GiB or more, and no font is that big */
    if (err) {
        if (fd >= 0)
            close(fd);
        vb_error_io(d, path, "không đọc được tệp phông \"%s\": %s", family, vb_strerror(err));
        return NULL;
    }
    bool regular = S_ISREG(st.st_mode);
    size_t len = (size_t)st.st_size;
    font_map *m = vb_xmalloc(sizeof *m);
    *m = (font_map){MAP_FAILED, len};
    if (regular && len > 0) {
        m->addr = mmap(NULL, len, PROT_READ, MAP_PRIVATE | MAP_NORESERVE, fd, 0);
        err = errno;
    }
    close(fd);
    if (m->addr == MAP_FAILED) {
        free(m);
        if (regular && len == 0) /* nothing to map: "not TrueType" below */
            return hb_blob_get_empty();
        if (regular && err == ENOMEM) /* the address space is full (ulimit -v) */
            vb_out_of_memory();
        /* Not a regular file (a pipe), or a file system that cannot map
         * files: HarfBuzz reads it into memory instead, and what goes wrong
         * there cannot be told apart. */
        hb_blob_t *blob = hb_blob_create_from_file_or_fail(path);
        if (!blob)
            vb_error_io(d, path, "không đọc được tệp phông \"%s\"", family);
        return blob;
    }
    /* The length is under 2 GiB: an allocation is all that can fail, and
     * HarfBuzz has then unmapped the file (font_unmap) already. */
    hb_blob_t *blob = hb_blob_create_or_fail(m->addr, (unsigned)len,
                                             HB_MEMORY_MODE_READONLY_MAY_MAKE_WRITABLE, m, font_unmap);
    if (!blob)
        vb_out_of_memory();
    return blob;
}

font_face *font_face_load(const char *path, unsigned index, const char *family,
                          font_style style, vb_diag *d)
{
    hb_blob_t *blob = font_blob(path, family, d);
    if (!blob)
        return NULL;
    /* HarfBuzz gives its empty face only when it cannot allocate one: a
     * file that is no font still gets a face of its own, with no tables. */
    hb_face_t *face = hb_face_create(blob, index);
    if (face == hb_face_get_empty())
        vb_out_of_memory();
    /* HarfBuzz loads a table when first asked for it and takes one it has
     * no memory for as absent: out of memory here reads as a font without
     * glyf, and cannot be told from one (nor can a later lookup of a glyph
     * or an advance, in the cmap and hmtx tables, from a missing glyph). */
    hb_blob_t *glyf = hb_face_reference_table(face, HB_TAG('g', 'l', 'y', 'f'));
    bool truetype = hb_blob_get_length(glyf) > 0 && hb_face_get_glyph_count(face) > 0;
    hb_blob_destroy(glyf);
    if (!truetype) {
        vb_error(d, path, 0, 0,
                 "phông \"%s\" (kiểu %s) không phải phông TrueType (cần tệp .ttf có bảng glyf)",
                 family, font_style_name(style));
        hb_face_destroy(face);
        hb_blob_destroy(blob);
        return NULL;
    }
    font_face *f = vb_xcalloc(1, sizeof *f);
    f->path = vb_xstrdup(path);
    f->index = index;
    f->family = vb_xstrdup(family);
    f->style = style;
    f->blob = blob;
    f->hb_face = face;
    f->upem = hb_face_get_upem(face);
    f->hb_font = hb_font_create(face);
    if (f->hb_font == hb_font_get_empty()) /* likewise its only failure */
        vb_out_of_memory();
    hb_font_set_scale(f->hb_font, (int)f->upem, (int)f->upem);
    f->adv = vb_xmalloc(FONT_ADV_CACHE * sizeof *f->adv);
    for (size_t i = 0; i < FONT_ADV_CACHE; i++)
        f->adv[i] = FONT_ADV_UNKNOWN;
    f->postscript = postscript_name(face);
    if (!f->postscript)
        f->postscript = vb_xstrdup(family);
    read_vertical_metrics(f);
    return f;
}

void font_face_free(font_face *f)
{
    if (!f)
        return;
    hb_font_destroy(f->hb_font);
    hb_face_destroy(f->hb_face);
    hb_blob_destroy(f->blob);
    free(f->adv);
    free(f->path);
    free(f->family);
    free(f->postscript);
    free(f);
}

const char *font_face_path(const font_face *f) { return f->path; }
const char *font_face_family(const font_face *f) { return f->family; }
const char *font_face_postscript(const font_face *f) { return f->postscript; }
font_style font_face_style(const font_face *f) { return f->style; }
int font_face_ascent(const font_face *f) { return f->ascent; }
int font_face_descent(const font_face *f) { return f->descent; }
int font_face_cap_height(const font_face *f) { return f->cap_height; }
int font_face_x_height(const font_face *f) { return f->x_height; }

static int advance_uncached(const font_face *f, uint32_t cp)
{
    hb_codepoint_t g;
    if (!hb_font_get_nominal_glyph(f->hb_font, cp, &g) || g == 0)
        return -1;
    hb_position_t adv = hb_font_get_glyph_h_advance(f->hb_font, g);
    /* libharu: (HPDF_UINT16)((HPDF_UINT)advance_width * 1000 / units_per_em). */
    return (int)((unsigned)adv * 1000u / f->upem);
}

int font_face_advance(const font_face *f, uint32_t cp)
{
    if (cp >= FONT_ADV_CACHE)
        return advance_uncached(f, cp);
    if (f->adv[cp] == FONT_ADV_UNKNOWN)
        f->adv[cp] = (int16_t)advance_uncached(f, cp); /* widths are < 32768/1000 em */
    return f->adv[cp];
}

bool font_face_has(const font_face *f, uint32_t cp)
{
    if (cp < FONT_ADV_CACHE)
        return font_face_advance(f, cp) >= 0;
    hb_codepoint_t g;
    return hb_font_get_nominal_glyph(f->hb_font, cp, &g) && g != 0;
}

double font_text_width(const font_face *f, const char *utf8, size_t len, double size)
{
    long units = 0;
    size_t i = 0;
    while (i < len) {
        uint32_t cp;
        size_t n = vb_utf8_decode(utf8 + i, len - i, &cp);
        if (n == 0) {
            i++;
            continue;
        }
        int a = font_face_advance(f, cp);
        if (a > 0)
            units += a;
        i += n;
    }
    return (double)units * size / 1000.0;
}

bool font_face_check(const font_face *f, const char *utf8, size_t len, uint32_t *missing)
{
    size_t i = 0;
    while (i < len) {
        uint32_t cp;
        size_t n = vb_utf8_decode(utf8 + i, len - i, &cp);
        if (n == 0) {
            i++;
            continue;
        }
        if (!font_face_has(f, cp)) {
            if (missing)
                *missing = cp;
            return false;
        }
        i += n;
    }
    return true;
}
