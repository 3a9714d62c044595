"""Budget versions, the program structure, 세출/세입 lines, 재원 splits and 산출근거 items."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Date,
    DateTime,
    ForeignKeyConstraint,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    Uuid,
)
from sqlalchemy.orm import Mapped, mapped_column

from server.models.base import Base, IdMixin, Money, TenantMixin, VersionedMixin, utcnow


def _fk(cols: list[str], table: str, ref: list[str], **kw: Any) -> ForeignKeyConstraint:
    """A tenant foreign key: government_code first on both sides."""
    return ForeignKeyConstraint(
        ["government_code", *cols],
        [f"{table}.government_code", *(f"{table}.{c}" for c in ref)],
        **kw,
    )


class Program(TenantMixin, IdMixin, VersionedMixin, Base):
    """정책사업 / 단위사업 / 세부사업, scoped by 부서: two departments' "동 행정복지센터 운영"
    are two projects."""

    __tablename__ = "programs"
    __table_args__ = (
        UniqueConstraint("government_code", "fiscal_year", "department_id", "level", "name"),
        _fk(["department_id"], "departments", ["id"]),
        _fk(["parent_id"], "programs", ["id"]),
    )

    fiscal_year: Mapped[int] = mapped_column(Integer)
    level: Mapped[str] = mapped_column(String(10))  # 정책 / 단위 / 세부
    name: Mapped[str] = mapped_column(String(200))
    code: Mapped[str | None] = mapped_column(String(16))  # 16-char 세부사업 code when known
    department_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    parent_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    committee: Mapped[str] = mapped_column(String(100), default="")  # 위원회명
    funding_type: Mapped[str] = mapped_column(String(10), default="")  # 자체 / 보조
    position: Mapped[int] = mapped_column(Integer, default=0)
    # 사업목적 (세부사업): printed on the 세부사업설명서; "" until written
    purpose: Mapped[str] = mapped_column(Text, default="", server_default="")


class BudgetVersion(TenantMixin, IdMixin, VersionedMixin, Base):
    """(government, year, kind): 본예산(안) / 본예산 / 제N회추경.

    State 작성중 → 확정 → 의결 → 성립.
    """

    __tablename__ = "budget_versions"
    __table_args__ = (
        UniqueConstraint("government_code", "fiscal_year", "kind"),
        _fk(["base_version_id"], "budget_versions", ["id"]),
    )

    fiscal_year: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20))
    state: Mapped[str] = mapped_column(String(10), default="작성중")
    base_version_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    confirmed_on: Mapped[date | None] = mapped_column(Date)  # 예산확정일자
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class RequestState(TenantMixin, VersionedMixin, Base):
    """작성중 → 요구 → 조정 per (version, 세부사업); the 세부사업 carries its 부서."""

    __tablename__ = "request_states"
    __table_args__ = (
        _fk(["version_id"], "budget_versions", ["id"], ondelete="CASCADE"),
        _fk(["program_id"], "programs", ["id"]),
    )

    version_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    program_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    state: Mapped[str] = mapped_column(String(10), default="작성중")


class ExpenditureLine(TenantMixin, IdMixin, VersionedMixin, Base):
    """세출 line: (version, 회계, 세부사업, 통계목); amounts in 천원.

    ``amount`` is the current (경정) amount = sum of the top 산출근거 items. 요구/조정/의결 are
    kept so the adjustment history can be shown.
    """

    __tablename__ = "expenditure_lines"
    __table_args__ = (
        UniqueConstraint(
            "government_code", "version_id", "account_code", "program_id", "object_code"
        ),
        _fk(["version_id"], "budget_versions", ["id"], ondelete="CASCADE"),
        _fk(["program_id"], "programs", ["id"]),
        _fk(["fiscal_year", "account_code"], "accounts", ["fiscal_year", "code"]),
        Index("ix_expenditure_lines_version", "government_code", "version_id", "position"),
    )

    version_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    fiscal_year: Mapped[int] = mapped_column(Integer)
    account_code: Mapped[str] = mapped_column(String(10))
    program_id: Mapped[uuid.UUID] = mapped_column(Uuid)  # the 세부사업
    sector_code: Mapped[str] = mapped_column(String(10), default="")  # 부문
    object_code: Mapped[str] = mapped_column(String(10))  # 통계목 "201-01"
    amount: Mapped[int] = mapped_column(Money, default=0)
    base_amount: Mapped[int] = mapped_column(Money, default=0)  # 기정액
    requested_amount: Mapped[int | None] = mapped_column(Money)  # 요구액
    adjusted_amount: Mapped[int | None] = mapped_column(Money)  # 조정액
    adopted_amount: Mapped[int | None] = mapped_column(Money)  # 의결액
    adjust_reason: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)


class RevenueLine(TenantMixin, IdMixin, VersionedMixin, Base):
    """세입 line: (version, 회계, 부서, 목); amounts in 천원."""

    __tablename__ = "revenue_lines"
    __table_args__ = (
        UniqueConstraint(
            "government_code", "version_id", "account_code", "department_id", "item_code"
        ),
        _fk(["version_id"], "budget_versions", ["id"], ondelete="CASCADE"),
        _fk(["department_id"], "departments", ["id"]),
        _fk(["fiscal_year", "account_code"], "accounts", ["fiscal_year", "code"]),
        Index("ix_revenue_lines_version", "government_code", "version_id", "position"),
    )

    version_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    fiscal_year: Mapped[int] = mapped_column(Integer)
    account_code: Mapped[str] = mapped_column(String(10))
    department_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    item_code: Mapped[str] = mapped_column(String(10))  # 목 (5 digits)
    amount: Mapped[int] = mapped_column(Money, default=0)
    base_amount: Mapped[int] = mapped_column(Money, default=0)
    requested_amount: Mapped[int | None] = mapped_column(Money)
    adjusted_amount: Mapped[int | None] = mapped_column(Money)
    adopted_amount: Mapped[int | None] = mapped_column(Money)
    adjust_reason: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)


class LineFunding(TenantMixin, Base):
    """재원 split of a 세출 line; always sums to the line amount."""

    __tablename__ = "line_fundings"
    __table_args__ = (
        _fk(["line_id"], "expenditure_lines", ["id"], ondelete="CASCADE"),
        _fk(["fiscal_year", "source_code"], "funding_sources", ["fiscal_year", "code"]),
    )

    line_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    source_code: Mapped[str] = mapped_column(String(10), primary_key=True)
    fiscal_year: Mapped[int] = mapped_column(Integer)
    amount: Mapped[int] = mapped_column(Money, default=0)
    base_amount: Mapped[int] = mapped_column(Money, default=0)


class BasisItem(TenantMixin, IdMixin, Base):
    """One 산출근거 line (label, formula in 원, amount in 천원), in a tree under a 세출 or 세입
    line. A parent's amount is the sum of its children. A formula that does not parse is kept
    verbatim with ``flag`` saying why — never dropped."""

    __tablename__ = "basis_items"
    __table_args__ = (
        _fk(["expenditure_line_id"], "expenditure_lines", ["id"], ondelete="CASCADE"),
        _fk(["revenue_line_id"], "revenue_lines", ["id"], ondelete="CASCADE"),
        _fk(["parent_id"], "basis_items", ["id"], ondelete="CASCADE"),
        Index("ix_basis_items_expenditure", "government_code", "expenditure_line_id"),
        Index("ix_basis_items_revenue", "government_code", "revenue_line_id"),
    )

    expenditure_line_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    revenue_line_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    parent_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    position: Mapped[int] = mapped_column(Integer, default=0)
    label: Mapped[str] = mapped_column(Text, default="")  # without the indentation
    formula: Mapped[str | None] = mapped_column(Text)
    amount: Mapped[int] = mapped_column(Money, default=0)  # 천원
    amount_won: Mapped[int | None] = mapped_column(Money)  # evaluated formula, ceil to 원
    flag: Mapped[str | None] = mapped_column(String(200))
    funds: Mapped[dict[str, int] | None] = mapped_column(JSON)  # per-item 재원 split as imported


class ImportRecord(TenantMixin, Base):
    """A budget book already imported (by content hash), so a re-import is never doubled."""

    __tablename__ = "import_records"
    __table_args__ = (_fk(["version_id"], "budget_versions", ["id"], ondelete="CASCADE"),)

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    book_kind: Mapped[str] = mapped_column(String(10))  # 세출 / 세입
    filename: Mapped[str] = mapped_column(String(255))
    version_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    row_count: Mapped[int] = mapped_column(Integer)
    imported_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
