#!/usr/bin/env bash
# Page geometry a clerk sees on paper: a whole landscape document's header
# and signature, the margins of turned pages, the paper size, and how full
# page one is at the widest margins. Measured on the real PDF.
. "$(dirname "$0")/lib.sh"

# huong: ngang for the whole document. The header is two columns across the
# text width (Decree 30 §2): the quốc hiệu, tiêu ngữ and date stand over the
# right part of the text, as they do in portrait, and the signature block
# under them. The left column kept its portrait 68 mm and the quốc hiệu
# started left of the text's middle, far from the signature. A "ngang"
# appendix in a landscape document stays landscape and "dọc" turns to
# portrait (they were read as "turn the document's page": a portrait
# "landscape" appendix).
"$VANBAN" render "$VANBAN_SRC/tests/data/official/ke-hoach.md" -o "$T/doc.pdf"
"$VANBAN" render "$VANBAN_SRC/tests/data/official/ke-hoach.md" --set huong=ngang -o "$T/ngang.pdf"
python3 - "$T/doc.pdf" "$T/ngang.pdf" "$TOOLS" <<'PY'
import sys
sys.path.insert(0, sys.argv[3])
import pdfstext
from tap import check, done
mm = 72 / 25.4
def geometry(pdf, page_w):
    pages = pdfstext.lines(pdf)
    left, right = 30 * mm, page_w - 15 * mm
    def find(text):
        got = [l for pg in pages for l in pg if l["text"] == text]
        return got[0] if got else None
    rel = lambda l: ((l["x0"] + l["x1"]) / 2 - left) / (right - left)
    return pages, left, right, find, rel
_, _, _, pfind, prel = geometry(sys.argv[1], 595.276)
pages, left, right, find, rel = geometry(sys.argv[2], 841.89)
check(all(l["page_w"] > l["page_h"] for pg in pages for l in pg[:1]), "every page landscape")
mid = (left + right) / 2
qh, tn = find("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), find("Độc lập - Tự do - Hạnh phúc")
date = find("Sóc Trăng, ngày 05 tháng 02 năm 2023")
sign = [find(t) for t in ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Văn Thanh")]
check(qh and tn and date and all(sign), "header and signature lines found")
for name, l in (("quốc hiệu", qh), ("tiêu ngữ", tn), ("date", date)):
    check(l["x0"] >= mid and l["x1"] <= right + 0.5,
          "%s in the right half of the text (%.0f–%.0f, middle %.0f)" % (name, l["x0"], l["x1"], mid))
check(abs(rel(qh) - prel(pfind("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"))) < 0.02,
      "quốc hiệu at the same share of the text width as in portrait (%.3f)" % rel(qh))
for l in sign:
    check(l["x0"] >= mid and abs((l["x0"] + l["x1"]) / 2 - (qh["x0"] + qh["x1"]) / 2) < 10 * mm,
          "%s in the right half, under the quốc hiệu" % l["text"])
done()
PY
"$VANBAN" render "$VANBAN_SRC/tests/data/official/ngang.md" --set huong=ngang -o "$T/ngang2.pdf"
sizes=$(pdfinfo -f 1 -l 9 "$T/ngang2.pdf" | awk '/^Page +[0-9]+ size/ {print $4 "x" $6}' | tr '\n' ' ')
check "landscape document: body and 'ngang' appendix landscape, 'dọc' appendix portrait ($sizes)" \
    [ "$sizes" = "841.89x595.276 841.89x595.276 595.276x841.89 " ]

# A page turned landscape in a portrait document (the ranking appendix) is
# bound with the others by the edge that was the portrait sheet's left: its
# top, when the landscape page is printed on the portrait sheet turned a
# quarter (Decree 30 §1: left 30–35 mm is the binding margin). The margins
# turn with it: top 30 (le_trai), right 20 (le_tren), bottom 15 (le_phai),
# left 20 mm (le_duoi). It kept 30 mm on its left, a short edge, and 20 mm
# at the bound top. The same holds the other way: a "dọc" page in a
# landscape document.
"$VANBAN" render "$VANBAN_SRC/templates/bao-cao-ket-qua.md" -d "$VANBAN_SRC/samples/soctrang-2023/contest.xml" \
    --set xep_hang=có -o "$T/xh.pdf"
python3 - "$T/xh.pdf" "$T/ngang2.pdf" "$TOOLS" <<'PY'
import sys
sys.path.insert(0, sys.argv[3])
import pdfstext
from tap import check, done
mm = 72 / 25.4
def turned(pdf, want_landscape):
    pages = pdfstext.lines(pdf)
    got = [(i, pg) for i, pg in enumerate(pages)
           if pg and (pg[0]["page_w"] > pg[0]["page_h"]) == want_landscape]
    return got
for pdf, landscape, what in ((sys.argv[1], True, "landscape page of a portrait document"),
                             (sys.argv[2], False, "portrait page of a landscape document")):
    got = turned(pdf, landscape)
    check(got, "%s: found" % what)
    for i, pg in got:
        W, H = pg[0]["page_w"], pg[0]["page_h"]
        num = [l for l in pg if l["text"].isdigit() and l["y1"] < 30 * mm]
        body = [l for l in pg if l not in num]
        x0, x1 = min(l["x0"] for l in body), max(l["x1"] for l in body)
        top, bottom = min(l["y0"] for l in body), max(l["y1"] for l in body)
        check(x0 >= 20 * mm - 0.5 and x1 <= W - 20 * mm + 0.5,
              "%s %d: text within the 20 mm side margins (%.1f–%.1f mm)"
              % (what, i + 1, x0 / mm, (W - x1) / mm))
        check(top >= 30 * mm - 0.5 and top <= 30 * mm + 8,
              "%s %d: text starts under the 30 mm binding margin at the top (%.1f mm)"
              % (what, i + 1, top / mm))
        check(bottom <= H - 15 * mm + 0.5, "%s %d: text above the 15 mm bottom margin (%.1f mm)"
              % (what, i + 1, (H - bottom) / mm))
        for l in num:
            check(abs((l["x0"] + l["x1"]) / 2 - W / 2) < 0.5 and l["y1"] < 30 * mm,
                  "%s %d: page number centred in the top margin" % (what, i + 1))
    if landscape:
        x0 = min(l["x0"] for _, pg in got for l in pg)
        check(x0 < 25 * mm, "the table uses the width the binding margin gave back (from %.1f mm)" % (x0 / mm))
        check(any(l["text"].isdigit() for _, pg in got for l in pg), "a continuation page is numbered")
done()
PY

# kho_giay on an official document: Decree 30 §1 allows A4 only. "A5" was
# read by nobody and the document printed on A4, exit 0. Now one message at
# the field's line and column (or naming --set), exit 1, no PDF written and
# an older one left as it was. A4 is accepted; a plain document may use A5;
# a certificate keeps its own kho_giay (A5 landscape).
mkdir -p "$T/paper"
printf -- '---\nframe: official\nten_loai: KẾ HOẠCH\ntrich_yeu: Thử khổ giấy\nkho_giay: A5\n---\n\nNội dung./.\n' > "$T/paper/a5.md"
set +e; "$VANBAN" render "$T/paper/a5.md" -o "$T/paper/a5.pdf" 2> "$T/paper/err"; rc=$?; set -e
check "official kho_giay: A5 refused at its line and column, exit 1, no PDF (exit $rc)" \
    bash -c "[ $rc -eq 1 ] && [ ! -e '$T/paper/a5.pdf' ] && [ \"\$(cat '$T/paper/err')\" = 'vanban: $T/paper/a5.md:5:11: lỗi: kho_giay: \"A5\" không dùng được cho văn bản hành chính; Nghị định 30/2020/NĐ-CP chỉ cho phép khổ A4 (210 × 297 mm): ghi A4 hoặc bỏ trường này' ]"
"$VANBAN" render "$VANBAN_SRC/tests/data/official/ke-hoach.md" --set kho_giay=A4 -o "$T/paper/a4.pdf"
check "official kho_giay: A4 accepted" \
    bash -c "pdfinfo '$T/paper/a4.pdf' | grep -q 'Page size: *595.276 x 841.89'"
cp "$T/ngang.pdf" "$T/paper/old.pdf"
set +e; "$VANBAN" render "$VANBAN_SRC/tests/data/official/ke-hoach.md" --set kho_giay=A5 -o "$T/paper/old.pdf" 2> "$T/paper/err"; rc=$?; set -e
check "--set kho_giay=A5 refused naming --set, exit 1, the older PDF untouched" \
    bash -c "[ $rc -eq 1 ] && cmp -s '$T/ngang.pdf' '$T/paper/old.pdf' && [ \$(wc -l < '$T/paper/err') -eq 1 ] && grep -q '^vanban: --set kho_giay: lỗi: kho_giay: \"A5\" không dùng được cho văn bản hành chính' '$T/paper/err'"
printf -- '---\nkho_giay: A5\n---\n\nNội dung.\n' > "$T/paper/plain.md"
"$VANBAN" render "$T/paper/plain.md" -o "$T/paper/plain.pdf"
check "a plain document on A5 (148 × 210 mm)" \
    bash -c "pdfinfo '$T/paper/plain.pdf' | grep -q 'Page size: *419.528 x 595.276'"
"$VANBAN" render "$VANBAN_SRC/templates/giay-khen.md" -d "$VANBAN_SRC/samples/soctrang-2023/contest.xml" \
    --set kho_giay=A5 -o "$T/paper/gk.pdf" 2>/dev/null
check "a certificate still takes kho_giay: A5 (landscape)" \
    bash -c "pdfinfo '$T/paper/gk.pdf' | grep -q 'Page size: *595.276 x 419.528'"

# Page one at the widest margins the decree allows (25/25/35/20 mm). A short
# table (a third of a page or less) is kept whole by preference; when it did
# not fit at the foot of page one it went to page two with the headings kept
# with it, leaving up to a third of the page (~80 mm) blank. Past an eighth of
# the page blank it is split instead, its header row repeated. Across body
# lengths page one's last line is near the bottom margin.
python3 - "$VANBAN" "$T" "$TOOLS" <<'PY'
import subprocess, sys
sys.path.insert(0, sys.argv[3])
import pdfgeom
from tap import check, done
vanban, tmp = sys.argv[1], sys.argv[2]
mm = 72 / 25.4
head = """---
frame: official
co_quan_chu_quan: UBND TỈNH SÓC TRĂNG
co_quan_ban_hanh: SỞ NỘI VỤ
so_ky_hieu: 56/KH-SNV
dia_danh: Sóc Trăng
ngay: 2023-07-18
ten_loai: KẾ HOẠCH
trich_yeu: Tổ chức Hội thi Cải cách hành chính tỉnh Sóc Trăng năm 2023
le_tren: 25
le_duoi: 25
le_trai: 35
le_phai: 20
quyen_han: KT. GIÁM ĐỐC
chuc_vu: PHÓ GIÁM ĐỐC
nguoi_ky: Nguyễn Văn A
noi_nhan: ["Như trên;", "Lưu: VT."]
---

"""
para = ("Các đơn vị tổ chức quán triệt, tuyên truyền sâu rộng nội dung Kế hoạch đến toàn thể "
        "cán bộ, công chức, viên chức và người lao động, bảo đảm thiết thực, hiệu quả.")
table = ("### 2. Kết quả chấm điểm\n\n### 3. Bảng tổng hợp\n\n| STT | Đơn vị | Điểm |\n|---:|---|---:|\n" +
         "\n".join("| %d | Sở Giáo dục và Đào tạo tỉnh Sóc Trăng | 8%d,50 |" % (i, i) for i in range(1, 10)))
worst, split = 0, 0
for n in range(3, 12):
    md = head + "\n\n".join([para] * n) + "\n\n" + table + "\n\n" + "\n\n".join([para] * 12) + "./.\n"
    open(f"{tmp}/p1.md", "w").write(md)
    subprocess.run([vanban, "render", f"{tmp}/p1.md", "-o", f"{tmp}/p1.pdf"], check=True)
    pages = pdfgeom.lines(f"{tmp}/p1.pdf")
    h = pdfgeom.words(f"{tmp}/p1.pdf")[0]["height"]
    gap = (h - 25 * mm - pages[0][-1]["y1"]) / mm
    worst = max(worst, gap)
    split += any(l["text"].startswith("STT") for l in pages[0]) and \
             any(l["text"].startswith("STT") for l in pages[1])
    check(gap < 35, "%d paragraphs before the table: page one ends %.1f mm above the bottom margin" % (n, gap))
check(split > 0, "a short table split at the foot of page one repeats its header row (%d times)" % split)
done()
PY

finish
