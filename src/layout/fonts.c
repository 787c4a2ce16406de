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
