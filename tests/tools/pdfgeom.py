#!/usr/bin/env python3
"""Geometry of a PDF's text from `pdftotext -bbox-layout`, for the e2e tests.

lines(pdf) -> list of pages; each page is a list of lines sorted top to bottom,
each line a dict: text, x0, y0, x1, y1 (points, origin top-left as poppler
gives it) and words: list of (text, x0, y0, x1, y1).

Lines are rebuilt from words by baseline rather than taken from poppler's
blocks, so two runs of text on one visual line are one line here.
"""
import subprocess
import sys
import xml.etree.ElementTree as ET

NS = "{http://www.w3.org/1999/xhtml}"


def words(pdf):
    out = subprocess.run(["pdftotext", "-bbox-layout", "-enc", "UTF-8", pdf, "-"],
                         check=True, capture_output=True).stdout
    root = ET.fromstring(out)
    pages = []
    for page in root.iter(NS + "page"):
        ws = []
        for w in page.iter(NS + "word"):
            ws.append((w.text or "", float(w.get("xMin")), float(w.get("yMin")),
                       float(w.get("xMax")), float(w.get("yMax"))))
        pages.append({"width": float(page.get("width")), "height": float(page.get("height")),
                      "words": ws})
    return pages


def lines(pdf, tol=2.0):
    result = []
    for page in words(pdf):
        ws = sorted(page["words"], key=lambda w: (round(w[4], 0), w[1]))
        ls = []
        for w in ws:
            if ls and abs(ls[-1]["y1"] - w[4]) <= tol:
                ls[-1]["words"].append(w)
            else:
                ls.append({"words": [w], "y1": w[4]})
        for l in ls:
            l["words"].sort(key=lambda w: w[1])
            l["text"] = " ".join(w[0] for w in l["words"])
            l["x0"] = min(w[1] for w in l["words"])
            l["y0"] = min(w[2] for w in l["words"])
            l["x1"] = max(w[3] for w in l["words"])
            l["y1"] = max(w[4] for w in l["words"])
        result.append(ls)
    return result


def header_left(pdf):
    """Page 1's header lines left of the quốc hiệu, down to the "Số" line: the
    parent body's line(s), then the issuing agency's."""
    page = lines(pdf)[0]
    divider = min(w[1] for l in page for w in l["words"] if w[0] == "CỘNG")
    rows = []
    for l in page:
        left = " ".join(w[0] for w in l["words"] if w[3] < divider)
        if left.startswith("Số"):
            break
        if left:
            rows.append(left)
    return rows


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--agency":
        # the issuing agency's lines, after the parent body's one
        print(" / ".join(header_left(sys.argv[2])[1:]))
        sys.exit(0)
    for i, page in enumerate(lines(sys.argv[1])):
        for l in page:
            print(f"p{i + 1} {l['x0']:7.2f} {l['x1']:7.2f} {l['y1']:7.2f} {l['text']}")
