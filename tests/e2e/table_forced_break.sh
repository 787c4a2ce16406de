#!/usr/bin/env bash
# A table under a level-1 heading that starts a page (official frame), the
# heading after a run-in "**a) …**" heading on the page before. The run-in
# heading is kept with what follows, and the page-starting heading was not a
# place a page may end (force_break without break_ok): the table counted the
# run-in heading, on the page before, as kept over its header and cut its
# first row to fit under it too: a row that fits under the heading and the
# header (595 words: what fits, less a line or two) was split, its last
# lines alone on the next page. The page after a forced break is compared
# with the same document without the run-in heading.
. "$(dirname "$0")/lib.sh"

doc() { # doc RUN_IN: the document, with the run-in heading or without
    cat <<'MD'
---
frame: official
co_quan_chu_quan: UBND TỈNH SÓC TRĂNG
co_quan_ban_hanh: SỞ NỘI VỤ
so_ky_hieu: 56/KH-SNV
dia_danh: Sóc Trăng
ngay: 2023-02-05
ten_loai: KẾ HOẠCH
trich_yeu: Bảng dưới đề mục sang trang
---

Đoạn mở đầu của văn bản.

MD
    [ "$1" = yes ] && printf '**a) Đối với tập thể**\n\n'
    printf '# PHỤ LỤC\n\n| STT | Nội dung |\n|:---:|---|\n| 1 | %s |\n| 2 | Dòng hai |\n' \
        "$(python3 -c "print(' '.join('w%d' % i for i in range(595)))")"
}
doc yes > "$T/runin.md"
doc no > "$T/plain.md"
"$VANBAN" render "$T/runin.md" -o "$T/runin.pdf"
"$VANBAN" render "$T/plain.md" -o "$T/plain.pdf"

python3 - "$TOOLS" "$T/runin.pdf" "$T/plain.pdf" <<'PY'
import sys
sys.path.insert(0, sys.argv[1])
import pdfgeom
from tap import check, done
def row_pages(pdf):
    pages = pdfgeom.lines(pdf)
    head = [p for p, page in enumerate(pages) if any(l["text"].strip() == "PHỤ LỤC" for l in page)]
    rows = [p for p, page in enumerate(pages) for l in page for w in l["words"] if w[0].startswith("w")]
    n = sum(1 for page in pages for l in page for w in l["words"] if w[0].startswith("w"))
    return head, sorted(set(rows)), n
head, rows, n = row_pages(sys.argv[2])
phead, prows, pn = row_pages(sys.argv[3])
check(n == pn == 595, f"the row printed whole ({n}, {pn} words)")
check(prows == phead and len(phead) == 1,
      f"without the run-in heading: the row fits on the heading's page (heading {phead}, row {prows})")
check(head == phead and rows == head,
      f"with it on the page before: the row on the heading's page, not split (heading {head}, row {rows})")
done()
PY
