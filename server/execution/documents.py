"""The document chain: 품의, 원인행위, 결의, 일상경비 교부, 지급명령, 지급; 반려 and 취소.

Amounts move only through conditional UPDATEs: a parent's ``used`` (``used + :a <= amount``
and the parent still 진행) and the line's balance (:mod:`server.execution.allocation`). A close
flips the state with ``WHERE state = '진행' AND used = 0`` first; only the request whose UPDATE
matched releases the amounts, so a release happens exactly once. Lock order is always
document rows → balance row → audit head, so two requests never wait on each other in a cycle.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from domain.contracts.execution import (
    DirectResolutionIn,
    DirectResolutionOut,
    DocumentIn,
    DocumentOut,
)
from domain.execution import (
    CANCEL_ACTION,
    CREATE_ACTION,
    RETURN_ACTION,
    DocKind,
    DocState,
    ExecutionError,
    check_close,
    check_parent,
    check_separation_of_duties,
)
from domain.money import format_won
from domain.withholding import IncomeType, Withholding, compute_withholding
from server.audit.service import record
from server.budget.common import require_own_department
from server.deps import Principal
from server.execution.allocation import B, actor, bump, charge_obligation, executable_line
from server.kit.errors import ProblemError, forbidden, not_found
from server.models import ExecutionDocument, ExpenditureLine, Payee, Program

D = ExecutionDocument

# Which balance columns a live document of each kind holds.
COUNTERS: dict[DocKind, tuple[str, ...]] = {
    DocKind.REQUEST: (),
    DocKind.OBLIGATION: ("obligated",),
    DocKind.PETTY_CASH: ("obligated", "resolved"),
    DocKind.RESOLUTION: ("resolved",),
    DocKind.PAYMENT_ORDER: ("ordered",),
    DocKind.PAYMENT: ("paid",),
}
# The column each kind's counter must stay within.
LIMITS = {"resolved": B.obligated, "ordered": B.resolved, "paid": B.ordered}


def document_out(d: ExecutionDocument) -> DocumentOut:
    kind = DocKind(d.kind)
    return DocumentOut(
        id=d.id, kind=kind, kind_label=kind.label, state=DocState(d.state), line_id=d.line_id,
        parent_id=d.parent_id, fiscal_year=d.fiscal_year, amount=d.amount, used=d.used,
        left=d.amount - d.used, income_type=IncomeType(d.income_type), income_tax=d.income_tax,
        local_tax=d.local_tax, withheld=d.income_tax + d.local_tax, net=d.net_amount,
        payee_id=d.payee_id, title=d.title, evidence=list(d.evidence or []), reason=d.reason,
        author_login=d.author_login, created_at=d.created_at, version=d.version,
    )  # fmt: skip


def get_document(session: Session, gov: str, doc_id: uuid.UUID) -> ExecutionDocument:
    doc = session.execute(
        select(D).where(D.government_code == gov, D.id == doc_id)
        .execution_options(populate_existing=True)
    ).scalar_one_or_none()  # fmt: skip
    if doc is None:
        raise not_found("집행 문서")
    return doc


def _require(principal: Principal, action: Any, what: str) -> None:
    if not principal.can(action):
        raise forbidden(f"{what}을(를) 할 권한이 없습니다 ({action.label} 권한 필요).")


def _check_payee(session: Session, gov: str, payee_id: uuid.UUID | None, wh: IncomeType) -> None:
    if payee_id is None:
        if wh is not IncomeType.NONE:
            raise ExecutionError("원천징수가 있는 지급에는 채주가 필요합니다", field="payee_id")
        return
    if (
        session.scalar(select(Payee.id).where(Payee.government_code == gov, Payee.id == payee_id))
        is None
    ):
        raise not_found("채주")


def _new(
    principal: Principal, kind: DocKind, line_id: uuid.UUID, year: int, amount: int,
    body: Any, key: str | None, parent: ExecutionDocument | None = None,
    wh: Withholding | None = None, used: int = 0,
) -> ExecutionDocument:  # fmt: skip
    wh = wh or Withholding(IncomeType.NONE, amount, 0, 0, 0)
    return D(
        government_code=principal.government_code, id=uuid.uuid4(), kind=kind.value,
        state=DocState.ACTIVE.value, line_id=line_id, fiscal_year=year,
        parent_id=parent.id if parent else None, amount=amount, used=used,
        income_type=wh.income_type.value, income_tax=wh.income_tax, local_tax=wh.local_tax,
        net_amount=wh.net, payee_id=getattr(body, "payee_id", None),
        title=getattr(body, "title", ""), evidence=list(getattr(body, "evidence", [])),
        author_id=principal.user_id, author_login=principal.login, idempotency_key=key,
    )  # fmt: skip


def _take_from_parent(session: Session, parent: ExecutionDocument, amount: int) -> None:
    """parent.used += amount while the parent is 진행 and has that much left."""
    done = session.execute(
        update(D).execution_options(synchronize_session=False)
        .where(
            D.government_code == parent.government_code, D.id == parent.id,
            D.state == DocState.ACTIVE.value, D.used + amount <= D.amount,
        )
        .values(used=D.used + amount, version=D.version + 1)
    )  # fmt: skip
    if getattr(done, "rowcount", 0) != 1:
        now = get_document(session, parent.government_code, parent.id)
        kind = DocKind(now.kind)
        if now.state != DocState.ACTIVE:
            raise ProblemError(
                409, "parent_closed", f"{now.state}된 {kind.label}에는 이어서 쓸 수 없습니다."
            )
        raise ProblemError(
            409, "parent_exceeded",
            f"{kind.label}의 남은 금액이 부족합니다: 요청 {format_won(amount)}, "
            f"남은 금액 {format_won(now.amount - now.used)}.",
            extra={"left": now.amount - now.used, "requested": amount},
        )  # fmt: skip


def _audit(session: Session, principal: Principal, doc: ExecutionDocument, verb: str) -> None:
    kind = DocKind(doc.kind)
    record(
        session, principal.government_code, actor(principal), action=verb,
        entity_type="execution_document", entity_id=doc.id,
        summary=f"{kind.label} {verb_label(verb)}: {format_won(doc.amount)} {doc.title}".strip(),
        after={"kind": doc.kind, "state": doc.state, "amount": doc.amount,
               "line_id": doc.line_id, "parent_id": doc.parent_id, "reason": doc.reason},
    )  # fmt: skip


def verb_label(verb: str) -> str:
    return {"create": "등록", "return": "반려", "cancel": "취소"}.get(verb, verb)


# The kinds a 사업담당 writes: only on their own 부서's lines.
OWN_DEPARTMENT_KINDS = frozenset({DocKind.REQUEST, DocKind.RESOLUTION})


def _own_department(
    session: Session, principal: Principal, line: ExpenditureLine, what: str
) -> None:
    """사업담당 (dept_staff / dept_budget) write 품의·결의 only on their own 부서's lines."""
    department_id = session.scalar(
        select(Program.department_id).where(
            Program.government_code == line.government_code, Program.id == line.program_id
        )
    )
    if department_id is not None:
        require_own_department(principal, department_id, what)


def create(
    session: Session, principal: Principal, kind: DocKind, body: DocumentIn, key: str | None
) -> DocumentOut:
    """One document of ``kind``; charges the parent and the line in conditional UPDATEs."""
    gov = principal.government_code
    _require(principal, CREATE_ACTION[kind], kind.label)
    parent = get_document(session, gov, body.parent_id) if body.parent_id else None
    check_parent(kind, DocKind(parent.kind) if parent else None)
    if parent is not None and parent.state != DocState.ACTIVE:
        raise ProblemError(
            409, "parent_closed", f"{parent.state}된 문서에는 이어서 쓸 수 없습니다."
        )
    line_id = parent.line_id if parent else body.line_id
    if line_id is None:
        raise ExecutionError(f"{kind.label}에는 예산 항목(line_id)이 필요합니다", field="line_id")
    line = executable_line(session, gov, line_id)
    if kind in OWN_DEPARTMENT_KINDS:
        _own_department(session, principal, line, kind.label)
    whole = kind in (DocKind.PAYMENT_ORDER, DocKind.PAYMENT)
    amount = parent.amount if whole and parent else body.amount
    if amount is None:
        raise ExecutionError(f"{kind.label} 금액이 필요합니다", field="amount")
    if whole and body.amount is not None and body.amount != amount:
        raise ExecutionError(
            f"{kind.label}은(는) 앞 문서의 금액 전체로만 할 수 있습니다", field="amount"
        )
    wh: Withholding | None = None
    if kind in (DocKind.RESOLUTION, DocKind.PETTY_CASH):
        wh = compute_withholding(body.income_type, amount, line.fiscal_year)
        _check_payee(session, gov, body.payee_id, body.income_type)
    elif parent is not None and whole:
        wh = Withholding(
            IncomeType(parent.income_type), amount, 0, parent.income_tax, parent.local_tax
        )
    if kind is DocKind.PAYMENT_ORDER and parent is not None:
        check_separation_of_duties(parent.author_id, principal.user_id)
    doc = _new(principal, kind, line.id, line.fiscal_year, amount, body, key, parent, wh)
    if whole and parent is not None:
        doc.payee_id = parent.payee_id
    if parent is not None:
        _take_from_parent(session, parent, amount)
    if kind in (DocKind.OBLIGATION, DocKind.PETTY_CASH):
        charge_obligation(session, gov, line.id, amount, also_resolve=kind is DocKind.PETTY_CASH)
    elif COUNTERS[kind]:
        (col,) = COUNTERS[kind]
        if not bump(session, gov, line.id, {col: amount}, getattr(B, col) + amount <= LIMITS[col]):
            raise ProblemError(409, "balance_exceeded", "예산 항목의 집행 잔액이 맞지 않습니다.")
    session.add(doc)
    session.flush()
    _audit(session, principal, doc, "create")
    return document_out(doc)


def create_direct(
    session: Session, principal: Principal, body: DirectResolutionIn, key: str | None
) -> DirectResolutionOut:
    """A 지출결의 and its 지출원인행위 in one transaction: one conditional UPDATE charges both."""
    gov = principal.government_code
    line = executable_line(session, gov, body.line_id)
    _own_department(session, principal, line, DocKind.RESOLUTION.label)
    wh = compute_withholding(body.income_type, body.amount, line.fiscal_year)
    _check_payee(session, gov, body.payee_id, body.income_type)
    request = get_document(session, gov, body.request_id) if body.request_id else None
    if request is not None:
        check_parent(DocKind.OBLIGATION, DocKind(request.kind))
        if request.line_id != line.id:
            raise ExecutionError("품의와 다른 예산 항목입니다", field="request_id")
        _take_from_parent(session, request, body.amount)
    charge_obligation(session, gov, line.id, body.amount, also_resolve=True)
    obligation = _new(principal, DocKind.OBLIGATION, line.id, line.fiscal_year, body.amount,
                      body, key, request, used=body.amount)  # fmt: skip
    obligation.idempotency_key = None  # the key names the 결의
    obligation.income_type = IncomeType.NONE.value
    obligation.payee_id = body.payee_id
    resolution = _new(principal, DocKind.RESOLUTION, line.id, line.fiscal_year, body.amount,
                      body, key, obligation, wh)  # fmt: skip
    session.add(obligation)
    session.flush()
    session.add(resolution)
    session.flush()
    _audit(session, principal, obligation, "create")
    _audit(session, principal, resolution, "create")
    return DirectResolutionOut(
        obligation=document_out(obligation), resolution=document_out(resolution)
    )


def close(
    session: Session, principal: Principal, doc_id: uuid.UUID, to: DocState, reason: str
) -> DocumentOut:
    """반려 or 취소: flip the state once, then release the amounts held."""
    gov = principal.government_code
    doc = get_document(session, gov, doc_id)
    kind = DocKind(doc.kind)
    action = (RETURN_ACTION if to is DocState.RETURNED else CANCEL_ACTION).get(kind)
    if action is None:
        check_close(kind, DocState(doc.state), doc.used, to)  # explains why not
        raise AssertionError
    _require(principal, action, f"{kind.label} {to.value}")
    flipped = session.execute(
        update(D).execution_options(synchronize_session=False)
        .where(D.government_code == gov, D.id == doc.id,
               D.state == DocState.ACTIVE.value, D.used == 0)
        .values(state=to.value, reason=reason, version=D.version + 1)
    )  # fmt: skip
    if getattr(flipped, "rowcount", 0) != 1:
        now = get_document(session, gov, doc.id)
        check_close(kind, DocState(now.state), now.used, to)
        raise ProblemError(409, "document_changed", "문서가 방금 바뀌었습니다. 다시 불러오세요.")
    if doc.parent_id is not None:
        released = session.execute(
            update(D).execution_options(synchronize_session=False)
            .where(D.government_code == gov, D.id == doc.parent_id, D.used >= doc.amount)
            .values(used=D.used - doc.amount, version=D.version + 1)
        )  # fmt: skip
        if getattr(released, "rowcount", 0) != 1:
            raise ProblemError(409, "balance_mismatch", "앞 문서의 사용 금액이 맞지 않습니다.")
    if COUNTERS[kind] and not bump(
        session, gov, doc.line_id, {c: -doc.amount for c in COUNTERS[kind]}
    ):
        raise ProblemError(409, "balance_mismatch", "예산 항목의 집행 잔액이 맞지 않습니다.")
    doc = get_document(session, gov, doc.id)
    _audit(session, principal, doc, "return" if to is DocState.RETURNED else "cancel")
    return document_out(doc)
