#!/bin/bash
# The streaming load (load_stream.c) and the XML output formatted while
# loading (xml_stream.c) are only a faster way to the same result: for every
# contest fixture and sample, and for variants of stream-shapes.xml that the
# streaming path must hand over to the whole tree (text beside the entries of
# a list, no encoding declared, another encoding), `check` and the three
# outputs of `results` must give the same bytes, messages and exit code as
# with VANBAN_CONTEST_TREE=1, which loads the whole tree as before.
set -u
: "${VANBAN:?}" "${VANBAN_SRC:?}" "${VANBAN_TEST_DATA:?}"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail=0

shapes="$VANBAN_TEST_DATA/contest/stream-shapes.xml"
sed 's|<units>|<units>\&#32;|' "$shapes" >"$tmp/text-in-list.xml"
sed 's| encoding="UTF-8"||' "$shapes" >"$tmp/no-encoding.xml"
sed 's|encoding="UTF-8"|encoding="utf-8"|' "$shapes" >"$tmp/lower-encoding.xml"
sed 's|encoding="UTF-8"|encoding="ISO-8859-1"|' "$shapes" >"$tmp/latin1.xml"
sed 's|$|\r|' "$shapes" >"$tmp/crlf.xml"
# Converted to UTF-8 before either load (src/data/source.c).
sed 's|encoding="UTF-8"|encoding="UTF-16"|' "$shapes" | iconv -f UTF-8 -t UTF-16 >"$tmp/utf16.xml"
sed 's|encoding="UTF-8"|encoding="windows-1258"|' "$shapes" | iconv -f UTF-8 -t CP1258 >"$tmp/cp1258.xml"
tr -d '\n' <"$shapes" >"$tmp/one-line.xml"
sed 's|<people/>|<people>\n  </people>|' "$shapes" >"$tmp/blank-list.xml"

n=0
for f in "$VANBAN_TEST_DATA"/contest/*.xml "$VANBAN_SRC"/samples/*/contest.xml "$tmp"/*.xml; do
    for cmd in "check" "results" "results --format csv" "results --format xml"; do
        n=$((n + 1))
        # shellcheck disable=SC2086 # $cmd is a command and its options
        "$VANBAN" $cmd "$f" >"$tmp/s.out" 2>"$tmp/s.err"; s=$?
        # shellcheck disable=SC2086
        VANBAN_CONTEST_TREE=1 "$VANBAN" $cmd "$f" >"$tmp/t.out" 2>"$tmp/t.err"; t=$?
        if [ $s -ne $t ] || ! cmp -s "$tmp/s.out" "$tmp/t.out" || ! cmp -s "$tmp/s.err" "$tmp/t.err"; then
            echo "FAIL: vanban $cmd $(basename "$f"): streaming and whole tree differ (exit $s / $t)"
            diff "$tmp/t.err" "$tmp/s.err" | head -5
            diff "$tmp/t.out" "$tmp/s.out" | head -10
            fail=1
        fi
    done
done

# The shapes themselves, in the output: the earlier <results> is replaced,
# comments stay where they were, the NFD name comes out NFC.
"$VANBAN" results --format xml "$shapes" >"$tmp/r.xml" 2>/dev/null || { echo "FAIL: results on stream-shapes.xml"; fail=1; }
x() { xmllint --xpath "$1" "$tmp/r.xml" 2>/dev/null; }
if [ "$(x 'count(/contest/results)')" != 1 ] || [ "$(x 'count(//results/@generated)')" != 0 ]; then
    echo "FAIL: the earlier <results> was not replaced"; fail=1
fi
if [ "$(x 'count(/contest/units/comment())')" != 2 ] || [ "$(x 'count(/contest/submissions/comment())')" != 1 ]; then
    echo "FAIL: comments inside the lists were lost"; fail=1
fi
[ "$(x 'string(/contest/results/unit[@ref="u2"]/@name)')" = "Ủy ban nhân dân huyện Thạnh Trị" ] \
    || { echo "FAIL: the NFD unit name was not normalized"; fail=1; }
[ $n -gt 100 ] || { echo "FAIL: only $n comparisons"; fail=1; }
exit $fail
