"""Workflow transitions: 요구 (submit), 반려, 조정, 확정, 의결, 성립 (domain.workflow rules)."""

from __future__ import annotations

import uuid

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from domain.contracts.budget import AdjustRequest
from domain.workflow import RequestState as RS
from domain.workflow import VersionState as VS
from domain.workflow import (
    transition,
)
from server.budget.common import (
    amounts_dict,
    get_request_state,
    require_own_department,
    require_version_state,
)
from server.budget.lines import check_split, fundings_for, line_label, resplit, write_split
from server.deps import Principal
from server.kit.errors import ProblemError, not_found
from server.models import (
    BudgetVersion,
    Department,
    ExpenditureLine,
    Program,
    RequestState,
    RevenueLine,
)
from server.structure.service import audit, utcnow_marker


def _program(session: Session, gov: str, program_id: uuid.UUID) -> Program:
    p = session.scalar(
        select(Program).where(Program.government_code == gov, Program.id == program_id)
    )
    if p is None:
        raise not_found("사업")
    return p


def _move(
    session: Session,
    principal: Principal,
    rs: RequestState,
    target: RS,
    program: Program,
    what: str,
) -> None:
    before = rs.state
    rs.state = transition(RS(rs.state), target, principal.roles)
    session.flush()
    audit(
        session,
        principal,
        action=what,
        entity_type="request_state",
        entity_id=rs.program_id,  # the version is in before/after (entity_id is 64 chars)
        summary=f"'{program.name}' 세부사업 {before} → {rs.state}",
        before={"version_id": str(rs.version_id), "state": before},
        after={"version_id": str(rs.version_id), "state": rs.state},
    )


def submit(
    session: Session, principal: Principal, version: BudgetVersion, rs: RequestState
) -> RequestState:
    """작성중 → 요구: the lines' current amounts become their 요구액."""
    require_version_state(version, VS.DRAFT)
    gov = principal.government_code
    program = _program(session, gov, rs.program_id)
    require_own_department(principal, program.department_id, program.name)
    _move(session, principal, rs, RS.REQUESTED, program, "submit")
    session.execute(
        update(ExpenditureLine)
        .where(
            ExpenditureLine.government_code == gov,
            ExpenditureLine.version_id == version.id,
            ExpenditureLine.program_id == rs.program_id,
        )
        .values(requested_amount=ExpenditureLine.amount, version=ExpenditureLine.version + 1)
        .execution_options(synchronize_session=False)
    )
    return rs


def submit_department(
    session: Session, principal: Principal, version: BudgetVersion, department_id: uuid.UUID
) -> list[RequestState]:
    """Every 작성중 세부사업 of the 부서 at once."""
    gov = principal.government_code
    dept = session.scalar(
        select(Department).where(Department.government_code == gov, Department.id == department_id)
    )
    if dept is None:
        raise not_found("부서")
    require_own_department(principal, dept.id, dept.name)
    stmt = (
        select(RequestState)
        .join(
            Program,
            (Program.government_code == RequestState.government_code)
            & (Program.id == RequestState.program_id),
        )
        .where(
            RequestState.government_code == gov,
            RequestState.version_id == version.id,
            Program.department_id == dept.id,
            RequestState.state == RS.DRAFT,
        )
        .with_for_update()
    )
    states = list(session.scalars(stmt))
    if not states:
        raise ProblemError(409, "nothing_to_submit", f"{dept.name}에 작성중인 세부사업이 없습니다.")
    for rs in states:
        submit(session, principal, version, rs)
    return states


def return_request(
    session: Session, principal: Principal, version: BudgetVersion, rs: RequestState
) -> RequestState:
    """반려: 요구 → 작성중 (budget office)."""
    require_version_state(version, VS.DRAFT)
    program = _program(session, principal.government_code, rs.program_id)
    _move(session, principal, rs, RS.DRAFT, program, "return")
    return rs


def adjust_line(
    session: Session,
    principal: Principal,
    version: BudgetVersion,
    line: ExpenditureLine,
    body: AdjustRequest,
) -> ExpenditureLine:
    """조정 by the budget office: request at 요구 or 조정 → 조정; 조정액 and reason kept."""
    require_version_state(version, VS.DRAFT)
    gov = principal.government_code
    program = _program(session, gov, line.program_id)
    rs = get_request_state(session, gov, version.id, line.program_id, lock=True)
    if rs.state == RS.DRAFT:
        raise ProblemError(
            409,
            "request_state",
            f"'{program.name}' 세부사업이 아직 요구되지 않아(작성중) 조정할 수 없습니다.",
        )
    if rs.state != RS.ADJUSTED:
        _move(session, principal, rs, RS.ADJUSTED, program, "adjust")
    current = {f.source_code: f.amount for f in fundings_for(session, gov, [line.id])[line.id]}
    label = line_label(line, program)
    split = resplit(current, body.amount, body.funding, label)
    check_split(session, gov, line.fiscal_year, body.amount, split, label)
    before = {**amounts_dict(line), "funding": current}
    write_split(session, line, split)
    _set_adjusted(session, line, body)
    audit(
        session,
        principal,
        action="adjust",
        entity_type="expenditure_line",
        entity_id=line.id,
        summary=f"세출 예산 '{label}' 조정: {before['amount']:,} → {body.amount:,}천원 "
        f"({body.reason})",
        before=before,
        after={**amounts_dict(line), "funding": split, "reason": body.reason},
    )
    return line


def adjust_revenue_line(
    session: Session,
    principal: Principal,
    version: BudgetVersion,
    line: RevenueLine,
    body: AdjustRequest,
) -> RevenueLine:
    require_version_state(version, VS.DRAFT)
    before = amounts_dict(line)
    _set_adjusted(session, line, body)
    audit(
        session,
        principal,
        action="adjust",
        entity_type="revenue_line",
        entity_id=line.id,
        summary=f"세입 예산 {line.account_code}/{line.item_code} 조정: "
        f"{before['amount']:,} → {body.amount:,}천원 ({body.reason})",
        before=before,
        after={**amounts_dict(line), "reason": body.reason},
    )
    return line


def _set_adjusted(
    session: Session, line: ExpenditureLine | RevenueLine, body: AdjustRequest
) -> None:
    """The adjusted amount becomes the line's amount, with the reason (flushed)."""
    line.adjusted_amount = body.amount
    line.amount = body.amount
    line.adjust_reason = body.reason
    line.updated_at = utcnow_marker()
    session.flush()
