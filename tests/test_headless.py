"""domain/ and server/ import without PySide6 (the client's toolkit stays in app/)."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent

# Runs in a fresh interpreter: a meta-path finder refuses PySide6 (and shiboken6), then every
# module under domain/ and server/ is imported; the result is printed as JSON. Alembic's env.py
# runs only inside `alembic` (it reads alembic.context at import), so it is left to lint-imports.
PROBE = textwrap.dedent(
    """
    import importlib, json, pkgutil, sys, traceback

    BLOCKED = ("PySide6", "shiboken6")
    NOT_IMPORTABLE = (".migrations.env",)
    attempts = []

    class BlockQt:
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in BLOCKED:
                attempts.append(name)
                raise ModuleNotFoundError(f"blocked in the headless test: {name}", name=name)
            return None

    sys.meta_path.insert(0, BlockQt())
    imported, errors = [], {}

    def on_error(name):
        errors[name] = traceback.format_exc()

    for package_name in ("domain", "server"):
        package = importlib.import_module(package_name)
        imported.append(package_name)
        for info in pkgutil.walk_packages(package.__path__, package_name + ".", onerror=on_error):
            if info.name.endswith(NOT_IMPORTABLE):
                continue
            try:
                importlib.import_module(info.name)
                imported.append(info.name)
            except Exception:
                errors[info.name] = traceback.format_exc()

    qt_loaded = sorted(m for m in sys.modules if m.split(".")[0] in BLOCKED)
    print(json.dumps({"imported": imported, "errors": errors,
                      "attempts": attempts, "qt_loaded": qt_loaded}))
    """
)


def test_domain_and_server_import_without_pyside6() -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=PROJECT_ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert "domain" in report["imported"] and "server" in report["imported"]
    assert report["attempts"] == [], f"modules tried to import Qt: {report['attempts']}"
    assert report["qt_loaded"] == []
    assert report["errors"] == {}, "\n".join(
        f"{name}:\n{trace}" for name, trace in report["errors"].items()
    )
