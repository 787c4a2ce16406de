# Sourced by the benchmark scripts: where the repository, the shared folder
# and its peers are, how many runs, and a Release vanban in build-bench/
# (built here, installing missing packages) unless $VANBAN names one.
# Env: VANBAN_SHARED (default <repo>/../shared), PEERS_DIR (a copy of
# shared/bench/peers where install-peers.sh put node_modules, when the shared
# folder is read-only; default the shared one), RUNS (default 5), VANBAN.
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SHARED="$(cd "${VANBAN_SHARED:-$REPO/../shared}" && pwd)"
PEERS_DIR="$(cd "${PEERS_DIR:-$SHARED/bench/peers}" && pwd)"
RUNS="${RUNS:-5}"
if [ -z "${VANBAN:-}" ]; then
  make -C "$REPO" --no-print-directory build BUILD=build-bench CMAKE_FLAGS=-DCMAKE_BUILD_TYPE=Release >&2
  VANBAN="$REPO/build-bench/vanban"
fi
export VANBAN
