"""Rules for 부서, 회계 and 재원 records (per government; 회계/재원 per year)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from domain.contracts.structure import (
    AccountCreate,
    DepartmentCreate,
    DepartmentUpdate,
    FundingSourceCreate,
)
from server.audit.service import Actor, record
from server.deps import Principal
from server.kit.errors import ProblemError, conflict, not_found
from server.models import Account, Department, FundingSource, Government


def actor_of(principal: Principal) -> Actor:
    return Actor(principal.user_id, principal.login)


def audit(
    session: Session,
    principal: Principal,
    *,
    action: str,
    entity_type: str,
    entity_id: str | uuid.UUID,
    summary: str,
    before: Any = None,
    after: Any = None,
) -> None:
    record(
        session,
        principal.government_code,
        actor_of(principal),
        action=action,
        entity_type=entity_type,
        entity_id=entity_id,
        summary=summary,
        before=before,
        after=after,
    )


def field_error(status: int, code: str, field: str, message: str) -> ProblemError:
    """A problem naming one field, with the same Korean message in ``errors``."""
    return ProblemError(
        status, code, message, errors=[{"field": field, "code": code, "message": message}]
    )


# -- 부서 ------------------------------------------------------------------------------------
def get_government(session: Session, gov: str) -> Government:
    """The caller's own government (its code comes from the token, never from the request)."""
    row = session.get(Government, gov)
    if row is None:
        raise not_found("지방자치단체")
    return row


def list_departments(session: Session, gov: str) -> list[Department]:
    stmt = select(Department).where(Department.government_code == gov).order_by(Department.name)
    return list(session.scalars(stmt))


def get_department(
    session: Session, gov: str, dept_id: uuid.UUID, *, lock: bool = False
) -> Department:
    stmt = select(Department).where(Department.government_code == gov, Department.id == dept_id)
    if lock:
        stmt = stmt.with_for_update()
    dept = session.scalar(stmt)
    if dept is None:
        raise not_found("부서")
    return dept


def _name_taken(session: Session, gov: str, name: str, but: uuid.UUID | None = None) -> bool:
    stmt = select(Department.id).where(Department.government_code == gov, Department.name == name)
    found = session.scalar(stmt)
    return found is not None and found != but


def _dept_dict(d: Department) -> dict[str, Any]:
    return {"name": d.name, "code": d.code}


def create_department(session: Session, principal: Principal, body: DepartmentCreate) -> Department:
    gov = principal.government_code
    name = body.name.strip()
    if _name_taken(session, gov, name):
        raise conflict("duplicate_department", f"부서 '{name}'이(가) 이미 있습니다.")
    dept = Department(government_code=gov, name=name, code=body.code)
    session.add(dept)
    session.flush()
    audit(
        session,
        principal,
        action="create",
        entity_type="department",
        entity_id=dept.id,
        summary=f"부서 '{name}' 추가",
        after=_dept_dict(dept),
    )
    return dept


def update_department(
    session: Session, principal: Principal, dept: Department, body: DepartmentUpdate
) -> Department:
    before = _dept_dict(dept)
    changes = body.model_dump(exclude_unset=True)
    if "name" in changes and changes["name"] is not None:
        name = changes["name"].strip()
        if _name_taken(session, principal.government_code, name, but=dept.id):
            raise conflict("duplicate_department", f"부서 '{name}'이(가) 이미 있습니다.")
        dept.name = name
    if "code" in changes:
        dept.code = changes["code"]
    session.flush()
    audit(
        session,
        principal,
        action="update",
        entity_type="department",
        entity_id=dept.id,
        summary=f"부서 '{dept.name}' 수정",
        before=before,
        after=_dept_dict(dept),
    )
    return dept


# -- 회계 ------------------------------------------------------------------------------------
def list_accounts(session: Session, gov: str, year: int | None) -> list[Account]:
    stmt = select(Account).where(Account.government_code == gov)
    if year is not None:
        stmt = stmt.where(Account.fiscal_year == year)
    return list(session.scalars(stmt.order_by(Account.fiscal_year, Account.code)))


def create_account(session: Session, principal: Principal, body: AccountCreate) -> Account:
    gov = principal.government_code
    if session.get(Account, (gov, body.fiscal_year, body.code)) is not None:
        raise conflict(
            "duplicate_account",
            f"{body.fiscal_year}년 회계 코드 '{body.code}'이(가) 이미 있습니다.",
        )
    acc = Account(
        government_code=gov,
        fiscal_year=body.fiscal_year,
        code=body.code,
        name=body.name.strip(),
        kind=body.kind,
    )
    session.add(acc)
    session.flush()
    audit(
        session,
        principal,
        action="create",
        entity_type="account",
        entity_id=f"{body.fiscal_year}:{body.code}",
        summary=f"{body.fiscal_year}년 회계 {body.code} '{acc.name}' 추가",
        after={
            "fiscal_year": acc.fiscal_year,
            "code": acc.code,
            "name": acc.name,
            "kind": acc.kind,
        },
    )
    return acc


# -- 재원 ------------------------------------------------------------------------------------
def list_funding_sources(session: Session, gov: str, year: int | None) -> list[FundingSource]:
    stmt = select(FundingSource).where(FundingSource.government_code == gov)
    if year is not None:
        stmt = stmt.where(FundingSource.fiscal_year == year)
    order = (FundingSource.fiscal_year, FundingSource.position, FundingSource.code)
    return list(session.scalars(stmt.order_by(*order)))


def create_funding_source(
    session: Session, principal: Principal, body: FundingSourceCreate
) -> FundingSource:
    gov = principal.government_code
    year = body.fiscal_year
    if session.get(FundingSource, (gov, year, body.code)) is not None:
        raise conflict(
            "duplicate_funding_source", f"{year}년 재원 코드 '{body.code}'이(가) 이미 있습니다."
        )
    name = body.name.strip()
    same_name = select(FundingSource.code).where(
        FundingSource.government_code == gov,
        FundingSource.fiscal_year == year,
        FundingSource.name == name,
    )
    if session.scalar(same_name) is not None:
        raise conflict("duplicate_funding_source", f"{year}년 재원 '{name}'이(가) 이미 있습니다.")
    src = FundingSource(
        government_code=gov,
        fiscal_year=year,
        code=body.code,
        name=name,
        position=body.position,
        is_subsidy=body.is_subsidy,
    )
    session.add(src)
    session.flush()
    audit(
        session,
        principal,
        action="create",
        entity_type="funding_source",
        entity_id=f"{year}:{body.code}",
        summary=f"{year}년 재원 {body.code} '{name}' 추가",
        after={"fiscal_year": year, "code": src.code, "name": name, "is_subsidy": src.is_subsidy},
    )
    return src


def utcnow_marker() -> datetime:
    """A fresh ``updated_at`` to force an UPDATE (and so a new ``version``) of a row."""
    return datetime.now(UTC)
