"""Demo mode: the local practice server that the desktop client starts as its own child.

When ``HOJO_DEMO_CREDENTIAL`` is set (a random secret made by the client for this launch only,
passed through the environment, never on the command line):

- every request must carry it in the ``X-Hojo-Demo-Credential`` header, except
  ``GET /api/v1/health``; anything else answers 401 with a Korean problem document
  (:class:`DemoCredentialMiddleware`, a pure ASGI middleware, compared in constant time);
- ``POST /api/v1/auth/demo`` signs in as one of the demo government's users without a password
  (``server.auth.demo_endpoints``): the credential is the proof;
- ``serve`` binds 127.0.0.1 only, with one worker, and seeds the demo government on the first
  start over an empty database (:func:`prepare_serve`).

``serve --exit-with-stdin`` (:func:`exit_with_stdin`) makes the server end when its standard
input reaches end of file: the parent keeps the pipe open and the operating system closes it
when the parent dies, however it dies.
"""

from __future__ import annotations

import contextlib
import hmac
import json
import logging
import os
import sys
import threading
from typing import Protocol

from fastapi import FastAPI
from starlette.types import ASGIApp, Receive, Scope, Send

from server.config import Settings

log = logging.getLogger("hojo.demo")

CREDENTIAL_HEADER = "X-Hojo-Demo-Credential"
CREDENTIAL_ENV = "HOJO_DEMO_CREDENTIAL"
DEMO_HOST = "127.0.0.1"
OPEN_ROUTES = frozenset({("GET", "/api/v1/health")})
"""What answers without the credential: the client's first "is it up?" question."""

GRACE_SECONDS = 3.0
"""How long a server whose stdin closed may take to stop before the process is ended."""

_HEADER_KEY = CREDENTIAL_HEADER.lower().encode("latin-1")


def credential_matches(expected: str, presented: str | bytes | None) -> bool:
    """Constant-time comparison of the presented credential with the launch's own."""
    if presented is None:
        return False
    raw = presented.encode("utf-8") if isinstance(presented, str) else presented
    return hmac.compare_digest(expected.encode("utf-8"), raw)


class DemoCredentialMiddleware:
    """Answer 401 to every HTTP request (and refuse every websocket) without the credential."""

    def __init__(self, app: ASGIApp, credential: str) -> None:
        if not credential:
            raise ValueError("demo credential must not be empty")
        self.app = app
        self.credential = credential

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        kind = scope["type"]
        if kind not in ("http", "websocket"):  # lifespan
            await self.app(scope, receive, send)
            return
        if kind == "http" and (scope["method"], scope["path"]) in OPEN_ROUTES:
            await self.app(scope, receive, send)
            return
        presented = [v for k, v in scope.get("headers") or [] if k.lower() == _HEADER_KEY]
        if len(presented) == 1 and credential_matches(self.credential, presented[0]):
            await self.app(scope, receive, send)
            return
        if kind == "websocket":
            await send({"type": "websocket.close", "code": 1008})
            return
        await _refuse(send)


async def _refuse(send: Send) -> None:
    body = json.dumps(
        {
            "type": "https://hojo.invalid/problems/demo_credential_required",
            "title": "인증 필요",
            "status": 401,
            "code": "demo_credential_required",
            "detail": "이 서버는 호조 데스크가 연습용으로 띄운 데모 서버입니다. 데모를 시작한 "
            "프로그램만 쓸 수 있습니다 (데모 자격 증명이 없거나 맞지 않습니다).",
        },
        ensure_ascii=False,
    ).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 401,
            "headers": [
                (b"content-type", b"application/problem+json"),
                (b"content-length", str(len(body)).encode()),
                (b"cache-control", b"no-store"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


def install(app: FastAPI, settings: Settings) -> None:
    """Put the credential check in front of everything when demo mode is on (else nothing)."""
    if settings.demo_credential:
        app.add_middleware(DemoCredentialMiddleware, credential=settings.demo_credential)


# -- serve ------------------------------------------------------------------------------------
def check_serve(settings: Settings, host: str, workers: int, exit_with_stdin: bool) -> None:
    """Refuse what demo mode (or the stdin watcher) cannot do; raises the CLI's error."""
    from server.cli import USAGE, CliError

    if exit_with_stdin and workers > 1:
        raise CliError("--exit-with-stdin은 작업자 1개(--workers 1)로만 쓸 수 있습니다.", USAGE)
    if not settings.demo_credential:
        return
    if host != DEMO_HOST:
        raise CliError(
            f"데모 모드({CREDENTIAL_ENV} 설정됨)에서는 이 컴퓨터 안에서만 접속할 수 있도록 "
            f"--host {DEMO_HOST}로만 시작합니다 (받은 값: {host}).",
            USAGE,
        )
    if workers > 1:
        raise CliError("데모 모드에서는 작업자 1개(--workers 1)로만 시작합니다.", USAGE)


def seed_if_new(settings: Settings) -> bool:
    """Seed the demo government when the database has none; True when it did. An existing
    demo is topped up (the seed is idempotent), so after New Year it gains the new "this
    year" versions instead of going stale.

    The check and the seed run in one write transaction (``BEGIN IMMEDIATE`` on SQLite), so
    two servers starting on the same folder at once seed it once.
    """
    from server.db import make_engine, make_session_factory, unit_of_work
    from server.demo import DEMO_CODE, DEMO_NAME, seed_demo
    from server.models import Government

    engine = make_engine(settings.database_url)
    try:
        with unit_of_work(make_session_factory(engine)) as session:
            existed = session.get(Government, DEMO_CODE) is not None
            report = seed_demo(session)  # the demo users' password: server.demo.DEMO_PASSWORD
        if existed:
            log.info("기존 데모 자료를 씁니다: %s %s", DEMO_CODE, DEMO_NAME)
    finally:
        engine.dispose()
    for line in report:
        log.info("%s", line)
    return not existed


class _Stoppable(Protocol):
    should_exit: bool


def exit_with_stdin(server: _Stoppable, grace: float = GRACE_SECONDS) -> threading.Thread:
    """Start a daemon thread that blocks reading stdin; at end of file (the parent closed the
    pipe or died) it asks ``server`` to stop and ends the process after ``grace`` seconds
    whatever the server is still doing."""

    def watch() -> None:
        try:
            fd = _stdin_fd()
            while fd >= 0 and os.read(fd, 4096):
                pass  # the parent has nothing to say; we only wait for the end
        except (OSError, ValueError):
            pass  # a broken, closed or missing stdin is an end too
        log.info("표준 입력이 닫혀 (클라이언트가 끝남) 서버를 멈춥니다.")
        server.should_exit = True
        timer = threading.Timer(grace, _hard_exit, args=(grace,))
        timer.daemon = True
        timer.start()

    thread = threading.Thread(target=watch, name="hojo-exit-with-stdin", daemon=True)
    thread.start()
    return thread


def _stdin_fd() -> int:
    """Descriptor 0 even when ``sys.stdin`` is None (a windowed frozen build); -1 if none."""
    if sys.stdin is not None:
        with contextlib.suppress(OSError, ValueError):
            return sys.stdin.fileno()
    try:
        os.fstat(0)
    except OSError:
        return -1
    return 0


def _hard_exit(grace: float) -> None:
    log.warning("서버가 %.0f초 안에 멈추지 않아 프로세스를 끝냅니다.", grace)
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError, AttributeError):
            stream.flush()
    os._exit(0)
