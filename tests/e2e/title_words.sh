#!/usr/bin/env bash
# A centred title (trích yếu) is never broken between the two syllables of
# a word: the video plan's title came out as "… hành chính hướng" / "dẫn
# quy trình …" and "… xác nhận tình" / "trạng hôn nhân …". It keeps its
# line count and stays even; the emulation plan's title, which broke well,
# keeps its lines. Headings (left-aligned) avoid such a break too: "… VÀ
# TỔ" / "CHỨC SƠ KẾT", "… viên chức tích" / "cực …". So do the Nơi nhận
# items, in their narrow column: "- Các đơn vị tham gia xác định Chỉ" /
# "số CCHC;" (and, before the ragged-right model, "… Chỉ số" / "CCHC;").
. "$(dirname "$0")/lib.sh"
S="$VANBAN_SRC/samples"
"$VANBAN" render "$VANBAN_SRC/templates/cuoc-thi-video.md" -d "$S/chauthanh-2024-video/contest.xml" \
    -o "$T/video.pdf"
"$VANBAN" render "$VANBAN_SRC/templates/thi-dua.md" -d "$S/kiengiang-2022-thi-dua/contest.xml" \
    -o "$T/thi-dua.pdf"

python3 - "$TOOLS" "$T/video.pdf" "$T/thi-dua.pdf" <<'PY'
import sys
sys.path.insert(0, sys.argv[1])
import pdfstext
from tap import check, done

# the words of the video plan's title, each of two syllables
WORDS = """tổ chức|cuộc thi|tìm hiểu|cải cách|hành chính|hướng dẫn|quy trình|sử dụng|dịch vụ|
quốc gia|kết quả|giải quyết|tài khoản|định danh|điện tử|thủ tục|xác nhận|tình trạng|hôn nhân|
khai sinh|khai tử|phát sinh|hồ sơ|chỉ số""".replace("\n", "").split("|")
ls = pdfstext.title_lines(sys.argv[2])
texts = [l["text"] for l in ls]
print("# " + " / ".join(texts))
check(len(ls) == 5, "the video plan's title keeps its five lines (%d)" % len(ls))
for a, b in zip(texts, texts[1:]):
    pair = (a.split()[-1] + " " + b.split()[0]).lower()
    check(pair not in WORDS, "no line break inside '%s'" % pair)
w = [l["x1"] - l["x0"] for l in ls]
check(w and min(w) > 0.8 * max(w), "its lines stay even (%s pt)" % ["%.0f" % x for x in w])

texts = [l["text"] for l in pdfstext.title_lines(sys.argv[3])]
check(texts == ["Phát động phong trào thi đua cải cách hành chính",
                "hằng năm và giai đoạn 2021-2025 của Sở Xây dựng"],
      "the emulation plan's title keeps its lines (%s)" % " / ".join(texts))
done()
PY

for t in to-chuc-hoi-thi:soctrang-2023 tham-gia-hoi-thi:soctrang-2023 bao-cao-ket-qua:soctrang-2023; do
    "$VANBAN" render "$VANBAN_SRC/templates/${t%%:*}.md" -d "$S/${t#*:}/contest.xml" -o "$T/${t%%:*}.pdf"
done
python3 - "$TOOLS" "$T/thi-dua.pdf" "$T/to-chuc-hoi-thi.pdf" "$T/tham-gia-hoi-thi.pdf" \
    "$T/bao-cao-ket-qua.pdf" <<'PY'
import sys
sys.path.insert(0, sys.argv[1])
import pdfstext
from tap import check, done

# Words these documents' headings broke inside, typed by hand.
WORDS = {"tổ chức", "tích cực", "chính quyền", "đoàn viên", "y tế", "trực tuyến", "hành chính",
         "tinh thần", "chỉ số", "cải cách", "công chức", "viên chức", "dịch vụ", "thi đua"}
for pdf in sys.argv[2:]:
    name = pdf.rsplit("/", 1)[1]
    seen = 0
    for page in pdfstext.lines(pdf):
        for a, b in zip(page, page[1:]):
            heading = a["bold"] and b["bold"] and a["italic"] == b["italic"] and a["size"] == b["size"]
            if not heading or b["baseline"] - a["baseline"] > 1.6 * a["size"]:
                continue
            seen += 1
            pair = (a["text"].split()[-1] + " " + b["text"].split()[0]).lower().strip("“”,;:.")
            check(pair not in WORDS, "%s: no break inside '%s' (%s / %s)"
                  % (name, pair, a["text"][-30:], b["text"][:30]))
    check(seen > 0, "%s: headings on two lines were found (%d)" % (name, seen))

# Nơi nhận: 11 pt items in the left column of the signature block.
items = [l for page in pdfstext.lines(sys.argv[3]) for l in page
         if abs(l["size"] - 11) < 0.1 and not l["bold"]]
texts = [l["text"] for l in items]
print("# Nơi nhận: " + " / ".join(texts))
check(any(t.endswith("tham gia xác định") for t in texts) and "Chỉ số CCHC;" in texts,
      "to-chuc: the item keeps 'Chỉ số CCHC;' whole on its second line")
for a, b in zip(texts, texts[1:]):
    pair = (a.split()[-1] + " " + b.split()[0]).lower().strip("“”,;:.")
    check(pair not in WORDS, "to-chuc: no Nơi nhận break inside '%s'" % pair)
done()
PY
