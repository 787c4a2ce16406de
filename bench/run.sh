#!/usr/bin/env bash
# The benchmark of issue 2 §6: vanban against the peers of shared/bench/peers.
#
#   bash bench/run.sh
#   RUNS=5 PEERS=typst-cli,typst-node bash bench/run.sh
#
# 1. builds vanban (Release, in build-bench/) unless $VANBAN names a binary;
# 2. generates every input into $OUT/inputs: shared gen_inputs.py (report,
#    scale, certificates) + bench/gen_book.py (the 100-page book, *-vanban.md);
# 3. (a) shared run-peers.sh with vanban as EXTRA_PEER, workloads report,scale
#        -> $OUT/out/results.{md,json};
#    (b) shared bench.py on the book workload, vanban + every installed peer
#        -> $OUT/book/results.{md,json};
# 4. prints the tables and the ratios against vanban.
# Each cell: 1 first run + RUNS warm runs (median over the warm ones), peers
# interleaved round-robin, GNU time for peak RSS.
#
# Env: RUNS (warm runs, default 5), PEERS (comma list of peer names; vanban is
#      always added), OUT (work folder, default a new temp dir), VANBAN (binary),
#      SKIP_SHARED=1 (only the book), VANBAN_SHARED (default <repo>/../shared),
#      PEERS_DIR (a copy of shared/bench/peers where install-peers.sh has put
#      node_modules, when the shared folder is read-only; default the shared one).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

export EXTRA_PEER="vanban=$REPO/bench/vanban-peer.sh"

WORK="${OUT:-$(mktemp -d -t vanban-bench.XXXXXX)}"
mkdir -p "$WORK"
INPUTS="$WORK/inputs"
python3 "$PEERS_DIR/gen_inputs.py" "$INPUTS"
python3 "$REPO/bench/gen_book.py" "$INPUTS"

peers_arg=()
if [ -n "${PEERS:-}" ]; then
  PEERS="vanban,$PEERS"
  peers_arg=(--peers "$PEERS")
  export PEERS
fi

rc=0
if [ "${SKIP_SHARED:-0}" != 1 ]; then
  # run-peers.sh regenerates the shared inputs into $WORK/inputs (same files;
  # the *-vanban.md files written above stay).
  OUT="$WORK" RUNS="$RUNS" WORKLOADS=report,scale bash "$PEERS_DIR/run-peers.sh" || rc=$?
  # its gen_inputs.py rewrote checks.json/counts.json without the book entries
  python3 "$REPO/bench/gen_book.py" "$INPUTS"
fi

echo
echo "== book (100 pages) =="
python3 "$PEERS_DIR/bench.py" --inputs "$INPUTS" --out "$WORK/book" --runs "$RUNS" --workloads book \
  "${peers_arg[@]}" || rc=$?

echo
echo "== ratios against vanban =="
res=()
[ -f "$WORK/out/results.json" ] && [ "${SKIP_SHARED:-0}" != 1 ] && res+=("$WORK/out/results.json")
res+=("$WORK/book/results.json")
python3 "$REPO/bench/summarize.py" "${res[@]}" | tee "$WORK/ratios.md"
echo "inputs, PDFs, logs, results.{md,json}, ratios.md: $WORK"
exit "$rc"
