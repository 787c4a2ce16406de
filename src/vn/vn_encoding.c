/* Names of encodings and tone styles on the command line. */
#include "vn_internal.h"

#include <strings.h>

static const struct {
    const char *name;
    vn_encoding enc;
} names[] = {
    {"auto", VN_ENC_AUTO},
    {"utf-8", VN_ENC_UTF8},       {"utf8", VN_ENC_UTF8},
    {"utf-16", VN_ENC_UTF16},     {"utf16", VN_ENC_UTF16},
    {"cp1258", VN_ENC_CP1258},    {"windows-1258", VN_ENC_CP1258},
    {"viscii", VN_ENC_VISCII},
    {"tcvn5712", VN_ENC_TCVN5712}, {"tcvn5712-1", VN_ENC_TCVN5712}, {"vn1", VN_ENC_TCVN5712},
    {"tcvn3", VN_ENC_TCVN3},      {"abc", VN_ENC_TCVN3},   {"vntime", VN_ENC_TCVN3},
    {"vni", VN_ENC_VNI},          {"vni-windows", VN_ENC_VNI}, {"vni-win", VN_ENC_VNI},
    {"viqr", VN_ENC_VIQR},
};

bool vn_encoding_parse(const char *name, vn_encoding *out)
{
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcasecmp(name, names[i].name) == 0) {
            *out = names[i].enc;
            return true;
        }
    return false;
}

const char *vn_encoding_name(vn_encoding enc)
{
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (names[i].enc == enc)
            return names[i].name;
    return "?";
}

bool vn_tone_parse(const char *name, vn_tone *out)
{
    if (strcasecmp(name, "classic") == 0)
        *out = VN_TONE_CLASSIC;
    else if (strcasecmp(name, "modern") == 0)
        *out = VN_TONE_MODERN;
    else if (strcasecmp(name, "keep") == 0)
        *out = VN_TONE_KEEP;
    else
        return false;
    return true;
}

const char *vn_tone_name(vn_tone tone)
{
    return tone == VN_TONE_CLASSIC ? "classic" : tone == VN_TONE_MODERN ? "modern" : "keep";
}
