"""A real ``hojo-server`` child process over the demo data, and application contexts around it
(used by the page tests, their child scripts and benchmarks).

The server is ``python -m server seed-demo`` (which migrates the SQLite file in a temporary
``HOJO_DATA_DIR`` first) then ``python -m server serve --port 0``; the port comes back on stdout
as ``HOJO_SERVER_PORT=``, so parallel test runs never share a port. A client signs in as the
demo user it needs through a real Transport/Session/HojoApi with a real cache in its own data
folder. The ``app`` imports are inside the functions, so child scripts can set Qt up first and
modules that only start servers do not load the client.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from app.context import AppContext

ROOT = Path(__file__).resolve().parents[2]
GOV = "9990000"  # seed-demo's government
PASSWORD = "Demo-pass-2024"  # server/demo.py DEMO_PASSWORD
DEPT_BUDGET = "demo-dept-budget"
TIMEOUT = 180


@dataclass
class DemoServer:
    url: str
    data_dir: Path
    process: subprocess.Popen[str]


def server_env(data_dir: Path) -> dict[str, str]:
    """The environment of a server child: none of ours ``HOJO_*``, its own data folder."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("HOJO_")}
    env["HOJO_DATA_DIR"] = str(data_dir)
    env["HOJO_SECRET_KEY"] = "page-test-server-secret-" + "z" * 32
    return env


def start_demo_server(data_dir: Path) -> DemoServer:
    """Seed the demo government into ``data_dir`` and serve it on a free port."""
    data_dir.mkdir(parents=True, exist_ok=True)
    env = server_env(data_dir)
    seeded = subprocess.run(
        [sys.executable, "-m", "server", "seed-demo"], env=env, cwd=ROOT, capture_output=True,
        text=True, encoding="utf-8", timeout=TIMEOUT, stdin=subprocess.DEVNULL, check=False,
    )  # fmt: skip
    if seeded.returncode != 0:
        raise RuntimeError(f"seed-demo failed: {seeded.stderr}")
    process = subprocess.Popen(
        [sys.executable, "-m", "server", "serve", "--host", "127.0.0.1", "--port", "0"],
        env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
        stdin=subprocess.DEVNULL, text=True, encoding="utf-8",
    )  # fmt: skip
    assert process.stdout is not None
    for line in process.stdout:
        if line.startswith("HOJO_SERVER_PORT="):
            port = int(line.strip().split("=", 1)[1])
            return DemoServer(f"http://127.0.0.1:{port}", data_dir, process)
    stop_server(process)
    raise RuntimeError("the server did not report its port")


def stop_server(process: subprocess.Popen[str]) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@contextmanager
def server_process(data_dir: Path) -> Iterator[DemoServer]:
    """A demo server for the ``with`` block."""
    server = start_demo_server(data_dir)
    try:
        yield server
    finally:
        stop_server(server.process)


def build_context(
    url: str,
    data_dir: Path,
    login: str = DEPT_BUDGET,
    password: str = PASSWORD,
    *,
    inline: bool = True,
    government: str | None = None,
) -> AppContext:
    """A signed-in application context: real transport, session, API and cache in ``data_dir``
    (also its config folder; no system config folder)."""
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

    paths = AppPaths(data_dir=data_dir, user_config_dir=data_dir, system_config_dir=None)
    environ = {"HOJO_DATA_DIR": str(data_dir), "HOJO_SERVER_URL": url}
    config = Config.load(environ, paths=paths, registry_reader=dict_reader)
    session = Session(Transport(url, timeout=30))
    session.sign_in(login, password, government)
    db = CacheDatabase.in_data_dir(data_dir)
    tasks = TaskManager(inline=inline)
    hub = ChangeHub()
    return AppContext(
        config=config, paths=paths, tasks=tasks, hub=hub, ops=OperationRunner(tasks, hub),
        session=session, api=HojoApi(session), drafts=DraftStore(db), outbox=Outbox(db),
        server_url=url,
    )  # fmt: skip


def make_context(
    server_url: str, data_dir: Path, *, login: str = DEPT_BUDGET, inline: bool = True
) -> AppContext:
    """A context signed in to the demo government (the 예산편성 tests' and child scripts' form)."""
    return build_context(server_url, data_dir, login, inline=inline, government=GOV)


def dict_reader(_key: str) -> dict[str, str | int]:
    """No Windows registry in tests."""
    return {}


# -- fixtures (re-exported by the conftests that want them) ----------------------------------
MakeContext = Callable[..., "AppContext"]


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DemoServer]:
    with server_process(tmp_path_factory.mktemp("demo-server")) as server:
        yield server


@pytest.fixture(name="make_context")
def make_context_fixture(
    demo_server: DemoServer, tmp_path: Path, qapp: object
) -> Iterator[MakeContext]:
    """``make(login, password=PASSWORD, *, inline=True)``: contexts closed after the test."""
    made: list[AppContext] = []

    def make(login: str, password: str = PASSWORD, *, inline: bool = True) -> AppContext:
        ctx = build_context(
            demo_server.url, tmp_path / f"client-{login}-{len(made)}", login, password,
            inline=inline,
        )  # fmt: skip
        made.append(ctx)
        return ctx

    yield make
    for ctx in made:
        ctx.tasks.shutdown()
        ctx.session.transport.close()
