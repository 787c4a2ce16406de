#!/bin/sh
# Builds the libFuzzer targets with clang and runs fuzz_normalize for
# SECONDS (default 60) on a corpus seeded with Vietnamese text in every
# encoding. Usage: tests/fuzz/run.sh [SECONDS]
set -eu
secs=${1:-60}
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${FUZZ_BUILD:-$root/build-fuzz}
command -v clang >/dev/null || { echo "fuzz: clang is needed (apt-get install clang)" >&2; exit 1; }
CC=clang cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Debug -DVANBAN_FUZZ=ON >/dev/null
cmake --build "$build" --target fuzz_normalize -j "$(nproc 2>/dev/null || echo 2)" >/dev/null
corpus=$build/corpus
mkdir -p "$corpus"
# Seeds: a reference document and its lines in each encoding (prefix byte = encoding).
i=0
for f in "$root"/tests/data/vn/*.md; do
    head -c 4000 "$f" >"$corpus/seed-utf8-$i"
    for enc in CP1258 VISCII TCVN5712-1 UTF-16; do
        { printf '\000'; head -c 2000 "$f" | iconv -c -t "$enc"; } >"$corpus/seed-$enc-$i" || true
    done
    i=$((i + 1))
done
"$build/tests/fuzz_normalize" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 "$corpus"
