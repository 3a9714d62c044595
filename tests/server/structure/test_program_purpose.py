"""사업목적 of a 세부사업: read with the 세부사업, written by its own 부서 while the request is
작성중 in the named version, and by the budget office at any time; If-Match, audit, tenancy;
the migration that adds the column goes down and up again and matches the models."""

from __future__ import annotations

import uuid
from typing import Any

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session, sessionmaker

from server.config import Settings
from server.migrate import alembic_config
from server.models import AuditEvent, Base
from tests.server.budget.helpers import API, add_line, new_version, program_chain
from tests.server.factories import bearer, make_user
from tests.server.structure.env import Env

PURPOSE = "저소득 가구의 갑작스러운 위기에 생계·의료비를 지원해 생활 안정을 돕는다."


def _staff(
    env: Env, settings: Settings, factory: sessionmaker[Session], dept: str, role: str
) -> dict[str, str]:
    """A department user tied to ``dept`` (the shared env's users belong to no 부서)."""
    with factory() as s:
        user = make_user(
            s, "3500000", f"{role}-{uuid.uuid4().hex[:6]}", [role],
            department_id=uuid.UUID(env.dept_ids[dept]),
        )  # fmt: skip
        s.commit()
        return bearer(settings, user, [role])


def _put(env: Env, program: str, headers: dict[str, str], body: dict[str, Any]) -> Any:
    url = f"{API}/programs/{program}"
    etag = env.client.get(url, headers=env.h("auditor")).headers["ETag"]
    return env.client.put(f"{url}/purpose", json=body, headers={**headers, "If-Match": etag})


def test_budget_office_writes_and_everyone_reads(
    env: Env, session_factory: sessionmaker[Session]
) -> None:
    program = program_chain(env, "복지과", "긴급복지")
    url = f"{API}/programs/{program}"
    first = env.client.get(url, headers=env.h("auditor"))
    assert first.json()["purpose"] == ""
    resp = _put(env, program, env.h("budget_office"), {"purpose": f"  {PURPOSE}\n"})
    body = env.ok(resp)
    assert body["purpose"] == PURPOSE  # outer spaces trimmed
    assert resp.headers["ETag"] != first.headers["ETag"]
    listed = env.ok(env.client.get(f"{API}/programs", params={"level": "세부"},
                                   headers=env.h("dept_staff")))  # fmt: skip
    assert [p["purpose"] for p in listed["items"] if p["id"] == program] == [PURPOSE]
    same = _put(env, program, env.h("budget_office"), {"purpose": PURPOSE})
    assert env.ok(same)["version"] == body["version"]  # unchanged text: nothing written
    with session_factory() as s:
        events = list(
            s.scalars(
                select(AuditEvent).where(
                    AuditEvent.entity_type == "program", AuditEvent.entity_id == program,
                    AuditEvent.action == "update",
                )
            )
        )  # fmt: skip
    assert len(events) == 1
    assert events[0].before == {"purpose": ""} and events[0].after == {"purpose": PURPOSE}
    assert "사업목적" in events[0].summary and "긴급복지" in events[0].summary


def test_department_writes_only_its_own_while_the_request_is_written(
    env: Env, settings: Settings, session_factory: sessionmaker[Session]
) -> None:
    v = new_version(env)
    program = program_chain(env, "복지과", "경로당")
    add_line(env, v, program, "500,000원*2회", {"90": 1000})
    own = _staff(env, settings, session_factory, "복지과", "dept_staff")
    other = _staff(env, settings, session_factory, "총무과", "dept_staff")
    lead = _staff(env, settings, session_factory, "복지과", "dept_budget")
    missing = _put(env, program, own, {"purpose": PURPOSE})
    assert missing.status_code == 400
    assert missing.json()["errors"][0]["field"] == "version_id"
    refused = _put(env, program, other, {"purpose": PURPOSE, "version_id": v})
    assert refused.status_code == 403 and "다른 부서" in refused.json()["detail"]
    ok = _put(env, program, own, {"purpose": PURPOSE, "version_id": v})
    assert env.ok(ok)["purpose"] == PURPOSE
    # submitted (요구): the department may no longer change it, the budget office may
    r = f"{API}/budget-versions/{v}/requests/{program}"
    etag = env.client.get(r, headers=env.h("auditor")).headers["ETag"]
    submitted = env.client.post(f"{r}/submit", headers={**lead, "If-Match": etag})
    assert submitted.status_code == 200, submitted.text
    locked = _put(env, program, own, {"purpose": "바꾼 목적", "version_id": v})
    assert locked.status_code == 409 and "요구" in locked.json()["detail"]
    office = _put(env, program, env.h("budget_office"), {"purpose": "예산부서가 다듬은 목적"})
    assert env.ok(office)["purpose"] == "예산부서가 다듬은 목적"


def test_refusals(env: Env) -> None:
    program = program_chain(env, "총무과", "청사관리")
    policy = env.ok(env.client.get(f"{API}/programs/{program}", headers=env.h("auditor")))
    unit = policy["parent_id"]
    for role in ("auditor", "admin"):
        assert _put(env, program, env.h(role), {"purpose": PURPOSE}).status_code == 403
    not_detail = _put(env, unit, env.h("budget_office"), {"purpose": PURPOSE})
    assert not_detail.status_code == 400 and "세부사업에만" in not_detail.json()["detail"]
    url = f"{API}/programs/{program}/purpose"
    body = {"purpose": PURPOSE}
    assert env.client.put(url, json=body, headers=env.h("budget_office")).status_code == 428
    stale = env.client.put(url, json=body, headers=env.h("budget_office", '"999"'))
    assert stale.status_code == 412
    too_long = _put(env, program, env.h("budget_office"), {"purpose": "가" * 2001})
    assert too_long.status_code == 422
    other = env.client.put(url, json=body, headers={**env.other, "If-Match": '"1"'})
    assert other.status_code == 404


def test_migration_goes_down_and_up_and_matches_the_models(db_url: str) -> None:
    cfg = alembic_config(db_url)
    command.downgrade(cfg, "0002")
    engine = create_engine(db_url)
    try:
        with engine.connect() as conn:
            columns = {c["name"] for c in conn.dialect.get_columns(conn, "programs")}
        assert "purpose" not in columns
        command.upgrade(cfg, "head")
        with engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        assert diff == []
    finally:
        engine.dispose()
