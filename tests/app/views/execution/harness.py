"""A demo ``hojo-server`` child process that can be stopped and started again on the same data
and port (so a client keeps its address across the outage), and execution helpers.

Reuses the budget page harness: ``server_env``, ``make_context`` and the demo password."""

from __future__ import annotations

import socket
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Any

from tests.app.views.budget.harness import ROOT, make_context, server_env

STAFF = "demo-dept-staff"
FINANCE = "demo-finance-officer"
PAYER = "demo-disbursing-officer"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class RestartableServer:
    """``seed-demo`` once, then ``serve`` on a fixed port; :meth:`stop` / :meth:`start`."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen[str] | None = None
        data_dir.mkdir(parents=True, exist_ok=True)
        seeded = subprocess.run(
            [sys.executable, "-m", "server", "seed-demo"], env=server_env(data_dir), cwd=ROOT,
            capture_output=True, text=True, timeout=180, stdin=subprocess.DEVNULL, check=False,
        )  # fmt: skip
        if seeded.returncode != 0:
            raise RuntimeError(seeded.stderr)

    def start(self) -> None:
        assert self.process is None
        self.process = subprocess.Popen(
            [sys.executable, "-m", "server", "serve", "--host", "127.0.0.1",
             "--port", str(self.port)],
            env=server_env(self.data_dir), cwd=ROOT, stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL, text=True,
        )  # fmt: skip
        assert self.process.stdout is not None
        for line in self.process.stdout:
            if line.startswith("HOJO_SERVER_PORT="):
                return
        raise RuntimeError("the server did not start")

    def stop(self) -> None:
        if self.process is None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)
        if self.process.stdout is not None:
            self.process.stdout.close()
        self.process = None


def close_context(ctx: Any) -> None:
    ctx.tasks.shutdown()
    ctx.session.transport.close()
    ctx.drafts.db.close()


def staff_line(ctx: Any, at_least: int = 1_000_000) -> Any:
    """A line of the 사업담당's own 부서 in the 성립 budget with enough 배정 잔액."""
    from app.operations.execution import _pick_version

    api = ctx.api
    me = api.me()
    version = _pick_version(api.versions())
    assert version is not None
    own = {p.id for p in api.programs(version.fiscal_year) if p.department_id == me.department_id}
    lines = [x for x in api.execution_lines(version.id) if x.program_id in own]
    return next(x for x in lines if x.allotment_left >= at_least)


def obligate(url: str, data_dir: Path, line_id: uuid.UUID, amount: int, title: str) -> Any:
    """A 지출원인행위 by the demo 재무관 (through the API, as the test's other person)."""
    from domain.contracts.execution import DocumentIn

    ctx = make_context(url, data_dir, login=FINANCE)
    try:
        body = DocumentIn(line_id=line_id, amount=amount, title=title)
        return ctx.api.create_document("/execution/obligations", body, uuid.uuid4())
    finally:
        close_context(ctx)
