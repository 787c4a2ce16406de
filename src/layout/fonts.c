/* Faces for inline styles. */
#include "layout_internal.h"

font_face *lay_face(lay_ctx *cx, unsigned st)
{
    font_role role = (st & MD_CODE) ? FONT_ROLE_MONO : FONT_ROLE_SERIF;
    font_style style = (font_style)(((st & MD_BOLD) ? FONT_BOLD : 0) |
                                    ((st & MD_ITALIC) ? FONT_ITALIC : 0));
    font_face *f = font_set_face(cx->fonts, role, style, cx->d);
    if (!f)
        cx->failed = true;
    return f;
}

double lay_ascent(lay_ctx *cx, double size)
{
    font_face *f = lay_face(cx, 0);
    return f ? font_face_ascent(f) * size / 1000.0 : size * 0.891;
}

/* A font without Vietnamese letters (a symbol font chosen by mistake) gave
 * one message per run of text: a thousand lines, the same one up to 25
 * times, for one cause. */
void lay_missing_glyph(lay_ctx *cx, const font_face *face, uint32_t cp, int line)
{
    cx->failed = true;
    for (size_t i = 0; i < cx->n_missing; i++)
        if (cx->missing[i].face == face && cx->missing[i].cp == cp)
            return;
    if (cx->n_missing == LAY_MISSING_TOLD) {
        if (!cx->missing_more_told)
            vb_error(cx->d, cx->doc->path, line, 0,
                     "còn ký tự khác không có trong phông %s; phông này có lẽ không đủ chữ tiếng "
                     "Việt: chọn họ phông khác bằng --font-family",
                     font_face_family(face));
        cx->missing_more_told = true;
        return;
    }
    cx->missing[cx->n_missing].face = face;
    cx->missing[cx->n_missing++].cp = cp;
    vb_buf ch;
    vb_buf_init(&ch);
    vb_buf_put_cp(&ch, cp);
    vb_error(cx->d, cx->doc->path, line, 0,
             "ký tự \"%s\" (U+%04X) không có trong phông %s; hãy bỏ ký tự này (ở dòng này của "
             "mẫu, hoặc trong giá trị mà một thẻ {{…}} của dòng này lấy từ dữ liệu) hoặc chọn "
             "phông khác bằng --font-family",
             ch.data, cp, font_face_family(face));
    vb_buf_free(&ch);
}
