"""A small government with users of every role, shared by the structure and budget tests."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from server.app import create_app
from server.config import Settings
from server.models import Account, FundingSource
from tests.server.factories import bearer, make_department, make_government, make_user

YEAR = 2024
ROLES = ("dept_staff", "dept_budget", "budget_office", "auditor", "admin")


@dataclass
class Env:
    client: TestClient
    headers: dict[str, dict[str, str]]  # role -> Authorization header
    other: dict[str, str]  # budget_office of another government
    dept_ids: dict[str, str] = field(default_factory=dict)

    def h(self, role: str, etag: str | None = None) -> dict[str, str]:
        out = dict(self.headers[role])
        if etag is not None:
            out["If-Match"] = etag
        return out

    def ok(self, resp: Any, status: int = 200) -> Any:
        assert resp.status_code == status, resp.text
        return resp.json()


def build(
    session: Session, settings: Settings
) -> tuple[dict[str, dict[str, str]], dict[str, str], dict[str, str]]:
    make_government(session, "3500000", "테스트구")
    make_government(session, "3510000", "다른구")
    depts = {n: make_department(session, "3500000", n) for n in ("총무과", "복지과")}
    headers = {}
    for role in ROLES:
        user = make_user(session, "3500000", f"u_{role}", [role])
        headers[role] = bearer(settings, user, [role])
    other_user = make_user(session, "3510000", "other_bo", ["budget_office"])
    other = bearer(settings, other_user, ["budget_office"])
    for code, name in (("100", "일반회계"), ("200", "주차장특별회계")):
        session.add(Account(government_code="3500000", fiscal_year=YEAR, code=code, name=name))
    for pos, (code, name, sub) in enumerate(
        (("10", "국고보조금", True), ("60", "광역보조금", True), ("90", "자체재원", False))
    ):
        session.add(
            FundingSource(
                government_code="3500000",
                fiscal_year=YEAR,
                code=code,
                name=name,
                position=pos,
                is_subsidy=sub,
            )
        )
    session.flush()
    return headers, other, {n: str(d.id) for n, d in depts.items()}


@pytest.fixture
def env(settings: Settings, session_factory: sessionmaker[Session]) -> Iterator[Env]:
    with session_factory() as session:
        headers, other, depts = build(session, settings)
        session.commit()
    with TestClient(create_app(settings)) as client:
        yield Env(client, headers, other, depts)
