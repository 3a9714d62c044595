"""Test harness (fixtures re-exported by the conftests of adjust/, revenue/ and admin/):
a real ``hojo-server`` child process over the demo data, and application contexts around it.

The server is ``python -m server serve --port 0`` (the port comes back on stdout as
``HOJO_SERVER_PORT=``) over a SQLite file in a temporary ``HOJO_DATA_DIR``, seeded first with
``python -m server seed-demo``. Each test signs in as the demo user it needs through a real
Transport/Session/HojoApi with a real cache. (The 예산편성 page's tests have a similar fixture;
the two may be merged into ``tests/app/views/conftest.py`` later.)
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

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
from tests.conftest import PROJECT_ROOT

DEMO_PASSWORD = "Demo-pass-2024"  # server/demo.py DEMO_PASSWORD
TIMEOUT = 120


@dataclass
class DemoServer:
    url: str
    data_dir: Path
    process: subprocess.Popen[str]


def _env(data_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("HOJO_")}
    env["HOJO_DATA_DIR"] = str(data_dir)
    env["HOJO_SECRET_KEY"] = "adjust-page-test-secret-" + "z" * 32
    return env


def _cli(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "server", *args],
        env=env, cwd=PROJECT_ROOT, capture_output=True, text=True, encoding="utf-8",
        timeout=TIMEOUT, stdin=subprocess.DEVNULL, check=False,
    )  # fmt: skip


def start_demo_server(data_dir: Path) -> DemoServer:
    env = _env(data_dir)
    for args in (("migrate",), ("seed-demo",)):
        done = _cli(env, *args)
        assert done.returncode == 0, done.stderr
    process = subprocess.Popen(
        [sys.executable, "-m", "server", "serve", "--host", "127.0.0.1", "--port", "0"],
        env=env, cwd=PROJECT_ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
        stdin=subprocess.DEVNULL, text=True, encoding="utf-8",
    )  # fmt: skip
    assert process.stdout is not None
    line = process.stdout.readline().strip()
    if not line.startswith("HOJO_SERVER_PORT="):
        process.kill()
        raise AssertionError(f"server did not report its port: {line!r}")
    port = int(line.split("=", 1)[1])
    return DemoServer(f"http://127.0.0.1:{port}", data_dir, process)


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DemoServer]:
    server = start_demo_server(tmp_path_factory.mktemp("demo-server"))
    yield server
    server.process.terminate()
    try:
        server.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait()


MakeContext = Callable[..., AppContext]


def build_context(
    url: str, data_dir: Path, login: str, password: str = DEMO_PASSWORD, *, inline: bool = True
) -> AppContext:
    """A signed-in application context: real transport, session, API and cache."""
    paths = AppPaths(data_dir=data_dir, user_config_dir=data_dir, system_config_dir=None)
    config = Config.load({"HOJO_DATA_DIR": str(data_dir)}, paths=paths, registry_reader=dict_reader)
    tasks = TaskManager(inline=inline)
    hub = ChangeHub()
    session = Session(Transport(url, timeout=30))
    session.sign_in(login, password)
    db = CacheDatabase.in_data_dir(data_dir)
    return AppContext(
        config=config, paths=paths, tasks=tasks, hub=hub, ops=OperationRunner(tasks, hub),
        session=session, api=HojoApi(session), drafts=DraftStore(db), outbox=Outbox(db),
        server_url=url,
    )  # fmt: skip


def dict_reader(_key: str) -> dict[str, str | int]:
    """No Windows registry in tests."""
    return {}


@pytest.fixture
def make_context(demo_server: DemoServer, tmp_path: Path, qapp: object) -> Iterator[MakeContext]:
    made: list[AppContext] = []

    def make(login: str, password: str = DEMO_PASSWORD, *, inline: bool = True) -> AppContext:
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
