#!/usr/bin/env bash
# A justified paragraph: every line but the last flush with both margins
# within 0.5 pt, the first line indented 1.27 cm, no word gap over twice the
# median gap (no rivers, no loose lines).
. "$(dirname "$0")/lib.sh"

cat > "$T/p.md" <<'MD'
Căn cứ Kế hoạch số 27/KH-UBND ngày 09/02/2023 của Ủy ban nhân dân tỉnh Sóc Trăng về tuyên truyền cải cách hành chính tỉnh Sóc Trăng năm 2023, Sở Nội vụ ban hành Kế hoạch tổ chức Hội thi Cải cách hành chính tỉnh Sóc Trăng năm 2023 nhằm tuyên truyền sâu rộng đến cán bộ, công chức, viên chức và Nhân dân về mục tiêu, nhiệm vụ, giải pháp cải cách hành chính của tỉnh; phát hiện, nhân rộng các mô hình, sáng kiến, giải pháp hay trong thực hiện cải cách hành chính; nâng cao nhận thức, trách nhiệm của người đứng đầu các cơ quan, đơn vị trong việc chỉ đạo, tổ chức thực hiện nhiệm vụ cải cách hành chính, góp phần cải thiện Chỉ số cải cách hành chính, Chỉ số hài lòng về sự phục vụ hành chính và Chỉ số năng lực cạnh tranh cấp tỉnh trong những năm tiếp theo, đồng thời khuyến khích cán bộ, công chức, viên chức tích cực tham gia thực hiện dịch vụ công trực tuyến toàn trình.
MD
"$VANBAN" render "$T/p.md" -o "$T/p.pdf"

# A word wider than the line (a long URL, as in "Mọi thông tin … tại địa chỉ
# …"): it ran past the right margin and off the page, exit 0. It is broken
# where a URL breaks (after / . ? & = _ …), with no hyphen added; the lines
# it fills are set ragged, and no other word is broken.
URL='https://dichvucong.soctrang.gov.vn/dichvucong/tiepnhanonline?ma_thu_tuc=1.001234.000.00.00.H53&dang_ky=truc_tuyen&nguon=ke_hoach_56_KH_SNV_2023'
printf 'Đăng ký tham gia tại %s trước ngày 15/8/2023, theo Kế hoạch số 56/KH-SNV.\n' "$URL" > "$T/url.md"
"$VANBAN" render "$T/url.md" -o "$T/url.pdf"

# A heading never ends on one word, unless its last two cannot share a line:
# the tie pushed "… https://… Website" and a long compound past the margin.
printf '## Xem https://dichvucong.soctrang.gov.vn/portaldvc/dich-vu-cong-truc-tuyen/thu-tuc Website\n\n# Chữ CHUYỂNĐỔISỐTOÀNDIỆNCHUYỂNĐỔISỐ CHUYỂNĐỔISỐTOÀNDIỆNCHUYỂNĐỔI\n\nX.\n' > "$T/h.md"
"$VANBAN" render "$T/h.md" -o "$T/h.pdf"
python3 - "$T/h.pdf" "$TOOLS" <<'PY'
import sys
sys.path.insert(0, sys.argv[2])
import pdfgeom
from tap import check, done
RIGHT = 595.276 - 15 / 25.4 * 72
for l in pdfgeom.lines(sys.argv[1])[0]:
    check(l["x1"] <= RIGHT + 0.5, "heading line inside the right margin (x1 %.1f)" % l["x1"])
done()
PY

python3 - "$T/p.pdf" "$T/url.pdf" "$URL" "$TOOLS" <<'PY'
import statistics, sys
sys.path.insert(0, sys.argv[4])
import pdfgeom
LEFT, RIGHT, INDENT = 30 / 25.4 * 72, 595.276 - 15 / 25.4 * 72, 12.7 / 25.4 * 72
BOTTOM = 841.89 - 20 / 25.4 * 72
fails = 0
def check(cond, what):
    global fails
    print(("ok - " if cond else "not ok - ") + what)
    fails += not cond
def body(pdf):
    """The first page's lines above the bottom margin (the page number sits below it)."""
    return [l for l in pdfgeom.lines(pdf)[0] if l["y1"] <= BOTTOM]

lines = body(sys.argv[1])
check(len(lines) >= 5, f"the paragraph has several lines ({len(lines)})")
check(abs(lines[0]["x0"] - (LEFT + INDENT)) <= 0.5, f"first line indented 1.27 cm (x0 {lines[0]['x0']:.2f})")
for i, l in enumerate(lines[1:], 1):
    check(abs(l["x0"] - LEFT) <= 0.5, f"line {i + 1} starts at the left margin (x0 {l['x0']:.2f})")
for i, l in enumerate(lines[:-1]):
    check(abs(l["x1"] - RIGHT) <= 0.5, f"line {i + 1} ends at the right margin (x1 {l['x1']:.2f})")
check(lines[-1]["x1"] < RIGHT - 5, "the last line is ragged")
gaps = [b[1] - a[3] for l in lines for a, b in zip(l["words"], l["words"][1:])]
med = statistics.median(gaps)
check(max(gaps) <= 2 * med, f"largest word gap {max(gaps):.2f} <= 2 x median {med:.2f}")
check(min(gaps) > 0.5 * med, f"smallest word gap {min(gaps):.2f} > median/2 (no squeezed line)")

lines = body(sys.argv[2])
words = [w[0] for l in lines for w in l["words"]]
check(len(lines) >= 3, f"the URL is spread over lines ({len(lines)})")
for i, l in enumerate(lines):
    check(l["x1"] <= RIGHT + 0.5, f"URL line {i + 1} ends inside the right margin (x1 {l['x1']:.2f})")
    check(l["x0"] >= LEFT - 0.5, f"URL line {i + 1} starts inside the left margin (x0 {l['x0']:.2f})")
check(sys.argv[3] in "".join(words), "the URL's characters are all there, in order, nothing added")
check("15/8/2023," in words and "56/KH-SNV." in words, "the words that fit are not broken")
check(words[:4] == ["Đăng", "ký", "tham", "gia"], f"the text before it as written ({words[:4]})")
print(f"{fails} failed")
sys.exit(1 if fails else 0)
PY
