#!/usr/bin/env python3
"""Text lines with their font and size, and stroked rules, from a real PDF,
read through MuPDF (`mutool draw -F stext` and `-F trace`): the geometry the
frame tests check. Coordinates are PDF points with y growing downwards from
the top of the page (as mutool reports them)."""
import subprocess
import sys
import xml.etree.ElementTree as ET


def _xml(pdf, fmt):
    out = subprocess.run(["mutool", "draw", "-q", "-F", fmt, "-o", "-", pdf],
                         check=True, capture_output=True).stdout
    return ET.fromstring(out)


def lines(pdf):
    """Per page: a list of dicts (text, font, size, bold, italic, x0, y0, x1,
    y1, baseline); one per stext line, its font that of its first span."""
    pages = []
    for page in _xml(pdf, "stext").iter("page"):
        ls = []
        for line in page.iter("line"):
            fonts = list(line.iter("font"))
            chars = [c for c in line.iter("char")]
            if not chars:
                continue
            x0, y0, x1, y1 = map(float, line.get("bbox").split())
            name = fonts[0].get("name")
            ls.append({
                "text": "".join(c.get("c") for c in chars).strip(),
                "font": name, "size": float(fonts[0].get("size")),
                # mutool cuts names at 24 characters: "…-BoldItal"
                "bold": "Bold" in name, "italic": "Ital" in name,
                "chars": [(c.get("c"), float(c.get("x"))) for c in chars],
                "x0": x0, "y0": y0, "x1": x1, "y1": y1,
                "baseline": float(chars[0].get("y")),
                "page_w": float(page.get("width")), "page_h": float(page.get("height")),
            })
        pages.append(ls)
    return pages


def rules(pdf):
    """Per page: horizontal stroked lines as (x0, x1, y, width), y from the top."""
    pages = []
    for page in _xml(pdf, "trace").iter("page"):
        h = float(page.get("mediabox").split()[3]) if page.get("mediabox") else 841.89
        rs = []
        for sp in page.iter("stroke_path"):
            pts = [(float(e.get("x")), float(e.get("y"))) for e in sp if e.tag in ("moveto", "lineto")]
            if len(pts) == 2 and abs(pts[0][1] - pts[1][1]) < 0.01:
                # the trace reports user space; our pages use the identity CTM
                rs.append((min(pts[0][0], pts[1][0]), max(pts[0][0], pts[1][0]),
                           h - pts[0][1], float(sp.get("linewidth"))))
        pages.append(rs)
    return pages


def title_lines(pdf, ten_loai="KẾ HOẠCH"):
    """The trích yếu of page 1: the bold 14 pt lines under the tên loại."""
    p1 = lines(pdf)[0]
    k = [i for i, l in enumerate(p1) if l["text"] == ten_loai][0]
    ls = []
    for l in p1[k + 1:]:
        if not (l["bold"] and l["size"] == 14):
            break
        ls.append(l)
    return ls


if __name__ == "__main__":
    for i, page in enumerate(lines(sys.argv[1])):
        for l in page:
            print(f"p{i + 1} {l['x0']:7.2f} {l['x1']:7.2f} {l['baseline']:7.2f} "
                  f"{l['size']:4.1f} {'B' if l['bold'] else ' '}{'I' if l['italic'] else ' '} {l['text']}")
    for i, page in enumerate(rules(sys.argv[1])):
        for r in page:
            print(f"p{i + 1} rule {r[0]:7.2f}..{r[1]:7.2f} y {r[2]:7.2f} w {r[3]}")

