"""Roles and the permission table (ARCHITECTURE.md §3, DOMAIN.md §2.7).

Role values are the stable identifiers stored in the database and tokens; ``label`` gives the
Korean name for display. :func:`can` answers "may a user holding these roles do this action";
:func:`require` raises :class:`PermissionDeniedError` instead.

The ``auditor`` (감사) role is read-only: it appears in no write action.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from domain.errors import DomainError

__all__ = [
    "ALL_ROLES",
    "PERMISSIONS",
    "READ_ACTIONS",
    "WRITE_ACTIONS",
    "Action",
    "PermissionDeniedError",
    "Role",
    "allowed_roles",
    "can",
    "parse_roles",
    "require",
]


class Role(StrEnum):
    DEPT_STAFF = "dept_staff"
    DEPT_BUDGET = "dept_budget"
    BUDGET_OFFICE = "budget_office"
    FINANCE_OFFICER = "finance_officer"
    DISBURSING_OFFICER = "disbursing_officer"
    AUDITOR = "auditor"
    ADMIN = "admin"

    @property
    def label(self) -> str:
        return _ROLE_LABELS[self]


_ROLE_LABELS: dict[Role, str] = {
    Role.DEPT_STAFF: "사업담당",
    Role.DEPT_BUDGET: "부서 예산담당",
    Role.BUDGET_OFFICE: "예산부서",
    Role.FINANCE_OFFICER: "재무관",
    Role.DISBURSING_OFFICER: "지출원",
    Role.AUDITOR: "감사",
    Role.ADMIN: "관리자",
}

ALL_ROLES: frozenset[Role] = frozenset(Role)


class Action(StrEnum):
    # reading
    READ_BUDGET = "read_budget"
    READ_LINE_HISTORY = "read_line_history"
    READ_AUDIT = "read_audit"
    READ_EXECUTION = "read_execution"
    # budget formulation (편성)
    EDIT_BUDGET_DRAFT = "edit_budget_draft"
    SUBMIT_REQUEST = "submit_request"
    RETURN_REQUEST = "return_request"
    ADJUST = "adjust"
    CONFIRM = "confirm"
    ADOPT = "adopt"
    ESTABLISH = "establish"
    CREATE_SUPPLEMENTARY = "create_supplementary"
    IMPORT_BUDGET = "import_budget"
    # execution (집행)
    ALLOCATE = "allocate"
    DRAFT_EXPENDITURE = "draft_expenditure"
    OBLIGATE = "obligate"
    ISSUE_PAYMENT_ORDER = "issue_payment_order"
    # administration
    MANAGE_USERS = "manage_users"
    MANAGE_CODES = "manage_codes"

    @property
    def label(self) -> str:
        return _ACTION_LABELS[self]


_ACTION_LABELS: dict[Action, str] = {
    Action.READ_BUDGET: "예산 조회",
    Action.READ_LINE_HISTORY: "예산 항목 이력 조회",
    Action.READ_AUDIT: "감사 기록 조회",
    Action.READ_EXECUTION: "집행 조회",
    Action.EDIT_BUDGET_DRAFT: "예산 요구안 작성",
    Action.SUBMIT_REQUEST: "예산 요구(제출)",
    Action.RETURN_REQUEST: "예산 요구 반려",
    Action.ADJUST: "예산 조정",
    Action.CONFIRM: "예산안 확정",
    Action.ADOPT: "의회 의결 반영",
    Action.ESTABLISH: "예산 성립",
    Action.CREATE_SUPPLEMENTARY: "추가경정예산 생성",
    Action.IMPORT_BUDGET: "예산 자료 가져오기",
    Action.ALLOCATE: "예산 배정",
    Action.DRAFT_EXPENDITURE: "품의·지출결의 작성",
    Action.OBLIGATE: "지출원인행위",
    Action.ISSUE_PAYMENT_ORDER: "지급명령",
    Action.MANAGE_USERS: "사용자 관리",
    Action.MANAGE_CODES: "코드 관리",
}

_R = Role
PERMISSIONS: dict[Action, frozenset[Role]] = {
    Action.READ_BUDGET: ALL_ROLES,
    Action.READ_LINE_HISTORY: ALL_ROLES,
    Action.READ_AUDIT: frozenset({_R.AUDITOR, _R.BUDGET_OFFICE, _R.ADMIN}),
    Action.READ_EXECUTION: ALL_ROLES,
    Action.EDIT_BUDGET_DRAFT: frozenset({_R.DEPT_STAFF, _R.DEPT_BUDGET}),
    Action.SUBMIT_REQUEST: frozenset({_R.DEPT_BUDGET}),
    Action.RETURN_REQUEST: frozenset({_R.BUDGET_OFFICE}),
    Action.ADJUST: frozenset({_R.BUDGET_OFFICE}),
    Action.CONFIRM: frozenset({_R.BUDGET_OFFICE}),
    Action.ADOPT: frozenset({_R.BUDGET_OFFICE}),
    Action.ESTABLISH: frozenset({_R.BUDGET_OFFICE}),
    Action.CREATE_SUPPLEMENTARY: frozenset({_R.BUDGET_OFFICE}),
    Action.IMPORT_BUDGET: frozenset({_R.BUDGET_OFFICE, _R.ADMIN}),
    Action.ALLOCATE: frozenset({_R.BUDGET_OFFICE}),
    Action.DRAFT_EXPENDITURE: frozenset({_R.DEPT_STAFF, _R.DEPT_BUDGET}),
    Action.OBLIGATE: frozenset({_R.FINANCE_OFFICER}),
    Action.ISSUE_PAYMENT_ORDER: frozenset({_R.DISBURSING_OFFICER}),
    Action.MANAGE_USERS: frozenset({_R.ADMIN}),
    Action.MANAGE_CODES: frozenset({_R.ADMIN, _R.BUDGET_OFFICE}),
}

READ_ACTIONS: frozenset[Action] = frozenset(
    {Action.READ_BUDGET, Action.READ_LINE_HISTORY, Action.READ_AUDIT, Action.READ_EXECUTION}
)
WRITE_ACTIONS: frozenset[Action] = frozenset(Action) - READ_ACTIONS


class PermissionDeniedError(DomainError):
    """The user's roles do not allow the action."""

    code = "permission_denied"

    def __init__(self, action: Action) -> None:
        needed = ", ".join(r.label for r in Role if r in PERMISSIONS[action])
        super().__init__(f"'{action.label}' 권한이 없습니다 (필요한 역할: {needed})")
        self.action = action


def _known(roles: Iterable[Role | str]) -> frozenset[Role]:
    """Roles given as enum members or identifier strings; unknown strings grant nothing."""
    return frozenset(Role(r) for r in roles if r in Role.__members__.values())


def parse_roles(roles: Iterable[str]) -> frozenset[Role]:
    """Role identifiers (e.g. from a token) to :class:`Role`; unknown ones are dropped."""
    return _known(roles)


def allowed_roles(action: Action) -> frozenset[Role]:
    return PERMISSIONS[action]


def can(roles: Iterable[Role | str], action: Action) -> bool:
    """True if any of ``roles`` may perform ``action``."""
    return not PERMISSIONS[action].isdisjoint(_known(roles))


def require(roles: Iterable[Role | str], action: Action) -> None:
    """Raise :class:`PermissionDeniedError` unless ``can(roles, action)``."""
    if not can(roles, action):
        raise PermissionDeniedError(action)
