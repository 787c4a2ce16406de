#!/bin/sh
# make demo: renders every sample Markdown document, and every template with
# the sample contest it was written for, into OUTDIR.
set -eu
VANBAN=${1:-build/vanban}
OUTDIR=${2:-out}
mkdir -p "$OUTDIR"
status=0
render() { # render OUT.pdf ARGS...
  out=$1; shift
  if "$VANBAN" render "$@" -o "$OUTDIR/$out"; then
    echo "  $OUTDIR/$out"
  else
    status=1
  fi
}
for md in samples/*.md; do
  [ -e "$md" ] || continue
  render "$(basename "$md" .md).pdf" "$md"
done
# Templates (templates/*.md) and the data each one is made for.
render to-chuc-hoi-thi.pdf templates/to-chuc-hoi-thi.md -d samples/soctrang-2023/contest.xml
render bao-cao-ket-qua.pdf templates/bao-cao-ket-qua.md -d samples/soctrang-2023/contest.xml
render tham-gia-hoi-thi.pdf templates/tham-gia-hoi-thi.md -d samples/soctrang-2023/contest.xml \
  --set don_vi=syt
render cuoc-thi-video.pdf templates/cuoc-thi-video.md -d samples/chauthanh-2024-video/contest.xml
render thi-dua.pdf templates/thi-dua.md -d samples/kiengiang-2022-thi-dua/contest.xml
# Certificates: one page per award; the register (sổ giấy khen) is written beside.
render giay-khen.pdf templates/giay-khen.md -d samples/soctrang-2023/contest.xml &&
  echo "  $OUTDIR/giay-khen.csv"
exit $status
