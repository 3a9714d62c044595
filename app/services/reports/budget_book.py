"""세출 예산서 (the e호조 합본예산서 layout) as PDF.

Cover; summary tables per 회계 and per 분야/부문, each ending with 총계; then per 회계 → 부서
→ 정책사업 → 단위사업 → 세부사업 one table of 편성목 / 통계목 rows with 예산액, 기정액,
비교증감 and the 재원 split, each 통계목 followed by its 산출근거 tree (label, formula, amount).
An 추경 prints 경정 / 기정 / 증감. Every level heading carries its totals; the bookmark
outline goes 회계 → 부서 → 정책 → 단위 → 세부사업.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from app.services.reports.tree import Node, by_function, expenditure_tree, won

if TYPE_CHECKING:
    from app.services.reports.data import Job, ReportData
    from app.services.reports.pdf import Pdf
    from domain.contracts.budget import BasisItemOut

__all__ = [
    "amount_headers",
    "basis_rows",
    "build_with_progress",
    "cover",
    "detail_table",
    "funding_text",
    "render_expenditure_book",
]

WIDTHS = (190.0, 62.0, 62.0, 62.0, 112.0, 252.0, 62.0)
RIGHT = (1, 2, 3, 6)
INDENT = "  "


def amount_headers(supplementary: bool) -> tuple[str, str, str]:
    if supplementary:
        return ("경정예산액", "기정예산액", "증감")
    return ("예산액", "기정액", "비교증감")


def funding_text(funding: dict[str, int], names: dict[str, str]) -> str:
    """재원 split, one "이름 금액" per line, in the government's 재원 order."""
    parts = [f"{names.get(code, code)} {won(funding[code])}" for code in names if funding.get(code)]
    parts += [f"{code} {won(v)}" for code, v in funding.items() if v and code not in names]
    return "\n".join(parts)


def basis_rows(items: list[BasisItemOut], depth: int = 0) -> list[tuple[str, str]]:
    """(indented label and formula, amount) per 산출근거 item, depth-first."""
    out: list[tuple[str, str]] = []
    for item in items:
        text = INDENT * depth + item.label
        if item.formula:
            text += f"  {item.formula}"
        out.append((text, won(item.amount)))
        out += basis_rows(item.children, depth + 1)
    return out


def _amounts(node: Node) -> list[str]:
    return [won(node.amount), won(node.base), won(node.change)]


def cover(pdf: Pdf, data: ReportData, root: Node, what: str) -> None:
    v = data.version
    pdf.bookmark("표지", 0)
    pdf.spacer(120)
    pdf.heading(f"{v.fiscal_year}년도 {v.kind}", 20, space=14)
    pdf.heading(what, 28, space=24)
    pdf.heading(data.government_name, 16, space=40)
    pdf.text(f"상태: {v.state}   확정일: {v.confirmed_on or '-'}   출력일: {date.today()}", 10)
    pdf.text(f"총계 {won(root.amount)}천원", 12)
    pdf.page_break()


def _summaries(pdf: Pdf, data: ReportData, root: Node) -> None:
    heads = amount_headers(data.supplementary)
    pdf.bookmark("회계별 총괄", 0)
    pdf.heading("회계별 세출예산 총괄 (단위: 천원)")
    rows = [[n.label, *_amounts(n)] for n in root.children]
    rows.append(["총계", *_amounts(root)])
    pdf.table(
        rows, (300, 110, 110, 110), header=("회계", *heads), right=(1, 2, 3),
        bold_rows=(len(rows) - 1,), shaded_rows=(len(rows) - 1,),
    )  # fmt: skip
    pdf.spacer(14)
    pdf.bookmark("분야·부문별 총괄", 0)
    pdf.heading("분야·부문별 세출예산 총괄 (단위: 천원)")
    frows = [[f, s, won(a), won(b), won(a - b)] for f, s, a, b in by_function(data)]
    bold = [i for i, r in enumerate(frows) if r[0]]
    frows.append(["총계", "", *_amounts(root)])
    bold.append(len(frows) - 1)
    pdf.table(
        frows, (180, 200, 110, 110, 110), header=("분야", "부문", *heads),
        right=(2, 3, 4), bold_rows=bold, shaded_rows=bold,
    )  # fmt: skip
    pdf.page_break()


def _level_heading(pdf: Pdf, what: str, node: Node, size: float) -> None:
    amounts = f"{won(node.amount)} (기정 {won(node.base)}, 증감 {won(node.change)})"
    pdf.heading(f"{what} {node.label}   {amounts}", size, space=2)


def detail_table(pdf: Pdf, data: ReportData, detail: Node) -> None:
    names = data.funding_names
    rows: list[list[str]] = []
    bold: list[int] = [0]
    shaded: list[int] = [0]
    rows.append([f"세부사업 {detail.name}", *_amounts(detail), funding_text(detail.funding, names)])
    rows[-1] += ["", ""]
    for group in detail.children:
        bold.append(len(rows))
        rows.append([group.label, *_amounts(group), funding_text(group.funding, names), "", ""])
        for stat in group.children:
            rows.append([INDENT + stat.label, *_amounts(stat), funding_text(stat.funding, names)])
            rows[-1] += ["", ""]
            line = stat.line
            basis = getattr(line, "basis", None) or []
            rows += [["", "", "", "", "", text, amt] for text, amt in basis_rows(basis)]
    heads = amount_headers(data.supplementary)
    pdf.table(
        rows, WIDTHS, header=("과목", *heads, "재원", "산출기초", "금액"),
        right=RIGHT, bold_rows=bold, shaded_rows=shaded,
    )  # fmt: skip


def render_expenditure_book(data: ReportData, path: Path, job: Job) -> int:
    """Write the 세출 예산서; returns its page count. Progress 0.3 → 1.0 of the job."""
    from app.services.reports.pdf import open_pdf

    what = "세출예산서"
    pdf = open_pdf(path, data.title(what), f"{data.government_name} 세출예산서 (단위: 천원)")
    root = expenditure_tree(data)
    cover(pdf, data, root, what)
    _summaries(pdf, data, root)
    total = max(1, sum(1 for n in root.walk() if n.level == "세부"))
    done = 0
    for account in root.children:
        pdf.bookmark(f"{account.label} {won(account.amount)}", 0)
        _level_heading(pdf, "회계", account, 13)
        for dept in account.children:
            pdf.bookmark(dept.name or "(부서 없음)", 1)
            _level_heading(pdf, "부서", dept, 11)
            for policy in dept.children:
                pdf.bookmark(policy.name or "(정책사업 없음)", 2)
                _level_heading(pdf, "정책사업", policy, 9.5)
                for unit in policy.children:
                    pdf.bookmark(unit.name or "(단위사업 없음)", 3)
                    _level_heading(pdf, "단위사업", unit, 9)
                    for detail in unit.children:
                        pdf.bookmark(detail.name, 4)
                        detail_table(pdf, data, detail)
                        pdf.spacer(4)
                        done += 1
                        if done % 25 == 0:
                            job.raise_if_cancelled()
                            job.set_progress(0.3 + 0.3 * done / total, f"{done}/{total} 세부사업")
        pdf.page_break()
    job.set_progress(0.6, "PDF 쪽 나누는 중")
    pages = build_with_progress(pdf, job)
    job.set_progress(1.0, f"{pages}쪽")
    return pages


def build_with_progress(pdf: Pdf, job: Job) -> int:
    """Build, checking for cancellation while reportlab lays the flowables out."""

    def progress(fraction: float) -> None:
        job.raise_if_cancelled()
        job.set_progress(0.6 + 0.4 * fraction, "PDF 만드는 중")

    return pdf.build(progress)
