/* render --set KEY=VALUE: which document of a run takes each value, and the
 * refusal of one that none does. */
#include "render_sets.h"
#include "frame/frame.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* Levenshtein distance of two short ASCII keys, capped at 9. */
static int key_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 40 || lb > 40)
        return 9;
    int row[41];
    for (size_t j = 0; j <= lb; j++)
        row[j] = (int)j;
    for (size_t i = 1; i <= la; i++) {
        int diag = row[0];
        row[0] = (int)i;
        for (size_t j = 1; j <= lb; j++) {
            int up = row[j];
            int best = diag + (a[i - 1] != b[j - 1]);
            if (up + 1 < best)
                best = up + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[lb] < 9 ? row[lb] : 9;
}

/* Sets one field from "KEY=VALUE". */
static void set_field(front_matter *fm, const char *key, const char *value)
{
    /* The template and the data are NFC (read through vn_decode); a value
     * typed in decomposed form (some input methods, macOS terminals) would
     * otherwise compare unequal to the same words. */
    char *nfc = (char *)utf8proc_NFC((const utf8proc_uint8_t *)value);
    front_matter_set(fm, key, nfc ? nfc : value);
    free(nfc);
}

/* "--set KEY" refused: `why` after the template's name. */
static void set_refused(render_sets *st, const char *key, const char *path, const char *why)
{
    vb_buf where;
    vb_buf_init(&where);
    vb_buf_printf(&where, "--set %s", key);
    vb_error(st->d, where.data, 0, 0, "mẫu %s %s", path, why);
    vb_buf_free(&where);
    st->d->exit_code = VB_EXIT_USAGE;
}

/* A key neither the template nor vanban has: a typo that would otherwise
 * print a blank "Số:" with exit 0. Refused, with the nearest field the
 * template has. */
static void set_unknown(render_sets *st, const front_matter *fm, const char *key,
                        const char *path, bool with_attachments)
{
    const char *near = NULL;
    int best = 3; /* at most two edits away */
    for (size_t k = 0; k < fm->n; k++) {
        int dist = key_distance(key, fm->entries[k].key);
        if (dist < best) {
            best = dist;
            near = fm->entries[k].key;
        }
    }
    vb_buf why;
    vb_buf_init(&why);
    vb_buf_printf(&why, "%skhông có trường \"%s\"%s%s%s",
                  with_attachments ? "và các văn bản kèm theo " : "", key,
                  near ? "; có phải \"" : "", near ? near : "", near ? "\"?" : "");
    set_refused(st, key, path, why.data);
    vb_buf_free(&why);
}

/* The frame a front matter asks for (an unknown one is reported later, by
 * frame_from_front_matter). */
static frame_kind fm_frame_kind(const front_matter *fm)
{
    const char *name = front_matter_get(fm, "frame");
    if (name && strcmp(name, "official") == 0)
        return FRAME_OFFICIAL;
    if (name && strcmp(name, "certificate") == 0)
        return FRAME_CERTIFICATE;
    return FRAME_PLAIN;
}

/* A --set no document takes: a field only another kind of document reads
 * ("vien" on an official document, which was silently ignored), or one
 * nothing has. */
static void set_not_taken(render_sets *st, const front_matter *fm, frame_kind kind,
                          const char *key, const char *path, bool with_attachments)
{
    if (!frame_key_known(key)) {
        set_unknown(st, fm, key, path, with_attachments);
        return;
    }
    vb_buf why;
    vb_buf_init(&why);
    vb_buf_printf(&why, "là %s, không đọc trường \"%s\": trường này chỉ dùng cho ",
                  kind == FRAME_OFFICIAL      ? "văn bản hành chính (frame: official)"
                  : kind == FRAME_CERTIFICATE ? "giấy khen (frame: certificate)"
                                              : "tài liệu thường (frame: plain)",
                  key);
    frame_key_readers(&why, key);
    set_refused(st, key, path, why.data);
    vb_buf_free(&why);
}

/* Applies the --set options to the main document. Each replaces a field
 * the template has, or one its frame reads (frame_key_read_by). A field
 * only another frame reads ("vien" on an official document) was accepted
 * and silently ignored: refused, as an unknown field is. Either may still
 * be one an attachment has: with kem_theo they are left to
 * render_sets_check. False after reporting. */
bool render_sets_main(render_sets *st, front_matter *fm, const char *path)
{
        bool ok = true;
    for (int pass = 0; pass < 2; pass++) /* frame first: it says which fields are read */
        for (size_t i = 0; i < st->n; i++) {
            const char *eq = strchr(st->items[i], '=');
            char *key = vb_xstrndup(st->items[i], (size_t)(eq - st->items[i]));
            if ((strcmp(key, "frame") == 0) != (pass == 0)) {
                free(key);
                continue;
            }
            frame_kind kind = fm_frame_kind(fm);
            if (front_matter_find(fm, key) || frame_key_read_by(kind, key)) {
                set_field(fm, key, eq + 1);
                st->used[i] = true;
            } else if (kind != FRAME_CERTIFICATE && front_matter_find(fm, "kem_theo")) {
                /* an attachment may have it: render_sets_check */
            } else {
                set_not_taken(st, fm, kind, key, path, false);
                ok = false;
            }
            free(key);
        }
    return ok;
}

/* The --set options an attachment (kem_theo) takes: the page's format
 * (co_chu, gian_dong, margins, tone), which one printed file keeps
 * throughout, and the fields the attachment itself has that its frame does
 * not read (the templates' own, like don_vi). Fields its frame reads that
 * name the document (so_ky_hieu, ngay, nguoi_ky, …) stay the main
 * document's: the plan's number is not the attached form's. */
void render_sets_attachment(render_sets *st, front_matter *fm)
{
        frame_kind kind = fm_frame_kind(fm);
    for (size_t i = 0; i < st->n; i++) {
        const char *eq = strchr(st->items[i], '=');
        char *key = vb_xstrndup(st->items[i], (size_t)(eq - st->items[i]));
        bool own = front_matter_find(fm, key) && !frame_key_read_by(kind, key);
        if (own || frame_key_is_format(key)) {
            set_field(fm, key, eq + 1);
            st->used[i] = st->used[i] || own;
        }
        free(key);
    }
}

/* After the main document (its front matter `fm`) and its attachments: a
 * --set no document took. */
bool render_sets_check(render_sets *st, const front_matter *fm, const char *path)
{
    bool ok = true;
    for (size_t i = 0; i < st->n; i++)
        if (!st->used[i]) {
            const char *eq = strchr(st->items[i], '=');
            char *key = vb_xstrndup(st->items[i], (size_t)(eq - st->items[i]));
            set_not_taken(st, fm, fm_frame_kind(fm), key, path, true);
            free(key);
            ok = false;
        }
    return ok;
}
