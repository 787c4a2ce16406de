#!/usr/bin/env bash
# Data prints exactly as it is wherever a template puts it. A value with
# Markdown's characters (* _ [ ] | \ `) was escaped with backslashes, which
# CommonMark reads in running text but not in a code span, a code block or
# an autolink: there "a*b" printed as "a\*b", and a backtick in the data
# closed the code span around it. Checked in the text of the real PDF.
. "$(dirname "$0")/lib.sh"

V='a*b_[c]|d\e`f``g'
python3 -c 'import sys; print(open(sys.argv[1]).read().replace("Hội thi thử", sys.argv[2]), end="")' \
    "$VANBAN_TEST_DATA/contest/base.xml" "$V" > "$T/c.xml"
grep -qF "<title>$V</title>" "$T/c.xml" || { echo "not ok - the data holds the value"; exit 1; }
cat > "$T/t.md" <<'MD'
---
frame: plain
---
Đoạn: {{/contest/title}} hết.

Mã: `{{/contest/title}}` hết.

Mã đôi: ``{{/contest/title}}`` hết.

| Cột A | Cột B |
|---|---|
| `{{/contest/title}}` | {{/contest/title}} |

Liên kết: [{{/contest/title}}](https://x.vn/{{/contest/title}}) hết.

Địa chỉ: <https://x.vn/{{/contest/title}}> hết.

```
khối {{/contest/title}}
```

{{/contest/title}}
MD
"$VANBAN" render "$T/t.md" -d "$T/c.xml" -o "$T/t.pdf"
text=$(pdftotext -layout -enc UTF-8 "$T/t.pdf" -)
echo "$text" | sed 's/^/# /'
has() { grep -qF -- "$1" <<< "$text"; }
check "a paragraph" has "Đoạn: $V hết."
check "a code span" has "Mã: $V hết."
check "a code span between double backticks" has "Mã đôi: $V hết."
# the row: the two cells side by side, nothing else on the line
row() { grep -E -- '^ *[^ ]+ {2,}[^ ]+ *$' <<< "$text" | tr -s ' ' | sed 's/^ //; s/ $//'; }
check "a code span and plain text in table cells" grep -qxF -- "$V $V" <<< "$(row)"
check "link text" has "Liên kết: $V hết."
check "an autolink" has "Địa chỉ: https://x.vn/$V hết."
check "a code block" has "khối $V"
check "a line of its own is a paragraph, not a list or heading" \
    grep -qxF -- "$V" <<< "$(sed 's/^ *//' <<< "$text")"
check "no backslash added anywhere" bash -c '! grep -qF "\\*" <<< "$1"' _ "$text"
qpdf --qdf --object-streams=disable "$T/t.pdf" "$T/t.qdf"
check "the link's address" grep -aqF "/URI (https://x.vn/a*b_[c]|d\\\\e\`f\`\`g)" "$T/t.qdf"

# A value inside a template's HTML comment does not close the comment: a
# title "a --> b" in a "<!-- vanban: lỗi: … -->" stop is the stop's message,
# not "text after the comment" blamed on the template.
python3 -c 'import sys; print(open(sys.argv[1]).read().replace("Hội thi thử", "a --> b"), end="")' \
    "$VANBAN_TEST_DATA/contest/base.xml" > "$T/arrow.xml"
printf -- '---\nframe: plain\n---\n<!-- ghi chú: {{/contest/title}} -->\n\nĐoạn.\n' > "$T/comment.md"
check "a value in a comment: the comment stays a comment" \
    "$VANBAN" render "$T/comment.md" -d "$T/arrow.xml" -o "$T/comment.pdf"
printf -- '---\nframe: plain\n---\n<!-- vanban: lỗi: dừng ở {{/contest/title}} -->\n' > "$T/stop.md"
"$VANBAN" render "$T/stop.md" -d "$T/arrow.xml" -o "$T/stop.pdf" 2> "$T/stop.err" || true
check "a value in a stop: its message, with the value" grep -qF 'dừng ở a --> b' "$T/stop.err"
check "… and no 'text after the comment'" bash -c '! grep -q "bị bỏ qua" "$1"' _ "$T/stop.err"
# The template's own text holding a placeholder's characters (U+FDD0, a
# number, U+FDD1) is not replaced by a value: it used to print the title
# there, exit 0; now the character is one the font cannot print.
printf -- '---\nframe: plain\n---\nTrước: \357\267\2200\357\267\221 giữa {{/contest/title}} hết.\n' > "$T/nonchar.md"
rc=0
"$VANBAN" render "$T/nonchar.md" -d "$VANBAN_TEST_DATA/contest/base.xml" -o "$T/nonchar.pdf" 2> "$T/nonchar.err" || rc=$?
check "U+FDD0 in the template is an error, not a value" test "$rc" -ne 0
check "… named as a character" grep -q 'U+FDD0' "$T/nonchar.err"
check "… and no PDF" test ! -e "$T/nonchar.pdf"
finish
