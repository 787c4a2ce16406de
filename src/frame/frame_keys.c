/* The front-matter fields vanban itself reads (the frames, the certificate,
 * the document's metadata), whether or not a template writes them: `--set`
 * may give any of these, or any field the template has. The list is the one
 * the field tables of docs/huong-dan.md and docs/giay-khen.md document;
 * tests/unit/test_frame_keys.c checks that each documented field is here. */
#include "frame.h"
#include "tmpl/tmpl.h"

#include <stdlib.h>
#include <string.h>

/* Which frames read a field: a --set the document's frame does not read was
 * accepted and silently ignored ("--set vien=goc" on an official document). */
enum { P = 1 << FRAME_PLAIN, O = 1 << FRAME_OFFICIAL, C = 1 << FRAME_CERTIFICATE };
static const struct known_key {
    const char *name;
    unsigned frames;
    bool format; /* the printed page's format: --set gives it to attachments too */
} known[] = {
    /* sorted (strcmp). trich_yeu and co_quan_ban_hanh are also a plain
     * document's title and author when it has none. */
    {"author", P | O | C, false},     {"bieu_tuong", C, false},
    {"chuc_vu", O | C, false},        {"co_chu", P | O, true},
    {"co_quan_ban_hanh", P | O, false}, {"co_quan_chu_quan", O, false},
    {"danh_xung", C, false},          {"dia_danh", O | C, false},
    {"don_vi", C, false},             {"each", C, false},
    {"frame", P | O | C, false},      {"giai", C, false},
    {"gian_dong", P | O, true},       {"huong", P | O | C, false},
    {"in_san", C, false},             {"kem_theo", P | O, false},
    {"keywords", P | O, false},       {"kho_giay", P | O | C, false},
    {"kinh_gui", O, false},           {"lang", P | O, false},
    {"le_duoi", P | O, true},         {"le_phai", P | O, true},
    {"le_trai", P | O, true},         {"le_tren", P | O, true},
    {"mau_nguoi_nhan", C, false},     {"mau_ten_loai", C, false},
    {"mau_vien", C, false},           {"nen", C, false},
    {"ngay", O | C, false},           {"nguoi_ky", O | C, false},
    {"nguoi_nhan", C, false},         {"noi_nhan", O, false},
    {"quoc_hieu", O | C, false},      {"quyen_han", O | C, false},
    {"quyet_dinh", C, false},         {"so_ky_hieu", O, false},
    {"so_tien", C, false},            {"so_vao_so", C, false},
    {"subject", P | O, false},        {"tang", C, false},
    {"ten_loai", O | C, false},       {"tham_quyen", C, false},
    {"thanh_tich", C, false},         {"tieu_ngu", O | C, false},
    {"title", P | O | C, false},      {"tone", P | O | C, true},
    {"trich_yeu", P | O, false},      {"vien", C, false},
};

static int by_name(const void *key, const void *elem)
{
    return strcmp((const char *)key, ((const struct known_key *)elem)->name);
}

static const struct known_key *find(const char *key)
{
    return bsearch(key, known, sizeof known / sizeof *known, sizeof *known, by_name);
}

bool frame_key_known(const char *key)
{
    return find(key) != NULL;
}

bool frame_key_read_by(frame_kind kind, const char *key)
{
    const struct known_key *k = find(key);
    return k && (k->frames & (1u << kind));
}

bool frame_key_is_format(const char *key)
{
    const struct known_key *k = find(key);
    return k && k->format;
}

void frame_key_readers(vb_buf *out, const char *key)
{
    const struct known_key *k = find(key);
    static const char *const names[] = {
        [FRAME_PLAIN] = "tài liệu thường (frame: plain)",
        [FRAME_OFFICIAL] = "văn bản hành chính (frame: official)",
        [FRAME_CERTIFICATE] = "giấy khen (frame: certificate)",
    };
    bool first = true;
    for (int f = FRAME_PLAIN; k && f <= FRAME_CERTIFICATE; f++)
        if (k->frames & (1u << f)) {
            vb_buf_puts(out, first ? "" : " hoặc ");
            vb_buf_puts(out, names[f]);
            first = false;
        }
}

/* The fields vanban reads as lists; every other field it reads is one
 * value, and a list there ("frame: [official]") would be read as absent. */
static bool list_field(const char *key)
{
    static const char *const lists[] = {"in_san", "kem_theo", "kinh_gui", "noi_nhan"};
    for (size_t i = 0; i < sizeof lists / sizeof *lists; i++)
        if (!strcmp(key, lists[i]))
            return true;
    return false;
}

bool frame_check_field_shapes(const front_matter *fm, const char *path, vb_diag *d)
{
    bool ok = true;
    for (size_t i = 0; i < fm->n; i++) {
        const fm_entry *e = &fm->entries[i];
        if (e->is_list && frame_key_known(e->key) && !list_field(e->key)) {
            vb_error(d, path, e->line, e->col,
                     "%s: cần một giá trị, không phải danh sách (bỏ [ ] hoặc dấu - đầu dòng)",
                     e->key);
            ok = false;
        }
    }
    return ok;
}
