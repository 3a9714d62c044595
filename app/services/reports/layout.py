"""The e호조 합본예산서 column layout, shared by the XLSX/CSV export and import (the server's
``budget_import`` reader reads the same names): one spreadsheet row per 산출근거 item, the
item's depth as two leading spaces per level in 산출근거명, 재원 as three columns each
(경정/기정/증감) under a two-row header."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.services.reports.data import ReportData
    from domain.contracts.budget import BasisItemOut, ExpenditureLineOut, RevenueLineOut

__all__ = [
    "EXPENDITURE_COLUMNS",
    "FUND_SUBLABELS",
    "REVENUE_COLUMNS",
    "LineKey",
    "expenditure_rows",
    "line_key",
    "line_rows",
    "revenue_rows",
    "split_funding",
]

EXPENDITURE_COLUMNS = (
    "회계연도", "예산구분", "분야명", "부문명", "위원회명", "정책사업명", "단위사업명",
    "회계코드", "회계명", "세부사업명", "자체보조구분명", "부서명", "편성목", "편성목명",
    "통계목", "통계목명", "산출근거명", "산출근거식", "예산액", "기정액", "비교증감",
)  # fmt: skip
REVENUE_COLUMNS = (
    "회계연도", "예산구분명", "예산확정일자", "부서코드", "부서명", "회계구분", "회계명",
    "장", "장명", "관", "관명", "항", "항명", "목", "목명", "산출근거", "산출근거식",
    "레벨금액", "예산액", "기정액", "증감액",
)  # fmt: skip
FUND_SUBLABELS = ("경정", "기정", "증감")
INDENT = "  "


@dataclass(frozen=True)
class LineKey:
    """A 세출 line as the book names it: 회계, 부서, 정책/단위/세부사업, 통계목."""

    account_code: str
    department: str
    policy: str
    unit: str
    detail: str
    object_code: str

    def text(self) -> str:
        return f"{self.account_code} {self.department} / {self.detail} / {self.object_code}"


def program_names(data: ReportData, program_id: uuid.UUID) -> tuple[str, str, str, str]:
    """(정책, 단위, 세부, 자체/보조) names of a 세부사업."""
    detail = data.programs.get(program_id)
    if detail is None:
        return "", "", "", ""
    unit = data.programs.get(detail.parent_id) if detail.parent_id else None
    policy = data.programs.get(unit.parent_id) if unit and unit.parent_id else None
    return (
        policy.name if policy else "",
        unit.name if unit else "",
        detail.name,
        detail.funding_type,
    )


def line_key(data: ReportData, line: ExpenditureLineOut) -> LineKey:
    policy, unit, detail, _kind = program_names(data, line.program_id)
    dept = data.department_name(line.department_id)
    return LineKey(line.account_code, dept, policy, unit, detail, line.object_code)


def split_funding(
    amounts: list[int], funding: dict[str, int], order: list[str]
) -> list[dict[str, int]]:
    """Share a line's 재원 split over its rows so each row's split sums to its amount (in the
    재원 order; the last row takes what is left, so the rows always add up to ``funding``)."""
    left = {c: funding.get(c, 0) for c in order if funding.get(c)}
    left.update({c: v for c, v in funding.items() if v and c not in left})
    out: list[dict[str, int]] = []
    for i, amount in enumerate(amounts):
        if i == len(amounts) - 1:
            out.append({c: v for c, v in left.items() if v})
            break
        row: dict[str, int] = {}
        need = amount
        for code in list(left):
            if need <= 0:
                break
            take = min(need, left[code]) if left[code] > 0 else 0
            if take:
                row[code] = take
                left[code] -= take
                need -= take
        out.append(row)
    return out


def _flat(items: list[BasisItemOut], depth: int = 0) -> Iterator[tuple[int, BasisItemOut]]:
    for item in items:
        yield depth, item
        yield from _flat(item.children, depth + 1)


def _fund_cells(codes: list[str], now: dict[str, int], base: dict[str, int]) -> list[int]:
    cells: list[int] = []
    for code in codes:
        a, b = now.get(code, 0), base.get(code, 0)
        cells += [a, b, a - b]
    return cells


def expenditure_rows(data: ReportData) -> Iterator[list[object]]:
    """Data rows (after the two header rows) of the whole 세출 part of ``data``."""
    for line in sorted(data.lines, key=lambda x: (x.account_code, x.position)):
        yield from line_rows(data, line)


def line_rows(data: ReportData, line: ExpenditureLineOut) -> Iterator[list[object]]:
    """The rows of one 세출 line: one per 산출근거 item (one row when it has none)."""
    codes = [f.code for f in data.funding]
    v = data.version
    policy, unit, detail, kind = program_names(data, line.program_id)
    sector = data.functions.get(line.sector_code)
    field = data.functions.get(sector.parent) if sector and sector.parent else None
    group = line.object_code[:3]
    head: list[object] = [
        v.fiscal_year, v.kind, field.name if field else "", sector.name if sector else "",
        data.programs[line.program_id].committee if line.program_id in data.programs else "",
        policy, unit, line.account_code, data.accounts.get(line.account_code, ""), detail,
        kind, data.department_name(line.department_id), group, data.objects.get(group, ""),
        line.object_code, data.objects.get(line.object_code, ""),
    ]  # fmt: skip
    items = list(_flat(line.basis or []))
    top = [item for depth, item in items if depth == 0]
    if not top:  # a line without 산출근거: one row carries its amount
        funds = _fund_cells(codes, line.funding, line.funding_base)
        amount, base = line.amount, line.base_amount
        yield [*head, "", None, amount, base, amount - base, *funds]
        return
    shares = split_funding([i.amount for i in top], line.funding, codes)
    fund_of = {id(i): s for i, s in zip(top, shares, strict=True)}
    base_of = {id(top[0]): dict(line.funding_base)}
    first = True
    for depth, item in items:
        base = line.base_amount if depth == 0 and first else 0
        now_funds = fund_of.get(id(item), {})
        base_funds = base_of.get(id(item), {}) if depth == 0 else {}
        if depth == 0:
            first = False
        yield [
            *head, INDENT * depth + item.label, item.formula, item.amount,
            base if depth == 0 else 0, item.amount - base if depth == 0 else item.amount,
            *_fund_cells(codes, now_funds, base_funds),
        ]  # fmt: skip


def revenue_rows(data: ReportData) -> Iterator[list[object]]:
    """Data rows of the 세입 part: parents carry their subtotal in 레벨금액 and 0 in 예산액."""
    v = data.version
    items = data.revenue_items
    dept_codes: dict[uuid.UUID, str] = {}

    def up(code: str, fallback: str) -> str:
        found = items.get(code)
        return found.parent if found and found.parent else fallback

    def name(code: str) -> str:
        found = items.get(code)
        return found.name if found else ""

    rows: list[RevenueLineOut] = sorted(data.revenue, key=lambda x: (x.account_code, x.position))
    for line in rows:
        item = line.item_code
        sub = up(item, item[:3])
        sec = up(sub, sub[:2] + "0")
        chap = up(sec, sec[:1] + "00")
        head: list[object] = [
            v.fiscal_year, v.kind, v.confirmed_on.strftime("%Y%m%d") if v.confirmed_on else "",
            dept_codes.get(line.department_id, ""), data.department_name(line.department_id),
            line.account_code, data.accounts.get(line.account_code, ""),
            chap, name(chap), sec, name(sec), sub, name(sub), item, name(item),
        ]  # fmt: skip
        flat = list(_flat(line.basis or []))
        if not flat:
            amount, base = line.amount, line.base_amount
            yield [*head, "", None, amount, amount, base, amount - base]
            continue
        for i, (depth, basis) in enumerate(flat):
            parent = bool(basis.children)
            base = line.base_amount if i == 0 else 0
            amount = 0 if parent else basis.amount
            yield [
                *head, INDENT * depth + basis.label, basis.formula, basis.amount, amount,
                base, amount - base,
            ]  # fmt: skip
