/* Filters after "|": the Vietnamese ways of writing numbers, money, dates
 * and names (src/vn/), plus default:. A filter that cannot read its value
 * is an error, never a silently wrong figure in an official document. */
#include "expand_internal.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Is the segment "name" or "name:arg" with a lower-case ASCII name? */
static bool filter_like(const char *s, size_t len, filter_spec *f)
{
    size_t i = 0;
    while (i < len && (s[i] == ' ' || s[i] == '\t'))
        i++;
    size_t n0 = i;
    while (i < len && ((s[i] >= 'a' && s[i] <= 'z') || s[i] == '-' || s[i] == '_'))
        i++;
    if (i == n0)
        return false;
    size_t n1 = i;
    while (i < len && (s[i] == ' ' || s[i] == '\t'))
        i++;
    if (i < len && s[i] != ':')
        return false;
    f->name = s + n0;
    f->name_len = n1 - n0;
    f->arg = NULL;
    f->arg_len = 0;
    f->quoted = f->bad_quote = false;
    if (i < len) { /* ':' */
        i++;
        size_t e = len;
        while (i < e && (s[i] == ' ' || s[i] == '\t'))
            i++;
        while (e > i && (s[e - 1] == ' ' || s[e - 1] == '\t'))
            e--;
        /* Quoted argument: default:'…' or default:"…", with no quote of
         * its kind inside (XPath has no escape; "it's" takes the other). */
        if (i < e && (s[i] == '\'' || s[i] == '"')) {
            f->quoted = true;
            f->bad_quote = e - i < 2 || s[e - 1] != s[i] || memchr(s + i + 1, s[i], e - i - 2);
            if (!f->bad_quote) {
                i++;
                e--;
            }
        }
        f->arg = s + i;
        f->arg_len = e - i;
    }
    return true;
}

/* Top-level '|' positions: not inside quotes, brackets or parentheses. */
size_t filters_split(const char *tag, size_t len, size_t *expr_len, filter_spec *out, size_t max)
{
    size_t bars[MAX_FILTERS + 1];
    size_t nb = 0;
    int depth = 0;
    char quote = 0;
    for (size_t i = 0; i < len; i++) {
        char c = tag[i];
        if (quote) {
            if (c == quote)
                quote = 0;
        } else if (c == '\'' || c == '"') {
            quote = c;
        } else if (c == '[' || c == '(') {
            depth++;
        } else if (c == ']' || c == ')') {
            depth--;
        } else if (c == '|' && depth == 0 && nb < MAX_FILTERS + 1) {
            bars[nb++] = i;
        }
    }
    /* Filters are the trailing segments that look like filters; a '|'
     * before them is XPath's union ("a | b" — write "(a | b)" to be sure). */
    size_t nf = 0, cut = len;
    filter_spec tmp[MAX_FILTERS + 1];
    while (nb > 0 && nf < max) {
        size_t b = bars[nb - 1];
        if (!filter_like(tag + b + 1, cut - b - 1, &tmp[nf]))
            break;
        nf++;
        cut = b;
        nb--;
    }
    for (size_t k = 0; k < nf; k++) /* back into written order */
        out[k] = tmp[nf - 1 - k];
    while (cut > 0 && (tag[cut - 1] == ' ' || tag[cut - 1] == '\t'))
        cut--;
    *expr_len = cut;
    return nf;
}

static bool is(const filter_spec *f, const char *name)
{
    return f->name_len == strlen(name) && memcmp(f->name, name, f->name_len) == 0;
}

/* A whole non-negative count from a filter argument ("2" in pad:2). */
static bool arg_int(const filter_spec *f, int lo, int hi, int *out)
{
    if (!f->arg || f->arg_len == 0 || f->arg_len > 3)
        return false;
    int v = 0;
    for (size_t i = 0; i < f->arg_len; i++) {
        if (!isdigit((unsigned char)f->arg[i]))
            return false;
        v = v * 10 + (f->arg[i] - '0');
    }
    if (v < lo || v > hi)
        return false;
    *out = v;
    return true;
}

/* The value as a number: XPath's number() rules on its text ("83.64"). */
static bool as_number(const char *s, double *out)
{
    double v = xmlXPathCastStringToNumber((const xmlChar *)s);
    if (isnan(v) || isinf(v))
        return false;
    *out = v;
    return true;
}

/* Significant digits of the integer part of a number's text ("007.50" has
 * 1): with the decimals a filter prints, beyond 15 a double no longer holds
 * the figure, and "1234567890123456" printed as "1.234.567.890.123.460"
 * while words read it right. */
static int integer_digits(const char *s)
{
    int n = 0;
    bool started = false;
    for (; *s && *s != '.'; s++) {
        if (!isdigit((unsigned char)*s))
            continue;
        started |= *s != '0';
        n += started;
    }
    return n;
}

/* Decimals written in a number's text: "70.62" → 2, "36" → 0. */
static int decimals_of(const char *s)
{
    const char *dot = strchr(s, '.');
    if (!dot)
        return 0;
    int n = 0;
    for (dot++; isdigit((unsigned char)*dot); dot++)
        n++;
    return n;
}

static const char *const KNOWN[] = {"number", "money", "words", "date",    "upper", "lower",
                                    "title",  "roman", "pad",   "percent", "default"};

bool filter_known(const filter_spec *f)
{
    for (size_t j = 0; j < sizeof KNOWN / sizeof KNOWN[0]; j++)
        if (is(f, KNOWN[j]))
            return true;
    return false;
}

bool filters_check(expand_ctx *cx, const filter_spec *f, size_t n, int line, int col)
{
    bool ok = true;
    for (size_t k = 0; k < n; k++) {
        const filter_spec *fl = &f[k];
        bool known = false;
        for (size_t j = 0; j < sizeof KNOWN / sizeof KNOWN[0]; j++)
            known |= is(fl, KNOWN[j]);
        int arg = 0;
        bool arg_ok = true;
        if (!known) {
            vb_error(cx->d, cx->path, line, col,
                     "không có bộ lọc \"%.*s\"; dùng number, money, words, date, upper, lower, "
                     "title, roman, pad, percent hoặc default",
                     (int)fl->name_len, fl->name);
            ok = false;
            continue;
        }
        if (is(fl, "number") || is(fl, "percent"))
            arg_ok = !fl->arg || arg_int(fl, 0, 6, &arg);
        else if (is(fl, "pad"))
            arg_ok = arg_int(fl, 1, 20, &arg);
        else if (is(fl, "date"))
            arg_ok = !fl->arg || (fl->arg_len == 5 && memcmp(fl->arg, "short", 5) == 0);
        else if (is(fl, "default"))
            arg_ok = fl->arg && (fl->arg_len > 0 || fl->quoted);
        else
            arg_ok = !fl->arg;
        if (fl->bad_quote) {
            vb_error(cx->d, cx->path, line, col,
                     "đối số %.*s của bộ lọc %.*s: dấu nháy chưa đóng, hoặc có dấu nháy cùng loại "
                     "bên trong; viết default:'…' hoặc default:\"…\" (\"it's\" dùng nháy kép)",
                     (int)fl->arg_len, fl->arg, (int)fl->name_len, fl->name);
            ok = false;
        } else if (!arg_ok) {
            vb_error(cx->d, cx->path, line, col,
                     "đối số \"%.*s\" của bộ lọc %.*s không hợp lệ%s", (int)fl->arg_len,
                     fl->arg ? fl->arg : "", (int)fl->name_len, fl->name,
                     is(fl, "default") ? "; viết default:'giá trị'" : "");
            ok = false;
        }
    }
    if (!ok)
        cx->failed = true;
    return ok;
}

char *filters_apply(expand_ctx *cx, char *value, const filter_spec *f, size_t n, int line,
                    int col)
{
    vb_buf b;
    vb_buf_init(&b);
    for (size_t k = 0; k < n; k++) {
        const filter_spec *fl = &f[k];
        if (is(fl, "default")) {
            if (!fl->arg) {
                vb_error(cx->d, cx->path, line, col,
                         "bộ lọc default cần một giá trị, ví dụ default:'chưa có'");
                goto fail;
            }
            if (!value || !*value) {
                free(value);
                value = vb_xstrndup(fl->arg, fl->arg_len);
            }
            continue;
        }
        if (!value) {
            /* Nothing found: the filters before a default have nothing to
             * work on ("x | title | default:''"); without a default the
             * caller has reported it. */
            bool later_default = false;
            for (size_t m = k + 1; m < n && !later_default; m++)
                later_default = is(&f[m], "default");
            if (later_default)
                continue;
            goto fail;
        }
        vb_buf_clear(&b);
        double num = 0;
        int arg = 0;
        bool needs_number = is(fl, "number") || is(fl, "money") || is(fl, "words") ||
                            is(fl, "roman") || is(fl, "pad") || is(fl, "percent");
        /* The filter's own argument first: a template error, whatever the data. */
        bool arg_ok = true;
        if (is(fl, "number") || is(fl, "percent"))
            arg_ok = !fl->arg || arg_int(fl, 0, 6, &arg);
        else if (is(fl, "pad"))
            arg_ok = arg_int(fl, 1, 20, &arg);
        else if (is(fl, "date"))
            arg_ok = !fl->arg || (fl->arg_len == 5 && memcmp(fl->arg, "short", 5) == 0);
        if (!arg_ok)
            goto bad_arg;
        if (needs_number && !as_number(value, &num)) {
            vb_error(cx->d, cx->path, line, col,
                     "bộ lọc %.*s cần một số, nhưng giá trị là \"%s\"", (int)fl->name_len,
                     fl->name, value);
            goto fail;
        }
        /* the digits that count: the integer part, and the decimals number
         * and percent show ("83.640000000000001" | number:2 is 4 digits) or
         * all of them for the others ("5.0000000000000001" | words is not
         * five) */
        int shown = needs_number ? integer_digits(value) : 0;
        if (is(fl, "number") || is(fl, "percent"))
            shown += fl->arg ? arg : decimals_of(value);
        else if (needs_number) /* words, money, roman, pad read the whole figure */
            shown += decimals_of(value);
        if (shown > 15) {
            vb_error(cx->d, cx->path, line, col,
                     "bộ lọc %.*s: số \"%s\" có quá 15 chữ số, không in được chính xác",
                     (int)fl->name_len, fl->name, value);
            goto fail;
        }
        if (is(fl, "number")) {
            vn_format_number(&b, num, fl->arg ? arg : decimals_of(value));
        } else if (is(fl, "percent")) {
            vn_format_percent(&b, num, fl->arg ? arg : decimals_of(value));
        } else if (is(fl, "money")) {
            vn_format_money(&b, num);
        } else if (is(fl, "words")) {
            if (num != floor(num) || !vn_number_words(&b, (long long)num)) {
                vb_error(cx->d, cx->path, line, col,
                         "bộ lọc words cần một số nguyên, nhưng giá trị là \"%s\"", value);
                goto fail;
            }
        } else if (is(fl, "roman")) {
            if (num != floor(num) || !vn_roman(&b, (int)num)) {
                vb_error(cx->d, cx->path, line, col,
                         "bộ lọc roman cần một số nguyên từ 1 đến 3999, nhưng giá trị là \"%s\"",
                         value);
                goto fail;
            }
        } else if (is(fl, "pad")) {
            if (num != floor(num)) {
                vb_error(cx->d, cx->path, line, col,
                         "bộ lọc pad cần một số nguyên, nhưng giá trị là \"%s\"", value);
                goto fail;
            }
            vn_pad(&b, (long long)num, arg);
        } else if (is(fl, "date")) {
            bool shortf = fl->arg != NULL; /* "short", checked above */
            vn_date dt;
            if (!vn_parse_iso_date(value, &dt)) {
                bool shaped = strlen(value) == 10 && value[4] == '-' && value[7] == '-';
                for (int c = 0; shaped && c < 10; c++)
                    shaped = c == 4 || c == 7 || isdigit((unsigned char)value[c]);
                int month = shaped ? (value[5] - '0') * 10 + (value[6] - '0') : 0;
                if (shaped && (month < 1 || month > 12))
                    vb_error(cx->d, cx->path, line, col,
                             "bộ lọc date: ngày \"%s\" có tháng %.2s, không có tháng này", value,
                             value + 5);
                else if (shaped) /* "2023-02-29": written right, but no such day */
                    vb_error(cx->d, cx->path, line, col,
                             "bộ lọc date: ngày \"%s\" không có trên lịch (tháng %.2s năm %.4s)",
                             value, value + 5, value);
                else
                    vb_error(cx->d, cx->path, line, col,
                             "bộ lọc date cần ngày dạng NĂM-THÁNG-NGÀY (2023-07-18), nhưng giá "
                             "trị là \"%s\"",
                             value);
                goto fail;
            }
            if (shortf)
                vn_format_date_short(&b, dt);
            else
                vn_format_date(&b, dt);
        } else if (is(fl, "upper")) {
            vn_upper(&b, value, strlen(value));
        } else if (is(fl, "lower")) {
            vn_lower(&b, value, strlen(value));
        } else if (is(fl, "title")) {
            vn_title(&b, value, strlen(value));
        } else {
            vb_error(cx->d, cx->path, line, col,
                     "không có bộ lọc \"%.*s\"; dùng number, money, words, date, upper, lower, "
                     "title, roman, pad, percent hoặc default",
                     (int)fl->name_len, fl->name);
            goto fail;
        }
        free(value);
        value = vb_buf_take(&b);
        continue;
    bad_arg:
        vb_error(cx->d, cx->path, line, col, "đối số \"%.*s\" của bộ lọc %.*s không hợp lệ",
                 (int)fl->arg_len, fl->arg ? fl->arg : "", (int)fl->name_len, fl->name);
        goto fail;
    }
    vb_buf_free(&b);
    return value;
fail:
    cx->failed = true;
    vb_buf_free(&b);
    free(value);
    return NULL;
}
