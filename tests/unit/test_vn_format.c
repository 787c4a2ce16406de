/* The Vietnamese helpers of vn.h §"casing, collation, formatting, width":
 * every expected string below was written by hand from the rules in
 * docs/vietnamese-conventions.md, not copied from the code's output. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "vn/vn.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

typedef void (*str_fn)(vb_buf *, const char *, size_t);

static void check_str(const char *what, str_fn fn, const char *in, size_t in_len,
                      const char *want)
{
    vb_buf b;
    vb_buf_init(&b);
    vb_buf_puts(&b, "«"); /* the helpers append: what was there stays */
    fn(&b, in, in_len);
    if (strncmp(b.data, "«", strlen("«")) != 0 || strcmp(b.data + strlen("«"), want) != 0)
        fail_msg("%s(\"%s\"): got \"%s\", want \"%s\"", what, in, b.data + strlen("«"), want);
    vb_buf_free(&b);
}

/* ---- case --------------------------------------------------------------- */

static void casing(void **state)
{
    (void)state;
    static const struct { const char *in, *upper, *lower, *title; } cases[] = {
        {"NGUYỄN THỊ MỸ HẠNH", "NGUYỄN THỊ MỸ HẠNH", "nguyễn thị mỹ hạnh", "Nguyễn Thị Mỹ Hạnh"},
        {"đặng", "ĐẶNG", "đặng", "Đặng"},
        {"ĐẶNG THÀNH NAM", "ĐẶNG THÀNH NAM", "đặng thành nam", "Đặng Thành Nam"},
        {"ủy ban nhân dân tỉnh sóc trăng", "ỦY BAN NHÂN DÂN TỈNH SÓC TRĂNG",
         "ủy ban nhân dân tỉnh sóc trăng", "Ủy Ban Nhân Dân Tỉnh Sóc Trăng"},
        {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
         "cộng hòa xã hội chủ nghĩa việt nam", "Cộng Hòa Xã Hội Chủ Nghĩa Việt Nam"},
        {"ương ưng ơn ằ ẵ ỹ", "ƯƠNG ƯNG ƠN Ằ Ẵ Ỹ", "ương ưng ơn ằ ẵ ỹ", "Ương Ưng Ơn Ằ Ẵ Ỹ"},
        {"lê văn ưng", "LÊ VĂN ƯNG", "lê văn ưng", "Lê Văn Ưng"},
        /* spaces kept; a hyphen or other non-letter starts a new word;
         * digits belong to the word */
        {"  trần   thủy ", "  TRẦN   THỦY ", "  trần   thủy ", "  Trần   Thủy "},
        {"nguyễn-văn a", "NGUYỄN-VĂN A", "nguyễn-văn a", "Nguyễn-Văn A"},
        {"lớp 10a1, tổ 2", "LỚP 10A1, TỔ 2", "lớp 10a1, tổ 2", "Lớp 10a1, Tổ 2"},
        {"(sở nội vụ)", "(SỞ NỘI VỤ)", "(sở nội vụ)", "(Sở Nội Vụ)"},
        /* decomposed in, NFC out: đ a dot-below breve n g */
        {"\u0111a\u0323\u0306ng", "ĐẶNG", "đặng", "Đặng"},
        {"ho\u0300a bi\u0300nh", "HÒA BÌNH", "hòa bình", "Hòa Bình"},
        /* marks typed in the other order still end as one letter */
        {"to\u0301\u0302t", "TỐT", "tốt", "Tốt"},
        {"", "", "", ""},
    };
    for (size_t i = 0; i < N_OF(cases); i++) {
        size_t n = strlen(cases[i].in);
        check_str("vn_upper", vn_upper, cases[i].in, n, cases[i].upper);
        check_str("vn_lower", vn_lower, cases[i].in, n, cases[i].lower);
        check_str("vn_title", vn_title, cases[i].in, n, cases[i].title);
    }
    check_str("vn_upper", vn_upper, "a\xff" "b", 3, "A\uFFFDB");
}

/* ---- display width ------------------------------------------------------- */

static void display_width(void **state)
{
    (void)state;
    static const struct { const char *s; size_t w; } cases[] = {
        {"", 0},
        {"Nguyễn", 6},
        {"Nguye\u0302\u0303n", 6}, /* decomposed: the marks take no column */
        {"Sở Nội vụ", 9},
        {"83,64%", 6},
        {"Hạng Nhất", 9},
        {"日本", 4},                 /* wide */
        {"a\tb", 2},                 /* controls take none */
        {"\xff", 1},                 /* an invalid byte shows as U+FFFD */
    };
    for (size_t i = 0; i < N_OF(cases); i++) {
        size_t got = vn_display_width(cases[i].s, strlen(cases[i].s));
        if (got != cases[i].w)
            fail_msg("vn_display_width(\"%s\") = %zu, want %zu", cases[i].s, got, cases[i].w);
    }
}

/* ---- slug ---------------------------------------------------------------- */

static void slug(void **state)
{
    (void)state;
    static const struct { const char *in, *want; } cases[] = {
        {"Đặng Thành Nam", "dang-thanh-nam"},
        {"ĐỖ ĐỨC ĐẠT", "do-duc-dat"},
        {"  Báo cáo kết quả (2023)!  ", "bao-cao-ket-qua-2023"},
        {"Hội thi -- Sở Nội vụ", "hoi-thi-so-noi-vu"},
        {"Quý I/2024", "quy-i-2024"},
        {"Ưu tiên ưu đãi", "uu-tien-uu-dai"},
        {"Thu\u0309y", "thuy"},   /* decomposed */
        {"ﬁle Ｖｉệｔ", "file-viet"}, /* compatibility forms fold too */
        {"KH-SNV_56", "kh-snv-56"},
        {"日本 ABC", "abc"},
        {"", "x"},
        {"!!!", "x"},
        {"日本", "x"},
    };
    for (size_t i = 0; i < N_OF(cases); i++)
        check_str("vn_slug", vn_slug, cases[i].in, strlen(cases[i].in), cases[i].want);
}

/* ---- collation ------------------------------------------------------------ */

static int key_cmp(const vb_buf *a, const vb_buf *b)
{
    size_t n = a->len < b->len ? a->len : b->len;
    int r = memcmp(a->data, b->data, n);
    if (r == 0)
        r = a->len < b->len ? -1 : a->len > b->len;
    return r < 0 ? -1 : r > 0;
}

/* vn_collate and the sort keys (memcmp and strcmp) agree on a and b. */
static int compare_both(const char *a, const char *b)
{
    vb_buf ka, kb;
    vb_buf_init(&ka);
    vb_buf_init(&kb);
    vn_sort_key(&ka, a, strlen(a));
    vn_sort_key(&kb, b, strlen(b));
    assert_int_equal(strlen(ka.data), ka.len); /* no NUL byte inside a key */
    int by_key = key_cmp(&ka, &kb);
    int by_str = strcmp(ka.data, kb.data);
    by_str = by_str < 0 ? -1 : by_str > 0;
    int direct = vn_collate(a, b);
    if (by_key != direct || by_str != direct)
        fail_msg("\"%s\" vs \"%s\": vn_collate %d, key memcmp %d, key strcmp %d", a, b, direct,
                 by_key, by_str);
    vb_buf_free(&ka);
    vb_buf_free(&kb);
    return direct;
}

static void check_chain(const char *const *chain, size_t n)
{
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < n; j++) {
            int want = i < j ? -1 : i > j;
            int got = compare_both(chain[i], chain[j]);
            if (got != want)
                fail_msg("vn_collate(\"%s\", \"%s\") = %d, want %d", chain[i], chain[j], got,
                         want);
        }
}

static void collation_order(void **state)
{
    (void)state;
    /* Letters then tones: Vietlex's table, one letter a word, strictly rising. */
    static const char *const letters[] = {
        "a", "à", "ả", "ã", "á", "ạ", "ă", "ằ", "ẳ", "ẵ", "ắ", "ặ", "â", "ầ", "ẩ", "ẫ", "ấ", "ậ",
        "b", "c", "d", "đ", "e", "è", "ẻ", "ẽ", "é", "ẹ", "ê", "ề", "ể", "ễ", "ế", "ệ", "f", "g",
        "h", "i", "ì", "ỉ", "ĩ", "í", "ị", "j", "k", "l", "m", "n", "o", "ò", "ỏ", "õ", "ó", "ọ",
        "ô", "ồ", "ổ", "ỗ", "ố", "ộ", "ơ", "ờ", "ở", "ỡ", "ớ", "ợ", "p", "q", "r", "s", "t", "u",
        "ù", "ủ", "ũ", "ú", "ụ", "ư", "ừ", "ử", "ữ", "ứ", "ự", "v", "w", "x", "y", "ỳ", "ỷ", "ỹ",
        "ý", "ỵ", "z",
    };
    check_chain(letters, N_OF(letters));
    /* Vietlex's examples: letters decide before tones ("áng" < "anh": g < h;
     * "ác" < "ách": shorter first), lower case before upper case. */
    static const char *const vietlex[] = {
        "a", "A", "ác", "ách", "áng", "anh", "apatit", "apxe",
    };
    check_chain(vietlex, N_OF(vietlex));
    static const char *const ba[] = {
        "ba", "bà", "bả", "bã", "bá", "bạ", "bác", "bạc", "bách", "hài", "hại",
    };
    check_chain(ba, N_OF(ba));
    /* Word by word: a word is done (letters, then tone) before the next. */
    static const char *const words[] = {
        "cha", "cha mẹ", "chan", "chán", "chăn", "tuân thủ", "tuần chay", "tuần lễ",
    };
    check_chain(words, N_OF(words));
    /* The tricky pairs: Anh < Ảnh < Ánh (hỏi before sắc), case last. */
    static const char *const anh[] = {"anh", "Anh", "ANH", "ảnh", "Ảnh", "ánh", "Ánh", "Ạnh"};
    check_chain(anh, N_OF(anh));
    /* D before Đ, U before Ư, and a whole letter outranks any tone. */
    static const char *const dd[] = {
        "Dũng", "Duy", "Dương", "Đan", "Đạt", "Đức", "Tú", "Tuấn", "Tư", "Uyên", "Ưng",
    };
    check_chain(dd, N_OF(dd));
    static const char *const hoa[] = {"Hoa", "Hòa", "Hỏa", "Hóa", "Họa", "Hoan", "Hoàn"};
    check_chain(hoa, N_OF(hoa));
    /* Digits before letters, one character at a time; punctuation only
     * separates words; letters Vietnamese does not use come after z, a mark
     * it does not use after nặng. */
    static const char *const other[] = {
        "", "1", "10", "2", "Lê A", "Lê-An", "Lê B", "ọ", "ö", "ô", "Tổ 1", "Tổ 10", "Tổ 2",
        "Tổ A", "z", "ß", "日",
    };
    check_chain(other, N_OF(other));
}

static void collation_equal(void **state)
{
    (void)state;
    /* Tone placement, NFC/NFD, mark order, spacing and punctuation-only text
     * do not matter. */
    static const struct { const char *a, *b; } same[] = {
        {"Thủy", "Thuỷ"},
        {"Hòa", "Hoà"},
        {"khỏe", "khoẻ"},
        {"CỘNG HÒA", "CỘNG HOÀ"},
        {"Hòa Bình", "Hoà  Bình"},
        {"Nguyễn", "Nguye\u0302\u0303n"},
        {"Đặng", "\u0110a\u0323\u0306ng"},
        {"tốt", "to\u0301\u0302t"},
        {"", "  "},
        {"", "!?"},
    };
    for (size_t i = 0; i < N_OF(same); i++) {
        if (compare_both(same[i].a, same[i].b) != 0)
            fail_msg("\"%s\" and \"%s\" should collate equal", same[i].a, same[i].b);
        assert_int_equal(compare_both(same[i].b, same[i].a), 0);
    }
}

/* 50 names as a list would hold them (some decomposed, both tone styles),
 * and the order worked out by hand: given name (last word), then family name
 * (first word), then middle names; each word by its letters, then its tone.
 *   Anh: three, all "anh" untoned: family Nguyễn < Trần; the two Nguyễn by
 *        middle name Thị < Văn. Then Ảnh (hỏi), then Ánh (sắc).
 *   Dũng < Duy (n < y) < Dương (u < ư); every D before Đ: Đạt < Đức (a < ư).
 *   Hà < Hạ (huyền < nặng; "ha" is a prefix of the rest) < Hải (i < n)
 *        < Hạnh < Hoa (untoned) < Hoà = Hòa (same word: family Nguyễn < Phạm)
 *        < Hùng < Hưng (u < ư; Nguyễn < Trần).
 *   Mai < Minh (a < i) < My (i < y) < Mỹ (ngã). Nam, Nam: family Dương < Đặng.
 *   Phúc < Phương (u < ư). Quang < Quân (a < â) < Quý (â < y).
 *   Tâm (â < h) < Thảo (a < u) < Thu < Thủy = Thuỷ (family Bùi < Nguyễn)
 *        < Thúy (hỏi < sắc) < Thư (u < ư) < Trang (h < r) < Tú < Tuấn
 *        ("tu" is a prefix of "tuân") < Tư. Uyên < Ưng. Vân < Vy (â < y). */
static const char *const names_in[] = {
    "Nguyễn Thị Mỹ Hạnh", "Trần Văn Anh", "Lê Thị Ánh", "Pha\u0323m Ngo\u0323c A\u0309nh",
    "Nguyễn Văn Anh", "Đặng Thành Nam", "Dương Văn Nam", "Đỗ Thị Lan", "Hoàng Văn Dũng",
    "Nguyễn Đức Duy", "Trương Thị Dương", "Lê Văn Đạt", "Vu\u0303 Minh \u0110u\u031B\u0301c",
    "Bu\u0300i Thi\u0323 Thu\u0309y", "Nguyễn Thị Thuỷ", "Phan Thị Thúy", "Ngô Thị Thu",
    "Lý Minh Thư", "Huỳnh Văn Tú", "Đinh Văn Tư", "Trịnh Thị Uyên",
    "La\u0302m Va\u0306n U\u031Bng", "Phạm Thị Hòa", "Nguyễn Thị Hoà", "Trần Thị Hoa",
    "Nguyễn Thị Anh", "Võ Văn Hùng", "Trần Quốc Hưng", "Nguyễn Văn Hưng", "Đoàn Thị Hà",
    "Doa\u0303n Thi\u0323 Ha\u0323", "Cao Văn Hải", "Tạ Thị Mai", "Nguyễn Văn Minh",
    "Hà Thị My", "Châu Thị Mỹ", "Kiều Thị Oanh", "Mai Văn Phúc", "Quách Thị Phương",
    "Lương Văn Quân", "Giáp Văn Quang", "Âu Thị Quý", "Ông Văn Sơn", "Triệu Thị Tâm",
    "Lạc Thị Thảo", "Chu Thị Trang", "Nguyễn Anh Tuấn", "La Thị Vân", "Hầu Thị Vy",
    "Mạc Thị Yến",
};

static const char *const names_sorted[] = {
    "Nguyễn Thị Anh", "Nguyễn Văn Anh", "Trần Văn Anh", "Phạm Ngọc Ảnh", "Lê Thị Ánh",
    "Hoàng Văn Dũng", "Nguyễn Đức Duy", "Trương Thị Dương", "Lê Văn Đạt", "Vũ Minh Đức",
    "Đoàn Thị Hà", "Doãn Thị Hạ", "Cao Văn Hải", "Nguyễn Thị Mỹ Hạnh", "Trần Thị Hoa",
    "Nguyễn Thị Hoà", "Phạm Thị Hòa", "Võ Văn Hùng", "Nguyễn Văn Hưng", "Trần Quốc Hưng",
    "Đỗ Thị Lan", "Tạ Thị Mai", "Nguyễn Văn Minh", "Hà Thị My", "Châu Thị Mỹ",
    "Dương Văn Nam", "Đặng Thành Nam", "Kiều Thị Oanh", "Mai Văn Phúc", "Quách Thị Phương",
    "Giáp Văn Quang", "Lương Văn Quân", "Âu Thị Quý", "Ông Văn Sơn", "Triệu Thị Tâm",
    "Lạc Thị Thảo", "Ngô Thị Thu", "Bùi Thị Thủy", "Nguyễn Thị Thuỷ", "Phan Thị Thúy",
    "Lý Minh Thư", "Chu Thị Trang", "Huỳnh Văn Tú", "Nguyễn Anh Tuấn", "Đinh Văn Tư",
    "Trịnh Thị Uyên", "Lâm Văn Ưng", "La Thị Vân", "Hầu Thị Vy", "Mạc Thị Yến",
};

struct keyed {
    const char *name;
    vb_buf key;
};

static int keyed_cmp(const void *a, const void *b)
{
    return key_cmp(&((const struct keyed *)a)->key, &((const struct keyed *)b)->key);
}

static void name_order(void **state)
{
    (void)state;
    assert_int_equal(N_OF(names_in), 50);
    assert_int_equal(N_OF(names_sorted), 50);
    struct keyed k[50];
    for (size_t i = 0; i < 50; i++) {
        k[i].name = names_in[i];
        vb_buf_init(&k[i].key);
        vn_name_sort_key(&k[i].key, names_in[i], strlen(names_in[i]));
    }
    qsort(k, 50, sizeof k[0], keyed_cmp);
    for (size_t i = 0; i < 50; i++) {
        char *nfc = vn_normalize(k[i].name, strlen(k[i].name), VN_TONE_KEEP);
        if (strcmp(nfc, names_sorted[i]) != 0)
            fail_msg("name %zu: got \"%s\", want \"%s\"", i + 1, nfc, names_sorted[i]);
        free(nfc);
        if (i > 0 && keyed_cmp(&k[i - 1], &k[i]) == 0) /* no two names tie */
            fail_msg("\"%s\" and \"%s\" have the same key", k[i - 1].name, k[i].name);
    }
    for (size_t i = 0; i < 50; i++)
        vb_buf_free(&k[i].key);
}

static void name_keys(void **state)
{
    (void)state;
    /* The name key is the sort key of the reordered words. */
    static const struct { const char *name, *as; } cases[] = {
        {"Nguyễn Thị Mỹ Hạnh", "Hạnh Nguyễn Thị Mỹ"},
        {"  Trần   Văn Anh ", "Anh Trần Văn"},
        {"Nguyễn Trãi", "Trãi Nguyễn"},
        {"Hạnh", "Hạnh"},
        {"", ""},
    };
    for (size_t i = 0; i < N_OF(cases); i++) {
        vb_buf a, b;
        vb_buf_init(&a);
        vb_buf_init(&b);
        vn_name_sort_key(&a, cases[i].name, strlen(cases[i].name));
        vn_sort_key(&b, cases[i].as, strlen(cases[i].as));
        if (key_cmp(&a, &b) != 0)
            fail_msg("name key of \"%s\" is not the key of \"%s\"", cases[i].name, cases[i].as);
        vb_buf_free(&a);
        vb_buf_free(&b);
    }
    /* Keys are appended to what the buffer holds. */
    vb_buf b;
    vb_buf_init(&b);
    vb_buf_puts(&b, "x");
    vn_sort_key(&b, "a", 1);
    assert_true(b.len > 1 && b.data[0] == 'x');
    vb_buf_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(casing),
        cmocka_unit_test(display_width),
        cmocka_unit_test(slug),
        cmocka_unit_test(collation_order),
        cmocka_unit_test(collation_equal),
        cmocka_unit_test(name_order),
        cmocka_unit_test(name_keys),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
