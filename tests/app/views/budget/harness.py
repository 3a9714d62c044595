"""A real ``hojo-server`` child process and an AppContext around it (tests, child scripts,
benchmarks). The server runs ``seed-demo``'s government; the client signs in as a demo user."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[4]
GOV = "9990000"
PASSWORD = "Demo-pass-2024"
DEPT_BUDGET = "demo-dept-budget"


@dataclass
class ServerProcess:
    url: str
    process: subprocess.Popen[str]
    data_dir: Path


def server_env(data_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("HOJO_")}
    env["HOJO_DATA_DIR"] = str(data_dir)
    env["HOJO_SECRET_KEY"] = "budget-page-test-secret-" + "z" * 32
    return env


@contextmanager
def server_process(data_dir: Path) -> Iterator[ServerProcess]:
    """``python -m server seed-demo`` then ``serve --port 0``; the port is read from stdout."""
    data_dir.mkdir(parents=True, exist_ok=True)
    env = server_env(data_dir)
    seeded = subprocess.run(
        [sys.executable, "-m", "server", "seed-demo"], env=env, cwd=ROOT, capture_output=True,
        text=True, timeout=180, stdin=subprocess.DEVNULL, check=False,
    )  # fmt: skip
    if seeded.returncode != 0:
        raise RuntimeError(seeded.stderr)
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
        yield ServerProcess(f"http://127.0.0.1:{port}", process, data_dir)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def make_context(server_url: str, data_dir: Path, *, login: str = DEPT_BUDGET, inline: bool = True):  # type: ignore[no-untyped-def]
    """An AppContext signed in to the server, with a real cache in ``data_dir``."""
    from app.config import Config
    from app.context import AppContext
    from app.operations import ChangeHub, OperationRunner
    from app.paths import AppPaths
    from app.services.api.endpoints import HojoApi
    from app.services.api.session import Session
    from app.services.api.transport import Transport
    from app.services.cache.database import CacheDatabase
    from app.services.cache.drafts import DraftStore
    from app.services.cache.outbox import Outbox
    from app.tasks import TaskManager

    environ = {"HOJO_DATA_DIR": str(data_dir), "HOJO_SERVER_URL": server_url}
    paths = AppPaths.from_environ(environ)
    config = Config.load(environ, paths=paths, registry_reader=lambda _key: {})
    session = Session(Transport(server_url, timeout=30))
    session.sign_in(login, PASSWORD, GOV)
    db = CacheDatabase.in_data_dir(data_dir)
    tasks = TaskManager(inline=inline)
    hub = ChangeHub()
    return AppContext(
        config=config, paths=paths, tasks=tasks, hub=hub, ops=OperationRunner(tasks, hub),
        session=session, api=HojoApi(session), drafts=DraftStore(db), outbox=Outbox(db),
        server_url=server_url,
    )  # fmt: skip
