"""채주 (payees): created once and reused; account and 주민등록번호 shown masked only.

The 주민등록번호 is encrypted (``crypto.py``) before it reaches the session; only
:func:`withholding_report` decrypts it, for the tax report of withheld income.
"""

from __future__ import annotations

import uuid
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from domain.contracts.execution import PayeeIn, PayeeOut, WithholdingReportRow
from domain.execution import DocKind, DocState
from domain.payee import (
    format_business_number,
    mask_account,
    mask_resident_number,
    normalise_business_number,
    normalise_resident_number,
)
from domain.withholding import IncomeType
from server.audit.service import record
from server.deps import Principal
from server.execution import crypto
from server.execution.allocation import actor
from server.kit.errors import ProblemError, not_found
from server.kit.pagination import decode_cursor, encode_cursor
from server.models import ExecutionDocument, Payee


def payee_out(p: Payee) -> PayeeOut:
    return PayeeOut(
        id=p.id,
        name=p.name,
        business_number=format_business_number(p.business_number) if p.business_number else None,
        resident_number_masked=p.resident_masked,
        bank=p.bank,
        account_masked=mask_account(p.account_number),
        account_holder=p.account_holder,
        version=p.version,
    )


def create_payee(session: Session, principal: Principal, body: PayeeIn, data_dir: Path) -> PayeeOut:
    gov = principal.government_code
    brn = normalise_business_number(body.business_number) if body.business_number else None
    cipher = masked = None
    if body.resident_number:
        rrn = normalise_resident_number(body.resident_number)
        cipher = crypto.encrypt(crypto.encryption_key(data_dir), gov, rrn)
        masked = mask_resident_number(rrn)
    if brn is None and cipher is None:
        raise ProblemError(
            400,
            "payee_identity_required",
            "채주에는 사업자등록번호나 주민등록번호 중 하나가 필요합니다.",
            errors=[{"field": "business_number", "code": "required", "message": "필요합니다"}],
        )
    payee_id = body.id or uuid.uuid4()
    taken = select(Payee.id).where(Payee.government_code == gov, Payee.id == payee_id)
    if body.id is not None and session.scalar(taken) is not None:
        raise ProblemError(409, "payee_exists", "이 채주 id는 이미 등록되어 있습니다.")
    payee = Payee(
        government_code=gov, id=payee_id, name=body.name.strip(), business_number=brn,
        resident_cipher=cipher, resident_masked=masked, bank=body.bank.strip(),
        account_number=body.account_number.strip(), account_holder=body.account_holder.strip(),
    )  # fmt: skip
    session.add(payee)
    session.flush()
    out = payee_out(payee)
    record(
        session, gov, actor(principal), action="create", entity_type="payee", entity_id=payee.id,
        summary=f"채주 등록: {payee.name}",
        after=out.model_dump(mode="json", exclude={"version"}),
    )  # fmt: skip
    return out


def get_payee(session: Session, gov: str, payee_id: uuid.UUID) -> PayeeOut:
    p = session.scalar(select(Payee).where(Payee.government_code == gov, Payee.id == payee_id))
    if p is None:
        raise not_found("채주")
    return payee_out(p)


def list_payees(
    session: Session, gov: str, q: str | None, limit: int, cursor: str | None
) -> tuple[list[PayeeOut], str | None]:
    stmt = select(Payee).where(Payee.government_code == gov)
    if q:
        digits = q.replace("-", "")
        stmt = stmt.where(Payee.name.contains(q) | (Payee.business_number == digits))
    after = decode_cursor(cursor)
    if after is not None:
        name, last = str(after[0]), uuid.UUID(str(after[1]))
        stmt = stmt.where((Payee.name > name) | ((Payee.name == name) & (Payee.id > last)))
    rows = list(session.scalars(stmt.order_by(Payee.name, Payee.id).limit(limit + 1)))
    more = len(rows) > limit
    rows = rows[:limit]
    nxt = encode_cursor([rows[-1].name, str(rows[-1].id)]) if more and rows else None
    return [payee_out(p) for p in rows], nxt


def withholding_report(
    session: Session, gov: str, year: int, data_dir: Path
) -> list[WithholdingReportRow]:
    """Withheld tax per payee and income type for a year's live 결의 and 일상경비 교부,
    with the payee's 주민등록번호 decrypted: the one place that reads it in plain text."""
    D = ExecutionDocument
    rows = session.execute(
        select(
            Payee, D.income_type, func.sum(D.amount), func.sum(D.income_tax),
            func.sum(D.local_tax),
        )
        .join(D, (D.government_code == Payee.government_code) & (D.payee_id == Payee.id))
        .where(
            Payee.government_code == gov, D.fiscal_year == year,
            D.kind.in_([DocKind.RESOLUTION.value, DocKind.PETTY_CASH.value]),
            D.state == DocState.ACTIVE.value, D.income_type != IncomeType.NONE.value,
        )
        .group_by(Payee.government_code, Payee.id, D.income_type)
        .order_by(Payee.name, Payee.id)
    ).all()  # fmt: skip
    key = crypto.encryption_key(data_dir) if rows else b""
    out = []
    for payee, income_type, gross, income_tax, local_tax in rows:
        rrn = crypto.decrypt(key, gov, payee.resident_cipher) if payee.resident_cipher else None
        out.append(
            WithholdingReportRow(
                payee_id=payee.id, name=payee.name,
                business_number=(
                    format_business_number(payee.business_number)
                    if payee.business_number else None
                ),
                resident_number=f"{rrn[:6]}-{rrn[6:]}" if rrn else None,
                income_type=IncomeType(income_type), gross=int(gross),
                income_tax=int(income_tax), local_tax=int(local_tax),
            )
        )  # fmt: skip
    return out
