"""``hojo report budget-book`` signing in with the stored credentials — the refresh token the
client kept ("로그인 유지") in the keyring, and the login in ``last_sign_in.json`` — instead of
HOJO_USER / HOJO_PASSWORD, against a real demo server child. The client signs in with "remember
me" through ``SessionOps`` into a file-backed keyring backend the ``hojo`` child also loads
(``PYTHON_KEYRING_BACKEND``); the child's refresh rotates the token and stores the new one, so a
second run signs in again; with nothing stored the CLI says how to sign in and exits 1."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest

from app.config import Config
from app.operations import ChangeHub, OperationRunner
from app.operations.session import SessionOps
from app.tasks import TaskManager
from tests.app.services.reports.file_keyring import BACKEND, ENV, FileKeyring
from tests.app.views.budget.harness import GOV, PASSWORD, ROOT, server_process

pytestmark = pytest.mark.slow
LOGIN = "demo-budget-office"


@pytest.fixture
def file_keyring(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[FileKeyring]:
    monkeypatch.setenv(ENV, str(tmp_path / "keyring.json"))
    before = keyring.get_keyring()
    backend = FileKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(before)


def _hojo(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", "report", *args], env=env, cwd=ROOT, capture_output=True,
        text=True, timeout=300, stdin=subprocess.DEVNULL, check=False,
    )  # fmt: skip


def test_budget_book_with_the_remembered_sign_in(
    tmp_path: Path, file_keyring: FileKeyring, qapp: object
) -> None:
    client_dir = tmp_path / "client"
    with server_process(tmp_path / "server") as server:
        config = Config.load({"HOJO_DATA_DIR": str(client_dir), "HOJO_SERVER_URL": server.url})
        ops = SessionOps(config, OperationRunner(TaskManager(inline=True), ChangeHub()))
        results: list[object] = []
        errors: list[BaseException] = []
        ops.sign_in(server.url, LOGIN, PASSWORD, True, results.append, errors.append)
        assert not errors and getattr(results[0], "remembered", False)
        year = max(v.fiscal_year for v in ops.api.versions() if v.state == "성립")  # type: ignore[union-attr]
        ops.close()
        stored = file_keyring.secrets()
        assert len(stored) == 1 and (client_dir / "last_sign_in.json").is_file()

        env = {k: v for k, v in os.environ.items() if not k.startswith("HOJO_")}
        env.update(
            HOJO_SERVER_URL=server.url, HOJO_DATA_DIR=str(client_dir),
            PYTHON_KEYRING_BACKEND=BACKEND, **{ENV: os.environ[ENV]},
        )  # fmt: skip
        args = ["budget-book", "--government", GOV, "--year", str(year)]
        out = tmp_path / "book.xlsx"
        done = _hojo([*args, "--out", str(out)], env)
        assert done.returncode == 0, done.stderr
        assert "만들었습니다" in done.stderr and out.stat().st_size > 1000
        rotated = file_keyring.secrets()
        assert rotated.keys() == stored.keys() and rotated != stored  # the new token was kept

        pdf = tmp_path / "book.pdf"
        again = _hojo([*args, "--out", str(pdf)], env)  # only the rotated token can do this
        assert again.returncode == 0, again.stderr
        assert pdf.read_bytes().startswith(b"%PDF")

        file_keyring.path.unlink()
        nothing = _hojo([*args, "--out", str(tmp_path / "none.xlsx")], env)
        assert nothing.returncode == 1
        assert "로그인 정보가 없습니다" in nothing.stderr and "HOJO_USER" in nothing.stderr
