/* font: fontconfig lookup, metrics as libharu computes them, subsetting.
 *
 * Expected advances were read from the Liberation Serif 2.1 files with a small
 * independent reader of the cmap (format 4), head and hmtx tables written
 * from the OpenType specification (not HarfBuzz), and converted by hand with
 * libharu's formula advance * 1000 / unitsPerEm, truncated: e.g. 'a' is 909
 * units of 2048 in Regular, 909000 / 2048 = 443.8 -> 443 (Times' AFM says 444:
 * the truncation is libharu's, and the PDF's /W uses it too). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "font/font.h"
#include "font/font_internal.h"
#include "child_fixture.h"
#include "font_fixture.h"

#include <fcntl.h>
#include <hb.h>
#include <hpdf.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

/* AddressSanitizer's allocator cannot run with the address space capped
 * (tests/e2e/lib.sh skips `capped` under it too). */
#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif
#ifndef UNDER_ASAN
#define UNDER_ASAN 0
#endif


static const char *messages(fixture *f)
{
    fflush(f->out);
    return f->msg ? f->msg : "";
}

static void liberation_serif_has_four_styles(void **state)
{
    fixture *f = *state;
    const char *ps[] = {"LiberationSerif", "LiberationSerif-Bold", "LiberationSerif-Italic",
                        "LiberationSerif-BoldItalic"};
    for (int s = 0; s < FONT_STYLE_COUNT; s++) {
        font_face *face = font_set_face(f->fs, FONT_ROLE_SERIF, (font_style)s, &f->d);
        assert_non_null(face);
        assert_string_equal(font_face_family(face), "Liberation Serif");
        assert_string_equal(font_face_postscript(face), ps[s]);
        assert_int_equal(font_face_style(face), s);
        assert_non_null(strstr(font_face_path(face), ".ttf"));
    }
    /* Lazily loaded, once each. */
    assert_int_equal(font_set_count(f->fs), 4);
    assert_ptr_equal(font_set_face(f->fs, FONT_ROLE_SERIF, FONT_BOLD, &f->d),
                     font_set_at(f->fs, 1));
    assert_int_equal(font_set_count(f->fs), 4);
    font_face *mono = font_set_face(f->fs, FONT_ROLE_MONO, FONT_REGULAR, &f->d);
    assert_non_null(mono);
    assert_string_equal(font_face_postscript(mono), "LiberationMono");
    assert_int_equal(f->d.errors, 0);
}

static void advances_match_hmtx(void **state)
{
    fixture *f = *state;
    font_face *r = font_set_face(f->fs, FONT_ROLE_SERIF, FONT_REGULAR, &f->d);
    font_face *b = font_set_face(f->fs, FONT_ROLE_SERIF, FONT_BOLD, &f->d);
    assert_non_null(r);
    assert_non_null(b);
    /* Regular: a 909, H 1479, đ 1024, ễ 909, ₫ 1050, space 512 units of 2048. */
    assert_int_equal(font_face_advance(r, 'a'), 443);
    assert_int_equal(font_face_advance(r, 'H'), 722);
    assert_int_equal(font_face_advance(r, 0x0111), 500);
    assert_int_equal(font_face_advance(r, 0x1EC5), 443);
    assert_int_equal(font_face_advance(r, 0x20AB), 512);
    assert_int_equal(font_face_advance(r, ' '), 250);
    /* Bold: a 1024, H 1593, t 682. */
    assert_int_equal(font_face_advance(b, 'a'), 500);
    assert_int_equal(font_face_advance(b, 'H'), 777);
    assert_int_equal(font_face_advance(b, 't'), 333);
    assert_int_equal(font_face_advance(r, 0x4E2D), -1);
    /* hhea ascender 1825, descender -443: 891.1 -> 891, -216.3 -> -216. */
    assert_int_equal(font_face_ascent(r), 891);
    assert_int_equal(font_face_descent(r), -216);
    assert_true(font_face_cap_height(r) > 600 && font_face_cap_height(r) < 700);
    assert_true(font_face_x_height(r) > 400 && font_face_x_height(r) < 500);
}

static void width_of_vietnamese_word(void **state)
{
    fixture *f = *state;
    font_face *r = font_set_face(f->fs, FONT_ROLE_SERIF, FONT_REGULAR, &f->d);
    /* "Việt" = V 722 + i 277 + ệ 443 + t 277 = 1719 thousandths of an em;
     * at 12 pt: 1719 * 12 / 1000 = 20.628 pt. */
    const char *w = "Việt";
    assert_float_equal(font_text_width(r, w, strlen(w), 12), 20.628, 1e-9);
    /* "Việt Nam": + space 250 + N 722 + a 443 + m 777 = 3911 -> 46.932 pt. */
    const char *w2 = "Việt Nam";
    assert_float_equal(font_text_width(r, w2, strlen(w2), 12), 46.932, 1e-9);
}

static void missing_family_names_family_and_package(void **state)
{
    fixture *f = *state;
    font_config cfg = {.family = {"Times New Roman", NULL}};
    font_set *fs = font_set_new(&cfg);
    assert_null(font_set_face(fs, FONT_ROLE_SERIF, FONT_BOLD, &f->d));
    assert_null(font_set_face(fs, FONT_ROLE_SERIF, FONT_BOLD, &f->d)); /* reported once */
    font_set_free(fs);
    const char *m = messages(f);
    assert_non_null(strstr(m, "không tìm thấy phông \"Times New Roman\" (kiểu Bold)"));
    assert_non_null(strstr(m, "ttf-mscorefonts-installer"));
    assert_non_null(strstr(m, "--font-family"));
    assert_int_equal(f->d.errors, 1);
    assert_int_equal(f->d.exit_code, VB_EXIT_INPUT);

    cfg.family[0] = "Khong Co Phong Nay";
    fs = font_set_new(&cfg);
    assert_null(font_set_face(fs, FONT_ROLE_SERIF, FONT_REGULAR, &f->d));
    font_set_free(fs);
    assert_non_null(strstr(messages(f), "\"Khong Co Phong Nay\" (kiểu Regular)"));
}

static void coverage_check(void **state)
{
    fixture *f = *state;
    font_face *r = font_set_face(f->fs, FONT_ROLE_SERIF, FONT_REGULAR, &f->d);
    assert_true(font_face_has(r, 0x1EC5)); /* ễ */
    assert_true(font_face_has(r, 0x0111)); /* đ */
    assert_true(font_face_has(r, 0x20AB)); /* ₫ */
    assert_false(font_face_has(r, 0x4E2D)); /* 中 */
    uint32_t missing = 0;
    const char *ok = "Cộng hòa xã hội chủ nghĩa Việt Nam 100.000₫";
    assert_true(font_face_check(r, ok, strlen(ok), &missing));
    const char *bad = "Hà Nội 中 x";
    assert_false(font_face_check(r, bad, strlen(bad), &missing));
    assert_int_equal(missing, 0x4E2D);
}

static void config_file_parses(void **state)
{
    fixture *f = *state;
    vb_arena *a = vb_arena_new();
    font_config cfg = {0};
    assert_true(font_config_load(&cfg, a, VANBAN_FONTS_DIR "/vanban-fonts.conf", &f->d));
    assert_string_equal(cfg.family[FONT_ROLE_SERIF], "Liberation Serif");
    assert_string_equal(cfg.family[FONT_ROLE_MONO], "Liberation Mono");

    char path[] = "/tmp/vanban-test-conf-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    const char *bad = "# ok\nserif = DejaVu Serif\nsans = Arial\n";
    assert_int_equal(write(fd, bad, strlen(bad)), (ssize_t)strlen(bad));
    close(fd);
    font_config cfg2 = {0};
    assert_false(font_config_load(&cfg2, a, path, &f->d));
    assert_string_equal(cfg2.family[FONT_ROLE_SERIF], "DejaVu Serif");
    char where[64];
    snprintf(where, sizeof where, "%s:3:", path);
    assert_non_null(strstr(messages(f), where));
    unlink(path);
    vb_arena_free(a);
}

static void subset_keeps_exactly_the_code_points_and_widths(void **state)
{
    fixture *f = *state;
    font_face *r = font_set_face(f->fs, FONT_ROLE_SERIF, FONT_ITALIC, &f->d);
    const uint32_t cps[] = {' ', 'V', 'i', 't', 0x1EC7 /* ệ */, 0x0111 /* đ */, 0x20AB /* ₫ */};
    const size_t n = sizeof cps / sizeof cps[0];
    vb_buf ttf;
    vb_buf_init(&ttf);
    vb_buf_puts(&ttf, "left over"); /* replaced, not appended to */
    assert_true(font_face_subset(r, cps, n, &ttf, &f->d));

    /* Exactly those code points, read back with HarfBuzz. */
    hb_blob_t *blob = hb_blob_create(ttf.data, (unsigned)ttf.len, HB_MEMORY_MODE_READONLY, NULL, NULL);
    assert_true(hb_blob_get_length(blob) > 0);
    assert_true(hb_blob_get_length(blob) < 16 * 1024); /* the whole face is ~650 KB */
    hb_face_t *face = hb_face_create(blob, 0);
    hb_font_t *font = hb_font_create(face);
    hb_codepoint_t g;
    for (size_t i = 0; i < n; i++)
        assert_true(hb_font_get_nominal_glyph(font, cps[i], &g));
    assert_false(hb_font_get_nominal_glyph(font, 'a', &g));
    assert_false(hb_font_get_nominal_glyph(font, 0x1EC5, &g));
    hb_font_destroy(font);
    hb_face_destroy(face);
    hb_blob_destroy(blob);

    /* libharu 2.3.0 loads it, and its widths are the full face's. */
    char path[] = "/tmp/vanban-test-subset-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, ttf.data, ttf.len), (ssize_t)ttf.len);
    close(fd);
    vb_buf_free(&ttf);
    HPDF_Doc pdf = HPDF_New(NULL, NULL);
    HPDF_UseUTFEncodings(pdf);
    const char *name = HPDF_LoadTTFontFromFile(pdf, path, HPDF_TRUE);
    assert_non_null(name);
    HPDF_Font hf = HPDF_GetFont(pdf, name, "UTF-8");
    assert_non_null(hf);
    for (size_t i = 0; i < n; i++)
        assert_int_equal(HPDF_Font_GetUnicodeWidth(hf, (HPDF_UNICODE)cps[i]),
                         font_face_advance(r, cps[i]));
    /* Italic V is 1251 units: 610 (independent reader). */
    assert_int_equal(HPDF_Font_GetUnicodeWidth(hf, 'V'), 610);
    HPDF_Free(pdf);
    unlink(path);
}

/* The address space in use (the first field of /proc/self/statm), read
 * without allocating. 0 if it cannot be read. */
static size_t address_space_in_use(void)
{
    char buf[128];
    int fd = open("/proc/self/statm", O_RDONLY);
    ssize_t n = fd >= 0 ? read(fd, buf, sizeof buf - 1) : -1;
    if (fd >= 0)
        close(fd);
    if (n <= 0)
        return 0;
    buf[n] = '\0';
    return (size_t)strtoull(buf, NULL, 10) * (size_t)sysconf(_SC_PAGESIZE);
}

/* A font file loaded with the address space capped, as `ulimit -v` caps it
 * (tests/e2e/lib.sh): room for half the file, so that small allocations
 * still succeed but the file does not fit. It was "không đọc được tệp
 * phông" (HarfBuzz's mapping failed, then its read into memory): now
 * vanban's one line for memory, exit 3. Run in a child whose stderr is
 * read back. */
static void font_file_without_memory(void **state)
{
    if (UNDER_ASAN)
        skip();
    fixture *f = *state;
    font_face *face = font_set_face(f->fs, FONT_ROLE_SERIF, FONT_REGULAR, &f->d);
    assert_non_null(face);
    const char *path = font_face_path(face);
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    int fd;
    pid_t pid = child_fork(&fd);
    if (pid == 0) {
        vb_diag d;
        vb_diag_init(&d, stderr);
        size_t in_use = address_space_in_use();
        struct rlimit rl;
        if (in_use == 0 || getrlimit(RLIMIT_AS, &rl) != 0)
            _exit(9);
        rl.rlim_cur = in_use + (size_t)st.st_size / 2;
        if (setrlimit(RLIMIT_AS, &rl) != 0)
            _exit(9);
        font_face *again = font_face_load(path, 0, "Liberation Serif", FONT_REGULAR, &d);
        _exit(again ? 0 : d.exit_code == VB_OK ? 8 : d.exit_code);
    }
    assert_child_out_of_memory(fd, pid);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(liberation_serif_has_four_styles, setup, teardown),
        cmocka_unit_test_setup_teardown(advances_match_hmtx, setup, teardown),
        cmocka_unit_test_setup_teardown(width_of_vietnamese_word, setup, teardown),
        cmocka_unit_test_setup_teardown(missing_family_names_family_and_package, setup, teardown),
        cmocka_unit_test_setup_teardown(coverage_check, setup, teardown),
        cmocka_unit_test_setup_teardown(config_file_parses, setup, teardown),
        cmocka_unit_test_setup_teardown(subset_keeps_exactly_the_code_points_and_widths, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(font_file_without_memory, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
