#!/usr/bin/env python3
"""Writes malformed-but-well-formed variants of a contest file, for the test
that `vanban check` survives any of them (tests/e2e/check_mutants.sh).

For the first element of each (parent, name) pair, across all the files
given (a pair met in an earlier file is not mutated again): every attribute
removed, every attribute given a value of the wrong kind, the element
renamed (alone, and with its siblings of the same name), removed,
repeated, and, when it has children, given stray text before them. Each variant is one file, OUTDIR/K-NNNN.xml
for the K-th file given. Prints the number of variants.
Usage: xml_mutants.py OUTDIR CONTEST.xml...
"""
import copy
import os
import sys
import xml.etree.ElementTree as ET


def mutate_file(src, out, prefix, seen):
    base = ET.parse(src)
    parents = {c: p for p in base.iter() for c in p}
    targets = []
    for i, el in enumerate(base.iter()):
        p = parents.get(el)
        key = (p.tag if p is not None else None, el.tag)
        if key in seen:
            continue
        seen.add(key)
        targets.append(i)
    n = 0

    def write(mutate):
        nonlocal n
        tree = copy.deepcopy(base)
        els = list(tree.iter())
        tparents = {c: p for p in tree.iter() for c in p}
        if mutate(els, tparents) is False:
            return
        tree.write(os.path.join(out, "%s-%04d.xml" % (prefix, n)), encoding="utf-8", xml_declaration=True)
        n += 1

    for i in targets:
        for attr in list(base.getroot().iter())[i].attrib:
            def drop(els, tp, i=i, a=attr):
                del els[i].attrib[a]
            def spoil(els, tp, i=i, a=attr):
                els[i].attrib[a] = "-1,5 x"
            write(drop)
            write(spoil)

        def rename(els, tp, i=i):
            els[i].tag = els[i].tag + "x"
        def rename_all(els, tp, i=i):
            if els[i] not in tp:
                return False
            tag = els[i].tag
            for sib in tp[els[i]]:
                if sib.tag == tag:
                    sib.tag += "x"
        def remove(els, tp, i=i):
            if els[i] not in tp:
                return False
            tp[els[i]].remove(els[i])
        def repeat(els, tp, i=i):
            if els[i] not in tp:
                return False
            p = tp[els[i]]
            p.insert(list(p).index(els[i]) + 1, copy.deepcopy(els[i]))
        def stray_text(els, tp, i=i):
            if len(els[i]) == 0:
                return False
            els[i].text = "lạc" + (els[i].text or "")
        write(rename)
        write(rename_all)
        write(stray_text)
        write(remove)
        write(repeat)
    return n


def main():
    out, sources = sys.argv[1], sys.argv[2:]
    os.makedirs(out, exist_ok=True)
    seen = set()
    print(sum(mutate_file(src, out, str(k), seen) for k, src in enumerate(sources)))


if __name__ == "__main__":
    main()
