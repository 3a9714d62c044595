"""Transport and endpoints against a real server: errors, 412, health, offline, TLS, proxy."""

from __future__ import annotations

import http.client
import json
import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from app.services.api.endpoints import HojoApi
from app.services.api.errors import (
    ApiError,
    CertificateError,
    Forbidden,
    NotFound,
    OfflineError,
    StaleError,
)
from app.services.api.health import Compatibility, check_server
from app.services.api.session import Session
from app.services.api.transport import Transport
from domain.contracts.budget import (
    BasisItemIn,
    ExpenditureLineCreate,
    ExpenditureLineOut,
    ExpenditureLineUpdate,
    VersionCreate,
)
from domain.contracts.users import UserCreate, UserUpdate
from domain.roles import Role
from tests.app.services.harness import (
    PASSWORD,
    YEAR,
    RunningServer,
    closed_port,
    make_tls,
    running_server,
)

MakeSession = Callable[..., Session]


def signed_in(make_session: MakeSession, login: str) -> HojoApi:
    session = make_session()
    session.sign_in(login, PASSWORD)
    return HojoApi(session)


def make_line(
    admin: HojoApi, office: HojoApi, staff: HojoApi, server: RunningServer
) -> tuple[Any, Any]:
    parent = None
    for level in ("정책", "단위", "세부"):
        body: dict[str, Any] = {
            "fiscal_year": YEAR,
            "level": level,
            "name": f"청사관리{level}-{uuid.uuid4().hex[:6]}",
            "department_id": server.depts["총무과"],
        }
        if parent:
            body["parent_id"] = parent
        parent = admin.session.request("POST", "/programs", json=body).json()["id"]
    existing = [v for v in office.versions(YEAR) if v.kind == "본예산"]
    version = (
        existing[0]
        if existing
        else office.create_version(VersionCreate(fiscal_year=YEAR, kind="본예산"))
    )
    line = staff.create_expenditure_line(
        version.id,
        ExpenditureLineCreate(
            account_code="100",
            program_id=uuid.UUID(parent),
            object_code="201-01",
            basis=[BasisItemIn(label="○ 사무용품", formula="10,000원 × 12월")],
            funding={"90": 120},
        ),
    )
    return version, line


def test_stale_line_update_raises_412_with_the_current_line(
    make_session: MakeSession, server: RunningServer
) -> None:
    admin = signed_in(make_session, "u_admin")
    office = staff = signed_in(make_session, "u_dept_staff")
    _, line = make_line(admin, signed_in(make_session, "u_budget_office"), staff, server)
    assert office.expenditure_line(line.id).version == line.version
    theirs = ExpenditureLineUpdate(
        basis=[BasisItemIn(label="○ 사무용품", formula="20,000원 × 12월")], funding={"90": 240}
    )
    updated = office.update_expenditure_line(line.id, theirs, line.version)
    assert updated.amount == 240 and updated.version > line.version
    mine = ExpenditureLineUpdate(
        basis=[BasisItemIn(label="○ 사무용품", formula="30,000원 × 12월")], funding={"90": 360}
    )
    with pytest.raises(StaleError) as caught:
        office.update_expenditure_line(line.id, mine, line.version)  # started from the old one
    error = caught.value
    assert error.status == 412 and error.code == "stale_version"
    assert error.current_version == updated.version
    assert isinstance(error.current, ExpenditureLineOut) and error.current.amount == 240
    assert "다른 사용자가 먼저 수정" in error.detail
    # Nothing was overwritten.
    assert office.expenditure_line(line.id).amount == 240


def test_stale_user_update_and_problem_details_in_korean(make_session: MakeSession) -> None:
    admin = signed_in(make_session, "u_admin")
    created = admin.create_user(
        UserCreate(
            login=f"kim{uuid.uuid4().hex[:6]}",
            display_name="김담당",
            roles=[Role.DEPT_STAFF],
            password="Initial-pass-123!",
        )
    )
    changed = admin.update_user(created.id, UserUpdate(display_name="김주무관"), created.version)
    with pytest.raises(StaleError) as stale:
        admin.update_user(created.id, UserUpdate(display_name="김팀장"), created.version)
    assert stale.value.current_version == changed.version
    # 422: field errors, each tied to its field, in Korean.
    with pytest.raises(ApiError) as invalid:
        admin.session.request("POST", "/users", json={"login": "!", "display_name": ""})
    assert invalid.value.status == 422 and invalid.value.code == "validation_error"
    fields = invalid.value.field_messages()
    assert "login" in fields and "형식이 올바르지 않습니다" in fields["login"]
    assert invalid.value.detail.startswith("입력값을 확인해 주세요")
    # 403 and 404 as their own types, Korean detail.
    staff = signed_in(make_session, "u_dept_staff")
    with pytest.raises(Forbidden) as forbidden:
        staff.users()
    assert "권한" in forbidden.value.detail
    with pytest.raises(NotFound) as missing:
        admin.user(uuid.uuid4())
    assert "찾을 수 없습니다" in missing.value.detail


def test_lists_versions_programs_lines_history_and_changes(
    make_session: MakeSession, server: RunningServer
) -> None:
    admin = signed_in(make_session, "u_admin")
    office = signed_in(make_session, "u_budget_office")
    staff = signed_in(make_session, "u_dept_staff")
    version, line = make_line(admin, office, staff, server)
    assert version.id in {v.id for v in office.versions(YEAR)}
    assert office.version(version.id).expenditure_total >= line.amount
    assert any(p.level == "세부" for p in office.programs(YEAR))
    lines = office.expenditure_lines(version.id, with_basis=True)
    assert line.id in {x.id for x in lines} and all(x.basis for x in lines)
    history = office.history("expenditure_line", line.id)
    assert history and history[0].entity_id == str(line.id)
    feed = office.changes(0)
    assert feed.items and feed.next_cursor >= feed.items[-1].seq
    assert office.changes(feed.next_cursor).items == [] or feed.has_more


def test_closed_port_is_offline_in_korean() -> None:
    url = f"http://127.0.0.1:{closed_port()}"
    with Transport(url, timeout=5) as transport, pytest.raises(OfflineError) as caught:
        transport.get_json("/health")
    assert not isinstance(caught.value, CertificateError)
    assert "서버에 연결할 수 없습니다" in caught.value.message
    with pytest.raises(OfflineError):
        check_server(url)
    session = Session(Transport(url, timeout=5))
    with pytest.raises(OfflineError):
        session.sign_in("u_admin", PASSWORD)


def test_health_of_the_real_server(server: RunningServer) -> None:
    result = check_server(server.url)
    assert result.ok and result.compatibility is Compatibility.OK
    assert result.api_version == "1.0" and "서버에 연결했습니다" in result.message


@contextmanager
def fake_health(document: dict[str, str]) -> Iterator[str]:
    """A tiny server whose /api/v1/health answers ``document`` (too old / too new servers)."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = json.dumps(document).encode()
            self.send_response(200 if self.path == "/api/v1/health" else 404)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.mark.parametrize(
    ("api", "min_client", "expected", "words"),
    [
        ("0.9", "0.9", Compatibility.SERVER_TOO_OLD, "서버가 너무 오래된 버전입니다"),
        ("2.0", "2.0", Compatibility.CLIENT_TOO_OLD, "프로그램을 업데이트하세요"),
        ("1.4", "1.2", Compatibility.CLIENT_TOO_OLD, "서버는 1.2 이상 필요"),
        ("1.3", "1.0", Compatibility.OK, "서버에 연결했습니다"),
    ],
)
def test_health_version_mismatch_messages(
    api: str, min_client: str, expected: Compatibility, words: str
) -> None:
    document = {
        "status": "ok",
        "server_version": "9.9.9",
        "api_version": api,
        "min_client_api_version": min_client,
    }
    with fake_health(document) as url:
        result = check_server(url)
    assert result.compatibility is expected
    assert words in result.message


def test_tls_needs_the_internal_ca_and_accepts_it_from_ca_bundle(tmp_path: Path) -> None:
    tls = make_tls(tmp_path)
    with running_server(tmp_path, tls=tls) as server:
        assert server.url.startswith("https://")
        with pytest.raises(CertificateError) as caught:
            check_server(server.url)
        assert caught.value.message == (
            "서버 인증서를 확인할 수 없습니다: 기관 내부 인증서(CA)가 이 PC에 설치되어 있지 "
            "않을 수 있습니다. 관리자에게 ca_bundle 설정을 문의하세요."
        )
        assert "certificate verify failed" in caught.value.cause.lower()
        assert check_server(server.url, ca_bundle=tls.ca_pem).ok
        session = Session(Transport(server.url, ca_bundle=tls.ca_pem))
        assert session.sign_in("u_admin", PASSWORD).login == "u_admin"
        session.transport.close()


def test_unreadable_ca_bundle_is_explained(tmp_path: Path) -> None:
    with pytest.raises(CertificateError) as caught:
        Transport("https://127.0.0.1:1", ca_bundle=tmp_path / "없는파일.pem")
    assert "ca_bundle" in caught.value.message


@contextmanager
def forwarding_proxy() -> Iterator[tuple[str, list[str]]]:
    """A minimal HTTP forward proxy (absolute-form GET/POST), recording what it forwarded."""
    seen: list[str] = []

    class Proxy(BaseHTTPRequestHandler):
        def _forward(self) -> None:
            seen.append(f"{self.command} {self.path}")
            target = urlsplit(self.path)
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else None
            upstream = http.client.HTTPConnection(target.hostname or "", target.port, timeout=10)
            headers = {k: v for k, v in self.headers.items() if k.lower() != "proxy-connection"}
            path = target.path + (f"?{target.query}" if target.query else "")
            upstream.request(self.command, path, body=body, headers=headers)
            answer = upstream.getresponse()
            data = answer.read()
            self.send_response(answer.status)
            for key, value in answer.getheaders():
                if key.lower() not in ("transfer-encoding", "connection", "content-length"):
                    self.send_header(key, value)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
            upstream.close()

        do_GET = _forward
        do_POST = _forward

        def log_message(self, *args: Any) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Proxy)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", seen
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_configured_proxy_is_used(server: RunningServer) -> None:
    with forwarding_proxy() as (proxy_url, seen):
        assert check_server(server.url, proxy=proxy_url).ok
        session = Session(Transport(server.url, proxy=proxy_url))
        session.sign_in("u_admin", PASSWORD)
        session.transport.close()
    assert f"GET {server.url}/api/v1/health" in seen
    assert f"POST {server.url}/api/v1/auth/token" in seen
