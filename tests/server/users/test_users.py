from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from server.models import AuditEvent
from tests.server.factories import DEFAULT_PASSWORD
from tests.server.users.conftest import GOV_A, GOV_B, World

USERS = "/api/v1/users"
TOKEN = "/api/v1/auth/token"
NEW = {
    "login": "lee",
    "display_name": "이순신",
    "roles": ["dept_budget"],
    "password": "Initial-pass-77",
}


def _audit(factory: sessionmaker[Session], gov: str) -> list[AuditEvent]:
    with factory() as s:
        stmt = select(AuditEvent).where(AuditEvent.government_code == gov)
        return list(s.scalars(stmt.order_by(AuditEvent.seq)))


def _create(client: TestClient, world: World, **changes: Any) -> dict[str, Any]:
    resp = client.post(USERS, json={**NEW, **changes}, headers=world.admin)
    assert resp.status_code == 201, resp.text
    body: dict[str, Any] = resp.json()
    return body


def _if_match(headers: dict[str, str], version: int | str) -> dict[str, str]:
    return {**headers, "If-Match": f'"{version}"'}


def test_create_read_and_sign_in_with_the_initial_password(
    client: TestClient, world: World, session_factory: sessionmaker[Session]
) -> None:
    resp = client.post(USERS, json={**NEW, "department_id": str(world.dept_a)}, headers=world.admin)
    assert resp.status_code == 201, resp.text
    body = resp.json()
    assert resp.headers["etag"] == f'"{body["version"]}"'
    assert resp.headers["location"] == f"{USERS}/{body['id']}"
    assert body["must_change_password"] is True
    assert body["roles"] == ["dept_budget"]
    assert body["government_code"] == GOV_A
    assert "password" not in body and "password_hash" not in body
    got = client.get(f"{USERS}/{body['id']}", headers=world.admin)
    assert got.status_code == 200
    assert got.headers["etag"] == resp.headers["etag"]
    assert got.json() == body
    signed = client.post(TOKEN, json={"login": "lee", "password": "Initial-pass-77"})
    assert signed.status_code == 200
    assert signed.json()["user"]["must_change_password"] is True
    created = [e for e in _audit(session_factory, GOV_A) if e.action == "create"]
    assert len(created) == 1
    assert created[0].entity_type == "user" and created[0].entity_id == body["id"]
    assert created[0].after is not None and created[0].after["login"] == "lee"
    assert "Initial-pass-77" not in str(created[0].after)
    assert "argon2" not in str(created[0].after)


def test_create_refusals_name_the_field(client: TestClient, world: World) -> None:
    bad_role = client.post(USERS, json={**NEW, "roles": ["emperor"]}, headers=world.admin)
    assert bad_role.status_code == 422
    assert bad_role.json()["errors"][0]["field"] == "roles.0"
    assert "roles" in bad_role.json()["detail"]
    weak = client.post(USERS, json={**NEW, "password": "short"}, headers=world.admin)
    assert weak.status_code == 400
    assert weak.json()["errors"][0]["field"] == "password"
    assert "10자" in weak.json()["detail"]
    foreign_dept = client.post(
        USERS, json={**NEW, "department_id": str(world.dept_b)}, headers=world.admin
    )
    assert foreign_dept.status_code == 400
    assert foreign_dept.json()["errors"][0]["field"] == "department_id"
    _create(client, world)
    dup = client.post(USERS, json=NEW, headers=world.admin)
    assert dup.status_code == 409
    assert dup.json()["code"] == "login_taken"
    assert "이미 사용 중" in dup.json()["detail"]
    # the same login in another government is fine
    other = client.post(USERS, json=NEW, headers=world.admin_b)
    assert other.status_code == 201


def test_list_is_paginated_and_filtered(client: TestClient, world: World) -> None:
    for i in range(5):
        _create(client, world, login=f"user{i}", display_name=f"홍길동{i}")
    seen: list[str] = []
    cursor = None
    while True:
        params: dict[str, Any] = {"limit": 2}
        if cursor:
            params["cursor"] = cursor
        page = client.get(USERS, params=params, headers=world.admin).json()
        seen += [u["login"] for u in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == ["admin", "staff", "user0", "user1", "user2", "user3", "user4"]
    found = client.get(USERS, params={"q": "길동3"}, headers=world.admin).json()
    assert [u["login"] for u in found["items"]] == ["user3"]
    assert client.get(USERS, params={"q": "%"}, headers=world.admin).json()["items"] == []
    assert client.get(USERS, params={"cursor": "!!"}, headers=world.admin).status_code == 400


def test_update_needs_if_match_and_refuses_stale_versions(
    client: TestClient, world: World, session_factory: sessionmaker[Session]
) -> None:
    user = _create(client, world)
    url = f"{USERS}/{user['id']}"
    missing = client.patch(url, json={"display_name": "새이름"}, headers=world.admin)
    assert missing.status_code == 428
    assert missing.json()["code"] == "if_match_required"
    ok = client.patch(
        url,
        json={"display_name": "새이름", "roles": ["dept_budget", "auditor"]},
        headers=_if_match(world.admin, user["version"]),
    )
    assert ok.status_code == 200, ok.text
    assert ok.json()["version"] == user["version"] + 1
    assert ok.headers["etag"] == f'"{user["version"] + 1}"'
    assert ok.json()["roles"] == ["auditor", "dept_budget"]
    stale = client.patch(
        url, json={"display_name": "또"}, headers=_if_match(world.admin, user["version"])
    )
    assert stale.status_code == 412
    assert stale.json()["current_version"] == user["version"] + 1
    assert "다른 사용자가 먼저 수정" in stale.json()["detail"]
    # a role-only change still moves the version
    roles_only = client.patch(
        url, json={"roles": ["dept_staff"]}, headers=_if_match(world.admin, ok.json()["version"])
    )
    assert roles_only.json()["version"] == ok.json()["version"] + 1
    clear = client.patch(
        url,
        json={"department_id": None},
        headers=_if_match(world.admin, roles_only.json()["version"]),
    )
    assert clear.status_code == 200
    updates = [e for e in _audit(session_factory, GOV_A) if e.action == "update"]
    assert len(updates) == 2
    assert updates[0].before == {"display_name": "이순신", "roles": ["dept_budget"]}
    assert updates[0].after == {"display_name": "새이름", "roles": ["auditor", "dept_budget"]}


def test_unknown_role_in_update_is_refused(client: TestClient, world: World) -> None:
    user = _create(client, world)
    resp = client.patch(
        f"{USERS}/{user['id']}",
        json={"roles": ["root"]},
        headers=_if_match(world.admin, user["version"]),
    )
    assert resp.status_code == 422
    assert resp.json()["errors"][0]["field"] == "roles.0"


def test_disable_revokes_sessions_and_access_at_once(
    client: TestClient, world: World, session_factory: sessionmaker[Session]
) -> None:
    user = _create(client, world)
    tokens = client.post(TOKEN, json={"login": "lee", "password": "Initial-pass-77"}).json()
    auth = {"Authorization": f"Bearer {tokens['access_token']}"}
    assert client.get("/api/v1/auth/me", headers=auth).status_code == 200
    resp = client.patch(
        f"{USERS}/{user['id']}",
        json={"is_disabled": True},
        headers=_if_match(world.admin, user["version"]),
    )
    assert resp.status_code == 200 and resp.json()["is_disabled"] is True
    assert client.get("/api/v1/auth/me", headers=auth).status_code == 401
    refresh = client.post("/api/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]})
    assert refresh.status_code == 401
    assert [e.action for e in _audit(session_factory, GOV_A)][-1] == "disable"


def test_admin_cannot_demote_or_disable_themselves(client: TestClient, world: World) -> None:
    url = f"{USERS}/{world.admin_id}"
    me = client.get(url, headers=world.admin).json()
    demote = client.patch(
        url, json={"roles": ["auditor"]}, headers=_if_match(world.admin, me["version"])
    )
    assert demote.status_code == 400
    assert demote.json()["code"] == "cannot_remove_own_admin"
    assert "관리자 역할" in demote.json()["detail"]
    disable = client.patch(
        url, json={"is_disabled": True}, headers=_if_match(world.admin, me["version"])
    )
    assert disable.status_code == 400
    assert disable.json()["code"] == "cannot_disable_self"
    keep = client.patch(
        url, json={"roles": ["admin", "auditor"]}, headers=_if_match(world.admin, me["version"])
    )
    assert keep.status_code == 200


def test_reset_password_unlocks_revokes_and_forces_a_change(
    client: TestClient, world: World, session_factory: sessionmaker[Session]
) -> None:
    tokens = client.post(TOKEN, json={"login": "staff", "password": DEFAULT_PASSWORD}).json()
    for _ in range(5):
        client.post(TOKEN, json={"login": "staff", "password": "wrong-pass-1"})
    url = f"{USERS}/{world.staff_id}"
    locked = client.get(url, headers=world.admin).json()
    assert locked["locked_until"] is not None
    missing = client.post(
        f"{url}/reset-password", json={"new_password": "Temp-pass-123"}, headers=world.admin
    )
    assert missing.status_code == 428
    weak = client.post(
        f"{url}/reset-password",
        json={"new_password": "weak"},
        headers=_if_match(world.admin, locked["version"]),
    )
    assert weak.status_code == 400 and weak.json()["errors"][0]["field"] == "new_password"
    resp = client.post(
        f"{url}/reset-password",
        json={"new_password": "Temp-pass-123"},
        headers=_if_match(world.admin, locked["version"]),
    )
    assert resp.status_code == 200, resp.text
    body = resp.json()
    assert body["must_change_password"] is True
    assert body["locked_until"] is None and body["failed_logins"] == 0
    refresh = client.post("/api/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]})
    assert refresh.status_code == 401
    signed = client.post(TOKEN, json={"login": "staff", "password": "Temp-pass-123"})
    assert signed.status_code == 200
    assert signed.json()["user"]["must_change_password"] is True
    reset = [e for e in _audit(session_factory, GOV_A) if e.action == "password_reset"]
    assert len(reset) == 1
    assert "Temp-pass-123" not in str(reset[0].after)
    assert "argon2" not in str(reset[0].before) + str(reset[0].after)


def test_unlock(client: TestClient, world: World, session_factory: sessionmaker[Session]) -> None:
    for _ in range(5):
        client.post(TOKEN, json={"login": "staff", "password": "wrong-pass-1"})
    assert (
        client.post(TOKEN, json={"login": "staff", "password": DEFAULT_PASSWORD}).status_code == 423
    )
    url = f"{USERS}/{world.staff_id}/unlock"
    for _ in range(2):
        resp = client.post(url, headers=world.admin)
        assert resp.status_code == 200
        assert resp.json()["locked_until"] is None
    assert (
        client.post(TOKEN, json={"login": "staff", "password": DEFAULT_PASSWORD}).status_code == 200
    )
    actions = [e.action for e in _audit(session_factory, GOV_A)]
    assert actions.count("unlock") == 1
    assert actions.count("locked") == 1


def test_non_admin_is_refused_with_403(client: TestClient, world: World) -> None:
    user_url = f"{USERS}/{world.staff_id}"
    calls = [
        ("GET", USERS, None),
        ("POST", USERS, NEW),
        ("GET", user_url, None),
        ("PATCH", user_url, {"display_name": "x"}),
        ("POST", f"{user_url}/reset-password", {"new_password": "Temp-pass-123"}),
        ("POST", f"{user_url}/unlock", None),
    ]
    for method, url, body in calls:
        resp = client.request(method, url, json=body, headers=_if_match(world.staff, 1))
        assert resp.status_code == 403, (method, url)
        assert resp.headers["content-type"].startswith("application/problem+json")
        assert "사용자 관리" in resp.json()["detail"]
    assert client.get(USERS).status_code == 401


def test_another_governments_user_is_404(
    client: TestClient, world: World, session_factory: sessionmaker[Session]
) -> None:
    before = len(_audit(session_factory, GOV_B))
    url = f"{USERS}/{world.user_b_id}"
    calls = [
        ("GET", url, None),
        ("PATCH", url, {"display_name": "x"}),
        ("POST", f"{url}/reset-password", {"new_password": "Temp-pass-123"}),
        ("POST", f"{url}/unlock", None),
    ]
    for method, target, body in calls:
        resp = client.request(method, target, json=body, headers=_if_match(world.admin, 1))
        assert resp.status_code == 404, (method, target)
        assert resp.json()["detail"] == "사용자을(를) 찾을 수 없습니다."
        assert str(world.user_b_id) not in resp.text
    listing = client.get(USERS, headers=world.admin).json()
    assert all(u["government_code"] == GOV_A for u in listing["items"])
    assert len(_audit(session_factory, GOV_B)) == before
