#!/usr/bin/env python3
"""Ratio tables from shared bench.py results: every peer against vanban.

Usage:  python3 bench/summarize.py RESULTS.json [RESULTS.json ...] [--base vanban]

For each workload: median warm wall time, CPU, peak RSS, PDF size and pages of
every peer, and each figure divided by vanban's (time ratio > 1 = vanban faster).
"""
import json
import sys


def fmt_ratio(x, base):
    if not x or not base:
        return "n/a"
    return "%.1f×" % (x / base)


def table(results, base_name):
    by_w = {}
    for r in results:
        by_w.setdefault(r["workload"], []).append(r)
    out = []
    for w, rs in by_w.items():
        base = next((r for r in rs if r["peer"] == base_name and r["ok"]), None)
        out.append("### %s\n" % w)
        out.append("| peer | median s | time ÷ %s | CPU s | peak RSS MiB | RSS ÷ %s | PDF KiB | size ÷ %s "
                   "| pages | text check |" % (base_name, base_name, base_name))
        out.append("|---|---|---|---|---|---|---|---|---|---|")
        for r in rs:
            if not r["ok"]:
                tail = (r.get("error_tail") or "").strip().splitlines()
                out.append("| %s | FAILED | | | | | | | | %s |"
                           % (r["peer"], (tail[-1] if tail else "").replace("|", "/")[:100]))
                continue
            t = r["text"]
            tc = "%d/%d" % (t["found"], t["total"])
            if t["missing"]:
                tc += " (missing: %s)" % "; ".join(t["missing"])
            out.append("| %s | %.3f | %s | %.3f | %.0f | %s | %.0f | %s | %s | %s |" % (
                r["peer"], r["median_s"], fmt_ratio(r["median_s"], base and base["median_s"]),
                r["cpu_median_s"], r["rss_max_kb"] / 1024.0,
                fmt_ratio(r["rss_max_kb"], base and base["rss_max_kb"]),
                r["pdf_bytes"] / 1024.0, fmt_ratio(r["pdf_bytes"], base and base["pdf_bytes"]),
                r["pages"], tc))
        if not base:
            out.append("\n(no successful %s run for %s: no ratios)" % (base_name, w))
        out.append("")
    return "\n".join(out)


def main():
    args = sys.argv[1:]
    base = "vanban"
    if "--base" in args:
        i = args.index("--base")
        base = args[i + 1]
        del args[i:i + 2]
    if not args:
        sys.exit("usage: summarize.py RESULTS.json [...] [--base PEER]")
    results = []
    for path in args:
        with open(path, encoding="utf-8") as f:
            results += json.load(f)["results"]
    print(table(results, base))


if __name__ == "__main__":
    main()
