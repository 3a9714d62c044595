"""Demo mode: start the backend as this client's own child process (no PySide6 here).

:meth:`DemoServer.start` runs ``hojo-server serve`` over a SQLite file in the user's data
folder and answers a :class:`DemoConnection` (URL and the per-launch credential):

- the command is ``[sys.executable, "-m", "server", "serve", ...]`` from a virtual
  environment, or, when frozen, the bundle's own ``hojo-server`` executable beside
  ``sys.executable`` — never a lookup on PATH;
- it listens on 127.0.0.1, port 0; the child writes ``HOJO_SERVER_PORT=<port>`` as the first
  line of its stdout, which is a pipe to us;
- a random credential made here for this launch goes to the child through the environment
  (``HOJO_DEMO_CREDENTIAL``), never the command line, and every request but the health check
  must carry it (:func:`demo_headers`); the server seeds the demo government on its first start
  over the folder's database and reuses it afterwards;
- the child ends with the client, also when the client is killed: its stdin is a pipe that
  only we hold, and ``serve --exit-with-stdin`` stops the server when that pipe closes, which
  the operating system does when this process dies however it dies. Second guards: on Linux
  ``PR_SET_PDEATHSIG`` (only when started from the main thread — the signal follows the
  *thread* that forked, so a pool thread that ends would take the server with it); on Windows
  a job object with ``JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE`` whose handle dies with us (both in
  ``app.services.child_guards``).

The app never imports ``server``: the header and variable names are repeated here.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import queue
import secrets
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from app.paths import DEMO_DATABASE_FILE, DEMO_FOLDER, LOG_FOLDER
from app.services.child_guards import parent_death_signal

if sys.platform == "win32":
    from app.services.child_guards import CREATE_NO_WINDOW, close_job, kill_on_close_job

log = logging.getLogger("hojo.demo")

CREDENTIAL_HEADER = "X-Hojo-Demo-Credential"
CREDENTIAL_ENV = "HOJO_DEMO_CREDENTIAL"
PORT_PREFIX = "HOJO_SERVER_PORT="
HOST = "127.0.0.1"
DEFAULT_LOGIN = "demo-dept-budget"
"""The demo user the main window opens as (부서 예산담당)."""

LOG_FILE = "demo-server.log"
LOG_KEEP_BYTES = 2 * 1024 * 1024
"""A log larger than this is moved to ``demo-server.log.1`` at the next start."""

START_TIMEOUT = 60.0
"""The first start migrates and seeds a database; a slow PC with a virus scanner needs time."""


@dataclass(frozen=True)
class DemoConnection:
    """Where the demo server listens and the credential every request must carry."""

    url: str
    credential: str = field(repr=False)
    pid: int


def demo_headers(conn: DemoConnection) -> dict[str, str]:
    """The header that lets a request through to the demo server."""
    return {CREDENTIAL_HEADER: conn.credential}


class DemoServerError(Exception):
    """The demo server could not start; ``message`` is Korean and ends with the server's
    last log lines when there are any."""

    def __init__(self, message: str, log_tail: str = "") -> None:
        text = f"{message}\n\n서버 기록의 마지막 부분:\n{log_tail}" if log_tail else message
        super().__init__(text)
        self.message = text
        self.log_tail = log_tail


# -- the command and its environment ----------------------------------------------------------
def server_executable() -> Path:
    """The frozen bundle's own server executable, beside ``sys.executable``."""
    name = "hojo-server.exe" if sys.platform == "win32" else "hojo-server"
    return Path(sys.executable).resolve().parent / name


def server_command(*args: str) -> list[str]:
    """``hojo-server <args>`` as this installation runs it: never a lookup on PATH."""
    if getattr(sys, "frozen", False):
        exe = server_executable()
        if not exe.is_file():
            raise DemoServerError(
                f"설치된 프로그램에 데모 서버 실행 파일이 없습니다: {exe}\n"
                "호조 데스크를 다시 설치하거나 관리자에게 문의하세요."
            )
        return [str(exe), *args]
    return [sys.executable, "-m", "server", *args]


def serve_command() -> list[str]:
    return server_command("serve", "--host", HOST, "--port", "0", "--exit-with-stdin")


def child_environment(
    data_dir: Path, credential: str, environ: Mapping[str, str] | None = None
) -> dict[str, str]:
    """The child's environment: ours without any HOJO_* setting (no server database, secret or
    address leaks in), plus the demo folder, its SQLite file and the credential."""
    base = os.environ if environ is None else environ
    env = {k: v for k, v in base.items() if not k.upper().startswith("HOJO_")}
    demo_dir = data_dir / DEMO_FOLDER
    env["HOJO_DATA_DIR"] = str(demo_dir)
    env["HOJO_DATABASE_URL"] = f"sqlite:///{(demo_dir / DEMO_DATABASE_FILE).as_posix()}"
    env[CREDENTIAL_ENV] = credential
    env["PYTHONIOENCODING"] = "utf-8"
    return env


# -- the launcher -----------------------------------------------------------------------------
class DemoServer:
    """One demo server child. ``start`` once, ``stop`` when the client ends (or let the
    operating system end it with us)."""

    def __init__(self, *, start_timeout: float = START_TIMEOUT) -> None:
        self.start_timeout = start_timeout
        self._proc: subprocess.Popen[bytes] | None = None
        self._log: IO[bytes] | None = None
        self._log_path: Path | None = None
        self._log_start = 0
        self._reader: threading.Thread | None = None
        self._job: int | None = None
        self._conn: DemoConnection | None = None

    @property
    def connection(self) -> DemoConnection | None:
        return self._conn if self.running else None

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc is not None else None

    @property
    def log_path(self) -> Path | None:
        return self._log_path

    def __enter__(self) -> DemoServer:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.stop()

    def start(self, data_dir: Path) -> DemoConnection:
        """Start the server over ``data_dir``/demo and wait until it answers its health check.
        Raises :class:`DemoServerError` (Korean, with the server's last log lines)."""
        if self._conn is not None and self.running:
            return self._conn
        self.stop()
        credential = secrets.token_urlsafe(32)
        (data_dir / DEMO_FOLDER).mkdir(parents=True, exist_ok=True)
        self._open_log(data_dir / LOG_FOLDER)
        assert self._log is not None
        kwargs: dict[str, object] = {}
        if sys.platform == "win32":
            kwargs["creationflags"] = CREATE_NO_WINDOW
        else:
            preexec = parent_death_signal()
            if preexec is not None:
                kwargs["preexec_fn"] = preexec
        try:
            # Our own working folder: a source checkout run as `python -m app` finds `server`
            # the way we found `app`.
            self._proc = subprocess.Popen(
                serve_command(),
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=self._log,
                env=child_environment(data_dir, credential),
                close_fds=True,
                **kwargs,  # type: ignore[call-overload]
            )
        except OSError as exc:
            raise DemoServerError(f"데모 서버를 실행할 수 없습니다: {exc}") from exc
        finally:
            self._close_log()  # the child has its own handle
        if sys.platform == "win32":
            self._job = kill_on_close_job(self._proc.pid)
        try:
            port = self._read_port()
            url = f"http://{HOST}:{port}"
            self._wait_healthy(url)
        except DemoServerError:
            self._kill()
            self._cleanup()
            raise
        self._conn = DemoConnection(url=url, credential=credential, pid=self._proc.pid)
        log.info("데모 서버 시작: %s (pid %d)", url, self._proc.pid)
        return self._conn

    def stop(self, timeout: float = 10.0) -> None:
        """Close the child's stdin (it stops by itself), wait, then terminate, then kill."""
        proc = self._proc
        if proc is not None:
            if proc.stdin is not None:
                with contextlib.suppress(OSError):
                    proc.stdin.close()
            try:
                proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                log.warning("데모 서버가 %.0f초 안에 끝나지 않아 종료시킵니다.", timeout)
                self._kill()
        self._cleanup()

    # -- internals -----------------------------------------------------------------------------
    def _open_log(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / LOG_FILE
        with contextlib.suppress(OSError):
            if path.stat().st_size > LOG_KEEP_BYTES:
                path.replace(path.with_name(LOG_FILE + ".1"))
        self._log = path.open("ab")
        stamp = time.strftime("%Y-%m-%d %H:%M:%S")
        self._log.write(f"--- 데모 서버 시작 {stamp} ---\n".encode())
        self._log.flush()
        self._log_path = path
        self._log_start = self._log.tell()

    def _log_tail(self, lines: int = 20) -> str:
        if self._log_path is None:
            return ""
        try:
            with self._log_path.open("rb") as fh:
                fh.seek(self._log_start)
                text = fh.read().decode("utf-8", errors="replace")
        except OSError:
            return ""
        return "\n".join(text.strip().splitlines()[-lines:])

    def _read_port(self) -> int:
        proc = self._proc
        assert proc is not None and proc.stdout is not None
        found: queue.Queue[str | None] = queue.Queue()
        stdout = proc.stdout

        def read() -> None:
            first = True
            with contextlib.suppress(OSError, ValueError):
                for raw in iter(stdout.readline, b""):  # drain to the end: the child never blocks
                    if first:
                        found.put(raw.decode("utf-8", errors="replace").strip())
                        first = False
                stdout.close()
            if first:
                found.put(None)

        self._reader = threading.Thread(target=read, name="hojo-demo-stdout", daemon=True)
        self._reader.start()
        try:
            line = found.get(timeout=self.start_timeout)
        except queue.Empty:
            self._kill()
            raise DemoServerError(
                f"데모 서버가 {self.start_timeout:.0f}초 안에 시작되지 않았습니다.",
                self._log_tail(),
            ) from None
        if line is None or not line.startswith(PORT_PREFIX):
            self._kill()
            code = proc.poll()
            why = f"종료 코드 {code}" if code is not None else f"첫 줄: {line!r}"
            raise DemoServerError(f"데모 서버를 시작하지 못했습니다 ({why}).", self._log_tail())
        try:
            port = int(line[len(PORT_PREFIX) :])
        except ValueError:
            port = 0
        if not 0 < port < 65536:
            self._kill()
            raise DemoServerError(f"데모 서버가 알린 포트가 올바르지 않습니다: {line!r}")
        return port

    def _wait_healthy(self, url: str) -> None:
        deadline = time.monotonic() + self.start_timeout
        last = ""
        while True:
            try:
                with urllib.request.urlopen(f"{url}/api/v1/health", timeout=5) as resp:
                    if json.loads(resp.read()).get("status") == "ok":
                        return
                    last = "상태가 ok가 아님"
            except (OSError, ValueError) as exc:  # URLError is an OSError
                last = str(exc)
            if self._proc is None or self._proc.poll() is not None or time.monotonic() > deadline:
                raise DemoServerError(
                    f"데모 서버가 응답하지 않습니다 ({url}: {last}).", self._log_tail()
                )
            time.sleep(0.1)

    def _kill(self) -> None:
        proc = self._proc
        if proc is None or proc.poll() is not None:
            return
        proc.terminate()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)

    def _cleanup(self) -> None:
        proc, self._proc, self._conn = self._proc, None, None
        if proc is not None and proc.stdin is not None:
            with contextlib.suppress(OSError):
                proc.stdin.close()
        if self._reader is not None:  # it closes stdout at the end of file (the child is gone)
            self._reader.join(timeout=2)
            self._reader = None
        if self._job is not None and sys.platform == "win32":
            close_job(self._job)
        self._job = None
        self._close_log()

    def _close_log(self) -> None:
        if self._log is not None:
            with contextlib.suppress(OSError):
                self._log.close()
            self._log = None
