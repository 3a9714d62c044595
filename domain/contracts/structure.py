"""Wire models of the budget structure: 부서, 회계, 재원, 정책/단위/세부사업 and code lists."""

from __future__ import annotations

import uuid
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "PROGRAM_LEVELS",
    "PURPOSE_MAX",
    "AccountCreate",
    "AccountOut",
    "CodeOut",
    "DepartmentCreate",
    "DepartmentOut",
    "DepartmentUpdate",
    "FundingSourceCreate",
    "FundingSourceOut",
    "GovernmentOut",
    "ProgramCreate",
    "ProgramLevel",
    "ProgramOut",
    "ProgramPage",
    "ProgramPurposeUpdate",
    "ProgramUpdate",
]

ProgramLevel = Literal["정책", "단위", "세부"]
PROGRAM_LEVELS: tuple[ProgramLevel, ...] = ("정책", "단위", "세부")
YEAR = Field(ge=2000, le=2100)


class GovernmentOut(BaseModel):
    """The signed-in user's 지방자치단체: 행정표준기관코드 and name (e.g. 인천광역시 동구)."""

    code: str
    name: str


class DepartmentOut(BaseModel):
    id: uuid.UUID
    name: str
    code: str | None
    version: int


class DepartmentCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=100)
    code: str | None = Field(default=None, max_length=20)


class DepartmentUpdate(BaseModel):
    """Only the fields present change."""

    model_config = ConfigDict(extra="forbid")

    name: str | None = Field(default=None, min_length=1, max_length=100)
    code: str | None = Field(default=None, max_length=20)


class AccountOut(BaseModel):
    fiscal_year: int
    code: str
    name: str
    kind: str


class AccountCreate(BaseModel):
    """회계: numbering is local (only 100 일반회계 is common)."""

    model_config = ConfigDict(extra="forbid")

    fiscal_year: int = YEAR
    code: str = Field(pattern=r"^[0-9]{3}$")
    name: str = Field(min_length=1, max_length=100)
    kind: str = Field(default="", max_length=20)


class FundingSourceOut(BaseModel):
    fiscal_year: int
    code: str
    name: str
    position: int
    is_subsidy: bool


class FundingSourceCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    fiscal_year: int = YEAR
    code: str = Field(min_length=1, max_length=10, pattern=r"^[0-9A-Za-z_-]+$")
    name: str = Field(min_length=1, max_length=50)
    position: int = 0
    is_subsidy: bool = False


class ProgramOut(BaseModel):
    id: uuid.UUID
    fiscal_year: int
    level: str
    name: str
    code: str | None
    department_id: uuid.UUID
    parent_id: uuid.UUID | None
    committee: str
    funding_type: str
    position: int
    purpose: str = ""  # 사업목적 (세부사업)
    version: int


class ProgramPage(BaseModel):
    items: list[ProgramOut]
    next_cursor: str | None = None


class ProgramCreate(BaseModel):
    """정책 has no parent; 단위's parent is a 정책, 세부's a 단위, in the same 부서 and year."""

    model_config = ConfigDict(extra="forbid")

    fiscal_year: int = YEAR
    level: ProgramLevel
    name: str = Field(min_length=1, max_length=200)
    code: str | None = Field(default=None, max_length=16)
    department_id: uuid.UUID
    parent_id: uuid.UUID | None = None
    committee: str = Field(default="", max_length=100)
    funding_type: Literal["", "자체", "보조"] = ""
    position: int = 0


class ProgramUpdate(BaseModel):
    """Only the fields present change; level, 부서 and parent are fixed once created."""

    model_config = ConfigDict(extra="forbid")

    name: str | None = Field(default=None, min_length=1, max_length=200)
    code: str | None = Field(default=None, max_length=16)
    committee: str | None = Field(default=None, max_length=100)
    funding_type: Literal["", "자체", "보조"] | None = None
    position: int | None = None


PURPOSE_MAX = 2000


class ProgramPurposeUpdate(BaseModel):
    """사업목적 of a 세부사업. Department staff write it while the 세부사업's request is being
    written in ``version_id`` (작성중); the budget office (예산부서) at any time."""

    model_config = ConfigDict(extra="forbid")

    purpose: str = Field(max_length=PURPOSE_MAX)
    version_id: uuid.UUID | None = None


class CodeOut(BaseModel):
    """One code of a shared list, or (``local``) this government's own addition."""

    code: str
    name: str
    level: str
    parent: str | None
    verified: bool
    local: bool = False
    flagged: bool = False
