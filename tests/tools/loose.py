#!/usr/bin/env python3
"""Loose lines in a PDF: word spaces stretched past a limit, letters spaced.

    loose.py [--max R] [--max-track EM] PDF...

Every space glyph of every text line, read through MuPDF (`mutool draw -F
stext`): its gap is from where the glyph before it ends to where the glyph
after it starts (what a reader sees between the words), measured against the
space glyph's own width, the natural space of its font and size. A line whose
widest gap is more than R natural spaces (default 2), or whose letters stand
more than EM ems further apart than their widths (default 0.05, vanban's
limit on letter spacing, src/layout/paragraph.c), is printed as

    FILE pN  gap/space  letter-spacing-in-em  text

and the exit status is 1 if there is one. Ragged lines keep natural spaces
(ratio 1) and a table's or a header's columns are separate text with no space
glyph between them, so only justified lines can be flagged.

Why 2: TeX accepts a line up to badness 200 (\\tolerance, spaces about 1.6
natural with its stretch of half a space) and reports one past badness 1000
(\\hbadness: "Underfull \\hbox") at about 2.1; vanban's own tolerance
(src/layout/linebreak_knuth_plass.c) is spaces at most twice their width. A
space twice as wide as the ones around it is what a reader sees as a hole.
"""
import subprocess
import sys
import xml.etree.ElementTree as ET


def quad_x(c):
    q = [float(v) for v in c.get("quad").split()]
    return min(q[0::2]), max(q[0::2])


def lines(pdf):
    """Per line: (page, widest gap in natural spaces, widest letter spacing
    in ems, text)."""
    out = subprocess.run(["mutool", "draw", "-q", "-F", "stext", "-o", "-", pdf],
                         check=True, capture_output=True).stdout
    for pno, page in enumerate(ET.fromstring(out).iter("page"), 1):
        for line in page.iter("line"):
            chars = [(c, float(f.get("size"))) for f in line.iter("font") for c in f.iter("char")]
            text = "".join(c.get("c") for c, _ in chars).strip()
            widest = track = 0.0
            for i in range(len(chars) - 1):
                (a, size), (b, _) = chars[i], chars[i + 1]
                if a.get("c") != " " and b.get("c") != " ":
                    # a letter's advance past its width: the line's letter spacing
                    track = max(track, (float(b.get("x")) - quad_x(a)[1]) / size)
                if i == 0 or a.get("c") != " " or " " in (chars[i - 1][0].get("c"), b.get("c")):
                    continue
                x0, x1 = quad_x(a)
                natural = x1 - x0
                if natural <= 0:  # a space MuPDF made up for a gap: no glyph
                    continue
                gap = float(b.get("x")) - quad_x(chars[i - 1][0])[1]
                widest = max(widest, gap / natural)
            yield pno, widest, track, text


def main(argv):
    limit, track_limit = 2.0, 0.05
    while len(argv) > 2 and argv[1] in ("--max", "--max-track"):
        if argv[1] == "--max":
            limit = float(argv[2])
        else:
            track_limit = float(argv[2])
        argv = argv[:1] + argv[3:]
    found = 0
    for pdf in argv[1:]:
        for pno, widest, track, text in lines(pdf):
            # a thousandth: the PDF's coordinates are rounded
            if widest > limit + 1e-3 or track > track_limit + 1e-3:
                print(f"{pdf} p{pno} {widest:.2f} {track:.3f} {text}")
                found += 1
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
