#!/usr/bin/env bash
# Table cells never split a word inside itself: Vietnamese breaks only at
# spaces, and "Than/h" or "Ng/uy/ễn" on a signed document is a public
# mistake. Every word of the data must come out of the PDF whole.
. "$(dirname "$0")/lib.sh"

# words_whole PDF WORD... : each WORD appears as a whole word in the PDF,
# as often as it is listed (pdftotext's word boxes: a split word comes out
# as two pieces on two lines).
words_whole() {
    python3 - "$TOOLS" "$@" <<'PY'
import collections, sys
sys.path.insert(0, sys.argv[1])
import pdfgeom
got = collections.Counter(w[0] for page in pdfgeom.words(sys.argv[2]) for w in page["words"])
want = collections.Counter(sys.argv[3:])
split = sorted(w for w, n in want.items() if got[w] < n)
if split:
    print("split: " + " ".join(split))
sys.exit(1 if split else 0)
PY
}

# 1. A column given exactly its widest word: a one-word name beside a text
# that wraps. The column's width is that word's plus the cell padding, and
# the padding taken off again left the line an ulp narrower than the word,
# which the breaker then split ("Than" / "h"). One table per name, since
# whether the ulp is lost depends on the word's width.
names="Nguyễn Hương Trương Khuyến Thường Nghiệp Trưởng Xuyên Thanh Chiến Quyên Huỳnh
Phượng Thủy Đặng Hoàng Khiêm Luyện Tuyết Nguyệt Quảng Thịnh"
long="Trung tâm Phục vụ hành chính công và Kiểm soát thủ tục hành chính tỉnh Sóc Trăng năm 2023"
{
    echo "Bảng."
    for n in $names; do
        printf '\n| Tên | Nội dung |\n|---|---|\n| %s | %s %s %s |\n\nĐoạn.\n' "$n" "$long" "$long" "$long"
    done
} > "$T/exact.md"
"$VANBAN" render "$T/exact.md" -o "$T/exact.pdf"
# shellcheck disable=SC2086
check "a word exactly as wide as its column stays whole" words_whole "$T/exact.pdf" $names

# 2. Thirteen columns whose widest words do not fit side by side at the
# plain frame's 12 pt: the table is set smaller (down to 10 pt) rather than
# split "Nguyễn", "nghiệm" or "83,64", which it did at 12 pt.
head="STT | Họ và tên | Đơn vị công tác | Sáng kiến | Trải nghiệm | Chiến dịch | Khẩu hiệu | Tổng điểm | Xếp hạng | Giải thưởng | Ghi chú | Điểm cộng | Điểm trừ"
row1="1 | Nguyễn Thị Thanh Hương | Sở Giáo dục và Đào tạo | 31,25 | 23,44 | 28,95 | 18,38 | 83,64 | 1 | Giải Nhất | Chuyển tiếp | 1,00 | 0,50"
row2="2 | Trương Nguyễn Khuyến | Ủy ban nhân dân huyện Mỹ Xuyên | 30,30 | 22,72 | 28,26 | 17,00 | 81,28 | 2 | Khuyến khích | Không | 1,00 | 0,50"
printf 'Bảng điểm.\n\n| %s |\n|---:|---|---|---:|---:|---:|---:|---:|:---:|---|---|---:|---:|\n| %s |\n| %s |\n' \
    "$head" "$row1" "$row2" > "$T/wide.md"
"$VANBAN" render "$T/wide.md" -o "$T/wide.pdf"
# shellcheck disable=SC2086
check "thirteen columns: every word whole" words_whole "$T/wide.pdf" $(echo "$head | $row1 | $row2" | tr -d '|')
python3 - "$TOOLS" "$T/wide.pdf" <<'PY' && ok "thirteen columns: set smaller than 12 pt, not below 10" || bad "thirteen columns: table size"
import sys
sys.path.insert(0, sys.argv[1])
import pdfgeom
ws = pdfgeom.words(sys.argv[2])[0]["words"]
h = lambda t: max((w[4] - w[2] for w in ws if w[0] == t), default=0)
r = h("Nguyễn") / h("Bảng")  # a table word against the 13 pt body
print(f"# table size about {13 * r:.1f} pt")
sys.exit(0 if 9.5 / 13 < r < 11.5 / 13 else 1)
PY

# 3. Columns that cannot all fit even at 10 pt: only the widest give way.
# Ten columns of scores and two of long references: the references break
# at their hyphens, every score stays whole (scaling every column alike
# split "31,25" as "31," / "25").
ref="KH-UBND-SNV-TTHC-CCHC-2023"
{
    printf 'Bảng.\n\n|'; for i in $(seq 1 12); do printf ' C%d |' "$i"; done
    printf '\n|'; for i in $(seq 1 12); do printf -- '---|'; done
    printf '\n| %s | %s |' "$ref" "$ref"; for i in $(seq 1 10); do printf ' 31,25 |'; done
    printf '\n'
} > "$T/over.md"
"$VANBAN" render "$T/over.md" -o "$T/over.pdf"
# shellcheck disable=SC2046
check "too wide even at 10 pt: the scores stay whole" words_whole "$T/over.pdf" $(printf '31,25 %.0s' $(seq 1 10))

# 4. A word split past the floor is set on lines of its own: nothing marks
# a break inside it (no hyphen: Vietnamese never hyphenates a syllable), so
# "Trưở" / "ng B" read as a word "ng"; the words before and after it start
# their own lines. Sixteen columns of scores leave the first column, the
# only one with letters, narrower than "Trưởng" at 10 pt.
{
    printf 'Bảng.\n\n|'; for i in $(seq 1 16); do printf ' C%d |' "$i"; done
    printf '\n|'; for i in $(seq 1 16); do printf -- '---|'; done
    printf '\n| A Trưởng B |'; for i in $(seq 1 15); do printf ' 31,25 |'; done
    printf '\n| Nguyễn Văn |'; for i in $(seq 1 15); do printf ' 31,25 |'; done
    printf '\n'
} > "$T/split.md"
"$VANBAN" render "$T/split.md" -o "$T/split.pdf"
python3 - "$TOOLS" "$T/split.pdf" <<'PY' && ok "a split word is alone on each of its lines" || bad "a split word shares a line"
import re, sys
sys.path.insert(0, sys.argv[1])
import pdfgeom
# the first column's words: the only ones with letters, below the header
rows = []
for l in pdfgeom.lines(sys.argv[2])[0]:
    ws = [w[0] for w in l["words"] if re.search(r"[^\d,]", w[0]) and not re.fullmatch(r"C\d+|Bảng\.", w[0])]
    if ws:
        rows.append(ws)
print("# first column, line by line:", rows)
fails = 0
for word, before, after in (("Trưởng", "A", "B"), ("Nguyễn", None, "Văn")):
    lines = [r for r in rows if any(p in word for p in r) and not (r == [before] or r == [after])]
    pieces = [p for r in lines for p in r]
    whole = "".join(p for p in pieces if p in word)
    if whole != word or len(lines) < 2:
        print(f"# {word}: not split as expected: {lines}")
        fails += 1
    for r in lines:
        if len(r) != 1:
            print(f"# {word}: a piece shares its line: {r}")
            fails += 1
    for w in (before, after):
        if w and [w] not in rows:
            print(f"# {w!r} is not on a line of its own next to {word}")
            fails += 1
sys.exit(1 if fails else 0)
PY

finish
