#!/usr/bin/env python3
"""Times the cells that bench/report.sh prepared and prints its tables.

    python3 bench/report_measure.py CELLS.tsv RUNS

CELLS.tsv: one line per cell, tab-separated: workload label, units, tool,
the PDF the command writes, then the command and its arguments. Cells of one
(label, units) are run round-robin: one warm-up run each, then RUNS rounds of
every tool. Wall time is a monotonic clock around each run; peak RSS is
ru_maxrss from wait4 on the child alone (no shell or GNU time in the figure).
Each Typst PDF's words (pdftotext) are compared with vanban's PDF of the same
cell: the share of vanban's words that Typst's text also has, counted with
multiplicity, to show both set the same content.
"""
import collections
import os
import re
import statistics
import subprocess
import sys
import time


def run(cmd):
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    err = p.stderr.read().decode(errors="replace")
    p.stderr.close()
    if status != 0:
        sys.exit("FAILED (%s): %s\n%s" % (status, " ".join(cmd), err[-2000:]))
    return wall, ru.ru_maxrss


def pdf_facts(pdf):
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    return pages, os.path.getsize(pdf)


def words(pdf):
    t = subprocess.run(["pdftotext", "-enc", "UTF-8", pdf, "-"], capture_output=True, text=True).stdout
    # hyphen-free engines may still split differently at line ends: compare words
    return collections.Counter(re.findall(r"\w+", t.lower()))


def main():
    cells_path, runs = sys.argv[1], int(sys.argv[2])
    groups = collections.OrderedDict()
    with open(cells_path, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 5:
                continue
            label, n, tool, pdf, cmd = parts[0], int(parts[1]), parts[2], parts[3], [x for x in parts[4:] if x]
            groups.setdefault((label, n), []).append({"tool": tool, "pdf": pdf, "cmd": cmd, "t": [], "rss": 0})
    rows = []
    print("| workload | tool | units | median s | min–max s | ms per unit | peak RSS MiB | pages | PDF KiB | words of vanban's text |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for (label, n), cells in groups.items():
        for c in cells:          # warm-up
            run(c["cmd"])
        for _ in range(runs):
            for c in cells:
                t, rss = run(c["cmd"])
                c["t"].append(t)
                c["rss"] = max(c["rss"], rss)
        base_words = None
        for c in cells:
            c["median"] = statistics.median(c["t"])
            c["pages"], c["bytes"] = pdf_facts(c["pdf"])
            w = words(c["pdf"])
            if c["tool"] == "vanban":
                base_words, same = w, "–"
            else:
                common = sum((w & base_words).values())
                same = "%.1f %%" % (100.0 * common / max(1, sum(base_words.values())))
            print("| %s | %s | %d | %.3f | %.3f–%.3f | %.3f | %d | %d | %d | %s |" % (
                label, c["tool"], n, c["median"], min(c["t"]), max(c["t"]), c["median"] * 1000 / n,
                c["rss"] // 1024, c["pages"], c["bytes"] // 1024, same))
            sys.stdout.flush()
            rows.append((label, n, c))
    # ratios and linearity
    print()
    print("| workload | units | typst-cli ÷ vanban | typst-node ÷ vanban |")
    print("|---|---:|---:|---:|")
    for (label, n), cells in groups.items():
        by = {c["tool"]: c for c in cells}
        v = by["vanban"]["median"]
        r = ["%.1f×" % (by[t]["median"] / v) if t in by else "–" for t in ("typst-cli", "typst-node")]
        print("| %s | %d | %s | %s |" % (label, n, r[0], r[1]))
    print()
    ref = next((cells for (label, n), cells in groups.items() if label.endswith("+ ranking") and n == 40), None)
    if ref:
        print("Marginal cost per unit beyond the 2023 sample with its ranking (40 units):")
        print()
        print("| tool | " + " | ".join(str(n) for (label, n) in groups if label == "report + ranking")
              + " |")
        print("|---|" + "---:|" * sum(1 for (label, n) in groups if label == "report + ranking"))
        for tool in [c["tool"] for c in ref]:
            t40 = next(c for c in ref if c["tool"] == tool)
            cols = []
            for (label, n), cells in groups.items():
                if label != "report + ranking":
                    continue
                c = next((c for c in cells if c["tool"] == tool), None)
                cols.append("%.3f ms, %.1f KiB" % ((c["median"] - t40["median"]) * 1000 / (n - 40),
                                                    (c["rss"] - t40["rss"]) / (n - 40)) if c else "–")
            print("| %s | %s |" % (tool, " | ".join(cols)))


if __name__ == "__main__":
    main()
