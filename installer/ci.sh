#!/usr/bin/env bash
# CI installer stage (.ci/run; `python3 dev.py installers` runs it too). Root, Debian 12.
#   installer/ci.sh
# 1. build the Linux bundle + .deb (zstd) with the frozen --self-test, size, library and glibc
#    gates, then install it with a preseeded server address, upgrade it over local edits and
#    purge it (INSTALL_TEST=1);
# 2. read the frozen app over AT-SPI under Xvfb (the team's a11y session + probe);
# 3. build the MSI from the same bundle with wixl and check its tables (msitools);
#    HOJO_WINE_TEST=1 adds the wine64 install/upgrade/downgrade/uninstall smoke test.
# One build serves every step. Output: $HOJO_CI_OUT (default: a temporary folder, removed).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
START=$SECONDS
say() { printf '[installers] %s (t=%ss)\n' "$*" "$((SECONDS - START))"; }
TMPBASE=$(mktemp -d "${TMPDIR:-/tmp}/hojo-ci.XXXXXX")
trap 'rm -rf "$TMPBASE"' EXIT
OUT=${HOJO_CI_OUT:-$TMPBASE/out}
export WORK=${WORK:-$TMPBASE/work}
# The build venv outlives the fresh clone (saves ~40 s per run); build-linux.sh rebuilds it when
# the dependencies or the Python change.
export BUILD_VENV=${BUILD_VENV:-/var/cache/hojo-build/venv}
mkdir -p "$(dirname "$BUILD_VENV")"

PKGS="msitools wixl gcab desktop-file-utils binutils dpkg-dev xvfb at-spi2-core python3-pyatspi gir1.2-atspi-2.0 python3-gi dbus"
[ "${HOJO_WINE_TEST:-0}" = 1 ] && PKGS="$PKGS wine64"
missing=$(dpkg-query -W -f='${Package} ${db:Status-Status}\n' $PKGS 2>/dev/null | awk '$2!="installed"{print $1}') || true
missing="$missing $(for p in $PKGS; do dpkg-query -W "$p" > /dev/null 2>&1 || echo "$p"; done)"
missing=$(echo $missing | tr ' ' '\n' | sort -u | xargs)
if [ -n "$missing" ]; then
    [ "$(id -u)" = 0 ] || { echo "installers stage needs: apt-get install $missing" >&2; exit 1; }
    say "apt-get install $missing"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing > /dev/null
fi

say "build-linux.sh (bundle, self-test, .deb, install/upgrade/purge)"
INSTALL_TEST=${INSTALL_TEST:-1} DEB_COMPRESS=${DEB_COMPRESS:-zstd} bash "$ROOT/installer/build-linux.sh" "$OUT"
say "frozen app over AT-SPI"
bash "$ROOT/installer/linux/atspi-frozen.sh" "$OUT/hojo"
say "MSI tables (wixl + msiinfo)"
bash "$ROOT/installer/windows/build-msi-wixl.sh" "$OUT/hojo"
if [ -f "$WORK/timings.txt" ]; then say "timings (s): $(tr '\n' ' ' < "$WORK/timings.txt")"; fi
say "installers stage passed in $((SECONDS - START)) s"
