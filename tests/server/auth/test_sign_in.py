from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from fastapi.testclient import TestClient
from sqlalchemy import Engine, select, update
from sqlalchemy.orm import Session, sessionmaker

from server.app import create_app
from server.auth.security import decode_access_token
from server.config import Settings
from server.db import unit_of_work
from server.models import AuditEvent, User
from tests.server.auth.conftest import GOV_A, GOV_B, Seed
from tests.server.factories import DEFAULT_PASSWORD

TOKEN = "/api/v1/auth/token"
BAD = "아이디 또는 비밀번호가 올바르지 않습니다."


def _events(factory: sessionmaker[Session], gov: str, action: str) -> list[AuditEvent]:
    with factory() as s:
        stmt = select(AuditEvent).where(
            AuditEvent.government_code == gov, AuditEvent.action == action
        )
        return list(s.scalars(stmt))


def _user(factory: sessionmaker[Session], gov: str, login: str) -> User:
    with factory() as s:
        user = s.scalar(select(User).where(User.government_code == gov, User.login == login))
        assert user is not None
        return user


def test_sign_in_answers_tokens_and_the_user(
    client: TestClient, settings: Settings, seed: Seed, session_factory: sessionmaker[Session]
) -> None:
    resp = client.post(TOKEN, json={"login": "staff", "password": DEFAULT_PASSWORD})
    assert resp.status_code == 200, resp.text
    assert resp.headers["cache-control"] == "no-store"
    body = resp.json()
    assert body["token_type"] == "bearer"
    assert body["expires_in"] == settings.access_token_minutes * 60
    assert body["refresh_token"].startswith(GOV_A + ".")
    assert body["user"] == {
        "id": str(seed.staff_a),
        "login": "staff",
        "display_name": "staff",
        "government_code": GOV_A,
        "roles": ["dept_staff"],
        "department_id": None,
        "must_change_password": False,
    }
    claims = decode_access_token(settings.secret_key, body["access_token"])
    assert claims is not None and claims.user_id == seed.staff_a
    assert claims.roles == frozenset({"dept_staff"})
    me = client.get("/api/v1/auth/me", headers={"Authorization": f"Bearer {body['access_token']}"})
    assert me.status_code == 200
    assert me.json() == body["user"]
    logins = _events(session_factory, GOV_A, "login")
    assert [e.entity_id for e in logins] == [str(seed.staff_a)]


def test_wrong_password_and_unknown_user_get_the_same_korean_401(
    client: TestClient, session_factory: sessionmaker[Session], seed: Seed
) -> None:
    wrong = client.post(TOKEN, json={"login": "staff", "password": "nope-nope-1"})
    unknown = client.post(TOKEN, json={"login": "ghost", "password": "nope-nope-1"})
    for resp in (wrong, unknown):
        assert resp.status_code == 401
        assert resp.headers["content-type"].startswith("application/problem+json")
        body = resp.json()
        assert body["detail"] == BAD
        assert body["code"] == "invalid_credentials"
        assert body["status"] == 401
        assert body["title"]
    failed = _events(session_factory, GOV_A, "login_failed")
    assert [e.entity_id for e in failed] == [str(seed.staff_a)]
    assert "password" not in str(failed[0].after)
    assert _user(session_factory, GOV_A, "staff").failed_logins == 1


def test_login_in_several_governments_needs_the_government_code(
    client: TestClient, seed: Seed
) -> None:
    resp = client.post(TOKEN, json={"login": "kim", "password": DEFAULT_PASSWORD})
    assert resp.status_code == 400
    body = resp.json()
    assert body["code"] == "government_code_required"
    assert "기관코드" in body["detail"]
    assert body["errors"][0]["field"] == "government_code"
    for gov, uid in ((GOV_A, seed.kim_a), (GOV_B, seed.kim_b)):
        ok = client.post(
            TOKEN, json={"login": "kim", "password": DEFAULT_PASSWORD, "government_code": gov}
        )
        assert ok.status_code == 200
        assert ok.json()["user"]["id"] == str(uid)
    other = client.post(
        TOKEN, json={"login": "staff", "password": DEFAULT_PASSWORD, "government_code": GOV_B}
    )
    assert other.status_code == 401


def test_payload_errors_are_422_naming_the_field(client: TestClient) -> None:
    resp = client.post(TOKEN, json={"login": "staff"})
    assert resp.status_code == 422
    assert resp.json()["errors"][0]["field"] == "password"
    extra = client.post(TOKEN, json={"login": "a", "password": "b", "otp": "1"})
    assert extra.status_code == 422


def test_lockout_after_n_failures_then_unlock_after_the_period(
    settings: Settings, engine: Engine, seed: Seed, session_factory: sessionmaker[Session]
) -> None:
    settings = replace(settings, max_failed_logins=3, lockout_minutes=10)
    with TestClient(create_app(settings, engine)) as client:
        wrong = {"login": "staff", "password": "wrong-pass-1"}
        assert client.post(TOKEN, json=wrong).status_code == 401
        # a success in between resets the counter
        assert client.post(TOKEN, json={**wrong, "password": DEFAULT_PASSWORD}).status_code == 200
        assert _user(session_factory, GOV_A, "staff").failed_logins == 0
        assert client.post(TOKEN, json=wrong).status_code == 401
        assert client.post(TOKEN, json=wrong).status_code == 401
        locked = client.post(TOKEN, json=wrong)
        assert locked.status_code == 423
        assert locked.json()["code"] == "account_locked"
        assert "잠겼습니다" in locked.json()["detail"]
        assert "한국시간" in locked.json()["detail"]
        # the right password does not help while locked
        right = {**wrong, "password": DEFAULT_PASSWORD}
        assert client.post(TOKEN, json=right).status_code == 423
        user = _user(session_factory, GOV_A, "staff")
        assert user.failed_logins == 3 and user.locked_until is not None
        assert len(_events(session_factory, GOV_A, "locked")) == 1
        assert len(_events(session_factory, GOV_A, "login_failed")) == 3
        # time passes: move the lock into the past instead of sleeping
        with unit_of_work(session_factory) as s:
            s.execute(
                update(User)
                .where(User.id == seed.staff_a)
                .values(locked_until=datetime.now(UTC) - timedelta(seconds=1))
            )
        assert client.post(TOKEN, json=right).status_code == 200
        user = _user(session_factory, GOV_A, "staff")
        assert user.failed_logins == 0 and user.locked_until is None


def test_disabled_user_is_refused_with_403(
    client: TestClient, session_factory: sessionmaker[Session], seed: Seed
) -> None:
    with unit_of_work(session_factory) as s:
        s.execute(update(User).where(User.id == seed.staff_a).values(is_disabled=True))
    resp = client.post(TOKEN, json={"login": "staff", "password": DEFAULT_PASSWORD})
    assert resp.status_code == 403
    assert resp.json()["code"] == "account_disabled"
    assert "사용이 중지된" in resp.json()["detail"]
    # a wrong password still answers the generic 401
    resp = client.post(TOKEN, json={"login": "staff", "password": "wrong-pass-1"})
    assert resp.status_code == 401
