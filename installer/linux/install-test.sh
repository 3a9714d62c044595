#!/usr/bin/env bash
# Install / upgrade / purge test of the .deb on THIS machine (root; called by build-linux.sh
# when INSTALL_TEST=1, and by CI):
#   install-test.sh PACKAGE.deb DEBROOT WORK
# 1. preseed hojo/server_url with debconf-set-selections, install noninteractively, check the
#    installed client reads the address (frozen --self-test) and dpkg --verify;
# 2. edit the conffile /etc/hojo/config.ini and add a local drop-in, install a newer version
#    unattended: both kept, the address kept, the version changed;
# 3. purge: /opt/hojo, /etc/hojo, /usr/bin/hojo, desktop file, icons and debconf answers gone.
set -euo pipefail
DEB=$1; ROOTFS=$2; WORK=$3
URL=https://hojo.example.invalid
export DEBIAN_FRONTEND=noninteractive LANG=C.UTF-8
fail() { echo "[install-test] FAILED: $*" >&2; exit 1; }
say() { echo "[install-test] $*"; }
[ "$(id -u)" = 0 ] || fail "needs root"
VERSION=$(dpkg-deb -f "$DEB" Version)

selftest_url() {  # the server address the installed client resolves, and where it came from
    local d; d=$(mktemp -d)
    (cd "$d" && env -u DISPLAY HOJO_DATA_DIR="$d" QT_QPA_PLATFORM=offscreen hojo --self-test \
        --skip demo_server,pdf --json "$d/r.json" > /dev/null 2>&1) || { cat "$d/r.json"; fail "installed self-test"; }
    python3 -c 'import json,sys; c=json.load(open(sys.argv[1]))["checks"]["configuration"]; print(c["server_url"], c["server_url_location"])' "$d/r.json"
    rm -rf "$d"
}

if dpkg-query -W hojo > /dev/null 2>&1; then dpkg -P hojo > /dev/null; fi
echo "hojo hojo/server_url string $URL" | debconf-set-selections
dpkg -i "$DEB" > "$WORK/dpkg-install.log" 2>&1 || { cat "$WORK/dpkg-install.log"; fail "dpkg -i"; }
got=$(selftest_url)
[ "$got" = "$URL /etc/hojo/config.d/50-debconf.ini" ] || fail "server address not preseeded: $got"
say "installed $VERSION; server address from debconf: $got"
dpkg --verify hojo || fail "dpkg --verify"
[ "$(readlink -f /usr/bin/hojo)" = /opt/hojo/hojo ] || fail "/usr/bin/hojo"
[ -f /usr/share/applications/hojo.desktop ] && [ -f /usr/share/icons/hicolor/48x48/apps/hojo.png ] || fail "desktop entry or icons"
[ -x /opt/hojo/hojo-server ] || fail "bundled server missing"

say "upgrade over local edits"
sed -i 's|^# language = ko|language = ko  # edited-by-admin|' /etc/hojo/config.ini
printf '[hojo]\nrequest_timeout_seconds = 60\n' > /etc/hojo/config.d/90-local.ini
UP_VERSION="${VERSION}+up1"
sed -i "s/^Version: .*/Version: $UP_VERSION/" "$ROOTFS/DEBIAN/control"
dpkg-deb --root-owner-group -Zzstd --build "$ROOTFS" "$WORK/hojo_up.deb" > /dev/null
sed -i "s/^Version: .*/Version: $VERSION/" "$ROOTFS/DEBIAN/control"
dpkg -i --force-confdef --force-confold "$WORK/hojo_up.deb" > "$WORK/dpkg-upgrade.log" 2>&1 || { cat "$WORK/dpkg-upgrade.log"; fail "upgrade"; }
rm -f "$WORK/hojo_up.deb"
[ "$(dpkg-query -W -f='${Version}' hojo)" = "$UP_VERSION" ] || fail "version after upgrade"
grep -q edited-by-admin /etc/hojo/config.ini || fail "local conffile edit lost"
[ -f /etc/hojo/config.d/90-local.ini ] || fail "local drop-in lost"
got=$(selftest_url)
[ "$got" = "$URL /etc/hojo/config.d/50-debconf.ini" ] || fail "server address lost on upgrade: $got"
say "upgraded to $UP_VERSION: conffile edit, 90-local.ini and server address kept"

say "purge"
dpkg -P hojo > "$WORK/dpkg-purge.log" 2>&1 || { cat "$WORK/dpkg-purge.log"; fail "purge"; }
left=$(ls -d /opt/hojo /etc/hojo /usr/bin/hojo /usr/share/applications/hojo.desktop \
    /usr/share/icons/hicolor/*/apps/hojo.* /usr/share/doc/hojo 2>/dev/null || true)
[ -z "$left" ] || fail "left behind after purge: $left"
if debconf-show hojo 2>/dev/null | grep -q server_url; then fail "debconf answers not purged"; fi
dpkg-query -W hojo > /dev/null 2>&1 && fail "package still known to dpkg"
say "install / upgrade / purge OK"
