"""세출 lines: 산출근거 tree, 재원 split, create/replace/delete and the paged list."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from domain.contracts.budget import (
    BasisItemOut,
    ExpenditureLineCreate,
    ExpenditureLineOut,
    ExpenditureLineUpdate,
)
from domain.workflow import AmountRuleError, check_funding_split
from server.budget import basis
from server.budget.common import (
    amounts_dict,
    field_problem,
    get_detail_program,
    require_editable,
    require_own_department,
)
from server.deps import Principal
from server.kit.errors import ProblemError, conflict
from server.kit.pagination import page_by_position, position_cursor
from server.models import (
    Account,
    BudgetVersion,
    ExpenditureLine,
    FundingSource,
    LineFunding,
    Program,
)
from server.structure.codes import check_object_code
from server.structure.service import audit, utcnow_marker

MAX_LINES_PAGE = 5000


# -- 재원 ------------------------------------------------------------------------------------
def fundings_for(
    session: Session, gov: str, line_ids: list[uuid.UUID]
) -> dict[uuid.UUID, list[LineFunding]]:
    out: dict[uuid.UUID, list[LineFunding]] = {i: [] for i in line_ids}
    if not line_ids:
        return out
    stmt = (
        select(LineFunding)
        .where(LineFunding.government_code == gov, LineFunding.line_id.in_(line_ids))
        .order_by(LineFunding.line_id, LineFunding.source_code)
    )
    for f in session.scalars(stmt):
        out[f.line_id].append(f)
    return out


def check_split(
    session: Session, gov: str, year: int, amount: int, split: Mapping[str, int], line: str
) -> None:
    """Known 재원 codes for the year, no negative share, sum = the line amount."""
    known = set(
        session.scalars(
            select(FundingSource.code).where(
                FundingSource.government_code == gov, FundingSource.fiscal_year == year
            )
        )
    )
    unknown = sorted(set(split) - known)
    if unknown:
        raise field_problem(
            "funding", f"{year}년에 없는 재원 코드입니다: {', '.join(unknown)}", "unknown_funding"
        )
    try:
        check_funding_split(amount, {k: v for k, v in split.items()}, line=line)
    except AmountRuleError as exc:
        raise ProblemError(
            400,
            "funding_mismatch",
            exc.message,
            errors=[{"field": "funding", "code": "funding_mismatch", "message": exc.message}],
        ) from exc


def write_split(
    session: Session, line: ExpenditureLine, split: Mapping[str, int]
) -> dict[str, int]:
    """Replace the split; a 재원 with a 기정액 stays (at 0) so 기정 is never lost."""
    gov = line.government_code
    old = {f.source_code: f.base_amount for f in fundings_for(session, gov, [line.id])[line.id]}
    session.execute(
        delete(LineFunding).where(
            LineFunding.government_code == gov, LineFunding.line_id == line.id
        )
    )
    rows = [
        {
            "government_code": gov,
            "line_id": line.id,
            "source_code": code,
            "fiscal_year": line.fiscal_year,
            "amount": split.get(code, 0),
            "base_amount": old.get(code, 0),
        }
        for code in sorted(set(split) | {c for c, b in old.items() if b})
    ]
    if rows:
        session.execute(insert(LineFunding), rows)
    return dict(split)


def resplit(
    current: Mapping[str, int], amount: int, given: Mapping[str, int] | None, line: str
) -> dict[str, int]:
    """The split after an amount change by the budget office or council: as given; unchanged
    when the amount is; all in the one 재원 of a single-source line; otherwise required."""
    if given is not None:
        return dict(given)
    live = {k: v for k, v in current.items() if v}
    if sum(live.values()) == amount:
        return live
    if len(live) <= 1:
        source = next(iter(live), None) or next(iter(current), None)
        if source is not None:
            return {source: amount}
    raise field_problem(
        "funding",
        f"'{line}'의 재원이 여러 개라 금액을 바꾸려면 재원 배분(funding)도 보내야 합니다.",
        "funding_required",
    )


# -- output ----------------------------------------------------------------------------------
def line_out(
    line: ExpenditureLine,
    department_id: uuid.UUID,
    fundings: list[LineFunding],
    tree: list[BasisItemOut] | None,
) -> ExpenditureLineOut:
    return ExpenditureLineOut(
        id=line.id,
        version_id=line.version_id,
        fiscal_year=line.fiscal_year,
        account_code=line.account_code,
        program_id=line.program_id,
        department_id=department_id,
        object_code=line.object_code,
        sector_code=line.sector_code,
        amount=line.amount,
        base_amount=line.base_amount,
        requested_amount=line.requested_amount,
        adjusted_amount=line.adjusted_amount,
        adopted_amount=line.adopted_amount,
        adjust_reason=line.adjust_reason,
        funding={f.source_code: f.amount for f in fundings if f.amount or not f.base_amount},
        funding_base={f.source_code: f.base_amount for f in fundings if f.base_amount},
        basis=tree,
        position=line.position,
        version=line.version,
    )


def read_line(session: Session, line: ExpenditureLine) -> ExpenditureLineOut:
    gov = line.government_code
    dept = session.scalar(
        select(Program.department_id).where(
            Program.government_code == gov, Program.id == line.program_id
        )
    )
    assert dept is not None
    fundings = fundings_for(session, gov, [line.id])[line.id]
    tree = basis.trees_for(session, gov, "expenditure", [line.id])[line.id]
    return line_out(line, dept, fundings, tree)


def line_label(line: ExpenditureLine, program: Program | None = None) -> str:
    name = f"{program.name} " if program is not None else ""
    return f"{name}{line.account_code}/{line.object_code}"


def audit_dict(line: ExpenditureLine, split: Mapping[str, int]) -> dict[str, Any]:
    return {**amounts_dict(line), "funding": dict(split), "object_code": line.object_code}


# -- writes ----------------------------------------------------------------------------------
def create_line(
    session: Session, principal: Principal, version: BudgetVersion, body: ExpenditureLineCreate
) -> ExpenditureLine:
    gov = principal.government_code
    year = version.fiscal_year
    program = get_detail_program(session, gov, body.program_id, year)
    require_own_department(principal, program.department_id, program.name)
    require_editable(session, version, program, create=True)
    if session.get(Account, (gov, year, body.account_code)) is None:
        raise field_problem("account_code", f"{year}년 회계 '{body.account_code}'이(가) 없습니다.")
    check_object_code(session, gov, year, body.object_code)
    dup = session.scalar(
        select(ExpenditureLine.id).where(
            ExpenditureLine.government_code == gov,
            ExpenditureLine.version_id == version.id,
            ExpenditureLine.account_code == body.account_code,
            ExpenditureLine.program_id == program.id,
            ExpenditureLine.object_code == body.object_code,
        )
    )
    if dup is not None:
        raise conflict(
            "duplicate_line",
            f"'{program.name}' 세부사업에 회계 {body.account_code}, 통계목 {body.object_code} "
            "예산이 이미 있습니다.",
            line_id=str(dup),
        )
    line_id = uuid.uuid4()
    tree = basis.build_tree(
        body.basis, government_code=gov, owner="expenditure", owner_id=line_id, existing={}
    )
    label = f"{program.name} {body.object_code}"
    check_split(session, gov, year, tree.total, body.funding, label)
    position = body.position
    if position is None:
        last = session.scalar(
            select(func.max(ExpenditureLine.position)).where(
                ExpenditureLine.government_code == gov, ExpenditureLine.version_id == version.id
            )
        )
        position = (last or 0) + 1
    line = ExpenditureLine(
        government_code=gov,
        id=line_id,
        version_id=version.id,
        fiscal_year=year,
        account_code=body.account_code,
        program_id=program.id,
        sector_code=body.sector_code,
        object_code=body.object_code,
        amount=tree.total,
        base_amount=0,
        position=position,
    )
    session.add(line)
    session.flush()
    basis.replace_tree(session, gov, "expenditure", line.id, tree)
    write_split(session, line, body.funding)
    audit(
        session,
        principal,
        action="create",
        entity_type="expenditure_line",
        entity_id=line.id,
        summary=f"세출 예산 '{label}' 추가: {tree.total:,}천원",
        after=audit_dict(line, body.funding),
    )
    return line


def update_line(
    session: Session,
    principal: Principal,
    version: BudgetVersion,
    line: ExpenditureLine,
    body: ExpenditureLineUpdate,
) -> ExpenditureLine:
    gov = principal.government_code
    program = get_detail_program(session, gov, line.program_id, line.fiscal_year)
    require_own_department(principal, program.department_id, program.name)
    require_editable(session, version, program)
    before_split = {f.source_code: f.amount for f in fundings_for(session, gov, [line.id])[line.id]}
    before = audit_dict(line, before_split)
    existing = basis.load_existing(session, gov, "expenditure", line.id)
    tree = basis.build_tree(
        body.basis, government_code=gov, owner="expenditure", owner_id=line.id, existing=existing
    )
    label = line_label(line, program)
    check_split(session, gov, line.fiscal_year, tree.total, body.funding, label)
    basis.replace_tree(session, gov, "expenditure", line.id, tree)
    write_split(session, line, body.funding)
    line.amount = tree.total
    if body.sector_code is not None:
        line.sector_code = body.sector_code
    line.updated_at = utcnow_marker()  # the version moves even when only the tree changed
    session.flush()
    audit(
        session,
        principal,
        action="update",
        entity_type="expenditure_line",
        entity_id=line.id,
        summary=f"세출 예산 '{label}' 수정: {before['amount']:,} → {line.amount:,}천원",
        before=before,
        after=audit_dict(line, body.funding),
    )
    return line


def delete_line(
    session: Session, principal: Principal, version: BudgetVersion, line: ExpenditureLine
) -> None:
    gov = principal.government_code
    program = get_detail_program(session, gov, line.program_id, line.fiscal_year)
    require_own_department(principal, program.department_id, program.name)
    require_editable(session, version, program)
    if line.base_amount:
        raise conflict(
            "has_base_amount",
            f"'{line_label(line, program)}'은(는) 기정액이 있어 삭제할 수 없습니다 "
            "(0으로 경정하세요).",
        )
    split = {f.source_code: f.amount for f in fundings_for(session, gov, [line.id])[line.id]}
    before = audit_dict(line, split)
    session.delete(line)
    session.flush()
    audit(
        session,
        principal,
        action="delete",
        entity_type="expenditure_line",
        entity_id=line.id,
        summary=f"세출 예산 '{line_label(line, program)}' 삭제",
        before=before,
    )


# -- list ------------------------------------------------------------------------------------
def list_lines(
    session: Session,
    gov: str,
    version: BudgetVersion,
    *,
    program_id: uuid.UUID | None,
    department_id: uuid.UUID | None,
    account: str | None,
    include_basis: bool,
    limit: int,
    cursor: str | None,
) -> tuple[list[ExpenditureLineOut], str | None]:
    stmt = (
        select(ExpenditureLine, Program.department_id)
        .join(
            Program,
            (Program.government_code == ExpenditureLine.government_code)
            & (Program.id == ExpenditureLine.program_id),
        )
        .where(ExpenditureLine.government_code == gov, ExpenditureLine.version_id == version.id)
    )
    if program_id is not None:
        stmt = stmt.where(ExpenditureLine.program_id == program_id)
    if department_id is not None:
        stmt = stmt.where(Program.department_id == department_id)
    if account is not None:
        stmt = stmt.where(ExpenditureLine.account_code == account)
    stmt = page_by_position(stmt, ExpenditureLine, cursor, limit)
    rows, next_cursor = position_cursor(list(session.execute(stmt)), limit, lambda r: r[0])
    ids = [line.id for line, _ in rows]
    fundings = fundings_for(session, gov, ids)
    trees = basis.trees_for(session, gov, "expenditure", ids) if include_basis else {}
    items = [
        line_out(line, dept, fundings[line.id], trees.get(line.id) if include_basis else None)
        for line, dept in rows
    ]
    return items, next_cursor
