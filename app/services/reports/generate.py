"""One entry point for every report: read the data, write the file, say what was written.
Used by the reports page (through ``app.operations.reports``) and by ``hojo report``."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from app.services.reports.data import fetch

if TYPE_CHECKING:
    from app.services.api.endpoints import HojoApi
    from app.services.reports.data import Job
    from domain.contracts.budget import VersionOut

__all__ = ["FORMATS", "REPORTS", "ReportRequest", "ReportResult", "generate", "pick_version"]

ReportKind = Literal["budget-book", "revenue-book", "project-sheet", "resolution"]
Format = Literal["pdf", "xlsx", "csv"]
REPORTS: dict[str, str] = {
    "budget-book": "세출 예산서",
    "revenue-book": "세입 예산서",
    "project-sheet": "세부사업설명서",
    "resolution": "지출결의서",
}
FORMATS: tuple[Format, ...] = ("pdf", "xlsx", "csv")


@dataclass
class ReportRequest:
    report: ReportKind
    out: Path
    version_id: uuid.UUID | None = None
    format: Format = "pdf"
    department_id: uuid.UUID | None = None
    program_id: uuid.UUID | None = None
    documents: list[uuid.UUID] = field(default_factory=list)  # 지출결의서


@dataclass
class ReportResult:
    path: Path
    pages: int = 0  # PDF
    rows: int = 0  # XLSX / CSV

    def text(self) -> str:
        size = f"{self.pages}쪽" if self.pages else f"{self.rows}행"
        return f"{self.path} ({size})"


def format_of(path: Path) -> Format:
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise ValueError(f"파일 형식은 .pdf, .xlsx, .csv 가운데 하나여야 합니다: {path}")
    return suffix


def pick_version(versions: list[VersionOut], year: int, kind: str | None) -> VersionOut:
    """The version of ``year`` (and ``kind`` when given; spaces ignored); the latest created
    when several match. ValueError with a Korean message when none does."""
    found = [v for v in versions if v.fiscal_year == year]
    if kind:
        wanted = kind.replace(" ", "")
        found = [v for v in found if v.kind.replace(" ", "") == wanted]
    if not found:
        what = f"{year}년 {kind}" if kind else f"{year}년"
        raise ValueError(f"{what} 예산 버전이 없습니다")
    return max(found, key=lambda v: v.created_at)


def generate(api: HojoApi, request: ReportRequest, job: Job) -> ReportResult:
    """Write the report to ``request.out`` (a partly written file is removed on failure)."""
    out = Path(request.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    try:
        return _generate(api, request, out, job)
    except BaseException:
        out.unlink(missing_ok=True)
        raise


def _generate(api: HojoApi, request: ReportRequest, out: Path, job: Job) -> ReportResult:
    if request.report == "resolution":
        from app.services.reports.resolution_form import fetch_resolutions, render_resolutions

        if not request.documents:
            raise ValueError("지출결의서를 만들 문서를 고르십시오")
        items = fetch_resolutions(api, request.documents, job)
        org = api.government().name
        return ReportResult(out, pages=render_resolutions(items, out, job, org=org))
    if request.version_id is None:
        raise ValueError("예산 버전을 고르십시오")
    revenue = request.report == "revenue-book"
    data = fetch(
        api, request.version_id, job, expenditure=not revenue, revenue=revenue,
        department_id=request.department_id, program_id=request.program_id,
    )  # fmt: skip
    if request.report == "project-sheet" and request.format != "pdf":
        from app.services.reports import project_sheet_table as table

        if request.format == "xlsx":
            return ReportResult(out, rows=table.write_project_sheet_xlsx(data, out, job))
        return ReportResult(out, rows=table.write_project_sheet_csv(data, out, job))
    if request.format == "xlsx":
        from app.services.reports.xlsx_export import write_xlsx

        return ReportResult(out, rows=write_xlsx(data, out, job, revenue=revenue))
    if request.format == "csv":
        from app.services.reports.xlsx_export import write_csv

        return ReportResult(out, rows=write_csv(data, out, job, revenue=revenue))
    if revenue:
        from app.services.reports.revenue_book import render_revenue_book

        return ReportResult(out, pages=render_revenue_book(data, out, job))
    if request.report == "project-sheet":
        from app.services.reports.project_sheet import render_project_sheets

        return ReportResult(out, pages=render_project_sheets(data, out, job))
    from app.services.reports.budget_book import render_expenditure_book

    return ReportResult(out, pages=render_expenditure_book(data, out, job))
