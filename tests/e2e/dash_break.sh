#!/bin/bash
# A dash between two words ("01/8/2023 - 31/10/2023", "kinh tế - xã hội"):
# a line break beside it costs a penalty (src/layout/paragraph.c), so it is
# avoided whenever the paragraph can be set otherwise within the normal
# spacing, and never at the price of a spaced-out line. 120 paragraphs with
# the dashes at every offset; measured: 10 lines ending in a dash with no
# penalty; none with no break allowed at all, but 7 lines spaced wider than
# half an em (up to 0.81 em); 7 with the penalty, none wider than 0.5 em.
. "$(dirname "$0")/lib.sh"
python3 - "$T/dash.md" <<'PY'
import sys
words = "các cơ quan đơn vị địa phương tổ chức triển khai thực hiện nghiêm túc chỉ đạo của tỉnh về công tác".split()
paras = []
for k in range(120):
    pre = " ".join(words[(i * 7 + k) % len(words)] for i in range(k % 37 + 5))
    paras.append(f"Trong thời gian {pre} từ ngày 01/8/2023 - 31/10/2023 các đơn vị triển khai kế hoạch "
                 "cải cách hành chính giai đoạn 2021 - 2025 và phát triển kinh tế - xã hội của tỉnh.")
open(sys.argv[1], "w", encoding="utf-8").write("\n\n".join(paras) + "\n")
PY
"$VANBAN" render "$T/dash.md" -o "$T/dash.pdf"
ends=$(pdftotext -layout "$T/dash.pdf" - | grep -cE '[^ ] +[-–—] *$' || true)
check "fewer lines end with a dash between words ($ends in 120 paragraphs, 10 without the rule)" [ "$ends" -le 7 ]
check "no line is spaced wider than half an em to avoid one" python3 - "$T/dash.pdf" "$TOOLS" <<'PY'
import sys
sys.path.insert(0, sys.argv[2])
import pdfgeom
gaps = [max(b[1] - a[3] for a, b in zip(l["words"], l["words"][1:])) / 14
        for page in pdfgeom.lines(sys.argv[1]) for l in page if len(l["words"]) >= 4]
print("  widest word space %.2f em" % max(gaps))
sys.exit(0 if max(gaps) <= 0.5 else 1)
PY
finish
