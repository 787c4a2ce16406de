#!/usr/bin/env python3
"""How closely a rendered official document matches its reference
transcription (shared/reference/*.md), word by word.

    wordiff.py OUT.pdf REFERENCE.md [--doc N] [--min R] [--quiet]

The PDF is read with MuPDF (tests/tools/pdfstext.py) and cut the way a reader
sees it: the header block of page 1 (down to the rule under the trích yếu,
with Kính gửi), the body, the footnotes (under the short rule at the foot of
a page) and the closing block (Nơi nhận and the signature). Then:
- body: difflib similarity over the words of the body, and every difference;
- footnotes: the same over the footnotes' words;
- fields: each header and closing field of the reference's front matter
  must be printed (in order of the frame) on the page where it belongs.
`--min R` exits 1 when the body or footnote ratio is below R (`--min-notes`
sets the footnotes' floor apart) or a field is missing. `--doc 2` takes the second document of a file that holds two.
"""
import argparse
import difflib
import os
import re
import sys
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pdfstext  # noqa: E402

MM = 72 / 25.4


def yaml_fields(block):
    """The flat YAML of a reference front matter: scalars and one-level lists."""
    out, key = {}, None
    for line in block.splitlines():
        if not line.strip() or line.lstrip().startswith("#") or line.strip() == "---":
            continue
        m = re.match(r'^(\w+):\s*(.*)$', line)
        if m:
            key, val = m.group(1), re.sub(r'\s+#.*$', '', m.group(2)).strip()
            out[key] = None if val in ("", "null") else val.strip('"')
            continue
        m = re.match(r'^\s+-\s*(.*)$', line)
        if m and key:
            if not isinstance(out.get(key), list):
                out[key] = []
            out[key].append(re.sub(r'\s+#.*$', '', m.group(1)).strip().strip('"'))
    return out


def strip_markdown(text):
    text = re.sub(r'<!--.*?-->', ' ', text, flags=re.S)
    text = re.sub(r'\[\^(\d+)\]', r'\1', text)  # a reference prints as its number
    text = re.sub(r'^#+\s*', '', text, flags=re.M)
    text = re.sub(r'\\([\\*_\[\]()#+\-.!|<>`{}~])', r'\1', text)
    text = text.replace("**", "")
    text = re.sub(r'(?<![\w*])\*(?=\S)([^*\n]+?)\*(?!\w)', r'\1', text)
    return text


def reference(path, doc):
    text = open(path, encoding="utf-8").read()
    head, body = text.split("\n---\n", 1)
    fields = yaml_fields(head)
    if "* * *" in body:
        first, second = body.split("* * *", 1)
        if doc == 2:
            m = re.search(r'FRONT MATTER[^\n]*\n---\n(.*?)\n---', second, re.S)
            fields = yaml_fields(m.group(1))
            body = second
        else:
            body = first
    # a footnote prints as its number, then its text
    notes = [f"{n} {t}" for n, t in re.findall(r'^\[\^(\d+)\]:\s*(.*)$', body, flags=re.M)]
    body = re.sub(r'^\[\^\d+\]:.*$', '', body, flags=re.M)
    return fields, strip_markdown(body).split(), " ".join(strip_markdown(n) for n in notes).split()


def documents(pages):
    """Page ranges of the documents in one PDF: an attachment (kem_theo)
    starts on a page of its own with the quốc hiệu at its top."""
    starts = [0] + [i for i, page in enumerate(pages) if i > 0 and any(
        l["text"].startswith("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") and l["y0"] < 60 * MM
        for l in page)]
    return [range(a, b) for a, b in zip(starts, starts[1:] + [len(pages)])]


def pdf_parts(path, doc=1):
    pages = pdfstext.lines(path)
    rules = pdfstext.rules(path)
    docs = documents(pages)
    if doc > len(docs):
        sys.exit(f"wordiff: {path} holds {len(docs)} document(s), not {doc}")
    keep = docs[doc - 1]
    pages = [pages[i] for i in keep]
    rules = [rules[i] for i in keep]
    header, body, notes, closing = [], [], [], []
    in_closing = False
    for pno, page in enumerate(pages):
        page = sorted(page, key=lambda l: (round(l["baseline"], 1), l["x0"]))
        top = 20 * MM
        # the footnote rule: 50 mm long at the left margin
        foot = [r for r in rules[pno] if abs((r[1] - r[0]) - 50 * MM) < 1 and r[3] <= 0.55]
        foot_y = min((r[2] for r in foot), default=1e9)
        # page 1's header ends at the rule under the trích yếu (or the motto's)
        head_end = -1
        if pno == 0:
            centred = [r for r in rules[0] if r[2] < 300]
            head_end = max((r[2] for r in centred), default=-1)
            kg = [l for l in page if l["text"].startswith("Kính gửi")]
            if kg:
                head_end = max(head_end, max(l["baseline"] for l in page
                                             if l["baseline"] <= kg[-1]["baseline"] + 40
                                             and l["x0"] > kg[0]["x0"] - 1 and l["size"] >= 13
                                             and (l["text"].startswith("Kính gửi") or l["text"].startswith("- "))
                                             and l["baseline"] >= kg[0]["baseline"]))
        sig_y = None
        for l in page:
            if l["text"] == "Nơi nhận:" or (l["bold"] and re.match(r'^(KT|TM|TL|TUQ|Q)\.', l["text"])):
                sig_y = l["baseline"] - 1 if sig_y is None else min(sig_y, l["baseline"] - 1)
        for l in page:
            if l["text"].isdigit() and l["y1"] < top:
                continue  # page number
            words = l["text"].split()
            if l["baseline"] <= head_end:
                header += words
            elif l["y0"] >= foot_y:
                notes += words
            elif sig_y is not None and l["baseline"] >= sig_y or in_closing:
                closing += words
            else:
                body += words
        if sig_y is not None:
            in_closing = True  # what follows the closing block is not body
    return header, body, notes, closing


def date_line(f):
    iso, place = f.get("ngay"), f.get("dia_danh")
    if not iso or not place:
        return None
    y, m, d = (int(x) for x in str(iso).split("-"))
    return f"{place}, ngày {d:02d} tháng {m:02d} năm {y}" if m <= 2 else \
        f"{place}, ngày {d:02d} tháng {m} năm {y}"


def fields_check(f, header, closing):
    want_head = [f.get("co_quan_chu_quan"), f.get("quoc_hieu") or "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                 f.get("co_quan_ban_hanh"), f.get("tieu_ngu") or "Độc lập - Tự do - Hạnh phúc",
                 "Số: " + f["so_ky_hieu"] if f.get("so_ky_hieu") else None, date_line(f),
                 f.get("ten_loai"), f.get("trich_yeu"),
                 "Kính gửi: " + f["kinh_gui"] if f.get("kinh_gui") else None]
    nn = f.get("noi_nhan") or []
    want_close = ["Nơi nhận:" if nn else None] + ["- " + x for x in nn] + \
                 [f.get("quyen_han"), f.get("chuc_vu"), f.get("nguoi_ky")]
    out = []
    for name, items, where in (("header", want_head, header), ("closing", want_close, closing)):
        for w in items:
            if w:
                out.append((name, w, in_order(w.split(), where)))
    return out


def in_order(words, where):
    """The words appear in this order, maybe with others between them (two
    columns side by side interleave when read line by line)."""
    # A closing "." or ";" is the frame's punctuation of a list or of a
    # single recipient ("Kính gửi: … Sóc Trăng."), not a different word.
    # So is the punctuation of the seed's typos in Nơi nhận ("Lưu: VT. TTr."
    # for "Lưu: VT, TTr."), which the templates correct.
    words = [w.rstrip(".;,") for w in words]
    k = 0
    for w in where:
        if k < len(words) and w.rstrip(".;,") == words[k]:
            k += 1
    return k == len(words)


def ratio_and_diffs(want, got):
    sm = difflib.SequenceMatcher(None, want, got, autojunk=False)
    diffs = [(op, " ".join(want[i1:i2]), " ".join(got[j1:j2]))
             for op, i1, i2, j1, j2 in sm.get_opcodes() if op != "equal"]
    return sm.ratio(), diffs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("pdf")
    ap.add_argument("reference")
    ap.add_argument("--doc", type=int, default=1)
    ap.add_argument("--min", type=float, default=0.0)
    ap.add_argument("--min-notes", type=float, default=None,
                    help="floor for the footnotes (default: --min)")
    ap.add_argument("--quiet", action="store_true")
    a = ap.parse_args()
    nfc = lambda ws: [unicodedata.normalize("NFC", w) for w in ws]
    fields, ref_body, ref_notes = reference(a.reference, a.doc)
    header, body, notes, closing = (nfc(x) for x in pdf_parts(a.pdf, a.doc))
    ok = True
    r_body, d_body = ratio_and_diffs(nfc(ref_body), body)
    print(f"body: {len(ref_body)} reference words, {len(body)} in the PDF, similarity {r_body:.4f}")
    ok &= r_body >= a.min
    if ref_notes or notes:
        r_notes, d_notes = ratio_and_diffs(nfc(ref_notes), notes)
        print(f"footnotes: {len(ref_notes)} reference words, {len(notes)} in the PDF, similarity {r_notes:.4f}")
        ok &= r_notes >= (a.min if a.min_notes is None else a.min_notes)
    else:
        d_notes = []
    checks = fields_check(fields, header, closing)
    missing = [(n, w) for n, w, present in checks if not present]
    print(f"fields: {len(checks) - len(missing)}/{len(checks)} printed where the frame puts them")
    ok &= not missing
    if not a.quiet:
        for n, w in missing:
            print(f"  missing {n} field: {w!r}")
        for label, diffs in (("body", d_body), ("footnotes", d_notes)):
            for op, w, g in diffs:
                print(f"  {label} {op}: reference {w!r} → pdf {g!r}")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
