#!/bin/sh
# make demo: renders every sample Markdown document into OUTDIR.
set -eu
VANBAN=${1:-build/vanban}
OUTDIR=${2:-out}
mkdir -p "$OUTDIR"
status=0
for md in samples/*.md; do
  [ -e "$md" ] || continue
  name=$(basename "$md" .md)
  if "$VANBAN" render "$md" -o "$OUTDIR/$name.pdf"; then
    echo "  $OUTDIR/$name.pdf"
  else
    status=1
  fi
done
exit $status
