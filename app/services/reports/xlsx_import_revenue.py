"""Read a 세입 합본예산서 (the export's 세입 sheet, or its CSV) back and compare it with a version.

A 세입 line is (회계, 부서, 목); its rows are its 산출근거 items, depth as two leading spaces
per level in 산출근거, each item's own amount in 레벨금액 (a parent's is its subtotal; 예산액
holds only the leaves). A line without 산출근거 is one row with an empty 산출근거. The preview
has the same shape as the 세출 one: added / changed / removed lines and the rows that could not
be read, with row number and reason.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.services.reports.xlsx_import import (
    ImportPreview,
    LineChange,
    RowProblem,
    _int,
    _norm,
    _payload,
    _recomputed,
    _same,
    _text,
    _tree,
)

if TYPE_CHECKING:
    from app.services.reports.data import ReportData
    from domain.contracts.budget import RevenueLineOut

__all__ = ["RevenueKey", "preview_revenue", "revenue_key"]

_ITEM = re.compile(r"^\d{5}$")
_NEEDED = ("회계구분", "부서명", "목", "산출근거", "레벨금액")


@dataclass(frozen=True)
class RevenueKey:
    """A 세입 line as the book names it: 회계, 부서, 목."""

    account_code: str
    department: str
    item_code: str

    def text(self) -> str:
        return f"세입 {self.account_code} {self.department} / {self.item_code}"


def revenue_key(data: ReportData, line: RevenueLineOut) -> RevenueKey:
    return RevenueKey(line.account_code, data.department_name(line.department_id), line.item_code)


def _header(rows: Sequence[Sequence[object]]) -> tuple[int, dict[str, int]]:
    for i, row in enumerate(rows[:10]):
        names = [_norm(v) for v in row]
        if "목" not in names or "산출근거" not in names:
            continue
        cols: dict[str, int] = {}
        for c, name in enumerate(names):
            if name:
                cols.setdefault(name, c)
        missing = [n for n in _NEEDED if n not in cols]
        if missing:
            raise ValueError(f"세입 합본예산서의 필수 열이 없습니다: {', '.join(missing)}")
        return i + 1, cols
    raise ValueError("세입 합본예산서의 머리글(목, 산출근거 열)을 찾을 수 없습니다")


def preview_revenue(rows: Sequence[Sequence[object]], data: ReportData) -> ImportPreview:
    """Compare the file's 세입 rows with ``data.revenue`` (read with their 산출근거)."""
    start, cols = _header(rows)
    problems: list[RowProblem] = []
    grouped: dict[RevenueKey, list[tuple[str, str | None, int]]] = {}
    broken: set[RevenueKey] = set()
    read = 0
    width = max(cols.values()) + 1
    for n, row in enumerate(rows[start:], start=start + 1):
        cells = list(row) + [None] * (width - len(row))
        if all(v is None or v == "" for v in cells):
            continue
        read += 1

        def cell(name: str, cells: list[object] = cells) -> str:
            c = cols.get(name)
            return "" if c is None else _text(cells[c])

        item = cell("목").strip()
        key = RevenueKey(cell("회계구분").strip(), cell("부서명"), item)
        if _ITEM.match(item) is None:
            problems.append(
                RowProblem(n, f"목 코드(다섯 자리 숫자, 예: 11104)가 아닙니다: '{item}'")
            )
            broken.add(key)
            continue
        if not key.account_code:
            problems.append(RowProblem(n, "회계구분(회계 코드)이 비어 있습니다"))
            broken.add(key)
            continue
        try:
            amount = _int(cells[cols["레벨금액"]])
        except ValueError as error:
            problems.append(RowProblem(n, f"레벨금액이 정수가 아닙니다: {error}"))
            broken.add(key)
            continue
        formula = cell("산출근거식")
        grouped.setdefault(key, []).append(
            (cell("산출근거"), formula if formula.strip() else None, amount)
        )
    changes = _diff(data, grouped, broken)
    return ImportPreview(changes, problems, read, book="세입")


def _diff(
    data: ReportData,
    grouped: dict[RevenueKey, list[tuple[str, str | None, int]]],
    broken: set[RevenueKey],
) -> list[LineChange]:
    current = {revenue_key(data, line): line for line in data.revenue}
    dept_ids = {name: did for did, name in data.departments.items()}
    changes: list[LineChange] = []
    for key, rows in grouped.items():
        if key in broken:
            continue
        has_basis = not (len(rows) == 1 and not rows[0][0].strip() and rows[0][1] is None)
        mine = _tree(rows) if has_basis else []
        after = sum(i.amount for i in mine) if has_basis else rows[0][2]
        line = current.get(key)
        if line is None:
            dept: uuid.UUID | None = dept_ids.get(key.department)
            detail = "" if dept else "(부서가 없어 먼저 만들어야 합니다)"
            changes.append(
                LineChange(
                    "added", key, None, _payload(mine, []), {}, 0, after, detail=detail,
                    book="세입", department_id=dept,
                )
            )  # fmt: skip
            continue
        theirs = line.basis or []
        if _same(mine, theirs) and after == line.amount:
            continue
        after = _recomputed(mine, theirs, revenue=True) if has_basis else after
        changes.append(
            LineChange(
                "changed", key, line, _payload(mine, theirs), {}, line.amount, after,
                book="세입", department_id=line.department_id,
            )
        )  # fmt: skip
    unsure = {(k.account_code, k.department) for k in broken}  # an unreadable row's line
    for key, line in current.items():
        if (
            key not in grouped
            and key not in broken
            and ((key.account_code, key.department) not in unsure)
        ):
            changes.append(
                LineChange("removed", key, line, [], {}, line.amount, 0, book="세입",
                           department_id=line.department_id)
            )  # fmt: skip
    return changes
