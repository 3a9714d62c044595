"""세부사업설명서 as XLSX and CSV: the accessible form of the PDF (``project_sheet``), with the
same content in one table under one header row, so a screen reader names the column of every
cell it reads.

One row per 산출근거 item (one row for a line without 산출근거), in the PDF's order (회계 →
부서 → 정책 → 단위 → 세부사업 → 편성목 → 통계목). The columns are those of the 세출 합본예산서
(``layout.EXPENDITURE_COLUMNS``, 재원 as "<재원>_경정/기정/증감") with, after 부서명, what the
PDF prints about the 세부사업 itself: its 사업목적 ("사업목적 미입력" when none is written), its
예산액, 기정액 and 증감액 and its 재원 split — repeated on each of its rows, so a row read
alone (or a filtered list) still says which 세부사업 it belongs to and what that is for. The
XLSX sheet is an Excel table (header row frozen, repeated on printed pages); the file also
reads back through the Excel round-trip, which ignores the added columns.
"""

from __future__ import annotations

import csv
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from app.services.reports.budget_book import funding_text
from app.services.reports.layout import EXPENDITURE_COLUMNS, FUND_SUBLABELS, line_rows
from app.services.reports.project_sheet import purpose_text
from app.services.reports.tree import expenditure_tree
from domain.contracts.budget import ExpenditureLineOut

if TYPE_CHECKING:
    from app.services.reports.data import Job, ReportData

__all__ = [
    "SHEET_COLUMNS",
    "SHEET_TITLE",
    "project_sheet_header",
    "project_sheet_rows",
    "write_project_sheet_csv",
    "write_project_sheet_xlsx",
]

SHEET_TITLE = "세부사업설명서"
SHEET_COLUMNS = (
    "사업목적", "세부사업 예산액", "세부사업 기정액", "세부사업 증감액", "세부사업 재원",
)  # fmt: skip
_AT = EXPENDITURE_COLUMNS.index("부서명") + 1  # the 세부사업 columns go after 부서명
_WIDTHS = {
    "정책사업명": 28, "단위사업명": 28, "세부사업명": 30, "사업목적": 60, "세부사업 재원": 36,
    "산출근거명": 44, "산출근거식": 30, "세부사업 예산액": 14, "세부사업 기정액": 14,
    "세부사업 증감액": 14,
}  # fmt: skip


def project_sheet_header(data: ReportData) -> list[str]:
    """The one header row."""
    names = [*EXPENDITURE_COLUMNS[:_AT], *SHEET_COLUMNS, *EXPENDITURE_COLUMNS[_AT:]]
    for fund in data.funding:
        names += [f"{fund.name}_{sub}" for sub in FUND_SUBLABELS]
    return names


def project_sheet_rows(data: ReportData) -> Iterator[list[object]]:
    """The data rows, 세부사업 by 세부사업 as the PDF prints them."""
    names = data.funding_names
    for node in expenditure_tree(data).walk():
        if node.level != "세부" or node.program_id is None:
            continue
        program = data.programs.get(node.program_id)
        about: list[object] = [
            purpose_text(program), node.amount, node.base, node.change,
            funding_text(node.funding, names).replace("\n", ", "),
        ]  # fmt: skip
        for group in node.children:
            for stat in group.children:
                line = stat.line
                if not isinstance(line, ExpenditureLineOut):
                    continue
                for row in line_rows(data, line):
                    yield [*row[:_AT], *about, *row[_AT:]]


def write_project_sheet_xlsx(data: ReportData, path: Path, job: Job) -> int:
    """One sheet, one header row, the rows as an Excel table; returns the number of rows."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.filters import AutoFilter
    from openpyxl.worksheet.table import Table, TableColumn, TableStyleInfo

    header = project_sheet_header(data)
    rows = _collect(project_sheet_rows(data), job)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(SHEET_TITLE)
    for i, name in enumerate(header):
        ws.column_dimensions[get_column_letter(i + 1)].width = _WIDTHS.get(name, 12)
    ws.freeze_panes = "A2"
    ws.print_title_rows = "1:1"
    bold, wrap = Font(bold=True), Alignment(wrap_text=True, vertical="top")
    cells = []
    for name in header:
        cell = WriteOnlyCell(ws, value=name)
        cell.font = bold
        cells.append(cell)
    ws.append(cells)
    purpose = header.index("사업목적")
    for row in rows:
        cell = WriteOnlyCell(ws, value=str(row[purpose]))
        cell.alignment = wrap
        ws.append([*row[:purpose], cell, *row[purpose + 1 :]])
    if rows and len(set(header)) == len(header):  # Excel refuses a table with twin headers
        ref = f"A1:{get_column_letter(len(header))}{len(rows) + 1}"
        table = Table(displayName="ProjectSheet", ref=ref, autoFilter=AutoFilter(ref=ref))
        table.tableColumns = [TableColumn(id=i + 1, name=n) for i, n in enumerate(header)]
        table.tableStyleInfo = TableStyleInfo(name="TableStyleLight1", showRowStripes=True)
        with warnings.catch_warnings():  # openpyxl warns in write-only mode; the columns are set
            warnings.simplefilter("ignore", UserWarning)
            ws.add_table(table)
    wb.save(str(path))
    job.set_progress(1.0, f"{len(rows)}행")
    return len(rows)


def write_project_sheet_csv(data: ReportData, path: Path, job: Job) -> int:
    """The same table as CSV (UTF-8 with BOM, so Excel opens it); returns the number of rows."""
    count = 0
    with Path(path).open("w", encoding="utf-8-sig", newline="") as f:
        out = csv.writer(f)
        out.writerow(project_sheet_header(data))
        for row in project_sheet_rows(data):
            out.writerow(["" if v is None else v for v in row])
            count += 1
            if count % 1000 == 0:
                job.raise_if_cancelled()
    job.set_progress(1.0, f"{count}행")
    return count


def _collect(rows: Iterator[list[object]], job: Job) -> list[list[object]]:
    out: list[list[object]] = []
    for row in rows:
        out.append(row)
        if len(out) % 1000 == 0:
            job.raise_if_cancelled()
            job.set_progress(0.3 + 0.5 * min(1.0, len(out) / 30000), f"{len(out)}행")
    return out
