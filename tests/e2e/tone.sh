#!/usr/bin/env bash
# One tone-mark style per document (DESIGN.md): classic by default, `tone:`
# in the front matter to change it; code spans keep their bytes; only a
# final oa/oe/uy moves, never after qu, never in a closed syllable.
. "$(dirname "$0")/lib.sh"

printf 'Hoà bình, khoẻ mạnh, thuỷ lợi, quý, hoàng, `hoà`.\n' > "$T/a.md"
"$VANBAN" render "$T/a.md" -o "$T/a.pdf"
check "classic by default" [ "$(flat_text "$T/a.pdf")" = "Hòa bình, khỏe mạnh, thủy lợi, quý, hoàng, hoà." ]

printf -- '---\ntone: modern\n---\nHòa bình, khỏe mạnh, thủy lợi, quý, hoàng, `hòa`.\n' > "$T/b.md"
"$VANBAN" render "$T/b.md" -o "$T/b.pdf"
check "tone: modern" [ "$(flat_text "$T/b.pdf")" = "Hoà bình, khoẻ mạnh, thuỷ lợi, quý, hoàng, hòa." ]

printf -- '---\ntone: keep\n---\nHoà bình, khỏe mạnh.\n' > "$T/c.md"
"$VANBAN" render "$T/c.md" -o "$T/c.pdf"
check "tone: keep leaves the text as written" [ "$(flat_text "$T/c.pdf")" = "Hoà bình, khỏe mạnh." ]

printf -- '---\ntone: moi\n---\nX.\n' > "$T/d.md"
set +e; "$VANBAN" render "$T/d.md" -o "$T/d.pdf" 2> "$T/err"; rc=$?; set -e
check "a bad tone is an error at its line (exit $rc)" bash -c "[ $rc -eq 1 ] && grep -q 'd.md:2:7: lỗi: tone: \"moi\"' '$T/err' && [ ! -e '$T/d.pdf' ]"
finish
