"""Quality gates in the test suite: import contracts (import-linter), ruff and mypy.

The import-linter tests always run: they are how the suite enforces the layering rules
(STYLE.md §4.2). The ruff and mypy tests are `slow` and are skipped when
HOJO_SKIP_GATES_IN_PYTEST=1, which `dev.py test` sets because it runs those gates itself.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

PROJECT_ROOT = Path(__file__).resolve().parent.parent
BIN_DIR = Path(sys.executable).parent
SKIP_GATES = os.environ.get("HOJO_SKIP_GATES_IN_PYTEST") == "1"
skip_if_gates_ran = pytest.mark.skipif(
    SKIP_GATES, reason="dev.py runs ruff and mypy itself (HOJO_SKIP_GATES_IN_PYTEST=1)"
)


def tool(name: str) -> str:
    """A console script installed beside this interpreter (the venv's bin/)."""
    path = BIN_DIR / name
    if not path.exists():
        pytest.fail(f"{name} is not installed beside {sys.executable}: pip install -e '.[dev]'")
    return str(path)


def run(cmd: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        cmd, cwd=cwd, capture_output=True, text=True, env={**os.environ, **env}, check=False
    )


def importlinter_config() -> dict[str, Any]:
    pyproject = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    config: dict[str, Any] = pyproject["tool"]["importlinter"]
    return config


def toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(item) for item in value) + "]"
    raise TypeError(f"unexpected value in [tool.importlinter]: {value!r}")


def importlinter_toml(config: dict[str, Any]) -> str:
    """The [tool.importlinter] tables as TOML text (tomllib only reads)."""
    lines = ["[tool.importlinter]"]
    lines += [f"{k} = {toml_value(v)}" for k, v in config.items() if k != "contracts"]
    for contract in config["contracts"]:
        lines += ["", "[[tool.importlinter.contracts]]"]
        lines += [f"{k} = {toml_value(v)}" for k, v in contract.items()]
    return "\n".join(lines) + "\n"


def make_tree(root: Path, domain_source: str) -> None:
    """A throwaway project with our contracts and an empty stub of every real module, so
    contracts that name submodules (app.services, app.models ...) find them."""
    (root / "pyproject.toml").write_text(importlinter_toml(importlinter_config()))
    for package in importlinter_config()["root_packages"]:
        for source in (PROJECT_ROOT / package).rglob("*.py"):
            stub = root / source.relative_to(PROJECT_ROOT)
            stub.parent.mkdir(parents=True, exist_ok=True)
            stub.write_text("")
    (root / "domain" / "money.py").write_text(domain_source)


def lint_imports_in(root: Path) -> subprocess.CompletedProcess[str]:
    # PYTHONPATH first, so the stub packages shadow the editable install of the real ones.
    return run([tool("lint-imports"), "--no-cache"], cwd=root, PYTHONPATH=str(root))


def test_import_contracts_are_kept() -> None:
    result = run([tool("lint-imports"), "--no-cache"], cwd=PROJECT_ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "broken" in result.stdout and " 0 broken" in result.stdout


def test_contracts_cover_the_layering_rules() -> None:
    contracts = {c["name"]: c for c in importlinter_config()["contracts"]}
    pure = next(c for c in contracts.values() if c["source_modules"] == ["domain"])
    for forbidden in ("PySide6", "sqlalchemy", "fastapi", "httpx", "keyring", "server", "app"):
        assert forbidden in pure["forbidden_modules"]
    sources = {tuple(c["source_modules"]) for c in contracts.values()}
    assert ("server",) in sources and ("app",) in sources


def test_contracts_pass_on_a_clean_stub_tree(tmp_path: Path) -> None:
    """Control for the next test: the same tree without the bad import is accepted."""
    make_tree(tmp_path, "import decimal\n")
    result = lint_imports_in(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_contracts_bite_when_domain_imports_sqlalchemy(tmp_path: Path) -> None:
    make_tree(tmp_path, "import sqlalchemy\n")
    result = lint_imports_in(tmp_path)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "BROKEN" in output and "domain.money -> sqlalchemy" in output, output


@pytest.mark.slow
@skip_if_gates_ran
def test_ruff_check_domain_and_server() -> None:
    result = run([tool("ruff"), "check", "domain", "server"], cwd=PROJECT_ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
@skip_if_gates_ran
def test_mypy_strict_domain_and_server() -> None:
    result = run([tool("mypy"), "domain", "server"], cwd=PROJECT_ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def _imported_modules(path: Path) -> set[str]:
    import ast

    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{a.name}" for a in node.names)
    return names


def test_item_models_use_qtcore_and_qtgui_only() -> None:
    """app.models are Qt item models (QtCore/QtGui), never widgets (STYLE.md §4.2); the
    import-linter cannot forbid one submodule of an external package, so this test does."""
    offenders = [
        f"{path.relative_to(PROJECT_ROOT)}: {name}"
        for path in sorted((PROJECT_ROOT / "app" / "models").rglob("*.py"))
        for name in sorted(_imported_modules(path))
        if name.startswith("PySide6.QtWidgets") or name == "PySide6.QtWidgets"
    ]
    assert offenders == []


def test_the_widget_import_check_sees_both_import_forms(tmp_path: Path) -> None:
    sample = tmp_path / "m.py"
    sample.write_text("from PySide6.QtWidgets import QWidget\nimport PySide6.QtWidgets as W\n")
    assert {"PySide6.QtWidgets", "PySide6.QtWidgets.QWidget"} <= _imported_modules(sample)
