#!/bin/bash
# The 2023 Sóc Trăng sample against every figure of
# reference/ket-qua-2023-facts.md. Expected values are typed from the facts
# file (its section numbers are cited), never taken from vanban's output.
set -u
: "${VANBAN:?}" "${VANBAN_SRC:?}"
data="$VANBAN_SRC/samples/soctrang-2023/contest.xml"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail=0

"$VANBAN" check "$data" 2>"$tmp/check.err" || { echo "FAIL: check"; cat "$tmp/check.err"; exit 1; }
"$VANBAN" results "$data" --format xml >"$tmp/r.xml" 2>"$tmp/err" || { echo "FAIL: results"; cat "$tmp/err"; exit 1; }
[ -s "$tmp/err" ] && { echo "FAIL: results warned:"; cat "$tmp/err"; fail=1; }

x() { xmllint --xpath "$1" "$tmp/r.xml" 2>/dev/null; }
eq() { # description, xpath, expected
    local got; got=$(x "$2")
    if [ "$got" != "$3" ]; then echo "FAIL: $1: expected '$3', got '$got'   [$2]"; fail=1; fi
}
# Unit names of a node-set of <unit> refs, sorted, one line each.
names() { x "$1" | grep -o 'ref="[^"]*"' | sed 's/ref="//; s/"//' | sort; }
set_eq() { # description, xpath of <unit> elements, expected ids (space separated)
    local got want
    got=$(names "$2" | tr '\n' ' ')
    want=$(printf '%s\n' $3 | sort | tr '\n' ' ')
    [ "$got" = "$want" ] || { echo "FAIL: $1: expected [$want], got [$got]"; fail=1; }
}
S=/contest/results/stats

# §2 Participation: 40 expected, 37/40 took part, 03/40 did not.
eq "expected"      "string($S/participation/@expected)" 40
eq "participated"  "string($S/participation/@participated)" 37
eq "absent"        "string($S/participation/@absent)" 3
set_eq "absent units" "$S/participation/absent/unit" "ttra kbnn hquan"
# The absent units by name, as printed.
for n in "Thanh tra tỉnh" "Kho bạc Nhà nước tỉnh" "Chi cục Hải quan"; do
    eq "absent: $n" "count($S/participation/absent/unit[@name='$n'])" 1
done

# §3 Groups: 30 + 10.
eq "online expected"  "string($S/group[@ref='online']/@expected)" 30
eq "offline expected" "string($S/group[@ref='offline']/@expected)" 10
# §3.1: 26/30 all parts, 04/30 not all; 09 also entered the slogan part.
eq "online full"     "string($S/group[@ref='online']/@full)" 26
eq "online partial"  "string($S/group[@ref='online']/@partial)" 4
set_eq "online partial units" "$S/group[@ref='online']/partial/unit" "bdt syt stttt txvc"
eq "online extra slogan" "string($S/group[@ref='online']/extra[@part='slogan']/@count)" 9
set_eq "online extra slogan units" "$S/group[@ref='online']/extra[@part='slogan']/unit" \
    "bdt sgddt snnptnt syt tpst hlp hmx htt htd"
# §3.2: 07/10 took part, 03/10 not; 05/07 all parts, 02/07 not.
eq "offline participated" "string($S/group[@ref='offline']/@participated)" 7
eq "offline absent"       "string($S/group[@ref='offline']/@absent)" 3
eq "offline full"         "string($S/group[@ref='offline']/@full)" 5
eq "offline partial"      "string($S/group[@ref='offline']/@partial)" 2
set_eq "offline partial units" "$S/group[@ref='offline']/partial/unit" "bqlda1 bqlda2"

# §4 Results per part.
P="$S/part[@ref='initiative']"
eq "initiative units"   "string($P/@units)" 33
eq "initiative of"      "string($P/@of)" 37
eq "initiative entries" "string($P/@submissions)" 132
eq "initiative invalid" "string($P/@invalid)" 4
eq "initiative invalid units" "string($P/invalid/@count)" 4
set_eq "§4.1 invalid initiative units" "$P/invalid/unit" "bqlda2 hct cthue svhttdl"
eq "initiative absent" "string($P/absent/@count)" 4
set_eq "§4.2 initiative absent" "$P/absent/unit" "bdt stttt txvc bqlda1"
P="$S/part[@ref='experience']"
eq "experience units"   "string($P/@units)" 31
eq "experience of"      "string($P/@of)" 37
eq "experience entries" "string($P/@submissions)" 238
eq "experience short"   "string($P/short/@count)" 6
set_eq "§4.3 fewer than 5 TTHC" "$P/short/unit" "sct stc vpubnd nhnn bhxh htd"
eq "experience combined" "string($P/combined/@count)" 4
set_eq "§4.4 one piece for 5 TTHC" "$P/combined/unit" "skhdt skhcn sxd txnn"
eq "experience absent" "string($P/absent/@count)" 6
set_eq "§4.5 experience absent" "$P/absent/unit" "bdt stttt syt txvc bqlda1 bqlda2"
P="$S/part[@ref='campaign']"
eq "campaign units" "string($P/@units)" 30
eq "campaign of"    "string($P/@of)" 37
P="$S/part[@ref='slogan']"
eq "slogan units"   "string($P/@units)" 16
eq "slogan entries" "string($P/@submissions)" 67
eq "slogan in group (07/16)" "string($P/@counted-units)" 7
eq "slogan extra (09/16)"    "string($P/@extra-units)" 9
set_eq "§4.6 slogan extra units" "$P/extra/unit" "tpst hlp hmx htt htd snnptnt syt sgddt bdt"

# §5 Online-rate buckets: 06 / 03 / 01 / 12 / 0 / 08 of 30.
B="$S/buckets[@part='campaign']"
eq "bucket units" "string($B/@units)" 30
eq "≥90"     "string($B/bucket[@min='90.00' and not(@below)]/@count)" 6
eq "80–<90"  "string($B/bucket[@min='80.00' and @below='90.00']/@count)" 3
eq "70–<80"  "string($B/bucket[@min='70.00' and @below='80.00']/@count)" 1
eq "60–<70"  "string($B/bucket[@min='60.00' and @below='70.00']/@count)" 12
eq "50–<60"  "string($B/bucket[@min='50.00' and @below='60.00']/@count)" 0
eq "<50"     "string($B/bucket[not(@min) and @below='50.00']/@count)" 8
# §9 (VI.2): 8 of the 30 units scored below 50% in the campaign.
eq "campaign units below 50%" "string($S/part[@ref='campaign']/@units-below)" 8

# §6 Collective prizes: 12/37 eligible, 25/37 not; 10 awarded in this order.
eq "eligible"     "string($S/eligibility/@eligible)" 12
eq "not eligible" "string($S/eligibility/@not-eligible)" 25
eq "of"           "string($S/eligibility/@of)" 37
eq "collective awards" "count(/contest/results/award[@kind='collective'])" 10
i=0
while IFS='|' read -r prize unit score; do
    i=$((i + 1))
    A="/contest/results/award[@kind='collective'][$i]"
    eq "prize $i" "string($A/@prize)" "$prize"
    eq "prize $i unit" "string($A/unit[@name='$unit' or @short='$unit']/@ref != '')" "true"
    eq "prize $i score" "string($A/@score)" "$score"
done <<'TABLE'
Giải Nhất|Sở Giáo dục và Đào tạo|83.64
Giải Nhì|Sở Kế hoạch và Đầu tư|81.28
Giải Nhì|Ủy ban nhân dân thành phố Sóc Trăng|80.85
Giải Ba|Cục Thuế tỉnh|77.50
Giải Ba|Ủy ban nhân dân huyện Mỹ Xuyên|77.28
Giải Ba|Công an tỉnh|74.90
Giải Khuyến khích|Sở Xây dựng|74.66
Giải Khuyến khích|UBND huyện Long Phú|74.14
Giải Khuyến khích|Sở Nội vụ|72.17
Giải Khuyến khích|Sở Khoa học và Công nghệ|67.59
TABLE
eq "no collective prize left" "count(/contest/results/unawarded)" 0

# §7 Initiative prizes (4), in order, with person, honorific, title and unit.
eq "initiative awards" "count(/contest/results/award[@prizes='initiative'])" 4
i=0
while IFS='|' read -r prize person hon title; do
    i=$((i + 1))
    A="/contest/results/award[@prizes='initiative'][$i]"
    eq "initiative $i prize"  "string($A/@prize)" "$prize"
    eq "initiative $i person" "string($A/person/@name)" "$person"
    eq "initiative $i honorific" "string($A/person/@honorific)" "$hon"
    eq "initiative $i title"  "string($A/submission/@title)" "$title"
done <<'TABLE'
Giải Nhất|Đặng Thanh Nam|ông|Phần mềm hỗ trợ giám định Bảo hiểm y tế
Giải Nhì|Nguyễn Minh Hoàng|ông|Khai thác ứng dụng Padlet trong quản lý công tác thi đua khen thưởng ở Trường THPT Nguyễn Khuyến
Giải Ba|Nguyễn Thanh Điền|ông|Ba thủ tục, một thao tác tại nơi cư trú
Giải Khuyến khích|Phan Thị Tú Quyên|bà|Phát động đợt thi đua nâng cao chất lượng giải quyết thủ tục hành chính qua dịch vụ công trực tuyến mức độ 3, 4 trên địa bàn huyện Long Phú
TABLE

# §8 Write-up prizes (10), in the printed order.
eq "write-up awards" "count(/contest/results/award[@prizes='experience'])" 10
i=0
while IFS='|' read -r person workplace; do
    i=$((i + 1))
    A="/contest/results/award[@prizes='experience'][$i]"
    eq "write-up $i person"    "string($A/person/@name)" "$person"
    eq "write-up $i workplace" "string($A/person/@workplace)" "$workplace"
done <<'TABLE'
Tô Thị Mỹ Thơ|UBND xã Tuân Tức, huyện Thạnh Trị
Trang Thị Cẩm Tú|Sở Công Thương
Danh Thị Bích Thủy|Văn phòng UBND tỉnh
Trần Thị Mỹ Hạnh|Sở Tư pháp
Tiêu Thảo Nguyên|Cục Thuế tỉnh
Bùi Tấn Thông|Sở Xây dựng
Trần Thị Thu Ngân|Ủy ban nhân dân huyện Mỹ Tú
Lý Kim Huyền|Ủy ban nhân dân xã Phú Tâm, huyện Châu Thành
Lê Đỗ Lan Hương|Sở Kế hoạch và Đầu tư
Phạm Thị Thanh Tuyền|Ban Quản lý các Khu công nghiệp tỉnh
TABLE
eq "write-up 1 procedure" "string(/contest/results/award[@prizes='experience'][2]/submission/procedure)" \
    "Cấp bản sao văn bằng, chứng chỉ từ sổ gốc"

# §9 (VI.1–VI.2): 132 initiatives of 33 units; 36% of initiatives below 50%;
# 78/238 write-ups below 50%; no slogan prize.
eq "initiatives below 50% (rounded %)" "round($S/part[@ref='initiative']/@below-percent)" 36
eq "write-ups below 50%" "string($S/part[@ref='experience']/@below)" 78
eq "write-ups scored"    "string($S/part[@ref='experience']/@scored)" 238
eq "slogan prizes" "count(/contest/results/award[@part='slogan'])" 0

# §10 Prize money: collective 51,000,000; individual 17,000,000 (12 + 5).
eq "collective money" "string($S/prizes[@ref='collective']/@amount-awarded)" 51000000
eq "individual money" "sum($S/prizes[@kind='individual']/@amount-awarded) = 17000000" true
eq "one first prize amount" "string(/contest/results/award[@kind='collective'][1]/@amount)" 10000000
eq "write-up prize amount" "string(/contest/results/award[@prizes='experience'][1]/@amount)" 500000

# §1 Legal bases and timeline, for templates to cite.
eq "basis 1" "string(/contest/bases/basis[1]/@number)" "27/KH-UBND"
eq "basis 1 date" "string(/contest/bases/basis[1]/@date)" "2023-02-09"
eq "basis 2" "string(/contest/bases/basis[2]/@number)" "1155/UBND-TH"
eq "period" "concat(/contest/period/@start, ' ', /contest/period/@end)" "2023-08-01 2023-10-31"
eq "ceremony" "string(/contest/milestones/milestone[@id='tong-ket']/@date)" "2023-12-25"
eq "jury decision" "string(/contest/documents/decision[@id='qd-01']/@number)" "01/QĐ-BTCHT"
eq "rules decision date" "string(/contest/documents/rules/@date)" "2023-07-26"

# Every eligible unit reaches 50% in each counted part; the others say why.
eq "eligible with a part under 50%" \
   "count(/contest/results/unit[@eligible='true']/part[@counted='true'][number(@percent) < 50])" 0
eq "ineligible participants without a reason" \
   "count(/contest/results/unit[@participated='true'][@eligible='false'][not(reason)])" 0

exit $fail
