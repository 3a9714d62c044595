"""What a report needs from the server, read in one go: a version's lines with their 산출근거,
the program tree, 부서, 회계, 재원 and code names. Blocking; called off the GUI thread."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from domain.codes import known_government

if TYPE_CHECKING:
    from app.services.api.endpoints import HojoApi
    from domain.contracts.budget import ExpenditureLineOut, RevenueLineOut, VersionDetail
    from domain.contracts.structure import CodeOut, FundingSourceOut, ProgramOut

__all__ = ["Job", "NullJob", "ReportCancelled", "ReportData", "fetch"]


class ReportCancelled(Exception):
    """The user cancelled the report."""


class Job(Protocol):
    """Progress and cancellation (``app.tasks.TaskState`` has this shape)."""

    def set_progress(self, fraction: float, text: str = "") -> None: ...

    def raise_if_cancelled(self) -> None: ...


class NullJob:
    """No progress display, never cancelled; ``on_progress`` gets each step when given."""

    def __init__(self, on_progress: Callable[[float, str], None] | None = None) -> None:
        self.on_progress = on_progress

    def set_progress(self, fraction: float, text: str = "") -> None:
        if self.on_progress is not None:
            self.on_progress(fraction, text)

    def raise_if_cancelled(self) -> None:
        return None


@dataclass
class ReportData:
    """One version as the reports need it; names keyed by code or id."""

    version: VersionDetail
    government_code: str
    government_name: str
    lines: list[ExpenditureLineOut] = field(default_factory=list)
    revenue: list[RevenueLineOut] = field(default_factory=list)
    programs: dict[uuid.UUID, ProgramOut] = field(default_factory=dict)
    departments: dict[uuid.UUID, str] = field(default_factory=dict)
    accounts: dict[str, str] = field(default_factory=dict)
    funding: list[FundingSourceOut] = field(default_factory=list)
    objects: dict[str, str] = field(default_factory=dict)  # 편성목 "201" and 통계목 "201-01"
    functions: dict[str, CodeOut] = field(default_factory=dict)  # 분야 and 부문
    revenue_items: dict[str, CodeOut] = field(default_factory=dict)  # 장 관 항 목

    @property
    def supplementary(self) -> bool:
        """An 추경: amounts are 경정, with 기정 and 증감 beside them."""
        return "추경" in self.version.kind

    @property
    def funding_names(self) -> dict[str, str]:
        return {f.code: f.name for f in self.funding}

    def department_name(self, department_id: uuid.UUID) -> str:
        return self.departments.get(department_id, "")

    def title(self, what: str) -> str:
        v = self.version
        return f"{v.fiscal_year}년도 {self.government_name} {v.kind} {what}".replace("  ", " ")


def fetch(
    api: HojoApi,
    version_id: uuid.UUID,
    job: Job,
    *,
    expenditure: bool = True,
    revenue: bool = False,
    department_id: uuid.UUID | None = None,
    program_id: uuid.UUID | None = None,
) -> ReportData:
    """Read what the report needs; progress 0 → 0.3 of the job."""
    job.set_progress(0.0, "예산 버전 읽는 중")
    version = api.version(version_id)
    year = version.fiscal_year
    gov = api.government()
    data = ReportData(version, gov.code, gov.name or known_government(gov.code) or gov.code)
    job.raise_if_cancelled()
    if expenditure:
        job.set_progress(0.05, "세출 예산과 산출근거 읽는 중")
        data.lines = api.expenditure_lines(
            version_id, program_id=program_id, department_id=department_id, with_basis=True
        )
        job.raise_if_cancelled()
    if revenue:
        job.set_progress(0.15, "세입 예산과 산출근거 읽는 중")
        data.revenue = api.revenue_lines(version_id, department_id=department_id, with_basis=True)
        job.raise_if_cancelled()
    job.set_progress(0.2, "사업, 부서, 과목 이름 읽는 중")
    data.programs = {p.id: p for p in api.programs(year)}
    data.departments = {d.id: d.name for d in api.departments()}
    data.accounts = {a.code: a.name for a in api.accounts(year)}
    data.funding = api.funding_sources(year)
    if expenditure:
        data.objects = {c.code: c.name for c in api.codes(year, "objects")}
        data.functions = {c.code: c for c in api.codes(year, "functions")}
    if revenue:
        data.revenue_items = {c.code: c for c in api.codes(year, "revenue-items")}
    job.raise_if_cancelled()
    job.set_progress(0.3, "읽기 끝")
    return data
