#!/usr/bin/env bash
# Bad input: one clear message (with file:line:col where there is one), the
# contract's exit code, and never an output file, not even a partial one.
. "$(dirname "$0")/lib.sh"

expect() { # expect CODE PATTERN OUTFILE -- args...
    local code=$1 pattern=$2 out=$3; shift 4
    set +e
    "$VANBAN" "$@" 2> "$T/err"
    local rc=$?
    set -e
    local msg; msg=$(cat "$T/err")
    check "exit $code for: $* (got $rc)" [ "$rc" -eq "$code" ]
    check "message matches '$pattern': $msg" grep -Eq -- "$pattern" "$T/err"
    check "one message line" [ "$(wc -l < "$T/err")" -eq 1 ]
    if [ -n "$out" ]; then
        check "no output file left" [ ! -e "$out" ]
        check "no temporary file left" [ -z "$(ls -A "$(dirname "$out")" | grep -v -E '\.(md|png|txt)$' || true)" ]
    fi
}

mkdir -p "$T/w"
printf 'Xin chào.\n' > "$T/w/ok.md"

expect 1 'không tìm thấy phông "Không Có Phông".*fonts-|cài' "$T/w/ok.pdf" -- \
    render "$T/w/ok.md" --font-family "Không Có Phông"
expect 1 'Times New Roman.*ttf-mscorefonts-installer' "$T/w/ok.pdf" -- \
    render "$T/w/ok.md" --font-family "Times New Roman"

# A family installed only where the system's (or the user's) fontconfig files
# say is still found: vanban first looks in the standard font directories
# alone (fast), then asks the whole configuration before calling a family
# missing. The family here exists only in $T/fonts, named by FONTCONFIG_FILE.
mkdir -p "$T/fonts" "$T/fccache" "$T/fam"
serif=$(fc-match -f '%{file}' 'Liberation Serif:style=Regular')
python3 "$TOOLS/rename_font.py" "$serif" "$T/fonts/vt.ttf" "Vanban Thu Nghiem" VanbanThuNghiem
cat > "$T/fonts.conf" <<CONF
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include>
<dir>$T/fonts</dir><cachedir>$T/fccache</cachedir></fontconfig>
CONF
printf 'Chữ thường.\n' > "$T/fam/t.md"
check "a family named only by the fontconfig files is found" \
    env FONTCONFIG_FILE="$T/fonts.conf" "$VANBAN" render "$T/fam/t.md" --font-family "Vanban Thu Nghiem" -o "$T/fam/t.pdf"
check "and embedded" sh -c "pdffonts '$T/fam/t.pdf' | grep -q '+VanbanThuNghiem'"
expect 1 'không tìm thấy phông "Vanban Thu Nghiem"' "$T/w/ok.pdf" -- \
    render "$T/w/ok.md" --font-family "Vanban Thu Nghiem"
# A font whose licence forbids embedding (OS/2 fsType 2) is found and laid
# out, but libharu will not embed it: one message that says so, no PDF. (It
# once failed with exit 1 and no message at all.)
python3 "$TOOLS/rename_font.py" "$serif" "$T/fonts/vk.ttf" "Vanban Khong Nhung" VanbanKhongNhung 2
mkdir -p "$T/nhung"
printf 'Chữ thường.\n' > "$T/nhung/t.md"
FONTCONFIG_FILE="$T/fonts.conf" expect 1 'vk.ttf: lỗi: giấy phép của phông Vanban Khong Nhung \(kiểu Regular\) không cho nhúng vào PDF' \
    "$T/nhung/t.pdf" -- render "$T/nhung/t.md" --font-family "Vanban Khong Nhung"

# A template rendered without its data: one message at the first tag that
# needs it, not one per tag.
expect 1 'bao-cao-ket-qua.md:[0-9]+:[0-9]+: lỗi: .*cần dữ liệu: thêm -d' "$T/w/bc.pdf" -- \
    render "$VANBAN_SRC/templates/bao-cao-ket-qua.md" -o "$T/w/bc.pdf"

# Output to a device is written in place and its failure reported: the
# device node is never replaced by a file (as root it could be).
if [ -c /dev/full ]; then
    expect 3 '/dev/full: lỗi: không ghi được' "" -- render "$T/w/ok.md" -o /dev/full
    check "/dev/full is still a character device" [ -c /dev/full ]
fi
expect 3 'là một thư mục' "" -- render "$T/w/ok.md" -o "$T/w"
# Nothing but the output goes to disk: a TMPDIR that cannot be written (full,
# read-only, gone) does not stop a render. The font subsets once went through
# temporary files there.
check "a render needs no TMPDIR" env TMPDIR="$T/khong-co-thu-muc-nay" \
    "$VANBAN" render "$T/w/ok.md" -o "$T/tmpdir.pdf"
check "and its fonts are embedded" sh -c "pdffonts '$T/tmpdir.pdf' | grep -q '+Liberation'"
# An output named like an input is refused, and the input kept: a PDF over
# the template (-o, or a template whose own name ends in .pdf), over the
# contest data, or over a partial replaced the user's file, with exit 0.
mkdir -p "$T/keep"
cp "$VANBAN_SRC/samples/soctrang-2023/contest.xml" "$T/keep/data.xml"
printf -- '---\ntitle: x\n---\n{{> con}}\n' > "$T/keep/t.md"
printf 'Mẫu con.\n' > "$T/keep/con.md"
cp "$T/keep/t.md" "$T/keep/t.pdf"
cp -r "$T/keep" "$T/keep.orig"
for target in t.md data.xml con.md; do
    expect 2 "$target: lỗi: tệp này đã có và không phải tệp PDF.*không ghi đè" "" -- \
        render "$T/keep/t.md" -d "$T/keep/data.xml" -o "$T/keep/$target"
done
expect 2 "t.pdf: lỗi: tệp này đã có và không phải tệp PDF" "" -- render "$T/keep/t.pdf"
check "the inputs are as they were" diff -r "$T/keep.orig" "$T/keep"
check "no temporary file beside them" [ "$(ls -A "$T/keep" | wc -l)" -eq 4 ]
# An earlier PDF (or an empty file) is replaced as before.
: > "$T/keep/empty.pdf"
check "an empty file is replaced" "$VANBAN" render "$T/keep/t.md" -o "$T/keep/empty.pdf"
check "an earlier PDF is replaced" "$VANBAN" render "$T/keep/t.md" -o "$T/keep/empty.pdf"
check "by a PDF" [ "$(head -c 5 "$T/keep/empty.pdf")" = "%PDF-" ]
# An XPath function that does not exist: one message in Vietnamese, at the
# tag, even where the data never reaches it; libxml2's own English line
# ("xmlXPathCompOpEval: function … not found") no longer reaches stderr.
printf -- '---\ntitle: x\n---\nA {{#false()}}{{khongham(1)}}{{/}} B\n' > "$T/w/fn.md"
expect 1 'fn.md:4:15: lỗi: không tính được biểu thức XPath "khongham\(1\)": hàm không có trong XPath 1.0$' \
    "$T/w/fn.pdf" -- render "$T/w/fn.md" -d "$VANBAN_SRC/samples/soctrang-2023/contest.xml"
# An unclosed parenthesis or bracket: libxml2 compiles "bad(" as "bad()",
# so it was reported as an unknown function ("count(" as a wrong number of
# arguments). A syntax error, at the tag's line and column.
printf -- '---\ntitle: x\n---\nA {{bad(}} B\n' > "$T/w/syn.md"
expect 1 '^vanban: .*syn.md:4:3: lỗi: biểu thức XPath "bad\(" không hợp lệ: sai cú pháp: thiếu dấu đóng "\)" cho dấu "\(" ở ký tự 4$' \
    "$T/w/syn.pdf" -- render "$T/w/syn.md" -d "$VANBAN_SRC/samples/soctrang-2023/contest.xml"
printf -- '---\ntitle: x\n---\nA {{count(}} B\n' > "$T/w/syn.md"
expect 1 'syn.md:4:3: lỗi: biểu thức XPath "count\(" không hợp lệ: sai cú pháp' \
    "$T/w/syn.pdf" -- render "$T/w/syn.md" -d "$VANBAN_SRC/samples/soctrang-2023/contest.xml"
printf -- '---\ntitle: x\n---\nA\n\n{{#//unit[1}}x{{/}}\n' > "$T/w/syn.md"
expect 1 'syn.md:6:1: lỗi: biểu thức XPath "//unit\[1" không hợp lệ: ' \
    "$T/w/syn.pdf" -- render "$T/w/syn.md" -d "$VANBAN_SRC/samples/soctrang-2023/contest.xml"
# … but brackets inside a string are text.
printf -- '---\ntitle: x\n---\nA {{concat("(", "]")}} B\n' > "$T/w/syn.md"
"$VANBAN" render "$T/w/syn.md" -d "$VANBAN_SRC/samples/soctrang-2023/contest.xml" -o "$T/w/syn.pdf"
check "brackets inside a string literal are not counted" bash -c "pdftotext '$T/w/syn.pdf' - | grep -qF 'A (] B'"
rm -f "$T/w/syn.pdf"
# Unreadable input that even root cannot read: a directory.
expect 3 "$T/w: lỗi:" "" -- render "$T/w"
# --help and --version to a full device: an error, not exit 0.
if [ -c /dev/full ]; then
    for args in --help --version "render --help" "check --help"; do
        # shellcheck disable=SC2086 # $args is the command and its option
        check "vanban $args > /dev/full fails with exit 3" sh -c "'$VANBAN' $args > /dev/full 2>/dev/null; [ \$? -eq 3 ]"
    done
fi
# Results to a full device: exit 3 and the one Vietnamese message, none of
# libxml2's own English ("I/O error : No space left on device") before it,
# on the streaming load and on the whole tree alike.
if [ -c /dev/full ]; then
    for fmt in xml csv text; do
        for tree in 0 1; do
            set +e
            VANBAN_CONTEST_TREE=$tree "$VANBAN" results "$VANBAN_SRC/samples/soctrang-2023/contest.xml" \
                --format $fmt > /dev/full 2> "$T/full.err"
            rc=$?
            set -e
            check "results --format $fmt > /dev/full (tree=$tree): exit 3 (got $rc)" [ $rc -eq 3 ]
            check "results --format $fmt > /dev/full (tree=$tree): one Vietnamese line: $(cat "$T/full.err")" \
                [ "$(cat "$T/full.err")" = "vanban: lỗi: không ghi được kết quả ra đầu ra chuẩn" ]
        done
    done
fi
# --help and --version answer on stdout with exit 0.
check "--version prints the version" bash -c "\"\$1\" --version | grep -Eq '^vanban [0-9]+\.[0-9]+'" _ "$VANBAN"
check "--help prints the usage of render" bash -c "\"\$1\" --help | grep -q 'vanban render'" _ "$VANBAN"

printf 'Đoạn một.\n\n![Logo](khong-co.png)\n' > "$T/w/img.md"
expect 1 "img.md:3(:[0-9]+)?: lỗi: .*khong-co.png" "$T/w/img.pdf" -- render "$T/w/img.md"

# A NUL byte in a template (a damaged file): it cut a tag's expression
# short ("{{/contest/title\0[[[ bad}}" printed the title, exit 0), or reached
# the font as U+FFFD with no place. One message at its line and column.
printf -- '---\ntitle: T\n---\nTên: {{/contest/title\0[[[ sai}}\n' > "$T/w/nul.md"
expect 1 'nul.md:4:22: lỗi: tệp có ký tự NUL \(byte 0x00\) ở đây' "$T/w/nul.pdf" -- \
    render "$T/w/nul.md" -d "$VANBAN_SRC/samples/soctrang-2023/contest.xml"
printf 'Dòng một.\nHai ba b\xe1\xbb\n' > "$T/w/bad.md"
expect 1 "bad.md:2:9: lỗi: .*UTF-8" "$T/w/bad.pdf" -- render "$T/w/bad.md"

# A key whose first value is a list below it: named at the key's own line.
printf -- '---\ntitle: T\nnoi_nhan:\n  - Như trên;\nnoi_nhan: Lưu: VT.\n---\nNội dung.\n' > "$T/w/dup2.md"
expect 1 'dup2.md:5:1: lỗi: khóa "noi_nhan" đã có ở dòng 3;' "$T/w/dup2.pdf" -- render "$T/w/dup2.md"
# Tags a partial's data never reaches are checked too, at the partial's own
# line and column (only the main file's were).
mkdir -p "$T/part"
printf -- '---\ntitle: T\n---\nA {{> phan}} B\n' > "$T/part/main.md"
printf 'Mẫu con {{#false()}}{{//unit | tron}}{{/}}.\n' > "$T/part/phan.md"
expect 1 'phan.md:1:21: lỗi: không có bộ lọc "tron"' "$T/part/main.pdf" -- \
    render "$T/part/main.md" -d "$VANBAN_SRC/samples/soctrang-2023/contest.xml"
# A key written twice: the second value silently won (two "frame:" lines,
# an old "so_ky_hieu:" left above a new one). YAML forbids it.
printf -- '---\nframe: plain\nso_ky_hieu: 56/KH-SNV\ntitle: t\nso_ky_hieu: 57/KH-SNV\n---\nNội dung.\n' > "$T/w/dup.md"
expect 1 'dup.md:5:1: lỗi: khóa "so_ky_hieu" đã có ở dòng 3; mỗi khóa chỉ được viết một lần$' \
    "$T/w/dup.pdf" -- render "$T/w/dup.md"
# A field vanban reads as one value, written as a list, was silently absent:
# "frame: [official]" printed a plain page, "ten_loai: [BÁO CÁO]" no title.
printf -- '---\nframe: [official]\n---\nNội dung.\n' > "$T/w/lst.md"
expect 1 'lst.md:2:8: lỗi: frame: cần một giá trị, không phải danh sách' "$T/w/lst.pdf" -- render "$T/w/lst.md"
printf -- '---\nframe: official\nco_chu:\n  - 13\nnoi_nhan: [Như trên;, Lưu VT.]\n---\nNội dung.\n' > "$T/w/lst.md"
expect 1 'lst.md:3:1: lỗi: co_chu: cần một giá trị' "$T/w/lst.pdf" -- render "$T/w/lst.md"
# Front-matter values the official frame cannot print are errors at their line.
printf -- '---\nframe: official\nten_loai: KẾ HOẠCH\nngay: 2023-02-30\n---\nNội dung.\n' > "$T/w/date.md"
expect 1 'date.md:4:7: lỗi: ngay: "2023-02-30" không phải ngày hợp lệ' "$T/w/date.pdf" -- render "$T/w/date.md"
# --set replaces the template's value: its tag, which the data cannot fill,
# is not expanded (it failed the render, though the clerk gave the field).
printf -- '---\nframe: official\nso_ky_hieu: "{{/contest/khong-co}}"\nten_loai: KẾ HOẠCH\n---\nA./.\n' > "$T/w/st.md"
"$VANBAN" render "$T/w/st.md" -d "$VANBAN_SRC/samples/soctrang-2023/contest.xml" --set so_ky_hieu=12/KH-SNV -o "$T/w/st.pdf"
check "--set replaces a field whose own tag the data cannot fill" bash -c "pdftotext '$T/w/st.pdf' - | grep -q 'Số: 12/KH-SNV'"
rm -f "$T/w/st.pdf"
# ... also a tag inside the value: it named the template, with no line.
expect 1 '^vanban: --set trich_yeu: lỗi: biểu thức XPath "/contest/\[" không hợp lệ' "$T/w/setx.pdf" -- \
    render "$VANBAN_SRC/templates/to-chuc-hoi-thi.md" -d "$VANBAN_SRC/samples/soctrang-2023/contest.xml" \
    --set 'trich_yeu=Kế hoạch {{/contest/[}}' -o "$T/w/setx.pdf"
# A value given by --set is reported as coming from there, not from a line.
expect 1 '^vanban: --set co_chu: lỗi: co_chu: "20" không hợp lệ' "$T/w/size.pdf" -- \
    render "$VANBAN_SRC/tests/data/official/ke-hoach.md" --set co_chu=20 -o "$T/w/size.pdf"
# A --set key the template does not have, and vanban does not read, is a
# typo: it printed a blank "Số:" with exit 0. Refused, with the nearest field.
expect 2 '^vanban: --set so_ky_heu: lỗi: mẫu .*tham-gia-hoi-thi.md không có trường "so_ky_heu"; có phải "so_ky_hieu"\?$' \
    "$T/w/typo.pdf" -- render "$VANBAN_SRC/templates/tham-gia-hoi-thi.md" -d "$VANBAN_SRC/samples/soctrang-2023/contest.xml" \
    --set don_vi=syt --set so_ky_heu=57/KH-SYT -o "$T/w/typo.pdf"
expect 2 '^vanban: --set ten: lỗi: mẫu .* không có trường "ten"$' "$T/w/typo.pdf" -- \
    render "$T/w/ok.md" --set ten=1 -o "$T/w/typo.pdf"
# A field only certificates read was accepted and ignored on other documents.
expect 2 '^vanban: --set vien: lỗi: mẫu .*ok.md là tài liệu thường \(frame: plain\), không đọc trường "vien": trường này chỉ dùng cho giấy khen \(frame: certificate\)$' \
    "$T/w/typo.pdf" -- render "$T/w/ok.md" --set vien=goc -o "$T/w/typo.pdf"
# A --set value that is not UTF-8 (a terminal set to another encoding) is
# the command's error, not the template's (it was "U+FFFD không có trong
# phông" against the template).
expect 2 '^vanban render: lỗi: --set: giá trị có byte 0xFF không hợp lệ trong UTF-8' "$T/w/typo.pdf" -- \
    render "$T/w/ok.md" --set "so_ky_hieu=a$(printf '\377')b" -o "$T/w/typo.pdf"
expect 2 '^vanban render: lỗi: --set: khóa có byte 0xE9 không hợp lệ trong UTF-8' "$T/w/typo.pdf" -- \
    render "$T/w/ok.md" --set "don_v$(printf '\351')=syt" -o "$T/w/typo.pdf"
# A field vanban reads is accepted though the template does not write it.
check "--set of a field the frame reads" "$VANBAN" render "$T/w/ok.md" --set author=Nguyễn -o "$T/author.pdf"
check "reaches the PDF" sh -c "pdfinfo '$T/author.pdf' | grep -q 'Author: *Nguyễn'"
printf -- '---\nframe: official\nco_chu: 12\n---\nNội dung.\n' > "$T/w/size.md"
expect 1 'size.md:3:9: lỗi: co_chu: "12" không hợp lệ; cần một số từ 13 đến 14' "$T/w/size.pdf" -- render "$T/w/size.md"
printf -- '---\nframe: official\nle_trai: 25\n---\nNội dung.\n' > "$T/w/margin.md"
expect 1 'margin.md:3:10: lỗi: le_trai: "25" không hợp lệ; cần một số từ 30 đến 35' "$T/w/margin.pdf" -- render "$T/w/margin.md"
printf 'Đoạn một.\n\n<!-- vanban: xoay -->\n\nĐoạn hai.\n' > "$T/w/directive.md"
expect 1 'directive.md:3: lỗi: chỉ thị "vanban: xoay" không có' "$T/w/directive.pdf" -- render "$T/w/directive.md"
# "-o ''" ended in "vanban: : lỗi", exit 3; a second -o silently won.
expect 2 'vanban render: lỗi: -o \(tệp kết quả\) cần một tên tệp' "" -- render "$T/w/ok.md" -o ""
expect 2 'vanban render: lỗi: -o \(tệp kết quả\) chỉ được ghi một lần' "$T/w/o2.pdf" -- \
    render "$T/w/ok.md" -o "$T/w/o1.pdf" -o "$T/w/o2.pdf"
check "no first -o written either" [ ! -e "$T/w/o1.pdf" ]
# System errors in Vietnamese ("No such file or directory" was English).
expect 3 'khong-co.md: lỗi: không mở được tệp để đọc: không có tệp hay thư mục này$' "" -- \
    render "$T/w/khong-co.md"
# render -v was accepted and said nothing; the help text left it out.
"$VANBAN" render "$T/w/ok.md" -v -o "$T/w/v.pdf" 2> "$T/w/v.err"
check "render -v names the font file and the pages written" \
    bash -c "grep -q '^vanban: phông chữ: .*\.ttf' '$T/w/v.err' && grep -q '^vanban: đã ghi $T/w/v.pdf: 1 trang$' '$T/w/v.err'"
check "the help lists render -v and calibrate's A5 and --portrait" \
    bash -c "'$VANBAN' --help | grep -q 'HỌ_PHÔNG\] \[-v\]' && '$VANBAN' calibrate --help | grep -q 'A4|A3|A5|RỘNGxCAO\] \[--portrait\]'"
rm -f "$T/w/v.pdf" "$T/w/v.err"
# U+2028 (Word's line break, pasted) stopped the render: "không có trong
# phông". It is a line break.
printf -- '---\ntitle: t\n---\nSở\xe2\x80\xa8Nội vụ\n' > "$T/w/ls.md"
"$VANBAN" render "$T/w/ls.md" -o "$T/w/ls.pdf"
check "U+2028 is a line break" bash -c "[ \"\$(pdftotext '$T/w/ls.pdf' - | head -2 | tr '\n' '|')\" = 'Sở|Nội vụ|' ]"
rm -f "$T/w/ls.pdf"
# An empty template (the wrong file given) printed a blank page, exit 0.
: > "$T/w/rong.md"
expect 1 'rong.md:1: lỗi: văn bản không có nội dung để in' "$T/w/rong.pdf" -- render "$T/w/rong.md"
# HTML a PDF cannot show vanished with exit 0: a <div> block, the text after
# a comment on its line, a directive inside a paragraph. Comments alone and
# the text between inline tags are kept as before.
printf -- '---\ntitle: t\n---\n\n<div>Nội dung quan trọng</div>\n' > "$T/w/html.md"
expect 1 'html.md:5:1: lỗi: HTML không in được trong PDF: "<div>Nội dung quan trọng</div>"' \
    "$T/w/html.pdf" -- render "$T/w/html.md"
printf -- '---\ntitle: t\n---\n\n<!-- vanban: ngang --> thêm chữ\n' > "$T/w/html.md"
expect 1 'html.md:5:1: lỗi: chữ sau chú thích HTML .* bị bỏ qua: "thêm chữ"' "$T/w/html.pdf" -- \
    render "$T/w/html.md"
printf -- '---\ntitle: t\n---\n\nChữ <!-- vanban: trang-moi --> giữa\n' > "$T/w/html.md"
expect 1 'html.md:5:5: lỗi: chỉ thị "<!-- vanban: trang-moi -->" phải đứng một mình' \
    "$T/w/html.pdf" -- render "$T/w/html.md"
# On its own line but inside a paragraph, a directive cut the paragraph in
# two and put the second half on a landscape page, exit 0.
printf -- '---\ntitle: t\n---\n\nDòng một của đoạn\n<!-- vanban: ngang -->\ndòng hai.\n' > "$T/w/html.md"
expect 1 'html.md:6: lỗi: chỉ thị "<!-- vanban: ngang -->" phải cách đoạn văn một dòng trống' \
    "$T/w/html.pdf" -- render "$T/w/html.md"
printf -- '---\ntitle: t\n---\n\nA.\n\n<!-- ghi chú chưa đóng\n\nB.\n' > "$T/w/html.md"
expect 1 'html.md:7:1: lỗi: chú thích HTML "<!--" không được đóng' "$T/w/html.pdf" -- render "$T/w/html.md"
printf -- '---\ntitle: t\n---\n\nA.\n\n<!-- a --> <!-- b\n\nĐoạn hai.\n' > "$T/w/html.md"
expect 1 'html.md:7:1: lỗi: chữ sau chú thích HTML .* bị bỏ qua: "<!-- b"' "$T/w/html.pdf" -- \
    render "$T/w/html.md"
printf -- '---\ntitle: t\n---\n\n<!-- ghi chú\nhai dòng -->\n\nChữ <b>đậm</b> <!-- x --> ở giữa.\n' > "$T/w/html.md"
"$VANBAN" render "$T/w/html.md" -o "$T/w/html.pdf"
check "comments and inline tags: the text between is kept" \
    bash -c "pdftotext '$T/w/html.pdf' - | grep -q 'Chữ đậm ở giữa.'"
rm -f "$T/w/html.pdf"
printf -- '---\nframe: congvan\n---\nNội dung.\n' > "$T/w/frame.md"
expect 1 'frame.md:2:8: lỗi: frame: "congvan" không có' "$T/w/frame.pdf" -- render "$T/w/frame.md"

printf 'Chữ Hán 中 không có trong phông.\n' > "$T/w/cjk.md"
expect 1 'cjk.md:1(:[0-9]+)?: lỗi: ký tự "中" \(U\+4E2D\)' "$T/w/cjk.pdf" -- render "$T/w/cjk.md"
# The same character from the data is at the tag's line: the message says it
# may come from the value a tag of that line took from the data.
sed 's|<province>Sóc Trăng</province>|<province>Sóc Trăng 中</province>|' \
    "$VANBAN_SRC/samples/soctrang-2023/contest.xml" > "$T/cjk.xml"
printf -- '---\ntitle: t\n---\nTỉnh {{/contest/province}}.\n' > "$T/w/cjk.md"
expect 1 'cjk.md:4(:[0-9]+)?: lỗi: ký tự "中" .*lấy từ dữ liệu' "$T/w/cjk.pdf" -- \
    render "$T/w/cjk.md" -d "$T/cjk.xml"

printf -- '---\ntitle: [x\n---\nThân.\n' > "$T/w/yaml.md"
expect 1 "yaml.md:[0-9]+:[0-9]+: lỗi: .*YAML" "$T/w/yaml.pdf" -- render "$T/w/yaml.md"

# The commonest front-matter slip, "- Lưu: VT, TTr." unquoted in a list, was
# "… không phải bảng": a word the guide uses for tables, and no hint.
printf -- '---\nnoi_nhan:\n  - Như trên;\n  - Lưu: VT, TTr.\n---\nThân.\n' > "$T/w/luu.md"
expect 1 'luu.md:4:5: lỗi: giá trị của "noi_nhan" .*dấu hai chấm \(Lưu: VT\).*dấu nháy kép' \
    "$T/w/luu.pdf" -- render "$T/w/luu.md"

# A PNG cut short (a failed download, a damaged copy): libharu's libpng
# reader aborted the process (SIGABRT) with an English "libpng error".
head -c 400 "$VANBAN_SRC/samples/img/co-to-quoc.png" > "$T/w/cut.png"
printf -- '---\ntitle: t\n---\n\nẢnh:\n\n![cờ](cut.png)\n' > "$T/w/cut.md"
expect 1 'cut.md:7: lỗi: không đọc được ảnh "cut.png" \(cần tệp PNG hoặc JPEG có thật và không hỏng' \
    "$T/w/cut.pdf" -- render "$T/w/cut.md"

# 30,000 nested quotes, list items or sections overflowed the stack
# (SIGSEGV); from about 20 quotes the text left the paper.
python3 -c "print('>' * 30000 + ' x')" > "$T/w/quote.md"
expect 1 'quote.md:1: lỗi: danh sách, trích dẫn lồng nhau quá 10 mức' "$T/w/quote.pdf" -- render "$T/w/quote.md"
python3 -c "print('- ' * 30000 + 'x')" > "$T/w/list.md"
expect 1 'list.md:1: lỗi: danh sách, trích dẫn lồng nhau quá 10 mức' "$T/w/list.pdf" -- render "$T/w/list.md"
python3 -c "print('{{#/contest}}' * 30000 + '{{/}}' * 30000)" > "$T/w/sect.md"
expect 1 'sect.md:1:417: lỗi: khối \{\{#…\}\} lồng nhau quá 32 mức' "$T/w/sect.pdf" -- \
    render "$T/w/sect.md" -d "$VANBAN_SRC/samples/soctrang-2023/contest.xml"

# A partial or an attachment that is a symbolic link out of the template's
# folder printed that file (/etc/host.conf) into the PDF, exit 0.
mkdir -p "$T/outside" "$T/sl" && echo "bí mật" > "$T/outside/secret.txt"
ln -sf "$T/outside/secret.txt" "$T/sl/leak.md"
ln -sfn "$T/outside" "$T/sl/leakdir"
printf -- '---\ntitle: t\n---\n\nA.\n\n{{> leak}}\n' > "$T/sl/sl1.md"
expect 1 'sl1.md:7:1: lỗi: mẫu con "leak" là liên kết tới tệp ngoài thư mục của mẫu' "$T/w/sl1.pdf" -- \
    render "$T/sl/sl1.md" -o "$T/w/sl1.pdf"
printf -- '---\ntitle: t\n---\n\nA.\n\n{{> leakdir/secret.txt}}\n' > "$T/sl/sl2.md"
expect 1 'sl2.md:7:1: lỗi: mẫu con "leakdir/secret.txt" là liên kết tới tệp ngoài' "$T/w/sl2.pdf" -- \
    render "$T/sl/sl2.md" -o "$T/w/sl2.pdf"
printf -- '---\nframe: official\nten_loai: KẾ HOẠCH\nchuc_vu: GIÁM ĐỐC\nkem_theo: [leak.md]\n---\nNội dung./.\n' > "$T/sl/sl3.md"
expect 1 'sl3.md:5:12: lỗi: kem_theo: "leak.md" là liên kết tới tệp ngoài thư mục của mẫu' "$T/w/sl3.pdf" -- \
    render "$T/sl/sl3.md" -o "$T/w/sl3.pdf"

# Past `ulimit -f` the process died of SIGXFSZ (exit 153), no message, and
# left its ".g.pdf.tmp-PID" behind.
mkdir -p "$T/fsz"
set +e
(ulimit -f 10; "$VANBAN" render "$VANBAN_SRC/samples/gioi-thieu.md" -o "$T/fsz/g.pdf") 2> "$T/fsz.err"
rc=$?
set -e
check "a file-size limit: exit 3 with a message, no file left (exit $rc, $(cat "$T/fsz.err"))" \
    bash -c '[ "$1" -eq 3 ] && grep -q "lỗi: không ghi được tệp PDF" "$2" && [ -z "$(ls -A "$3")" ]' \
    _ "$rc" "$T/fsz.err" "$T/fsz"

# A partial that includes itself stops at 8 levels, with one message: named
# on four lines it gave 4^8 = 65,536 (ten lines: gigabytes of stderr).
printf -- '{{> fan}}\n{{> fan}}\n{{> fan}}\n{{> fan}}\n' > "$T/w/fan.md"
printf -- '---\ntitle: t\n---\n\nA.\n\n{{> fan}}\n' > "$T/w/fanmain.md"
expect 1 'fan.md:1:1: lỗi: mẫu con "fan" lồng quá 8 mức' "$T/w/fanmain.pdf" -- render "$T/w/fanmain.md"

# A font without the text's letters (a symbol font chosen by mistake) gave
# a message per run of text: a thousand lines, the same one up to 25 times.
# Each missing character once, five of them, then one line for the rest.
python3 -c "
cjk = ' '.join(chr(0x4E00 + k) for k in range(30))
print('---\ntitle: t\n---\n')
for p in range(10):
    print('Đoạn %d: %s.\n' % (p, cjk))
print('| a | b |\n|---|---|\n| %s | %s |' % (cjk[:5], cjk[:5]))
" > "$T/w/cjk-many.md"
set +e
"$VANBAN" render "$T/w/cjk-many.md" -o "$T/w/cjk-many.pdf" 2> "$T/cjk.err"
rc=$?
set -e
check "missing characters: five named once each, one line for the rest (exit $rc, $(wc -l < "$T/cjk.err") lines)" \
    bash -c '[ "$1" -eq 1 ] && [ "$(wc -l < "$2")" -eq 6 ] && [ "$(sort "$2" | uniq -d | wc -l)" -eq 0 ] &&
             tail -1 "$2" | grep -q "còn ký tự khác không có trong phông" && [ ! -e "$3" ]' \
    _ "$rc" "$T/cjk.err" "$T/w/cjk-many.pdf"

# A footnote taller than the page is split across pages: tests/e2e/footnote.sh.
# A footnote that fits a portrait page is printed whole on one (the limit
# was first taken from the page's width)
python3 -c "
print('---\ntitle: t\n---\n\nĐoạn có chú thích.[^1]\n\n[^1]: ' + 'chú thích rất dài ' * 420)
" > "$T/w/note300.md"
"$VANBAN" render "$T/w/note300.md" -o "$T/w/note300.pdf"
check "a footnote of 1,680 short words that fits a portrait page, every word printed" \
    bash -c '[ "$(pdftotext "$1" - | grep -o "chú thích rất dài" | wc -l)" -eq 420 ]' _ "$T/w/note300.pdf"
rm -f "$T/w/note300.pdf"

expect 3 "khong-ton-tai.md: lỗi: không mở được" "" -- render "$T/w/khong-ton-tai.md"
if [ "$(id -u)" != 0 ]; then
    printf 'x\n' > "$T/w/noread.md"; chmod 000 "$T/w/noread.md"
    expect 3 "noread.md: lỗi: không mở được" "" -- render "$T/w/noread.md"
fi
expect 3 "lỗi: không tạo được tệp kết quả" "" -- render "$T/w/ok.md" -o "$T/khong-co-thu-muc/x.pdf"
check "nothing created for the unwritable output" [ ! -e "$T/khong-co-thu-muc" ]

# A failure must not destroy an existing output either.
printf 'old' > "$T/w/keep.pdf"
printf 'Chữ 中.\n' > "$T/w/keep.md"
expect 1 "U\+4E2D" "" -- render "$T/w/keep.md" -o "$T/w/keep.pdf"
check "an existing output is left untouched on failure" [ "$(cat "$T/w/keep.pdf")" = old ]

# A template from standard input ("render -") was written to a file named
# "-.pdf" in the current folder: it needs -o (a file, or - for stdout).
mkdir -p "$T/stdin"
cd "$T/stdin"
expect 2 '^vanban render: lỗi: mẫu đọc từ đầu vào chuẩn \(-\) thì cần -o KẾT_QUẢ.pdf' "" -- render - < "$T/w/ok.md"
expect 2 'mẫu và dữ liệu \(-d\) không cùng đọc từ đầu vào chuẩn' "" -- render - -d - -o a.pdf < "$T/w/ok.md"
check "no file named -.pdf" [ -z "$(ls -A "$T/stdin")" ]
"$VANBAN" render - -o a.pdf < "$T/w/ok.md"
check "render - -o a.pdf writes a.pdf" [ "$(head -c 5 a.pdf)" = "%PDF-" ]
"$VANBAN" render - -o - < "$T/w/ok.md" > b.pdf
check "render - -o - writes the PDF to stdout" [ "$(head -c 5 b.pdf)" = "%PDF-" ]
check "and nothing else" [ "$(ls -A "$T/stdin" | tr '\n' ' ')" = "a.pdf b.pdf " ]
cd - > /dev/null
# Standard input is "(đầu vào chuẩn)" in every message, as normalize says
# it, with the line and column: a template read from it was "-:4:3" (a
# file named "-"), contest data "<stdin>:1:15".
mkdir -p "$T/in"
printf -- '---\ntitle: x\n---\nA {{bad(}} B\n' > "$T/in/xp.md"
expect 1 '^vanban: \(đầu vào chuẩn\):4:3: lỗi: biểu thức XPath "bad\(" không hợp lệ' "$T/in/x.pdf" -- \
    render - -d "$VANBAN_SRC/samples/soctrang-2023/contest.xml" -o "$T/in/x.pdf" < "$T/in/xp.md"
printf -- '---\ntitle: [x\n---\nA\n' > "$T/in/yaml.md"
expect 1 '^vanban: \(đầu vào chuẩn\):2:8: lỗi: phần đầu YAML không hợp lệ' "$T/in/x.pdf" -- \
    render - -o "$T/in/x.pdf" < "$T/in/yaml.md"
printf -- '---\nframe: certificate\neach: "//award["\n---\nX\n' > "$T/in/cert.md"
expect 1 '^vanban: \(đầu vào chuẩn\):3: lỗi: each: biểu thức XPath "//award\[" sai' "$T/in/x.pdf" -- \
    render - -d "$VANBAN_SRC/samples/soctrang-2023/contest.xml" -o "$T/in/x.pdf" \
    --register "$T/in/x.csv" < "$T/in/cert.md"
check "no register either" [ ! -e "$T/in/x.csv" ]
printf '<contest><bad></contest>\n' > "$T/in/bad.txt"
expect 1 '^vanban: \(đầu vào chuẩn\):1:15: lỗi: thẻ đóng </contest> không khớp' "" -- check - < "$T/in/bad.txt"
expect 1 '^vanban: \(đầu vào chuẩn\):1:15: lỗi: thẻ đóng </contest> không khớp' "$T/in/x.pdf" -- \
    render "$T/w/ok.md" -d - -o "$T/in/x.pdf" < "$T/in/bad.txt"
# /dev/zero (or any endless or huge input) as the template, the data or a
# text to normalize was read until memory ran out. 256 MB at most, then one
# message, exit 1. (Memory is capped, see lib.sh.)
big_input() { # big_input WHAT PATTERN -- args...
    local what=$1 pattern=$2; shift 3
    set +e; capped 3000000 "$VANBAN" "$@" > /dev/null 2> "$T/err"; local rc=$?; set -e
    check "$what: exit 1, one message (exit $rc, $(head -c 300 "$T/err"))" \
        bash -c '[ "$1" -eq 1 ] && [ "$(wc -l < "$2")" -eq 1 ] && grep -Eq -- "$3" "$2"' _ "$rc" "$T/err" "$pattern"
}
mkdir -p "$T/big"
big_input "render /dev/zero" '^vanban: /dev/zero: lỗi: tệp lớn hơn 256 MB, quá giới hạn của vanban' -- \
    render /dev/zero -o "$T/big/z.pdf"
big_input "render -d /dev/zero" '^vanban: /dev/zero: lỗi: tệp lớn hơn 256 MB' -- \
    render "$T/w/ok.md" -d /dev/zero -o "$T/big/z.pdf"
big_input "check /dev/zero" '^vanban: /dev/zero: lỗi: tệp lớn hơn 256 MB' -- check /dev/zero
big_input "normalize /dev/zero" '^vanban: /dev/zero: lỗi: tệp lớn hơn 256 MB' -- normalize /dev/zero
big_input "render - < /dev/zero" '^vanban: \(đầu vào chuẩn\): lỗi: dữ liệu lớn hơn 256 MB' -- \
    render - -o "$T/big/z.pdf" < /dev/zero
# A regular file over the limit is refused before it is read.
truncate -s 300M "$T/big/lon.md"
big_input "a 300 MB template" "lon.md: lỗi: tệp lớn hơn 256 MB" -- render "$T/big/lon.md" -o "$T/big/z.pdf"
check "nothing written for the big inputs" [ "$(ls -A "$T/big")" = lon.md ]
rm -f "$T/big/lon.md"
# Out of memory inside libxml2 (memory capped as above). A 100 MB data file
# fits, libxml2's own copy of it does not: libxml2 printed "internal buffer
# error : Memory allocation failed : growing buffer" four times, then the
# file was "tệp rỗng hoặc không phải XML" (exit 1). An XPath concat() of a
# 20 MB field eight times: libxml2 dropped what did not fit, and the PDF
# said 20000000 for 160000000, exit 0. Now both end as any lack of memory
# does in vanban: the one Vietnamese line, exit 3, nothing written. (Not
# under ASan, where `capped` does not cap.)
if [ "$VANBAN_ASAN" = 0 ]; then
    mkdir -p "$T/oom"
    { printf '<contest>'; head -c 100000000 /dev/zero | tr '\0' ' '; printf '</contest>\n'; } > "$T/oom/big.xml"
    set +e; capped 260000 "$VANBAN" check "$T/oom/big.xml" > /dev/null 2> "$T/err"; rc=$?; set -e
    check "libxml2 out of memory while parsing: exit 3, one Vietnamese line ($rc: $(head -c 300 "$T/err"))" \
        bash -c '[ "$1" = 3 ] && [ "$(cat "$2")" = "vanban: lỗi: hết bộ nhớ (out of memory)" ]' _ "$rc" "$T/err"
    rm -f "$T/oom/big.xml"
    python3 -c "
import sys
sys.stdout.write('---\ntitle: t\nx: \"' + 'a' * 20000000 + '\"\n---\nA {{string-length(concat(\$x,\$x,\$x,\$x,\$x,\$x,\$x,\$x))}} B\n')
" > "$T/oom/xp.md"
    set +e
    capped 280000 "$VANBAN" render "$T/oom/xp.md" -d "$VANBAN_SRC/samples/soctrang-2023/contest.xml" \
        -o "$T/oom/xp.pdf" 2> "$T/err"
    rc=$?
    set -e
    check "libxml2 out of memory in XPath: exit 3, one Vietnamese line ($rc: $(head -c 300 "$T/err"))" \
        bash -c '[ "$1" = 3 ] && [ "$(cat "$2")" = "vanban: lỗi: hết bộ nhớ (out of memory)" ]' _ "$rc" "$T/err"
    check "... and no PDF, no temporary file" [ "$(ls -A "$T/oom")" = xp.md ]
    rm -f "$T/oom/xp.md"
    # Out of memory inside libyaml: a front-matter value of 100 MB fits as
    # the template's text, libyaml's copy of it (grown to 128 MB) does not.
    # libyaml says so only by its error type, and the front matter was
    # "phần đầu YAML không hợp lệ: sai cú pháp (libyaml: ?)" at line 2,
    # exit 1. (The cap leaves 50 MB or more either way: at 175 MB the
    # template itself does not fit, at 315 MB libyaml's copy does.)
    python3 -c "
import sys
sys.stdout.write('---\ntitle: \"' + 'a' * 100000000 + '\"\n---\nA\n')
" > "$T/oom/yaml.md"
    set +e
    capped 250000 "$VANBAN" render "$T/oom/yaml.md" -o "$T/oom/yaml.pdf" 2> "$T/err"
    rc=$?
    set -e
    check "libyaml out of memory: exit 3, one Vietnamese line ($rc: $(head -c 300 "$T/err"))" \
        bash -c '[ "$1" = 3 ] && [ "$(cat "$2")" = "vanban: lỗi: hết bộ nhớ (out of memory)" ]' _ "$rc" "$T/err"
    check "... and no PDF, no temporary file" [ "$(ls -A "$T/oom")" = yaml.md ]
    rm -f "$T/oom/yaml.md"
fi
# An output name valid on Linux (up to 255 bytes) was refused as "tên tệp
# quá dài": the temporary file beside it added ".….tmp-PID". Names of 251
# ASCII bytes and of 253 bytes in three-byte letters (cut on a character
# boundary for the temporary file).
mkdir -p "$T/longname"
for name in "$(printf 'a%.0s' $(seq 247)).pdf" "$(printf 'ẳ%.0s' $(seq 83)).pdf"; do
    set +e; "$VANBAN" render "$T/w/ok.md" -o "$T/longname/$name" 2> "$T/err"; rc=$?; set -e
    check "-o a name of $(printf '%s' "$name" | wc -c) bytes (exit $rc, $(cat "$T/err"))" [ "$rc" -eq 0 ]
    check "... is that PDF, and nothing else" bash -c '[ "$(head -c 5 "$1/$2")" = "%PDF-" ] && [ "$(ls -A "$1" | wc -l)" -eq 1 ]' \
        _ "$T/longname" "$name"
    rm -f "$T/longname/$name"
done
expect 3 'tên tệp quá dài' "" -- render "$T/w/ok.md" -o "$T/longname/$(printf 'a%.0s' $(seq 252)).pdf"
# Standard output closed ("-o - >&-"): the system's English "Bad file
# descriptor". And a name for one of the process's descriptors (/dev/stdout,
# /dev/fd/1) was taken for a file: a temporary file beside it, renamed over
# the link (as root: /dev/stdout itself replaced by a file). The links here
# are the test's own, never /dev/stdout.
mkdir -p "$T/fd"
ln -s /proc/self/fd/1 "$T/fd/out"
set +e; "$VANBAN" render "$T/w/ok.md" -o - >&- 2> "$T/err"; rc=$?; set -e
check "-o - with stdout closed: exit 3, in Vietnamese ($rc: $(cat "$T/err"))" \
    bash -c '[ "$1" = 3 ] && [ "$(cat "$2")" = "vanban: (đầu ra chuẩn): lỗi: không ghi được kết quả: tệp hay đầu ra đã bị đóng" ]' _ "$rc" "$T/err"
# Standard output is "(đầu ra chuẩn)" in every message, as standard input
# is "(đầu vào chuẩn)": a write that failed on it was "vanban: -: lỗi: …"
# (read as a file named "-"), and a PDF too big for one buffer named
# nothing and gave no reason ("vanban: lỗi: không ghi được tệp PDF (không
# có tệp nào được tạo)", though no file was to be made).
stdout_fails() { # stdout_fails REDIRECT REASON -- args...
    local redirect=$1 reason=$2; shift 3
    set +e
    if [ "$redirect" = full ]; then "$VANBAN" "$@" > /dev/full 2> "$T/err"; else "$VANBAN" "$@" >&- 2> "$T/err"; fi
    local rc=$?
    set -e
    check "vanban $* with stdout $redirect: exit 3, one line naming standard output ($rc: $(cat "$T/err"))" \
        bash -c '[ "$1" = 3 ] && [ "$(wc -l < "$2")" -eq 1 ] && grep -Eq "^vanban: \(đầu ra chuẩn\): lỗi: không ghi được (kết quả|tệp PDF): $3$" "$2"' \
        _ "$rc" "$T/err" "$reason"
}
if [ -c /dev/full ]; then
    stdout_fails full "ổ đĩa đã đầy" -- render "$T/w/ok.md" -o -
    stdout_fails full "ổ đĩa đã đầy" -- calibrate -o -
    stdout_fails full "ổ đĩa đã đầy" -- normalize "$T/w/ok.md"
    stdout_fails full "ổ đĩa đã đầy" -- render "$VANBAN_SRC/templates/giay-khen.md" \
        -d "$VANBAN_SRC/samples/soctrang-2023/contest.xml" --only 1 -o - --register "$T/fd/so.csv"
    check "... and no register either" [ ! -e "$T/fd/so.csv" ]
fi
stdout_fails closed "tệp hay đầu ra đã bị đóng" -- calibrate -o -
stdout_fails closed "tệp hay đầu ra đã bị đóng" -- normalize "$T/w/ok.md"
expect 2 '^vanban: \(đầu ra chuẩn\): lỗi: sổ giấy khen \(--register\) phải là tệp khác tệp PDF \(-o\)$' "" -- \
    render "$VANBAN_SRC/templates/giay-khen.md" -d "$VANBAN_SRC/samples/soctrang-2023/contest.xml" \
    --only 1 -o - --register -
set +e; "$VANBAN" render "$T/w/ok.md" -o "$T/fd/out" >&- 2> "$T/err"; rc=$?; set -e
check "-o a link to /proc/self/fd/1 with stdout closed: exit 3, in Vietnamese ($rc: $(cat "$T/err"))" \
    bash -c '[ "$1" = 3 ] && [ "$(cat "$2")" = "vanban: $3: lỗi: không mở được để ghi: tệp hay đầu ra đã bị đóng" ]' _ "$rc" "$T/err" "$T/fd/out"
"$VANBAN" render "$T/w/ok.md" -o "$T/fd/out" > "$T/fd/a.pdf" || true
check "-o a link to /proc/self/fd/1: the PDF goes where stdout goes" [ "$(head -c 5 "$T/fd/a.pdf")" = "%PDF-" ]
check "... and the link is still a link" [ -L "$T/fd/out" ]
"$VANBAN" render "$T/w/ok.md" -o /dev/fd/1 > "$T/fd/b.pdf" || true
check "-o /dev/fd/1 writes to stdout" [ "$(head -c 5 "$T/fd/b.pdf")" = "%PDF-" ]
check "nothing else beside them" [ "$(ls -A "$T/fd" | tr '\n' ' ')" = "a.pdf b.pdf out " ]
# An output name that is a symbolic link is written through it, to the file
# it points to (created when not there yet, as `cat > link` does), and the
# link stays: it was replaced by a copy (live: the linked file kept the old
# document) or by a file (dangling), though the refusal to overwrite what
# is not a PDF already read through it. The temporary file goes beside the
# file linked to.
mkdir -p "$T/ln/here" "$T/ln/there"
printf '%%PDF-cũ' > "$T/ln/there/live.pdf"
ln -s ../there/live.pdf "$T/ln/here/live.pdf"
ln -s ../there/new.pdf "$T/ln/here/dangling.pdf"
ln -s dangling.pdf "$T/ln/here/chain.pdf"
for name in live dangling; do
    "$VANBAN" render "$T/w/ok.md" -o "$T/ln/here/$name.pdf"
    check "-o a $name link: still that link" [ -L "$T/ln/here/$name.pdf" ]
done
check "... the live link's file holds the new PDF" bash -c '[ "$(head -c 5 "$1")" = "%PDF-" ] && pdftotext "$1" - | grep -q "Xin chào"' _ "$T/ln/there/live.pdf"
check "... the dangling link's file is created" bash -c 'pdftotext "$1" - | grep -q "Xin chào"' _ "$T/ln/there/new.pdf"
rm -f "$T/ln/there/new.pdf"
"$VANBAN" render "$T/w/ok.md" -o "$T/ln/here/chain.pdf"
check "... a chain of links is followed to its end" bash -c '[ -L "$1" ] && [ -L "$2" ] && [ -s "$3" ]' _ \
    "$T/ln/here/chain.pdf" "$T/ln/here/dangling.pdf" "$T/ln/there/new.pdf"
check "... and nothing else is left in either folder" \
    [ "$(ls -A "$T/ln/here" "$T/ln/there" | tr '\n' ' ')" = "$T/ln/here: chain.pdf dangling.pdf live.pdf  $T/ln/there: live.pdf new.pdf " ]
# A link to a folder that is not there, a loop: one message, nothing made.
ln -s ../khong-co/x.pdf "$T/ln/here/nowhere.pdf"
expect 3 "nowhere.pdf: lỗi: là liên kết tới \"$T/ln/here/../khong-co/x.pdf\"; không tạo được tệp đó: không có tệp hay thư mục này$" "" -- \
    render "$T/w/ok.md" -o "$T/ln/here/nowhere.pdf"
ln -s loop2.pdf "$T/ln/here/loop1.pdf"
ln -s loop1.pdf "$T/ln/here/loop2.pdf"
expect 3 "loop1.pdf: lỗi: không ghi được theo liên kết tượng trưng: quá nhiều liên kết tượng trưng nối nhau$" "" -- \
    render "$T/w/ok.md" -o "$T/ln/here/loop1.pdf"
check "the links are left as they were, and nothing added" \
    bash -c '[ -L "$1/nowhere.pdf" ] && [ -L "$1/loop1.pdf" ] && [ -L "$1/loop2.pdf" ] && [ ! -e "$1/../khong-co" ] &&
             [ "$(ls -A "$1" | wc -l)" -eq 6 ]' _ "$T/ln/here"
# Two outputs of one run, a certificate PDF and its register, that a link
# makes one file: "-o gk.pdf --register so.csv" with so.csv a link to
# gk.pdf not written yet (or the other way round) was let through, as the
# names differ; both were written through, the register replaced the PDF,
# exit 0. So was a --split register linked to a certificate's file. Now
# refused as for two equal names, nothing written, the links kept.
mkdir -p "$T/ln/two"
GK=("$VANBAN_SRC/templates/giay-khen.md" -d "$VANBAN_SRC/samples/soctrang-2023/contest.xml" --only 1)
ln -s gk.pdf "$T/ln/two/so.csv"
expect 2 "so.csv: lỗi: sổ giấy khen \(--register\) phải là tệp khác tệp PDF \(-o\)$" "" -- \
    render "${GK[@]}" -o "$T/ln/two/gk.pdf" --register "$T/ln/two/so.csv"
check "... no PDF through the register's link" [ ! -e "$T/ln/two/gk.pdf" ]
rm -f "$T/ln/two/so.csv" "$T/ln/two/gk.pdf"
ln -s so.csv "$T/ln/two/gk.pdf"
expect 2 "so.csv: lỗi: sổ giấy khen \(--register\) phải là tệp khác tệp PDF \(-o\)$" "" -- \
    render "${GK[@]}" -o "$T/ln/two/gk.pdf" --register "$T/ln/two/so.csv"
check "... no register where the PDF's link points" [ ! -e "$T/ln/two/so.csv" ]
rm -f "$T/ln/two/gk.pdf" "$T/ln/two/so.csv"
ln -s ../two/lo/so-giao-duc-va-dao-tao.pdf "$T/ln/two/so.csv"
expect 2 "so.csv: lỗi: sổ giấy khen \(--register\) trùng tên với giấy khen của Sở Giáo dục và Đào tạo" "" -- \
    render "${GK[@]}" --split "$T/ln/two/lo" --register "$T/ln/two/so.csv"
check "... nothing written, the link kept" \
    bash -c '[ "$(ls -A "$1")" = so.csv ] && [ -L "$1/so.csv" ]' _ "$T/ln/two"
# A link another user left in a shared folder (sticky, writable by all,
# as /tmp) is not followed, as the kernel's fs.protected_symlinks does not
# follow it for open(2): nothing written, the link kept. (Only root can
# give the link to another user.)
if [ "$(id -u)" = 0 ] && id nobody > /dev/null 2>&1; then
    mkdir -m 1777 "$T/ln/shared"
    ln -s ../there/victim.pdf "$T/ln/shared/out.pdf"
    chown -h nobody "$T/ln/shared/out.pdf"
    expect 2 "out.pdf: lỗi: là liên kết tượng trưng của người dùng khác trong thư mục dùng chung; vanban không ghi theo nó" "" -- \
        render "$T/w/ok.md" -o "$T/ln/shared/out.pdf"
    check "... nothing written through it" bash -c '[ ! -e "$1/there/victim.pdf" ] && [ -L "$1/shared/out.pdf" ] && [ "$(ls -A "$1/shared")" = out.pdf ]' _ "$T/ln"
fi
# A FONTCONFIG_FILE fontconfig cannot read: its own English lines, then one
# Vietnamese line saying what they mean, then the missing font.
printf 'không phải XML\n' > "$T/junk.conf"
set +e; FONTCONFIG_FILE="$T/junk.conf" "$VANBAN" render "$T/w/ok.md" --font-family "Khong Co Phong" -o "$T/fd/c.pdf" 2> "$T/err"; rc=$?; set -e
check "a damaged FONTCONFIG_FILE: a Vietnamese line explains fontconfig's ($rc: $(tr '\n' '|' < "$T/err"))" \
    bash -c '[ "$1" = 1 ] && [ "$(grep -c "^vanban: " "$2")" -eq 2 ] &&
             grep -q "^vanban: $3: cảnh báo: fontconfig không đọc được tệp cấu hình phông (FONTCONFIG_FILE)" "$2" &&
             grep -q "^vanban: lỗi: không tìm thấy phông \"Khong Co Phong\"" "$2" && [ ! -e "$4" ]' _ "$rc" "$T/err" "$T/junk.conf" "$T/fd/c.pdf"
set +e; "$VANBAN" render "$T/w/ok.md" --font-family "Khong Co Phong" -o "$T/fd/c.pdf" 2> "$T/err"; set -e
check "... and no such line when the configuration is read" [ "$(wc -l < "$T/err")" -eq 1 ]
expect 2 "cần đúng một tệp" "" -- render
expect 2 "không có tùy chọn" "" -- render --khong-co "$T/w/ok.md"
# After a --set, every usage error leaked the list of --set (LeakSanitizer
# turned exit 2 into 1 in the sanitizer build).
expect 2 "không có tùy chọn" "" -- render --set a=b --khong-co "$T/w/ok.md"
expect 2 "cần đúng một tệp Markdown" "" -- render --set a=b
expect 2 "không có lệnh" "" -- khongco
set +e; "$VANBAN" > /dev/null 2>&1; rc=$?; set -e
check "no arguments: usage, exit 2" [ "$rc" -eq 2 ]
finish
