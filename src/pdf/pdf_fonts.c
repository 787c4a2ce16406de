/* Fonts: each face the document shows is subset with hb-subset to exactly the
 * code points it shows, loaded into libharu from memory (load_subset), and then libharu 2.3.0's font
 * objects are adjusted (docs/libharu-notes.md §4, §5):
 *  - /W is rebuilt with HPDF_TTFontDef_GetCharWidth for every code point
 *    used. Besides giving the widths, that call is what marks a glyph (and a
 *    composite's components) as used; libharu's glyf rewrite empties every
 *    unmarked glyph, and raw TJ text never goes through libharu's measuring;
 *  - /CIDToGIDMap is cut to the highest code point used: libharu always
 *    writes all 65,535 entries (131 KB, ~1 KB deflated per font);
 *  - /ToUnicode is a CID CMap that poppler warns about: replaced by a bfchar
 *    CMap of the code points used;
 *  - the subset tag is "HPDFAA"-style, counted per document: replaced by one
 *    derived from the subset's contents, as PDF 32000 §9.6.4 intends. */
#include "pdf_internal.h"

#include <hpdf_doc.h>
#include <hpdf_encoder.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#if HPDF_MAJOR_VERSION != 2 || HPDF_MINOR_VERSION < 3
#error "the font repairs depend on libharu 2.3's internal structures"
#endif

#define BMP_BYTES (65536 / 8)

static bool is_used(const pdf_font *pf, uint32_t cp)
{
    return pf->used[cp >> 3] & (1u << (cp & 7));
}

pdf_font *pdf_font_of(pdf_ctx *c, const font_face *face)
{
    for (size_t i = 0; i < c->n_fonts; i++)
        if (c->fonts[i].face == face)
            return &c->fonts[i];
    /* Distinct faces on the same file (two roles, one family) share one
     * embedding: libharu would otherwise merge them by name and drop the
     * second subset's glyphs. */
    for (size_t i = 0; i < c->n_fonts; i++)
        if (strcmp(font_face_path(c->fonts[i].face), font_face_path(face)) == 0 &&
            strcmp(font_face_postscript(c->fonts[i].face), font_face_postscript(face)) == 0)
            return &c->fonts[i];
    return NULL;
}

static void describe_char(vb_buf *b, uint32_t cp)
{
    vb_buf_clear(b);
    if (cp > 0x20 && cp != 0x7F && !(cp >= 0x80 && cp < 0xA0)) {
        vb_buf_puts(b, "\"");
        vb_buf_put_cp(b, cp);
        vb_buf_puts(b, "\" ");
    }
    vb_buf_printf(b, "(U+%04X)", (unsigned)cp);
}

/* The code points of every text item of a page or a layer (`what` names it). */
static bool collect_items(pdf_ctx *c, const vb_page *pg, const char *what, size_t no)
{
    for (size_t k = 0; k < pg->n_items; k++) {
        const page_item *it = &pg->items[k];
        if (it->kind != ITEM_TEXT)
            continue;
        const font_face *face = it->u.text.face;
        const char *s = it->u.text.utf8;
        if (!face || !s) {
            vb_error_io(c->d, NULL, "lỗi nội bộ: đoạn chữ ở %s %zu thiếu phông hoặc nội dung",
                        what, no);
            return false;
        }
        pdf_font *pf = pdf_font_of(c, face);
        if (!pf) {
            pdf_font nf = {.face = face, .used = vb_xcalloc(1, BMP_BYTES)};
            VB_PUSH(c->fonts, c->n_fonts, c->cap_fonts, nf);
            pf = &c->fonts[c->n_fonts - 1];
        }
        size_t len = strlen(s), i = 0;
        while (i < len) {
            uint32_t cp;
            size_t n = vb_utf8_decode(s + i, len - i, &cp);
            if (n == 0) {
                vb_error(c->d, NULL, 0, 0, "văn bản ở %s %zu không phải UTF-8 hợp lệ (byte 0x%02X)",
                         what, no, (unsigned)(unsigned char)s[i]);
                return false;
            }
            if (cp > 0xFFFF) {
                describe_char(&c->scratch, cp);
                vb_error(c->d, NULL, 0, 0,
                         "ký tự %s nằm ngoài mặt phẳng cơ bản của Unicode; phông %s không in "
                         "được ký tự này trong PDF",
                         c->scratch.data, font_face_family(face));
                return false;
            }
            if (!font_face_has(face, cp)) {
                describe_char(&c->scratch, cp);
                vb_error(c->d, NULL, 0, 0,
                         "ký tự %s không có trong phông %s (kiểu %s); bỏ ký tự này hoặc "
                         "chọn họ phông khác bằng --font-family",
                         c->scratch.data, font_face_family(face),
                         font_style_name(font_face_style(face)));
                return false;
            }
            pf->used[cp >> 3] |= (uint8_t)(1u << (cp & 7));
            if (cp > pf->max_cp)
                pf->max_cp = cp;
            i += n;
        }
    }
    return true;
}

bool pdf_fonts_collect(pdf_ctx *c, const page_doc *doc)
{
    for (size_t l = 0; l < doc->n_layers; l++)
        if (!collect_items(c, &doc->layers[l], "lớp vẽ dùng chung", l + 1))
            return false;
    for (size_t p = 0; p < doc->n_pages; p++)
        if (!collect_items(c, &doc->pages[p], "trang", p + 1))
            return false;
    return true;
}

/* A subset tag (six capital letters) from the font name and the code points:
 * the same subset always gets the same tag, different subsets almost never. */
static void subset_tag(const pdf_font *pf, char tag[7])
{
    uint64_t h = 14695981039346656037ull; /* FNV-1a */
    for (const char *s = font_face_postscript(pf->face); *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    for (size_t i = 0; i < BMP_BYTES; i++)
        h = (h ^ pf->used[i]) * 1099511628211ull;
    for (int k = 0; k < 6; k++) {
        tag[k] = (char)('A' + h % 26);
        h /= 26;
    }
    tag[6] = '\0';
}

/* The subset into libharu without a file. libharu 2.3.0 reads TrueType only
 * from a file (HPDF_LoadTTFontFromFile), but its loader takes any stream, so
 * this does what that function does with a memory stream instead: a full or
 * read-only TMPDIR cannot stop a render, and the font's tables are not read
 * back with a seek system call each (1,300 of them for the 2023 report). The
 * memory stream is one block a byte longer than the font: libharu's seek to
 * an offset that is a multiple of the block size past the last block fails.
 * The subset tag is left to pdf_fonts_load. Returns the font's name. */
static const char *load_subset(pdf_ctx *c, const vb_buf *ttf)
{
    if (ttf->len >= (size_t)INT32_MAX)
        return NULL; /* no subset is this big; reported by the caller like any failure */
    HPDF_MMgr mmgr = c->pdf->mmgr;
    HPDF_Stream st = HPDF_MemStream_New(mmgr, (HPDF_UINT)ttf->len + 1);
    if (!st)
        return NULL;
    if (HPDF_Stream_Write(st, (const HPDF_BYTE *)ttf->data, (HPDF_UINT)ttf->len) != HPDF_OK) {
        HPDF_Stream_Free(st);
        return NULL;
    }
    HPDF_FontDef def = HPDF_TTFontDef_Load(mmgr, st, HPDF_TRUE); /* owns st, even on failure */
    if (!def)
        return NULL;
    HPDF_FontDef same = HPDF_Doc_FindFontDef(c->pdf, def->base_font);
    if (same) {
        HPDF_FontDef_Free(def);
        return same->base_font;
    }
    if (HPDF_Doc_RegisterFontDef(c->pdf, def) != HPDF_OK) /* frees def on failure */
        return NULL;
    return def->base_font;
}

/* libharu records a loader's failure without calling the error handler
 * (HPDF_LoadTTFontFromFile did that with HPDF_CheckError): hand it over,
 * then say what a clerk can do. A font whose licence forbids embedding
 * (OS/2 fsType) is the one case a real font hits. */
static void report_load_failure(pdf_ctx *c, const pdf_font *pf)
{
    HPDF_STATUS code = HPDF_GetError(c->pdf);
    /* the memory stream, the font's tables: "libharu không đọc được tập
     * con" (exit 1) for a font that was fine */
    pdf_check_memory(code);
    c->error = 0;
    HPDF_ResetError(c->pdf);
    const font_face *f = pf->face;
    if (code == HPDF_TTF_CANNOT_EMBEDDING_FONT)
        vb_error(c->d, font_face_path(f), 0, 0,
                 "giấy phép của phông %s (kiểu %s) không cho nhúng vào PDF; chọn họ phông "
                 "khác bằng --font-family",
                 font_face_family(f), font_style_name(font_face_style(f)));
    else
        vb_error(c->d, font_face_path(f), 0, 0,
                 "libharu không đọc được tập con của phông %s (kiểu %s) (mã lỗi 0x%04X); "
                 "chọn họ phông khác bằng --font-family",
                 font_face_family(f), font_style_name(font_face_style(f)), (unsigned)code);
}

/* /W for exactly the code points used, with libharu's own width function so
 * the numbers equal what font_face_advance measured, and so that libharu
 * marks the glyphs as used (see the top of this file). */
static void fix_widths(pdf_ctx *c, pdf_font *pf, HPDF_FontAttr fa)
{
    HPDF_MMgr mmgr = c->pdf->mmgr;
    HPDF_Dict desc = fa->descendant_font;
    HPDF_Array w = HPDF_Dict_GetItem(desc, "W", HPDF_OCLASS_ARRAY);
    if (w) {
        HPDF_Array_Clear(w);
    } else {
        w = HPDF_Array_New(mmgr);
        HPDF_Dict_Add(desc, "W", w);
    }
    HPDF_Array run = NULL;
    uint32_t next = 0;
    for (uint32_t cp = 0; cp <= pf->max_cp; cp++) {
        if (!is_used(pf, cp))
            continue;
        HPDF_INT16 width = HPDF_TTFontDef_GetCharWidth(fa->fontdef, (HPDF_UINT16)cp);
        if (!run || cp != next) {
            HPDF_Array_AddNumber(w, (HPDF_INT32)cp);
            run = HPDF_Array_New(mmgr);
            HPDF_Array_Add(w, run);
        }
        HPDF_Array_AddNumber(run, width);
        next = cp + 1;
    }
}

static void fix_cid_to_gid(pdf_ctx *c, pdf_font *pf, HPDF_FontAttr fa)
{
    if (!fa->map_stream) {
        fa->map_stream = HPDF_DictStream_New(c->pdf->mmgr, c->pdf->xref);
        HPDF_Dict_Add(fa->descendant_font, "CIDToGIDMap", fa->map_stream);
    }
    HPDF_Stream st = fa->map_stream->stream;
    HPDF_MemStream_FreeData(st);
    HPDF_BYTE chunk[4096];
    size_t n = 0;
    for (uint32_t cp = 0; cp <= pf->max_cp; cp++) {
        HPDF_UINT16 gid = is_used(pf, cp) ? HPDF_TTFontDef_GetGlyphid(fa->fontdef, (HPDF_UINT16)cp) : 0;
        chunk[n++] = (HPDF_BYTE)(gid >> 8);
        chunk[n++] = (HPDF_BYTE)gid;
        if (n == sizeof chunk) {
            HPDF_Stream_Write(st, chunk, (HPDF_UINT)n);
            n = 0;
        }
    }
    if (n)
        HPDF_Stream_Write(st, chunk, (HPDF_UINT)n);
}

/* A ToUnicode CMap as PDF 32000 §9.10.3 describes: one bfchar line per code
 * point used, in blocks of at most 100. No bfrange: Ghostscript 10.0 decodes
 * two-byte bfrange destinations wrongly (notes §4). */
static void fix_to_unicode(pdf_ctx *c, pdf_font *pf, HPDF_FontAttr fa)
{
    HPDF_Dict cm = fa->cmap_stream;
    static const char *const stale[] = {"Type", "CMapName", "CIDSystemInfo", "WMode", "UseCMap"};
    for (size_t i = 0; i < sizeof stale / sizeof stale[0]; i++)
        HPDF_Dict_RemoveElement(cm, stale[i]);
    vb_buf *b = &c->scratch;
    vb_buf_clear(b);
    vb_buf_puts(b, "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
                   "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                   "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
                   "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
    uint32_t block[100];
    size_t nb = 0;
    for (uint32_t cp = 0; cp <= pf->max_cp + 1; cp++) {
        bool last = cp == pf->max_cp + 1;
        if (!last && is_used(pf, cp))
            block[nb++] = cp;
        if (nb == 100 || (last && nb)) {
            vb_buf_printf(b, "%zu beginbfchar\n", nb);
            for (size_t i = 0; i < nb; i++) {
                /* "<XXXX> <XXXX>\n" by hand: printf twice per code point was
                 * most of this function's cost. */
                static const char hex[] = "0123456789ABCDEF";
                char line[15] = "<0000> <0000>\n";
                for (int k = 0; k < 4; k++)
                    line[4 - k] = line[11 - k] = hex[(block[i] >> (4 * k)) & 0xF];
                vb_buf_append(b, line, sizeof line - 1);
            }
            vb_buf_puts(b, "endbfchar\n");
            nb = 0;
        }
    }
    vb_buf_puts(b, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    HPDF_MemStream_FreeData(cm->stream);
    HPDF_Stream_Write(cm->stream, (const HPDF_BYTE *)b->data, (HPDF_UINT)b->len);
}

/* HPDF_GetFont builds a Type0 font's /W and /CIDToGIDMap by looking up the
 * glyph of every code point: for an encoder whose to_unicode_fn is
 * not libharu's generic HPDF_CMapEncoder_ToUnicode (the UTF-8 encoder) all
 * 65,536, each a linear search of the font's cmap segments — a third of the
 * time of a short document, for two maps that fix_widths and fix_cid_to_gid
 * replace anyway. With the generic function it takes the code points from
 * the encoder's cid_map. So for the call the UTF-8 encoder shows the generic
 * to_unicode_fn and attributes whose cid_map holds exactly this
 * font's code points (CID = code point, as the UTF-8 encoder has it), and
 * gets its own back after: nothing else runs in between, and every later
 * use (metadata strings) sees the encoder as it was. The font's /Encoding
 * does not depend on either (libharu 2.3.0 decides it by the ordering). */
/* Puts the font's code points in the stand-in's maps (CID = code point), or
 * takes them out again. */
static void narrow_maps(HPDF_CMapEncoderAttr m, const pdf_font *pf, bool put)
{
    for (uint32_t cp = 1; cp <= pf->max_cp && cp < 65536; cp++)
        if (is_used(pf, cp)) {
            m->cid_map[cp >> 8][cp & 0xFF] = put ? (HPDF_UINT16)cp : 0;
            m->unicode_map[cp >> 8][cp & 0xFF] = put ? (HPDF_UNICODE)cp : 0;
        }
}

static HPDF_Font get_font_narrowed(pdf_ctx *c, const pdf_font *pf, const char *name,
                                   HPDF_CMapEncoderAttr *mine)
{
    HPDF_Encoder enc = HPDF_GetEncoder(c->pdf, "UTF-8");
    if (!enc || enc->type != HPDF_ENCODER_TYPE_DOUBLE_BYTE || !enc->attr)
        return HPDF_GetFont(c->pdf, name, "UTF-8");
    /* A stand-in for the encoder's attributes: the maps hold only this
     * font's code points, the rest (registry, ordering, writing mode,
     * ranges) is the encoder's own. One stand-in serves every font of the
     * document, its 256 KB zeroed once: each font's entries are taken out
     * after its call. */
    HPDF_CMapEncoderAttr own_attr = (HPDF_CMapEncoderAttr)enc->attr;
    if (!*mine)
        *mine = vb_xcalloc(1, sizeof **mine);
    size_t maps = offsetof(HPDF_CMapEncoderAttr_Rec, jww_line_head);
    memcpy((char *)*mine + maps, (const char *)own_attr + maps, sizeof **mine - maps);
    narrow_maps(*mine, pf, true);
    HPDF_Encoder_ToUnicode_Func own_fn = enc->to_unicode_fn;
    enc->attr = *mine;
    enc->to_unicode_fn = HPDF_CMapEncoder_ToUnicode;
    HPDF_Font font = HPDF_GetFont(c->pdf, name, "UTF-8");
    enc->attr = own_attr;
    enc->to_unicode_fn = own_fn;
    narrow_maps(*mine, pf, false);
    return font;
}

bool pdf_fonts_load(pdf_ctx *c)
{
    vb_buf ttf;
    vb_buf_init(&ttf);
    HPDF_CMapEncoderAttr narrow = NULL;
    bool ok = true;
    for (size_t i = 0; ok && i < c->n_fonts; i++) {
        pdf_font *pf = &c->fonts[i];
        uint32_t *cps = vb_xmalloc(sizeof *cps * (pf->max_cp + 1));
        size_t n = 0;
        for (uint32_t cp = 0; cp <= pf->max_cp; cp++)
            if (is_used(pf, cp))
                cps[n++] = cp;
        ok = font_face_subset(pf->face, cps, n, &ttf, c->d);
        free(cps);
        if (!ok)
            break;
        const char *name = load_subset(c, &ttf);
        if (!name) {
            report_load_failure(c, pf);
            ok = false;
            break;
        }
        if (!pdf_ok(c, "nạp phông")) {
            ok = false;
            break;
        }
        pf->font = get_font_narrowed(c, pf, name, &narrow);
        if (!pf->font || !pdf_ok(c, "nạp phông")) {
            ok = false;
            break;
        }
        HPDF_FontAttr fa = (HPDF_FontAttr)pf->font->attr;
        char tag[7];
        subset_tag(pf, tag);
        HPDF_TTFontDef_SetTagName(fa->fontdef, tag);
        fix_widths(c, pf, fa);
        fix_cid_to_gid(c, pf, fa);
        fix_to_unicode(c, pf, fa);
        ok = pdf_ok(c, "sửa bảng phông");
    }
    vb_buf_free(&ttf);
    free(narrow);
    return ok;
}

void pdf_fonts_free(pdf_ctx *c)
{
    for (size_t i = 0; i < c->n_fonts; i++)
        free(c->fonts[i].used);
    free(c->fonts);
    c->fonts = NULL;
    c->n_fonts = 0;
}
