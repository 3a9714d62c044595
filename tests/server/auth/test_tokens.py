from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from server.db import unit_of_work
from server.models import AuditEvent, RefreshToken, User
from tests.server.auth.conftest import GOV_A, Seed
from tests.server.factories import DEFAULT_PASSWORD

TOKEN = "/api/v1/auth/token"
REFRESH = "/api/v1/auth/refresh"
LOGOUT = "/api/v1/auth/logout"
ME = "/api/v1/auth/me"
PASSWORD = "/api/v1/auth/password"


def _sign_in(
    client: TestClient, login: str = "staff", password: str = DEFAULT_PASSWORD
) -> dict[str, Any]:
    resp = client.post(TOKEN, json={"login": login, "password": password})
    assert resp.status_code == 200, resp.text
    body: dict[str, Any] = resp.json()
    return body


def _auth(body: dict[str, Any]) -> dict[str, str]:
    return {"Authorization": f"Bearer {body['access_token']}"}


def test_refresh_rotates_within_the_family_and_stores_only_a_hash(
    client: TestClient, session_factory: sessionmaker[Session]
) -> None:
    first = _sign_in(client)
    second = client.post(REFRESH, json={"refresh_token": first["refresh_token"]})
    assert second.status_code == 200, second.text
    second_body = second.json()
    assert second_body["refresh_token"] != first["refresh_token"]
    assert client.get(ME, headers=_auth(second_body)).status_code == 200
    with session_factory() as s:
        rows = list(s.scalars(select(RefreshToken).order_by(RefreshToken.issued_at)))
    assert len(rows) == 2
    assert rows[0].family_id == rows[1].family_id
    assert rows[0].used_at is not None and rows[1].used_at is None
    secret = first["refresh_token"].split(".", 2)[2]
    assert all(secret not in r.secret_hash for r in rows)
    third = client.post(REFRESH, json={"refresh_token": second_body["refresh_token"]})
    assert third.status_code == 200


def test_reusing_a_refresh_token_revokes_the_whole_family(
    client: TestClient, session_factory: sessionmaker[Session]
) -> None:
    first = _sign_in(client)
    other_session = _sign_in(client)
    second = client.post(REFRESH, json={"refresh_token": first["refresh_token"]}).json()
    replay = client.post(REFRESH, json={"refresh_token": first["refresh_token"]})
    assert replay.status_code == 401
    assert replay.json()["code"] == "invalid_refresh_token"
    assert "다시 로그인" in replay.json()["detail"]
    # the thief's (or the owner's) newer token of that family is dead too
    assert client.post(REFRESH, json={"refresh_token": second["refresh_token"]}).status_code == 401
    # another sign-in session of the same user is untouched
    ok = client.post(REFRESH, json={"refresh_token": other_session["refresh_token"]})
    assert ok.status_code == 200
    with session_factory() as s:
        events = list(s.scalars(select(AuditEvent).where(AuditEvent.action == "refresh_reuse")))
    assert len(events) == 1


def test_malformed_forged_and_foreign_refresh_tokens_are_401(client: TestClient) -> None:
    body = _sign_in(client)
    gov, token_id, secret = body["refresh_token"].split(".", 2)
    for raw in (
        "garbage",
        f"{gov}.not-a-uuid.{secret}",
        f"{gov}.{token_id}.x{secret}",
        f"3510000.{token_id}.{secret}",
    ):
        resp = client.post(REFRESH, json={"refresh_token": raw})
        assert resp.status_code == 401, raw
    # forging attempts did not burn the real token
    assert client.post(REFRESH, json={"refresh_token": body["refresh_token"]}).status_code == 200


def test_expired_refresh_token_is_refused(
    client: TestClient, session_factory: sessionmaker[Session]
) -> None:
    body = _sign_in(client)
    with unit_of_work(session_factory) as s:
        s.execute(update(RefreshToken).values(expires_at=RefreshToken.issued_at))
    assert client.post(REFRESH, json={"refresh_token": body["refresh_token"]}).status_code == 401


def test_logout_revokes_and_is_idempotent(
    client: TestClient, session_factory: sessionmaker[Session]
) -> None:
    body = _sign_in(client)
    for _ in range(2):
        resp = client.post(LOGOUT, json={"refresh_token": body["refresh_token"]})
        assert resp.status_code == 204
    assert client.post(LOGOUT, json={"refresh_token": "junk"}).status_code == 204
    assert client.post(REFRESH, json={"refresh_token": body["refresh_token"]}).status_code == 401
    with session_factory() as s:
        events = list(s.scalars(select(AuditEvent).where(AuditEvent.action == "logout")))
    assert len(events) == 1


def test_disabled_users_access_token_stops_working_at_once(
    client: TestClient, session_factory: sessionmaker[Session], seed: Seed
) -> None:
    body = _sign_in(client)
    assert client.get(ME, headers=_auth(body)).status_code == 200
    with unit_of_work(session_factory) as s:
        s.execute(update(User).where(User.id == seed.staff_a).values(is_disabled=True))
    resp = client.get(ME, headers=_auth(body))
    assert resp.status_code == 401
    assert "사용이 중지된" in resp.json()["detail"]
    assert client.post(REFRESH, json={"refresh_token": body["refresh_token"]}).status_code == 401


def test_me_needs_a_token(client: TestClient) -> None:
    resp = client.get(ME)
    assert resp.status_code == 401
    assert resp.headers["content-type"].startswith("application/problem+json")
    assert resp.json()["detail"] == "로그인이 필요합니다."


def test_password_change_checks_strength_and_ends_other_sessions(
    client: TestClient, session_factory: sessionmaker[Session], seed: Seed
) -> None:
    other = _sign_in(client)
    mine = _sign_in(client)
    wrong = client.post(
        PASSWORD,
        json={"current_password": "not-it-123", "new_password": "Brand-new-pass-9"},
        headers=_auth(mine),
    )
    assert wrong.status_code == 400
    assert wrong.json()["errors"][0]["field"] == "current_password"
    for weak, reason in (
        ("short1!", "10자"),
        ("onlyletterspassword", "두 종류"),
        (DEFAULT_PASSWORD, "달라야"),
        ("staff-is-me-123", "아이디"),
    ):
        resp = client.post(
            PASSWORD,
            json={"current_password": DEFAULT_PASSWORD, "new_password": weak},
            headers=_auth(mine),
        )
        assert resp.status_code == 400, weak
        assert resp.json()["code"] == "weak_password"
        assert reason in resp.json()["detail"]
        assert resp.json()["errors"][0]["field"] == "new_password"
    resp = client.post(
        PASSWORD,
        json={"current_password": DEFAULT_PASSWORD, "new_password": "Brand-new-pass-9"},
        headers=_auth(mine),
    )
    assert resp.status_code == 200, resp.text
    fresh = resp.json()
    assert fresh["user"]["must_change_password"] is False
    assert client.post(REFRESH, json={"refresh_token": other["refresh_token"]}).status_code == 401
    assert client.post(REFRESH, json={"refresh_token": mine["refresh_token"]}).status_code == 401
    assert client.post(REFRESH, json={"refresh_token": fresh["refresh_token"]}).status_code == 200
    assert (
        client.post(TOKEN, json={"login": "staff", "password": DEFAULT_PASSWORD}).status_code == 401
    )
    _sign_in(client, password="Brand-new-pass-9")
    with session_factory() as s:
        events = list(
            s.scalars(
                select(AuditEvent).where(
                    AuditEvent.government_code == GOV_A, AuditEvent.action == "password_changed"
                )
            )
        )
        assert [e.entity_id for e in events] == [str(seed.staff_a)]
        assert events[0].before is None and events[0].after is None
