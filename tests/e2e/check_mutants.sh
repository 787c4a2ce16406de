#!/bin/bash
# `vanban check` on hundreds of variants of real contest files, each broken
# in one way the schema rejects (an attribute removed or given a wrong value,
# an element renamed, removed or repeated): since check goes on to what the
# data means after a schema error, the model is built from whatever is there.
# Each variant must give exit 0 or 1 (never a crash: this test runs under
# ASan and UBSan in CI), and on exit 1 only messages with FILE:LINE:COL in
# Vietnamese, none of libxml2's own text; on exit 0 nothing but placed
# warnings (a submission whose score was removed is one). `results` must
# refuse what check refuses with the very same messages (it builds the same
# model), and accept what check accepts, with the same warnings first.
set -u
: "${VANBAN:?}" "${VANBAN_SRC:?}"
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
exec python3 - "$t" "$VANBAN_SRC/tests/data/contest/base.xml" "$VANBAN_SRC"/samples/*/contest.xml <<'PY'
import glob, os, re, subprocess, sys
tmp, sources = sys.argv[1], sys.argv[2:]
vanban, src_dir = os.environ["VANBAN"], os.environ["VANBAN_SRC"]
raw = re.compile(r"parser error|validity error|Relax-NG|Expecting|failed to validate|\(null\)", re.I)
fails = total = 0
# Each (parent, element) pair of the model is broken once, in the first file
# that has it (the samples add what base.xml lacks: rules, prizes, committees,
# criteria, registrations, documents).
subprocess.run([sys.executable, os.path.join(src_dir, "tests/tools/xml_mutants.py"), tmp] + sources,
               check=True, stdout=subprocess.DEVNULL)
for f in sorted(glob.glob(os.path.join(tmp, "*.xml"))):
    total += 1
    p = subprocess.run([vanban, "check", f], capture_output=True, text=True)
    lines = p.stderr.splitlines()
    # Errors, and warnings (a submission left without its score is one):
    # each at its place. Exit 0 may come with warnings, then says how many.
    placed = re.compile(r"^vanban: " + re.escape(f) + r":\d+:\d+: (lỗi|cảnh báo): ")
    warned = [l for l in lines if placed.match(l) and ": cảnh báo: " in l]
    clean = "vanban: %s: không có lỗi" % f + (", có %d cảnh báo" % len(warned) if warned else "")
    bad = None
    if p.returncode not in (0, 1):
        bad = "exit %d" % p.returncode
    elif p.returncode == 1 and (not lines or not all(placed.match(l) for l in lines)):
        bad = "a message without its place"
    elif p.returncode == 1 and len(warned) == len(lines):
        bad = "exit 1 with warnings only"
    elif p.returncode == 0 and lines != warned + [clean]:
        bad = "exit 0 with messages other than warnings"
    elif raw.search(p.stderr):
        bad = "libxml2's own text"
    else:
        r = subprocess.run([vanban, "results", "--format", "csv", f], capture_output=True, text=True)
        if p.returncode == 1 and (r.returncode != 1 or r.stderr != p.stderr or r.stdout):
            bad = "results differs from check (exit %d)" % r.returncode
            lines = r.stderr.splitlines()
        elif p.returncode == 0 and r.returncode != 0:
            bad = "results refuses what check accepts (exit %d)" % r.returncode
            lines = r.stderr.splitlines()
        elif p.returncode == 0 and r.stderr.splitlines()[:len(warned)] != warned:
            bad = "results does not give check's warnings"
            lines = r.stderr.splitlines()
    if bad:
        fails += 1
        print("FAIL: %s: %s" % (f, bad))
        for l in lines[:5]:
            print("    " + l)
print("%d variants checked, %d failed" % (total, fails))
if total < 250:
    print("FAIL: only %d variants" % total)
    fails += 1
sys.exit(1 if fails else 0)
PY
