"""세부사업설명서: one page (or more) per 세부사업 with its place in the program tree
(부서, 정책사업, 단위사업, 회계), 자체/보조, 소관 위원회, the 재원 split and its lines with their
산출근거, and its 사업목적 as written on the 예산편성 page ("사업목적 미입력" when there is none).
The XLSX/CSV form, with the same content as one table, is :mod:`project_sheet_table`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from app.services.reports.budget_book import build_with_progress, detail_table, funding_text
from app.services.reports.layout import program_names
from app.services.reports.tree import expenditure_tree, won

if TYPE_CHECKING:
    from app.services.reports.data import Job, ReportData
    from domain.contracts.structure import ProgramOut

__all__ = ["NO_PURPOSE", "purpose_text", "render_project_sheets"]

NO_PURPOSE = "사업목적 미입력"


def purpose_text(program: ProgramOut | None) -> str:
    """The 세부사업's 사업목적, or "사업목적 미입력" (never an invented one)."""
    text = program.purpose.strip() if program is not None else ""
    return text or NO_PURPOSE


def render_project_sheets(data: ReportData, path: Path, job: Job) -> int:
    from app.services.reports.pdf import open_pdf

    what = "세부사업설명서"
    pdf = open_pdf(path, data.title(what), f"{data.government_name} {what} (단위: 천원)")
    root = expenditure_tree(data)
    details = [n for n in root.walk() if n.level == "세부"]
    names = data.funding_names
    for i, account in enumerate(root.children):
        for node in account.walk():
            if node.level != "세부" or node.program_id is None:
                continue
            program = data.programs.get(node.program_id)
            policy, unit, detail, kind = program_names(data, node.program_id)
            dept = data.department_name(program.department_id) if program else ""
            pdf.bookmark(f"{dept} {detail}", 0)
            amounts = f"{won(node.amount)}천원 (기정 {won(node.base)}, 증감 {won(node.change)})"
            pdf.heading(f"세부사업설명서: {detail}", 14, space=8)
            pdf.table(
                [
                    ["회계", account.label], ["부서", dept], ["정책사업", policy],
                    ["단위사업", unit], ["자체/보조", kind or "-"],
                    ["소관 위원회", (program.committee if program else "") or "-"],
                    ["사업목적", purpose_text(program)],
                    ["예산액", amounts],
                    ["재원", funding_text(node.funding, names).replace("\n", ", ") or "-"],
                ],
                (120, 600),
            )  # fmt: skip
            pdf.spacer(8)
            detail_table(pdf, data, node)
            pdf.page_break()
        job.raise_if_cancelled()
        job.set_progress(0.3 + 0.3 * (i + 1) / max(len(root.children), 1), "세부사업설명서")
    if not details:
        pdf.text("세부사업이 없습니다.")
    pages = build_with_progress(pdf, job)
    job.set_progress(1.0, f"{pages}쪽")
    return pages
