/* vn_normalize: the tone-mark rule and its exceptions, cleanup, NFC, the
 * syllable check, and normalizing twice changing nothing. Expected strings
 * are written by hand from the rules in docs/tone-marks.md and issue 3. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "vn/vn.h"

#include <stdlib.h>
#include <string.h>

static void check(const char *in, vn_tone tone, const char *want)
{
    char *got = vn_normalize(in, strlen(in), tone);
    if (strcmp(got, want) != 0)
        fail_msg("%s (%s): got \"%s\", want \"%s\"", in, vn_tone_name(tone), got, want);
    char *again = vn_normalize(got, strlen(got), tone);
    if (strcmp(again, got) != 0)
        fail_msg("normalizing \"%s\" twice gave \"%s\"", got, again);
    free(again);
    free(got);
}

static void tone_rule_and_exceptions(void **state)
{
    (void)state;
    static const struct { const char *in, *classic, *modern; } cases[] = {
        {"hoà", "hòa", "hoà"},       {"hòa", "hòa", "hoà"},
        {"khoẻ", "khỏe", "khoẻ"},   {"khỏe", "khỏe", "khoẻ"},
        {"thuỷ", "thủy", "thuỷ"},   {"thủy", "thủy", "thuỷ"},
        {"Thuỷ", "Thủy", "Thuỷ"},   {"hoá học", "hóa học", "hoá học"},
        {"CỘNG HOÀ", "CỘNG HÒA", "CỘNG HOÀ"}, {"CỘNG HÒA", "CỘNG HÒA", "CỘNG HOÀ"},
        {"xoè", "xòe", "xoè"},       {"Huỳnh", "Huỳnh", "Huỳnh"},
        /* never after qu or gi, never in closed syllables, never for oai/uya */
        {"quý", "quý", "quý"},       {"quỳ", "quỳ", "quỳ"},     {"già", "già", "già"},
        {"hoàng", "hoàng", "hoàng"}, {"thuyết", "thuyết", "thuyết"},
        {"ngoài", "ngoài", "ngoài"}, {"khuya", "khuya", "khuya"}, {"toán", "toán", "toán"},
        {"hoạch", "hoạch", "hoạch"}, {"Thủy Hoà, khoẻ", "Thủy Hòa, khỏe", "Thuỷ Hoà, khoẻ"},
        /* not Vietnamese syllables: left alone */
        {"Samoà", "Samoà", "Samoà"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        check(cases[i].in, VN_TONE_CLASSIC, cases[i].classic);
        check(cases[i].in, VN_TONE_MODERN, cases[i].modern);
        check(cases[i].in, VN_TONE_KEEP, cases[i].in);
    }
}

static void cleanup_rules(void **state)
{
    (void)state;
    static const struct { const char *in, *want; } cases[] = {
        {"Sở  Nội\t\tvụ", "Sở Nội vụ"},
        {"Như trên ;", "Như trên;"},
        {"đạt 83,64 điểm , xếp hạng", "đạt 83,64 điểm, xếp hạng"},
        {"Kính gửi :Ủy ban", "Kính gửi: Ủy ban"},
        {"a,b;c", "a, b; c"},
        {"10.000.000 đồng lúc 8:30", "10.000.000 đồng lúc 8:30"},
        {"TP.HCM và www.sonoivu.gov.vn", "TP.HCM và www.sonoivu.gov.vn"},
        {"xong rồi.Tiếp theo", "xong rồi. Tiếp theo"},
        /* addresses keep their punctuation: no "p? x=1", "a, b" inside them */
        {"https://dvc.gov.vn/p?x=1&y=a,b và", "https://dvc.gov.vn/p?x=1&y=a,b và"},
        {"www.a.vn/tim?q=thu,tuc", "www.a.vn/tim?q=thu,tuc"},
        {"thư sonv@soctrang.gov.vn,ok", "thư sonv@soctrang.gov.vn,ok"},
        {"VT,TTr và http://x.vn", "VT, TTr và http://x.vn"},
        {"Số:\u00a056/KH-SNV", "Số:\u00a056/KH-SNV"},           /* NBSP kept */
        {"83,64\u00a0\u00a0/100", "83,64 /100"},                 /* a run is a space */
        {"Hội\u200b thi\u00ad", "Hội thi"},                      /* zero-width removed */
        {"Sở Nội\u200b vụ", "Sở Nội vụ"},            /* ... also when it is the line's only fault */
        {"Sở\u2028Nội\u2003vụ", "Sở Nội vụ"},       /* line separator, em space */
        {"dòng một\r\ndòng hai\rdòng ba", "dòng một\ndòng hai\ndòng ba"},
        {"  - thụt đầu dòng  ", "  - thụt đầu dòng"},
        {"\"trích dẫn\" và “ngoặc kép”", "\"trích dẫn\" và “ngoặc kép”"},
        {"{{contest/x | number:2}} ,điểm", "{{contest/x | number:2}}, điểm"},
        {"Thật sao ?Vâng !", "Thật sao? Vâng!"},
        {"", ""},
        {"\n\n", "\n\n"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        check(cases[i].in, VN_TONE_KEEP, cases[i].want);
}

/* What `vanban normalize` writes for a whole file. */
static void check_file(const char *in, const char *want)
{
    char *got = NULL;
    size_t got_len = 0;
    FILE *fp = open_memstream(&got, &got_len);
    assert_true(vn_normalize_fwrite(fp, in, strlen(in), VN_TONE_CLASSIC));
    fclose(fp);
    if (strcmp(got, want) != 0)
        fail_msg("file %s: got \"%s\", want \"%s\"", in, got, want);
    free(got);
}

/* A CSV or TSV file's separators are data: "STT,Họ tên,Lớp" became
 * "STT, Họ tên, Lớp" and tabs became spaces, breaking the columns. Prose
 * keeps its tidying, also when it has commas on every line. */
static void tables_keep_their_separators(void **state)
{
    (void)state;
    check_file("STT,Họ tên,Lớp\n1,Nguyễn  Văn A,10A1\n2,Trần Thị B ,10A2\n",
               "STT,Họ tên,Lớp\n1,Nguyễn Văn A,10A1\n2,Trần Thị B ,10A2\n");
    check_file("STT\tHọ tên\n1\tNguyễn Văn A\n2\t Trần Thị B\n",
               "STT\tHọ tên\n1\tNguyễn Văn A\n2\t Trần Thị B\n");
    check_file("Mã;Tên đơn vị\nsyt;Sở Y tế\nsnv;Sở Nội vụ\n",
               "Mã;Tên đơn vị\nsyt;Sở Y tế\nsnv;Sở Nội vụ\n");
    check_file("Kính gửi :Ủy ban,như trên.Tiếp\nMột dòng,có dấu phẩy,và ba,bốn,năm\n",
               "Kính gửi: Ủy ban, như trên. Tiếp\nMột dòng, có dấu phẩy, và ba, bốn, năm\n");
    /* empty first or last fields, as Excel writes them */
    check_file("STT,Họ tên,Ghi chú\n1,Nguyễn Văn An,\n2,Trần Thị Bình,\n3,Lê Văn Cường,Đạt\n",
               "STT,Họ tên,Ghi chú\n1,Nguyễn Văn An,\n2,Trần Thị Bình,\n3,Lê Văn Cường,Đạt\n");
    check_file("Mã,Tên,Điểm\n,Sở Y tế,8\n,Sở Nội vụ,9\n", "Mã,Tên,Điểm\n,Sở Y tế,8\n,Sở Nội vụ,9\n");
    /* quoted decimal commas (Excel, Vietnamese settings): the rows' commas
     * differed in number, and "Họ tên, Đơn vị" got spaces */
    check_file("Họ tên,Đơn vị,Điểm\nNguyễn Văn A,Sở Nội vụ,\"83,64\"\nTrần Thị B,Sở Tư pháp,\"80,5\"\n",
               "Họ tên,Đơn vị,Điểm\nNguyễn Văn A,Sở Nội vụ,\"83,64\"\nTrần Thị B,Sở Tư pháp,\"80,5\"\n");
    check_file("Căn cứ Luật Tổ chức;\nCăn cứ Nghị định 30 ;\n", "Căn cứ Luật Tổ chức;\nCăn cứ Nghị định 30;\n");
    /* prose with the same count on every line is prose: one comma each, or
     * a semicolon ending each line (it was taken for a table, untidied) */
    check_file("Xin chào , các bạn.\nHôm nay , trời đẹp .\n", "Xin chào, các bạn.\nHôm nay, trời đẹp.\n");
    check_file("Căn cứ Luật Tổ chức ngày 19/6/2015 ;\nCăn cứ Nghị định số 30 ;\n",
               "Căn cứ Luật Tổ chức ngày 19/6/2015;\nCăn cứ Nghị định số 30;\n");
}

static void nfc_and_invalid_bytes(void **state)
{
    (void)state;
    check("Vie\xcc\xa3\xcc\x82t Nam", VN_TONE_CLASSIC, "Việt Nam");
    check("o\xcc\x81\xcc\x82ng", VN_TONE_CLASSIC, "ống");   /* acute typed before circumflex */
    check("ho\xcc\x80" "a", VN_TONE_CLASSIC, "hòa");
    check("ho\xcc\x80" "a", VN_TONE_MODERN, "hoà");
    check("ab\xff" "c\xc3", VN_TONE_KEEP, "ab\xef\xbf\xbd" "c\xef\xbf\xbd");
    /* the eth (U+00D0, U+00F0) that Western keyboards give for Đ đ prints
     * the same but is not found by a search for "Đặng" */
    check("\u00d0\u1eb7ng Th\u00f0", VN_TONE_KEEP, "Đặng Thđ");
    check("Võ \u00d0. Hà", VN_TONE_CLASSIC, "Võ Đ. Hà");
    /* a stray dot below after "hoạ" (found by the fuzzer): not a syllable, so
     * the tone stays where it is and the text stays NFC */
    check("ho\xe1\xba\xa1\xcc\xa3m", VN_TONE_CLASSIC, "ho\xe1\xba\xa1\xcc\xa3m");
}

static void clean_text_is_copied(void **state)
{
    (void)state;
    const char *s = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
                    "Sở Nội vụ báo cáo kết quả: 83,64/100 điểm.\n";
    check(s, VN_TONE_CLASSIC, s);
}

static bool valid(const char *s)
{
    return vn_syllable_valid_utf8(s, strlen(s));
}

static void syllables(void **state)
{
    (void)state;
    static const char *const ok[] = {
        "a", "ý", "gì", "già", "giếng", "quý", "quốc", "quyết", "người", "được", "khuya",
        "khuỷu", "thuở", "xoong", "hoặc", "ngoằn", "nghiêng", "Trường", "HÒA", "Nguyễn", "đ\xc6\xb0\xe1\xbb\x9dng",
        "tuyển", "oanh", "uỵch", "yêu", "rượu", "chuối", "gửi", "huế", "xuân", "khoèo",
    };
    static const char *const bad[] = {
        "", "hoàà", "thé̀", "bat", "bàt", "ăn\u0301", "qa", "ă", "bâ", "xyz", "Hoà\u0300",
        "café", "HòA", "hÒa", "tiê", "nghànhh", "wifi", "Xuyªn", "Hµ", "C\u00abng",
    };
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
        if (!valid(ok[i]))
            fail_msg("%s should be a valid syllable", ok[i]);
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        if (valid(bad[i]))
            fail_msg("%s should not be a valid syllable", bad[i]);
}

/* vn_normalize_except: the style outside the ranges, the ranges as they
 * are; NFC and the cleanup over the whole, as without ranges. */
static void except_ranges(void **state)
{
    (void)state;
    /* "Bà  " + a name + ", Uỷ ban  hoà giải": the double spaces around the
     * name go as they would without it; the name keeps "Thuỷ" */
    const char *s = "Bà  Nguyễn Thị Thuỷ, Uỷ ban  hoà giải ";
    const char *name = strstr(s, "Nguyễn");
    size_t keep[] = {(size_t)(name - s), (size_t)(name - s) + strlen("Nguyễn Thị Thuỷ")};
    char *got = vn_normalize_except(s, strlen(s), VN_TONE_CLASSIC, keep, 1);
    assert_string_equal(got, "Bà Nguyễn Thị Thuỷ, Ủy ban hòa giải");
    free(got);
    got = vn_normalize_except(s, strlen(s), VN_TONE_MODERN, keep, 1);
    assert_string_equal(got, "Bà Nguyễn Thị Thuỷ, Uỷ ban hoà giải");
    free(got);
    /* the other way: a classic name in a modern document */
    const char *c = "Lê Thị Hòa, Ủy ban";
    size_t keep_c[] = {0, strlen("Lê Thị Hòa")};
    got = vn_normalize_except(c, strlen(c), VN_TONE_MODERN, keep_c, 1);
    assert_string_equal(got, "Lê Thị Hòa, Uỷ ban");
    free(got);
    /* decomposed text outside a range is composed and styled; lines and
     * a CR as vn_normalize has them */
    const char *d = "Ho\xcc\x80" "a\r\nThuỷ\rUy\xcc\x89" " ban";
    const char *t = strstr(d, "Thuỷ");
    size_t keep_d[] = {(size_t)(t - d), (size_t)(t - d) + strlen("Thuỷ")};
    got = vn_normalize_except(d, strlen(d), VN_TONE_CLASSIC, keep_d, 1);
    assert_string_equal(got, "Hòa\nThuỷ\nỦy ban");
    free(got);
    /* no range, or keep: vn_normalize itself */
    got = vn_normalize_except(s, strlen(s), VN_TONE_CLASSIC, NULL, 0);
    char *want = vn_normalize(s, strlen(s), VN_TONE_CLASSIC);
    assert_string_equal(got, want);
    free(got);
    free(want);
    got = vn_normalize_except(s, strlen(s), VN_TONE_KEEP, keep, 1);
    assert_string_equal(got, "Bà Nguyễn Thị Thuỷ, Uỷ ban hoà giải");
    free(got);
}

static void tone_names(void **state)
{
    (void)state;
    vn_tone t;
    assert_true(vn_tone_parse("modern", &t));
    assert_int_equal(t, VN_TONE_MODERN);
    assert_false(vn_tone_parse("new", &t));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(tone_rule_and_exceptions),
        cmocka_unit_test(cleanup_rules),
        cmocka_unit_test(tables_keep_their_separators),
        cmocka_unit_test(nfc_and_invalid_bytes),
        cmocka_unit_test(clean_text_is_copied),
        cmocka_unit_test(syllables),
        cmocka_unit_test(except_ranges),
        cmocka_unit_test(tone_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
