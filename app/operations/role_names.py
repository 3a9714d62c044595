"""The roles as the client names them: their Korean labels, and the demo users, one per role
(the logins ``server.demo`` seeds)."""

from __future__ import annotations

from app.config import N_
from domain.roles import Role

DEMO_START_LOGIN = "demo-dept-budget"

_ROLE_LABELS: dict[str, str] = {
    Role.DEPT_STAFF: N_("사업담당"),
    Role.DEPT_BUDGET: N_("부서 예산담당"),
    Role.BUDGET_OFFICE: N_("예산부서"),
    Role.FINANCE_OFFICER: N_("재무관"),
    Role.DISBURSING_OFFICER: N_("지출원"),
    Role.AUDITOR: N_("감사"),
    Role.ADMIN: N_("관리자"),
}
DEMO_ROLES: tuple[Role, ...] = tuple(Role)
"""The demo users, one per role, in the order the role switcher lists them."""


def demo_login(role: Role) -> str:
    """The demo user of ``role`` that ``server.demo`` seeds: ``demo-dept-budget`` …"""
    return f"demo-{role.value.replace('_', '-')}"


def role_label(role: str) -> str:
    """The Korean label of a role value (untranslated; views pass it through ``tr``)."""
    return _ROLE_LABELS.get(role, role)
