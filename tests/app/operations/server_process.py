"""A real ``hojo-server`` for client tests, started as a child process the way colleagues'
CLI tests run it: ``create-government`` and ``create-user`` (HOJO_PASSWORD) through the CLI,
then ``serve --host 127.0.0.1 --port 0``, reading ``HOJO_SERVER_PORT=<port>`` from its stdout.
Also a tiny fake health endpoint (the one case where a fake is allowed: a too old / too new
server)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from tests.conftest import PROJECT_ROOT

GOV = "3500000"
LOGIN = "kim"
PASSWORD = "Strong-pass-123"
DISPLAY_NAME_PART = "kim"


@dataclass
class ServerProcess:
    url: str
    process: subprocess.Popen[str]
    login: str = LOGIN
    password: str = PASSWORD


def _env(folder: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("HOJO_")}
    env["HOJO_DATA_DIR"] = str(folder)
    env["HOJO_SECRET_KEY"] = "client-shell-test-secret-" + "z" * 32
    return env


def _cli(env: dict[str, str], *args: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "server", *args],
        env=env,
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=180,
        stdin=subprocess.DEVNULL,
        check=False,
    )
    assert done.returncode == 0, done.stderr


@contextmanager
def hojo_server(folder: Path) -> Iterator[ServerProcess]:
    folder.mkdir(parents=True, exist_ok=True)
    env = _env(folder)
    _cli(env, "create-government", GOV, "인천광역시 동구")
    _cli(
        {**env, "HOJO_PASSWORD": PASSWORD},
        "create-user",
        "--government",
        GOV,
        "--role",
        "dept_budget",
        "--department",
        "기획예산과",
        LOGIN,
    )
    process = subprocess.Popen(
        [sys.executable, "-m", "server", "serve", "--host", "127.0.0.1", "--port", "0"],
        env=env,
        cwd=PROJECT_ROOT,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        encoding="utf-8",
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline().strip()
        assert line.startswith("HOJO_SERVER_PORT="), line
        yield ServerProcess(f"http://127.0.0.1:{int(line.split('=', 1)[1])}", process)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


@contextmanager
def fake_health(api_version: str, min_client: str = "1.0") -> Iterator[str]:
    """An HTTP server whose /api/v1/health claims ``api_version``; yields its URL."""
    body = json.dumps(
        {
            "status": "ok",
            "server_version": "9.9.9",
            "api_version": api_version,
            "min_client_api_version": min_client,
        }
    ).encode()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200 if self.path == "/api/v1/health" else 404)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_args: object) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
