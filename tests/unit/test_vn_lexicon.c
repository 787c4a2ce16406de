/* vn_two_syllable_word: the two-syllable words a centred title is not
 * broken between, whatever their case, tone placement and punctuation. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "vn/vn.h"

#include <string.h>

static bool word(const char *a, const char *b)
{
    return vn_two_syllable_word(a, strlen(a), b, strlen(b));
}

static void list_is_sorted(void **state)
{
    (void)state;
    assert_true(vn_two_syllable_words_sorted());
}

static void words_found(void **state)
{
    (void)state;
    assert_true(word("hướng", "dẫn"));
    assert_true(word("tình", "trạng"));
    assert_true(word("HÀNH", "CHÍNH"));           /* capitals: an agency's name */
    assert_true(word("Sóc", "Trăng"));            /* a province */
    assert_true(word("“hướng", "dẫn”,"));         /* quotes and a comma outside */
    assert_true(word("(tình", "trạng)"));
    assert_true(word("văn", "hoá"));              /* modern tone placement */
    assert_true(word("văn", "hóa"));
}

static void not_words(void **state)
{
    (void)state;
    assert_false(word("chính", "hướng"));         /* two words */
    assert_false(word("chính,", "hướng"));
    assert_false(word("hướng,", "dẫn"));          /* a comma between: a place to break */
    assert_false(word("hướng", "“dẫn"));
    assert_false(word("", "dẫn"));
    assert_false(word("hướng", ""));
    assert_false(word("2021-2025", "của"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(list_is_sorted),
        cmocka_unit_test(words_found),
        cmocka_unit_test(not_words),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
