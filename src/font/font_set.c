/* Finding faces by family and style with fontconfig. The match must be the
 * family asked for: fontconfig happily substitutes another family, and a
 * substitute with other metrics would silently change every line break. */
#include "font_internal.h"

#include <fontconfig/fontconfig.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct font_set {
    char *family[FONT_ROLE_COUNT];
    FcConfig *fc; /* created on the first lookup: loading the cache costs time */
    bool fc_full; /* fc is the system's whole configuration, not the lean one */
    font_face *faces[FONT_ROLE_COUNT][FONT_STYLE_COUNT];
    bool failed[FONT_ROLE_COUNT][FONT_STYLE_COUNT]; /* reported once, not on every request */
    font_face **loaded; /* in load order, for the PDF stage */
    size_t n_loaded, cap_loaded;
};

static const char *const default_family[FONT_ROLE_COUNT] = {"Liberation Serif",
                                                           "Liberation Mono"};

font_set *font_set_new(const font_config *cfg)
{
    font_set *fs = vb_xcalloc(1, sizeof *fs);
    for (int r = 0; r < FONT_ROLE_COUNT; r++) {
        const char *fam = cfg && cfg->family[r] ? cfg->family[r] : default_family[r];
        fs->family[r] = vb_xstrdup(fam);
    }
    return fs;
}

void font_set_free(font_set *fs)
{
    if (!fs)
        return;
    for (size_t i = 0; i < fs->n_loaded; i++)
        font_face_free(fs->loaded[i]);
    free(fs->loaded);
    for (int r = 0; r < FONT_ROLE_COUNT; r++)
        free(fs->family[r]);
    if (fs->fc)
        FcConfigDestroy(fs->fc);
    free(fs);
}

size_t font_set_count(const font_set *fs) { return fs->n_loaded; }
font_face *font_set_at(const font_set *fs, size_t i)
{
    return i < fs->n_loaded ? fs->loaded[i] : NULL;
}

/* The Debian package that provides a family, for the error message. */
static const char *package_for(const char *family)
{
    static const struct {
        const char *prefix, *package;
    } known[] = {
        {"Liberation", "fonts-liberation2"},
        {"Times New Roman", "ttf-mscorefonts-installer"},
        {"Arial", "ttf-mscorefonts-installer"},
        {"Courier New", "ttf-mscorefonts-installer"},
        {"Georgia", "ttf-mscorefonts-installer"},
        {"Verdana", "ttf-mscorefonts-installer"},
        {"DejaVu", "fonts-dejavu-core"},
        {"Noto Serif", "fonts-noto-core"},
        {"Noto Sans", "fonts-noto-core"},
    };
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
        if (strncasecmp(family, known[i].prefix, strlen(known[i].prefix)) == 0)
            return known[i].package;
    return NULL;
}

static void report_missing(vb_diag *d, const char *family, font_style style, const char *why)
{
    const char *pkg = package_for(family);
    if (pkg)
        vb_error(d, NULL, 0, 0,
                 "không tìm thấy phông \"%s\" (kiểu %s)%s; cài gói %s hoặc chọn họ phông khác "
                 "bằng --font-family",
                 family, font_style_name(style), why, pkg);
    else
        vb_error(d, NULL, 0, 0,
                 "không tìm thấy phông \"%s\" (kiểu %s)%s; cài một gói phông có họ này (xem "
                 "fc-list) hoặc chọn họ phông khác bằng --font-family",
                 family, font_style_name(style), why);
}

static bool family_matches(FcPattern *p, const char *family)
{
    FcChar8 *name;
    for (int i = 0; FcPatternGetString(p, FC_FAMILY, i, &name) == FcResultMatch; i++)
        if (FcStrCmpIgnoreCase(name, (const FcChar8 *)family) == 0)
            return true;
    return false;
}

/* The font directories and caches of a Debian system, and nothing else.
 * FcInitLoadConfigAndFonts parses the system's whole configuration (some
 * sixty files of aliases and rendering preferences, none of which matters
 * to a lookup by exact family): two thirds of the time of a short document.
 * This configuration reads the same caches in a fraction of that; a family
 * it cannot find is looked up again in the full configuration, so fonts in
 * directories that only the system's or the user's files name still work. */
static const char LEAN_CONFIG[] =
    "<?xml version=\"1.0\"?>\n<!DOCTYPE fontconfig SYSTEM \"urn:fontconfig:fonts.dtd\">\n"
    "<fontconfig>"
    "<dir>/usr/share/fonts</dir><dir>/usr/local/share/fonts</dir>"
    "<dir prefix=\"xdg\">fonts</dir><dir>~/.fonts</dir>"
    "<cachedir>/var/cache/fontconfig</cachedir><cachedir prefix=\"xdg\">fontconfig</cachedir>"
    "<cachedir>~/.fontconfig</cachedir>"
    "</fontconfig>\n";

static FcConfig *lean_config(void)
{
    FcConfig *c = FcConfigCreate();
    if (c && FcConfigParseAndLoadFromMemory(c, (const FcChar8 *)LEAN_CONFIG, FcFalse) &&
        FcConfigBuildFonts(c))
        return c;
    if (c)
        FcConfigDestroy(c);
    return NULL;
}

/* Whether fontconfig read its main configuration file (FONTCONFIG_FILE, or
 * fonts.conf). One it cannot read (damaged, missing) makes it print its own
 * English lines and fall back to a built-in configuration, which does not
 * list that file among those it loaded. */
static bool config_files_loaded(FcConfig *c)
{
    FcChar8 *main_file = FcConfigGetFilename(c, NULL);
    bool found = false;
    FcStrList *files = main_file ? FcConfigGetConfigFiles(c) : NULL;
    for (FcChar8 *f; files && !found && (f = FcStrListNext(files));)
        found = strcmp((const char *)f, (const char *)main_file) == 0;
    if (files)
        FcStrListDone(files);
    FcStrFree(main_file);
    return found;
}

/* The Vietnamese line after fontconfig's English ones: what they mean for
 * the clerk. */
static void warn_unreadable_config(vb_diag *d)
{
    const char *env = getenv("FONTCONFIG_FILE");
    vb_warn(d, env && *env ? env : NULL, 0, 0,
            "fontconfig không đọc được tệp cấu hình phông%s (các dòng \"Fontconfig error\" ở "
            "trên là của nó); vanban chỉ tìm được phông trong các thư mục phông chuẩn — sửa "
            "tệp đó%s",
            env && *env ? " (FONTCONFIG_FILE)" : "",
            env && *env ? " hoặc bỏ biến FONTCONFIG_FILE" : " (/etc/fonts/fonts.conf)");
}

/* The match for family + style in the current configuration: true when it
 * is that family in that style (a substitute is never taken). */
static FcPattern *match_exact(font_set *fs, const char *family, font_style style, bool *exact)
{
    bool bold = style & FONT_BOLD, italic = style & FONT_ITALIC;
    /* fontconfig fails these only for want of memory (a pattern of our
     * own, values of the objects' own types, a valid configuration and
     * kind): a NULL pattern was passed on and crashed, a value left out
     * matched another font. FcFontMatch's NULL cannot be told apart: no
     * font, values that do not compare, or memory; so can a cache
     * fontconfig could not load for want of memory, whose fonts are then
     * missing. */
    FcPattern *pat = FcPatternCreate();
    if (!pat || !FcPatternAddString(pat, FC_FAMILY, (const FcChar8 *)family) ||
        !FcPatternAddInteger(pat, FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR) ||
        !FcPatternAddInteger(pat, FC_SLANT, italic ? FC_SLANT_ITALIC : FC_SLANT_ROMAN) ||
        !FcPatternAddBool(pat, FC_SCALABLE, FcTrue) ||
        !FcConfigSubstitute(fs->fc, pat, FcMatchPattern))
        vb_out_of_memory();
    FcDefaultSubstitute(pat);
    FcResult res;
    FcPattern *match = FcFontMatch(fs->fc, pat, &res);
    FcPatternDestroy(pat);
    int weight = 0, slant = 0;
    *exact = match && family_matches(match, family) &&
             FcPatternGetInteger(match, FC_WEIGHT, 0, &weight) == FcResultMatch &&
             FcPatternGetInteger(match, FC_SLANT, 0, &slant) == FcResultMatch &&
             (weight >= FC_WEIGHT_DEMIBOLD) == bold && (slant != FC_SLANT_ROMAN) == italic;
    return match;
}

/* Resolves family + style to a file; NULL (after reporting) if not installed. */
static font_face *lookup(font_set *fs, const char *family, font_style style, vb_diag *d)
{
    if (!fs->fc) {
        fs->fc = lean_config();
        fs->fc_full = false;
    }
    bool exact = false;
    FcPattern *match = fs->fc ? match_exact(fs, family, style, &exact) : NULL;
    if (!exact && !fs->fc_full) {
        /* Not in the standard directories: ask the whole configuration. */
        if (match)
            FcPatternDestroy(match);
        if (fs->fc)
            FcConfigDestroy(fs->fc);
        fs->fc = FcInitLoadConfigAndFonts();
        fs->fc_full = true;
        /* Out of memory, or a damaged configuration whose built-in
         * fallback could not be read either: cannot be told apart. */
        if (!fs->fc) {
            vb_error_io(d, NULL, "không khởi tạo được fontconfig");
            return NULL;
        }
        if (!config_files_loaded(fs->fc))
            warn_unreadable_config(d);
        match = match_exact(fs, family, style, &exact);
    }

    font_face *f = NULL;
    int index = 0;
    FcChar8 *file = NULL, *format = NULL;
    if (!match || !family_matches(match, family)) {
        report_missing(d, family, style, "");
    } else if (!exact) {
        /* The family is there but not this style: fontconfig would hand us
         * another style, and a fake bold or italic is not acceptable. */
        report_missing(d, family, style, ": họ phông có cài nhưng thiếu kiểu này");
    } else if (FcPatternGetString(match, FC_FILE, 0, &file) != FcResultMatch) {
        report_missing(d, family, style, "");
    } else if (FcPatternGetString(match, FC_FONTFORMAT, 0, &format) == FcResultMatch &&
               strcmp((const char *)format, "TrueType") != 0) {
        vb_error(d, (const char *)file, 0, 0,
                 "phông \"%s\" (kiểu %s) có định dạng %s; vanban chỉ nhúng được phông TrueType "
                 "(.ttf)",
                 family, font_style_name(style), (const char *)format);
    } else {
        FcPatternGetInteger(match, FC_INDEX, 0, &index);
        f = font_face_load((const char *)file, (unsigned)index, family, style, d);
    }
    if (match)
        FcPatternDestroy(match);
    return f;
}

font_face *font_set_face(font_set *fs, font_role role, font_style style, vb_diag *d)
{
    if (role >= FONT_ROLE_COUNT || style >= FONT_STYLE_COUNT)
        return NULL;
    if (fs->faces[role][style])
        return fs->faces[role][style];
    if (fs->failed[role][style])
        return NULL;
    /* Two roles may name the same family: share the face (and its embedding). */
    for (int r = 0; r < FONT_ROLE_COUNT; r++)
        if (fs->faces[r][style] && strcasecmp(fs->family[r], fs->family[role]) == 0)
            return fs->faces[role][style] = fs->faces[r][style];
    font_face *f = lookup(fs, fs->family[role], style, d);
    if (!f) {
        fs->failed[role][style] = true;
        return NULL;
    }
    VB_PUSH(fs->loaded, fs->n_loaded, fs->cap_loaded, f);
    fs->faces[role][style] = f;
    return f;
}
