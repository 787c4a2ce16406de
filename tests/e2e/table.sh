#!/usr/bin/env bash
# A table longer than a page: header repeated on every page, rows never
# split, every row exactly once, right-aligned column flush right.
. "$(dirname "$0")/lib.sh"

{
    echo "Bảng tổng hợp điểm của các đơn vị tham gia hội thi."
    echo
    echo "| STT | Tên đơn vị | Tổng điểm |"
    echo "|:---:|---|---:|"
    for i in $(seq 1 90); do
        if [ $((i % 10)) -eq 0 ]; then
            echo "| $i | Đơn vị số $i có tên rất dài để ô phải xuống dòng: Trung tâm Phục vụ hành chính công và Kiểm soát thủ tục hành chính tỉnh | $((60 + i % 40)),$((i % 10))5 |"
        else
            echo "| $i | Đơn vị số $i | $((60 + i % 40)),$((i % 10))5 |"
        fi
    done
    echo
    echo "| Nội dung | Tiền |"
    echo "|---|---:|"
    echo "| Giải Nhất tập thể | 10.000.000.000 |"
} > "$T/t.md"
"$VANBAN" render "$T/t.md" -o "$T/t.pdf"

python3 - "$T/t.pdf" "$TOOLS" <<'PY'
import re, sys, collections
sys.path.insert(0, sys.argv[2])
import pdfgeom
pages = pdfgeom.lines(sys.argv[1])
from tap import check, done
check(len(pages) >= 2, f"the table continues over {len(pages)} pages")
for pno, page in enumerate(pages):
    header = [l for l in page if l["text"].startswith("STT")]
    check(len(header) == 1 and "Tên đơn vị" in header[0]["text"] and "Tổng" in header[0]["text"],
          f"page {pno + 1} has the header row once")
    if header and pno > 0:
        first = min(page, key=lambda l: l["y0"])
        check(first is header[0], f"page {pno + 1} starts with the repeated header")
seen = collections.Counter()
where = {}
for pno, page in enumerate(pages):
    for l in page:
        for m in re.finditer(r"Đơn vị số (\d+)", l["text"]):
            seen[int(m.group(1))] += 1
        m = re.search(r"Đơn vị số (\d+) có tên", l["text"])
        if m:
            where[int(m.group(1))] = pno
        if "Kiểm soát thủ tục" in l["text"] or "hành chính tỉnh" in l["text"]:
            pass
check(sorted(seen) == list(range(1, 91)) and set(seen.values()) == {1}, "every row appears exactly once")
# a wrapped row stays whole: its continuation line is on the same page
for n, pno in where.items():
    page = pages[pno]
    cont = [l for l in page if "thủ tục hành chính tỉnh" in l["text"] or "hành chính công và" in l["text"]]
    check(len(cont) >= 1, f"the wrapped row {n} continues on its own page {pno + 1}")
# right-aligned score column: every score ends at the same x
ends = [w[3] for page in pages for l in page for w in l["words"] if re.fullmatch(r"\d+,\d5", w[0])]
check(len(ends) == 90 and max(ends) - min(ends) <= 0.5, f"scores right-aligned ({len(ends)} cells, spread {max(ends) - min(ends):.2f} pt)")
# the header cell of a right-aligned column is centred, as official tables
# set their headers: "Tiền" does not end flush with the amount's right edge
words = [w for page in pages for l in page for w in l["words"]]
hw = [w for w in words if w[0] == "Tiền"]
amt = [w for w in words if w[0] == "10.000.000.000"]
check(len(hw) == 1 and len(amt) == 1 and hw[0][3] < amt[0][3] - 20,
      f"header 'Tiền' centred in its right-aligned column, not flush right")
# a short header and short cells keep one line when a long column wraps anyway
# (the narrow columns are given what they need first): "Tổng điểm" unbroken
hl = [l for l in pages[0] if l["text"].startswith("STT")]
check(bool(hl) and "Tổng điểm" in hl[0]["text"], "header 'Tổng điểm' on one line")
done()
PY

# A header row never ends a page: it is repeated over the rows on the next
# page anyway, so alone at a page's foot it is a line of nothing. The rows
# under it were as tall as a page, or taller than the room left: after a
# heading (kept with the table), the heading and the header rows ended a
# page, alone, and the row began the next; a row citing a note that could
# not fit under it left the header alone on a page of its own.
python3 - "$VANBAN" "$T" "$TOOLS" <<'PY'
import sys
vanban, tmp = sys.argv[1], sys.argv[2]
sys.path.insert(0, sys.argv[3])
import subprocess, pdfgeom
from tap import check, done
HEADER = "| Đơn vị | Ghi chú |\n|---|---|\n"
def doc(lead, heading, words, note):
    out = ["Đoạn văn số %d có nội dung đủ dài để chiếm hai dòng trên trang giấy khổ A4 "
           "của văn bản hành chính nhà nước." % i for i in range(lead)]
    if heading:
        out.append("## Bảng điểm chi tiết")
    else:
        out.append("<!-- vanban: trang-moi -->")
    cell = " ".join("w%d" % k for k in range(words))
    out.append(HEADER + "| Đơn vị một%s | %s |\n| Đơn vị hai | ngắn |" % ("[^1]" if note else "", cell))
    if note:
        out.append("[^1]: Chú thích cho đơn vị một, có vài chữ.")
    return "\n\n".join(out) + "\n"
# words 700: a row about as tall as a page; 1200: taller, cut in slices
cases = [(lead, True, words, False) for lead in (0, 7) for words in (700, 1200)]
cases += [(1, False, words, True) for words in (700, 1200)]
for n, case in enumerate(cases):
    name = "%d paragraphs, %s, %d words, %s" % (case[0], "heading" if case[1] else "new page",
                                                case[2], "a note" if case[3] else "no note")
    open(f"{tmp}/h{n}.md", "w").write(doc(*case))
    subprocess.run([vanban, "render", f"{tmp}/h{n}.md", "-o", f"{tmp}/h{n}.pdf"], check=True)
    pages = pdfgeom.lines(f"{tmp}/h{n}.pdf")
    alone = []
    for pno, page in enumerate(pages):
        body = [l["text"] for l in page if not l["text"].isdigit() and not l["text"].startswith("1 Chú")]
        heads = [i for i, t in enumerate(body) if t == "Đơn vị Ghi chú"]
        if heads and heads[-1] == len(body) - 1:
            alone.append(pno + 1)
    check(not alone, f"{name}: no page ends with the header row (pages {alone})")
    seen = [w[0] for page in pages for l in page for w in l["words"] if w[0].startswith("w")]
    check(seen == ["w%d" % k for k in range(case[2])], f"{name}: the row printed whole, once, in order")
done()
PY
