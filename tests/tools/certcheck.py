#!/usr/bin/env python3
"""Checks on certificate PDFs for the e2e tests, from MuPDF's view of the real
file (`mutool draw -F stext` for every glyph's quad, `-F trace` for the
stroked rectangles of the border). Coordinates: points, y down from the top.

  certcheck.py inside PDF          every glyph of every page lies inside the
                                   innermost stroked rectangle of that page
                                   (the border's inner rule); prints the
                                   number of glyphs checked
  certcheck.py text PDF            one line per page: its text, runs of
                                   whitespace folded
  certcheck.py shift A B DX DY     every glyph of B is the glyph of A moved by
                                   DX, DY millimetres (right, down)
  certcheck.py images PDF          per page, the placed images: x y w h (pt)
  certcheck.py where PDF PAGE TEXT the bounding box (x0 y0 x1 y1) of the first
                                   line of page PAGE (1-based) containing TEXT

lines(pdf) gives, per page, MuPDF's lines with their font size and baseline.
"""
import subprocess
import sys
import xml.etree.ElementTree as ET

MM = 72 / 25.4


def _xml(pdf, fmt):
    out = subprocess.run(["mutool", "draw", "-q", "-F", fmt, "-o", "-", pdf],
                         check=True, capture_output=True).stdout
    return ET.fromstring(out)


def glyphs(pdf):
    """Per page: list of (char, x0, y0, x1, y1) from the quads; spaces skipped."""
    pages = []
    for page in _xml(pdf, "stext").iter("page"):
        gs = []
        for ch in page.iter("char"):
            c = ch.get("c")
            if c.isspace():
                continue
            q = list(map(float, ch.get("quad").split()))
            xs, ys = q[0::2], q[1::2]
            gs.append((c, min(xs), min(ys), max(xs), max(ys)))
        pages.append(gs)
    return pages


def page_texts(pdf):
    texts = []
    for page in _xml(pdf, "stext").iter("page"):
        lines = []
        for line in page.iter("line"):
            lines.append("".join(c.get("c") for c in line.iter("char")))
        texts.append(" ".join(" ".join(lines).split()))
    return texts


def lines(pdf):
    """Per page: list of (text, size, baseline, x0, y0, x1, y1), size in points
    as the PDF sets it (the first character's font), baseline y from the top."""
    pages = []
    for page in _xml(pdf, "stext").iter("page"):
        ls = []
        for line in page.iter("line"):
            font = line.find("font")
            chars = list(line.iter("char"))
            if font is None or not chars:
                continue
            text = "".join(c.get("c") for c in chars)
            box = tuple(map(float, line.get("bbox").split()))
            ls.append((text, float(font.get("size")), float(chars[0].get("y"))) + box)
        pages.append(ls)
    return pages


def rects(pdf):
    """Per page: stroked axis-aligned rectangles (x0, y0, x1, y1), from the trace."""
    pages = []
    for page in _xml(pdf, "trace").iter("page"):
        h = float(page.get("mediabox").split()[3])
        rs = []
        for sp in page.iter("stroke_path"):
            pts = [(float(e.get("x")), float(e.get("y"))) for e in sp
                   if e.tag in ("moveto", "lineto")]
            if len(pts) != 4:
                continue
            # the trace is in PDF space; its transform flips y
            xs = [p[0] for p in pts]
            ys = [h - p[1] for p in pts]
            rs.append((min(xs), min(ys), max(xs), max(ys)))
        pages.append(rs)
    return pages


def images(pdf):
    pages = []
    for page in _xml(pdf, "trace").iter("page"):
        ims = []
        for im in page.iter("fill_image"):
            t = list(map(float, im.get("transform").split()))
            ims.append((t[4], t[5], t[0], t[3]))
        pages.append(ims)
    return pages


def cmd_inside(pdf):
    bad = 0
    n = 0
    for i, (gs, rs) in enumerate(zip(glyphs(pdf), rects(pdf))):
        if not rs:
            print(f"page {i + 1}: no border rectangle")
            return 1
        inner = max(rs, key=lambda r: r[0])  # the innermost rule
        for c, x0, y0, x1, y1 in gs:
            n += 1
            if x0 < inner[0] or y0 < inner[1] or x1 > inner[2] or y1 > inner[3]:
                bad += 1
                if bad <= 10:
                    print(f"page {i + 1}: '{c}' at {x0:.1f},{y0:.1f}-{x1:.1f},{y1:.1f} "
                          f"outside {inner}")
    print(f"{n} glyphs, {bad} outside")
    return 1 if bad or n == 0 else 0


def cmd_shift(a, b, dx, dy):
    ga, gb = glyphs(a), glyphs(b)
    dx, dy = float(dx) * MM, float(dy) * MM
    if len(ga) != len(gb):
        print(f"pages {len(ga)} vs {len(gb)}")
        return 1
    n = 0
    for pa, pb in zip(ga, gb):
        if len(pa) != len(pb):
            print(f"glyphs {len(pa)} vs {len(pb)}")
            return 1
        for (ca, *qa), (cb, *qb) in zip(pa, pb):
            n += 1
            if ca != cb or abs(qb[0] - qa[0] - dx) > 0.01 or abs(qb[1] - qa[1] - dy) > 0.01:
                print(f"'{ca}' {qa[:2]} -> '{cb}' {qb[:2]}, expected a shift of {dx:.3f},{dy:.3f}")
                return 1
    print(f"{n} glyphs moved by {dx:.3f},{dy:.3f} pt")
    return 0 if n else 1


def where(pdf, page, text):
    for i, pg in enumerate(_xml(pdf, "stext").iter("page")):
        if i + 1 != page:
            continue
        for line in pg.iter("line"):
            if text in "".join(c.get("c") for c in line.iter("char")):
                return tuple(map(float, line.get("bbox").split()))
    return None


def main(argv):
    if len(argv) >= 3 and argv[1] == "inside":
        return cmd_inside(argv[2])
    if len(argv) >= 3 and argv[1] == "text":
        for t in page_texts(argv[2]):
            print(t)
        return 0
    if len(argv) == 6 and argv[1] == "shift":
        return cmd_shift(*argv[2:])
    if len(argv) >= 3 and argv[1] == "images":
        for i, ims in enumerate(images(argv[2])):
            for im in ims:
                print(f"p{i + 1} " + " ".join(f"{v:.3f}" for v in im))
        return 0
    if len(argv) == 5 and argv[1] == "where":
        box = where(argv[2], int(argv[3]), argv[4])
        if not box:
            return 1
        print(" ".join(f"{v:.3f}" for v in box))
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
