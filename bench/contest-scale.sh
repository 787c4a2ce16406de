#!/bin/bash
# Scale benchmark for the contest data stage: a generated contest of 10,000
# units and 200,000 submissions (4 parts, 2 groups, judges on one part), then
# `vanban check` and `vanban results` in its three formats, each timed RUNS
# times with /usr/bin/time: the median wall time and the largest peak RSS.
# Targets (issue 4 §7): each under 1 s and 500 MB; memory linear in the size.
#   [RUNS=3] bench/contest-scale.sh [BUILD_DIR] [UNITS] [SUBMISSIONS]
set -eu
build=${1:-build}
units=${2:-10000}
subs=${3:-200000}
runs=${RUNS:-3}
vanban="$build/vanban"
[ -x "$vanban" ] || { echo "no $vanban: build first (make build, or BUILD_DIR)" >&2; exit 2; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
python3 - "$units" "$subs" >"$tmp/contest.xml" <<'PY'
import sys, random
units, subs = int(sys.argv[1]), int(sys.argv[2])
rnd = random.Random(4)
w = sys.stdout.write
w('<?xml version="1.0" encoding="UTF-8"?>\n<contest kind="hoi-thi" year="2024">\n')
w('<title>Hội thi thử quy mô lớn</title><province>Sóc Trăng</province><organizer>Sở Nội vụ</organizer>\n')
w('<period start="2024-01-01" end="2024-12-31"/>\n<parts>\n')
for pid, mx, extra in (("a", 40, ""), ("b", 30, ' judges="trimmed-mean"'), ("c", 30, ""), ("d", 30, "")):
    w(f'<part id="{pid}" max="{mx}"{extra}><name>Phần thi {pid.upper()}</name></part>\n')
w('</parts>\n<groups>\n<group id="g1"><name>Nhóm có dịch vụ công trực tuyến</name><counts part="a"/><counts part="b"/><counts part="c"/></group>\n')
w('<group id="g2"><name>Nhóm chưa có dịch vụ công trực tuyến</name><counts part="a"/><counts part="b"/><counts part="d"/></group>\n</groups>\n')
w('<rules><min-percent value="50"/><min-distinct part="b" count="5" of="procedure"/><tiebreak by="part" part="a"/>\n')
w('<buckets part="c" of="rate"><bucket min="90"/><bucket min="80" below="90"/><bucket min="70" below="80"/><bucket min="60" below="70"/><bucket min="50" below="60"/><bucket below="50"/></buckets></rules>\n')
w('<prizes id="tt" for="collective"><name>Giải tập thể</name><prize level="1" count="1" amount="10000000">Giải Nhất</prize><prize level="2" count="20" amount="7000000">Giải Nhì</prize><prize level="3" count="300" amount="5000000">Giải Ba</prize></prizes>\n')
w('<prizes id="ca" for="individual" part="a"><prize level="1" count="10" amount="1000000">Giải Nhất</prize></prizes>\n')
w('<committees><committee id="bgk" kind="jury"><name>Ban Giám khảo</name>')
for j in range(1, 5):
    w(f'<member id="j{j}" role="Thành viên">Giám khảo {j}</member>')
w('</committee></committees>\n<units>\n')
for u in range(units):
    w(f'<unit id="u{u}" kind="ubnd-xa" group="g{1 + (u % 4 == 0)}">Ủy ban nhân dân xã Thử nghiệm số {u}</unit>\n')
w('</units>\n<submissions>\n')
per = subs // units
k = 0
for u in range(units):
    g2 = u % 4 == 0
    for i in range(per):
        part = "a" if i < per * 2 // 5 else "b" if i < per * 4 // 5 else ("d" if g2 else "c")
        if part == "b":
            js = "".join(f'<score judge="j{j}" value="{rnd.randint(10, 30)}"/>' for j in range(1, 5))
            w(f'<submission id="s{k}" unit="u{u}" part="b"><procedure>Thủ tục hành chính số {i % 7}</procedure>{js}</submission>\n')
        elif part == "c":
            w(f'<submission id="s{k}" unit="u{u}" part="c" rate="{rnd.uniform(0, 100):.2f}" score="{rnd.uniform(5, 30):.2f}"/>\n')
        else:
            mx = 40 if part == "a" else 30
            w(f'<submission id="s{k}" unit="u{u}" part="{part}" score="{rnd.uniform(mx * 0.3, mx):.2f}"><title>Bài dự thi số {k}</title></submission>\n')
        k += 1
w('</submissions>\n</contest>\n')
PY
size=$(du -m "$tmp/contest.xml" | cut -f1)
echo "data: $units units, $subs submissions, ${size} MB; $runs runs each (median time, largest peak RSS)"
for cmd in "check" "results --format text" "results --format csv" "results --format xml"; do
    : >"$tmp/times"
    for _ in $(seq "$runs"); do
        # shellcheck disable=SC2086 # $cmd is a command and its options
        /usr/bin/time -f "%e %M" -o "$tmp/time" "$vanban" $cmd "$tmp/contest.xml" >/dev/null 2>"$tmp/err" \
            || { cat "$tmp/err"; exit 1; }
        cat "$tmp/time" >>"$tmp/times"
    done
    median=$(cut -d' ' -f1 "$tmp/times" | sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}')
    rss=$(cut -d' ' -f2 "$tmp/times" | sort -n | tail -1)
    printf '%-28s %5.2f s  %4d MiB\n' "vanban $cmd" "$median" "$((rss / 1024))"
done
# The same file broken at its top (a misspelled <title>, where libxml2 stops)
# and with a score out of range on its last submission: check then examines
# every element itself and judges the data too (exit 1, both reported).
sed -e '0,/<title>/s/<title>\(.*\)<\/title>/<titel>\1<\/titel>/' "$tmp/contest.xml" |
    tac | sed '0,/score="[0-9.]*"/s//score="99"/' | tac >"$tmp/broken.xml"
: >"$tmp/times"
for _ in $(seq "$runs"); do
    if /usr/bin/time -f "%e %M" -o "$tmp/time" "$vanban" check "$tmp/broken.xml" 2>"$tmp/err"; then
        echo "check of the broken file passed" >&2; exit 1
    fi
    [ "$(grep -c 'lỗi' "$tmp/err")" -eq 2 ] || { echo "check of the broken file:" >&2; cat "$tmp/err" >&2; exit 1; }
    tail -n 1 "$tmp/time" >>"$tmp/times" # after "Command exited with non-zero status 1"
done
median=$(cut -d' ' -f1 "$tmp/times" | sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}')
rss=$(cut -d' ' -f2 "$tmp/times" | sort -n | tail -1)
printf '%-28s %5.2f s  %4d MiB\n' "vanban check (2 errors)" "$median" "$((rss / 1024))"
