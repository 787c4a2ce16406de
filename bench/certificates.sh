#!/usr/bin/env bash
# The benchmark of issue 6 §6: 1,000 certificates into one PDF, vanban against
# Typst and LibreOffice on the same content (shared/bench/peers).
#
#   bash bench/certificates.sh
#   RUNS=5 PEERS=typst-cli,typst-node,libreoffice bash bench/certificates.sh
#
# 1. builds vanban (Release, in build-bench/) unless $VANBAN names a binary;
# 2. writes the shared inputs (gen_inputs.py: certificates.xml, .typ, .fodt…)
#    and vanban's (bench/gen_cert_contest.py: a contest whose 1,000 awards are
#    those certificates, in order, and the template that prints them);
# 3. runs the shared bench.py on the certificates workload with vanban as one
#    more peer: 1 first run + RUNS warm runs per peer, interleaved, GNU time
#    for peak RSS, the shared text and page checks;
# 4. prints the ratios against vanban and what a page costs beyond the first.
#
# Env: RUNS (warm runs, default 5), PEERS (default typst-cli,typst-node,
#      libreoffice; vanban is always added), OUT (work folder, default a new
#      temp dir), VANBAN (binary), VANBAN_SHARED (default <repo>/../shared),
#      PEERS_DIR (a copy of shared/bench/peers where install-peers.sh has put
#      node_modules, when the shared folder is read-only; default the shared one).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
PEERS="vanban,${PEERS:-typst-cli,typst-node,libreoffice}"

export EXTRA_PEER="vanban=$REPO/bench/vanban-peer.sh"

WORK="${OUT:-$(mktemp -d -t vanban-cert-bench.XXXXXX)}"
INPUTS="$WORK/inputs"
mkdir -p "$WORK"
python3 "$PEERS_DIR/gen_inputs.py" "$INPUTS" > /dev/null
python3 "$REPO/bench/gen_cert_contest.py" "$INPUTS"

rc=0
python3 "$PEERS_DIR/bench.py" --inputs "$INPUTS" --out "$WORK/out" --runs "$RUNS" \
  --workloads certificates --peers "$PEERS" || rc=$?

echo
echo "== ratios against vanban =="
python3 "$REPO/bench/summarize.py" "$WORK/out/results.json" | tee "$WORK/ratios.md"

# What a certificate costs beyond the first, in bytes and time.
cd "$INPUTS"
"$VANBAN" render certificates-vanban.md -d certificates-contest.xml -o "$WORK/one.pdf" --only 1
"$VANBAN" render certificates-vanban.md -d certificates-contest.xml -o "$WORK/all.pdf"
one=$(stat -c %s "$WORK/one.pdf"); all=$(stat -c %s "$WORK/all.pdf")
echo
echo "PDF: 1 certificate $one bytes, 1,000 certificates $all bytes: $(( (all - one) / 999 )) bytes a page beyond the first"
best() { # the fastest of 5 runs of a command, in seconds (3 decimals)
  local b=9999 s TIMEFORMAT=%3R
  for _ in 1 2 3 4 5; do
    s=$( { time "$@" > /dev/null 2>&1; } 2>&1 )
    b=$(python3 -c "print(min($b, $s))")
  done
  echo "$b"
}
echo "fastest of 5: results alone $(best "$VANBAN" results certificates-contest.xml --format xml) s," \
     "1 certificate $(best "$VANBAN" render certificates-vanban.md -d certificates-contest.xml -o "$WORK/one.pdf" --only 1) s," \
     "1,000 certificates $(best "$VANBAN" render certificates-vanban.md -d certificates-contest.xml -o "$WORK/all.pdf") s"
echo "inputs, PDFs, logs, results.{md,json}, ratios.md: $WORK"
exit "$rc"
