#!/usr/bin/env bash
# Where vanban spends its time on one workload (default: the 100-page book).
#   bash bench/profile.sh [WORKLOAD] [INPUTS_DIR]
# Builds RelWithDebInfo into build-prof/ (symbols for callgrind) unless $VANBAN
# is set, generates the inputs if no folder is given, then prints
#   perf stat (5 runs) and the top functions of one run under callgrind
#   (inclusive and self cost).
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SHARED="$(cd "${VANBAN_SHARED:-$REPO/../shared}" && pwd)"
W="${1:-book}"
IN="${2:-}"
if [ -z "${VANBAN:-}" ]; then
  make -C "$REPO" --no-print-directory build BUILD=build-prof CMAKE_FLAGS=-DCMAKE_BUILD_TYPE=RelWithDebInfo >&2
  VANBAN="$REPO/build-prof/vanban"
fi
if [ -z "$IN" ]; then
  IN="$(mktemp -d -t vanban-prof.XXXXXX)"
  python3 "$SHARED/bench/peers/gen_inputs.py" "$IN"
  python3 "$REPO/bench/gen_book.py" "$IN"
fi
cd "$IN"
out="$(mktemp -d -t vanban-prof-out.XXXXXX)"
echo "== perf stat: $VANBAN render $W-vanban.md (5 runs) =="
perf stat -r 5 -e task-clock,context-switches,page-faults,cycles,instructions \
  "$VANBAN" render "$W-vanban.md" -o "$out/$W.pdf" 2>&1 >/dev/null | sed '/^$/d' || true
echo
echo "== callgrind: one run =="
valgrind --tool=callgrind --callgrind-out-file="$out/callgrind.out" \
  "$VANBAN" render "$W-vanban.md" -o "$out/$W.pdf" 2>&1 | grep -E "Collected|refs" || true
echo "-- inclusive --"
callgrind_annotate --inclusive=yes "$out/callgrind.out" 2>/dev/null | sed -n '/^Ir/,$p' | head -40
echo "-- self --"
callgrind_annotate "$out/callgrind.out" 2>/dev/null | sed -n '/^Ir/,$p' | head -30
echo "callgrind data: $out/callgrind.out"
