#!/usr/bin/env bash
# No justified line is loose: no word space wider than twice a space
# (tests/tools/loose.py says why 2), and no letters spaced more than
# 0.05 em. A line that a long unbreakable token leaves short (a telephone
# number that does not fit on it) had its few spaces at 2.25 times their
# width, on page 5 of the organiser's plan: the letters now take what the
# spaces cannot.
. "$(dirname "$0")/lib.sh"
S="$VANBAN_SRC/samples"

# Every template with the data it was written for, and every sample.
render() { # render NAME TEMPLATE ARGS...
    local name=$1; shift
    "$VANBAN" render "$@" -o "$T/$name.pdf" 2>/dev/null || bad "$name: renders"
}
render to-chuc-hoi-thi "$VANBAN_SRC/templates/to-chuc-hoi-thi.md" -d "$S/soctrang-2023/contest.xml"
render bao-cao-ket-qua "$VANBAN_SRC/templates/bao-cao-ket-qua.md" -d "$S/soctrang-2023/contest.xml"
render tham-gia-hoi-thi "$VANBAN_SRC/templates/tham-gia-hoi-thi.md" \
    -d "$S/soctrang-2023/contest.xml" --set don_vi=syt
render cuoc-thi-video "$VANBAN_SRC/templates/cuoc-thi-video.md" -d "$S/chauthanh-2024-video/contest.xml"
render thi-dua "$VANBAN_SRC/templates/thi-dua.md" -d "$S/kiengiang-2022-thi-dua/contest.xml"
for md in "$S"/*.md; do
    render "sample-$(basename "$md" .md)" "$md"
done
for pdf in "$T"/*.pdf; do
    check "$(basename "$pdf" .pdf): no loose line ($(python3 "$TOOLS/loose.py" "$pdf" | cut -c1-160 | tr '\n' ' '))" \
        python3 "$TOOLS/loose.py" "$pdf"
done

# The same in a plain document: a short paragraph whose first line cannot
# take the number. Its letters are spaced, within the limit; the spaces of
# a line so spaced are at half a space again (they take their share
# first); the last line, ragged, is not spaced at all.
# (Its first line had spaces 2.4 times their width.)
printf 'Mọi thông tin chi tiết xin liên hệ Sở Nội vụ (Thanh tra sở), điện thoại: 02993.624.779-02993.821.345, hộp thư điện tử: phongcchc.sonv@soctrang.gov.vn./.\n' > "$T/p.md"
"$VANBAN" render "$T/p.md" -o "$T/p.pdf"
check "a line left short by a telephone number is not loose ($(python3 "$TOOLS/loose.py" "$T/p.pdf" | tr '\n' ' '))" \
    python3 "$TOOLS/loose.py" "$T/p.pdf"
python3 - "$TOOLS" "$T/p.pdf" <<'PY' && ok "its letters take what the spaces cannot" || bad "letter spacing of the short line"
import sys
sys.path.insert(0, sys.argv[1])
import loose
ls = [l for l in loose.lines(sys.argv[2]) if l[3] and not l[3].isdigit()]
for pno, widest, track, text in ls:
    print(f"# {widest:.2f} spaces, {track:.3f} em letters: {text}")
first, last = ls[0], ls[-1]
sys.exit(0 if first[2] > 0.01 and 1.45 < first[1] <= 2 and last[2] < 1e-3 else 1)
PY
finish
