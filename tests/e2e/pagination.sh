#!/usr/bin/env bash
# Page breaks: no paragraph leaves one line alone at the foot or head of a
# page (widows and orphans, 2 lines), and no heading ends a page.
. "$(dirname "$0")/lib.sh"

python3 - > "$T/doc.md" <<'PY'
import random
random.seed(7)
words = "cải cách hành chính công chức viên chức dịch vụ công trực tuyến sáng kiến Ủy ban nhân dân tỉnh huyện xã đơn vị".split()
for i in range(1, 60):
    if i % 7 == 0:
        print(f"## Mục {i // 7}\n")
    n = random.choice([8, 14, 20, 26, 34, 45, 60, 75])
    print(" ".join(f"p{i}x{j}" if j % 3 == 0 else random.choice(words) for j in range(n)) + "\n")
PY
"$VANBAN" render "$T/doc.md" -o "$T/doc.pdf"

python3 - "$T/doc.pdf" "$TOOLS" <<'PY'
import re, sys, collections
sys.path.insert(0, sys.argv[2])
import pdfgeom
pages = pdfgeom.lines(sys.argv[1])
from tap import check, done
check(len(pages) >= 3, f"the document spans several pages ({len(pages)})")
para_pages = collections.defaultdict(collections.Counter)
body = []
for pno, page in enumerate(pages):
    content = [l for l in page if not re.fullmatch(r"\d+", l["text"])]  # drop the page number
    body.append(content)
    for l in content:
        m = re.search(r"p(\d+)x", l["text"])
        if m:
            para_pages[int(m.group(1))][pno] += 1
        elif not l["text"].startswith("Mục"):
            # a line with no tag: count it for the paragraph of the line above
            prev = [x for x in content if x["y1"] < l["y1"] and re.search(r"p(\d+)x", x["text"])]
            if prev:
                para_pages[int(re.search(r"p(\d+)x", prev[-1]["text"]).group(1))][pno] += 1
split = 0
for p, c in sorted(para_pages.items()):
    if len(c) > 1:
        split += 1
        check(min(c.values()) >= 2, f"paragraph {p} split across pages {sorted(c)} keeps >= 2 lines each side {dict(c)}")
check(split >= 1, f"at least one paragraph is split across a page break ({split})")
for pno, content in enumerate(body[:-1]):
    check(not content[-1]["text"].startswith("Mục"), f"page {pno + 1} does not end with a heading")
nums = [[l["text"] for l in page if re.fullmatch(r"\d+", l["text"])] for page in pages]
check(nums[0] == [] and all(n == [str(i + 1)] for i, n in enumerate(nums) if i),
      f"no number on page 1, then page numbers at the bottom: {nums}")
bottoms = [[l for l in page if re.fullmatch(r"\d+", l["text"])][0]["y1"] for page in pages[1:]]
check(all(b > 841.89 - 20 / 25.4 * 72 for b in bottoms), "page numbers sit in the bottom margin")
done()
PY

# A heading written as emphasis ("**a) Đối với tập thể**") is never the last
# line of a page: whatever the length before it, it moves on with its text.
python3 - "$VANBAN" "$T" <<'PY'
import subprocess, sys
vanban, tmp = sys.argv[1], sys.argv[2]
fails = 0
for n in range(20, 50):
    body = "\n\n".join("Đoạn văn số %d có nội dung đủ dài để chiếm hai dòng trên trang giấy khổ A4 của văn bản hành chính." % i
                       for i in range(n))
    md = body + "\n\n**a) Đối với tập thể**\n\nNội dung của mục a viết thành một đoạn văn bình thường.\n"
    open(f"{tmp}/e{n}.md", "w").write(md)
    subprocess.run([vanban, "render", f"{tmp}/e{n}.md", "-o", f"{tmp}/e{n}.pdf"], check=True)
    pages = subprocess.run(["pdftotext", "-layout", f"{tmp}/e{n}.pdf", "-"], capture_output=True,
                           text=True).stdout.split("\f")
    for p in pages:
        lines = [l.strip() for l in p.splitlines() if l.strip() and not l.strip().isdigit()]
        if lines and lines[-1] == "a) Đối với tập thể":
            fails += 1
            print(f"not ok - {n} paragraphs: the emphasised heading ends a page")
print(("ok - " if not fails else "not ok - ") + "an emphasised heading never ends a page (30 lengths)")
sys.exit(1 if fails else 0)
PY
