# Shared helpers for the end-to-end tests: each test renders real PDFs with
# the real binary and inspects them with poppler, mupdf, Ghostscript and qpdf.
set -euo pipefail
: "${VANBAN:?set VANBAN to the vanban binary}"
: "${VANBAN_SRC:?set VANBAN_SRC to the source tree}"
TOOLS="$VANBAN_SRC/tests/tools"
T=$(mktemp -d "${TMPDIR:-/tmp}/vanban-e2e.XXXXXX")
trap 'rm -rf "$T"' EXIT
export SOURCE_DATE_EPOCH=1700000000
FAILS=0
PASSES=0

ok()   { PASSES=$((PASSES + 1)); echo "ok - $*"; }
bad()  { FAILS=$((FAILS + 1)); echo "not ok - $*"; }
# capped KB command...: runs the command with its memory capped, so that a
# runaway (a loop without end, input read without limit) fails instead of
# exhausting the machine; not under ASan, whose shadow memory needs more.
# (grep -q would end ldd with SIGPIPE, a failure under pipefail: counted.)
VANBAN_ASAN=$(ldd "$VANBAN" 2>/dev/null | grep -c libasan || true)
capped() {
    local kb=$1; shift
    if [ "$VANBAN_ASAN" != 0 ]; then "$@"; else (ulimit -v "$kb"; "$@"); fi
}
check() { # check "description" command...
    local what=$1; shift
    if "$@"; then ok "$what"; else bad "$what"; fi
}
finish() {
    echo "$PASSES passed, $FAILS failed"
    [ "$FAILS" -eq 0 ]
}
# Text of a PDF with all whitespace runs folded to one space.
flat_text() { pdftotext -enc UTF-8 "$@" - | tr -s ' \r\n\t\f' '     ' | sed 's/^ //; s/ $//'; }
flat() { tr -s ' \r\n\t\f' '     ' | sed 's/^ //; s/ $//'; }
