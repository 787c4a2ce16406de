#!/usr/bin/env bash
# Footnotes on a turned page (a wide table's appendix, "<!-- vanban: ngang -->"
# in a portrait document, or "dọc" in a landscape one) are set across that
# page's text column, between its own margins, like the text above them;
# their rule too. Notes were set once, for the narrower column, and only
# moved onto the turned page: on a landscape page they filled 165 of its
# 257 mm. A note going on from a page of one orientation to one of the
# other has what is left of it broken again for the new width, from the
# word its next line started with: no word is lost or printed twice.
. "$(dirname "$0")/lib.sh"

# Note 1 (paragraphs and a list) is cited on the last portrait page and
# goes on to the turned ones; notes 2 and 3 start on a turned page; note 4
# (a paragraph, a one-column table, a paragraph) starts on a turned page
# and goes on to the portrait ones after; note 5 is cited on those. The
# text before grows, so the turns fall at other places in the notes.
python3 - "$T" <<'PY'
import sys
t = sys.argv[1]
filler = ("Các đơn vị tham gia Hội thi theo hình thức trực tuyến kết hợp trực tiếp, bảo đảm "
          "đúng thời gian, nội dung và yêu cầu của Ban Tổ chức Hội thi Cải cách hành chính. ")

def words(k, a, b):
    return " ".join(f"n{k}w{i}" for i in range(a, b))

n1 = (words(1, 0, 500) + "\n\n" + "\n".join("    - " + words(1, 500 + 15 * i, 515 + 15 * i) for i in range(30)) +
      "\n\n    " + words(1, 950, 1500))
n4 = (words(4, 0, 700) + "\n\n    | " + words(4, 700, 702) + " |\n    |---|\n" +
      "".join(f"    | {words(4, 702 + 2 * i, 704 + 2 * i)} |\n" for i in range(40)) + "\n    " + words(4, 782, 1500))
notes = {1: n1, 2: words(2, 0, 6), 3: words(3, 0, 60), 4: n4, 5: words(5, 0, 20)}

def doc(front, turn, back, lead):
    out = [front] if front else []
    out += [filler * 2 for _ in range(lead)]
    out.append(filler + "Đoạn có chú thích dài R1X[^1] ở cuối câu.")
    out.append(f"<!-- vanban: {turn} -->")
    out.append(filler * 2 + "Trên trang xoay có chú thích R2X[^2] ngắn.")
    out.append(filler * 3 + "Và chú thích R3X[^3] vừa.")
    out += [filler * 2 for _ in range(2)]
    out.append(filler + "Chú thích dài thứ hai R4X[^4] ở đây.")
    out += [filler * 2 for _ in range(2)]
    out.append(f"<!-- vanban: {back} -->")
    out += [filler * 2 for _ in range(3)]
    out.append(filler + "Chú thích cuối R5X[^5] ở đây.")
    out += [filler * 2 for _ in range(3)]
    out += [f"[^{k}]: {text}" for k, text in notes.items()]
    return "\n\n".join(out) + "\n"

for lead in range(0, 12, 2):
    open(f"{t}/doc{lead:02d}.md", "w").write(doc("", "ngang", "dọc", lead))
    open(f"{t}/ngang{lead:02d}.md", "w").write(doc("---\nhuong: ngang\n---", "dọc", "ngang", lead))

# A note of 5000 words (paragraphs, a code block) going on under text that
# turns at every page: what is left of it is broken again at each turn, from
# lines themselves broken again.
flip1 = (words(1, 0, 900) + "\n\n    ```\n" +
         "\n".join("    " + words(1, 900 + 6 * i, 906 + 6 * i) for i in range(50)) + "\n    ```\n\n    " +
         words(1, 1200, 3000) + "\n\n    " + words(1, 3000, 5000))
for lead in range(4):
    out = [filler * 2 for _ in range(lead)] + [filler + "Chú thích R1X[^1] rất dài."]
    for s in range(8):
        out.append("<!-- vanban: %s -->" % ("ngang" if s % 2 == 0 else "dọc"))
        out += [filler * 2 for _ in range(4)]
        if s == 3:
            out.append(filler + "Chú thích R2X[^2] ở giữa.")
    out += ["[^1]: " + flip1, "[^2]: " + words(2, 0, 900)]
    open(f"{t}/flip{lead}.md", "w").write("\n\n".join(out) + "\n")
PY
for f in "$T"/doc*.md "$T"/ngang*.md "$T"/flip*.md; do
    "$VANBAN" render "$f" -o "${f%.md}.pdf"
done
python3 - "$T" "$TOOLS" <<'PY'
import glob, re, sys
sys.path.insert(0, sys.argv[2])
import notecheck
from notecheck import MM, note_word
from tap import check, done
lengths = {1: 1500, 2: 6, 3: 60, 4: 1500, 5: 20}
flip_lengths = {1: 5000, 2: 900}
# top, right, bottom, left (mm): a page turned in either document keeps the
# binding margin (le_trai, 30 mm) on its bound edge, its top
margins = {"doc": {"portrait": (20, 15, 20, 30), "landscape": (30, 20, 15, 20)},
           "ngang": {"landscape": (20, 15, 20, 30), "portrait": (30, 20, 15, 20)}}
margins["flip"] = margins["doc"]
turned_pages = 0
code_turns = 0  # documents whose note's code block goes on from one orientation to the other
for pdf in sorted(glob.glob(sys.argv[1] + "/*.pdf")):
    name = pdf.split("/")[-1]
    kind = re.match(r"[a-z]+", name).group(0)
    flip = kind == "flip"
    pages, notes = notecheck.check_notes(pdf, flip_lengths if flip else lengths, margins[kind], name)
    # the last words of the notes' paragraphs: their lines may end short
    ends = ({"n1w899", "n1w2999", "n1w4999", "n2w899"} if flip else
            {"n1w499", "n1w1499", "n2w5", "n3w59", "n4w699", "n4w1499", "n5w19"})
    code = {p["width"] > p["height"] for p, ws in zip(pages, notes)
            for w in ws if flip and note_word(w[0])[0] == 1 and 900 <= note_word(w[0])[1] < 1200}
    code_turns += code == {True, False}
    short = []  # lines of notes not across the page's text column
    orientations = set()
    for n, (p, ws) in enumerate(zip(pages, notes)):
        if not ws:
            continue
        top, right, bottom, left = notecheck.margins_of(p, margins[kind])
        orientations.add(p["width"] > p["height"])
        lines = {}
        for w in ws:
            lines.setdefault(round(w[4]), []).append(w)
        for y, lw in sorted(lines.items()):
            k, i = note_word(lw[0][0])
            if flip and k == 1 and 900 <= i < 1200:
                continue  # code lines, short
            if not flip and ((k == 1 and 500 <= i < 950) or (k == 4 and 700 <= i < 782)):
                continue  # list items (indented, short) and table cells
            x0, x1 = min(w[1] for w in lw), max(w[3] for w in lw)
            # from the left of the text column (a note's number before its
            # first line) to its right, but for a paragraph's last line
            if x0 > left + 12:
                short.append((n + 1, "left", round(x0 / MM), lw[0][0]))
            if not ends & {w[0] for w in lw} and abs(x1 - (p["width"] - right)) > 1:
                short.append((n + 1, "right", round(x1 / MM), lw[0][0]))
        turned_pages += (p["width"] > p["height"]) == (kind == "doc")
    check(not short, f"{name}: every note line across its page's text column ({short[:4]})")
    check(orientations == {True, False}, f"{name}: notes on pages of both orientations")
check(turned_pages >= 12, f"notes on turned pages ({turned_pages})")
check(code_turns >= 1, f"a note's code block goes on to a page of the other orientation ({code_turns})")
done()
PY
