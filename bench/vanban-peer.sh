#!/usr/bin/env bash
# vanban as one more peer of shared/bench/peers/bench.py (its EXTRA_PEER hook):
#   EXTRA_PEER="vanban=$PWD/bench/vanban-peer.sh" WORKLOADS=report,scale bash .../run-peers.sh
# bench.py calls it in the inputs folder as
#   vanban-peer.sh WORKLOAD OUT.pdf   renders ./WORKLOAD-vanban.md (written by bench/gen_book.py,
#                                     or for certificates by bench/gen_cert_contest.py with its
#                                     data ./certificates-contest.xml)
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
    if [ ! -f certificates-vanban.md ] || [ ! -f certificates-contest.xml ]; then
      echo "vanban-peer.sh: $PWD/certificates-{vanban.md,contest.xml} not found (run bench/gen_cert_contest.py on this folder)" >&2
      exit 2
    fi
    exec "$VANBAN" render certificates-vanban.md -d certificates-contest.xml -o "$2" ;;
  *)
    echo "vanban-peer.sh: unknown workload '$1'" >&2
    exit 2 ;;
esac
if [ ! -f "$1-vanban.md" ]; then
  echo "vanban-peer.sh: $PWD/$1-vanban.md not found (run bench/gen_book.py on this folder)" >&2
  exit 2
fi
exec "$VANBAN" render "$1-vanban.md" -o "$2"
