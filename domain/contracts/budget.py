"""Wire models of budget formulation: versions, 세출/세입 lines, 산출근거 trees, workflow."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "AdjustRequest",
    "AdoptLine",
    "AdoptRequest",
    "BasisItemIn",
    "BasisItemOut",
    "ExpenditureLineCreate",
    "ExpenditureLineOut",
    "ExpenditureLinePage",
    "ExpenditureLineUpdate",
    "RequestStateOut",
    "RevenueLineCreate",
    "RevenueLineOut",
    "RevenueLinePage",
    "RevenueLineUpdate",
    "SubmitDepartmentRequest",
    "VersionCreate",
    "VersionDetail",
    "VersionOut",
]


class VersionOut(BaseModel):
    id: uuid.UUID
    fiscal_year: int
    kind: str
    state: str
    base_version_id: uuid.UUID | None
    confirmed_on: date | None
    created_at: datetime
    version: int


class RequestStateOut(BaseModel):
    """작성중/요구/조정 of one 세부사업 in a version; ``version`` is its ETag."""

    program_id: uuid.UUID
    program_name: str
    department_id: uuid.UUID
    department_name: str
    state: str
    version: int
    line_count: int = 0
    amount: int = 0  # 천원, sum of the 세부사업's lines


class VersionDetail(VersionOut):
    requests: list[RequestStateOut]
    state_counts: dict[str, int]
    expenditure_total: int
    revenue_total: int


class VersionCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    fiscal_year: int = Field(ge=2000, le=2100)
    kind: Literal["본예산(안)", "본예산"]


class BasisItemIn(BaseModel):
    """One 산출근거 line. A leaf's amount comes from its formula (원 → 천원, rounded up); a
    parent is the sum of its children. ``id`` names an existing item: an imported item kept
    verbatim (flagged) stays as it is while its formula is unchanged."""

    model_config = ConfigDict(extra="forbid")

    id: uuid.UUID | None = None
    label: str = Field(default="", max_length=500)
    formula: str | None = Field(default=None, max_length=1000)
    children: list[BasisItemIn] = Field(default_factory=list)


class BasisItemOut(BaseModel):
    id: uuid.UUID
    label: str
    formula: str | None
    amount: int  # 천원
    amount_won: int | None
    flag: str | None
    children: list[BasisItemOut] = Field(default_factory=list)


class ExpenditureLineCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    account_code: str = Field(min_length=1, max_length=10)
    program_id: uuid.UUID
    object_code: str = Field(min_length=1, max_length=10)
    sector_code: str = Field(default="", max_length=10)
    basis: list[BasisItemIn] = Field(default_factory=list)
    funding: dict[str, int] = Field(default_factory=dict)  # 재원 code -> 천원
    position: int | None = None


class ExpenditureLineUpdate(BaseModel):
    """Replaces the 산출근거 tree and the 재원 split (If-Match on the line)."""

    model_config = ConfigDict(extra="forbid")

    basis: list[BasisItemIn]
    funding: dict[str, int]
    sector_code: str | None = Field(default=None, max_length=10)


class ExpenditureLineOut(BaseModel):
    id: uuid.UUID
    version_id: uuid.UUID
    fiscal_year: int
    account_code: str
    program_id: uuid.UUID
    department_id: uuid.UUID
    object_code: str
    sector_code: str
    amount: int  # 천원: current (경정) amount
    base_amount: int  # 기정액 (추경) or the previous year's amount (next-year version)
    requested_amount: int | None  # 요구액
    adjusted_amount: int | None  # 조정액
    adopted_amount: int | None  # 의결액
    adjust_reason: str
    funding: dict[str, int]
    funding_base: dict[str, int]
    basis: list[BasisItemOut] | None = None
    position: int
    version: int


class ExpenditureLinePage(BaseModel):
    items: list[ExpenditureLineOut]
    next_cursor: str | None = None


class RevenueLineCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    account_code: str = Field(min_length=1, max_length=10)
    department_id: uuid.UUID
    item_code: str = Field(min_length=1, max_length=10)  # 목, 5 digits
    basis: list[BasisItemIn] = Field(default_factory=list)
    position: int | None = None


class RevenueLineUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    basis: list[BasisItemIn]


class RevenueLineOut(BaseModel):
    id: uuid.UUID
    version_id: uuid.UUID
    fiscal_year: int
    account_code: str
    department_id: uuid.UUID
    item_code: str
    amount: int
    base_amount: int
    requested_amount: int | None
    adjusted_amount: int | None
    adopted_amount: int | None
    adjust_reason: str
    basis: list[BasisItemOut] | None = None
    position: int
    version: int


class RevenueLinePage(BaseModel):
    items: list[RevenueLineOut]
    next_cursor: str | None = None


class SubmitDepartmentRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    department_id: uuid.UUID


class AdjustRequest(BaseModel):
    """조정 by the budget office: the new amount (천원), why, and the 재원 split when it cannot be
    derived (a line with one 재원 moves it; an unchanged amount keeps the split)."""

    model_config = ConfigDict(extra="forbid")

    amount: int = Field(ge=0)
    reason: str = Field(min_length=1, max_length=1000)
    funding: dict[str, int] | None = None


class AdoptLine(BaseModel):
    model_config = ConfigDict(extra="forbid")

    line_id: uuid.UUID
    amount: int
    funding: dict[str, int] | None = None


class AdoptRequest(BaseModel):
    """의결: council amounts for the lines it cut (세출 or 세입); others keep their 조정액."""

    model_config = ConfigDict(extra="forbid")

    lines: list[AdoptLine] = Field(default_factory=list)
