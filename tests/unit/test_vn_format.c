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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(casing),
        cmocka_unit_test(display_width),
        cmocka_unit_test(slug),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
