#!/usr/bin/env bash
# The blocks of issue 2 §3 on the real PDF, measured with MuPDF: list markers
# (1. a) i.) and the two list styles (hanging indent in the plain frame, the
# marker at the first-line indent in the official frame), block quote,
# thematic break, code in Liberation Mono, hard break, headings 3–4, the
# short rule above footnotes, 0.5 pt table rules and a bold header row, and
# compressed content streams.
. "$(dirname "$0")/lib.sh"

body() { cat <<'MD'
### Mục ba

#### Tiểu mục bốn

1. Mục thứ nhất của danh sách đánh số, đủ dài để phải xuống dòng trên trang giấy khổ A4 của văn bản.
   1. Ý con thứ nhất
   2. Ý con thứ hai
      1. Ý cháu

- Gạch đầu dòng

> Trích dẫn ý kiến của Ban Tổ chức về hội thi.

---

Dòng một\
Dòng hai sau ngắt dòng cứng.

Mã `vanban render` trong câu.[^1]

```
vanban check contest.xml
```

| STT | Đơn vị |
|---:|---|
| 1 | Sở Y tế |

[^1]: Chú thích cuối trang.
MD
}
{ printf -- '---\nframe: plain\n---\n'; body; } > "$T/plain.md"
{ printf -- '---\nframe: official\nten_loai: KẾ HOẠCH\n---\n'; body; } > "$T/official.md"
"$VANBAN" render "$T/plain.md" -o "$T/plain.pdf"
"$VANBAN" render "$T/official.md" -o "$T/official.pdf"

python3 - "$T/plain.pdf" "$T/official.pdf" "$TOOLS" <<'PY'
import sys
sys.path.insert(0, sys.argv[3])
import pdfstext
MM = 72 / 25.4
from tap import check, done
for pdf, frame in ((sys.argv[1], "plain"), (sys.argv[2], "official")):
    L = [l for page in pdfstext.lines(pdf) for l in page]
    R = [r for page in pdfstext.rules(pdf) for r in page]
    def find(prefix):
        return next((l for l in L if l["text"].startswith(prefix)), None)
    left = 30 * MM
    first, sub = find("1. Mục thứ nhất"), find("a) Ý con thứ nhất")
    subsub = find("i. Ý cháu") or next((l for l in L if l["text"] == "i."), None)
    check(first and sub and subsub, f"{frame}: markers 1. a) i. by depth")
    if first:
        cont = next((l for l in L if l["baseline"] > first["baseline"] and l["baseline"] - first["baseline"] < 20), None)
        if frame == "plain":
            check(cont and abs(cont["x0"] - first["x0"]) > 10,
                  f"{frame}: hanging indent (second line at {cont and cont['x0']:.1f}, marker at {first['x0']:.1f})")
        else:
            check(abs(first["x0"] - (left + 12.7 * MM)) < 1 and cont and abs(cont["x0"] - left) < 1,
                  f"{frame}: marker at the first-line indent, next line at the margin")
    if sub and first and frame == "plain":
        check(sub["x0"] > first["x0"] + 5, f"{frame}: the sub-list stands further in")
    elif sub and first:  # Vietnamese official style: every marker at the first-line indent
        check(abs(sub["x0"] - first["x0"]) < 1, f"{frame}: the sub-list's marker at the same indent")
    h3, h4 = find("Mục ba"), find("Tiểu mục bốn")
    check(h3 and h3["bold"], f"{frame}: heading 3 bold")
    check(h4 and (h4["bold"] or h4["italic"]), f"{frame}: heading 4 styled")
    q = find("Trích dẫn")
    body_line = find("Dòng hai")
    check(q and body_line and q["x0"] > left + 5, f"{frame}: the quote is indented")
    check(find("Dòng một") and body_line and body_line["baseline"] > find("Dòng một")["baseline"],
          f"{frame}: the hard break starts a new line")
    code = find("vanban check contest.xml")
    check(code and "Mono" in code["font"], f"{frame}: code block in {code and code['font']}")
    inline = [s for s in L if "vanban render" in s["text"]]
    check(bool(inline), f"{frame}: inline code printed")
    widths = {round(r[3], 2) for r in R}
    note = find("1 Chú thích") or find("1Chú thích") or find("Chú thích")
    short = [r for r in R if abs((r[1] - r[0]) - 50 * MM) < 1]
    check(note and short and short[0][2] < note["baseline"], f"{frame}: a short rule above the footnote")
    check(note and note["size"] < 13, f"{frame}: the footnote smaller ({note and note['size']})")
    table = [r for r in R if abs(r[3] - 0.5) < 0.01]
    check(len(table) >= 3, f"{frame}: 0.5 pt table rules ({len(table)})")
    stt = find("STT")
    check(stt and stt["bold"], f"{frame}: bold header row")
    hr = [r for r in R if (r[1] - r[0]) > 100 * MM]
    check(bool(hr), f"{frame}: the thematic break is drawn across the text")
done()
PY
# Compressed: no text operator readable in the file, and deflate filters;
# decompressed by qpdf the same file shows its TJ text.
check "content streams are compressed" bash -c "! grep -aq ' TJ' '$T/plain.pdf' && grep -aq FlateDecode '$T/plain.pdf'"
qpdf --qdf --object-streams=disable "$T/plain.pdf" "$T/plain.qdf"
check "and hold the text (TJ) once decompressed" grep -aq ' TJ' "$T/plain.qdf"
finish
