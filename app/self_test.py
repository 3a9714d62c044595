"""``hojo --self-test``: check an installed (frozen) client end to end, without a display.

Help desks and CI run it after building or installing; it never touches the user's data
folder (everything goes to a temporary folder) and needs no server. Each check adds one
entry to a JSON report printed on stdout (and written to ``--json FILE``, which is how the
Windows build reads it: the GUI executable has no console). Exit code 0 when every check
passed, 1 otherwise.

Checks: the Qt platform (``offscreen`` unless ``QT_QPA_PLATFORM`` says otherwise) and the
plugins a Linux desktop needs (xcb, input methods); a real window of the client, shown
offscreen; the Korean Qt catalogue and the client's English catalogue; Qt's accessibility
interface of that window; a PDF with an embedded Hangul TrueType font when reportlab is
bundled; the SQLite cache (created, migrated, read back); the bundled demo server (started,
healthy, stopped); the keyring backends; the effective server address and its source.
"""

from __future__ import annotations

import importlib
import json
import os
import platform
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

SELF_TEST_FLAG = "--self-test"

Check = Callable[[Path], dict[str, Any]]


def _frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


def _qt_basics(_tmp: Path) -> dict[str, Any]:
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import QLibraryInfo, qVersion
    from PySide6.QtGui import QGuiApplication

    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    found: dict[str, Any] = {
        "qt": qVersion(),
        "pyside6": pyside_version,
        "platform": QGuiApplication.platformName(),
        "plugins_dir": str(plugins),
    }
    if sys.platform.startswith("linux"):
        platforms = sorted(p.name for p in (plugins / "platforms").glob("*"))
        contexts = sorted(p.name for p in (plugins / "platforminputcontexts").glob("*"))
        found["platform_plugins"] = platforms
        found["input_contexts"] = contexts
        missing = [
            name
            for name, pool in (
                ("libqxcb", platforms),
                ("libqoffscreen", platforms),
                ("ibus", contexts),
                ("compose", contexts),
            )
            if not any(name in p for p in pool)
        ]
        if missing:
            raise RuntimeError(f"Qt plugins missing: {missing}")
    return found


def _window_and_accessibility(_tmp: Path) -> dict[str, Any]:
    from PySide6.QtGui import QAccessible
    from PySide6.QtWidgets import QApplication

    import app.views.main_window.window  # noqa: F401  (the whole main window imports)
    from app.views.main_window.startup import StartupWindow

    window = StartupWindow(demo=True)
    window.show()
    QApplication.processEvents()
    iface = QAccessible.queryAccessibleInterface(window)
    if iface is None or not iface.isValid():
        raise RuntimeError("no valid QAccessibleInterface for the window")
    title = window.windowTitle()
    name = iface.text(QAccessible.Text.Name)
    children = iface.childCount()
    role = iface.role().name
    window.close()
    window.deleteLater()
    QApplication.processEvents()
    if not name or children < 1:
        raise RuntimeError(f"window not accessible: name={name!r} children={children}")
    return {"title": title, "a11y_name": name, "a11y_role": role, "a11y_children": children}


def _translations(_tmp: Path) -> dict[str, Any]:
    from PySide6.QtWidgets import QApplication

    from app.i18n import install_translators, remove_translators, tr

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    found: dict[str, Any] = {}
    ko = install_translators(app, "ko")
    found["ko_qt_catalogue"] = QApplication.translate("QPlatformTheme", "Cancel")
    remove_translators(app, ko)
    en = install_translators(app, "en")
    found["en_sample"] = tr("시작하는 중")
    remove_translators(app, en)
    if found["ko_qt_catalogue"] == "Cancel":
        raise RuntimeError("qtbase_ko.qm loaded but does not translate 'Cancel'")
    if found["en_sample"] == "시작하는 중":
        raise RuntimeError("hojo_en.qm loaded but does not translate '시작하는 중'")
    return found


def _pdf(tmp: Path) -> dict[str, Any]:
    try:
        importlib.import_module("reportlab")
    except ImportError:
        return {"skipped": "reportlab is not bundled"}
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    font_name, font_path = _hangul_font(pdfmetrics, TTFont)
    out = tmp / "self-test.pdf"
    pdf = canvas.Canvas(str(out))
    pdf.setFont(font_name, 14)
    pdf.drawString(72, 720, "호조 데스크 자가 진단 — 세출예산 1,234천원")
    pdf.save()
    data = out.read_bytes()
    if not data.startswith(b"%PDF") or b"FontFile2" not in data:
        raise RuntimeError("the PDF has no embedded TrueType font")
    return {"pdf_bytes": len(data), "font": font_name, "font_file": str(font_path)}


def _hangul_font(pdfmetrics: Any, ttfont: Any) -> tuple[str, Path]:
    """The reports' own font lookup when present (app.services.reports.fonts), else NanumGothic."""
    try:
        fonts: Any = importlib.import_module("app.services.reports.fonts")
    except ImportError:
        fonts = None
    if fonts is not None:
        registered = fonts.register_font()
        return str(registered.regular), Path(registered.path)
    override = os.environ.get("HOJO_REPORT_FONT", "")
    candidates = [Path(override)] if override else []
    candidates += [
        Path("/usr/share/fonts/truetype/nanum/NanumGothic.ttf"),
        Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts" / "malgun.ttf",
    ]
    for path in candidates:
        if path.is_file():
            pdfmetrics.registerFont(ttfont("HojoSelfTest", str(path)))
            return "HojoSelfTest", path
    raise RuntimeError("no embeddable Hangul TrueType font (install fonts-nanum)")


def _cache(tmp: Path) -> dict[str, Any]:
    from app.services.cache.database import CacheDatabase

    db = CacheDatabase.in_data_dir(tmp / "data")
    try:
        with db.begin() as conn:
            tables = [
                row[0]
                for row in conn.exec_driver_sql(
                    "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name"
                )
            ]
        version = db.pragma("user_version")
        journal = db.pragma("journal_mode")
    finally:
        db.close()
    if not tables:
        raise RuntimeError("the cache has no tables after migration")
    return {"tables": len(tables), "user_version": version, "journal_mode": journal}


def _demo_server(tmp: Path) -> dict[str, Any]:
    from app.services.demo_server import DemoServer, server_command

    started = time.monotonic()
    with DemoServer() as server:
        conn = server.start(tmp / "data")
        seconds = round(time.monotonic() - started, 2)
        import httpx

        health = httpx.get(conn.url + "/api/v1/health", timeout=10).status_code
    return {
        "command": Path(server_command()[0]).name,
        "start_seconds": seconds,
        "health_status": health,
    }


def _keyring(_tmp: Path) -> dict[str, Any]:
    from importlib.metadata import entry_points

    import keyring

    names = sorted(ep.name for ep in entry_points(group="keyring.backends"))
    return {"backend": type(keyring.get_keyring()).__name__, "entry_points": names}


def _configuration(_tmp: Path) -> dict[str, Any]:
    from app.config import Config

    config = Config.load()
    origin = config.origin("server_url")
    return {
        "server_url": config.text("server_url"),
        "server_url_source": origin.kind.value,
        "server_url_location": origin.location,
        "problems": list(config.problems),
    }


CHECKS: list[tuple[str, Check]] = [
    ("qt", _qt_basics),
    ("window", _window_and_accessibility),
    ("translations", _translations),
    ("pdf", _pdf),
    ("cache", _cache),
    ("demo_server", _demo_server),
    ("keyring", _keyring),
    ("configuration", _configuration),
]


def run(skip: set[str] | None = None) -> dict[str, Any]:
    """Run every check; the report says what passed, what failed and why."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName("Hojo Desk")
    importlib.import_module("app.application")  # every import of the client resolves
    report: dict[str, Any] = {
        "ok": True,
        "frozen": _frozen(),
        "executable": sys.executable,
        "python": platform.python_version(),
        "system": platform.platform(),
        "checks": {},
    }
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="hojo-self-test-") as folder:
        tmp = Path(folder)
        for name, check in CHECKS:
            if skip and name in skip:
                report["checks"][name] = {"ok": True, "skipped": "--skip"}
                continue
            t0 = time.monotonic()
            try:
                entry = {"ok": True, **check(tmp)}
            except Exception as error:  # noqa: BLE001  (the report says what failed)
                entry = {
                    "ok": False,
                    "error": f"{type(error).__name__}: {error}",
                    "trace": traceback.format_exc(limit=4),
                }
                report["ok"] = False
            entry["seconds"] = round(time.monotonic() - t0, 3)
            report["checks"][name] = entry
    report["seconds"] = round(time.monotonic() - started, 3)
    return report


def main(argv: list[str]) -> int:
    """``hojo --self-test [--json FILE] [--skip CHECK,...]``."""
    json_out = _option(argv, "--json")
    skip = set(filter(None, (_option(argv, "--skip") or "").split(",")))
    report = run(skip)
    text = json.dumps(report, ensure_ascii=False, indent=2)
    if json_out:
        Path(json_out).write_text(text + "\n", encoding="utf-8")
    stream = sys.stdout
    if stream is not None:  # a Windows GUI executable has no stdout
        with_encoding = getattr(stream, "reconfigure", None)
        if with_encoding is not None:
            with_encoding(encoding="utf-8", errors="replace")
        stream.write(text + "\n")
        stream.flush()
    return 0 if report["ok"] else 1


def _option(argv: list[str], name: str) -> str | None:
    for i, arg in enumerate(argv):
        if arg == name and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith(name + "="):
            return arg.split("=", 1)[1]
    return None
