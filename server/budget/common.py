"""Lookups and guards shared by the budget services (tenant-scoped; another government's id
answers 404)."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from domain.workflow import RequestState as RS
from domain.workflow import VersionState as VS
from server.deps import Principal
from server.kit.errors import ProblemError, conflict, forbidden, not_found
from server.models import BudgetVersion, ExpenditureLine, Program, RequestState, RevenueLine


def get_version(
    session: Session, gov: str, version_id: uuid.UUID, *, lock: bool = False
) -> BudgetVersion:
    stmt = select(BudgetVersion).where(
        BudgetVersion.government_code == gov, BudgetVersion.id == version_id
    )
    if lock:
        stmt = stmt.with_for_update()
    found = session.scalar(stmt)
    if found is None:
        raise not_found("예산 버전")
    return found


def get_expenditure_line(
    session: Session, gov: str, line_id: uuid.UUID, *, lock: bool = False
) -> ExpenditureLine:
    stmt = select(ExpenditureLine).where(
        ExpenditureLine.government_code == gov, ExpenditureLine.id == line_id
    )
    if lock:
        stmt = stmt.with_for_update()
    found = session.scalar(stmt)
    if found is None:
        raise not_found("세출 예산")
    return found


def get_revenue_line(
    session: Session, gov: str, line_id: uuid.UUID, *, lock: bool = False
) -> RevenueLine:
    stmt = select(RevenueLine).where(RevenueLine.government_code == gov, RevenueLine.id == line_id)
    if lock:
        stmt = stmt.with_for_update()
    found = session.scalar(stmt)
    if found is None:
        raise not_found("세입 예산")
    return found


def version_label(v: BudgetVersion) -> str:
    return f"{v.fiscal_year}년 {v.kind}"


def require_version_state(v: BudgetVersion, *states: VS) -> None:
    if v.state not in states:
        wanted = "/".join(str(s) for s in states)
        raise conflict(
            "version_state",
            f"{version_label(v)}은(는) '{v.state}' 상태입니다 "
            f"('{wanted}' 상태에서만 할 수 있습니다).",
            state=v.state,
        )


def get_request_state(
    session: Session,
    gov: str,
    version_id: uuid.UUID,
    program_id: uuid.UUID,
    *,
    lock: bool = False,
    create: bool = False,
) -> RequestState:
    """The (version, 세부사업) request state; created 작성중 on the first line when ``create``."""
    stmt = select(RequestState).where(
        RequestState.government_code == gov,
        RequestState.version_id == version_id,
        RequestState.program_id == program_id,
    )
    if lock:
        stmt = stmt.with_for_update()
    found = session.scalar(stmt)
    if found is None:
        if not create:
            raise not_found("세부사업 요구 상태")
        found = RequestState(
            government_code=gov, version_id=version_id, program_id=program_id, state=RS.DRAFT
        )
        session.add(found)
        session.flush()
    return found


def require_editable(
    session: Session, version: BudgetVersion, program: Program, *, create: bool = False
) -> RequestState:
    """Lines change only in a 작성중 version, while the 세부사업 is 작성중."""
    require_version_state(version, VS.DRAFT)
    rs = get_request_state(session, version.government_code, version.id, program.id, create=create)
    if rs.state != RS.DRAFT:
        raise conflict(
            "request_state",
            f"'{program.name}' 세부사업은 '{rs.state}' 상태라 수정할 수 없습니다 "
            "(반려되어 작성중이 되어야 합니다).",
            state=rs.state,
        )
    return rs


def get_detail_program(session: Session, gov: str, program_id: uuid.UUID, year: int) -> Program:
    program = session.scalar(
        select(Program).where(Program.government_code == gov, Program.id == program_id)
    )
    if program is None:
        raise not_found("사업")
    if program.level != "세부":
        raise field_problem(
            "program_id",
            f"예산은 세부사업에만 편성할 수 있습니다 ('{program.name}'은(는) {program.level}사업).",
        )
    if program.fiscal_year != year:
        raise field_problem(
            "program_id",
            f"'{program.name}'은(는) {program.fiscal_year}년 사업입니다 ({year}년 예산).",
        )
    return program


def field_problem(field: str, message: str, code: str = "invalid_field") -> ProblemError:
    return ProblemError(
        400, code, message, errors=[{"field": field, "code": code, "message": message}]
    )


def amounts_dict(line: ExpenditureLine | RevenueLine) -> dict[str, Any]:
    return {
        "amount": line.amount,
        "base_amount": line.base_amount,
        "requested_amount": line.requested_amount,
        "adjusted_amount": line.adjusted_amount,
        "adopted_amount": line.adopted_amount,
    }


def require_own_department(principal: Principal, department_id: uuid.UUID, what: str) -> None:
    """Department staff change only their own 부서's budget. A user not tied to a 부서 (e.g. a
    총괄 담당 created without one) is not restricted; 예산부서 and 관리자 never are."""
    if principal.works_across_departments or principal.department_id is None:
        return
    if principal.department_id != department_id:
        raise forbidden(f"다른 부서의 예산({what})은 수정하거나 제출할 수 없습니다.")


def ensure_request_states(session: Session, version: BudgetVersion, state: str = RS.DRAFT) -> int:
    """Give every 세부사업 that has 세출 lines in ``version`` a request state (``state`` for the
    missing ones). Imports and copies write lines in bulk; without this their 세부사업 could be
    neither edited nor submitted, and 확정 would not see them. Returns how many were added."""
    gov = version.government_code
    have = select(RequestState.program_id).where(
        RequestState.government_code == gov, RequestState.version_id == version.id
    )
    missing = list(
        session.scalars(
            select(ExpenditureLine.program_id)
            .where(
                ExpenditureLine.government_code == gov,
                ExpenditureLine.version_id == version.id,
                ExpenditureLine.program_id.not_in(have),
            )
            .distinct()
        )
    )
    if missing:
        session.execute(
            insert(RequestState),
            [
                {"government_code": gov, "version_id": version.id, "program_id": p, "state": state}
                for p in missing
            ],
        )
    return len(missing)
