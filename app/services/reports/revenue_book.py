"""세입 예산서 as PDF: cover, summaries per 회계 and per 장 ending with 총계, then per 회계 →
장 → 관 → 항 → 목 the lines of each 부서 with their 산출근거 (label, formula, amount). An 추경
prints 경정 / 기정 / 증감. Bookmarks: 회계 → 장 → 관."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from app.services.reports.budget_book import amount_headers, basis_rows, build_with_progress
from app.services.reports.tree import Node, revenue_tree, won

if TYPE_CHECKING:
    from app.services.reports.data import Job, ReportData
    from app.services.reports.pdf import Pdf

__all__ = ["render_revenue_book"]

WIDTHS = (210.0, 70.0, 70.0, 70.0, 110.0, 210.0, 62.0)
INDENT = "  "


def _amounts(node: Node) -> list[str]:
    return [won(node.amount), won(node.base), won(node.change)]


def _summaries(pdf: Pdf, data: ReportData, root: Node) -> None:
    heads = amount_headers(data.supplementary)
    pdf.bookmark("회계별 총괄", 0)
    pdf.heading("회계별 세입예산 총괄 (단위: 천원)")
    rows = [[n.label, *_amounts(n)] for n in root.children]
    rows.append(["총계", *_amounts(root)])
    last = len(rows) - 1
    pdf.table(
        rows, (300, 110, 110, 110), header=("회계", *heads), right=(1, 2, 3),
        bold_rows=(last,), shaded_rows=(last,),
    )  # fmt: skip
    pdf.spacer(14)
    pdf.bookmark("장별 총괄", 0)
    pdf.heading("장별 세입예산 총괄 (단위: 천원)")
    chapters: dict[str, Node] = {}
    for account in root.children:
        for chapter in account.children:
            total = chapters.setdefault(chapter.code, Node("장", chapter.code, chapter.name))
            total.add(chapter.amount, chapter.base)
    crow = [[chapters[c].label, *_amounts(chapters[c])] for c in sorted(chapters)]
    crow.append(["총계", *_amounts(root)])
    last = len(crow) - 1
    pdf.table(
        crow, (300, 110, 110, 110), header=("장", *heads), right=(1, 2, 3),
        bold_rows=(last,), shaded_rows=(last,),
    )  # fmt: skip
    pdf.page_break()


def _subsection_table(pdf: Pdf, data: ReportData, subsection: Node) -> None:
    rows: list[list[str]] = [[f"항 {subsection.label}", *_amounts(subsection), "", "", ""]]
    bold = [0]
    for item in subsection.children:
        bold.append(len(rows))
        rows.append([INDENT + f"목 {item.label}", *_amounts(item), "", "", ""])
        for line_node in item.children:
            line = line_node.line
            rows.append([INDENT * 2, *_amounts(line_node), line_node.name, "", ""])
            basis = getattr(line, "basis", None) or []
            rows += [["", "", "", "", "", text, amt] for text, amt in basis_rows(basis)]
    heads = amount_headers(data.supplementary)
    pdf.table(
        rows, WIDTHS, header=("과목", *heads, "부서", "산출기초", "금액"),
        right=(1, 2, 3, 6), bold_rows=bold, shaded_rows=(0,),
    )  # fmt: skip
    pdf.spacer(4)


def render_revenue_book(data: ReportData, path: Path, job: Job) -> int:
    """Write the 세입 예산서; returns its page count."""
    from app.services.reports.budget_book import cover
    from app.services.reports.pdf import open_pdf

    what = "세입예산서"
    pdf = open_pdf(path, data.title(what), f"{data.government_name} 세입예산서 (단위: 천원)")
    root = revenue_tree(data)
    cover(pdf, data, root, what)
    _summaries(pdf, data, root)
    for account in root.children:
        pdf.bookmark(f"{account.label} {won(account.amount)}", 0)
        pdf.heading(f"회계 {account.label}   {won(account.amount)}", 13)
        for chapter in account.children:
            pdf.bookmark(f"{chapter.label} {won(chapter.amount)}", 1)
            pdf.heading(f"장 {chapter.label}   {won(chapter.amount)}", 11)
            for section in chapter.children:
                pdf.bookmark(f"{section.label} {won(section.amount)}", 2)
                pdf.heading(f"관 {section.label}   {won(section.amount)}", 9.5)
                for subsection in section.children:
                    _subsection_table(pdf, data, subsection)
        job.raise_if_cancelled()
        pdf.page_break()
    job.set_progress(0.6, "PDF 쪽 나누는 중")
    pages = build_with_progress(pdf, job)
    job.set_progress(1.0, f"{pages}쪽")
    return pages
