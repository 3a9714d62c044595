#!/usr/bin/env bash
# Validate installer/windows/hojo.wxs on Linux with msitools (wixl) and check the tables.
#   installer/windows/build-msi-wixl.sh [PAYLOAD_DIR]
# PAYLOAD_DIR: a PyInstaller one-folder bundle. On Linux CI it is the Linux bundle standing in
# for the Windows one (hojo, hojo-server renamed to .exe): the MSI then installs nothing
# runnable, but every table, the cabinet and the upgrade/property logic are exercised. The
# shipped MSI is built on Windows by build.ps1 (WiX: ICE validation, file versions).
# HOJO_WINE_TEST=1: also install / upgrade / repair / refuse a downgrade / uninstall with
# wine64's msiexec (Debian package wine64) - a smoke test, not a substitute for Windows.
# Work files go to $WORK/msi (default ${TMPDIR:-/tmp}/hojo-build/msi).
# Needs: msitools wixl gcab (Debian packages).
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
WORK=${WORK:-${TMPDIR:-/tmp}/hojo-build}
VERSION=${VERSION:-0.1.0}
UPGRADE_CODE="{B9250D50-9906-45F8-A8C1-8F0D93C6B6DC}"
M=$WORK/msi
SRC=${1:-$WORK/dist/hojo}
[ -d "$SRC" ] || { echo "no payload folder $SRC" >&2; exit 2; }
rm -rf "$M"; mkdir -p "$M/payload"
T0=$(date +%s%N)
# wixl only takes paths relative to the working folder: stage everything under $M.
cp -al "$SRC/." "$M/payload/" 2>/dev/null || cp -a "$SRC/." "$M/payload/"
find "$M/payload" -type l -delete   # PyInstaller's Linux symlinks; a Windows bundle has none
for exe in hojo hojo-server; do
    [ -f "$M/payload/$exe.exe" ] || mv "$M/payload/$exe" "$M/payload/$exe.exe"
done
ICO=${ICON:-$WORK/icons/hojo.ico}
cp "$ICO" "$M/hojo.ico"
cd "$M"
NFILES=$(find payload -type f | wc -l)
find payload -type f | LC_ALL=C sort | wixl-heat -p payload/ --var var.SourceDir \
    --component-group CG.Bundle --directory-ref INSTALLDIR --win64 > bundle.wxs

build() {  # $1 version, $2 output
    wixl -a x64 -D Wixl=1 -D Win64=yes -D SourceDir=payload -D IconFile=hojo.ico \
        -D Version="$1" -o "$2" "$HERE/hojo.wxs" bundle.wxs 2> wixl.err ||
        { grep -v GLib-GObject-WARNING wixl.err >&2; exit 1; }
    # wixl ignores Property/@Secure: mark the public properties secure afterwards.
    # wixl also ignores MajorUpgrade/@Schedule and sequences RemoveExistingProducts after
    # InstallFinalize; WiX puts it after InstallValidate (what hojo.wxs asks for: the old version
    # is removed first, so unversioned files - wixl leaves File.Version empty - never mix).
    msibuild "$2" -q "UPDATE \`InstallExecuteSequence\` SET \`Sequence\` = 1401 WHERE \`Action\` = 'RemoveExistingProducts'"
    msibuild "$2" -q "UPDATE \`Property\` SET \`Value\` = 'SERVER_URL;CMDLINE_SERVER_URL;WIX_DOWNGRADE_DETECTED;WIX_UPGRADE_DETECTED' WHERE \`Property\` = 'SecureCustomProperties'"
}
MSI=HojoDesk-$VERSION-x64.msi
build "$VERSION" "$MSI"
echo "[msi] wixl-heat + wixl + msibuild: $(( ($(date +%s%N) - T0) / 1000000 )) ms, $NFILES files, $(du -m "$MSI" | cut -f1) MB"

fail() { echo "[msi] CHECK FAILED: $*" >&2; exit 1; }
# msiinfo export prints CRLF, and grep -q on a pipe can SIGPIPE it (pitfall P12): use files.
export_table() { msiinfo export "$MSI" "$1" | tr -d '\r' > "$1.idt"; }
has() { export_table "$1"; grep -q -- "$2" "$1.idt"; }
prop() { export_table Property; awk -F'\t' -v k="$1" '$1==k {print $2}' Property.idt; }
[ "$(prop ALLUSERS)" = 1 ] || fail "ALLUSERS != 1 (not per-machine)"
[ "$(prop UpgradeCode)" = "$UPGRADE_CODE" ] || fail "UpgradeCode changed: $(prop UpgradeCode)"
[ "$(prop ProductVersion)" = "$VERSION" ] || fail "ProductVersion"
[[ "$(prop ProductCode)" =~ ^\{[0-9A-F-]{36}\}$ ]] || fail "ProductCode"
prop SecureCustomProperties | grep -q 'SERVER_URL;CMDLINE_SERVER_URL' || fail "SERVER_URL not secure"
msiinfo suminfo "$MSI" > suminfo.txt
grep -q '^Template: x64;' suminfo.txt || fail "not an x64 package"
has Upgrade WIX_UPGRADE_DETECTED || fail "no major-upgrade row"
has Upgrade WIX_DOWNGRADE_DETECTED || fail "no downgrade-detection row"
has LaunchCondition 'NOT WIX_DOWNGRADE_DETECTED' || fail "downgrades not refused"
has AppSearch SERVER_URL || fail "SERVER_URL not remembered (AppSearch)"
has RegLocator 'SOFTWARE\\Hojo\\Desk' || fail "remember-property search not on SOFTWARE\\Hojo\\Desk"
has Registry '\[SERVER_URL\]' || fail "SERVER_URL not written to the registry"
grep -P '\tSOFTWARE\\Hojo\\Desk\tserver_url\t\[SERVER_URL\]' Registry.idt > /dev/null || fail "registry value name is not server_url"
has CustomAction 'CMDLINE_SERVER_URL' || fail "command-line SERVER_URL not preserved"
export_table InstallExecuteSequence
for a in SaveCmdLineServerUrl AppSearch SetFromCmdLineServerUrl InstallValidate RemoveExistingProducts InstallFiles; do
    grep -q "^$a	" InstallExecuteSequence.idt || fail "InstallExecuteSequence lacks $a"
done
seq_of() { awk -F'\t' -v a="$1" '$1==a {print $3}' InstallExecuteSequence.idt; }
[ "$(seq_of SaveCmdLineServerUrl)" -lt "$(seq_of AppSearch)" ] && [ "$(seq_of AppSearch)" -lt "$(seq_of SetFromCmdLineServerUrl)" ] ||
    fail "command-line SERVER_URL actions not around AppSearch"
[ "$(seq_of RemoveExistingProducts)" -gt "$(seq_of InstallValidate)" ] && [ "$(seq_of RemoveExistingProducts)" -lt "$(seq_of InstallFiles)" ] ||
    fail "RemoveExistingProducts not between InstallValidate and InstallFiles"
has Shortcut 'hojo.exe\|INSTALLDIR' || fail "no Start-menu shortcut"
export_table Directory; grep -q 'ProgramMenuFolder' Directory.idt || fail "shortcut not in the Start menu"
export_table File
[ "$(tail -n +4 File.idt | grep -c .)" = "$NFILES" ] || fail "File table has $(tail -n +4 File.idt | grep -c .) rows, payload $NFILES files"
grep -qP '\thojo.exe\t' File.idt && grep -qP '\thojo-server.exe\t' File.idt || fail "hojo.exe / hojo-server.exe not in the File table"
rm -rf x && mkdir x && msiextract -C x "$MSI" > /dev/null
diff -r "x/Program Files/Hojo/Hojo Desk" payload > /dev/null 2>&1 || diff -r x/Hojo/"Hojo Desk" payload > /dev/null ||
    fail "extracted files differ from the payload"
echo "[msi] msiinfo/msiextract checks OK: per-machine x64, UpgradeCode $UPGRADE_CODE, major upgrade + downgrade refusal, SERVER_URL secure/remembered/written, Start-menu shortcut, $NFILES files identical after extraction"

if [ "${HOJO_WINE_TEST:-0}" = 1 ]; then
    W=$(command -v wine64 || echo /usr/lib/wine/wine64)
    [ -x "$W" ] || fail "HOJO_WINE_TEST=1 but wine64 is not installed"
    export WINEPREFIX=$M/wineprefix WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=" WINEARCH=win64
    build 99.0.0 up.msi
    KEY='HKLM\SOFTWARE\Hojo\Desk'
    regval() { "$W" reg query "$KEY" /v server_url 2>/dev/null | tr -d '\r' | awk '/server_url/ {print $3}'; }
    arp_count() { "$W" reg query 'HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall' /s 2>/dev/null | tr -d '\r' | grep -c 'DisplayName.*Hojo Desk' || true; }
    "$W" wineboot --init > /dev/null 2>&1 || true
    "$W" msiexec /i "$MSI" /qn SERVER_URL=https://hojo.example.invalid /l*v i1.log || fail "wine: install"
    [ "$(regval)" = https://hojo.example.invalid ] || fail "wine: server_url not written ($(regval))"
    [ -f "$WINEPREFIX/drive_c/Program Files/Hojo/Hojo Desk/hojo.exe" ] || fail "wine: files not in Program Files\\Hojo\\Hojo Desk"
    echo "[wine] install $VERSION with SERVER_URL: ok ($(find "$WINEPREFIX/drive_c/Program Files/Hojo/Hojo Desk" -type f | wc -l) files, server_url=$(regval))"
    # (Wine's msiexec does not take /fa; REINSTALL=ALL REINSTALLMODE=omus is the same repair.)
    "$W" msiexec /i "$MSI" REINSTALL=ALL REINSTALLMODE=omus /qn /l*v r1.log || fail "wine: repair"
    [ "$(regval)" = https://hojo.example.invalid ] || fail "wine: server_url lost on repair ($(regval))"
    echo "[wine] repair (REINSTALL=ALL) without SERVER_URL: server_url kept"
    "$W" msiexec /i up.msi /qn /l*v i2.log || fail "wine: upgrade"
    [ "$(regval)" = https://hojo.example.invalid ] || fail "wine: server_url lost on upgrade ($(regval))"
    [ "$(arp_count)" = 1 ] || fail "wine: $(arp_count) Hojo Desk entries after the upgrade"
    echo "[wine] upgrade to 99.0.0 without SERVER_URL: one product left, server_url kept"
    "$W" msiexec /i up.msi /qn SERVER_URL=https://new.example.invalid REINSTALL=ALL REINSTALLMODE=vomus /l*v i2b.log || fail "wine: reinstall with a new SERVER_URL"
    [ "$(regval)" = https://new.example.invalid ] || fail "wine: a SERVER_URL given on the command line did not win ($(regval))"
    echo "[wine] reinstall with SERVER_URL=https://new.example.invalid: command line wins over the remembered value"
    if "$W" msiexec /i "$MSI" /qn /l*v i3.log; then fail "wine: downgrade was allowed"; fi
    [ "$(arp_count)" = 1 ] || fail "wine: downgrade changed the installed products"
    echo "[wine] downgrade to $VERSION: refused"
    "$W" msiexec /x up.msi /qn /l*v u.log || fail "wine: uninstall"
    [ ! -e "$WINEPREFIX/drive_c/Program Files/Hojo/Hojo Desk/hojo.exe" ] || fail "wine: files left after uninstall"
    [ -z "$(regval)" ] || fail "wine: registry value left after uninstall"
    [ "$(arp_count)" = 0 ] || fail "wine: product still registered"
    echo "[wine] uninstall: files, registry value and ARP entry removed"
    "$(dirname "$W")/wineserver" -k 2>/dev/null || wineserver -k 2>/dev/null || true
fi
