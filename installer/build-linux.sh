#!/usr/bin/env bash
# Build and check the Linux bundle and the .deb of Hojo Desk (Debian 12 x86_64 build host).
#
#   installer/build-linux.sh OUTDIR
#
# Afterwards OUTDIR holds only hojo_<version>_amd64.deb and the one-folder bundle hojo/
# (executables hojo/hojo and hojo/hojo-server). Work files and the build venv go to $WORK
# (default ${TMPDIR:-/tmp}/hojo-build), never into OUTDIR or the checkout.
#
# Steps: build venv (pyproject dependencies + installer/requirements-build.txt), icons,
# PyInstaller (installer/hojo.spec), frozen `hojo --self-test`, size limit, system-library
# check (fails when the bundle needs a system package that is not declared, or a library
# does not resolve, or the glibc floor rises), .deb assembly, desktop-file-validate.
#
# Environment:
#   VERSION=1.2.3        package version (default: pyproject.toml [project].version)
#   WORK=DIR             work folder (venv, PyInstaller work, .deb tree)
#   DEB_COMPRESS=zstd    dpkg-deb compressor (default xz: smaller, ~75 s; zstd: ~2 s, CI)
#   INSTALL_TEST=1       also install the .deb here with a preseeded server address,
#                        upgrade it over a local conffile edit and purge it (root; changes
#                        this machine). Nothing is installed on the build machine otherwise.
#   MAX_BUNDLE_MB=180    size limit of the bundle
#   GLIBC_MAX=2.36       the highest glibc symbol version the bundle may need
#   SKIP_BUILD=1         reuse the bundle already in OUTDIR/hojo (package and test only)
#   BUILD_VENV=DIR       the build venv (default $WORK/venv); rebuilt whenever pyproject's
#                        dependencies, requirements-build.txt or the Python change
set -euo pipefail

OUTDIR=${1:?usage: installer/build-linux.sh OUTDIR}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
mkdir -p "$OUTDIR"
OUTDIR=$(cd "$OUTDIR" && pwd)
WORK=${WORK:-${TMPDIR:-/tmp}/hojo-build}
mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd)
case "$WORK/" in "$OUTDIR"/*) echo "WORK must not be inside OUTDIR" >&2; exit 2 ;; esac
PY=${PYTHON:-python3}
VERSION=${VERSION:-$("$PY" -c 'import tomllib,sys; print(tomllib.load(open(sys.argv[1],"rb"))["project"]["version"])' "$ROOT/pyproject.toml")}
MAX_BUNDLE_MB=${MAX_BUNDLE_MB:-180}
GLIBC_MAX=${GLIBC_MAX:-2.36}
DIST=$OUTDIR/hojo
DEB=$OUTDIR/hojo_${VERSION}_amd64.deb
VENV=${BUILD_VENV:-$WORK/venv}
export LANG=C.UTF-8 LC_ALL=C.UTF-8 PIP_DISABLE_PIP_VERSION_CHECK=1

log() { printf '\n[build-linux] == %s (%s)\n' "$*" "$(date +%T)"; }
T_ALL=$SECONDS; T0=$SECONDS
lap() { echo "[build-linux]    $1: $((SECONDS - T0)) s"; echo "$1 $((SECONDS - T0))" >> "$WORK/timings.txt"; T0=$SECONDS; }
: > "$WORK/timings.txt"

if [ "${SKIP_BUILD:-0}" != 1 ]; then
    log "build venv ($VENV)"
    REQS=$("$PY" -c 'import tomllib,sys; print("\n".join(tomllib.load(open(sys.argv[1],"rb"))["project"]["dependencies"]))' "$ROOT/pyproject.toml")
    STAMP=$( (echo "$REQS"; cat "$HERE/requirements-build.txt"; "$PY" -VV) | sha256sum | cut -c1-16)
    if [ "$(cat "$VENV/.hojo-build-stamp" 2>/dev/null)" != "$STAMP" ]; then
        rm -rf "$VENV"
        "$PY" -m venv "$VENV"
        echo "$REQS" > "$WORK/requirements-app.txt"
        "$VENV/bin/pip" install -q -r "$WORK/requirements-app.txt" -r "$HERE/requirements-build.txt" \
            > "$WORK/pip.log" 2>&1 || { grep -v '^WARNING: Location' "$WORK/pip.log" | tail -30; exit 1; }
        echo "$STAMP" > "$VENV/.hojo-build-stamp"
    fi
    "$VENV/bin/python" -c 'import PySide6; assert PySide6.__version__ == "6.11.3", PySide6.__version__'
    lap venv

    log "icons"
    "$VENV/bin/python" "$HERE/assets/make_icons.py" "$WORK/icons"
    lap icons

    log "PyInstaller (one folder: hojo + hojo-server)"
    rm -rf "$DIST"
    HOJO_ICON_DIR="$WORK/icons" "$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
        --distpath "$OUTDIR" --workpath "$WORK/pyi-work" "$HERE/hojo.spec" > "$WORK/pyinstaller.log" 2>&1 ||
        { tail -40 "$WORK/pyinstaller.log"; exit 1; }
    lap pyinstaller
else
    [ -x "$DIST/hojo" ] || { echo "SKIP_BUILD=1 but $DIST/hojo is missing" >&2; exit 1; }
    [ -f "$WORK/icons/hojo-256.png" ] || { echo "SKIP_BUILD=1 needs $WORK/icons" >&2; exit 1; }
fi
[ -x "$DIST/hojo" ] && [ -x "$DIST/hojo-server" ] || { echo "bundle lacks hojo or hojo-server" >&2; exit 1; }

log "frozen self-test (offscreen, no display)"
SELFTEST_DATA=$(mktemp -d "$WORK/selftest.XXXXXX")
(cd "$SELFTEST_DATA" && env -u DISPLAY -u WAYLAND_DISPLAY HOJO_DATA_DIR="$SELFTEST_DATA" QT_QPA_PLATFORM=offscreen \
    "$DIST/hojo" --self-test --json "$WORK/selftest.json" > /dev/null 2> "$WORK/selftest.err") ||
    { cat "$WORK/selftest.json" "$WORK/selftest.err" 2>/dev/null; echo "self-test FAILED" >&2; exit 1; }
rm -rf "$SELFTEST_DATA"
"$PY" - "$WORK/selftest.json" <<'PYEOF'
import json, sys
r = json.load(open(sys.argv[1]))
c = r["checks"]
assert r["ok"] and r["frozen"], r
assert c["qt"]["platform"] == "offscreen" and c["qt"]["qt"] == "6.11.3", c["qt"]
assert c["demo_server"]["command"] == "hojo-server" and c["demo_server"]["health_status"] == 200
print("[build-linux]    self-test OK in %.1f s: qt %s, window %r, pdf %s, cache %s tables, "
      "demo server %.1f s" % (r["seconds"], c["qt"]["qt"], c["window"]["a11y_name"],
      c["pdf"].get("pdf_bytes", c["pdf"].get("skipped")), c["cache"]["tables"],
      c["demo_server"]["start_seconds"]))
PYEOF
lap selftest

log "bundle size and system libraries"
SIZE_MB=$(du -sm "$DIST" | cut -f1)
echo "[build-linux]    bundle: ${SIZE_MB} MB, $(find "$DIST" -type f | wc -l) files (limit ${MAX_BUNDLE_MB} MB)"
[ "$SIZE_MB" -le "$MAX_BUNDLE_MB" ] || { echo "bundle is ${SIZE_MB} MB > ${MAX_BUNDLE_MB} MB" >&2; exit 1; }
LIBP="$DIST/_internal:$DIST/_internal/PySide6/Qt/lib:$DIST/_internal/PySide6"
find "$DIST" -type f \( -name '*.so*' -o -name hojo -o -name hojo-server \) -print0 > "$WORK/elf.lst"
xargs -0 -n 40 env LD_LIBRARY_PATH="$LIBP" ldd < "$WORK/elf.lst" > "$WORK/ldd.txt" 2>/dev/null || true
if grep -q 'not found' "$WORK/ldd.txt"; then
    echo "ERROR: unresolved libraries (install them on the build host so they get bundled):" >&2
    grep 'not found' "$WORK/ldd.txt" | sort -u >&2; exit 1
fi
awk '/=> \// {print $3}' "$WORK/ldd.txt" | grep -v "^$DIST/" | sort -u > "$WORK/syslibs.txt"
PKGS=$(while read -r l; do dpkg -S "$(readlink -f "$l")" 2>/dev/null || dpkg -S "$l" 2>/dev/null || echo "UNOWNED:$l"; done < "$WORK/syslibs.txt" |
    cut -d: -f1 | sed 's/:amd64$//' | sort -u)
echo "[build-linux]    system packages the bundle uses: $(echo $PKGS)"
# PyInstaller leaves glibc, the GL/EGL dispatch libraries, libxcb and libwayland to the system
# (PyInstaller/depend/dylib.py); everything else is bundled. A new name here means the build
# host changed (PACKAGING.md pitfall P2): fail, look, then extend the list and Depends.
DECLARED="libc6 libxcb1 libgl1 libegl1 libglvnd0 libglx0 libwayland-client0 libwayland-cursor0 libwayland-egl1"
for p in $PKGS; do
    case " $DECLARED " in *" $p "*) ;; *) echo "ERROR: the bundle gained a system library from '$p' (not declared)" >&2; exit 1 ;; esac
done
GLIBC_MIN=$(xargs -0 objdump -T < "$WORK/elf.lst" 2>/dev/null | grep -o 'GLIBC_2\.[0-9]*' | sort -t. -k2,2n -u | tail -1 | cut -d_ -f2)
echo "[build-linux]    highest glibc symbol version needed: $GLIBC_MIN (limit $GLIBC_MAX)"
if [ "$(printf '%s\n%s\n' "$GLIBC_MIN" "$GLIBC_MAX" | sort -V | tail -1)" != "$GLIBC_MAX" ]; then
    echo "ERROR: the bundle needs glibc $GLIBC_MIN > $GLIBC_MAX (supported distributions change)" >&2; exit 1
fi
DEPENDS="libc6 (>= $GLIBC_MIN), libxcb1, libgl1, libegl1, libwayland-client0, libwayland-cursor0, libwayland-egl1"
lap deps

log "assemble .deb"
ROOTFS=$WORK/debroot
rm -rf "$ROOTFS"
mkdir -p "$ROOTFS/DEBIAN" "$ROOTFS/opt" "$ROOTFS/usr/bin" "$ROOTFS/usr/share/applications" \
    "$ROOTFS/etc/hojo/config.d" "$ROOTFS/usr/share/icons/hicolor/scalable/apps" "$ROOTFS/usr/share/doc/hojo"
cp -al "$DIST" "$ROOTFS/opt/hojo" 2>/dev/null || cp -a "$DIST" "$ROOTFS/opt/hojo"
ln -s /opt/hojo/hojo "$ROOTFS/usr/bin/hojo"
install -m 0644 "$HERE/linux/hojo.desktop" "$ROOTFS/usr/share/applications/hojo.desktop"
install -m 0644 "$HERE/assets/hojo.svg" "$ROOTFS/usr/share/icons/hicolor/scalable/apps/hojo.svg"
for s in 16 24 32 48 64 128 256; do
    install -D -m 0644 "$WORK/icons/hojo-$s.png" "$ROOTFS/usr/share/icons/hicolor/${s}x${s}/apps/hojo.png"
done
install -m 0644 "$HERE/linux/config.ini" "$ROOTFS/etc/hojo/config.ini"
for f in conffiles templates; do install -m 0644 "$HERE/linux/debian/$f" "$ROOTFS/DEBIAN/$f"; done
for f in config postinst postrm; do install -m 0755 "$HERE/linux/debian/$f" "$ROOTFS/DEBIAN/$f"; done
cat > "$ROOTFS/usr/share/doc/hojo/copyright" <<'CEOF'
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: hojo-desk
Files: *
Copyright: Hojo Desk team
License: proprietary
 Bundled under /opt/hojo/_internal with their own licences: Python (PSF), Qt 6 / PySide6
 (LGPL-3.0), SQLAlchemy, httpx, keyring, FastAPI, uvicorn, pydantic (MIT), reportlab (BSD),
 Pillow (MIT-CMU), cryptography (Apache-2.0/BSD), alembic (MIT), openpyxl (MIT).
CEOF
printf 'hojo (%s) stable; urgency=medium\n\n  * Build %s.\n\n -- Hojo Desk team <hojo-desk@example.go.kr>  %s\n' \
    "$VERSION" "$VERSION" "$(date -R -u -d "@${SOURCE_DATE_EPOCH:-$(date +%s)}")" | gzip -9n > "$ROOTFS/usr/share/doc/hojo/changelog.gz"
chmod -R u+rwX,go+rX,go-w "$ROOTFS"
INSTALLED_SIZE=$(du -sk --exclude=DEBIAN "$ROOTFS" | cut -f1)
sed -e "s/@VERSION@/$VERSION/" -e "s/@INSTALLED_SIZE@/$INSTALLED_SIZE/" -e "s/@DEPENDS@/$DEPENDS/" \
    "$HERE/linux/debian/control.in" > "$ROOTFS/DEBIAN/control"
(cd "$ROOTFS" && find . -path ./DEBIAN -prune -o -type f -print0 | sed -z 's|^\./||' | sort -z | xargs -0 md5sum) > "$ROOTFS/DEBIAN/md5sums"
rm -f "$OUTDIR"/hojo_*_amd64.deb
dpkg-deb --root-owner-group -Z"${DEB_COMPRESS:-xz}" --build "$ROOTFS" "$DEB" > /dev/null
echo "[build-linux]    $(basename "$DEB"): $(du -m "$DEB" | cut -f1) MB (${DEB_COMPRESS:-xz}), Installed-Size ${INSTALLED_SIZE} kB"
if command -v desktop-file-validate > /dev/null; then
    desktop-file-validate "$ROOTFS/usr/share/applications/hojo.desktop"
fi
lap deb

if [ "${INSTALL_TEST:-0}" = 1 ]; then
    bash "$HERE/linux/install-test.sh" "$DEB" "$ROOTFS" "$WORK"
    lap install-test
fi

# OUTDIR holds only the .deb and the bundle.
extra=$(cd "$OUTDIR" && ls -A | grep -v -x -e hojo -e "$(basename "$DEB")" || true)
[ -z "$extra" ] || { echo "ERROR: unexpected files in $OUTDIR: $extra" >&2; exit 1; }
echo
echo "[build-linux] done in $((SECONDS - T_ALL)) s: $DIST (${SIZE_MB} MB), $DEB"
