#!/usr/bin/env bash
# vanban as one more peer of shared/bench/peers/bench.py (its EXTRA_PEER hook):
#   EXTRA_PEER="vanban=$PWD/bench/vanban-peer.sh" WORKLOADS=report,scale bash .../run-peers.sh
# bench.py calls it in the inputs folder as
#   vanban-peer.sh WORKLOAD OUT.pdf   renders ./WORKLOAD-vanban.md (written by bench/gen_book.py)
#   vanban-peer.sh --version
# Env: VANBAN  the binary (default <repo>/build/vanban).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
VANBAN="${VANBAN:-$HERE/../build/vanban}"

if [ "${1:-}" = --version ]; then
  exec "$VANBAN" --version
fi
if [ "$#" -ne 2 ]; then
  echo "usage: vanban-peer.sh WORKLOAD OUT.pdf | --version" >&2
  exit 2
fi
case "$1" in
  report | scale | book) ;;
  certificates)
    echo "vanban-peer.sh: workload 'certificates' is not supported yet (needs the certificate frame and data merge)" >&2
    exit 3 ;;
  *)
    echo "vanban-peer.sh: unknown workload '$1'" >&2
    exit 2 ;;
esac
if [ ! -f "$1-vanban.md" ]; then
  echo "vanban-peer.sh: $PWD/$1-vanban.md not found (run bench/gen_book.py on this folder)" >&2
  exit 2
fi
exec "$VANBAN" render "$1-vanban.md" -o "$2"
