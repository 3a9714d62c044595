"""Per-government, per-year code records: 회계, 재원 and locally added codes.

회계 and 재원 numbering is local to each government (주차장 특별회계 is 210 in one district
and 225 in another), so they are records, not shared lists. Shared lists (분야/부문,
편성목/통계목, 세입 과목) ship as data files in ``resources/codes``; a code an imported book
uses that the shared list lacks is added here for that government and year, flagged.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from server.models.base import Base, TenantMixin, utcnow


class Account(TenantMixin, Base):
    """회계: 100 일반회계, 2xx 기타특별회계, 3xx 공기업특별회계, 4xx 기금.

    The band rule is not enforced: numbering is local.
    """

    __tablename__ = "accounts"

    fiscal_year: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(10), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(20), default="")


class FundingSource(TenantMixin, Base):
    """재원: the set and its codes differ per government and year."""

    __tablename__ = "funding_sources"
    __table_args__ = (UniqueConstraint("government_code", "fiscal_year", "name"),)

    fiscal_year: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(10), primary_key=True)
    name: Mapped[str] = mapped_column(String(50))
    position: Mapped[int] = mapped_column(Integer, default=0)
    is_subsidy: Mapped[bool] = mapped_column(Boolean, default=False)  # 국고/균특/기금/광역 보조


class LocalCode(TenantMixin, Base):
    """A code this government uses in a year that the shared list does not have."""

    __tablename__ = "local_codes"

    fiscal_year: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), primary_key=True)  # function/sector/object/...
    code: Mapped[str] = mapped_column(String(20), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    flagged: Mapped[bool] = mapped_column(Boolean, default=True)
    note: Mapped[str] = mapped_column(String(500), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
