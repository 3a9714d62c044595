"""사업목적 of a 세부사업 (printed on the 세부사업설명서).

Who may write it: the 세부사업's own 부서 (사업담당, 부서 예산담당) while its request is being
written — the version named in the body is 작성중 and the 세부사업's request state there is
작성중 (or not started yet) — and the budget office (예산부서) at any time.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from domain.contracts.structure import ProgramPurposeUpdate
from domain.roles import Action
from domain.workflow import RequestState as RS
from domain.workflow import VersionState as VS
from server.budget.common import (
    get_version,
    require_own_department,
    require_version_state,
    version_label,
)
from server.deps import Principal
from server.kit.errors import conflict
from server.models import Program, RequestState
from server.structure.service import audit, field_error

__all__ = ["may_write_purpose", "set_purpose"]


def may_write_purpose(principal: Principal) -> bool:
    """The roles that may write a 사업목적 at all (the rest of the rule is in ``set_purpose``)."""
    return principal.can(Action.EDIT_BUDGET_DRAFT) or principal.can(Action.ADJUST)


def _require_request_written(
    session: Session, principal: Principal, program: Program, body: ProgramPurposeUpdate
) -> None:
    gov = principal.government_code
    require_own_department(principal, program.department_id, "사업목적")
    if body.version_id is None:
        raise field_error(
            400,
            "version_required",
            "version_id",
            "사업목적은 작성 중인 예산 버전에서 고칠 수 있습니다. 예산 버전을 지정하십시오.",
        )
    version = get_version(session, gov, body.version_id)
    if version.fiscal_year != program.fiscal_year:
        raise field_error(
            400,
            "invalid_field",
            "version_id",
            f"'{program.name}'은(는) {program.fiscal_year}년 사업입니다 "
            f"({version_label(version)}).",
        )
    require_version_state(version, VS.DRAFT)
    state = session.scalar(
        select(RequestState.state).where(
            RequestState.government_code == gov,
            RequestState.version_id == version.id,
            RequestState.program_id == program.id,
        )
    )
    if state is not None and state != RS.DRAFT:
        raise conflict(
            "request_state",
            f"'{program.name}' 세부사업은 '{state}' 상태라 사업목적을 고칠 수 없습니다 "
            "(반려되어 작성중이 되어야 합니다).",
            state=state,
        )


def set_purpose(
    session: Session, principal: Principal, program: Program, body: ProgramPurposeUpdate
) -> Program:
    """Write the 사업목적 (outer spaces trimmed); an unchanged text changes nothing."""
    if program.level != "세부":
        raise field_error(
            400,
            "not_detail_program",
            "purpose",
            f"사업목적은 세부사업에만 적습니다 ('{program.name}'은(는) {program.level}사업).",
        )
    if not principal.can(Action.ADJUST):  # department staff, not the budget office
        _require_request_written(session, principal, program, body)
    text = body.purpose.strip()
    if text == program.purpose:
        return program
    before = {"purpose": program.purpose}
    program.purpose = text
    session.flush()
    audit(
        session,
        principal,
        action="update",
        entity_type="program",
        entity_id=program.id,
        summary=f"세부사업 '{program.name}' 사업목적 {'수정' if text else '삭제'}",
        before=before,
        after={"purpose": text},
    )
    return program
