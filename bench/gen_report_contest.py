#!/usr/bin/env python3
"""A contest of N units for the report benchmark (issue 5 §6), grown from the
2023 Sóc Trăng sample so that templates/bao-cao-ket-qua.md reads it unchanged.

    python3 bench/gen_report_contest.py N OUT.xml

Copy k of each of the sample's 40 units (k = 2, 3, …) gets the id "<id>-k",
the name "<name> (cụm k)", and copies of its people and submissions, with each
score lowered by a small deterministic step (0.01–3.89 points, different per
copy and per submission) so copies do not tie with each other or outrank the
sample's prize winners by much. The
definition (parts, groups, rules, prizes, documents) is the sample's, so the
prize quotas stay those of 2023 and the report grows only by its unit lists
and the ranking appendix. Standard library only; the output is deterministic.
"""
import copy
import os
import sys
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLE = os.path.join(HERE, "..", "samples", "soctrang-2023", "contest.xml")


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: gen_report_contest.py N OUT.xml")
    n = int(sys.argv[1])
    tree = ET.parse(SAMPLE)
    root = tree.getroot()
    units_el, people_el, subs_el = (root.find(t) for t in ("units", "people", "submissions"))
    base_units = list(units_el)
    base_people = list(people_el)
    base_subs = list(subs_el)
    if n < len(base_units):
        sys.exit(f"gen_report_contest.py: N must be at least {len(base_units)}")
    made = len(base_units)
    k = 1
    while made < n:
        k += 1
        for u in base_units:
            if made >= n:
                break
            uid = u.get("id")
            nu = copy.deepcopy(u)
            nu.set("id", f"{uid}-{k}")
            nu.text = f"{u.text} (cụm {k})"
            if nu.get("short"):
                nu.set("short", f"{u.get('short')} (cụm {k})")
            units_el.append(nu)
            for p in base_people:
                if p.get("unit") == uid:
                    np_ = copy.deepcopy(p)
                    np_.set("id", f"{p.get('id')}-{k}")
                    np_.set("unit", f"{uid}-{k}")
                    people_el.append(np_)
            for j, s in enumerate(base_subs):
                if s.get("unit") != uid:
                    continue
                ns = copy.deepcopy(s)
                ns.set("id", f"{s.get('id')}-{k}")
                ns.set("unit", f"{uid}-{k}")
                if ns.get("author"):
                    ns.set("author", f"{s.get('author')}-{k}")
                if ns.get("score") is not None:
                    # a copy scores a little lower, by a step that differs
                    # per copy and per submission: few exact ties remain
                    step = ((made * 131 + j * 17) % 389 + 1) / 100.0
                    ns.set("score", "%.2f" % max(0.0, float(s.get("score")) - step))
                subs_el.append(ns)
            made += 1
    ET.indent(tree, space="  ")
    tree.write(sys.argv[2], encoding="UTF-8", xml_declaration=True)


if __name__ == "__main__":
    main()
