"""A plain ``pip install .`` of the checkout into a fresh virtual environment outside it gives
working console scripts: code lists, migrations and the OpenAPI document ship as package data.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import venv
from pathlib import Path

import pytest

from tests.conftest import PROJECT_ROOT

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with the project installed from a copy of the tracked files."""
    if os.environ.get("HOJO_SKIP_PACKAGING_TEST") == "1":
        pytest.skip("HOJO_SKIP_PACKAGING_TEST=1")
    base = tmp_path_factory.mktemp("pkg")
    source = base / "source"
    files = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=PROJECT_ROOT,
        capture_output=True,
        check=True,
    ).stdout.split(b"\0")
    for name in filter(None, files):
        src = PROJECT_ROOT / name.decode()
        if src.is_file():
            dst = source / name.decode()
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dst)
    env_dir = base / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    pip = [
        str(env_dir / "bin" / "python"),
        "-m",
        "pip",
        "install",
        "-q",
        "--disable-pip-version-check",
    ]
    subprocess.run([*pip, str(source)], check=True, cwd=base, timeout=900)
    shutil.rmtree(source)  # nothing may be read from the checkout any more
    return env_dir


def _run(env_dir: Path, *args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HOJO_", "PYTHON"))}
    env["HOJO_DATA_DIR"] = str(data_dir)
    return subprocess.run(
        [str(env_dir / "bin" / args[0]), *args[1:]],
        cwd=data_dir,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_hojo_server_migrate_works_from_the_installed_package(
    installed: Path, tmp_path: Path
) -> None:
    result = _run(installed, "hojo-server", "migrate", data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "hojo.db").is_file()


def test_package_data_is_read_through_importlib_resources(installed: Path, tmp_path: Path) -> None:
    code = (
        "import json, server, domain.codes as c, server.openapi as o;"
        "b = c.load_codebook(2024);"
        "print(json.dumps({'obj': b.object_code('201-01').name,"
        " 'paths': len(o.committed_document()['paths']),"
        " 'server': server.__file__}))"
    )
    result = _run(installed, "python", "-c", code, data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["obj"] == "사무관리비"
    assert out["paths"] > 5
    assert str(PROJECT_ROOT) not in out["server"]
