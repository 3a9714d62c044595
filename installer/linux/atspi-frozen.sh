#!/usr/bin/env bash
# Read the FROZEN client over AT-SPI, the way Orca does (CI installer stage).
#   installer/linux/atspi-frozen.sh BUNDLE_DIR
# Runs inside the team's a11y session (tools/a11y/with_a11y_session.sh: Xvfb, private D-Bus,
# xcb, QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1) and reads the app with the team's probe
# (tools/a11y/atspi_probe.py, Debian python3-pyatspi). The frozen hojo starts in demo mode,
# so this also proves the bundled hojo-server starts from the bundle.
set -euo pipefail
BUNDLE=$(cd "${1:?usage: atspi-frozen.sh BUNDLE_DIR}" && pwd)
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
if [ -z "${QT_LINUX_ACCESSIBILITY_ALWAYS_ON:-}" ]; then
    exec bash "$ROOT/tools/a11y/with_a11y_session.sh" bash "${BASH_SOURCE[0]}" "$BUNDLE"
fi
T=$(mktemp -d "${TMPDIR:-/tmp}/hojo-atspi.XXXXXX")
APP=""
cleanup() { rc=$?; if [ -n "$APP" ]; then kill "$APP" 2>/dev/null || true; wait "$APP" 2>/dev/null || true; fi; rm -rf "$T"; exit $rc; }
trap cleanup EXIT
start=$(date +%s%N)
env -u QT_QPA_PLATFORM QT_QPA_PLATFORM=xcb HOJO_DATA_DIR="$T/data" LANG=C.UTF-8 LC_ALL=C.UTF-8 \
    "$BUNDLE/hojo" > "$T/hojo.log" 2>&1 < /dev/null &
APP=$!
PROBE="$ROOT/tools/a11y/atspi_probe.py"
# first wait until the main window and its first page are on the bus, then read the whole tree
if ! /usr/bin/python3 "$PROBE" --app "Hojo Desk" --timeout 60 --step waitid:mainWindow \
        --step waitid:budgetPage > "$T/wait.json" 2> "$T/probe.err" ||
   ! /usr/bin/python3 "$PROBE" --app "Hojo Desk" --timeout 20 > "$T/tree.json" 2>> "$T/probe.err"; then
    echo "[atspi-frozen] probe failed:" >&2; cat "$T/probe.err" "$T/hojo.log" >&2; exit 1
fi
ms=$(( ($(date +%s%N) - start) / 1000000 ))
/usr/bin/python3 - "$T/tree.json" "$ms" <<'PYEOF'
import json, sys
tree = json.load(open(sys.argv[1]))
texts = []
def walk(x):
    if isinstance(x, dict):
        for v in x.values(): walk(v)
    elif isinstance(x, list):
        for v in x: walk(v)
    elif isinstance(x, str):
        texts.append(x)
walk(tree)
blob = "\n".join(texts)
need = ["mainWindow", "budgetPage", "데모", "문제 신고/진단"]
missing = [n for n in need if n not in blob]
nodes = []
def collect(x):
    if isinstance(x, dict):
        if "role" in x:
            nodes.append(x)
        for v in x.values(): collect(v)
    elif isinstance(x, list):
        for v in x: collect(v)
collect(tree.get("tree"))
roles = sorted({n["role"] for n in nodes})
print(f"[atspi-frozen] frozen hojo on AT-SPI with its demo server in {int(sys.argv[2]) / 1000:.1f} s: "
      f"{len(nodes)} accessible objects ({len(roles)} roles)")
if missing:
    print(f"[atspi-frozen] MISSING in the accessibility tree: {missing}", file=sys.stderr)
    sys.exit(1)
print("[atspi-frozen] OK: main window, 예산편성 page, demo title and 문제 신고/진단 command are exposed")
PYEOF
