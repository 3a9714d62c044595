"""Execution (집행): per-line balances, 배정, 채주, the document chain and idempotency keys.

The balance row and each document's ``used`` change only through conditional UPDATEs
(``... SET obligated = obligated + :a WHERE ... AND obligated + :a <= allotted``); the CHECK
constraints below are the backstop that holds even if a writer forgot the guard.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    DateTime,
    ForeignKeyConstraint,
    Index,
    Integer,
    String,
    Text,
    Uuid,
)
from sqlalchemy.orm import Mapped, mapped_column

from server.models.base import Base, IdMixin, Money, TenantMixin, VersionedMixin, utcnow


def _fk(cols: list[str], table: str, ref: list[str], **kw: Any) -> ForeignKeyConstraint:
    return ForeignKeyConstraint(
        ["government_code", *cols],
        [f"{table}.government_code", *(f"{table}.{c}" for c in ref)],
        **kw,
    )


class ExecutionBalance(TenantMixin, Base):
    """One budget line's running totals in 원: 예산 ≥ 배정 ≥ 원인행위 ≥ 결의 ≥ 지급명령 ≥ 지급."""

    __tablename__ = "execution_balances"
    __table_args__ = (
        _fk(["line_id"], "expenditure_lines", ["id"]),
        CheckConstraint("allotted >= 0 AND allotted <= budget", name="allotted_within_budget"),
        CheckConstraint(
            "obligated >= 0 AND obligated <= allotted", name="obligated_within_allotted"
        ),
        CheckConstraint(
            "resolved >= 0 AND resolved <= obligated", name="resolved_within_obligated"
        ),
        CheckConstraint("ordered >= 0 AND ordered <= resolved", name="ordered_within_resolved"),
        CheckConstraint("paid >= 0 AND paid <= ordered", name="paid_within_ordered"),
    )

    line_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    budget: Mapped[int] = mapped_column(Money, default=0)
    allotted: Mapped[int] = mapped_column(Money, default=0)
    obligated: Mapped[int] = mapped_column(Money, default=0)
    resolved: Mapped[int] = mapped_column(Money, default=0)
    ordered: Mapped[int] = mapped_column(Money, default=0)
    paid: Mapped[int] = mapped_column(Money, default=0)


class Allotment(TenantMixin, IdMixin, Base):
    """One 배정 (or 감액, negative) of a line for a quarter; the balance holds the sum."""

    __tablename__ = "allotments"
    __table_args__ = (
        _fk(["line_id"], "expenditure_lines", ["id"]),
        _fk(["created_by"], "users", ["id"]),
        CheckConstraint("quarter BETWEEN 1 AND 4", name="quarter"),
        Index("ix_allotments_line", "government_code", "line_id"),
    )

    line_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    quarter: Mapped[int] = mapped_column(Integer)
    amount: Mapped[int] = mapped_column(Money)
    note: Mapped[str] = mapped_column(String(200), default="")
    created_by: Mapped[uuid.UUID] = mapped_column(Uuid)
    created_login: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Payee(TenantMixin, IdMixin, VersionedMixin, Base):
    """채주. ``resident_cipher`` is AES-GCM with a key kept outside the database."""

    __tablename__ = "payees"
    __table_args__ = (Index("ix_payees_name", "government_code", "name"),)

    name: Mapped[str] = mapped_column(String(200))
    business_number: Mapped[str | None] = mapped_column(String(10))  # digits only
    resident_cipher: Mapped[str | None] = mapped_column(Text)
    resident_masked: Mapped[str | None] = mapped_column(String(20))
    bank: Mapped[str] = mapped_column(String(50), default="")
    account_number: Mapped[str] = mapped_column(String(40), default="")
    account_holder: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class ExecutionDocument(TenantMixin, IdMixin, VersionedMixin, Base):
    """품의, 지출원인행위, 지출결의, 일상경비 교부, 지급명령 or 지급 (``kind``)."""

    __tablename__ = "execution_documents"
    __table_args__ = (
        _fk(["line_id"], "expenditure_lines", ["id"]),
        _fk(["parent_id"], "execution_documents", ["id"]),
        _fk(["payee_id"], "payees", ["id"]),
        _fk(["author_id"], "users", ["id"]),
        CheckConstraint("amount > 0", name="amount_positive"),
        CheckConstraint("used >= 0 AND used <= amount", name="used_within_amount"),
        CheckConstraint(
            "net_amount = amount - income_tax - local_tax AND net_amount >= 0",
            name="net_is_gross_less_withheld",
        ),
        Index("ix_execution_documents_line", "government_code", "line_id", "kind"),
        Index("ix_execution_documents_parent", "government_code", "parent_id"),
        Index("ix_execution_documents_list", "government_code", "created_at", "id"),
        Index("ix_execution_documents_key", "government_code", "idempotency_key"),
    )

    kind: Mapped[str] = mapped_column(String(20))
    state: Mapped[str] = mapped_column(String(10), default="진행")
    line_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    parent_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    fiscal_year: Mapped[int] = mapped_column(Integer)
    amount: Mapped[int] = mapped_column(Money)
    used: Mapped[int] = mapped_column(Money, default=0)
    income_type: Mapped[str] = mapped_column(String(10), default="none")
    income_tax: Mapped[int] = mapped_column(Money, default=0)
    local_tax: Mapped[int] = mapped_column(Money, default=0)
    net_amount: Mapped[int] = mapped_column(Money)
    payee_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    title: Mapped[str] = mapped_column(String(200), default="")
    evidence: Mapped[list[str]] = mapped_column(JSON, default=list)
    reason: Mapped[str] = mapped_column(String(500), default="")
    author_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    author_login: Mapped[str] = mapped_column(String(64), default="")
    idempotency_key: Mapped[str | None] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class IdempotencyKey(TenantMixin, Base):
    """A claimed ``Idempotency-Key`` with the hash of its request and the first answer.

    Claimed (inserted) first in the transaction that does the work, so the key and its effect
    commit or roll back together.
    """

    __tablename__ = "idempotency_keys"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    request_hash: Mapped[str] = mapped_column(String(64))
    user_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    status_code: Mapped[int | None] = mapped_column(Integer)
    response: Mapped[Any] = mapped_column(JSON, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
