"""Roles and the permission table."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.errors import DomainError
from domain.roles import (
    ALL_ROLES,
    PERMISSIONS,
    READ_ACTIONS,
    WRITE_ACTIONS,
    Action,
    PermissionDeniedError,
    Role,
    allowed_roles,
    can,
    parse_roles,
    require,
)

R = Role
A = Action


def test_role_identifiers_and_labels() -> None:
    assert [r.value for r in Role] == [
        "dept_staff",
        "dept_budget",
        "budget_office",
        "finance_officer",
        "disbursing_officer",
        "auditor",
        "admin",
    ]
    assert R.DEPT_STAFF.label == "사업담당"
    assert R.DEPT_BUDGET.label == "부서 예산담당"
    assert R.BUDGET_OFFICE.label == "예산부서"
    assert R.FINANCE_OFFICER.label == "재무관"
    assert R.DISBURSING_OFFICER.label == "지출원"
    assert R.AUDITOR.label == "감사"
    assert R.ADMIN.label == "관리자"


def test_every_action_has_a_rule_and_a_label() -> None:
    assert set(PERMISSIONS) == set(Action)
    assert all(action.label for action in Action)
    assert set(Action) == READ_ACTIONS | WRITE_ACTIONS
    assert not READ_ACTIONS & WRITE_ACTIONS


@pytest.mark.parametrize(
    ("action", "roles"),
    [
        (A.EDIT_BUDGET_DRAFT, {R.DEPT_STAFF, R.DEPT_BUDGET}),
        (A.SUBMIT_REQUEST, {R.DEPT_BUDGET}),
        (A.RETURN_REQUEST, {R.BUDGET_OFFICE}),
        (A.ADJUST, {R.BUDGET_OFFICE}),
        (A.CONFIRM, {R.BUDGET_OFFICE}),
        (A.ADOPT, {R.BUDGET_OFFICE}),
        (A.ESTABLISH, {R.BUDGET_OFFICE}),
        (A.CREATE_SUPPLEMENTARY, {R.BUDGET_OFFICE}),
        (A.IMPORT_BUDGET, {R.BUDGET_OFFICE, R.ADMIN}),
        (A.MANAGE_USERS, {R.ADMIN}),
        (A.MANAGE_CODES, {R.ADMIN, R.BUDGET_OFFICE}),
        (A.READ_AUDIT, {R.AUDITOR, R.BUDGET_OFFICE, R.ADMIN}),
        (A.READ_LINE_HISTORY, set(Role)),
        (A.READ_BUDGET, set(Role)),
        (A.OBLIGATE, {R.FINANCE_OFFICER}),
        (A.ISSUE_PAYMENT_ORDER, {R.DISBURSING_OFFICER}),
    ],
)
def test_permission_table(action: Action, roles: set[Role]) -> None:
    assert allowed_roles(action) == roles
    for role in Role:
        assert can({role}, action) is (role in roles)


def test_auditor_is_read_only() -> None:
    for action in WRITE_ACTIONS:
        assert not can({R.AUDITOR}, action), action
    for action in READ_ACTIONS:
        assert can({R.AUDITOR}, action)


def test_no_roles_no_permission() -> None:
    assert not any(can(set(), action) for action in Action)


def test_strings_are_accepted_and_unknown_ones_grant_nothing() -> None:
    assert can(["budget_office"], A.CONFIRM)
    assert not can(["superuser", "root"], A.READ_BUDGET)
    assert parse_roles(["admin", "nope", "auditor"]) == {R.ADMIN, R.AUDITOR}


@given(st.sets(st.sampled_from(list(Role))), st.sampled_from(list(Action)))
def test_can_is_union_of_single_roles(roles: set[Role], action: Action) -> None:
    assert can(roles, action) == any(can({r}, action) for r in roles)


@given(st.sets(st.sampled_from(list(Role))), st.sets(st.sampled_from(list(Role))))
def test_more_roles_never_remove_permissions(a: set[Role], b: set[Role]) -> None:
    for action in Action:
        if can(a, action):
            assert can(a | b, action)


def test_require_raises_korean_permission_error() -> None:
    require({R.BUDGET_OFFICE}, A.CONFIRM)
    with pytest.raises(PermissionDeniedError) as err:
        require({R.DEPT_STAFF}, A.CONFIRM)
    assert isinstance(err.value, DomainError)
    assert err.value.code == "permission_denied"
    assert err.value.message == "'예산안 확정' 권한이 없습니다 (필요한 역할: 예산부서)"
    assert err.value.action is A.CONFIRM


def test_all_roles_constant() -> None:
    assert frozenset(Role) == ALL_ROLES
