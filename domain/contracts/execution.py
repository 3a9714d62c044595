"""Wire models of execution (집행): 배정, documents of the chain, 채주, 원천징수. Money in 원."""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from domain.execution import DocKind, DocState
from domain.withholding import IncomeType

__all__ = [
    "AllotmentIn",
    "AllotmentOut",
    "CloseIn",
    "DirectResolutionIn",
    "DirectResolutionOut",
    "DocumentIn",
    "DocumentOut",
    "DocumentPage",
    "LineExecution",
    "LineExecutionPage",
    "PayeeIn",
    "PayeeOut",
    "PayeePage",
    "PaymentIn",
    "WithholdingOut",
    "WithholdingReportRow",
]

Won = Field(gt=0, le=10**15)


class AllotmentIn(BaseModel):
    """배정 (positive) or 배정 감액 (negative) of one line for one quarter."""

    model_config = ConfigDict(extra="forbid")

    quarter: int = Field(ge=1, le=4)
    amount: int = Field(ge=-(10**15), le=10**15)
    note: str = Field(default="", max_length=200)


class AllotmentOut(BaseModel):
    id: uuid.UUID
    line_id: uuid.UUID
    quarter: int
    amount: int
    note: str
    created_by: str
    created_at: datetime


class LineExecution(BaseModel):
    """A budget line's execution balance: 예산, 배정, 원인행위, 결의, 지급명령, 지급, 잔액."""

    line_id: uuid.UUID
    program_id: uuid.UUID
    program_name: str
    object_code: str
    account_code: str
    budget: int  # 원 (the line's 천원 × 1000)
    allotted: int
    obligated: int
    resolved: int
    ordered: int
    paid: int
    allotment_left: int  # 배정 잔액 = 배정 − 원인행위
    unallotted: int  # 예산 − 배정
    by_quarter: dict[int, int] = Field(default_factory=dict)


class LineExecutionPage(BaseModel):
    items: list[LineExecution]
    next_cursor: str | None = None


class PayeeIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    # chosen by the client when it queues the 채주 (offline): a 결의 queued after it names
    # this id; the server makes one when it is not given
    id: uuid.UUID | None = None
    name: str = Field(min_length=1, max_length=200)
    business_number: str | None = Field(default=None, max_length=20)
    resident_number: str | None = Field(default=None, max_length=20)
    bank: str = Field(default="", max_length=50)
    account_number: str = Field(default="", max_length=40)
    account_holder: str = Field(default="", max_length=100)


class PayeeOut(BaseModel):
    """A 채주; the account and 주민등록번호 only ever masked."""

    id: uuid.UUID
    name: str
    business_number: str | None  # 123-45-67890
    resident_number_masked: str | None
    bank: str
    account_masked: str
    account_holder: str
    version: int


class PayeePage(BaseModel):
    items: list[PayeeOut]
    next_cursor: str | None = None


class _DocCommon(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: str = Field(default="", max_length=200)  # 적요
    payee_id: uuid.UUID | None = None
    income_type: IncomeType = IncomeType.NONE
    evidence: list[str] = Field(default_factory=list, max_length=20)  # 견적서, 세금계산서 ...


class DocumentIn(_DocCommon):
    """품의 / 원인행위 / 일상경비 교부 on a line, or 결의 / 지급명령 / 지급 under a parent."""

    line_id: uuid.UUID | None = None
    parent_id: uuid.UUID | None = None
    amount: int | None = Field(default=None, gt=0, le=10**15)


class PaymentIn(BaseModel):
    """지급명령 of a 결의, or 지급 of a 지급명령: always the parent's whole amount."""

    model_config = ConfigDict(extra="forbid")

    parent_id: uuid.UUID
    title: str = Field(default="", max_length=200)


class DirectResolutionIn(_DocCommon):
    """One 지출결의 whose 지출원인행위 is created in the same request."""

    line_id: uuid.UUID
    amount: int = Won
    request_id: uuid.UUID | None = None  # the 품의, when there is one


class DocumentOut(BaseModel):
    id: uuid.UUID
    kind: DocKind
    kind_label: str
    state: DocState
    line_id: uuid.UUID
    parent_id: uuid.UUID | None
    fiscal_year: int
    amount: int  # gross
    used: int  # what later documents of the chain took from it
    left: int
    income_type: IncomeType
    income_tax: int
    local_tax: int
    withheld: int
    net: int
    payee_id: uuid.UUID | None
    title: str
    evidence: list[str]
    reason: str
    author_login: str
    created_at: datetime
    version: int


class DirectResolutionOut(BaseModel):
    obligation: DocumentOut
    resolution: DocumentOut


class DocumentPage(BaseModel):
    items: list[DocumentOut]
    next_cursor: str | None = None


class CloseIn(BaseModel):
    """반려 or 취소 with its reason."""

    model_config = ConfigDict(extra="forbid")

    reason: str = Field(min_length=1, max_length=500)


class WithholdingOut(BaseModel):
    income_type: IncomeType
    gross: int
    taxable_income: int
    income_tax: int
    local_tax: int
    withheld: int
    net: int


class WithholdingReportRow(BaseModel):
    """One payee's withheld tax in a year; the identity decrypted for the tax report."""

    payee_id: uuid.UUID
    name: str
    business_number: str | None
    resident_number: str | None
    income_type: IncomeType
    gross: int
    income_tax: int
    local_tax: int
