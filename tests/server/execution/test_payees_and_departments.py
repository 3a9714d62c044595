"""On SQLite and PostgreSQL: the 주민등록번호 is never stored in plain text (no table, no
column, audit included); the withholding report decrypts it for the 지출원 only; and a 사업담당
writes 품의·결의 only on their own 부서's lines."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import inspect, text
from sqlalchemy.orm import Session, sessionmaker

from domain.roles import Role
from server.app import create_app
from server.config import Settings
from server.db import unit_of_work
from tests.server.execution.env import GOV, ExecEnv, build, post
from tests.server.factories import bearer, make_department, make_user

RRN = "900101-1234567"
RRN_DIGITS = RRN.replace("-", "")


@pytest.fixture
def env(settings: Settings, session_factory: sessionmaker[Session]) -> ExecEnv:
    with unit_of_work(session_factory) as s:
        env = build(s, settings)
        other = make_department(s, GOV, "복지정책과")
        for login in ("outsider", "outsider_budget"):
            role = Role.DEPT_STAFF if login == "outsider" else Role.DEPT_BUDGET
            user = make_user(s, GOV, login, [role], department_id=other.id)
            env.users[login] = user
            env.headers[login] = bearer(settings, user, [role])
        return env


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings)) as c:
        yield c


def _allot(client: TestClient, env: ExecEnv, amount: int) -> None:
    r = post(client, f"/lines/{env.line_id}/allotments", env.headers["budget"],
             {"quarter": 1, "amount": amount})  # fmt: skip
    assert r.status_code == 201, r.text


def _payee_with_resident_number(client: TestClient, env: ExecEnv) -> str:
    r = client.post("/api/v1/execution/payees", headers=env.headers["staff"], json={
        "name": "김강사", "resident_number": RRN, "bank": "농협",
        "account_number": "302-1234-5678-91"})  # fmt: skip
    assert r.status_code == 201, r.text
    assert r.json()["resident_number_masked"] == "900101-1******"
    assert RRN_DIGITS not in r.text and "1234567" not in r.text
    return str(r.json()["id"])


def _every_stored_value(session: Session) -> Iterator[tuple[str, str, str]]:
    """(table, column, value as text) of every non-null value in every table."""
    inspector = inspect(session.get_bind())
    for table in inspector.get_table_names():
        columns = [c["name"] for c in inspector.get_columns(table)]
        for row in session.execute(text(f'SELECT * FROM "{table}"')).mappings():
            for column in columns:
                value = row[column]
                if value is None:
                    continue
                if isinstance(value, bytes | bytearray | memoryview):
                    raw = bytes(value)
                    yield table, column, raw.decode("latin-1")
                    yield table, column, raw.hex()
                else:
                    yield table, column, str(value)


def test_resident_number_never_stored_in_plain_text(
    client: TestClient, env: ExecEnv, session_factory: sessionmaker[Session]
) -> None:
    _allot(client, env, 1_000_000)
    payee_id = _payee_with_resident_number(client, env)
    ob = post(client, "/obligations", env.headers["finance"],
              {"line_id": str(env.line_id), "amount": 500_000})  # fmt: skip
    res = post(client, "/resolutions", env.headers["staff"], {
        "parent_id": ob.json()["id"], "amount": 500_000, "income_type": "other",
        "payee_id": payee_id, "title": "강사료"})  # fmt: skip
    assert res.status_code == 201, res.text
    needles = (RRN_DIGITS, RRN, RRN_DIGITS.encode().hex())
    with unit_of_work(session_factory, write=False) as s:
        cipher = s.execute(text("SELECT resident_cipher FROM payees")).scalar_one()
        assert cipher  # encrypted, not absent
        found = [
            (table, column)
            for table, column, value in _every_stored_value(s)
            if any(n in value for n in needles)
        ]
    assert found == [], f"plain 주민등록번호 stored in {found}"


def test_withholding_report_decrypts_for_the_disbursing_officer_only(
    client: TestClient, env: ExecEnv
) -> None:
    _allot(client, env, 2_000_000)
    payee_id = _payee_with_resident_number(client, env)
    h = env.headers
    ob = post(client, "/obligations", h["finance"], {"line_id": str(env.line_id),
                                                     "amount": 1_500_000})  # fmt: skip
    for amount in (500_000, 300_000):
        r = post(client, "/resolutions", h["staff"], {
            "parent_id": ob.json()["id"], "amount": amount, "income_type": "other",
            "payee_id": payee_id})  # fmt: skip
        assert r.status_code == 201, r.text
    cancelled = post(client, "/resolutions", h["staff"], {
        "parent_id": ob.json()["id"], "amount": 100_000, "income_type": "other",
        "payee_id": payee_id})  # fmt: skip
    assert post(client, f"/documents/{cancelled.json()['id']}/cancel", h["staff"],
                {"reason": "착오"}).status_code == 200  # fmt: skip
    url = "/api/v1/execution/withholding-report?year=2024"
    for who in ("staff", "finance", "budget", "auditor"):
        refused = client.get(url, headers=h[who])
        assert refused.status_code == 403, (who, refused.text)
        assert RRN_DIGITS not in refused.text
    report = client.get(url, headers=h["payer"])
    assert report.status_code == 200, report.text
    # 800,000원 기타소득: 소득금액 320,000 → 소득세 64,000, 지방소득세 6,400 (the cancel is out)
    assert report.json() == [{
        "payee_id": payee_id, "name": "김강사", "business_number": None,
        "resident_number": RRN, "income_type": "other", "gross": 800_000,
        "income_tax": 64_000, "local_tax": 6_400,
    }]  # fmt: skip
    assert (
        client.get("/api/v1/execution/withholding-report?year=2023", headers=h["payer"]).json()
        == []
    )


def test_dept_staff_write_only_on_their_own_departments_lines(
    client: TestClient, env: ExecEnv
) -> None:
    _allot(client, env, 1_000_000)
    h = env.headers
    line = str(env.line_id)
    for who in ("outsider", "outsider_budget"):
        req = post(client, "/requests", h[who], {"line_id": line, "amount": 100_000})
        assert req.status_code == 403, req.text
        assert "다른 부서의 예산(품의)" in req.json()["detail"]
    ob = post(client, "/obligations", h["finance"], {"line_id": line, "amount": 300_000})
    assert ob.status_code == 201, ob.text  # the 재무관 is not tied to the line's 부서
    res = post(client, "/resolutions", h["outsider"], {"parent_id": ob.json()["id"],
                                                       "amount": 100_000})  # fmt: skip
    assert res.status_code == 403 and "다른 부서의 예산(지출결의)" in res.json()["detail"]
    # the line's own 부서 may, and nothing was charged by the refusals
    own = post(client, "/requests", h["staff"], {"line_id": line, "amount": 100_000})
    assert own.status_code == 201, own.text
    mine = post(client, "/resolutions", h["staff"], {"parent_id": ob.json()["id"],
                                                     "amount": 100_000})  # fmt: skip
    assert mine.status_code == 201, mine.text
    balance = client.get(f"/api/v1/execution/lines/{line}", headers=h["auditor"]).json()
    assert (balance["obligated"], balance["resolved"]) == (300_000, 100_000)
    left = client.get(f"/api/v1/execution/documents/{ob.json()['id']}", headers=h["auditor"])
    assert left.json()["used"] == 100_000


def test_a_queued_payee_is_made_once_with_the_clients_id(
    client: TestClient, env: ExecEnv, session_factory: sessionmaker[Session]
) -> None:
    """A 채주 queued offline: its id chosen by the client, sent with an Idempotency-Key; a
    resend with the same key is answered with the first answer (one 채주), the same key with
    another body is refused, another key for the same id is a 409, and a 결의 body naming the
    id before the 채주 reaches the server would find it once it has."""
    payee_id = str(uuid.uuid4())
    body = {"id": payee_id, "name": "한빛교육연구소", "business_number": "220-81-62517",
            "bank": "국민은행", "account_number": "123456-01-234567"}  # fmt: skip
    key = str(uuid.uuid4())
    first = post(client, "/payees", env.headers["staff"], body, key)
    assert first.status_code == 201, first.text
    assert first.json()["id"] == payee_id and first.json()["account_masked"].endswith("4567")
    again = post(client, "/payees", env.headers["staff"], body, key)
    assert again.status_code == 201 and again.headers.get("Idempotent-Replayed") == "true"
    assert again.json() == first.json()
    other_body = post(client, "/payees", env.headers["staff"], {**body, "name": "다른"}, key)
    assert other_body.status_code == 422, other_body.text
    taken = post(client, "/payees", env.headers["staff"], body)  # a new key, the same id
    assert taken.status_code == 409 and "이미 등록" in taken.json()["detail"], taken.text
    found = client.get("/api/v1/execution/payees", headers=env.headers["staff"],
                       params={"q": "한빛교육"})  # fmt: skip
    assert [p["id"] for p in found.json()["items"]] == [payee_id]
    plain = {"name": "열쇠 없음", "business_number": "124-81-00998"}
    without_key = client.post("/api/v1/execution/payees", headers=env.headers["staff"], json=plain)
    assert without_key.status_code == 201, without_key.text  # old clients: still one POST
