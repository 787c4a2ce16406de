#!/bin/bash
# Benchmark: `vanban normalize` on ~100 MB of Vietnamese text in each
# encoding, next to `iconv` alone on the same bytes (where iconv knows the
# encoding). Prints MB/s (MB = 10^6 bytes of input). Usage:
#   bench/normalize.sh [BUILD_DIR] [MEGABYTES]
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
mb=${2:-100}
vanban=$build/vanban
[ -x "$vanban" ] || { echo "build first: make build" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The workload: the reference documents, normalized once (so the UTF-8 file
# is clean NFC with the classic tone style), repeated to the size wanted.
cat "$root"/tests/data/vn/*.md | "$vanban" normalize >"$work/unit.txt"
unit=$(stat -c %s "$work/unit.txt")
reps=$(( mb * 1000000 / unit + 1 ))
for _ in $(seq "$reps"); do cat "$work/unit.txt"; done >"$work/utf-8"

iconv -c -t UTF-16 "$work/utf-8" >"$work/utf-16" || true
iconv -c -t CP1258 "$work/utf-8" >"$work/cp1258" || true
iconv -c -t VISCII "$work/utf-8" >"$work/viscii" || true
iconv -c -t TCVN5712-1 "$work/utf-8" >"$work/tcvn5712" || true
for enc in tcvn3 vni viqr; do
    python3 "$root/bench/legacy_encode.py" "$enc" <"$work/unit.txt" >"$work/unit.$enc"
    for _ in $(seq "$reps"); do cat "$work/unit.$enc"; done >"$work/$enc"
done

now() { date +%s.%N; }
rate() { # bytes, seconds
    awk -v b="$1" -v s="$2" 'BEGIN { if (s <= 0) s = 0.000001; printf "%8.1f", b / 1e6 / s }'
}
best_of_3() { # command... → fastest wall time in seconds
    local best=""
    for _ in 1 2 3; do
        local t0 t1
        t0=$(now)
        "$@" >/dev/null
        t1=$(now)
        best=$(awk -v a="$best" -v b="$(awk -v x="$t0" -v y="$t1" 'BEGIN{print y-x}')" \
            'BEGIN { print (a == "" || b < a) ? b : a }')
    done
    echo "$best"
}

printf '%-10s %10s %16s %16s %12s\n' encoding "size MB" "vanban --from" "vanban auto" "iconv"
for enc in utf-8 utf-16 cp1258 viscii tcvn5712 tcvn3 vni viqr; do
    f=$work/$enc
    size=$(stat -c %s "$f")
    named=$(best_of_3 "$vanban" normalize --from "$enc" "$f")
    auto=$(best_of_3 "$vanban" normalize "$f")
    case $enc in
        utf-8) ic=UTF-8 ;; utf-16) ic=UTF-16 ;; cp1258) ic=CP1258 ;; viscii) ic=VISCII ;;
        tcvn5712) ic=TCVN5712-1 ;; *) ic="" ;;
    esac
    if [ -n "$ic" ]; then
        it=$(best_of_3 iconv -f "$ic" -t UTF-8 "$f")
        irate=$(rate "$size" "$it")
    else
        irate="       —"
    fi
    printf '%-10s %10.1f %11s MB/s %11s MB/s %7s MB/s\n' "$enc" "$(awk -v b="$size" 'BEGIN{print b/1e6}')" \
        "$(rate "$size" "$named")" "$(rate "$size" "$auto")" "$irate"
done
