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
# A note taller than a page was drawn from above the paper's top edge (its
# first lines lost, exit 0), then refused ("dài hơn một trang"): the report
# of a contest of 1,000 units lists hundreds of them in a note. Now a note
# no page can hold with its line starts on that page and goes on at the foot
# of the next ones under a rule across the text, as in Word; a second long
# note cited on the same line starts on that page too, under the first's
# lines, and goes on after it (it followed it, pages after its mark).
# Every word is printed, in order, inside the margins, and below the text of
# its page.
python3 -c "
print('Đoạn thân mở đầu. ' * 30 + '\n\nĐoạn có hai chú thích dài.[^1] Và tiếp.[^2]\n\n' + 'Đoạn thân sau. ' * 200 +
      '\n\nĐoạn cuối có chú thích ngắn.[^3]\n\n[^1]: ' + ' '.join('a%d' % k for k in range(1500)) +
      '\n\n[^2]: ' + ' '.join('b%d' % k for k in range(1500)) + '\n\n[^3]: CHUTHICHNGAN cuối.')
" > "$T/long.md"
"$VANBAN" render "$T/long.md" -o "$T/long.pdf"
python3 - "$T/long.pdf" "$TOOLS" <<'PY'
import re, subprocess, sys
sys.path.insert(0, sys.argv[2])
import pdfgeom
from tap import check, done
pdf = sys.argv[1]
pages = pdfgeom.words(pdf)
seq = [w[0] for page in pages for w in sorted(page["words"], key=lambda w: (round(w[4]), w[1]))
       if re.fullmatch(r"[ab]\d+", w[0])]
for n in "ab":
    got = [w for w in seq if w[0] == n]
    want = ["%s%d" % (n, k) for k in range(1500)]
    check(got == want, f"long note {n} printed whole and in order ({len(got)} of {len(want)} words)")
mm = 72 / 25.4
inside = all(20 * mm - 1 <= w[2] and w[4] <= p["height"] - 20 * mm + 1
             for p in pages for w in p["words"] if not w[0].isdigit())
check(inside, "every word inside the top and bottom margins")
def page_of(word):
    return next(i for i, p in enumerate(pages) for w in p["words"] if w[0].startswith(word))
check(page_of("a0") == page_of("dài.") , "the first long note starts on the page that cites it")
check(page_of("b0") == page_of("tiếp."), "the second long note starts on the page that cites it")
check(page_of("CHUTHICHNGAN") == page_of("ngắn."), "the short note after them is on its own line's page")
below = True
for p in pages:
    body = [w[4] for w in p["words"] if w[0] in ("Đoạn", "thân", "sau.", "mở", "đầu.")]
    notes = [w[2] for w in p["words"] if re.fullmatch(r"[ab]\d+", w[0])]
    if body and notes:
        below &= min(notes) > max(body)
check(below, "on every page the notes are below the text")
# the rule over the notes: across the text where a note goes on from the
# page before, 50 mm where the notes start on the page
rules = []
for n in range(1, len(pages) + 1):
    tr = subprocess.run(["mutool", "draw", "-F", "trace", "-o", "-", pdf, str(n)],
                        capture_output=True, text=True).stdout
    xs = [(float(a), float(b)) for a, b in
          re.findall(r'<moveto x="([\d.]+)" y="[\d.]+"/>\s*<lineto x="([\d.]+)"', tr)]
    rules.append([round((b - a) / mm) for a, b in xs])
cont = [i for i, p in enumerate(pages) if any(re.fullmatch(r"[ab]\d+", w[0]) for w in p["words"])][1:]
check(len(cont) >= 2 and all(165 in rules[i] for i in cont) and 50 in rules[page_of("a0")],
      f"a 165 mm rule over continued notes, 50 mm over new ones ({rules})")
# a note going on takes at most half of a page while text is left: the text
# went on one line a page
last_text = max(i for i, p in enumerate(pages) if any(w[0] == "sau." for w in p["words"]))
body_h = pages[0]["height"] - 40 * mm
share = [(max(w[4] for w in pages[i]["words"] if w[0] in ("Đoạn", "thân", "sau.")) - 20 * mm) / body_h
         for i in cont if i < last_text]
check(share and all(s > 0.4 for s in share), f"text fills half the pages a note goes on under ({share})")
done()
PY
