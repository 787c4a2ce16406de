#!/usr/bin/env python3
"""Footnotes checked on the real PDF, for documents whose notes are made of
numbered words: note k is "n<k>w0 n<k>w1 …" and the word before its mark
starts with "R<k>X" (pdftotext may run the mark into it). poppler gives the
words (pdfgeom), mutool the rules (`mutool draw -F trace`).

check_notes(pdf, lengths, margins) runs the checks of tap.check:
  - each note's first words are on the page whose text carries its mark;
  - every word of every note is printed once, in order;
  - on every page the notes are below the text, and every word inside the
    margins of its page (portrait or turned);
  - over the notes of a page, a rule: across the text where they start
    with a note going on from the page before, 50 mm where they do not.
It returns the pages (pdfgeom.words) and, per page, the notes on it with
the first word of each, for further checks."""
import re
import subprocess

import pdfgeom
from tap import check

MM = 72 / 25.4
NOTE_WORD = re.compile(r"n(\d+)w(\d+)")


def note_word(text):
    """(k, i) for the i-th word of note k, else None."""
    m = NOTE_WORD.fullmatch(text)
    return (int(m.group(1)), int(m.group(2))) if m else None


def reading_order(words):
    """Top to bottom, then left to right (note lines are 11.5 pt apart)."""
    return sorted(words, key=lambda w: (round(w[4]), w[1]))


def rules(pdf, page_no, page_h):
    """The stroked straight lines of a page: (x0, x1, y) from the top."""
    tr = subprocess.run(["mutool", "draw", "-F", "trace", "-o", "-", pdf, str(page_no)],
                        capture_output=True, text=True).stdout
    out = []
    for m in re.finditer(r'<moveto x="([-\d.]+)" y="([-\d.]+)"/>\s*<lineto x="([-\d.]+)" y="([-\d.]+)"/>', tr):
        x0, y0, x1, y1 = map(float, m.groups())
        if abs(y0 - y1) < 0.01:
            out.append((min(x0, x1), max(x0, x1), page_h - y0))
    return out


def margins_of(page, margins):
    """(top, right, bottom, left) in points for a page: margins is a dict
    {"portrait": (…mm), "landscape": (…mm)}."""
    key = "landscape" if page["width"] > page["height"] else "portrait"
    return tuple(m * MM for m in margins[key])


def check_notes(pdf, lengths, margins, name=""):
    pages = pdfgeom.words(pdf)
    tag = f"{name}: " if name else ""
    seq = {k: [] for k in lengths}
    starts = {}  # note -> page of its first word
    for n, p in enumerate(pages):
        for w in reading_order(p["words"]):
            nw = note_word(w[0])
            if nw and nw[0] in seq:
                seq[nw[0]].append(nw[1])
                if nw[1] == 0:
                    starts.setdefault(nw[0], n)
    for k, length in lengths.items():
        check(seq[k] == list(range(length)),
              f"{tag}note {k}: every word printed once, in order ({len(seq[k])} of {length})")
        refs = [n for n, p in enumerate(pages) for w in p["words"] if w[0].startswith(f"R{k}X")]
        check(len(refs) == 1 and refs[0] == starts.get(k),
              f"{tag}note {k} starts on the page of its mark (mark on {[r + 1 for r in refs]}, "
              f"note on {starts.get(k, -1) + 1})")
    below, inside, ruled = [], [], []
    on_page = []
    for n, p in enumerate(pages):
        top, right, bottom, left = margins_of(p, margins)
        notes = [w for w in p["words"] if note_word(w[0])]
        body = [w for w in p["words"] if not note_word(w[0]) and any(c.isalpha() for c in w[0])]
        on_page.append(notes)
        if notes and body and min(w[2] for w in notes) <= max(w[4] for w in body):
            below.append(n + 1)
        for w in p["words"]:
            if w[0].isdigit():  # page numbers, and marks inside anyway
                continue
            if not (left - 1 <= w[1] and w[3] <= p["width"] - right + 1 and
                    top - 1 <= w[2] and w[4] <= p["height"] - bottom + 1):
                inside.append((n + 1, w[0]))
        if notes:
            first = reading_order(notes)[0]
            # the topmost: a table in a note has rules of its own under it
            over = sorted((r for r in rules(pdf, n + 1, p["height"])
                           if (max(w[4] for w in body) if body else top) < r[2] < first[2]),
                          key=lambda r: r[2])[:1]
            going_on = note_word(first[0])[1] > 0
            want = p["width"] - right - left if going_on else 50 * MM
            if not over or abs(over[0][0] - left) > 0.5 or abs(over[0][1] - over[0][0] - want) > 0.5:
                ruled.append((n + 1, [(round(r[0]), round(r[1])) for r in over], round(want)))
    check(not below, f"{tag}on every page the notes are below the text (not on {below})")
    check(not inside, f"{tag}every word inside its page's margins (not {inside[:5]})")
    check(not ruled, f"{tag}a rule over each page's notes, across the text when a note goes on, "
                     f"else 50 mm (not {ruled})")
    return pages, on_page
