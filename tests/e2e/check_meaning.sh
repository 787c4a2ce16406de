#!/bin/bash
# What `vanban check` says about a file the schema accepts but whose results
# would be wrong, or would change without a word. Each case was found by a
# reviewer on a file that got "không có lỗi"; it now gets the exact message,
# at the FILE:LINE:COL of the element concerned, as an error (exit 1: the
# file is wrong, nothing is computed) or a warning (exit 0: the results are
# computed, the clerk is told). `results` and `render -d` run the same checks
# and must give the same messages.
set -u
: "${VANBAN:?}" "${VANBAN_SRC:?}"
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
cd "$t" || exit 1
fail=0
E="lỗi:"
W="cảnh báo:"
S=$VANBAN_SRC/samples/soctrang-2023/contest.xml

# says FILE EXIT MESSAGE...: `check FILE` prints exactly these messages, in
# this order, then its summary when it exits 0 ("không có lỗi", with the
# number of warnings), on the streaming load and on the whole tree alike;
# `results FILE` prints the same messages and exits the same (on exit 1
# with nothing on stdout).
says() {
    local f=$1 rc=$2 want got r nw
    shift 2
    want=$(printf '%s\n' "$@")
    nw=$(grep -c ": $W " <<<"$want")
    local sum="vanban: $f: không có lỗi"
    [ "$nw" -gt 0 ] && sum="$sum, có $nw cảnh báo"
    got=$("$VANBAN" check "$f" 2>&1 >/dev/null); r=$?
    local want_check=$want
    [ "$rc" -eq 0 ] && want_check=$(printf '%s\n' "$@" "$sum" | sed '/^$/d')
    if [ $r -ne "$rc" ] || [ "$got" != "$want_check" ]; then
        echo "FAIL: check $f (exit $r, expected $rc):"
        echo "  expected:"; sed 's/^/    /' <<<"$want_check"
        echo "  got:"; sed 's/^/    /' <<<"$got"
        fail=1
    fi
    # The same on the whole-tree load (the fallback of an unusual file).
    got=$(VANBAN_CONTEST_TREE=1 "$VANBAN" check "$f" 2>&1 >/dev/null); r=$?
    if [ $r -ne "$rc" ] || [ "$got" != "$want_check" ]; then
        echo "FAIL: check $f on the whole tree (exit $r):"; sed 's/^/    /' <<<"$got"
        fail=1
    fi
    got=$("$VANBAN" results "$f" 2>&1 >"$t/stdout"); r=$?
    if [ $r -ne "$rc" ] || [ "$got" != "$want" ] || { [ "$rc" -ne 0 ] && [ -s "$t/stdout" ]; }; then
        echo "FAIL: results $f (exit $r, expected $rc):"
        echo "  expected:"; sed 's/^/    /' <<<"$want"
        echo "  got:"; sed 's/^/    /' <<<"$got"
        fail=1
    fi
}

# ---- 1. a valid submission without a score --------------------------------------
# The documented meaning is kept (its part and the unit's total are not
# computed, the unit is not eligible, the prizes go to others), but it is a
# warning naming the submission and its unit. It was silent: Sở Giáo dục và
# Đào tạo lost its prize and check, results and render all said nothing.
sed 's|<submission id="sgddt-cd" unit="sgddt" part="campaign" rate="96.50" score="28.95"/>|<submission id="sgddt-cd" unit="sgddt" part="campaign" rate="96.50"/>|' \
    "$S" >miss.xml
grep -q 'id="sgddt-cd" unit="sgddt" part="campaign" rate="96.50"/>' miss.xml || { echo "FAIL: miss.xml not made"; fail=1; }
FIX='hãy nhập điểm (score, hoặc <score> của từng giám khảo), hoặc ghi valid="false" nếu bài không hợp lệ'
says miss.xml 0 \
    "vanban: miss.xml:224:5: $W bài dự thi 'sgddt-cd' của đơn vị 'sgddt' (Sở Giáo dục và Đào tạo) chưa có điểm: đơn vị chưa có điểm phần thi “Chiến dịch 90 ngày cung cấp dịch vụ công trực tuyến toàn trình” và tổng điểm, không được xếp hạng và xét giải; $FIX"
# The results are still computed, as documented: not eligible, and why.
"$VANBAN" results --format xml miss.xml 2>/dev/null >miss.out.xml
[ "$(xmllint --xpath "string(//results/unit[@ref='sgddt']/@eligible)" miss.out.xml 2>/dev/null)" = false ] &&
    [ "$(xmllint --xpath "string(//results/unit[@ref='sgddt']/reason)" miss.out.xml 2>/dev/null)" = \
      "chưa có đủ điểm phần thi “Chiến dịch 90 ngày cung cấp dịch vụ công trực tuyến toàn trình”" ] ||
    { echo "FAIL: miss.xml: sgddt should be computed as not eligible, with its reason"; fail=1; }
# render -d runs the same checks: the warning, and the report is still made.
got=$("$VANBAN" render "$VANBAN_SRC/templates/bao-cao-ket-qua.md" -d miss.xml -o miss.pdf 2>&1); r=$?
[ $r -eq 0 ] && [ -s miss.pdf ] && grep -q "^vanban: miss.xml:224:5: $W bài dự thi 'sgddt-cd' của đơn vị 'sgddt'" <<<"$got" ||
    { echo "FAIL: render -d miss.xml (exit $r):"; sed 's/^/    /' <<<"$got"; fail=1; }
# A part not counted for the unit's group (an "extra" entry): the unit's
# total is not at stake, only the part's statistics and prizes.
sed 's|<submission id="sgddt-kh1" unit="sgddt" part="slogan" score="18.75">|<submission id="sgddt-kh1" unit="sgddt" part="slogan">|' \
    "$S" >extra.xml
line=$(grep -n 'id="sgddt-kh1"' extra.xml | cut -d: -f1)
says extra.xml 0 \
    "vanban: extra.xml:$line:5: $W bài dự thi 'sgddt-kh1' của đơn vị 'sgddt' (Sở Giáo dục và Đào tạo) chưa có điểm: bài không được tính trong thống kê và giải của phần thi “Xây dựng Khẩu hiệu tuyên truyền cải cách hành chính ấn tượng”; $FIX"
# Every score missing (a file saved before judging): five lines, then one
# that counts the rest, whatever the size of the contest.
sed 's| score="[0-9.]*"||' "$S" >none.xml
got=$("$VANBAN" check none.xml 2>&1); r=$?
first=$(grep -n 'id="snv-tn1"' none.xml | cut -d: -f1)
[ $r -eq 0 ] && [ "$(grep -c ": $W bài dự thi '[^']*' của đơn vị '[^']*' (.*) chưa có điểm" <<<"$got")" -eq 5 ] &&
    grep -qx "vanban: none.xml:$first:5: $W còn 458 bài dự thi hợp lệ khác chưa có điểm, từ bài 'snv-tn1' của đơn vị 'snv' trở đi (tổng cộng 463 bài của 37 đơn vị): kết quả của các đơn vị này chưa đầy đủ; hãy nhập điểm trước khi lập báo cáo kết quả" <<<"$got" &&
    [ "$(tail -1 <<<"$got")" = "vanban: none.xml: không có lỗi, có 6 cảnh báo" ] && [ "$(wc -l <<<"$got")" -eq 7 ] ||
    { echo "FAIL: none.xml (exit $r):"; sed 's/^/    /' <<<"$got"; fail=1; }
# An invalid submission needs no score; a scored one is not named.
says "$S" 0

# ---- 2. judges' scores added beyond the part's maximum ----------------------------
# judges="sum": four judges gave 30 each on a part worth 100, and results
# printed 120,00/100 (each value was within 0–100, all that was checked).
# An error at the submission: such a score cannot be.
cat >js.xml <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<contest id="t" kind="cuoc-thi" year="2024">
  <title>Cuộc thi thử</title>
  <province>Sóc Trăng</province>
  <organizer>Sở Nội vụ</organizer>
  <parts>
    <part id="v" max="100" judges="sum"><name>Video</name></part>
    <part id="w" max="30" judges="sum"><name>Bài viết</name></part>
  </parts>
  <rules><total max="100" precision="2"/></rules>
  <prizes id="cn" for="collective" by="total"><prize level="1" count="1">Giải Nhất</prize></prizes>
  <committees><committee id="bgk" kind="jury"><name>Ban Giám khảo</name>
    <member id="g1" role="Trưởng ban">A</member><member id="g2" role="Thành viên">B</member><member id="g3" role="Thành viên">C</member><member id="g4" role="Thành viên">D</member>
  </committee></committees>
  <units>
    <unit id="u1" kind="ubnd-xa">Xã Một</unit>
    <unit id="u2" kind="ubnd-xa">Xã Hai</unit>
  </units>
  <submissions>
    <submission id="s1" unit="u1" part="v"><score judge="g1" value="30"/><score judge="g2" value="30"/><score judge="g3" value="30"/><score judge="g4" value="30"/></submission>
    <submission id="s2" unit="u2" part="v"><score judge="g1" value="20"/><score judge="g2" value="20"/><score judge="g3" value="20"/><score judge="g4" value="20"/></submission>
    <submission id="s3" unit="u1" part="w"><score judge="g1" value="6.4"/><score judge="g2" value="9.8"/><score judge="g3" value="13.8"/></submission>
    <submission id="s4" unit="u2" part="w"><score judge="g1" value="10"/><score judge="g2" value="10"/><score judge="g3" value="10.01"/></submission>
  </submissions>
</contest>
XML
# s2 (80) is within; s3 is 30 exactly although 6.4 + 9.8 + 13.8 is
# 30.000000000000004 in binary (compared at the rules' precision); s4 is 30,01.
says js.xml 1 \
    "vanban: js.xml:20:5: $E tổng điểm 120 của 4 giám khảo vượt điểm tối đa 100 của phần thi “Video” (judges=\"sum\" cộng điểm các giám khảo); hãy sửa điểm của giám khảo, hoặc điểm tối đa (max) của phần thi" \
    "vanban: js.xml:23:5: $E tổng điểm 30,01 của 3 giám khảo vượt điểm tối đa 30 của phần thi “Bài viết” (judges=\"sum\" cộng điểm các giám khảo); hãy sửa điểm của giám khảo, hoặc điểm tối đa (max) của phần thi"
# A judge's value out of range is said once, at the value, not again as a sum.
sed 's|<score judge="g4" value="30"/></submission>|<score judge="g4" value="130"/></submission>|' js.xml | sed '/id="s4"/d' >js1.xml
says js1.xml 1 \
    "vanban: js1.xml:20:152: $E điểm 130 của giám khảo 'g4' nằm ngoài khoảng 0–100 của phần thi “Video”"

# ---- 3. an individual prize to a submission without an author ----------------------
# Its certificate names the unit, like a collective one: Sở Y tế got two
# "Sở Y tế, Giải Nhất" certificates, one of them meant for a person. A
# warning at the winning submission (`author` is optional for a reason: a
# contest of works entered by units, as the Châu Thành video contest, gives
# its individual prizes that way, and names nobody). Only the results say
# which submission won, so check now computes them for a file without
# errors, as results and render -d do.
cat >noauthor.xml <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<contest kind="hoi-thi" year="2023">
  <title>Hội thi thử</title>
  <province>Sóc Trăng</province>
  <organizer short="SNV">Sở Nội vụ</organizer>
  <parts><part id="sk" max="40"><name>Sáng kiến</name></part></parts>
  <prizes id="tt" for="collective" by="total"><prize level="1" count="1">Giải Nhất</prize></prizes>
  <prizes id="cn" for="individual" part="sk" by="score"><prize level="1" count="1">Giải Nhất</prize></prizes>
  <units>
    <unit id="u1" kind="so-ban-nganh">Sở Y tế</unit>
    <unit id="u2" kind="so-ban-nganh">Sở Tư pháp</unit>
  </units>
  <submissions>
    <submission id="s1" unit="u1" part="sk" score="38"><title>Phần mềm giám định</title></submission>
    <submission id="s2" unit="u2" part="sk" score="30"><title>Sổ tay pháp lý</title></submission>
  </submissions>
</contest>
XML
NOAUTH="nhưng không có tác giả (author): giấy khen sẽ ghi tên đơn vị như một giải tập thể; hãy ghi author=\"…\" (mã một cá nhân trong <people>) cho bài"
says noauthor.xml 0 "vanban: noauthor.xml:14:5: $W bài 's1' của đơn vị 'u1' (Sở Y tế) đạt Giải Nhất của cơ cấu giải 'cn' $NOAUTH"
got=$("$VANBAN" render "$VANBAN_SRC/templates/giay-khen.md" -d noauthor.xml -o gk.pdf 2>&1); r=$?
[ $r -eq 0 ] && [ "$got" = "vanban: noauthor.xml:14:5: $W bài 's1' của đơn vị 'u1' (Sở Y tế) đạt Giải Nhất của cơ cấu giải 'cn' $NOAUTH" ] ||
    { echo "FAIL: render giay-khen -d noauthor.xml (exit $r):"; sed 's/^/    /' <<<"$got"; fail=1; }
# With its author, nothing to say.
sed 's|</units>|</units>\n  <people><person id="p1" unit="u1">Đặng Thanh Nam</person></people>|; s|id="s1" unit="u1" part="sk"|& author="p1"|' \
    noauthor.xml >authored.xml
says authored.xml 0
# Works of units, as in the video contest: no collective prize, no author in
# the part. Nothing to say either.
sed '/<prizes id="tt"/d' noauthor.xml >works.xml
says works.xml 0
says "$VANBAN_SRC/samples/chauthanh-2024-video/contest.xml" 0
# No collective prize, but the part's other submissions name their author:
# the winner's is most likely forgotten.
sed '/<prizes id="tt"/d; s|</units>|</units>\n  <people><person id="p2" unit="u2">Trần Thị Bình</person></people>|; s|id="s2" unit="u2" part="sk"|& author="p2"|' \
    noauthor.xml >mixed.xml
says mixed.xml 0 "vanban: mixed.xml:14:5: $W bài 's1' của đơn vị 'u1' (Sở Y tế) đạt Giải Nhất của cơ cấu giải 'cn' $NOAUTH"
# check computes the results of a file without errors, so it also says what
# results says about a tie no tie-break settles (it used to say nothing).
got=$("$VANBAN" check "$VANBAN_SRC/tests/data/contest/results-ties.xml" 2>&1); r=$?
[ $r -eq 0 ] && grep -q ":18:3: $W hòa điểm chưa phân định ở hạng 1 của “Giải tập thể”" <<<"$got" ||
    { echo "FAIL: check results-ties.xml (exit $r) does not report the tie:"; sed 's/^/    /' <<<"$got"; fail=1; }

# ---- 4. rate buckets that overlap or leave gaps -------------------------------------
# [90, ∞), [80, 95), [60, 70) with rates 75, 85, 92: the 92 was counted in
# two rows and the 75 in none, and the table no longer added up to the
# units. An overlap is an error; a gap is an error when a unit's rate falls
# in it (named, with its rate), else a warning.
cat >bucket.xml <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<contest kind="hoi-thi" year="2023">
  <title>Hội thi thử</title>
  <province>Sóc Trăng</province>
  <organizer>Sở Nội vụ</organizer>
  <parts><part id="cd" max="30"><name>Chiến dịch 90 ngày</name></part></parts>
  <rules>
    <buckets part="cd" of="rate">
      <bucket min="90">từ 90% trở lên</bucket>
      <bucket min="80" below="95">từ 80% - &lt;90%</bucket>
      <bucket min="60" below="70">từ 60% - &lt;70%</bucket>
    </buckets>
  </rules>
  <units>
    <unit id="u1" kind="so-ban-nganh">Đơn vị Một</unit>
    <unit id="u2" kind="so-ban-nganh">Đơn vị Hai</unit>
    <unit id="u3" kind="so-ban-nganh">Đơn vị Ba</unit>
  </units>
  <submissions>
    <submission id="s1" unit="u1" part="cd" rate="75" score="22.5"/>
    <submission id="s2" unit="u2" part="cd" rate="85" score="25.5"/>
    <submission id="s3" unit="u3" part="cd" rate="92" score="27.6"/>
  </submissions>
</contest>
XML
says bucket.xml 1 \
    "vanban: bucket.xml:10:7: $E khoảng tỷ lệ từ 80% đến dưới 95% trùng với khoảng từ 90% trở lên ở dòng 9: đơn vị có tỷ lệ từ 90% đến dưới 95% bị đếm hai lần, ở đây 'u3' (92%); hãy sửa min hoặc below" \
    "vanban: bucket.xml:10:7: $E tỷ lệ từ 70% đến dưới 80% không thuộc khoảng nào trong <buckets> của phần thi “Chiến dịch 90 ngày”: đơn vị 'u1' (75%) không được đếm; hãy thêm một <bucket> hoặc sửa min, below" \
    "vanban: bucket.xml:11:7: $W tỷ lệ dưới 60% không thuộc khoảng nào trong <buckets> của phần thi “Chiến dịch 90 ngày”: đơn vị có tỷ lệ đó sẽ không được đếm; hãy thêm một <bucket> nếu cần"
# Buckets that tile 0–100 say nothing (the sample's, and these).
sed 's|<bucket min="80" below="95">|<bucket min="70" below="90">|; s|<bucket min="60" below="70">|<bucket below="70">|' bucket.xml >tiled.xml
says tiled.xml 0
# The top: a last bucket "below 100" leaves 100% itself out. A warning while
# nobody has 100%; an error naming the unit once one has (a unit's rate is
# the mean of its submissions', at the rules' precision: 99.996 is 100).
sed 's|<bucket min="90">|<bucket min="70" below="100">|; /<bucket min="80"/d; s|<bucket min="60" below="70">|<bucket below="70">|' bucket.xml >top.xml
says top.xml 0 \
    "vanban: top.xml:9:7: $W tỷ lệ 100% không thuộc khoảng nào trong <buckets> của phần thi “Chiến dịch 90 ngày”: đơn vị có tỷ lệ đó sẽ không được đếm; hãy thêm một <bucket> nếu cần"
sed 's|rate="92"|rate="99.996"|' top.xml >top100.xml
says top100.xml 1 \
    "vanban: top100.xml:9:7: $E tỷ lệ 100% không thuộc khoảng nào trong <buckets> của phần thi “Chiến dịch 90 ngày”: đơn vị 'u3' (100%) không được đếm; hãy thêm một <bucket> hoặc sửa min, below"

# ---- 5. an author of another unit ---------------------------------------------------
# p2 works for u1 and wrote s1a for u1, but is also the author of u2's s2a:
# u2's individual prize went on a certificate naming a person of u1. An
# error at the author: the file says two things that cannot both be true.
cat >p2.xml <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<contest id="t" kind="hoi-thi" year="2023">
  <title>Hội thi thử</title>
  <province>Sóc Trăng</province>
  <organizer>Sở Nội vụ</organizer>
  <parts>
    <part id="a" max="60"><name>Phần A</name></part>
    <part id="b" max="40"><name>Phần B</name></part>
  </parts>
  <rules>
    <total max="100" precision="2"/>
  </rules>
  <prizes id="tt" for="collective" by="total"><prize level="1" count="1">Giải Nhất</prize></prizes>
  <prizes id="cn" for="individual" part="a" by="score"><prize level="1" count="1">Giải Nhất cá nhân</prize><prize level="2" count="1">Giải Nhì cá nhân</prize></prizes>
  <units>
    <unit id="u1" kind="so-ban-nganh">Đơn vị Một</unit>
    <unit id="u2" kind="so-ban-nganh">Đơn vị Hai</unit>
  </units>
  <people>
    <person id="p1" unit="u1" workplace="Phòng A, Đơn vị Một">Nguyễn Văn An</person>
    <person id="p2" unit="u1" workplace="Phòng B, Đơn vị Một">Trần Thị Bình</person>
  </people>
  <submissions>
    <submission id="s1a" unit="u1" part="a" score="50" author="p2"/>
    <submission id="s1b" unit="u1" part="b" score="30"/>
    <submission id="s2a" unit="u2" part="a" score="55" author="p2"/>
    <submission id="s2b" unit="u2" part="b" score="30"/>
  </submissions>
</contest>
XML
says p2.xml 1 \
    "vanban: p2.xml:26:56: $E tác giả 'p2' (Trần Thị Bình) thuộc đơn vị 'u1' (Đơn vị Một) nhưng bài 's2a' là của đơn vị 'u2' (Đơn vị Hai); hãy sửa author của bài hoặc unit của cá nhân"
# The right author, or a person whose unit is not recorded: nothing to say.
sed 's|</people>|  <person id="p3" unit="u2">Lê Văn Cường</person>\n  </people>|; s|id="s2a" unit="u2" part="a" score="55" author="p2"|id="s2a" unit="u2" part="a" score="55" author="p3"|' \
    p2.xml >p2ok.xml
says p2ok.xml 0
sed 's|<person id="p2" unit="u1" |<person id="p2" |' p2.xml >p2nounit.xml
says p2nounit.xml 0

# ---- 6. two units with the same name -------------------------------------------------
# u1 and u3 are both "Sở Giáo dục và Đào tạo": the ranking and the
# certificates cannot tell them apart, and one unit entered under two ids
# has its results counted twice. A warning at the later one (two communes
# of different districts may bear one name), whatever the letter case and
# spacing.
cat >dupname.xml <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<contest id="t" kind="hoi-thi" year="2023">
  <title>Hội thi thử</title>
  <province>Sóc Trăng</province>
  <organizer short="SNV" parent="Ủy ban nhân dân tỉnh Sóc Trăng">Sở Nội vụ</organizer>
  <parts>
    <part id="a" max="60"><name>Phần A</name></part>
    <part id="b" max="40"><name>Phần B</name></part>
  </parts>
  <rules>
    <total max="100" precision="2"/>
  </rules>
  <prizes id="tt" for="collective" by="total"><prize level="1" count="1">Giải Nhất</prize></prizes>
  <units>
    <unit id="u1" kind="so-ban-nganh">Sở Giáo dục và Đào tạo</unit>
    <unit id="u2" kind="so-ban-nganh">Ủy ban nhân dân huyện Mỹ Xuyên</unit>
    <unit id="u3" kind="so-ban-nganh">Sở Giáo dục và Đào tạo</unit>
    <unit id="u4" kind="so-ban-nganh">ỦY BAN NHÂN DÂN  huyện
      Mỹ Xuyên</unit>
  </units>
  <submissions>
    <submission id="s1a" unit="u1" part="a" score="50"/>
    <submission id="s1b" unit="u1" part="b" score="30"/>
    <submission id="s2a" unit="u2" part="a" score="55"/>
    <submission id="s2b" unit="u2" part="b" score="30"/>
    <submission id="s3a" unit="u3" part="a" score="45"/>
    <submission id="s3b" unit="u3" part="b" score="30"/>
  </submissions>
</contest>
XML
DUP="báo cáo và giấy khen không phân biệt được hai đơn vị; nếu là một đơn vị thì dùng một mã, nếu là hai thì ghi tên đầy đủ hơn"
says dupname.xml 0 \
    "vanban: dupname.xml:17:5: $W đơn vị 'u3' trùng tên “Sở Giáo dục và Đào tạo” với đơn vị 'u1' ở dòng 15: $DUP" \
    "vanban: dupname.xml:18:5: $W đơn vị 'u4' trùng tên “ỦY BAN NHÂN DÂN huyện Mỹ Xuyên” với đơn vị 'u2' ở dòng 16: $DUP"
# Many (a list pasted twice): five lines, then one for the rest (here 10:
# u3, u4, then x4 … x11 repeat x0 … x3).
python3 - <<'PY2'
s = open("dupname.xml", encoding="utf-8").read()
units = "".join('    <unit id="x%d" kind="ubnd-xa">Xã Số %d</unit>\n' % (i, i % 4) for i in range(12))
open("many.xml", "w", encoding="utf-8").write(s.replace("  </units>", units + "  </units>"))
PY2
got=$("$VANBAN" check many.xml 2>&1); r=$?
[ $r -eq 0 ] && [ "$(grep -c "trùng tên “" <<<"$got")" -eq 5 ] &&
    grep -qx "vanban: many.xml:27:5: $W còn 5 đơn vị khác trùng tên với một đơn vị trước nó, từ đơn vị 'x7' trở đi; báo cáo và giấy khen không phân biệt được chúng" <<<"$got" &&
    [ "$(tail -1 <<<"$got")" = "vanban: many.xml: không có lỗi, có 6 cảnh báo" ] ||
    { echo "FAIL: many.xml (exit $r):"; sed 's/^/    /' <<<"$got"; fail=1; }

# ---- 7. a group that counts no part -------------------------------------------------
# g2 has no <counts>: its units were listed "không đủ" with no total and no
# reason. An error at the group: the rules say nothing about its units.
cat >nocounts.xml <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<contest kind="hoi-thi" year="2023">
  <title>Hội thi thử</title>
  <province>Sóc Trăng</province>
  <organizer>Sở Nội vụ</organizer>
  <parts><part id="a" max="100"><name>Phần A</name></part></parts>
  <groups>
    <group id="g1"><name>Nhóm 1</name><counts part="a"/></group>
    <group id="g2"><name>Nhóm 2</name></group>
  </groups>
  <units>
    <unit id="u1" kind="so-ban-nganh" group="g1">Đơn vị Một</unit>
    <unit id="u2" kind="so-ban-nganh" group="g2">Đơn vị Hai</unit>
  </units>
  <submissions>
    <submission id="s1" unit="u1" part="a" score="60"/>
    <submission id="s2" unit="u2" part="a" score="90"/>
  </submissions>
</contest>
XML
says nocounts.xml 1 \
    "vanban: nocounts.xml:9:5: $E nhóm 'g2' (Nhóm 2) không có phần thi nào được tính: đơn vị của nhóm không có tổng điểm, không được xếp hạng và xét giải; hãy thêm <counts part=\"…\"/> cho từng phần thi tính cho nhóm"
# A misspelled <count> has the schema's message, and only that.
sed 's|<group id="g2"><name>Nhóm 2</name></group>|<group id="g2"><name>Nhóm 2</name><count part="a"/></group>|' nocounts.xml >count.xml
says count.xml 1 \
    "vanban: count.xml:9:39: $E phần tử <count> không thuộc mô hình của <group> (viết sai tên hoặc đặt sai chỗ)"

exit $fail
