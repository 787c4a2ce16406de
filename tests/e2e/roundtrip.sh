#!/usr/bin/env bash
# Every toned Vietnamese letter and đ/Đ, in the four faces, from NFC and from
# NFD input, must come back exactly from three independent text extractors.
. "$(dirname "$0")/lib.sh"

letters=$(python3 "$TOOLS/vn_letters.py")
count=$(python3 -c 'import sys; print(len(sys.argv[1].split()))' "$letters")
check "the alphabet under test has the 134 marked letters (got $count)" [ "$count" -eq 134 ]

for form in NFC NFD; do
    python3 - "$form" "$letters" > "$T/$form.md" <<'PY'
import sys, unicodedata
form, letters = sys.argv[1], sys.argv[2]
out = []
for mark in ("", "**", "*", "***"):
    out.append(mark + letters + mark + "\n")
sys.stdout.write(unicodedata.normalize(form, "\n".join(out)))
PY
    "$VANBAN" render "$T/$form.md" -o "$T/$form.pdf"
    expected=$(printf '%s %s %s %s' "$letters" "$letters" "$letters" "$letters")

    # -raw: the letters stand alone one space apart, and poppler's physical
    # layout mode takes evenly spaced single letters for letter-spaced text
    # and joins them; real prose is checked in that mode by document.sh.
    got=$(flat_text -raw "$T/$form.pdf")
    check "$form: pdftotext gives back every letter exactly" [ "$got" = "$expected" ]

    got=$(mutool draw -q -F txt -o - "$T/$form.pdf" 2>/dev/null | flat)
    check "$form: mutool gives back every letter exactly" [ "$got" = "$expected" ]

    gs -q -dNOPAUSE -dBATCH -sDEVICE=txtwrite -sOutputFile="$T/$form.gs.txt" "$T/$form.pdf" 2>/dev/null
    got=$(flat < "$T/$form.gs.txt")
    check "$form: Ghostscript txtwrite gives back every letter exactly" [ "$got" = "$expected" ]

    warn=$(pdftotext "$T/$form.pdf" /dev/null 2>&1 || true)
    check "$form: poppler prints no warning ($warn)" [ -z "$warn" ]

    check "$form: qpdf --check is clean" qpdf --check "$T/$form.pdf" >/dev/null
done

check "NFC and NFD input give byte-identical PDFs" cmp -s "$T/NFC.pdf" "$T/NFD.pdf"

fonts=$(pdffonts "$T/NFC.pdf" | tail -n +3)
n=$(echo "$fonts" | wc -l)
check "four faces used, four fonts in the PDF (got $n)" [ "$n" -eq 4 ]
check "every font embedded, subset, with a ToUnicode map" \
    bash -c 'echo "$1" | awk "\$(NF-4) != \"yes\" || \$(NF-3) != \"yes\" || \$(NF-2) != \"yes\" { bad = 1 } END { exit bad }"' _ "$fonts"
for face in LiberationSerif LiberationSerif-Bold LiberationSerif-Italic LiberationSerif-BoldItalic; do
    check "font $face present" bash -c "echo \"\$1\" | grep -Eq '^[A-Z]{6}\\+$face[ ,]'" _ "$fonts"
done
finish
