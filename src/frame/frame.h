/* frame: page furniture and the typographic settings a kind of document
 * implies. The layout engine reads a frame_spec and calls the frame to draw
 * what is not flowing text (page numbers now; the Decree 30 header and the
 * certificate border later). */
#ifndef VANBAN_FRAME_H
#define VANBAN_FRAME_H

#include "font/font.h"
#include "layout/page.h"

#include <stdbool.h>

#define MM_TO_PT(mm) ((mm) * 72.0 / 25.4)

typedef enum frame_kind { FRAME_PLAIN, FRAME_OFFICIAL, FRAME_CERTIFICATE } frame_kind;

/* The furniture of a Decree 30 document (docs/nd30-format.md), as the
 * front-matter fields of the reference transcriptions name it. NULL or an
 * empty list: not printed. A "\n" in a value is a forced line break. */
typedef struct official_fields {
    const char *quoc_hieu;        /* CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM */
    const char *tieu_ngu;         /* Độc lập - Tự do - Hạnh phúc */
    const char *co_quan_chu_quan; /* UBND TỈNH SÓC TRĂNG (upright caps) */
    const char *co_quan_ban_hanh; /* SỞ NỘI VỤ (bold caps) */
    const char *so_ky_hieu;       /* 56/KH-SNV, printed "Số: 56/KH-SNV" */
    const char *dia_danh_ngay;    /* "Sóc Trăng, ngày 18 tháng 7 năm 2023" (italic) */
    const char *ten_loai;         /* KẾ HOẠCH */
    const char *trich_yeu;        /* bold, centred, rule under it */
    const char **kinh_gui;        /* one or several recipients */
    size_t n_kinh_gui;
    const char *quyen_han;        /* KT. GIÁM ĐỐC */
    const char *chuc_vu;          /* PHÓ GIÁM ĐỐC */
    const char *nguoi_ky;         /* the signer's name */
    const char **noi_nhan;        /* items without their "- " */
    size_t n_noi_nhan;
} official_fields;

typedef enum list_style {
    LIST_HANGING,      /* web-like: marker in the margin of an indented block (plain) */
    LIST_FIRST_INDENT, /* Vietnamese official: marker at the first-line indent,
                          following lines back at the left margin */
} list_style;

typedef enum page_number_pos { PAGENUM_NONE, PAGENUM_BOTTOM_CENTER, PAGENUM_TOP_CENTER } page_number_pos;

typedef struct frame_spec {
    frame_kind kind;
    double page_w, page_h;                       /* points, in the document's orientation */
    double margin_top, margin_bottom, margin_left, margin_right;
    double body_size;                            /* points */
    double line_spacing;                         /* baseline distance / body size */
    double para_space;                           /* points between paragraphs */
    double first_indent;                         /* points */
    bool justify;
    list_style lists;
    double list_indent;                          /* hanging lists: indent per level */
    double heading_size[6];                      /* levels 1–6 */
    bool heading_center[6];
    unsigned heading_style[6];                   /* md_style bits (bold, italic) */
    bool heading_indent;                         /* headings start at the first-line indent */
    bool heading_page_break;                     /* a level-1 heading starts a new page
                                                    (official: Phụ lục, Phần) */
    bool italic_can_cu;                          /* "Căn cứ …" paragraphs before the first
                                                    heading are italic (official) */
    double footnote_size;
    double table_size;
    double table_min_size;                       /* a table whose columns cannot hold its widest
                                                    words at table_size is set smaller, down to
                                                    this, before a word is split (layout/table.c) */
    page_number_pos page_numbers;
    double page_number_size;
    bool number_first_page;
    const official_fields *official;             /* FRAME_OFFICIAL: the header and closing */
} frame_spec;

/* One page of a document in one orientation: paper size and margins, in
 * points. A document is set in its own orientation (huong) and may turn some
 * pages ("<!-- vanban: ngang -->" / "dọc"); "ngang" always means a landscape
 * page and "dọc" a portrait one, whatever the document's orientation. */
typedef struct page_geom {
    double w, h;
    double top, bottom, left, right;
} page_geom;

/* Whether the document's own pages are landscape (huong: ngang). */
bool frame_landscape(const frame_spec *f);

/* The geometry of a landscape (true) or portrait page of document `f`. */
page_geom frame_page_geom(const frame_spec *f, bool landscape);

/* The plain frame: A4 portrait, 20/20/30/15 mm margins like official
 * documents, 13 pt justified text, hanging-indent lists, page numbers at the
 * bottom centre. */
void frame_plain(frame_spec *f);

/* The Decree 30 official frame: A4 portrait, margins 20/20/30/15 mm, 14 pt
 * justified body with a 1.27 cm first-line indent, 6 pt between paragraphs,
 * lists with the marker at the first-line indent, page numbers top centre
 * from page 2. The fields are set separately (frame_settings). */
void frame_official(frame_spec *f);

/* Applies a template's front matter: `frame:` (plain, official), page
 * settings within the decree's ranges (kho_giay: A4, and A3 or A5 for a
 * plain document; huong: doc|ngang;
 * le_tren/le_duoi/le_trai/le_phai in mm; co_chu 13|14; gian_dong 1–1.5),
 * and for the official frame its fields (strings in `a`). A value out of
 * range is reported at its front-matter line. */
struct front_matter;
bool frame_from_front_matter(frame_spec *f, official_fields *of, const struct front_matter *fm,
                             const char *path, vb_arena *a, vb_diag *d);

/* Draws the frame's furniture on a finished page (page numbers). */
/* Whether vanban reads front-matter field `key` itself (frame_keys.c), so
 * that `--set` may give it to a template that does not write it. */
bool frame_key_known(const char *key);
/* Whether a document of that frame reads `key`: a --set of a field only
 * another frame reads would be silently ignored. */
bool frame_key_read_by(frame_kind kind, const char *key);
/* Whether `key` is part of the printed page's format (co_chu, gian_dong,
 * margins, tone), which --set gives to a document's attachments too. */
bool frame_key_is_format(const char *key);
/* Appends the kinds of document that read `key` ("giấy khen (frame:
 * certificate)"), for messages. */
void frame_key_readers(vb_buf *out, const char *key);

/* One value where vanban reads one value: a list in such a field ("frame:
 * [official]", "co_chu: [13]") is an error at its place, not a field
 * silently absent. Reports every such field; false if any. */
bool frame_check_field_shapes(const struct front_matter *fm, const char *path, vb_diag *d);

void frame_decorate(const frame_spec *f, page_doc *doc, vb_page *pg, size_t index,
                    font_face *regular);

#endif
