"""Demo mode on the server: the per-launch credential, password-less demo sign-in, the
first-start seed and ``serve --exit-with-stdin`` (every database test on SQLite and PostgreSQL).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from domain.roles import Role
from server import demo_mode
from server.app import create_app
from server.auth.demo_endpoints import DEMO_LOGINS
from server.cli import USAGE, CliError
from server.config import Settings
from server.db import unit_of_work
from server.demo import DEMO_CODE
from server.models import AuditEvent, AuditHead, User
from server.openapi import committed_document
from tests.conftest import PROJECT_ROOT
from tests.server.factories import bearer, make_government, make_user

CREDENTIAL = "per-launch-" + "k" * 32
HEADER = {demo_mode.CREDENTIAL_HEADER: CREDENTIAL}
DEMO = "/api/v1/auth/demo"
ME = "/api/v1/auth/me"


@pytest.fixture
def demo_settings(settings: Settings) -> Settings:
    demo = replace(settings, demo_credential=CREDENTIAL)
    assert demo_mode.seed_if_new(demo) is True
    return demo


@pytest.fixture
def demo_client(demo_settings: Settings) -> Iterator[TestClient]:
    app = create_app(demo_settings)
    demo_mode.install(app, demo_settings)
    with TestClient(app) as client:
        yield client


def _routes() -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for path, ops in sorted(committed_document()["paths"].items()):
        filled = re.sub(
            r"\{(\w+)\}", lambda m: "2024" if m.group(1) == "year" else str(uuid.uuid4()), path
        )
        out.extend((method.upper(), filled) for method in ops)
    return out


def _demo_tokens(client: TestClient, login: str = "demo-dept-budget") -> dict[str, object]:
    resp = client.post(DEMO, json={"login": login}, headers=HEADER)
    assert resp.status_code == 200, resp.text
    assert resp.headers["cache-control"] == "no-store"
    body: dict[str, object] = resp.json()
    return body


def test_without_the_credential_every_route_but_health_answers_401(
    demo_client: TestClient, demo_settings: Settings, session_factory: sessionmaker[Session]
) -> None:
    with session_factory() as s:
        admin = s.scalar(
            select(User).where(User.government_code == DEMO_CODE, User.login == "demo-admin")
        )
        assert admin is not None
        token = bearer(demo_settings, admin, [r.value for r in Role])  # a valid token is not enough
    routes = [*_routes(), ("GET", "/openapi.json"), ("GET", "/docs"), ("GET", "/no/such/page")]
    assert len(routes) > 20
    wrong = [
        {},
        token,
        {demo_mode.CREDENTIAL_HEADER: "guess", **token},
        {demo_mode.CREDENTIAL_HEADER: CREDENTIAL[:-1], **token},
        {demo_mode.CREDENTIAL_HEADER: CREDENTIAL + "x", **token},
        {demo_mode.CREDENTIAL_HEADER: "", **token},
    ]
    let_through = []
    for method, path in routes:
        for headers in wrong:
            resp = demo_client.request(method, path, headers=headers)
            opened = (method, path) == ("GET", "/api/v1/health")
            if opened != (resp.status_code != 401):
                let_through.append(f"{method} {path} {sorted(headers)}: {resp.status_code}")
            if resp.status_code == 401:
                assert resp.headers["content-type"] == "application/problem+json"
                problem = resp.json()
                assert problem["code"] == "demo_credential_required"
                assert "데모" in problem["detail"]
    assert let_through == []
    assert demo_client.get("/api/v1/health").json()["status"] == "ok"
    # With the credential the same routes are reached (a bearer token still decides the rest).
    assert demo_client.get("/openapi.json", headers=HEADER).status_code == 200
    assert demo_client.get(ME, headers=HEADER).status_code == 401  # no bearer: the usual 401
    assert demo_client.get(ME, headers={**HEADER, **token}).status_code == 200


def test_the_credential_header_given_twice_is_refused(demo_client: TestClient) -> None:
    headers = [(demo_mode.CREDENTIAL_HEADER, CREDENTIAL), (demo_mode.CREDENTIAL_HEADER, "other")]
    resp = demo_client.post(DEMO, json={"login": "demo-admin"}, headers=headers)
    assert resp.status_code == 401


@pytest.mark.parametrize("login", DEMO_LOGINS)
def test_demo_sign_in_gives_tokens_that_work(
    login: str, demo_client: TestClient, session_factory: sessionmaker[Session]
) -> None:
    tokens = _demo_tokens(demo_client, login)
    assert isinstance(tokens["access_token"], str) and isinstance(tokens["refresh_token"], str)
    auth = {"Authorization": f"Bearer {tokens['access_token']}", **HEADER}
    me = demo_client.get(ME, headers=auth)
    assert me.status_code == 200, me.text
    body = me.json()
    assert body["login"] == login
    assert body["government_code"] == DEMO_CODE
    assert body["roles"] == [
        next(r.value for r in Role if login == f"demo-{r.value.replace('_', '-')}")
    ]
    assert body["must_change_password"] is False
    refreshed = demo_client.post(
        "/api/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]}, headers=HEADER
    )
    assert refreshed.status_code == 200
    with session_factory() as s:
        events = s.scalars(
            select(AuditEvent).where(
                AuditEvent.government_code == DEMO_CODE, AuditEvent.action == "login"
            )
        ).all()
    assert [e.summary for e in events] == [f"사용자 '{login}' 로그인 (데모 모드, 비밀번호 없이)"]


def test_demo_sign_in_refuses_a_login_that_is_not_a_demo_user(
    demo_client: TestClient, session_factory: sessionmaker[Session]
) -> None:
    with unit_of_work(session_factory) as s:
        make_government(s, "3500000", "인천광역시 동구")
        make_user(s, "3500000", "real-admin", [Role.ADMIN])
        make_user(s, "3500000", "demo-auditor-copy", [Role.AUDITOR])
    for login in ("real-admin", "demo-auditor-copy", "demo-nobody", "admin", " "):
        resp = demo_client.post(DEMO, json={"login": login}, headers=HEADER)
        assert resp.status_code == 400, (login, resp.text)
        problem = resp.json()
        assert problem["code"] == "not_a_demo_user"
        assert problem["errors"][0]["field"] == "login"
        assert "데모 사용자" in problem["detail"]
    assert demo_client.post(DEMO, json={}, headers=HEADER).status_code == 422
    extra = {"login": "demo-admin", "password": "x"}
    assert demo_client.post(DEMO, json=extra, headers=HEADER).status_code == 422


def test_a_disabled_demo_user_cannot_sign_in(
    demo_client: TestClient, session_factory: sessionmaker[Session]
) -> None:
    with unit_of_work(session_factory) as s:
        user = s.scalar(
            select(User).where(User.government_code == DEMO_CODE, User.login == "demo-admin")
        )
        assert user is not None
        user.is_disabled = True
    resp = demo_client.post(DEMO, json={"login": "demo-admin"}, headers=HEADER)
    assert resp.status_code == 403
    assert resp.json()["code"] == "account_disabled"


def test_demo_route_is_404_when_demo_mode_is_off(settings: Settings) -> None:
    assert settings.demo_credential is None
    app = create_app(settings)
    demo_mode.install(app, settings)  # does nothing outside demo mode
    with TestClient(app) as client:
        for headers in ({}, HEADER):
            resp = client.post(DEMO, json={"login": "demo-dept-budget"}, headers=headers)
            assert resp.status_code == 404
            assert resp.headers["content-type"] == "application/problem+json"
        assert client.get(ME).json()["code"] == "unauthorized"  # no credential needed either
        assert client.get("/openapi.json").status_code == 200


def test_the_endpoint_checks_the_credential_even_without_the_middleware(
    demo_settings: Settings,
) -> None:
    with TestClient(create_app(demo_settings)) as client:
        refused = client.post(DEMO, json={"login": "demo-admin"})
        assert refused.status_code == 401
        assert refused.json()["code"] == "demo_credential_required"
        wrong = {demo_mode.CREDENTIAL_HEADER: "nope"}
        assert client.post(DEMO, json={"login": "demo-admin"}, headers=wrong).status_code == 401
        assert client.post(DEMO, json={"login": "demo-admin"}, headers=HEADER).status_code == 200


def test_the_demo_is_seeded_once(
    demo_settings: Settings, session_factory: sessionmaker[Session]
) -> None:
    def state() -> tuple[int, int]:
        with session_factory() as s:
            head = s.get(AuditHead, DEMO_CODE)
            users = s.scalar(
                select(func.count()).select_from(User).where(User.government_code == DEMO_CODE)
            )
            assert head is not None
            return head.seq, int(users or 0)

    first = state()
    assert first[1] == len(Role)
    assert demo_mode.seed_if_new(demo_settings) is False
    assert state() == first


def test_serve_refuses_what_demo_mode_cannot_do(settings: Settings) -> None:
    demo = replace(settings, demo_credential=CREDENTIAL)
    for host in ("0.0.0.0", "::", "192.168.0.10", "localhost"):
        with pytest.raises(CliError) as caught:
            demo_mode.check_serve(demo, host, 1, True)
        assert caught.value.code == USAGE
        assert "127.0.0.1" in caught.value.message
    with pytest.raises(CliError):
        demo_mode.check_serve(demo, "127.0.0.1", 2, False)
    with pytest.raises(CliError):
        demo_mode.check_serve(settings, "0.0.0.0", 4, True)
    demo_mode.check_serve(demo, "127.0.0.1", 1, True)
    demo_mode.check_serve(settings, "0.0.0.0", 4, False)  # not demo mode: anything goes


# -- the real command line -------------------------------------------------------------------
def _serve(
    tmp_path: Path, *args: str, credential: str | None = CREDENTIAL
) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("HOJO_")}
    env["HOJO_DATA_DIR"] = str(tmp_path / "data")
    if credential:
        env["HOJO_DEMO_CREDENTIAL"] = credential
    return subprocess.Popen(
        [sys.executable, "-m", "server", "serve", "--port", "0", *args],
        env=env,
        cwd=PROJECT_ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )


def test_serve_in_demo_mode_refuses_another_host(tmp_path: Path) -> None:
    proc = _serve(tmp_path, "--host", "0.0.0.0")
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 2
    assert "--host 127.0.0.1" in err


def test_serve_exits_when_its_stdin_closes(tmp_path: Path) -> None:
    proc = _serve(tmp_path, "--exit-with-stdin")
    try:
        assert proc.stdout is not None and proc.stdin is not None
        first = proc.stdout.readline().strip()
        assert first.startswith("HOJO_SERVER_PORT="), first
        time.sleep(0.5)
        assert proc.poll() is None  # an open stdin keeps it running
        proc.stdin.close()
        started = time.monotonic()
        proc.wait(timeout=15)
        assert time.monotonic() - started < demo_mode.GRACE_SECONDS + 5
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=30)
    assert proc.stderr is not None
    err = proc.stderr.read()
    assert proc.returncode == 0
    assert "표준 입력이 닫혀" in err
    assert "데모 자치단체를 만들었습니다" in err  # seeded on the first start


STUCK_SERVER = """
import sys, time
from server import demo_mode

class Stuck:
    should_exit = False

stuck = Stuck()
demo_mode.exit_with_stdin(stuck, grace=0.5)
print("watching", flush=True)
while True:  # a server that never finishes stopping
    time.sleep(0.05)
    if stuck.should_exit:
        print("asked to stop", flush=True)
        stuck.should_exit = False
"""


def test_a_server_that_does_not_stop_is_ended_after_the_grace_time() -> None:
    proc = subprocess.Popen(
        [sys.executable, "-c", STUCK_SERVER],
        cwd=PROJECT_ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None and proc.stdin is not None
        assert proc.stdout.readline().strip() == "watching"
        proc.stdin.write("anything the parent writes is ignored\n")
        proc.stdin.flush()
        time.sleep(0.3)
        assert proc.poll() is None
        proc.stdin.close()
        started = time.monotonic()
        proc.wait(timeout=10)
        assert 0.4 < time.monotonic() - started < 5
        assert proc.stdout.readline().strip() == "asked to stop"
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=10)
    assert proc.returncode == 0
    assert proc.stderr is not None
    assert "멈추지 않아 프로세스를 끝냅니다" in proc.stderr.read()
