#!/usr/bin/env bash
# Footnotes: each note at the foot of the page that cites it, below the text,
# in a smaller size, numbered in order of citation with superscript marks.
. "$(dirname "$0")/lib.sh"

python3 - > "$T/f.md" <<'PY'
filler = ("Các đơn vị tham gia Hội thi theo hình thức trực tuyến kết hợp trực tiếp, bảo đảm "
          "đúng thời gian, nội dung và yêu cầu của Ban Tổ chức Hội thi Cải cách hành chính. ")
for i in range(1, 41):
    text = filler * (1 + i % 3)
    if i in (4, 13, 22, 23, 31, 38):
        k = [4, 13, 22, 23, 31, 38].index(i) + 1
        text += f"Đoạn có tham chiếu TC{k}[^n{k}] ở cuối câu."
    print(text + "\n")
for k in range(1, 7):
    long = " Ghi chú này dài để chiếm nhiều dòng ở chân trang." * (k % 3 * 3)
    print(f"[^n{k}]: NOIDUNG{k} chú thích thứ {k}.{long}")
PY
"$VANBAN" render "$T/f.md" -o "$T/f.pdf"

python3 - "$T/f.pdf" "$TOOLS" <<'PY'
import re, sys
sys.path.insert(0, sys.argv[2])
import pdfgeom
pages = pdfgeom.lines(sys.argv[1])
from tap import check, done
allwords = [(p, w) for p, page in enumerate(pages) for l in page for w in l["words"]]
for k in range(1, 7):
    ref = [(p, w) for p, w in allwords if w[0].startswith(f"TC{k}")]
    note = [(p, w) for p, w in allwords if w[0].startswith(f"NOIDUNG{k}")]
    check(len(ref) == 1 and len(note) == 1, f"reference {k} and note {k} appear once")
    if len(ref) == 1 and len(note) == 1:
        check(ref[0][0] == note[0][0], f"note {k} is on the page of its reference (page {ref[0][0] + 1} / {note[0][0] + 1})")
        # the mark: a smaller, raised "k" right after the reference word
        marks = [w for p, w in allwords if p == ref[0][0] and w[0] == str(k) and
                 0 <= w[1] - ref[0][1][3] < 3]
        check(len(marks) == 1 and (marks[0][4] - marks[0][2]) < 0.8 * (ref[0][1][4] - ref[0][1][2]),
              f"reference {k} has a superscript mark")
        body = [w for p, w in allwords if p == ref[0][0] and re.match("Các|đúng|Đoạn", w[0])]
        check(note[0][1][2] > max(w[4] for w in body), f"note {k} is below the body text of its page")
        nh = note[0][1][4] - note[0][1][2]
        bh = ref[0][1][4] - ref[0][1][2]
        check(nh < bh, f"note {k} is set smaller than the body ({nh:.1f} < {bh:.1f})")
done()
PY
