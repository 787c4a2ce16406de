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
#include <math.h>
#include <stdio.h>
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

/* ---- numbers ------------------------------------------------------------- */

static void numbers(void **state)
{
    (void)state;
    static const struct { double v; int decimals; const char *want; } cases[] = {
        {83.64, 2, "83,64"},
        {83.635, 2, "83,64"},     /* half away from zero on the decimal meant */
        {83.625, 2, "83,63"},
        {10000000, 0, "10.000.000"},
        {-1234.5, 1, "-1.234,5"},
        {-1234.45, 1, "-1.234,5"},
        {-0.004, 2, "0,00"},      /* no "-0" */
        {-0.0, 1, "0,0"},
        {-0.005, 2, "-0,01"},
        {0.5, 0, "1"},
        {1.5, 0, "2"},
        {2.5, 0, "3"},
        {-2.5, 0, "-3"},
        {99.5, 0, "100"},
        {999.995, 2, "1.000,00"},
        {0, 0, "0"},
        {7, -1, "7"},             /* negative decimals read as 0 */
        {100, 0, "100"},
        {999, 0, "999"},
        {1000, 0, "1.000"},
        {123456789, 0, "123.456.789"},
        {1234567.891, 2, "1.234.567,89"},
        {0.1 + 0.2, 2, "0,30"},
        {12, 2, "12,00"},
        {0.05, 1, "0,1"},
        {0.049, 1, "0,0"},
        {0.0001, 2, "0,00"},
        {0.0005, 3, "0,001"},
        {1e15, 0, "1.000.000.000.000.000"},
        {62.5, 1, "62,5"},
    };
    for (size_t i = 0; i < N_OF(cases); i++) {
        vb_buf b;
        vb_buf_init(&b);
        vn_format_number(&b, cases[i].v, cases[i].decimals);
        if (strcmp(b.data, cases[i].want) != 0)
            fail_msg("vn_format_number(%.17g, %d) = \"%s\", want \"%s\"", cases[i].v,
                     cases[i].decimals, b.data, cases[i].want);
        vb_buf_free(&b);
    }
}

/* The rounding that ranks and the one that prints are the same: a mean of
 * 60.11 and 60.12 (60.114999… in binary) is 6012 hundredths, as "60,12" in
 * the table says; llround(v * 100) made it 6011. */
static void rounded_as_printed(void **state)
{
    (void)state;
    static const struct { double v; int decimals; long long want; } cases[] = {
        {(60.11 + 60.12) / 2, 2, 6012},
        {83.635, 2, 8364},
        {(19.75 + 30.15 + 30.12 + 30.12) / 4 + 20.64 + 26.49, 2, 7467},
        {1.005, 2, 101},
        {-2.675, 2, -268},
        {-0.004, 2, 0},
        {69.99666666666667, 2, 7000},
        {0.1 + 0.2, 2, 30},
        {62.5, 0, 63},
        {0, 6, 0},
        {1234567.891, 6, 1234567891000},
    };
    for (size_t i = 0; i < N_OF(cases); i++) {
        long long got = 0;
        if (!vn_round_scaled(cases[i].v, cases[i].decimals, &got) || got != cases[i].want)
            fail_msg("vn_round_scaled(%.17g, %d) = %lld, want %lld", cases[i].v, cases[i].decimals, got,
                     cases[i].want);
        /* …and vn_format_number prints those very digits. */
        vb_buf b, w;
        vb_buf_init(&b);
        vb_buf_init(&w);
        vn_format_number(&b, cases[i].v, cases[i].decimals);
        for (const char *p = b.data; *p; p++)
            if (*p >= '0' && *p <= '9')
                vb_buf_putc(&w, *p);
        char want[32];
        snprintf(want, sizeof want, "%lld", got < 0 ? -got : got);
        const char *digits = w.data + strspn(w.data, "0");
        if (strcmp(*digits ? digits : "0", want) != 0)
            fail_msg("vn_format_number(%.17g, %d) = \"%s\", vn_round_scaled %lld", cases[i].v,
                     cases[i].decimals, b.data, got);
        vb_buf_free(&b);
        vb_buf_free(&w);
    }
    long long n;
    assert_false(vn_round_scaled(NAN, 2, &n));
    assert_false(vn_round_scaled(INFINITY, 2, &n));
    assert_false(vn_round_scaled(1e300, 2, &n));
}

static void money_and_percent(void **state)
{
    (void)state;
    static const struct { double v; const char *want; } money[] = {
        {10000000, "10.000.000 đồng"},
        {1500000.4, "1.500.000 đồng"},
        {2500000.5, "2.500.001 đồng"},
        {500000, "500.000 đồng"},
        {0, "0 đồng"},
    };
    for (size_t i = 0; i < N_OF(money); i++) {
        vb_buf b;
        vb_buf_init(&b);
        vn_format_money(&b, money[i].v);
        assert_string_equal(b.data, money[i].want);
        vb_buf_free(&b);
    }
    static const struct { double v; int decimals; const char *want; } pct[] = {
        {83.64, 2, "83,64%"},
        {100, 0, "100%"},
        {66.6666, 1, "66,7%"},
        {0, 2, "0,00%"},
    };
    for (size_t i = 0; i < N_OF(pct); i++) {
        vb_buf b;
        vb_buf_init(&b);
        vn_format_percent(&b, pct[i].v, pct[i].decimals);
        assert_string_equal(b.data, pct[i].want);
        vb_buf_free(&b);
    }
}

/* ---- numbers in words ---------------------------------------------------- */

static void number_words(void **state)
{
    (void)state;
    static const struct { long long n; const char *want; } cases[] = {
        /* the values issue 3 §7 asks for */
        {0, "không"},
        {5, "năm"},
        {10, "mười"},
        {14, "mười bốn"},                 /* "bốn" after "mười" */
        {15, "mười lăm"},                 /* "lăm" after "mười" */
        {21, "hai mươi mốt"},             /* "mốt" after "mươi" */
        {24, "hai mươi tư"},              /* "tư" after "mươi" */
        {25, "hai mươi lăm"},
        {101, "một trăm linh một"},       /* "một" after "linh" */
        {105, "một trăm linh năm"},       /* "năm" after "linh" */
        {1005, "một nghìn không trăm linh năm"},
        {10000, "mười nghìn"},
        {1000000, "một triệu"},
        {2500000000LL, "hai tỷ năm trăm triệu"},
        {10000000, "mười triệu"},         /* "mười triệu đồng" */
        /* more of the same rules */
        {1, "một"},
        {4, "bốn"},
        {7, "bảy"},
        {11, "mười một"},
        {20, "hai mươi"},
        {31, "ba mươi mốt"},
        {44, "bốn mươi tư"},
        {55, "năm mươi lăm"},
        {99, "chín mươi chín"},
        {100, "một trăm"},
        {104, "một trăm linh bốn"},
        {110, "một trăm mười"},
        {111, "một trăm mười một"},
        {115, "một trăm mười lăm"},
        {121, "một trăm hai mươi mốt"},
        {1000, "một nghìn"},
        {1004, "một nghìn không trăm linh bốn"},
        {1010, "một nghìn không trăm mười"},
        {1100, "một nghìn một trăm"},
        {2024, "hai nghìn không trăm hai mươi tư"},
        {12345, "mười hai nghìn ba trăm bốn mươi lăm"},
        {250000, "hai trăm năm mươi nghìn"},
        {1000005, "một triệu không trăm linh năm"},
        {1005000, "một triệu không trăm linh năm nghìn"},
        {15000000, "mười lăm triệu"},
        {999999999, "chín trăm chín mươi chín triệu chín trăm chín mươi chín nghìn "
                    "chín trăm chín mươi chín"},
        {1000000000, "một tỷ"},
        {1000000005, "một tỷ không trăm linh năm"},
        {1000000000000LL, "một nghìn tỷ"},
        {1500000000000LL, "một nghìn năm trăm tỷ"},
        {1000000000000000000LL, "một tỷ tỷ"},
        {-5, "âm năm"},
        {-21, "âm hai mươi mốt"},
        {-1000000000000000000LL, "âm một tỷ tỷ"},
    };
    for (size_t i = 0; i < N_OF(cases); i++) {
        vb_buf b;
        vb_buf_init(&b);
        if (!vn_number_words(&b, cases[i].n))
            fail_msg("vn_number_words(%lld) failed", cases[i].n);
        if (strcmp(b.data, cases[i].want) != 0)
            fail_msg("vn_number_words(%lld) = \"%s\", want \"%s\"", cases[i].n, b.data,
                     cases[i].want);
        vb_buf_free(&b);
    }
    static const long long beyond[] = {1000000000000000001LL, -1000000000000000001LL, LLONG_MAX,
                                       LLONG_MIN};
    for (size_t i = 0; i < N_OF(beyond); i++) {
        vb_buf b;
        vb_buf_init(&b);
        assert_false(vn_number_words(&b, beyond[i]));
        assert_int_equal(b.len, 0);
        vb_buf_free(&b);
    }
}

/* ---- dates --------------------------------------------------------------- */

static void dates(void **state)
{
    (void)state;
    static const struct { const char *iso; bool ok; const char *longf, *shortf; } cases[] = {
        {"2023-02-05", true, "ngày 05 tháng 02 năm 2023", "05/02/2023"},
        {"2019-06-29", true, "ngày 29 tháng 6 năm 2019", "29/6/2019"},
        {"2024-01-10", true, "ngày 10 tháng 01 năm 2024", "10/01/2024"},
        {"2022-12-01", true, "ngày 01 tháng 12 năm 2022", "01/12/2022"},
        {"2020-03-09", true, "ngày 09 tháng 3 năm 2020", "09/3/2020"},
        {"2021-10-15", true, "ngày 15 tháng 10 năm 2021", "15/10/2021"},
        {"2023-11-30", true, "ngày 30 tháng 11 năm 2023", "30/11/2023"},
        {"2023-12-31", true, "ngày 31 tháng 12 năm 2023", "31/12/2023"},
        {"2024-02-29", true, "ngày 29 tháng 02 năm 2024", "29/02/2024"}, /* leap year */
        {"2000-02-29", true, "ngày 29 tháng 02 năm 2000", "29/02/2000"}, /* 400 divides */
        {"2023-02-29", false, NULL, NULL},
        {"1900-02-29", false, NULL, NULL}, /* 100 divides, 400 does not */
        {"2023-04-31", false, NULL, NULL},
        {"2023-13-01", false, NULL, NULL},
        {"2023-00-10", false, NULL, NULL},
        {"2023-01-00", false, NULL, NULL},
        {"0000-01-01", false, NULL, NULL},
        {"2023-1-05", false, NULL, NULL},
        {"2023-01-05x", false, NULL, NULL},
        {"2023/01/05", false, NULL, NULL},
        {"05/01/2023", false, NULL, NULL},
        {"", false, NULL, NULL},
    };
    for (size_t i = 0; i < N_OF(cases); i++) {
        vn_date d = {0, 0, 0};
        bool ok = vn_parse_iso_date(cases[i].iso, &d);
        if (ok != cases[i].ok)
            fail_msg("vn_parse_iso_date(\"%s\") = %d", cases[i].iso, ok);
        if (!ok)
            continue;
        vb_buf b;
        vb_buf_init(&b);
        vn_format_date(&b, d);
        assert_string_equal(b.data, cases[i].longf);
        vb_buf_clear(&b);
        vn_format_date_short(&b, d);
        assert_string_equal(b.data, cases[i].shortf);
        vb_buf_free(&b);
    }
    assert_false(vn_parse_iso_date(NULL, &(vn_date){0, 0, 0}));
}

/* ---- Roman numerals, padding ---------------------------------------------- */

static void roman_and_pad(void **state)
{
    (void)state;
    static const struct { int n; const char *want; } roman[] = {
        {1, "I"},    {2, "II"},    {3, "III"},  {4, "IV"},      {5, "V"},
        {9, "IX"},   {14, "XIV"},  {40, "XL"},  {49, "XLIX"},   {90, "XC"},
        {400, "CD"}, {944, "CMXLIV"}, {1994, "MCMXCIV"}, {2024, "MMXXIV"},
        {3999, "MMMCMXCIX"},
    };
    for (size_t i = 0; i < N_OF(roman); i++) {
        vb_buf b;
        vb_buf_init(&b);
        assert_true(vn_roman(&b, roman[i].n));
        assert_string_equal(b.data, roman[i].want);
        vb_buf_free(&b);
    }
    static const int bad[] = {0, -1, 4000, INT_MIN, INT_MAX};
    for (size_t i = 0; i < N_OF(bad); i++) {
        vb_buf b;
        vb_buf_init(&b);
        assert_false(vn_roman(&b, bad[i]));
        assert_int_equal(b.len, 0);
        vb_buf_free(&b);
    }
    static const struct { long long n; int width; const char *want; } pad[] = {
        {1, 2, "01"}, {5, 2, "05"}, {10, 2, "10"}, {123, 2, "123"}, {0, 3, "0"}, {0, 2, "0"},
        {-7, 3, "-007"}, {7, 0, "7"}, {7, -3, "7"}, {0, 0, "0"},
    };
    for (size_t i = 0; i < N_OF(pad); i++) {
        vb_buf b;
        vb_buf_init(&b);
        vn_pad(&b, pad[i].n, pad[i].width);
        assert_string_equal(b.data, pad[i].want);
        vb_buf_free(&b);
    }
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
        cmocka_unit_test(numbers),
        cmocka_unit_test(rounded_as_printed),
        cmocka_unit_test(money_and_percent),
        cmocka_unit_test(number_words),
        cmocka_unit_test(dates),
        cmocka_unit_test(roman_and_pad),
        cmocka_unit_test(collation_order),
        cmocka_unit_test(collation_equal),
        cmocka_unit_test(name_order),
        cmocka_unit_test(name_keys),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
