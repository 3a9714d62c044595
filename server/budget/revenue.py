"""세입 lines: (회계, 부서, 목) with a 산출근거 tree; editable while the version is 작성중."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from domain.contracts.budget import (
    BasisItemOut,
    RevenueLineCreate,
    RevenueLineOut,
    RevenueLineUpdate,
)
from domain.workflow import VersionState as VS
from server.budget import basis
from server.budget.common import (
    amounts_dict,
    field_problem,
    require_own_department,
    require_version_state,
)
from server.deps import Principal
from server.kit.errors import conflict, not_found
from server.kit.pagination import page_by_position, position_cursor
from server.models import Account, BudgetVersion, Department, RevenueLine
from server.structure.codes import check_revenue_item
from server.structure.service import audit, utcnow_marker


def revenue_out(line: RevenueLine, tree: list[BasisItemOut] | None) -> RevenueLineOut:
    data: dict[str, Any] = {
        k: getattr(line, k) for k in RevenueLineOut.model_fields if k != "basis"
    }
    return RevenueLineOut(**data, basis=tree)


def read_revenue(session: Session, line: RevenueLine) -> RevenueLineOut:
    tree = basis.trees_for(session, line.government_code, "revenue", [line.id])[line.id]
    return revenue_out(line, tree)


def _label(line: RevenueLine) -> str:
    return f"{line.account_code}/{line.item_code}"


def create_revenue(
    session: Session, principal: Principal, version: BudgetVersion, body: RevenueLineCreate
) -> RevenueLine:
    require_version_state(version, VS.DRAFT)
    gov = principal.government_code
    year = version.fiscal_year
    dept = session.scalar(
        select(Department).where(
            Department.government_code == gov, Department.id == body.department_id
        )
    )
    if dept is None:
        raise not_found("부서")
    require_own_department(principal, dept.id, dept.name)
    if session.get(Account, (gov, year, body.account_code)) is None:
        raise field_problem("account_code", f"{year}년 회계 '{body.account_code}'이(가) 없습니다.")
    check_revenue_item(session, gov, year, body.item_code)
    dup = session.scalar(
        select(RevenueLine.id).where(
            RevenueLine.government_code == gov,
            RevenueLine.version_id == version.id,
            RevenueLine.account_code == body.account_code,
            RevenueLine.department_id == dept.id,
            RevenueLine.item_code == body.item_code,
        )
    )
    if dup is not None:
        raise conflict(
            "duplicate_line",
            f"{dept.name}에 회계 {body.account_code}, 세입 목 {body.item_code} "
            "예산이 이미 있습니다.",
            line_id=str(dup),
        )
    line_id = uuid.uuid4()
    tree = basis.build_tree(
        body.basis, government_code=gov, owner="revenue", owner_id=line_id, existing={}
    )
    position = body.position
    if position is None:
        last = session.scalar(
            select(func.max(RevenueLine.position)).where(
                RevenueLine.government_code == gov, RevenueLine.version_id == version.id
            )
        )
        position = (last or 0) + 1
    line = RevenueLine(
        government_code=gov,
        id=line_id,
        version_id=version.id,
        fiscal_year=year,
        account_code=body.account_code,
        department_id=dept.id,
        item_code=body.item_code,
        amount=tree.total,
        base_amount=0,
        position=position,
    )
    session.add(line)
    session.flush()
    basis.replace_tree(session, gov, "revenue", line.id, tree)
    audit(
        session,
        principal,
        action="create",
        entity_type="revenue_line",
        entity_id=line.id,
        summary=f"세입 예산 {_label(line)} ({dept.name}) 추가: {line.amount:,}천원",
        after=amounts_dict(line),
    )
    return line


def update_revenue(
    session: Session,
    principal: Principal,
    version: BudgetVersion,
    line: RevenueLine,
    body: RevenueLineUpdate,
) -> RevenueLine:
    require_version_state(version, VS.DRAFT)
    require_own_department(principal, line.department_id, f"세입 {_label(line)}")
    gov = principal.government_code
    before = amounts_dict(line)
    existing = basis.load_existing(session, gov, "revenue", line.id)
    tree = basis.build_tree(
        body.basis, government_code=gov, owner="revenue", owner_id=line.id, existing=existing
    )
    basis.replace_tree(session, gov, "revenue", line.id, tree)
    line.amount = tree.total
    line.updated_at = utcnow_marker()
    session.flush()
    audit(
        session,
        principal,
        action="update",
        entity_type="revenue_line",
        entity_id=line.id,
        summary=f"세입 예산 {_label(line)} 수정: {before['amount']:,} → {line.amount:,}천원",
        before=before,
        after=amounts_dict(line),
    )
    return line


def delete_revenue(
    session: Session, principal: Principal, version: BudgetVersion, line: RevenueLine
) -> None:
    require_version_state(version, VS.DRAFT)
    require_own_department(principal, line.department_id, f"세입 {_label(line)}")
    if line.base_amount:
        raise conflict(
            "has_base_amount", f"세입 {_label(line)}은(는) 기정액이 있어 삭제할 수 없습니다."
        )
    before = amounts_dict(line)
    session.delete(line)
    session.flush()
    audit(
        session,
        principal,
        action="delete",
        entity_type="revenue_line",
        entity_id=line.id,
        summary=f"세입 예산 {_label(line)} 삭제",
        before=before,
    )


def list_revenue(
    session: Session,
    gov: str,
    version: BudgetVersion,
    *,
    department_id: uuid.UUID | None,
    account: str | None,
    include_basis: bool,
    limit: int,
    cursor: str | None,
) -> tuple[list[RevenueLineOut], str | None]:
    stmt = select(RevenueLine).where(
        RevenueLine.government_code == gov, RevenueLine.version_id == version.id
    )
    if department_id is not None:
        stmt = stmt.where(RevenueLine.department_id == department_id)
    if account is not None:
        stmt = stmt.where(RevenueLine.account_code == account)
    stmt = page_by_position(stmt, RevenueLine, cursor, limit)
    rows, next_cursor = position_cursor(list(session.scalars(stmt)), limit, lambda r: r)
    trees = basis.trees_for(session, gov, "revenue", [r.id for r in rows]) if include_basis else {}
    items = [revenue_out(r, trees.get(r.id) if include_basis else None) for r in rows]
    return items, next_cursor
