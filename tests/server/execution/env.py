"""A government with a 성립 budget line and one user per execution role, for the API tests."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from fastapi.testclient import TestClient
from httpx import Response
from sqlalchemy.orm import Session

from domain.roles import Role
from server.config import Settings
from server.models import (
    Account,
    BudgetVersion,
    ExpenditureLine,
    Program,
    User,
)
from tests.server.factories import bearer, make_department, make_government, make_user

GOV = "3500000"


@dataclass
class ExecEnv:
    line_id: uuid.UUID
    version_id: uuid.UUID
    users: dict[str, User] = field(default_factory=dict)
    headers: dict[str, dict[str, str]] = field(default_factory=dict)


def seed_line(
    s: Session, code: str, *, amount_thousand: int = 10_000, state: str = "성립"
) -> tuple[uuid.UUID, uuid.UUID, uuid.UUID]:
    """(department, version, line) of a 세부사업 with one 통계목 line of ``amount_thousand``."""
    dept = make_department(s, code, "총무과")
    s.add(Account(government_code=code, fiscal_year=2024, code="100", name="일반회계"))
    s.flush()
    parent = None
    for level in ("정책", "단위", "세부"):
        p = Program(government_code=code, fiscal_year=2024, level=level,
                    name=f"청사 관리 {level}", department_id=dept.id, parent_id=parent)  # fmt: skip
        s.add(p)
        s.flush()
        parent = p.id
    assert parent is not None
    version = BudgetVersion(government_code=code, fiscal_year=2024, kind="본예산", state=state)
    s.add(version)
    s.flush()
    line = ExpenditureLine(government_code=code, version_id=version.id, fiscal_year=2024,
                           account_code="100", program_id=parent, object_code="201-01",
                           amount=amount_thousand)  # fmt: skip
    s.add(line)
    s.flush()
    return dept.id, version.id, line.id


ROLE_USERS = {
    "staff": [Role.DEPT_STAFF],
    "staff2": [Role.DEPT_STAFF],
    "budget": [Role.BUDGET_OFFICE],
    "finance": [Role.FINANCE_OFFICER],
    "payer": [Role.DISBURSING_OFFICER],
    "payer2": [Role.DISBURSING_OFFICER],
    "clerk": [Role.DEPT_STAFF, Role.FINANCE_OFFICER],  # 결의 with its 원인행위 in one request
    "both": [Role.DEPT_STAFF, Role.DISBURSING_OFFICER],  # may write 결의s and order payments
    "auditor": [Role.AUDITOR],
}


def build(
    s: Session, settings: Settings, code: str = GOV, amount_thousand: int = 10_000
) -> ExecEnv:
    make_government(s, code, "테스트구")
    dept_id, version_id, line_id = seed_line(s, code, amount_thousand=amount_thousand)
    env = ExecEnv(line_id, version_id)
    for login, roles in ROLE_USERS.items():
        user = make_user(s, code, login, roles, department_id=dept_id)
        env.users[login] = user
        env.headers[login] = bearer(settings, user, roles)
    return env


def post(
    client: TestClient, url: str, who: dict[str, str], body: object, key: str | None = None
) -> Response:
    headers = dict(who)
    headers["Idempotency-Key"] = key or str(uuid.uuid4())
    resp: Response = client.post(f"/api/v1/execution{url}", json=body, headers=headers)
    return resp
