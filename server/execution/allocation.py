"""배정 and the per-line execution balance.

Every change to ``execution_balances`` is one conditional UPDATE whose WHERE clause carries the
limit (``obligated + :a <= allotted`` and the like); no value is read, computed in Python and
written back. The CHECK constraints on the table are the backstop.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import ColumnElement, func, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from domain.contracts.execution import AllotmentOut, LineExecution
from domain.execution import check_quarter
from domain.money import format_won
from domain.workflow import VersionState
from server.audit.service import Actor, record
from server.deps import Principal
from server.kit.errors import ProblemError, not_found
from server.kit.pagination import decode_cursor, encode_cursor
from server.models import Allotment, BudgetVersion, ExecutionBalance, ExpenditureLine, Program

B = ExecutionBalance


def actor(principal: Principal) -> Actor:
    return Actor(principal.user_id, principal.login)


def executable_line(session: Session, gov: str, line_id: uuid.UUID) -> ExpenditureLine:
    """A 세출 line of this government in a 성립 version (404 / 409 otherwise)."""
    row = session.execute(
        select(ExpenditureLine, BudgetVersion.state)
        .join(
            BudgetVersion,
            (BudgetVersion.government_code == ExpenditureLine.government_code)
            & (BudgetVersion.id == ExpenditureLine.version_id),
        )
        .where(ExpenditureLine.government_code == gov, ExpenditureLine.id == line_id)
    ).one_or_none()
    if row is None:
        raise not_found("세출 예산")
    line, state = row
    if state != VersionState.ESTABLISHED:
        raise ProblemError(
            409,
            "line_not_executable",
            f"성립된 예산의 항목만 집행할 수 있습니다 (이 예산은 {state} 상태입니다).",
        )
    return line


def _ensure_balance(session: Session, line: ExpenditureLine) -> None:
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    session.execute(
        insert(B)
        .values(
            government_code=line.government_code,
            line_id=line.id,
            budget=line.amount * 1000,
            allotted=0,
            obligated=0,
            resolved=0,
            ordered=0,
            paid=0,
        )
        .on_conflict_do_nothing(index_elements=["government_code", "line_id"])
    )


def balance(session: Session, gov: str, line_id: uuid.UUID) -> ExecutionBalance | None:
    return session.execute(
        select(B)
        .where(B.government_code == gov, B.line_id == line_id)
        .execution_options(populate_existing=True)
    ).scalar_one_or_none()


def allot(
    session: Session, principal: Principal, line_id: uuid.UUID, quarter: int, amount: int, note: str
) -> AllotmentOut:
    gov = principal.government_code
    check_quarter(quarter)
    line = executable_line(session, gov, line_id)
    if amount == 0:
        raise ProblemError(400, "allotment_zero", "배정액이 0원입니다.")
    _ensure_balance(session, line)
    done = session.execute(
        update(B)
        .execution_options(synchronize_session=False)
        .where(
            B.government_code == gov,
            B.line_id == line.id,
            B.allotted + amount <= B.budget,
            B.allotted + amount >= B.obligated,
        )
        .values(allotted=B.allotted + amount)
    )
    if getattr(done, "rowcount", 0) != 1:
        now = balance(session, gov, line.id)
        assert now is not None
        if amount > 0:
            detail = (
                f"배정액이 예산을 넘습니다: 예산 {format_won(now.budget)}, 이미 배정 "
                f"{format_won(now.allotted)}, 요청 {format_won(amount)}."
            )
        else:
            detail = (
                f"배정을 {format_won(-amount)} 줄이면 이미 한 원인행위 "
                f"{format_won(now.obligated)}보다 작아집니다 (배정 {format_won(now.allotted)})."
            )
        raise ProblemError(409, "allotment_exceeds_budget", detail)
    row = Allotment(
        government_code=gov,
        id=uuid.uuid4(),
        line_id=line.id,
        quarter=quarter,
        amount=amount,
        note=note,
        created_by=principal.user_id,
        created_login=principal.login,
    )
    session.add(row)
    session.flush()
    record(
        session, gov, actor(principal), action="allot", entity_type="allotment",
        entity_id=row.id, summary=f"예산 배정 {quarter}분기 {format_won(amount)} ({note})",
        after={"line_id": line.id, "quarter": quarter, "amount": amount},
    )  # fmt: skip
    return allotment_out(row)


def allotment_out(row: Allotment) -> AllotmentOut:
    return AllotmentOut(
        id=row.id,
        line_id=row.line_id,
        quarter=row.quarter,
        amount=row.amount,
        note=row.note,
        created_by=row.created_login,
        created_at=row.created_at,
    )


def list_allotments(session: Session, gov: str, line_id: uuid.UUID) -> list[AllotmentOut]:
    rows = session.scalars(
        select(Allotment)
        .where(Allotment.government_code == gov, Allotment.line_id == line_id)
        .order_by(Allotment.created_at, Allotment.id)
    )
    return [allotment_out(r) for r in rows]


def bump(
    session: Session,
    gov: str,
    line_id: uuid.UUID,
    changes: dict[str, int],
    guard: ColumnElement[bool] | None = None,
) -> bool:
    """Add ``changes`` to balance columns in one conditional UPDATE; False when it matched none.

    Each column must stay ≥ 0; ``guard`` adds the limit (e.g. ``obligated + a <= allotted``).
    """
    cols = {name: getattr(B, name) for name in changes}
    conds: list[ColumnElement[bool]] = [B.government_code == gov, B.line_id == line_id]
    conds += [cols[n] + d >= 0 for n, d in changes.items() if d < 0]
    if guard is not None:
        conds.append(guard)
    result = session.execute(
        update(B)
        .execution_options(synchronize_session=False)
        .where(*conds)
        .values({n: cols[n] + d for n, d in changes.items()})
    )
    return bool(getattr(result, "rowcount", 0) == 1)


def charge_obligation(
    session: Session, gov: str, line_id: uuid.UUID, amount: int, *, also_resolve: bool
) -> None:
    """원인행위 ≤ 배정 − 원인행위 so far, as one conditional UPDATE (409 when it does not fit)."""
    changes = {"obligated": amount, "resolved": amount} if also_resolve else {"obligated": amount}
    if bump(session, gov, line_id, changes, B.obligated + amount <= B.allotted):
        return
    now = balance(session, gov, line_id)
    if now is None or now.allotted == 0:
        raise ProblemError(
            409, "no_allotment", "이 예산 항목에는 배정된 금액이 없어 집행할 수 없습니다."
        )
    left = now.allotted - now.obligated
    raise ProblemError(
        409,
        "allotment_exceeded",
        f"배정 잔액이 부족합니다: 요청 {format_won(amount)}, 배정 잔액 {format_won(left)} "
        f"(배정 {format_won(now.allotted)}, 원인행위 {format_won(now.obligated)}).",
        extra={"allotment_left": left, "requested": amount},
    )


# -- reading ---------------------------------------------------------------------------------
def _line_out(
    line: ExpenditureLine, program_name: str, bal: Any, quarters: dict[int, int]
) -> LineExecution:
    budget = bal.budget if bal is not None else line.amount * 1000
    vals = {
        k: (getattr(bal, k) if bal is not None else 0)
        for k in ("allotted", "obligated", "resolved", "ordered", "paid")
    }
    return LineExecution(
        line_id=line.id,
        program_id=line.program_id,
        program_name=program_name,
        object_code=line.object_code,
        account_code=line.account_code,
        budget=budget,
        allotment_left=vals["allotted"] - vals["obligated"],
        unallotted=budget - vals["allotted"],
        by_quarter=quarters,
        **vals,
    )


def _quarters(session: Session, gov: str, ids: list[uuid.UUID]) -> dict[uuid.UUID, dict[int, int]]:
    out: dict[uuid.UUID, dict[int, int]] = {i: {} for i in ids}
    if not ids:
        return out
    rows = session.execute(
        select(Allotment.line_id, Allotment.quarter, func.sum(Allotment.amount))
        .where(Allotment.government_code == gov, Allotment.line_id.in_(ids))
        .group_by(Allotment.line_id, Allotment.quarter)
    )
    for line_id, quarter, total in rows:
        out[line_id][int(quarter)] = int(total)
    return out


def _lines_query(gov: str) -> Any:
    return (
        select(ExpenditureLine, Program.name, B)
        .join(
            Program,
            (Program.government_code == ExpenditureLine.government_code)
            & (Program.id == ExpenditureLine.program_id),
        )
        .outerjoin(
            B,
            (B.government_code == ExpenditureLine.government_code)
            & (B.line_id == ExpenditureLine.id),
        )
        .where(ExpenditureLine.government_code == gov)
    )


def line_execution(session: Session, gov: str, line_id: uuid.UUID) -> LineExecution:
    row = session.execute(_lines_query(gov).where(ExpenditureLine.id == line_id)).one_or_none()
    if row is None:
        raise not_found("세출 예산")
    return _line_out(row[0], row[1], row[2], _quarters(session, gov, [line_id])[line_id])


def list_line_execution(
    session: Session,
    gov: str,
    version_id: uuid.UUID,
    *,
    program_id: uuid.UUID | None,
    object_code: str | None,
    limit: int,
    cursor: str | None,
) -> tuple[list[LineExecution], str | None]:
    stmt = _lines_query(gov).where(ExpenditureLine.version_id == version_id)
    if program_id is not None:
        stmt = stmt.where(ExpenditureLine.program_id == program_id)
    if object_code:
        stmt = stmt.where(ExpenditureLine.object_code == object_code)
    after = decode_cursor(cursor)
    if after is not None:
        pos, last = int(after[0]), uuid.UUID(str(after[1]))
        stmt = stmt.where(
            (ExpenditureLine.position > pos)
            | ((ExpenditureLine.position == pos) & (ExpenditureLine.id > last))
        )
    rows = session.execute(
        stmt.order_by(ExpenditureLine.position, ExpenditureLine.id).limit(limit + 1)
    ).all()
    more = len(rows) > limit
    rows = rows[:limit]
    quarters = _quarters(session, gov, [r[0].id for r in rows])
    items = [_line_out(r[0], r[1], r[2], quarters[r[0].id]) for r in rows]
    nxt = encode_cursor([rows[-1][0].position, str(rows[-1][0].id)]) if more and rows else None
    return items, nxt
