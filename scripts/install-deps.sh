#!/bin/sh
# Installs the Debian packages vanban needs to build, test and render.
# As root it runs apt-get; otherwise it prints the exact command to run.
#   scripts/install-deps.sh        what `make build` and `make check` need
#   scripts/install-deps.sh fuzz   that, and clang with its libFuzzer runtime
#                                  (tests/fuzz/run.sh; CI runs it)
set -eu
PKGS="build-essential cmake pkg-config libhpdf-dev libcmark-gfm-dev libcmark-gfm-extensions-dev
libxml2-dev libutf8proc-dev libfontconfig-dev libyaml-dev libharfbuzz-dev libpng-dev libcmocka-dev
fonts-liberation2 poppler-utils qpdf mupdf-tools ghostscript valgrind libxml2-utils python3"
for extra in "$@"; do
  case $extra in
    fuzz) PKGS="$PKGS clang libclang-rt-dev" ;;
    *) echo "install-deps: unknown extra '$extra' (known: fuzz)" >&2; exit 2 ;;
  esac
done
missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ]; then
  echo "vanban: cài các gói còn thiếu / installing missing packages:$missing" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null || true
  # shellcheck disable=SC2086
  apt-get install -y -qq --no-install-recommends $missing >/dev/null
else
  echo "vanban: thiếu gói / missing packages. Chạy / run:" >&2
  echo "  sudo apt-get install --no-install-recommends$missing" >&2
  exit 1
fi
