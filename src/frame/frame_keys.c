/* The front-matter fields vanban itself reads (the frames, the certificate,
 * the document's metadata), whether or not a template writes them: `--set`
 * may give any of these, or any field the template has. The list is the one
 * the field tables of docs/huong-dan.md and docs/giay-khen.md document;
 * tests/unit/test_frame_keys.c checks that each documented field is here. */
#include "frame.h"
#include "tmpl/tmpl.h"

#include <stdlib.h>
#include <string.h>

static const char *const known[] = { /* sorted (strcmp) */
    "author", "bieu_tuong", "chuc_vu", "co_chu", "co_quan_ban_hanh", "co_quan_chu_quan",
    "danh_xung", "dia_danh", "don_vi", "each", "frame", "giai", "gian_dong", "huong", "in_san",
    "kem_theo", "keywords", "kho_giay", "kinh_gui", "lang", "le_duoi", "le_phai", "le_trai",
    "le_tren", "mau_nguoi_nhan", "mau_ten_loai", "mau_vien", "nen", "ngay", "nguoi_ky",
    "nguoi_nhan", "noi_nhan", "quoc_hieu", "quyen_han", "quyet_dinh", "so_ky_hieu", "so_tien",
    "so_vao_so", "subject", "tang", "ten_loai", "tham_quyen", "thanh_tich", "tieu_ngu", "title",
    "tone", "trich_yeu", "vien",
};

static int by_name(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

bool frame_key_known(const char *key)
{
    return bsearch(&key, known, sizeof known / sizeof *known, sizeof *known, by_name) != NULL;
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
