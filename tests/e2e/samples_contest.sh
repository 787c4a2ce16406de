#!/bin/bash
# Every contest sample passes `check`; the video contest and the emulation
# movement give the results their data implies (worked out by hand from the
# samples: v01's judges 92/90/94 → 92; v02 has the most votes, 2310).
set -u
: "${VANBAN:?}" "${VANBAN_SRC:?}"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail=0
for f in "$VANBAN_SRC"/samples/*/contest.xml; do
    "$VANBAN" check "$f" 2>"$tmp/err" || { echo "FAIL: check $f"; cat "$tmp/err"; fail=1; }
done
eq() {
    local got; got=$(xmllint --xpath "$2" "$tmp/r.xml" 2>/dev/null)
    [ "$got" = "$3" ] || { echo "FAIL: $1: expected '$3', got '$got'   [$2]"; fail=1; }
}
"$VANBAN" results "$VANBAN_SRC/samples/chauthanh-2024-video/contest.xml" --format xml >"$tmp/r.xml" || fail=1
eq "video prizes" "count(//results/award[@prizes='giai'])" 7
eq "first prize" "string(//results/award[@prizes='giai'][@level='1']/submission/@ref)" v01
eq "first prize score" "string(//results/award[@prizes='giai'][@level='1']/@score)" 92.00
eq "first prize money" "string(//results/award[@prizes='giai'][@level='1']/@amount)" 1000000
eq "certificate" "string(//results/award[@prizes='giai'][@level='1']/@certificate)" "Giấy khen của Chủ tịch UBND huyện"
eq "third prizes" "count(//results/award[@prizes='giai'][@level='3'])" 2
eq "most voted" "string(//results/award[@prizes='binh-chon']/submission/@ref)" v02
eq "most voted votes" "string(//results/award[@prizes='binh-chon']/@votes)" 2310
eq "money offered" "string(//results/stats/prizes[@ref='giai']/@amount)" 3700000
# The text report writes numbers the Vietnamese way (vn_format_number).
"$VANBAN" results "$VANBAN_SRC/samples/chauthanh-2024-video/contest.xml" >"$tmp/r.txt" || fail=1
grep -q -- "— 2\.310 lượt bình chọn" "$tmp/r.txt" || { echo "FAIL: votes not written 2.310"; fail=1; }
"$VANBAN" results "$VANBAN_SRC/samples/kiengiang-2022-thi-dua/contest.xml" --format xml >"$tmp/r.xml" || fail=1
eq "registered unit takes part" "string(//results/stats/participation/@participated)" 1
eq "pending awards" "count(//results/unawarded[@reason='pending'])" 4
eq "registered collective" "string(//results/stats/prizes[@ref='gd-tap-the']/@registered)" 1
eq "registered individuals" "string(//results/stats/prizes[@ref='gd-ca-nhan']/@registered)" 2
exit $fail
