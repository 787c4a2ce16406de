#!/usr/bin/env python3
"""The same document for Typst: vanban's expanded template (bench/expand_md.c's
JSON: front matter and Markdown body, after every {{ }} tag has its value)
written as a Typst file with the official frame's layout, so that Typst sets the
very words, lists and tables vanban sets.

    python3 bench/md_to_typst.py [--typst 0.10|0.14] EXPANDED.json OUT.typ

Covers the Markdown the templates produce: ATX headings, paragraphs with
**bold** / *italic*, `-` and `1.` lists, GFM pipe tables with their
alignments, [^n] footnotes (set where they are cited), the
`<!-- vanban: ngang -->` switch to landscape pages, and the official frame's
header, title, Kính gửi and closing block (Nơi nhận, signature) from the front
matter. The Typst styling follows shared/bench/peers/gen_inputs.py's report
(A4, 30/15/20/20 mm margins, Liberation Serif, justified, first-line indent)
with the sizes of vanban's official frame (body 14 pt or co_chu, tables 13 pt,
footnotes 12 pt). vanban repeats a table's header row on every page it
runs onto; Typst 0.14 does the same with table.header, which Typst 0.10 does
not have (--typst 0.10, the default: the header row is set once). Standard
library only.
"""
import json
import re
import sys

SPECIAL = set('\\#*_$@<>[]~/=-+`"\'')


def tesc(s):
    return "".join("\\" + c if c in SPECIAL else c for c in s)


def md_unescape(s):
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", s)


INLINE = re.compile(r"\*\*(.+?)\*\*|\*(?!\s)(.+?)(?<!\s)\*|\[\^([^\]]+)\]")


def inline(s, notes):
    """Markdown inline text to Typst markup (bold, italic, footnote refs)."""
    out, pos = [], 0
    # keep escaped characters away from the emphasis pattern
    s = re.sub(r"\\([!-/:-@\[-`{-~])", lambda m: "\x00%d\x00" % ord(m.group(1)), s)

    def lit(t):
        return tesc(re.sub("\x00(\\d+)\x00", lambda m: chr(int(m.group(1))), t))

    for m in INLINE.finditer(s):
        out.append(lit(s[pos:m.start()]))
        if m.group(1) is not None:
            out.append("#strong[%s]" % inline_inner(m.group(1), notes, lit))
        elif m.group(2) is not None:
            out.append("#emph[%s]" % inline_inner(m.group(2), notes, lit))
        else:
            out.append("#footnote[%s]" % inline(notes.get(m.group(3), ""), notes))
        pos = m.end()
    out.append(lit(s[pos:]))
    return "".join(out)


def inline_inner(s, notes, lit):
    m = re.search(r"\*(?!\s)(.+?)(?<!\s)\*", s)
    if m:
        return lit(s[:m.start()]) + "#emph[%s]" % lit(m.group(1)) + lit(s[m.end():])
    return lit(s)


def split_row(line):
    line = line.strip()
    if line.startswith("|"):
        line = line[1:]
    if line.endswith("|") and not line.endswith("\\|"):
        line = line[:-1]
    cells, cur, i = [], "", 0
    while i < len(line):
        if line[i] == "\\" and i + 1 < len(line):
            cur += line[i:i + 2]
            i += 2
            continue
        if line[i] == "|":
            cells.append(cur.strip())
            cur = ""
        else:
            cur += line[i]
        i += 1
    cells.append(cur.strip())
    return cells


def place_date(fm):
    place = fm.get("dia_danh") or ""
    iso = fm.get("ngay") or ""
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})$", iso)
    if m:
        y, mo, d = m.groups()
        date = "ngày %s tháng %s năm %s" % (d, mo if int(mo) > 2 else mo, y)
    else:
        date = "ngày     tháng     năm     "
    return "%s, %s" % (place, date) if place else date


def header(fm):
    L = []
    size = fm.get("co_chu") or "14"
    L.append('#set page(paper: "a4", margin: (top: 20mm, bottom: 20mm, left: 30mm, right: 15mm),')
    L.append('  number-align: top + center, numbering: (..n) => if n.pos().first() > 1 { text(size: 13pt, str(n.pos().first())) })')
    L.append('#set text(font: "Liberation Serif", size: %spt, lang: "vi", hyphenate: false)' % size)
    L.append('#set par(justify: true, first-line-indent: 12.7mm, leading: 0.55em)')
    L.append('#show par: set block(spacing: 6pt + 0.55em)')
    L.append('#set list(marker: [-])')
    L.append('#show heading: set text(size: %spt)' % size)
    L.append('#show heading.where(level: 1): it => align(center, it)')
    L.append('#show heading.where(level: 4): set text(style: "italic")')
    L.append('#set footnote.entry(separator: line(length: 30%, stroke: 0.5pt))')
    L.append('#show footnote.entry: set text(size: 12pt)')
    L.append('')
    L.append('#[')
    L.append('#set par(justify: false, first-line-indent: 0pt)')
    L.append('#grid(columns: (1fr, 1.45fr), column-gutter: 4mm,')
    L.append('  align(center)[#text(size: 13pt)[%s] \\ #text(size: 13pt, weight: "bold")[%s] #line(length: 28mm, stroke: 0.6pt) #text(size: 13pt)[Số: %s]],'
             % (tesc(fm.get("co_quan_chu_quan", "")), tesc(fm.get("co_quan_ban_hanh", "")),
                tesc(fm.get("so_ky_hieu", ""))))
    L.append('  align(center)[#text(size: 13pt, weight: "bold")[CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM] \\ #text(size: 14pt, weight: "bold")[Độc lập \\- Tự do \\- Hạnh phúc] #line(length: 55mm, stroke: 0.6pt) #text(style: "italic")[%s]],'
             % tesc(place_date(fm)))
    L.append(')')
    L.append('#v(6mm)')
    L.append('#align(center)[#text(weight: "bold")[%s] \\ #text(weight: "bold")[%s]]'
             % (tesc(fm.get("ten_loai", "")), tesc(fm.get("trich_yeu", ""))))
    if fm.get("kinh_gui"):
        L.append('#v(3mm)')
        L.append('#align(center)[Kính gửi: %s.]' % tesc(fm["kinh_gui"]))
    L.append('#v(4mm)')
    L.append(']')
    L.append('')
    return L


def closing(fm):
    items = fm.get("noi_nhan") or []
    if isinstance(items, str):
        items = [items]
    L = ["#v(4mm)", "#[", "#set par(justify: false, first-line-indent: 0pt)",
         "#block(breakable: false, grid(columns: (1fr, 1fr),",
         '  [#text(size: 12pt, weight: "bold", style: "italic")[Nơi nhận:] \\ %s],'
         % " \\ ".join("#text(size: 11pt)[\\- %s]" % tesc(r) for r in items),
         '  align(center)[#text(weight: "bold")[%s] \\ #text(weight: "bold")[%s] #v(22mm) #text(weight: "bold")[%s]],'
         % (tesc(fm.get("quyen_han") or ""), tesc(fm.get("chuc_vu") or ""), tesc(fm.get("nguoi_ky") or "")),
         "))", "]", ""]
    return L


ALIGN = {"left": "left", "right": "right", "center": "center"}


TYPST = "0.10"


def table(rows, aligns, notes):
    n = len(aligns)
    head = ", ".join("[*%s*]" % inline(c, notes) for c in rows[0])
    L = ["#[", "#set text(size: 13pt)", "#set par(justify: false, first-line-indent: 0pt)",
         "#table(columns: (%s), inset: (x: 4pt, y: 4pt), stroke: 0.5pt, align: (%s),"
         % (", ".join("auto" if i != 1 else "1fr" for i in range(n)),
            ", ".join(ALIGN[a] for a in aligns) + ("," if n == 1 else "")),
         "  table.header(%s)," % head if TYPST != "0.10" else "  " + head + ","]
    for r in rows[1:]:
        r = (r + [""] * n)[:n]
        L.append("  " + ", ".join("[%s]" % inline(c, notes) for c in r) + ",")
    L += [")", "]", ""]
    return L


def body(md, fm):
    lines = md.split("\n")
    # footnote definitions: [^n]: text (one paragraph each, as the templates write them)
    notes, keep = {}, []
    for ln in lines:
        m = re.match(r"\[\^([^\]]+)\]:\s?(.*)$", ln)
        if m:
            notes[m.group(1)] = m.group(2)
        else:
            keep.append(ln)
    lines = keep
    L, para, in_closing_done = [], [], False
    i = 0

    def flush():
        if para:
            text = " ".join(p.strip() for p in para)
            if text.startswith("Căn cứ"):
                L.append("#emph[%s]" % inline(text, notes))
            else:
                L.append(inline(text, notes))
            L.append("")
            para.clear()

    while i < len(lines):
        ln = lines[i]
        s = ln.strip()
        if not s:
            flush()
            i += 1
            continue
        if s.startswith("<!--"):
            flush()
            if "vanban: ngang" in s:
                if not in_closing_done:
                    L += closing(fm)
                    in_closing_done = True
                L.append("#set page(flipped: true)")
                L.append("")
            i += 1
            continue
        m = re.match(r"(#{1,6})\s+(.*)$", s)
        if m:
            flush()
            L.append("=" * len(m.group(1)) + " " + inline(m.group(2), notes))
            L.append("")
            i += 1
            continue
        if s.startswith("|") and i + 1 < len(lines) and re.match(r"^\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?$", lines[i + 1].strip()):
            flush()
            head = split_row(s)
            aligns = []
            for spec in split_row(lines[i + 1]):
                spec = spec.strip()
                aligns.append("center" if spec.startswith(":") and spec.endswith(":")
                              else "right" if spec.endswith(":") else "left")
            rows = [head]
            i += 2
            while i < len(lines) and lines[i].strip().startswith("|"):
                rows.append(split_row(lines[i]))
                i += 1
            L += table(rows, aligns, notes)
            continue
        m = re.match(r"(-|\d+\.)\s+(.*)$", s)
        if m and not para:
            flush()
            item = [m.group(2)]
            i += 1
            while i < len(lines) and lines[i].strip() and not re.match(r"(-|\d+\.)\s+", lines[i].strip()):
                item.append(lines[i].strip())
                i += 1
            marker = "-" if m.group(1) == "-" else m.group(1)
            L.append("%s %s" % (marker, inline(" ".join(item), notes)))
            L.append("")
            continue
        para.append(ln)
        i += 1
    flush()
    if not in_closing_done:
        L += closing(fm)
    return L


def main():
    global TYPST
    args = sys.argv[1:]
    if len(args) >= 2 and args[0] == "--typst":
        TYPST = args[1]
        args = args[2:]
    if len(args) != 2 or TYPST not in ("0.10", "0.14"):
        sys.exit("usage: md_to_typst.py [--typst 0.10|0.14] EXPANDED.json OUT.typ")
    with open(args[0], encoding="utf-8") as f:
        doc = json.load(f)
    fm = doc["front_matter"]
    out = header(fm) + body(doc["body"], fm)
    with open(args[1], "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
