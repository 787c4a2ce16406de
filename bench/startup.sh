#!/usr/bin/env bash
# What vanban's process start costs, library by library.
#
#   bash bench/startup.sh            # RUNS=200 starts of each program
#
# A program whose main() returns at once is linked against nothing, against
# each library vanban names in its DT_NEEDED alone (with what that library
# pulls in: libxml2 brings ICU and libstdc++, HarfBuzz brings GLib), and
# against all of them, as vanban is. Each is started RUNS times, interleaved
# round-robin so that load on the machine falls on all alike; the median wall
# time of a start (fork, exec, dynamic loading, exit) is printed, with the
# difference from the bare program. `vanban --version` is measured the same
# way: it loads the same libraries and does nothing else.
#
# Why: the 2023 report takes vanban about 38 ms on these machines, and the
# issue's aim is 10× Typst's; this shows how much of the 38 ms is spent before
# main() and which mandated library spends it (docs/performance.md).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
RUNS="${RUNS:-200}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
printf 'int main(void) { return 0; }\n' > "$WORK/empty.c"

mapfile -t NEEDED < <(readelf -d "$VANBAN" | sed -n 's/.*NEEDED.*\[\(.*\)\]/\1/p' |
                      grep -v -E '^lib(c|m)\.so')
progs=("$WORK/none")
gcc -O2 "$WORK/empty.c" -o "$WORK/none"
ldconfig -p > "$WORK/ldcache"   # read once: awk leaving early would SIGPIPE ldconfig
all=()
for lib in "${NEEDED[@]}"; do
  path="$(awk -v l="$lib" '$1 == l && !p {print $NF; p = 1}' "$WORK/ldcache")"
  gcc -O2 "$WORK/empty.c" -o "$WORK/$lib" -Wl,--no-as-needed "$path"
  progs+=("$WORK/$lib")
  all+=("$path")
done
gcc -O2 "$WORK/empty.c" -o "$WORK/all" -Wl,--no-as-needed "${all[@]}"
progs+=("$WORK/all" "$VANBAN")

python3 - "$RUNS" "${progs[@]}" <<'EOF'
import os, sys, time, statistics
runs = int(sys.argv[1]); progs = sys.argv[2:]
times = {p: [] for p in progs}
for _ in range(runs):
    for p in progs:
        argv = [p, "--version"] if p.endswith("vanban") else [p]
        t0 = time.perf_counter()
        pid = os.posix_spawn(p, argv, os.environ,
                             file_actions=[(os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0)])
        os.waitpid(pid, 0)
        times[p].append(time.perf_counter() - t0)
base = statistics.median(times[progs[0]])
print(f"{'program':<42} {'median ms':>10} {'+ms over bare':>14}")
for p in progs:
    m = statistics.median(times[p])
    name = os.path.basename(p)
    label = {"none": "bare (no library)", "all": "all of vanban's libraries",
             "vanban": "vanban --version"}.get(name, name)
    print(f"{label:<42} {m * 1000:>10.2f} {(m - base) * 1000:>14.2f}")
EOF
