"""Wire models of the imports area: the result of importing an e호조 budget book."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from pydantic import BaseModel

BookKind = Literal["세출", "세입"]
ImportStatus = Literal["imported", "already_imported"]


class AddedLocalCode(BaseModel):
    """A code the book uses that the shared list lacks, added for this government and year."""

    kind: str  # function / sector / object_group / object / revenue
    code: str
    name: str


class AccountAmount(BaseModel):
    code: str
    name: str
    amount: int  # 천원


class ImportResult(BaseModel):
    status: ImportStatus
    message: str  # Korean, one sentence
    book_kind: BookKind
    sha256: str
    filename: str
    version_id: uuid.UUID
    fiscal_year: int
    kind: str  # 본예산(안) / 본예산 / 제N회추경
    version_created: bool
    row_count: int
    line_count: int
    total: int  # 천원
    accounts: list[AccountAmount]
    warnings: list[str]
    local_codes: list[AddedLocalCode]
    flagged_items: int  # 산출근거식 kept verbatim because it does not parse


class ImportRecordOut(BaseModel):
    sha256: str
    book_kind: BookKind
    filename: str
    version_id: uuid.UUID
    row_count: int
    imported_at: datetime
