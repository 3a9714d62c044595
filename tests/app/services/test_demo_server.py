"""The demo server launcher with real child processes: the server it starts, the credential it
enforces, and that the server ends with its client, also when the client is SIGKILLed, also
more than a minute after it started (the long case runs beside the others, so the module takes
about as long as that one minute)."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from app.services import demo_server
from app.services.demo_server import (
    CREDENTIAL_ENV,
    CREDENTIAL_HEADER,
    DemoConnection,
    DemoServer,
    DemoServerError,
    demo_headers,
)
from tests.conftest import PROJECT_ROOT

LINUX = sys.platform.startswith("linux")
needs_proc = pytest.mark.skipif(not LINUX, reason="reads processes from /proc (Linux)")
OLD_CLIENT_AGE = 61.0
GONE_WITHIN = 10.0

CLIENT_SCRIPT = textwrap.dedent(
    """
    import sys, threading, time
    from pathlib import Path
    from app.services.demo_server import DemoServer

    data, where = Path(sys.argv[1]), sys.argv[2]
    server = DemoServer()
    if where == "main":
        conn = server.start(data)
    else:  # a worker thread that ends at once, as a pool thread would
        box = []
        worker = threading.Thread(target=lambda: box.append(server.start(data)))
        worker.start()
        worker.join()
        conn = box[0]
    print(conn.pid, conn.url, flush=True)
    time.sleep(3600)
    """
)


# -- helpers ----------------------------------------------------------------------------------
def alive(pid: int) -> bool:
    """Is ``pid`` a live process (not gone, not a zombie nobody reaped yet)?"""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except (FileNotFoundError, ProcessLookupError):
        return False
    return stat.rsplit(")", 1)[1].split()[0] not in ("Z", "X")


def wait_gone(pid: int, within: float = GONE_WITHIN) -> float:
    started = time.monotonic()
    while alive(pid):
        if time.monotonic() - started > within:
            raise AssertionError(f"server child {pid} still alive after {within:.0f}s")
        time.sleep(0.05)
    return time.monotonic() - started


def get(url: str, headers: dict[str, str] | None = None, body: Any = None) -> tuple[int, Any]:
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, headers=dict(headers or {}))
    if data is not None:
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=10) as resp:
            return resp.status, json.loads(resp.read())
    except urllib.error.HTTPError as err:
        return err.code, json.loads(err.read())


def clean_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith("HOJO_")}


@dataclass
class Client:
    """A real client process that started a demo server and then sleeps."""

    proc: subprocess.Popen[str]
    started: float
    server_pid: int
    url: str

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=10)


def start_client(data_dir: Path, where: str) -> Client:
    proc = subprocess.Popen(
        [sys.executable, "-c", CLIENT_SCRIPT, str(data_dir), where],
        cwd=PROJECT_ROOT,
        env=clean_env(),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline().split()
    if len(line) != 2:
        proc.kill()
        _, err = proc.communicate(timeout=10)
        raise AssertionError(f"the client did not start its demo server: {err}")
    return Client(proc, time.monotonic(), int(line[0]), line[1])


def stop_client(client: Client) -> None:
    if client.proc.poll() is None:
        client.kill()
    if alive(client.server_pid):
        os.kill(client.server_pid, signal.SIGKILL)
    for stream in (client.proc.stdout, client.proc.stderr):
        if stream is not None:
            stream.close()


# -- the client that is older than a minute, started first so the module stays short ---------
OLD_CLIENT_TEST = "test_killed_client_takes_the_server_along_after_more_than_a_minute"


@pytest.fixture(scope="module")
def old_client(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Client | None]:
    if not LINUX or not any(item.name == OLD_CLIENT_TEST for item in request.session.items):
        yield None
        return
    client = start_client(tmp_path_factory.mktemp("old-client"), "thread")
    yield client
    stop_client(client)


@pytest.fixture(autouse=True)
def _start_old_client_early(old_client: Client | None) -> None:
    """Every test of this module asks for it, so its minute runs while they do."""


# -- tests ------------------------------------------------------------------------------------
def test_demo_server_answers_and_enforces_its_credential(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Nothing of a configured real server may leak into the demo child.
    monkeypatch.setenv("HOJO_DATABASE_URL", "postgresql://nobody@192.0.2.1:5432/none")
    monkeypatch.setenv("HOJO_SECRET_KEY", "not-for-the-demo-" + "s" * 32)
    monkeypatch.setenv(CREDENTIAL_ENV, "a-stale-credential")
    with DemoServer() as server:
        conn = server.start(tmp_path)
        assert conn.url.startswith("http://127.0.0.1:")
        assert server.running and server.pid == conn.pid
        assert server.start(tmp_path) is conn  # already running: the same connection
        assert conn.credential not in repr(conn)
        if LINUX:  # through the environment, never the command line
            assert conn.credential not in Path(f"/proc/{conn.pid}/cmdline").read_text()
            environ = Path(f"/proc/{conn.pid}/environ").read_bytes().split(b"\0")
            assert f"{CREDENTIAL_ENV}={conn.credential}".encode() in environ
        status, health = get(f"{conn.url}/api/v1/health")
        assert (status, health["status"]) == (200, "ok")

        status, problem = get(f"{conn.url}/api/v1/auth/me")
        assert (status, problem["code"]) == (401, "demo_credential_required")
        wrong = {CREDENTIAL_HEADER: "a-stale-credential"}
        assert get(f"{conn.url}/api/v1/auth/me", wrong)[0] == 401
        status, problem = get(f"{conn.url}/api/v1/auth/me", demo_headers(conn))
        assert (status, problem["code"]) == (401, "unauthorized")  # through; now sign in

        body = {"login": demo_server.DEFAULT_LOGIN}
        assert get(f"{conn.url}/api/v1/auth/demo", body=body)[0] == 401
        status, tokens = get(f"{conn.url}/api/v1/auth/demo", demo_headers(conn), body)
        assert status == 200, tokens
        auth = {"Authorization": f"Bearer {tokens['access_token']}", **demo_headers(conn)}
        status, me = get(f"{conn.url}/api/v1/auth/me", auth)
        assert status == 200
        assert (me["login"], me["government_code"], me["roles"]) == (
            "demo-dept-budget",
            "9990000",
            ["dept_budget"],
        )
        pid = conn.pid
    assert not server.running and server.connection is None
    assert not alive(pid)
    assert (tmp_path / "demo" / "demo.sqlite3").is_file()  # SQLite in the data folder
    log_text = (tmp_path / "logs" / "demo-server.log").read_text(encoding="utf-8")
    assert "표준 입력이 닫혀" in log_text  # stop() closed stdin and the server ended itself
    assert conn.credential not in log_text


def _counts(database: Path) -> tuple[int, int, int]:
    with contextlib.closing(sqlite3.connect(database)) as db:
        governments = db.execute("select count(*) from governments").fetchone()[0]
        users = db.execute("select count(*) from users").fetchone()[0]
        events = db.execute("select count(*) from audit_events").fetchone()[0]
    return int(governments), int(users), int(events)


def test_a_second_start_reuses_the_seeded_database(tmp_path: Path) -> None:
    database = tmp_path / "demo" / "demo.sqlite3"
    log_file = tmp_path / "logs" / "demo-server.log"
    with DemoServer() as server:
        first = server.start(tmp_path)
    seeded = _counts(database)
    assert seeded[:2] == (1, 7)
    assert "데모 자치단체를 만들었습니다" in log_file.read_text(encoding="utf-8")
    size = log_file.stat().st_size
    with DemoServer() as server:
        second = server.start(tmp_path)
        assert second.credential != first.credential  # a new secret per launch
        assert get(f"{second.url}/api/v1/auth/me", demo_headers(first))[0] == 401
    assert _counts(database) == seeded
    later = log_file.read_bytes()[size:].decode("utf-8")
    assert "기존 데모 자료를 씁니다" in later
    assert "데모 자치단체를 만들었습니다" not in later


@needs_proc
@pytest.mark.parametrize("where", ["main", "thread"])
def test_killed_client_takes_the_server_along(where: str, tmp_path: Path) -> None:
    """``main``: stdin closing and the parent-death signal both apply; ``thread``: started from a
    worker thread that has ended, so stdin alone must do it (and the thread's end must not)."""
    client = start_client(tmp_path, where)
    try:
        status, _ = get(f"{client.url}/api/v1/health")
        assert status == 200
        time.sleep(0.5)
        assert alive(client.server_pid)
        client.kill()
        took = wait_gone(client.server_pid)
        assert took < GONE_WITHIN
    finally:
        stop_client(client)


def test_a_server_that_cannot_start_gives_a_korean_error_with_its_log(tmp_path: Path) -> None:
    (tmp_path / "demo" / "demo.sqlite3").mkdir(parents=True)  # not a database file
    server = DemoServer()
    with pytest.raises(DemoServerError) as caught:
        server.start(tmp_path)
    message = caught.value.message
    assert "데모 서버를 시작하지 못했습니다 (종료 코드 1)" in message
    assert "서버 기록의 마지막 부분" in message
    assert caught.value.log_tail  # the child's stderr, from the log file
    assert not server.running


def test_a_server_that_is_too_slow_is_stopped(tmp_path: Path) -> None:
    server = DemoServer(start_timeout=0.05)
    with pytest.raises(DemoServerError, match="초 안에 시작되지 않았습니다"):
        server.start(tmp_path)
    assert not server.running
    assert server.pid is None


def test_the_command_is_this_python_or_the_bundled_server_never_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    command = demo_server.serve_command()
    assert command[:3] == [sys.executable, "-m", "server"]
    assert command[3:] == ["serve", "--host", "127.0.0.1", "--port", "0", "--exit-with-stdin"]

    bundle, elsewhere = tmp_path / "bundle", tmp_path / "on-path"
    bundle.mkdir()
    elsewhere.mkdir()
    name = "hojo-server.exe" if sys.platform == "win32" else "hojo-server"
    (elsewhere / name).write_text("")
    monkeypatch.setenv("PATH", str(elsewhere))
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(bundle / "hojo"))
    with pytest.raises(DemoServerError, match="데모 서버 실행 파일이 없습니다"):
        demo_server.serve_command()
    (bundle / name).write_text("")
    assert demo_server.serve_command()[0] == str((bundle / name).resolve())


def test_the_child_environment_keeps_no_hojo_setting(tmp_path: Path) -> None:
    env = demo_server.child_environment(
        tmp_path,
        "secret",
        {"PATH": "/bin", "HOJO_DATABASE_URL": "postgresql://x/y", "HOJO_SERVER_URL": "https://x",
         "hojo_secret_key": "k"},
    )  # fmt: skip
    assert env == {
        "PATH": "/bin",
        "HOJO_DATA_DIR": str(tmp_path / "demo"),
        "HOJO_DATABASE_URL": f"sqlite:///{(tmp_path / 'demo' / 'demo.sqlite3').as_posix()}",
        CREDENTIAL_ENV: "secret",
        "PYTHONIOENCODING": "utf-8",
    }


@needs_proc
def test_the_parent_death_signal_is_asked_only_from_the_main_thread() -> None:
    assert demo_server.parent_death_signal() is not None
    found: list[object] = []
    worker = threading.Thread(target=lambda: found.append(demo_server.parent_death_signal()))
    worker.start()
    worker.join()
    assert found == [None]


def test_demo_headers() -> None:
    conn = DemoConnection(url="http://127.0.0.1:1", credential="c", pid=1)
    assert demo_headers(conn) == {"X-Hojo-Demo-Credential": "c"}


# Last in the module: its client has been running since the first test.
@needs_proc
@pytest.mark.slow
def test_killed_client_takes_the_server_along_after_more_than_a_minute(
    old_client: Client | None,
) -> None:
    assert old_client is not None
    try:
        age = time.monotonic() - old_client.started
        if age < OLD_CLIENT_AGE:
            time.sleep(OLD_CLIENT_AGE - age)
        assert old_client.proc.poll() is None
        assert alive(old_client.server_pid)  # alive after a minute, its thread long gone
        assert get(f"{old_client.url}/api/v1/health")[0] == 200
        old_client.kill()
        wait_gone(old_client.server_pid)
    finally:
        stop_client(old_client)
