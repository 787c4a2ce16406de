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

finish
