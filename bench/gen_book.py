#!/usr/bin/env python3
"""Generate the benchmark's 100-page Vietnamese book, and vanban's own inputs.

Usage:  python3 bench/gen_book.py OUTDIR

The peers' side comes from shared/bench/peers/gen_inputs.py (imported, never
copied): its block model (heading / para / olist / ulist / table) and its
renderers, so every peer gets the book in its native format exactly as it gets
the shared workloads:

  book.typ          Typst            (gen_inputs.typst_report)
  book.md           pandoc Markdown  (gen_inputs.md_report; uses report-style*.html
                                      and report-header.tex, written here too)
  book.fodt         LibreOffice      (gen_inputs.fodt_report)
  book-vanban.md    vanban: plain CommonMark + GFM pipe table + [^n] footnotes
  report-vanban.md  vanban's version of the shared "report" workload (40 rows)
  scale-vanban.md   vanban's version of the shared "scale" workload (2,000 rows)

The gen_inputs renderers wrap the body in the official-document header and
signature block (raw HTML/LaTeX in the pandoc version). The *-vanban.md files
give the same header and closing as front-matter fields of vanban's official
frame (Decree 30), and the same body (headings, paragraphs, lists, table,
footnotes).

"book" entries are merged into OUTDIR's checks.json and counts.json (created
if absent) so that shared bench.py can run `--workloads book`.
Deterministic: fixed seed, Python standard library only, every file NFC.
"""
import importlib.util
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.environ.get("VANBAN_SHARED", os.path.join(HERE, "..", "..", "shared"))
PEERS_DIR = os.path.join(os.path.abspath(SHARED), "bench", "peers")


def load_gen_inputs():
    path = os.path.join(PEERS_DIR, "gen_inputs.py")
    if not os.path.exists(path):
        sys.exit("gen_book.py: %s not found (set VANBAN_SHARED)" % path)
    spec = importlib.util.spec_from_file_location("gen_inputs", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


gi = load_gen_inputs()

N_CHAPTERS = 16          # 16 chapters x 40 paragraphs: ~90 pages of prose at 13 pt
N_BOOK_ROWS = 500        # one long table, ~10 pages
TABLE_CHAPTER = 8        # the chapter (1-based) that holds the table

CHAPTER_TOPICS = [
    "TỔNG KẾT HỘI THI TIN HỌC TRẺ", "BỒI DƯỠNG HỌC SINH GIỎI", "CHUYỂN ĐỔI SỐ TRONG NHÀ TRƯỜNG",
    "ĐỔI MỚI PHƯƠNG PHÁP DẠY HỌC", "XÂY DỰNG TRƯỜNG HỌC THÂN THIỆN", "PHÁT TRIỂN ĐỘI NGŨ GIÁO VIÊN",
    "CƠ SỞ VẬT CHẤT VÀ THIẾT BỊ", "KẾT QUẢ CÁC KỲ THI", "GIÁO DỤC VÙNG KHÓ KHĂN",
    "HOẠT ĐỘNG TRẢI NGHIỆM", "CÔNG TÁC THI ĐUA, KHEN THƯỞNG", "HỢP TÁC VÀ HỘI NHẬP",
    "KIỂM TRA, ĐÁNH GIÁ", "TUYÊN TRUYỀN VÀ TRUYỀN THÔNG", "TÀI CHÍNH VÀ KINH PHÍ",
    "PHƯƠNG HƯỚNG NĂM HỌC MỚI",
]
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI"]
SECTION_TITLES = [s.split(". ", 1)[1] for s in gi.SECTIONS]   # "ĐẶC ĐIỂM TÌNH HÌNH", ...


def plain(sentence):
    """A pool sentence without its **bold** / _italic_ marks (list items are plain text)."""
    return "".join(text for _, text in gi.parse_runs(sentence))


def footnote_text(rng, n):
    kind = n % 3
    if kind == 0:
        return "Theo Kế hoạch số %d/KH-SGDĐT ngày %d tháng %02d năm 2025 của Sở Giáo dục và Đào tạo." % (
            rng.randrange(10, 300), rng.randrange(1, 29), rng.randrange(1, 13))
    if kind == 1:
        return "Số liệu do %d phòng giáo dục và đào tạo báo cáo, tổng hợp đến ngày %d tháng %02d năm 2025." % (
            rng.randrange(12, 31), rng.randrange(1, 29), rng.randrange(1, 13))
    return "Xem Phụ lục %s kèm theo báo cáo; điểm tối đa là 100, làm tròn đến một chữ số thập phân." % ROMAN[n % 16]


def nested_list(rng, n_items):
    """[(item, [sub, ...]), ...] from the sentence pool, plain text."""
    items = []
    for _ in range(n_items):
        head, *subs = rng.sample(range(len(gi.SENTENCES)), 1 + rng.randrange(2, 4))
        items.append((plain(gi.SENTENCES[head]), [plain(gi.SENTENCES[s]) for s in subs]))
    return items


def book_model():
    """Blocks in gen_inputs' format: the report's structure repeated per chapter,
    with more footnotes and lists, and one 500-row table."""
    rng = random.Random(gi.SEED + 100)
    blocks = []
    fn_no = 0
    for ch in range(1, N_CHAPTERS + 1):
        blocks.append(("heading", "CHƯƠNG %d. %s" % (ch, CHAPTER_TOPICS[ch - 1])))
        for si, title in enumerate(SECTION_TITLES):
            blocks.append(("heading", "%s. %s" % (ROMAN[si], title)))
            for k in range(8):
                picks = rng.sample(range(len(gi.SENTENCES)), 3)
                runs = []
                for j, p in enumerate(picks):
                    if j:
                        runs.append(("", " "))
                    runs.extend(gi.parse_runs(gi.SENTENCES[p]))
                if k % 3 == 1:   # ~1 paragraph in 3 cites a footnote
                    runs.append(("fn", footnote_text(rng, fn_no)))
                    fn_no += 1
                blocks.append(("para", runs))
                if si == 1 and k == 3:
                    blocks.append(("olist", nested_list(rng, 3)))
                if si == 3 and k == 3:
                    blocks.append(("ulist", nested_list(rng, 2)))
                if ch == TABLE_CHAPTER and si == 2 and k == 3:
                    blocks.append(("table", ("STT", "Tên đơn vị", "Điểm", "Giải"), gi.table_rows(N_BOOK_ROWS)))
    return blocks


# ---------------------------------------------------------------- vanban Markdown
def vanban_md(blocks):
    """CommonMark + GFM with vanban's official frame: the header, title and
    closing of gen_inputs' report as front-matter fields, then its body."""
    def q(v):
        return '"%s"' % v.replace('\\', '\\\\').replace('"', '\\"')
    place, date = gi.PLACE_DATE.split(", ngày ")
    d, rest = date.split(" tháng ")
    m, y = rest.split(" năm ")
    L = ["---",
         "frame: official",
         "co_chu: 13",  # the peers set the body at 13 pt (gen_inputs.typst_report)
         "co_quan_chu_quan: " + q(gi.PARENT_AGENCY),
         "co_quan_ban_hanh: " + q(gi.AGENCY),
         "so_ky_hieu: " + q(gi.DOC_NO.replace("Số: ", "")),
         "dia_danh: " + q(place),
         "ngay: %s-%02d-%02d" % (y, int(m), int(d)),
         "ten_loai: " + q(gi.TITLE_1),
         "trich_yeu: " + q(gi.TITLE_2),
         "quyen_han: " + q(gi.SIGN_ROLE_1),
         "chuc_vu: " + q(gi.SIGN_ROLE_2),
         "nguoi_ky: " + q(gi.SIGNER),
         "noi_nhan:"] + ["  - " + q(r[2:] if r.startswith("- ") else r) for r in gi.RECIPIENTS] + \
        ["---", ""]
    fns = []
    for b in blocks:
        kind = b[0]
        if kind == "heading":
            L += ["## " + gi.mesc(b[1]), ""]
        elif kind == "para":
            L += [gi.md_runs(b[1], fns), ""]
        elif kind == "olist":
            for n, (item, subs) in enumerate(b[1], 1):
                L.append("%d. %s" % (n, gi.mesc(item)))
                for s in subs:
                    L.append("    - " + gi.mesc(s))
            L.append("")
        elif kind == "ulist":
            # CommonMark has no "a)" marker: the sub-list is ordered, and the
            # frame picks its numbering style.
            for item, subs in b[1]:
                L.append("- " + gi.mesc(item))
                for n, s in enumerate(subs, 1):
                    L.append("  %d. %s" % (n, gi.mesc(s)))
            L.append("")
        elif kind == "table":
            hdr, rows = b[1], b[2]
            L.append("| " + " | ".join(gi.mesc(h) for h in hdr) + " |")
            L.append("|:---:|:---|:---:|:---:|")
            for r in rows:
                L.append("| " + " | ".join(gi.mesc(c) for c in r) + " |")
            L.append("")
    for n, t in enumerate(fns, 1):
        L += ["[^%d]: %s" % (n, gi.mesc(t)), ""]
    return "\n".join(L)


def merge_json(path, key, value):
    data = {}
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
    data[key] = value
    gi.write(os.path.dirname(path), os.path.basename(path), json.dumps(data, ensure_ascii=False, indent=1))


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: gen_book.py OUTDIR")
    outdir = sys.argv[1]
    os.makedirs(outdir, exist_ok=True)

    blocks = book_model()
    gi.write(outdir, "book.typ", gi.typst_report(blocks))
    gi.write(outdir, "book.md", gi.md_report(blocks))
    gi.write(outdir, "book.fodt", gi.fodt_report(blocks))
    gi.write(outdir, "book-vanban.md", vanban_md(blocks))
    # the style files book.md uses (the same as report.md's)
    gi.write(outdir, "report-style.html", gi.REPORT_CSS)
    gi.write(outdir, "report-style-wk.html", gi.REPORT_CSS.replace("</style>", gi.WK_ZOOM + "</style>"))
    gi.write(outdir, "report-header.tex", gi.REPORT_TEX)
    for w, n in (("report", gi.N_REPORT_ROWS), ("scale", gi.N_SCALE_ROWS)):
        gi.write(outdir, w + "-vanban.md", vanban_md(gi.report_model(n)))

    # Strings pdftotext must give back from every book PDF: the last chapter
    # heading, the last table row's unit, the last footnote, a list item.
    last_row = gi.table_rows(N_BOOK_ROWS)[-1]
    last_fn = [t for b in blocks if b[0] == "para" for s, t in b[1] if s == "fn"][-1]
    last_head = [b[1] for b in blocks if b[0] == "heading" and b[1].startswith("CHƯƠNG")][-1]
    first_list_item = next(b[1][0][0] for b in blocks if b[0] == "olist")
    checks = [gi.TITLE_2, last_head, last_row[1], last_fn, first_list_item]
    merge_json(os.path.join(outdir, "checks.json"), "book", [gi.nfc(s) for s in checks])
    n_paras = sum(1 for b in blocks if b[0] == "para")
    n_fns = sum(1 for b in blocks if b[0] == "para" for s, _ in b[1] if s == "fn")
    merge_json(os.path.join(outdir, "counts.json"), "book",
               {"table_rows": N_BOOK_ROWS, "paragraphs": n_paras, "footnotes": n_fns, "chapters": N_CHAPTERS})
    for name in os.listdir(outdir):
        if name.startswith("book") or name.endswith("-vanban.md"):
            with open(os.path.join(outdir, name), encoding="utf-8") as f:
                t = f.read()
            assert t == gi.nfc(t), name


if __name__ == "__main__":
    main()
