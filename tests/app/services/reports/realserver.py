"""A real ``hojo-server`` child with the 인천 동구 2024 books imported through the server CLI
(``import-budget``), and a signed-in :class:`HojoApi` on it. Shared by the report tests, the
CLI test and ``benchmarks/report_pages.py``."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.app.views.budget.harness import ROOT, server_env

GOV = "3500000"  # a test code, not claimed to be 인천 동구's real 기관코드
GOV_NAME = "인천광역시 동구"
LOGIN = "report-office"
PASSWORD = "Report-pass-2024"


@dataclass
class RealServer:
    url: str
    process: subprocess.Popen[str]
    data_dir: Path
    env: dict[str, str]

    def api(self) -> Any:
        from app.services.api.endpoints import HojoApi
        from app.services.api.session import Session
        from app.services.api.transport import Transport

        session = Session(Transport(self.url, timeout=120))
        session.sign_in(LOGIN, PASSWORD, GOV)
        return HojoApi(session)


def _run(args: list[str], env: dict[str, str]) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "server", *args], env=env, cwd=ROOT, capture_output=True,
        text=True, timeout=600, stdin=subprocess.DEVNULL, check=False,
    )  # fmt: skip
    if done.returncode != 0:
        raise RuntimeError(f"server {args[0]} failed: {done.stderr[-2000:]}")
    return done.stdout


@contextmanager
def donggu_server(data_dir: Path, files: list[Path]) -> Iterator[RealServer]:
    """Migrate, create the government and a 예산부서 user, import the books, serve."""
    data_dir.mkdir(parents=True, exist_ok=True)
    env = server_env(data_dir)
    env["HOJO_PASSWORD"] = PASSWORD
    _run(["migrate"], env)
    _run(["create-government", GOV, GOV_NAME], env)
    _run(["create-user", "--government", GOV, "--role", "budget_office", LOGIN], env)
    _run(["import-budget", "--government", GOV, *map(str, files)], env)
    process = subprocess.Popen(
        [sys.executable, "-m", "server", "serve", "--host", "127.0.0.1", "--port", "0"],
        env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
        stdin=subprocess.DEVNULL, text=True,
    )  # fmt: skip
    try:
        assert process.stdout is not None
        port = None
        for line in process.stdout:
            if line.startswith("HOJO_SERVER_PORT="):
                port = int(line.strip().split("=", 1)[1])
                break
        if port is None:
            raise RuntimeError("the server did not report its port")
        yield RealServer(f"http://127.0.0.1:{port}", process, data_dir, env)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
