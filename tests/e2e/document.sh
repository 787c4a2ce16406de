#!/usr/bin/env bash
# Document-level output: Info and outline in Vietnamese, /Lang, links,
# images, only the faces used are embedded, reproducible bytes, stdout.
. "$(dirname "$0")/lib.sh"

cp "$VANBAN_SRC/samples/img/co-to-quoc.png" "$T/flag.png"
cat > "$T/d.md" <<'MD'
---
title: Báo cáo kết quả Hội thi Cải cách hành chính
author: Sở Nội vụ tỉnh Sóc Trăng
subject: Kết quả năm 2023
keywords: cải cách hành chính, hội thi
---
# Phần một: Tổng quan

Xem [Cổng Dịch vụ công quốc gia](https://dichvucong.gov.vn) để biết thêm.

## Mục 1.1 – Đánh giá chung

![Cờ](flag.png)

## Mục 1.2 – Kiến nghị

Văn bản chỉ dùng kiểu chữ thường và đậm ở tiêu đề.
MD
"$VANBAN" render "$T/d.md" -o "$T/d.pdf"

info=$(pdfinfo "$T/d.pdf")
check "Title in Vietnamese" grep -q "^Title: *Báo cáo kết quả Hội thi Cải cách hành chính$" <<< "$info"
check "Author in Vietnamese" grep -q "^Author: *Sở Nội vụ tỉnh Sóc Trăng$" <<< "$info"
check "Subject" grep -q "^Subject: *Kết quả năm 2023$" <<< "$info"
check "Keywords" grep -q "^Keywords: *cải cách hành chính, hội thi$" <<< "$info"
check "Creator names vanban" grep -q "^Creator: *vanban" <<< "$info"
check "CreationDate from SOURCE_DATE_EPOCH (2023-11-14 22:13:20 UTC)" \
    bash -c "TZ=UTC pdfinfo '$T/d.pdf' | grep -q '^CreationDate: .*Nov 14 22:13:20 2023'"

outline=$(mutool show "$T/d.pdf" outline 2>/dev/null)
check "outline has the chapter" grep -q "Phần một: Tổng quan" <<< "$outline"
check "outline has the sections" bash -c "grep -q 'Mục 1.1 – Đánh giá chung' <<< \"\$1\" && grep -q 'Mục 1.2 – Kiến nghị' <<< \"\$1\"" _ "$outline"
check "sections nested under the chapter" bash -c "grep -E '^[[:space:]|+-]+.*Mục 1.1' <<< \"\$1\" >/dev/null" _ "$outline"

qpdf --qdf --object-streams=disable "$T/d.pdf" "$T/d.qdf"
check "catalog has /Lang (vi)" grep -aq "/Lang (vi)" "$T/d.qdf"
check "link annotation to the portal" grep -aq "/URI (https://dichvucong.gov.vn)" "$T/d.qdf"
check "one image embedded" [ "$(pdfimages -list "$T/d.pdf" | tail -n +3 | wc -l)" -eq 1 ]
check "the image is 300x200" bash -c "pdfimages -list '$T/d.pdf' | tail -n +3 | awk '{exit !(\$4==300 && \$5==200)}'"
nf=$(pdffonts "$T/d.pdf" | tail -n +3 | wc -l)
check "only the two faces used are embedded (got $nf)" [ "$nf" -eq 2 ]

"$VANBAN" render "$T/d.md" -o "$T/d2.pdf"
check "same input, same SOURCE_DATE_EPOCH: identical bytes" cmp -s "$T/d.pdf" "$T/d2.pdf"
SOURCE_DATE_EPOCH=1700086400 "$VANBAN" render "$T/d.md" -o "$T/d3.pdf"
check "another SOURCE_DATE_EPOCH changes the dates" bash -c "! cmp -s '$T/d.pdf' '$T/d3.pdf'"
(cd "$T" && "$VANBAN" render d.md -o -) > "$T/stdout.pdf"
check "-o - writes the same PDF to stdout" cmp -s "$T/d.pdf" "$T/stdout.pdf"
rm "$T/d.pdf"
(cd "$T" && "$VANBAN" render d.md)
check "no -o writes d.pdf beside d.md" cmp -s "$T/d.pdf" "$T/d2.pdf"
check "qpdf --check is clean" qpdf --check "$T/d.pdf" > /dev/null

# The demo document's summary table agrees with its own appendix: it gave
# "Sở Tư pháp 83,64 Giải Nhất" over an appendix total of 64,78, under the
# name of the real 2023 contest.
"$VANBAN" render "$VANBAN_SRC/samples/gioi-thieu.md" -o "$T/gt.pdf"
check "the demo's summary scores are its appendix's" python3 - "$T/gt.pdf" <<'PY'
import re, subprocess, sys
t = subprocess.run(["pdftotext", "-layout", sys.argv[1], "-"], capture_output=True, text=True).stdout
head, _, appendix = t.partition("PHỤ LỤC")
summary = re.findall(r"^\s*[1-6]\s+(\S.*?\S)\s+(\d+,\d\d)\s+Giải", head, re.M)
totals = dict((n, v) for n, v in re.findall(r"^\s*\d+\s+(\S.*?\S)\s+[\d,]+\s+[\d,]+\s+[\d,]+\s+(\d+,\d\d)\s+(?:có|không)", appendix, re.M))
ok = len(summary) == 6 and all(totals.get(n) == v for n, v in summary)
if not ok:
    print(summary, file=sys.stderr)
sys.exit(0 if ok else 1)
PY
# A short table stays on one page (the demo's six rows were split 3/3).
pg() { for p in 1 2 3 4; do pdftotext -f $p -l $p "$T/gt.pdf" - | grep -q "$1" && { echo $p; return; }; done; }
check "the demo's six-row table is on one page" [ "$(pg 'Giải Nhất')" = "$(pg 'Giải Khuyến khích')" ]
# A link address longer than a PDF string stopped the render with
# libharu's code ("báo lỗi 0x105B … khi vẽ trang", exit 3). One long in
# Vietnamese letters (8,000 bytes, 24,000 percent-encoded) still links.
python3 -c "print('Xem [trang](https://example.com/' + 'a' * 100000 + ') này.')" > "$T/url.md"
rc=0; msg=$("$VANBAN" render "$T/url.md" -o "$T/url.pdf" 2>&1) || rc=$?
check "a 100 KB link address: one message at its line and column, exit 1, no PDF" \
    bash -c '[ "$1" -eq 1 ] && [[ "$2" == *"url.md:1:5: lỗi: địa chỉ liên kết dài 100020 byte"* ]] && [ "$(wc -l <<< "$2")" -eq 1 ] && [ ! -e "$3" ]' _ "$rc" "$msg" "$T/url.pdf"
python3 -c "print('Xem [trang](https://example.com/' + 'ă' * 4000 + ') này.')" > "$T/url2.md"
"$VANBAN" render "$T/url2.md" -o "$T/url2.pdf"
qpdf --qdf --object-streams=disable "$T/url2.pdf" "$T/url2.qdf"
check "an 8,000-byte address is linked, percent-encoded" grep -aq "/URI (https://example.com/\(%C4%83\)\{4000\})" "$T/url2.qdf"
finish
