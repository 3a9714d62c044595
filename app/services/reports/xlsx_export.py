"""Export a version (or a 부서, or one 세부사업) in the e호조 합본예산서 layout as XLSX or CSV.

The XLSX has a 세출 sheet (two-row header: 재원 names over 경정/기정/증감) and, when asked, a
세입 sheet; it reads back through :mod:`app.services.reports.xlsx_import` and through the
server's ``budget_import`` reader. CSV (UTF-8 with BOM, so Excel opens it) holds one book
with a one-row header ("국고보조금_경정" …) — the format a screen-reader user works in.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import TYPE_CHECKING

from app.services.reports.layout import (
    EXPENDITURE_COLUMNS,
    FUND_SUBLABELS,
    REVENUE_COLUMNS,
    expenditure_rows,
    revenue_rows,
)

if TYPE_CHECKING:
    from app.services.reports.data import Job, ReportData

__all__ = ["expenditure_header", "write_csv", "write_xlsx"]

_WIDTHS = {"정책사업명": 28, "단위사업명": 28, "세부사업명": 30, "산출근거명": 44, "산출근거식": 30}


def expenditure_header(data: ReportData) -> tuple[list[str], list[str]]:
    """The two header rows of the 세출 sheet."""
    first = list(EXPENDITURE_COLUMNS)
    second = [""] * len(first)
    for f in data.funding:
        first += [f.name, "", ""]
        second += list(FUND_SUBLABELS)
    return first, second


def write_xlsx(data: ReportData, path: Path, job: Job, *, revenue: bool = False) -> int:
    """Write the workbook; returns the number of data rows."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook(write_only=True)
    count = 0
    bold = Font(bold=True)
    sheets: list[tuple[str, list[list[str]], object]] = []
    if data.lines or not revenue:
        first, second = expenditure_header(data)
        sheets.append(("세출", [first, second], expenditure_rows(data)))
    if revenue:
        sheets.append(("세입", [list(REVENUE_COLUMNS)], revenue_rows(data)))
    total = max(1, len(data.lines) + len(data.revenue))
    for title, header, rows in sheets:
        ws = wb.create_sheet(title)
        for i, name in enumerate(header[0]):
            letter = _letter(i)
            ws.column_dimensions[letter].width = _WIDTHS.get(name, 12)
        ws.freeze_panes = f"A{len(header) + 1}"
        for row in header:
            ws.append([_bold(wb, ws, v, bold) for v in row])
        for row in rows:  # type: ignore[attr-defined]
            ws.append(row)
            count += 1
            if count % 500 == 0:
                job.raise_if_cancelled()
                job.set_progress(0.3 + 0.6 * min(1.0, count / (total * 3)), f"{count}행")
    wb.save(str(path))
    job.set_progress(1.0, f"{count}행")
    return count


def write_csv(data: ReportData, path: Path, job: Job, *, revenue: bool = False) -> int:
    """One book as CSV: 세입 when ``revenue`` is set (and there are no 세출 lines), else 세출."""
    count = 0
    with Path(path).open("w", encoding="utf-8-sig", newline="") as f:
        out = csv.writer(f)
        if revenue and not data.lines:
            out.writerow(REVENUE_COLUMNS)
            rows = revenue_rows(data)
        else:
            first, _second = expenditure_header(data)
            names = list(EXPENDITURE_COLUMNS)
            for fund in data.funding:
                names += [f"{fund.name}_{sub}" for sub in FUND_SUBLABELS]
            out.writerow(names)
            del first
            rows = expenditure_rows(data)
        for row in rows:
            out.writerow(["" if v is None else v for v in row])
            count += 1
            if count % 1000 == 0:
                job.raise_if_cancelled()
    job.set_progress(1.0, f"{count}행")
    return count


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(index + 1))


def _bold(wb: object, ws: object, value: str, font: object) -> object:
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(ws, value=value)  # type: ignore[arg-type]
    cell.font = font  # type: ignore[assignment]
    return cell
