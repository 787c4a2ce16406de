#!/usr/bin/env bash
# A person's name keeps its tone marks as written in the contest data, in
# every tone style (docs/tone-marks.md): "Nguyễn Thị Thuỷ" on her papers is
# not "Thủy" on her certificate. Units and the template's own text still
# follow the document's style ("Uỷ ban" prints "Ủy ban" by default).
. "$(dirname "$0")/lib.sh"
DATA="$VANBAN_SRC/samples/soctrang-2023/contest.xml"
CHECK="python3 $TOOLS/certcheck.py"

# Two people written in the modern style, one in the classic, a unit and a
# workplace in the modern style, and signers for the report and the award
# decision.
sed -e 's|>Danh Thị Bích Thủy<|>Nguyễn Thị Thuỷ<|' \
    -e 's|>Tiêu Thảo Nguyên<|>Trần Văn Hoà<|' \
    -e 's|>Trần Thị Mỹ Hạnh<|>Lê Thị Hòa<|' \
    -e 's|>Ủy ban nhân dân thành phố Sóc Trăng<|>Uỷ ban nhân dân thành phố Sóc Trăng<|' \
    -e 's|workplace="Ủy ban nhân dân huyện Long Phú"|workplace="Uỷ ban nhân dân huyện Long Phú"|' \
    -e 's|<report id="bao-cao" |<report id="bao-cao" signer="Trịnh Văn Thuỵ" |' \
    -e 's|</documents>|  <decision id="qd-khen-thuong" kind="Quyết định" signer="Trịnh Văn Thuỵ">về việc khen thưởng</decision>\n  </documents>|' \
    "$DATA" > "$T/names.xml"
grep -q '>Nguyễn Thị Thuỷ<' "$T/names.xml" && grep -q '>Uỷ ban nhân dân thành phố' "$T/names.xml" &&
    grep -q 'signer="Trịnh Văn Thuỵ"' "$T/names.xml" && grep -q '>Lê Thị Hòa<' "$T/names.xml"

# The report (render -d), classic by default.
"$VANBAN" render "$VANBAN_SRC/templates/bao-cao-ket-qua.md" -d "$T/names.xml" -o "$T/r.pdf" 2> "$T/err"
check "report: renders without a message ($(head -c 300 "$T/err"))" [ ! -s "$T/err" ]
flat_text "$T/r.pdf" > "$T/r.txt"
check "report, classic: the names as written (Thuỷ, Hoà, Hòa)" \
    bash -c "grep -q 'của bà Nguyễn Thị Thuỷ, Văn phòng' '$T/r.txt' && grep -q 'của bà Trần Văn Hoà, Cục Thuế' '$T/r.txt' && grep -q 'của bà Lê Thị Hòa, Sở Tư pháp' '$T/r.txt'"
check "report, classic: no name changed (no Thủy, no Trần Văn Hòa)" \
    bash -c "! grep -q 'Nguyễn Thị Thủy\|Trần Văn Hòa' '$T/r.txt'"
check "report, classic: the signer as written (Thuỵ)" grep -q 'PHÓ GIÁM ĐỐC Trịnh Văn Thuỵ' "$T/r.txt"
check "report, classic: the unit and the workplace in the style (Ủy ban)" \
    bash -c "grep -q 'Giải Nhì: Ủy ban nhân dân thành phố Sóc Trăng' '$T/r.txt' && grep -q 'Tú Quyên, Ủy ban nhân dân huyện Long Phú' '$T/r.txt' && ! grep -q 'Uỷ' '$T/r.txt'"

# The same report in the modern style: the other way round.
"$VANBAN" render "$VANBAN_SRC/templates/bao-cao-ket-qua.md" -d "$T/names.xml" --set tone=modern -o "$T/m.pdf"
flat_text "$T/m.pdf" > "$T/m.txt"
check "report, modern: a name written Hòa stays Hòa, Thuỷ stays Thuỷ" \
    bash -c "grep -q 'của bà Lê Thị Hòa, Sở Tư pháp' '$T/m.txt' && grep -q 'của bà Nguyễn Thị Thuỷ, Văn phòng' '$T/m.txt' && ! grep -q 'Lê Thị Hoà' '$T/m.txt'"
check "report, modern: the units in the style (Uỷ ban)" \
    bash -c "grep -q 'Giải Nhì: Uỷ ban nhân dân thành phố Sóc Trăng' '$T/m.txt' && grep -q 'Kính gửi: Uỷ ban nhân dân tỉnh Sóc Trăng' '$T/m.txt' && ! grep -q 'Ủy' '$T/m.txt'"
# The 2023 sample as it is: Danh Thị Bích Thủy is written classic.
"$VANBAN" render "$VANBAN_SRC/templates/bao-cao-ket-qua.md" -d "$DATA" --set tone=modern -o "$T/m23.pdf"
flat_text "$T/m23.pdf" > "$T/m23.txt"
check "report of the 2023 sample, modern: Danh Thị Bích Thủy stays Thủy" \
    grep -q 'bà Danh Thị Bích Thủy, Văn phòng' "$T/m23.txt"

# The certificates (templates/giay-khen.md) and their register.
"$VANBAN" render "$VANBAN_SRC/templates/giay-khen.md" -d "$T/names.xml" -o "$T/gk.pdf" 2> "$T/err"
check "certificates: render without a message ($(head -c 300 "$T/err"))" [ ! -s "$T/err" ]
$CHECK text "$T/gk.pdf" > "$T/gk.txt"
check "certificates, classic: Bà Nguyễn Thị Thuỷ, Bà Trần Văn Hoà, Bà Lê Thị Hòa" \
    bash -c "grep -q 'Bà Nguyễn Thị Thuỷ Văn phòng UBND tỉnh' '$T/gk.txt' && grep -q 'Bà Trần Văn Hoà Cục Thuế tỉnh' '$T/gk.txt' && grep -q 'Bà Lê Thị Hòa Sở Tư pháp' '$T/gk.txt'"
check "certificates, classic: the signer as written on every page" \
    [ "$(grep -c 'PHÓ GIÁM ĐỐC Trịnh Văn Thuỵ' "$T/gk.txt")" -eq 24 ]
check "certificates, classic: a unit and a workplace in the style (Ủy ban)" \
    bash -c "grep -q 'Ủy ban nhân dân thành phố Sóc Trăng Đã đạt' '$T/gk.txt' && grep -q 'Tú Quyên Ủy ban nhân dân huyện Long Phú' '$T/gk.txt' && ! grep -q 'Uỷ\|Thủy\|Văn Hòa\|Thụy' '$T/gk.txt'"
check "register: the names as written" \
    bash -c "grep -q ',Nguyễn Thị Thuỷ,Văn phòng UBND tỉnh,' '$T/gk.csv' && grep -q ',Trần Văn Hoà,Cục Thuế tỉnh,' '$T/gk.csv'"
"$VANBAN" render "$VANBAN_SRC/templates/giay-khen.md" -d "$T/names.xml" --set tone=modern -o "$T/gkm.pdf"
$CHECK text "$T/gkm.pdf" > "$T/gkm.txt"
check "certificates, modern: Bà Lê Thị Hòa stays Hòa, the unit is Uỷ ban" \
    bash -c "grep -q 'Bà Lê Thị Hòa Sở Tư pháp' '$T/gkm.txt' && grep -q 'Bà Nguyễn Thị Thuỷ Văn phòng' '$T/gkm.txt' && grep -q 'Uỷ ban nhân dân thành phố Sóc Trăng Đã đạt' '$T/gkm.txt' && ! grep -q 'Lê Thị Hoà\|Ủy' '$T/gkm.txt'"

# A name through a filter, a section, concat() and a field: still hers; the
# text around it follows the style.
cat > "$T/mixed.md" <<'EOF'
---
hoa: "{{/contest/people/person[@id='p-dtbthuy'] | upper}}"
---
A: {{/contest/people/person[@id='p-dtbthuy'] | upper}}.

B: {{concat(/contest/people/person[@id='p-dtbthuy'], ' – ', /contest/units/unit[@id='tpst'])}}.

C: {{$hoa}}, Uỷ ban hoà giải.

D: {{#/contest/people/person[@id='p-ttnguyen']}}{{.}} ({{@workplace}}){{/}}.
EOF
"$VANBAN" render "$T/mixed.md" -d "$T/names.xml" -o "$T/mixed.pdf"
check "mixed values, classic" [ "$(flat_text "$T/mixed.pdf")" = "A: NGUYỄN THỊ THUỶ. B: Nguyễn Thị Thuỷ – Ủy ban nhân dân thành phố Sóc Trăng. C: NGUYỄN THỊ THUỶ, Ủy ban hòa giải. D: Trần Văn Hoà (Cục Thuế tỉnh)." ]
sed -i 's|p-dtbthuy|p-ttmhanh|g' "$T/mixed.md"
"$VANBAN" render "$T/mixed.md" -d "$T/names.xml" --set tone=modern -o "$T/mixedm.pdf"
check "mixed values, modern" [ "$(flat_text "$T/mixedm.pdf")" = "A: LÊ THỊ HÒA. B: Lê Thị Hòa – Uỷ ban nhân dân thành phố Sóc Trăng. C: LÊ THỊ HÒA, Uỷ ban hoà giải. D: Trần Văn Hoà (Cục Thuế tỉnh)." ]

# The data as loaded: `vanban results` prints the names as written too
# (classic marks for the rest, as the load has always put them).
"$VANBAN" results "$T/names.xml" > "$T/results.txt"
check "results: the names as written, the unit classic" \
    bash -c "grep -q ': Nguyễn Thị Thuỷ, Văn phòng UBND tỉnh' '$T/results.txt' && grep -q ': Trần Văn Hoà, Cục Thuế tỉnh' '$T/results.txt' && grep -q 'Giải Nhì: Ủy ban nhân dân thành phố Sóc Trăng' '$T/results.txt'"
"$VANBAN" results "$T/names.xml" --format xml > "$T/results.xml"
check "results --format xml: the person and her award, as written" \
    [ "$(grep -c 'Nguyễn Thị Thuỷ' "$T/results.xml")" -eq 2 ]

# `vanban normalize` works on free text: no name is known there.
printf 'Nguyễn Thị Thuỷ\n' | "$VANBAN" normalize > "$T/n.txt"
check "normalize --tone is unchanged: free text takes the style" [ "$(cat "$T/n.txt")" = "Nguyễn Thị Thủy" ]
# {{{ }}} is the template's own text, in the front matter as in the body:
# the signer read raw follows the style (Thụy), read plain keeps Thuỵ.
sed 's|^nguoi_ky: "{{/contest/documents/report/@signer \| default:'"''"'}}"|nguoi_ky: "{{{/contest/documents/report/@signer}}}"|' \
    "$VANBAN_SRC/templates/bao-cao-ket-qua.md" > "$T/raw.md"
grep -q '^nguoi_ky: "{{{' "$T/raw.md"
"$VANBAN" render "$T/raw.md" -d "$T/names.xml" -o "$T/raw.pdf"
flat_text "$T/raw.pdf" > "$T/raw.txt"
check "front matter {{{ }}}: the raw signer follows the style (Thụy)" \
    bash -c "grep -q 'PHÓ GIÁM ĐỐC Trịnh Văn Thụy' '$T/raw.txt'"
finish
