"""정책사업 → 단위사업 → 세부사업, scoped by 부서 and fiscal year."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import func, or_, select, tuple_
from sqlalchemy.orm import Session

from domain.contracts.structure import PROGRAM_LEVELS, ProgramCreate, ProgramUpdate
from server.deps import Principal
from server.kit.errors import conflict, not_found
from server.kit.pagination import decode_cursor, encode_cursor
from server.models import Program
from server.structure.service import audit, field_error, get_department

PARENT_LEVEL = {"단위": "정책", "세부": "단위"}


def program_dict(p: Program) -> dict[str, Any]:
    return {
        "fiscal_year": p.fiscal_year,
        "level": p.level,
        "name": p.name,
        "code": p.code,
        "department_id": str(p.department_id),
        "parent_id": str(p.parent_id) if p.parent_id else None,
        "committee": p.committee,
        "funding_type": p.funding_type,
        "position": p.position,
        "purpose": p.purpose,
    }


def get_program(
    session: Session, gov: str, program_id: uuid.UUID, *, lock: bool = False
) -> Program:
    stmt = select(Program).where(Program.government_code == gov, Program.id == program_id)
    if lock:
        stmt = stmt.with_for_update()
    program = session.scalar(stmt)
    if program is None:
        raise not_found("사업")
    return program


def list_programs(
    session: Session,
    gov: str,
    *,
    year: int | None,
    level: str | None,
    department_id: uuid.UUID | None,
    parent_id: uuid.UUID | None,
    q: str | None,
    limit: int,
    cursor: str | None,
) -> tuple[list[Program], str | None]:
    stmt = select(Program).where(Program.government_code == gov)
    if year is not None:
        stmt = stmt.where(Program.fiscal_year == year)
    if level is not None:
        stmt = stmt.where(Program.level == level)
    if department_id is not None:
        stmt = stmt.where(Program.department_id == department_id)
    if parent_id is not None:
        stmt = stmt.where(Program.parent_id == parent_id)
    if q:
        pattern = f"%{q.strip().lower()}%"
        stmt = stmt.where(
            or_(func.lower(Program.name).like(pattern), func.lower(Program.code).like(pattern))
        )
    key = decode_cursor(cursor)
    if key is not None:
        stmt = stmt.where(tuple_(Program.name, Program.id) > (str(key[0]), uuid.UUID(key[1])))
    rows = list(session.scalars(stmt.order_by(Program.name, Program.id).limit(limit + 1)))
    next_cursor = None
    if len(rows) > limit:
        rows = rows[:limit]
        next_cursor = encode_cursor([rows[-1].name, str(rows[-1].id)])
    return rows, next_cursor


def _duplicate(
    session: Session, gov: str, year: int, dept: uuid.UUID, level: str, name: str
) -> uuid.UUID | None:
    stmt = select(Program.id).where(
        Program.government_code == gov,
        Program.fiscal_year == year,
        Program.department_id == dept,
        Program.level == level,
        Program.name == name,
    )
    return session.scalar(stmt)


def create_program(session: Session, principal: Principal, body: ProgramCreate) -> Program:
    gov = principal.government_code
    dept = get_department(session, gov, body.department_id)
    name = body.name.strip()
    wanted = PARENT_LEVEL.get(body.level)
    if wanted is None and body.parent_id is not None:
        raise field_error(
            400, "bad_parent", "parent_id", "정책사업은 상위 사업을 가질 수 없습니다."
        )
    if wanted is not None:
        if body.parent_id is None:
            raise field_error(
                400,
                "bad_parent",
                "parent_id",
                f"{body.level}사업에는 상위 {wanted}사업이 필요합니다.",
            )
        parent = get_program(session, gov, body.parent_id)
        if parent.level != wanted:
            raise field_error(
                400,
                "bad_parent",
                "parent_id",
                f"{body.level}사업의 상위 사업은 {wanted}사업이어야 합니다 "
                f"('{parent.name}'은(는) {parent.level}사업).",
            )
        if parent.department_id != dept.id or parent.fiscal_year != body.fiscal_year:
            raise field_error(
                400,
                "bad_parent",
                "parent_id",
                f"상위 사업 '{parent.name}'은(는) 같은 부서·회계연도의 사업이어야 합니다.",
            )
    if _duplicate(session, gov, body.fiscal_year, dept.id, body.level, name) is not None:
        raise conflict(
            "duplicate_program",
            f"{body.fiscal_year}년 {dept.name}에 {body.level}사업 '{name}'이(가) 이미 있습니다.",
        )
    program = Program(
        government_code=gov,
        fiscal_year=body.fiscal_year,
        level=body.level,
        name=name,
        code=body.code,
        department_id=dept.id,
        parent_id=body.parent_id,
        committee=body.committee,
        funding_type=body.funding_type,
        position=body.position,
    )
    session.add(program)
    session.flush()
    audit(
        session,
        principal,
        action="create",
        entity_type="program",
        entity_id=program.id,
        summary=f"{body.level}사업 '{name}' 추가 ({dept.name})",
        after=program_dict(program),
    )
    return program


def update_program(
    session: Session, principal: Principal, program: Program, body: ProgramUpdate
) -> Program:
    before = program_dict(program)
    changes = body.model_dump(exclude_unset=True)
    if changes.get("name") is not None:
        name = changes["name"].strip()
        other = _duplicate(
            session,
            principal.government_code,
            program.fiscal_year,
            program.department_id,
            program.level,
            name,
        )
        if other is not None and other != program.id:
            raise conflict(
                "duplicate_program",
                f"같은 부서에 {program.level}사업 '{name}'이(가) 이미 있습니다.",
            )
        program.name = name
    for attr in ("code", "committee", "funding_type", "position"):
        if attr in changes and (changes[attr] is not None or attr == "code"):
            setattr(program, attr, changes[attr])
    session.flush()
    audit(
        session,
        principal,
        action="update",
        entity_type="program",
        entity_id=program.id,
        summary=f"{program.level}사업 '{program.name}' 수정",
        before=before,
        after=program_dict(program),
    )
    return program


__all__ = ["PROGRAM_LEVELS", "create_program", "get_program", "list_programs", "update_program"]
