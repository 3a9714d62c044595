"""지출결의서 (expenditure resolution) as PDF, one page per document: 적요, 채주, budget line,
gross, 원천징수 (소득세/지방소득세), net, the evidence list and signature boxes for the roles
(기안자, 지출원, 재무관). Documents come from the HojoApi execution calls (money in 원)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.services.api.endpoints import HojoApi
    from app.services.reports.data import Job
    from domain.contracts.execution import DocumentOut, LineExecution, PayeeOut

__all__ = ["ResolutionItem", "fetch_resolutions", "render_resolutions"]

ROLES = ("기안자", "지출원", "재무관")


@dataclass
class ResolutionItem:
    document: DocumentOut
    payee: PayeeOut | None
    line: LineExecution | None


def fetch_resolutions(api: HojoApi, ids: list[uuid.UUID], job: Job) -> list[ResolutionItem]:
    """Read the documents, their 채주 and budget lines through the HojoApi execution calls
    (progress 0 → 0.3; a 채주 or line read once for many documents)."""
    payees: dict[uuid.UUID, PayeeOut] = {}
    lines: dict[uuid.UUID, LineExecution] = {}
    out: list[ResolutionItem] = []
    for i, doc_id in enumerate(ids):
        job.raise_if_cancelled()
        job.set_progress(0.3 * i / max(len(ids), 1), f"{i + 1}/{len(ids)} 문서 읽는 중")
        doc = api.document(doc_id)
        payee = None
        if doc.payee_id is not None:
            if doc.payee_id not in payees:
                payees[doc.payee_id] = api.payee(doc.payee_id)
            payee = payees[doc.payee_id]
        if doc.line_id not in lines:
            lines[doc.line_id] = api.execution_line(doc.line_id)
        out.append(ResolutionItem(doc, payee, lines[doc.line_id]))
    return out


def _won(amount: int) -> str:
    return f"{amount:,}원"


def render_resolutions(items: list[ResolutionItem], path: Path, job: Job, org: str = "") -> int:
    """One 지출결의서 per page; returns the page count."""
    from app.services.reports.pdf import open_pdf

    title = "지출결의서" if len(items) == 1 else f"지출결의서 {len(items)}건"
    pdf = open_pdf(path, title, f"{org} 지출결의서".strip(), landscape_page=False)
    for n, item in enumerate(items):
        doc, payee, line = item.document, item.payee, item.line
        pdf.bookmark(f"{doc.kind_label} {doc.title or doc.id}", 0)
        pdf.heading(doc.kind_label if doc.kind_label.endswith("서") else "지출결의서", 18, space=10)
        pdf.table(
            [[role for role in ROLES], ["", "", ""], ["", "", ""]], (90, 90, 90),
            bold_rows=(0,),
        )  # fmt: skip
        pdf.spacer(10)
        budget = f"{line.account_code} / {line.program_name} / {line.object_code}" if line else ""
        account = f"{payee.bank} {payee.account_masked} {payee.account_holder}" if payee else ""
        rows = [
            ["문서 번호", str(doc.id)],
            ["회계연도", str(doc.fiscal_year)],
            ["적요", doc.title],
            ["예산 과목", budget],
            ["채주", payee.name if payee else "(없음)"],
            ["사업자등록번호", (payee.business_number or "") if payee else ""],
            ["입금 계좌", account],
            ["지출액(총액)", _won(doc.amount)],
            ["소득세", _won(doc.income_tax)],
            ["지방소득세", _won(doc.local_tax)],
            ["원천징수 합계", _won(doc.withheld)],
            ["실지급액", _won(doc.net)],
            ["증빙서류", ", ".join(doc.evidence) or "(없음)"],
            ["작성자", f"{doc.author_login}  {doc.created_at:%Y-%m-%d %H:%M}"],
            ["상태", str(doc.state)],
        ]
        pdf.table(rows, (120, 420), right=(), bold_rows=(7, 11))
        pdf.spacer(14)
        pdf.text("위 금액을 지출하고자 합니다.", 10)
        if n < len(items) - 1:
            pdf.page_break()
        job.raise_if_cancelled()
    pages = pdf.build()
    job.set_progress(1.0, f"{pages}쪽")
    return pages
