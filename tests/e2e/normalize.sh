#!/bin/bash
# vanban normalize end to end: stdin and files, -o, --from, --tone, -v,
# exit codes 0 (ok), 1 (bad input), 2 (bad usage).
set -u
: "${VANBAN:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
fail() { echo "FAIL: $*" >&2; fails=$((fails + 1)); }

expect_out() { # name, expected stdout, command...
    local name=$1 want=$2
    shift 2
    local got rc
    got=$("$@" 2>"$tmp/err"); rc=$?
    [ "$rc" = 0 ] || fail "$name: exit $rc ($(cat "$tmp/err"))"
    [ "$got" = "$want" ] || fail "$name: got '$got', want '$want'"
}

expect_rc() { # name, expected exit code, command...
    local name=$1 want=$2
    shift 2
    "$@" >"$tmp/out" 2>"$tmp/err"
    local rc=$?
    [ "$rc" = "$want" ] || fail "$name: exit $rc, want $want ($(cat "$tmp/err"))"
}

want='Cộng hòa xã hội chủ nghĩa Việt Nam'

# stdin, every encoding, auto-detected and named
expect_out "utf-8 stdin" "$want" sh -c "printf '%s\n' '$want' | \"$VANBAN\" normalize"
for enc in CP1258 VISCII TCVN5712-1; do
    printf '%s\n' "$want" | iconv -t "$enc" >"$tmp/in.$enc"
    expect_out "auto $enc" "$want" "$VANBAN" normalize "$tmp/in.$enc"
done
expect_out "named cp1258" "$want" "$VANBAN" normalize --from cp1258 "$tmp/in.CP1258"
expect_out "named viscii" "$want" "$VANBAN" normalize --from=viscii "$tmp/in.VISCII"
printf 'C\xe9ng h\xdfa x\xb7 h\xe9i ch\xf1 ngh\xdca Vi\xd6t Nam\n' >"$tmp/tcvn3.txt"
expect_out "auto tcvn3" "$want" "$VANBAN" normalize "$tmp/tcvn3.txt"
expect_out "named tcvn3" "$want" "$VANBAN" normalize --from tcvn3 "$tmp/tcvn3.txt"
printf 'Co\xe4ng ho\xf8a xa\xf5 ho\xe4i chu\xfb ngh\xf3a Vie\xe4t Nam\n' >"$tmp/vni.txt"
expect_out "auto vni" "$want" "$VANBAN" normalize "$tmp/vni.txt"
expect_out "named viqr" "$want" sh -c "printf 'Co^.ng ho\`a xa~ ho^.i chu? nghi~a Vie^.t Nam\n' | \"$VANBAN\" normalize --from viqr"
printf '%s\n' "$want" | iconv -t UTF-16 >"$tmp/utf16.txt"
expect_out "utf-16 with BOM" "$want" "$VANBAN" normalize "$tmp/utf16.txt"

# mojibake: TCVN3 bytes shown as Windows-1252 and saved as UTF-8
iconv -f CP1252 -t UTF-8 "$tmp/tcvn3.txt" >"$tmp/moji.txt"
expect_out "mojibake" "$want" "$VANBAN" normalize "$tmp/moji.txt"

# tone styles
expect_out "classic" "Hòa khỏe thủy quý" sh -c "echo 'Hoà khoẻ thuỷ quý' | \"$VANBAN\" normalize"
expect_out "modern" "Hoà khoẻ thuỷ quý" sh -c "echo 'Hòa khỏe thủy quý' | \"$VANBAN\" normalize --tone modern"
expect_out "keep" "Hoà khỏe" sh -c "echo 'Hoà khỏe' | \"$VANBAN\" normalize --tone keep"

# several files in order, -o writes the file atomically
printf 'một\n' >"$tmp/a.txt"
printf 'hai\n' >"$tmp/b.txt"
expect_rc "-o" 0 "$VANBAN" normalize -o "$tmp/out.txt" "$tmp/a.txt" "$tmp/b.txt"
[ "$(cat "$tmp/out.txt")" = "$(printf 'một\nhai')" ] || fail "-o: wrong content"
[ -z "$(cat "$tmp/out")" ] || fail "-o: wrote to stdout too"

# -v says what was decided
"$VANBAN" normalize -v "$tmp/tcvn3.txt" >/dev/null 2>"$tmp/err"
grep -q "tcvn3" "$tmp/err" || fail "-v: no decision in: $(cat "$tmp/err")"

# bad input: exit 1 with line:col, and no output file
printf 'dòng một\nab\xffc\n' >"$tmp/bad.txt"
expect_rc "invalid utf-8" 1 "$VANBAN" normalize --from utf-8 -o "$tmp/bad.out" "$tmp/bad.txt"
grep -q "bad.txt:2:3:" "$tmp/err" || fail "invalid byte: no line:col in: $(cat "$tmp/err")"
[ ! -e "$tmp/bad.out" ] || fail "invalid input left an output file"
expect_rc "missing file" 3 "$VANBAN" normalize "$tmp/none.txt"

# bad usage: exit 2
expect_rc "unknown encoding" 2 "$VANBAN" normalize --from latin9
expect_rc "unknown tone" 2 "$VANBAN" normalize --tone new
expect_rc "unknown option" 2 "$VANBAN" normalize --frob
expect_rc "-o without value" 2 "$VANBAN" normalize -o

# --from auto judges a legacy file by its lines that have letters beyond
# ASCII: a list whose first 300 KB are ASCII rows, names after, was read as
# CP1258 ("NguyÔn Thþ ¸nh TuyÕt").
awk 'BEGIN { for (i = 0; i < 12000; i++) printf "%d,HS%05d,8.5,7.25,9.0\n", i, i }' > "$tmp/big.csv"
printf '12001,Nguy\xd4n Th\xde \xb8nh Tuy\xd5t\n' >> "$tmp/big.csv"
expect_out "a late TCVN3 line after 300 KB of ASCII" "12001,Nguyễn Thị ánh Tuyết" \
    sh -c "\"$VANBAN\" normalize '$tmp/big.csv' | tail -1"

# A compressed or binary file was "decoded" as VISCII or CP1258 and written
# out as garbage full of control bytes, exit 0.
printf '\037\213\010\000abc\033[0m\010x\n' > "$tmp/bin.gz"
rm -f "$tmp/bin.txt"
if "$VANBAN" normalize "$tmp/bin.gz" -o "$tmp/bin.txt" 2> "$tmp/bin.err"; then
    echo "FAIL: a binary file was normalized" >&2; fails=$((fails + 1))
elif ! grep -q 'bin.gz:1:[0-9]*: lỗi: ký tự điều khiển 0x[0-9A-F]*: đây không phải tệp văn bản' "$tmp/bin.err" ||
     [ -e "$tmp/bin.txt" ]; then
    echo "FAIL: a binary file: $(cat "$tmp/bin.err")" >&2; fails=$((fails + 1))
fi

# … but a DOS file padded with Ctrl-Z, or Word's optional hyphen (0x1F) in
# its text export, is text: both are dropped.
printf 'Dòng một\r\nDòng hai\r\n\032\032\032' > "$tmp/dos.txt"
printf 'Mục lục\037 tự động\n' > "$tmp/hyphen.txt"
expect_out "a DOS file padded with Ctrl-Z" "$(printf 'Dòng một\nDòng hai')" "$VANBAN" normalize "$tmp/dos.txt"
expect_out "Word's optional hyphen dropped" "Mục lục tự động" "$VANBAN" normalize "$tmp/hyphen.txt"

# --output, as the man page lists it, was "tùy chọn không hợp lệ": the same
# as -o, in both forms; a second output or an empty name is refused.
for form in "--output $tmp/out1.txt" "--output=$tmp/out1.txt" "-o $tmp/out1.txt"; do
    rm -f "$tmp/out1.txt"
    # shellcheck disable=SC2086 # $form is the option and its value
    expect_rc "normalize $form" 0 "$VANBAN" normalize $form "$tmp/tcvn3.txt"
    [ "$(cat "$tmp/out1.txt" 2>/dev/null)" = "$want" ] || fail "normalize $form: the file holds '$(cat "$tmp/out1.txt" 2>/dev/null)'"
done
expect_rc "two outputs" 2 "$VANBAN" normalize -o "$tmp/o2a.txt" --output "$tmp/o2b.txt" "$tmp/tcvn3.txt"
grep -q 'chỉ được ghi một lần' "$tmp/err" || fail "two outputs: $(cat "$tmp/err")"
[ ! -e "$tmp/o2a.txt" ] && [ ! -e "$tmp/o2b.txt" ] || fail "two outputs: a file was written"
expect_rc "an empty output name" 2 "$VANBAN" normalize --output= "$tmp/tcvn3.txt"

[ "$fails" = 0 ] || { echo "$fails failure(s)" >&2; exit 1; }
echo "normalize: ok"
