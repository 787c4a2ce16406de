#!/usr/bin/env bash
# Footnotes and page breaks: a note is on the page of the line that cites it
# whichever break the page takes, and nothing of a note is drawn off the
# page, or makes the paginator go on without end.
. "$(dirname "$0")/lib.sh"

# 1. A page that cannot end after the line citing a note (a widow kept with
# it, a heading kept with its text) ends at an earlier break: the line goes
# to the next page, and its note went with it before 5fc5dfd; after it the
# note stayed behind on the page before its reference.
python3 - "$T" <<'PY'
import sys
t = sys.argv[1]
body = ("Các đơn vị tham gia Hội thi theo hình thức trực tuyến kết hợp trực tiếp, bảo đảm "
        "đúng thời gian và yêu cầu. ")
for mode in ("widow", "heading"):
    for n in range(24, 35):
        out = ["Dòng ngắn số %d." % i for i in range(n)]
        if mode == "widow":  # the note is cited on the last line but one
            out.append(body + "Câu có chú thích XREF[^1] giữa đoạn thêm vài chữ nữa cho đủ dòng. "
                       "Các đơn vị tham gia Hội thi theo hình thức trực tuyến kết hợp")
        else:
            out.append("## Tiêu đề mục XREF[^1]")
            out.append((body + "Câu thêm vài chữ nữa cho đủ dòng. ") * 4)
        out += ["Đoạn sau cùng.", "[^1]: NOTEWORD chú thích."]
        open(f"{t}/{mode}{n}.md", "w").write("\n\n".join(out) + "\n")
PY
for f in "$T"/widow*.md "$T"/heading*.md; do
    "$VANBAN" render "$f" -o "${f%.md}.pdf"
done
python3 - "$T" "$TOOLS" <<'PY'
import glob, sys
sys.path.insert(0, sys.argv[2])
import pdfgeom
from tap import check, done
for pdf in sorted(glob.glob(sys.argv[1] + "/*.pdf")):
    pages = pdfgeom.words(pdf)
    def on(word):
        return [i + 1 for i, p in enumerate(pages) for w in p["words"] if w[0].startswith(word)]
    ref, note = on("XREF"), on("NOTEWORD")
    check(len(ref) == 1 and ref == note,
          f"{pdf.split('/')[-1]}: the note is on its reference's page (page {ref} / {note})")
done()
PY

# 2. A note too tall for any page ends the page under the line citing it;
# when that line is a heading, the heading was left alone at the page's
# foot, its text on the next page. The page now ends at the next allowed
# break: the heading keeps its first lines.
python3 - > "$T/tall.md" <<'PY'
print("Đoạn thân mở đầu. " * 60 + "\n")
print("## Mục hai có chú thích HREF[^1]\n")
print("Đoạn thân sau tiêu đề. " * 60 + "\n")
print("[^1]: " + " ".join("aa%d" % k for k in range(1500)) + "\n")
PY
"$VANBAN" render "$T/tall.md" -o "$T/tall.pdf"
python3 - "$T/tall.pdf" "$TOOLS" <<'PY'
import re, sys
sys.path.insert(0, sys.argv[2])
import pdfgeom
from tap import check, done
pages = pdfgeom.lines(sys.argv[1])
hp = [i for i, p in enumerate(pages) for l in p if l["text"].startswith("Mục hai")]
check(len(hp) == 1, "the heading is printed once")
if hp:
    page = pages[hp[0]]
    k = next(n for n, l in enumerate(page) if l["text"].startswith("Mục hai"))
    after = [l["text"] for l in page[k + 1:] if "tiêu đề" in l["text"]]
    check(len(after) >= 2, f"the heading keeps its first lines on its page ({len(after)})")
seq = [w[0] for p in pdfgeom.words(sys.argv[1])
       for w in sorted(p["words"], key=lambda w: (round(w[4]), w[1])) if re.fullmatch(r"aa\d+", w[0])]
check(seq == ["aa%d" % k for k in range(1500)], "the long note is printed whole, in order")
done()
PY

# 3. Notes were set once, at the document's text width; a portrait page
# ("<!-- vanban: dọc -->") in a landscape document is narrower, and its
# notes ran off the paper's right edge. (They are now set for the page they
# are on: e2e/footnote_turned.)
cat > "$T/ngang.md" <<'MD'
---
huong: ngang
---

Đoạn mở đầu trên trang ngang có chú thích XREF[^1].

<!-- vanban: dọc -->

Đoạn trên trang dọc có chú thích YREF[^2].

[^1]: NOTEONE chú thích thứ nhất khá dài để chiếm trọn một dòng ở chân trang, các đơn vị tham gia Hội thi theo hình thức trực tuyến kết hợp trực tiếp, bảo đảm đúng thời gian và yêu cầu của Ban Tổ chức.

[^2]: NOTETWO chú thích thứ hai khá dài để chiếm trọn một dòng ở chân trang, các đơn vị tham gia Hội thi theo hình thức trực tuyến kết hợp trực tiếp, bảo đảm đúng thời gian và yêu cầu của Ban Tổ chức.
MD
"$VANBAN" render "$T/ngang.md" -o "$T/ngang.pdf"
python3 - "$T/ngang.pdf" "$TOOLS" <<'PY'
import sys
sys.path.insert(0, sys.argv[2])
import pdfgeom
from tap import check, done
mm = 72 / 25.4
pages = pdfgeom.words(sys.argv[1])
check(len(pages) == 2 and pages[1]["width"] < pages[1]["height"], "page 2 is portrait")
# the portrait page turned in a landscape document: 20 mm left and right
for n, p in enumerate(pages):
    right = max(w[3] for w in p["words"])
    check(right <= p["width"] - 15 * mm + 0.5,
          f"page {n + 1}: no text right of the margin ({right:.1f} of {p['width']:.1f})")
text = " ".join(w[0] for p in pages for w in p["words"])
check("chức." in text and text.count("chức.") == 2, "both notes printed to their end")
done()
PY

# 4. A footnote is set for the document's pages; on a turned page, shorter,
# an image in it (up to 9/10 of a portrait page's text) or a slice of a
# table never fitted, and the paginator made pages of nothing without end
# (1.5 GB in 8 s). Such boxes now fit the shorter page, and a page of notes
# alone always takes one.
python3 - "$T/tall.png" <<'PY'
import struct, sys, zlib
w, h = 100, 1000
raw = b"".join(b"\x00" + b"\x80" * w * 3 for _ in range(h))
def chunk(t, d):
    return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
open(sys.argv[1], "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
                              + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
PY
printf 'Đoạn mở đầu.\n\n<!-- vanban: ngang -->\n\nĐoạn trên trang ngang có chú thích XREF[^1].\n\n[^1]: ![](tall.png)\n' > "$T/img.md"
python3 - > "$T/cell.md" <<'PY'
print("Đoạn mở đầu.\n\n<!-- vanban: ngang -->\n\nĐoạn ngang có chú thích XREF[^1].\n")
print("[^1]: Bảng:\n\n    | A | B |\n    |---|---|\n    | " + " ".join("tt%d" % i for i in range(1500)) + " | x |\n")
PY
for f in img cell; do
    rc=0
    capped 2000000 timeout 20 "$VANBAN" render "$T/$f.md" -o "$T/$f.pdf" || rc=$?
    check "$f: a note too tall for a turned page is rendered (exit $rc)" [ "$rc" -eq 0 ]
done
python3 - "$T" "$TOOLS" <<'PY'
import os, re, sys
sys.path.insert(0, sys.argv[2])
import pdfgeom
from tap import check, done
mm = 72 / 25.4
t = sys.argv[1]
for f in ("img", "cell"):
    pdf = f"{t}/{f}.pdf"
    if not os.path.exists(pdf):
        continue
    pages = pdfgeom.words(pdf)
    inside = all(p["width"] < p["height"] or (30 * mm - 1 <= w[2] and w[4] <= p["height"] - 15 * mm + 1)
                 for p in pages for w in p["words"] if not w[0].isdigit())
    check(inside, f"{f}: every word inside the turned pages' top and bottom margins")
seq = [w[0] for p in pdfgeom.words(t + "/cell.pdf")
       for w in sorted(p["words"], key=lambda w: (round(w[4]), w[1])) if re.fullmatch(r"tt\d+", w[0])]
check(seq == ["tt%d" % k for k in range(1500)], f"the note's table is printed whole ({len(seq)} of 1500)")
# the image: within the page's top and bottom margins
import subprocess
tr = subprocess.run(["mutool", "draw", "-F", "trace", "-o", "-", t + "/img.pdf", "2"],
                    capture_output=True, text=True).stdout
m = re.search(r'<fill_image [^>]*transform="([-\d. ]+)"', tr)
if m:
    a, b, c, d, e, f_ = map(float, m.group(1).split())
    check(abs(d) <= (210 - 30 - 15) * mm, f"img: the image is no taller than the turned page's text ({abs(d) / mm:.0f} mm)")
else:
    check(False, "img: the image is drawn")
done()
PY
finish
