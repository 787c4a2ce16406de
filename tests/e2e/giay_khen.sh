#!/usr/bin/env bash
# templates/giay-khen.md on the 2023 sample (issue 6 §4): 24 certificates —
# 10 collective, 4 initiative, 10 write-up — in the results' order, each
# with its recipient, unit and prize, inside the border; the register; the
# blank's pre-printed lines left out when printing onto blanks.
. "$(dirname "$0")/lib.sh"
CHECK="python3 $TOOLS/certcheck.py"
DATA="$VANBAN_SRC/samples/soctrang-2023/contest.xml"
TPL="$VANBAN_SRC/templates/giay-khen.md"

"$VANBAN" render "$TPL" -d "$DATA" -o "$T/gk.pdf" 2> "$T/err"
check "renders without a message ($(head -c 300 "$T/err"))" [ ! -s "$T/err" ]
check "24 pages" [ "$(pdfinfo "$T/gk.pdf" | awk '/^Pages:/{print $2}')" -eq 24 ]
$CHECK text "$T/gk.pdf" > "$T/pages.txt"
page() { sed -n "${1}p" "$T/pages.txt"; }
count() { grep -c -- "$1" "$T/pages.txt" || true; }
check "10 collective certificates" [ "$(count 'tập thể Hội thi Cải cách hành chính tỉnh Sóc Trăng năm 2023')" -eq 10 ]
check "4 initiative certificates" [ "$(count 'phần thi “Sáng kiến cải cách hành chính” với sáng kiến')" -eq 4 ]
check "10 write-up certificates" [ "$(count 'giải phụ cá nhân có phần trình bày trải nghiệm và góp ý hay tại phần thi “Trình bày trải nghiệm về chất lượng dịch vụ công trực tuyến”')" -eq 10 ]
check "page 1: the first prize, collective" grep -q 'Sở Giáo dục và Đào tạo Đã đạt giải Nhất tập thể Hội thi' <(page 1)
check "page 11: the initiative's first prize, a person with honorific, unit and initiative" \
    grep -q 'Ông Đặng Thanh Nam Trung tâm Y tế huyện Long Phú, Sở Y tế tỉnh Sóc Trăng Đã đạt giải Nhất phần thi “Sáng kiến cải cách hành chính” với sáng kiến “Phần mềm hỗ trợ giám định Bảo hiểm y tế”, Hội thi Cải cách hành chính tỉnh Sóc Trăng năm 2023' <(page 11)
# A comment inside the name (a clerk's note) is not the end of it.
sed 's|>Đặng Thanh Nam<|>Đặng <!-- kiểm tra lại chữ lót -->Thanh Nam<|' "$DATA" > "$T/note.xml"
"$VANBAN" render "$TPL" -d "$T/note.xml" -o "$T/note.pdf" 2>/dev/null
check "page 11: a name with a comment inside is printed whole" \
    grep -q 'Ông Đặng Thanh Nam Trung tâm Y tế huyện Long Phú' <($CHECK text "$T/note.pdf" | sed -n 11p)
check "page 14: Bà Phan Thị Tú Quyên, giải Khuyến khích" grep -q 'Bà Phan Thị Tú Quyên .*giải Khuyến khích phần thi' <(page 14)
check "page 24: the last write-up" grep -q 'Bà Phạm Thị Thanh Tuyền Ban Quản lý các Khu công nghiệp tỉnh' <(page 24)
# The organizer's director gives a Giấy khen (Luật Thi đua, khen thưởng 2022,
# Điều 80); the province's chairman gives a Bằng khen, and was printed here.
check "every page: the authority, TẶNG, GIẤY KHEN, place and date, the title" \
    [ "$(count 'GIÁM ĐỐC SỞ NỘI VỤ TỈNH SÓC TRĂNG TẶNG GIẤY KHEN Sóc Trăng, ngày 25 tháng 12 năm 2023 KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC')" -eq 24 ]
check "register numbers in order" [ "$(grep -o 'Số vào sổ: [0-9]*/GK-HTCCHC' "$T/pages.txt" | head -3 | tr '\n' '|')" = "Số vào sổ: 01/GK-HTCCHC|Số vào sổ: 02/GK-HTCCHC|Số vào sổ: 03/GK-HTCCHC|" ]
# Room to sign and seal: a round seal is 35-40 mm and overlaps a third of
# the signature; 24 mm between the title and the name left the seal over
# the title or the name. Decree 30 gives official documents about 30 mm.
"$VANBAN" render "$TPL" -d "$DATA" --only 14 --set nguoi_ky="Nguyễn Văn An" -o "$T/signed.pdf"
gap=$(python3 - "$TOOLS" "$T/signed.pdf" <<'PY'
import sys
sys.path.insert(0, sys.argv[1])
import pdfgeom
page = pdfgeom.lines(sys.argv[2])[0]
title = [l for l in page if l["text"].strip() == "PHÓ GIÁM ĐỐC"][0]
name = [l for l in page if l["text"].strip() == "Nguyễn Văn An"][0]
print(round((name["y0"] - title["y1"]) * 25.4 / 72, 1))
PY
)
check "room to sign and seal: $gap mm between the title and the name (≥ 28)" \
    python3 -c "import sys; sys.exit(0 if float('$gap') >= 28 else 1)"
# A portrait certificate (huong: dọc) was the landscape one at 70.7 %: the
# quốc hiệu at 9.9 pt, GIẤY KHEN small, wide empty bands. A4 portrait has
# the same area: the sizes are the landscape ones.
"$VANBAN" render "$TPL" -d "$DATA" --only 11 --set huong=dọc -o "$T/doc.pdf"
"$VANBAN" render "$TPL" -d "$DATA" --only 11 -o "$T/ngang.pdf"
check "portrait: A4 portrait, the quốc hiệu and GIẤY KHEN as large as on landscape" python3 - "$TOOLS" "$T/doc.pdf" "$T/ngang.pdf" <<'PY'
import sys
sys.path.insert(0, sys.argv[1])
import pdfgeom
def heights(pdf):
    page = pdfgeom.lines(pdf)[0]
    h = lambda t: [l["y1"] - l["y0"] for l in page if l["text"].strip() == t][0]
    return h("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), h("GIẤY KHEN")
d, n = heights(sys.argv[2]), heights(sys.argv[3])
w, hgt = pdfgeom.words(sys.argv[2])[0]["width"], pdfgeom.words(sys.argv[2])[0]["height"]
print("  portrait %s, landscape %s, page %.0f x %.0f" % (d, n, w, hgt))
sys.exit(0 if w < hgt and all(a >= 0.97 * b for a, b in zip(d, n)) else 1)
PY
# A name of one long word (a missing space in the data) ran past the border
# and off the paper, exit 0: it shrinks to fit, with the warning; one that
# fits at no size is an error, and no PDF is written.
sed 's/>Đặng Thanh Nam</>Đặng Thanh NamNamNamNamNamNamNamNamNamNamNamNamNamNamNamNamNamNamNamNamNamNamNam</' "$DATA" > "$T/long1.xml"
"$VANBAN" render "$TPL" -d "$T/long1.xml" --only 11 -o "$T/long1.pdf" 2> "$T/long1.err"
check "a long one-word name shrinks within the paper, with a warning" python3 - "$TOOLS" "$T/long1.pdf" "$T/long1.err" <<'PY'
import sys
sys.path.insert(0, sys.argv[1])
import pdfgeom
p = pdfgeom.words(sys.argv[2])[0]
inside = all(0 <= w[1] and w[3] <= p["width"] for w in p["words"])
sys.exit(0 if inside and "quá dài, phải thu nhỏ" in open(sys.argv[3]).read() else 1)
PY
sed "s/>Đặng Thanh Nam</>Đặng Thanh $(python3 -c "print('Nam' * 120)")</" "$DATA" > "$T/long2.xml"
set +e; "$VANBAN" render "$TPL" -d "$T/long2.xml" --only 11 -o "$T/long2.pdf" 2> "$T/long2.err"; rc=$?; set -e
check "a word wider than the certificate at any size: exit 1, no PDF" \
    bash -c '[ "$1" -eq 1 ] && grep -q "có một từ dài hơn cả khổ giấy khen" "$2" && [ ! -e "$3" ]' _ "$rc" "$T/long2.err" "$T/long2.pdf"
check "the decision left blank to fill by hand" grep -q 'Quyết định số ………/QĐ-SNV ngày ……/……/……' <(page 5)
check "every glyph inside the border" $CHECK inside "$T/gk.pdf"
# One heading for the whole batch: a long achievement shrinks the recipient
# and the achievement first, so GIẤY KHEN, the authority and the date stay
# the same size and place on every page (page 14 was printed at 96 %).
check "the same GIẤY KHEN, authority and date on all 24 pages" python3 - "$T/gk.pdf" <<'PY'
import re, subprocess, sys
out = subprocess.run(["pdftotext", "-bbox", sys.argv[1], "-"], check=True, capture_output=True, text=True).stdout
seen = {}
for word in ("GIẤY", "TẶNG", "Trăng,"):
    boxes = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">%s</word>' % word, out)
    seen[word] = set(boxes)
    assert len(boxes) == 24, (word, len(boxes))
assert all(len(v) == 1 for v in seen.values()), {k: len(v) for k, v in seen.items()}
PY
# Air around the middle: a person's certificate (name, unit, three lines of
# achievement) had 3 mm (8.5 pt) under GIẤY KHEN and over the date where a
# collective one has 12.7 mm: crowded on paper. Now at least 5.5 mm on every
# certificate, the achievement not below 14 pt for it (poppler's line boxes).
check "air under GIẤY KHEN and over the date on every certificate" python3 - "$TOOLS" "$T/gk.pdf" <<'PY'
import sys
sys.path.insert(0, sys.argv[1])
import certcheck, pdfgeom
worst, bad = None, []
for p, (page, mu) in enumerate(zip(pdfgeom.lines(sys.argv[2]), certcheck.lines(sys.argv[2])), 1):
    title = [l for l in page if l["text"].strip() == "GIẤY KHEN"][0]
    date = [l for l in page if l["text"].startswith("Sóc Trăng, ngày")][0]
    mid = [l for l in page if title["y1"] < l["y0"] and l["y1"] <= date["y0"]]
    above, below = mid[0]["y0"] - title["y1"], date["y0"] - mid[-1]["y1"]
    size = [m[1] for m in mu if m[0].startswith("Đã đạt")][0]
    if worst is None or min(above, below) < worst[0]:
        worst = (min(above, below), p, above, below, size)
    if min(above, below) < 5.5 * 72 / 25.4 or size < 14:
        bad.append("page %d: %.2f pt above, %.2f pt below, achievement %.2f pt" % (p, above, below, size))
print("  least: page %d, %.2f pt above, %.2f pt below, achievement %.2f pt" % worst[1:])
print("\n".join("  " + b for b in bad))
sys.exit(1 if bad else 0)
PY
# A line break written in a field (cert.h: a forced break): a YAML block for
# the authority, "\n" in the recipient. It was refused: 'ký tự "\n" (U+000A)
# không có trong phông'. Each part is a line of its own, in order, at the
# size the line has without the break; the register reads it as one line.
awk '/^tham_quyen:/ {print "tham_quyen: |"; print "  CHỦ TỊCH ỦY BAN NHÂN DÂN"; print "  HUYỆN CHÂU THÀNH"; next}
     /^nguoi_nhan:/ {print "nguoi_nhan: \"Đội tuyển\\n{{(person/@name | unit/@name)[1]}}\\ntỉnh Sóc Trăng\""; next}
     /^each:/ {print "each: /contest/results/award[@kind='"'"'collective'"'"']"; next} {print}' "$TPL" > "$T/break.md"
set +e; "$VANBAN" render "$T/break.md" -d "$DATA" -o "$T/break.pdf" 2> "$T/break.err"; rc=$?; set -e
check "a line break in a field: printed, exit 0, no message (exit $rc: $(head -c 300 "$T/break.err"))" \
    bash -c '[ "$1" -eq 0 ] && [ ! -s "$2" ]' _ "$rc" "$T/break.err"
check "… each part a line of its own, in order, centred, at the line's size" python3 - "$TOOLS" "$T/break.pdf" <<'PY'
import sys
sys.path.insert(0, sys.argv[1])
import certcheck
W = 841.89
for p, page in enumerate(certcheck.lines(sys.argv[2]), 1):
    def find(*texts):
        ls = [[l for l in page if l[0].strip() == t] for t in texts]
        assert all(len(l) == 1 for l in ls), (p, texts, [l[0] for l in page])
        ls = [l[0] for l in ls]
        assert all(a[2] < b[2] for a, b in zip(ls, ls[1:])), (p, "order", ls)
        assert all(abs((l[3] + l[5]) / 2 - W / 2) < 1 for l in ls), (p, "centred", ls)
        assert len({l[1] for l in ls}) == 1, (p, "one size", ls)
        return ls[0][1]
    auth = find("CHỦ TỊCH ỦY BAN NHÂN DÂN", "HUYỆN CHÂU THÀNH")
    unit = [l[0] for l in page if l[0].startswith(("Sở", "Ủy ban", "Cục", "Công an"))][0]
    name = find("Đội tuyển", unit, "tỉnh Sóc Trăng")
    assert auth == 17 and name >= 28 * 0.7, (p, auth, name)
print("  authority 17 pt, recipient %.2f pt on %d pages" % (name, p))
PY
check "… the register reads the recipient as one line" \
    grep -q '^01/GK-HTCCHC,Đội tuyển Sở Giáo dục và Đào tạo tỉnh Sóc Trăng,,Giải Nhất,' "$T/break.csv"
check "the register: header + 24 rows" [ "$(wc -l < "$T/gk.csv")" -eq 25 ]
check "the register: the initiative's first prize" grep -q '^11/GK-HTCCHC,Đặng Thanh Nam,"Trung tâm Y tế huyện Long Phú, Sở Y tế tỉnh Sóc Trăng",Giải Nhất,6000000,gk.pdf,11' "$T/gk.csv"
check "the register: a collective prize" grep -q '^01/GK-HTCCHC,Sở Giáo dục và Đào tạo,,Giải Nhất,10000000,gk.pdf,1' "$T/gk.csv"

# Printing onto blanks: the pre-printed lines (in_san) are left out, the
# others stay exactly where they were.
"$VANBAN" render "$TPL" -d "$DATA" --only 11 --no-background -o "$T/blank.pdf"
check "onto blanks: no quốc hiệu, tiêu ngữ or GIẤY KHEN" \
    bash -c "! $CHECK text '$T/blank.pdf' | grep -q 'CỘNG HÒA\|Độc lập\|GIẤY KHEN'"
check "onto blanks: the authority and TẶNG are still printed" grep -q 'GIÁM ĐỐC SỞ NỘI VỤ TỈNH SÓC TRĂNG TẶNG' <($CHECK text "$T/blank.pdf")
check "onto blanks: the recipient where it is on plain paper" \
    [ "$($CHECK where "$T/blank.pdf" 1 'Đặng Thanh Nam')" = "$($CHECK where "$T/gk.pdf" 11 'Đặng Thanh Nam')" ]
check "onto blanks: the date where it is on plain paper" \
    [ "$($CHECK where "$T/blank.pdf" 1 'ngày 25 tháng 12')" = "$($CHECK where "$T/gk.pdf" 11 'ngày 25 tháng 12')" ]
# A3, an emblem, the double-rule border: the same certificate scaled to the
# sheet, the emblem centred at the top, every glyph inside the border.
"$VANBAN" render "$TPL" -d "$DATA" --only "@prizes='initiative'" -o "$T/a3.pdf" \
    --set kho_giay=A3 --set vien=doi --set "bieu_tuong=$VANBAN_SRC/samples/img/co-to-quoc.png" 2> "$T/err"
# Every size and distance scales with the sheet, so A3 needs what A4 does:
# with the emblem, certificate 14 sets the batch (all of each:, though only
# four are printed) at 98 % there too (certificate_batch.sh).
check "A3: only the batch's warning, as on A4 ($(head -c 200 "$T/err"))" \
    bash -c '[ "$(wc -l < "$1")" -eq 1 ] && grep -q "cả loạt 24 giấy khen được in ở 98%.*giấy khen 14/24" "$1"' _ "$T/err"
check "A3 landscape" grep -q '1190.55 x 841.89 pts (A3)' <(pdfinfo "$T/a3.pdf")
check "A3: every glyph inside the border" $CHECK inside "$T/a3.pdf"
check "A3: the emblem on every page, centred at the top" \
    python3 - "$T/a3.pdf" <<'PY'
import sys
sys.path.insert(0, __import__("os").environ["VANBAN_SRC"] + "/tests/tools")
import certcheck
pages = certcheck.images(sys.argv[1])
assert len(pages) == 4, pages
for ims in pages:
    assert len(ims) == 1, ims
    x, y, w, h = ims[0]
    assert abs(x + w / 2 - 1190.55 / 2) < 0.01, ims  # centred
    # MuPDF's y grows downwards: near the top; 18 mm on A4 scaled to A3 (× 1.414),
    # a little less when the page had to shrink to fit under it
    assert y < 200 and 60 < abs(h) <= 18 * 72 / 25.4 * 1.4142 + 0.01, ims
PY
# On a blank the heading is printed already, at its full size. A long
# achievement under an emblem shrank the whole page, pre-printed lines and
# all: on certificates 11 to 24 the authority and TẶNG were printed up to
# 2.4 mm off their places beside the blank's lines, and the recipient came up
# into its GIẤY KHEN. The middle now gives way further first; a page that
# must still shrink is named (14: the longest achievement).
EMB="bieu_tuong=$VANBAN_SRC/samples/img/co-to-quoc.png"
"$VANBAN" render "$TPL" -d "$DATA" --set "$EMB" -o "$T/emb.pdf" 2> /dev/null
"$VANBAN" render "$TPL" -d "$DATA" --set "$EMB" --no-background -o "$T/emb-blank.pdf" 2> "$T/err"
title_bottom=$($CHECK where "$T/emb.pdf" 1 'GIẤY KHEN' | cut -d' ' -f4)
for p in 11 12 13; do
    check "onto blanks with an emblem, certificate $p: the authority and TẶNG where they are on the first" \
        [ "$($CHECK where "$T/emb-blank.pdf" $p 'GIÁM ĐỐC SỞ') $($CHECK where "$T/emb-blank.pdf" $p 'TẶNG')" = \
          "$($CHECK where "$T/emb-blank.pdf" 1 'GIÁM ĐỐC SỞ') $($CHECK where "$T/emb-blank.pdf" 1 'TẶNG')" ]
    top=$($CHECK where "$T/emb-blank.pdf" $p 'Ông' | cut -d' ' -f2)
    check "onto blanks with an emblem, certificate $p: the recipient ($top) below the blank's GIẤY KHEN ($title_bottom)" \
        python3 -c "import sys; sys.exit(not float(sys.argv[1]) > float(sys.argv[2]))" "$top" "$title_bottom"
done
check "onto blanks: the one certificate that must still shrink is named ($(head -c 300 "$T/err"))" \
    bash -c '[ "$(grep -c "lệch khỏi các dòng in sẵn trên phôi" "$1")" -eq 1 ] && grep -q "giấy khen 14/24" "$1"' _ "$T/err"
finish
