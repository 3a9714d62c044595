"""Budget lines of an imported book: 세출 lines with 재원 splits, 세입 lines, and their
산출근거 items as trees. Bulk Core inserts; UUIDs generated here so parents link in one pass."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.orm import Session

from domain.codes import load_codebook
from domain.contracts.imports import AccountAmount, AddedLocalCode
from domain.formula import FormulaError, evaluate
from server.budget_import import (
    ExpenditureBook,
    RevenueBook,
    group_expenditure_lines,
    group_revenue_lines,
)
from server.imports import reference
from server.models import BasisItem, BudgetVersion, ExpenditureLine, LineFunding, RevenueLine

_FLAG_MAX = 200
Persisted = tuple[int, list[AccountAmount], int, list[AddedLocalCode]]
"""(lines written, 천원 per 회계, flagged 산출근거 items, local codes added)."""


def _evaluate(formula: str | None) -> tuple[int | None, str | None]:
    """(amount in 원 rounded up, None) or (None, flag) for a formula that does not parse."""
    if formula is None:
        return None, None
    try:
        return evaluate(formula).won_ceil, None
    except FormulaError as exc:
        return None, f"계산할 수 없는 산출근거식: {exc.message}"[:_FLAG_MAX]


def _basis_rows(
    gov: str,
    line_field: str,
    line_id: uuid.UUID,
    rows: Sequence[tuple[str, str | None, int, dict[str, int] | None]],
    parents: Sequence[int | None],
) -> tuple[list[dict[str, Any]], int]:
    ids = [uuid.uuid4() for _ in rows]
    out: list[dict[str, Any]] = []
    flagged = 0
    for i, ((label, formula, amount, funds), parent) in enumerate(zip(rows, parents, strict=True)):
        won, flag = _evaluate(formula)
        flagged += flag is not None
        out.append(
            {
                "government_code": gov,
                "id": ids[i],
                "expenditure_line_id": None,
                "revenue_line_id": None,
                line_field: line_id,
                "parent_id": None if parent is None else ids[parent],
                "position": i,
                "label": label.lstrip(" "),
                "formula": formula,
                "amount": amount,
                "amount_won": won,
                "flag": flag,
                "funds": funds,
            }
        )
    return out, flagged


def persist_expenditure(
    session: Session, gov: str, version: BudgetVersion, book: ExpenditureBook
) -> Persisted:
    year = version.fiscal_year
    codes = load_codebook(year)
    local = reference.LocalCodes.load(session, gov, year)
    dept_ids = reference.departments(session, gov, ((r.department, None) for r in book.rows))
    names = reference.accounts(
        session, gov, year, ((r.account_code, r.account_name) for r in book.rows)
    )
    sources = reference.funding_sources(session, gov, year, book.funding_sources)
    programs = reference.programs(session, gov, year, book.rows, dept_ids)
    sectors = reference.sector_codes(codes, book.rows, local)
    now = datetime.now(UTC)
    lines: list[dict[str, Any]] = []
    fundings: list[dict[str, Any]] = []
    items: list[dict[str, Any]] = []
    flagged = 0
    totals: dict[str, int] = {}
    for pos, group in enumerate(group_expenditure_lines(book)):
        first = group.rows[0]
        if codes.object_group(first.budget_item) is None:
            local.add("object_group", first.budget_item, first.budget_item_name)
        if codes.object_code(first.stat_item) is None:
            local.add("object", first.stat_item, first.stat_item_name)
        line_id = uuid.uuid4()
        dept = dept_ids[first.department]
        top = [r for r, p in zip(group.rows, group.parents, strict=True) if p is None]
        amount = sum(r.amount for r in top)
        totals[first.account_code] = totals.get(first.account_code, 0) + amount
        lines.append(
            {
                "government_code": gov,
                "id": line_id,
                "version": 1,
                "updated_at": now,
                "version_id": version.id,
                "fiscal_year": year,
                "account_code": first.account_code,
                "program_id": programs[(dept, "세부", first.detail_project)],
                "sector_code": sectors[f"{first.field_name}\x00{first.sector_name}"],
                "object_code": first.stat_item,
                "amount": amount,
                "base_amount": sum(r.base_amount or 0 for r in top),
                "adjust_reason": "",
                "position": pos,
            }
        )
        for name, code in sources.items():
            got = sum(r.funds.get(name, 0) for r in top)
            base = sum(r.base_funds.get(name, 0) for r in top)
            if got or base:
                fundings.append(
                    {
                        "government_code": gov,
                        "line_id": line_id,
                        "source_code": code,
                        "fiscal_year": year,
                        "amount": got,
                        "base_amount": base,
                    }
                )
        basis = [
            (r.label, r.formula, r.amount, {sources[s]: a for s, a in r.funds.items() if a})
            for r in group.rows
        ]
        rows, n = _basis_rows(gov, "expenditure_line_id", line_id, basis, group.parents)
        items.extend(rows)
        flagged += n
    local.flush(session)
    reference.bulk(session, ExpenditureLine, lines)
    reference.bulk(session, LineFunding, fundings)
    reference.bulk(session, BasisItem, items)
    accounts = [AccountAmount(code=c, name=names[c], amount=a) for c, a in sorted(totals.items())]
    return len(lines), accounts, flagged, local.added


def persist_revenue(
    session: Session, gov: str, version: BudgetVersion, book: RevenueBook
) -> Persisted:
    year = version.fiscal_year
    codes = load_codebook(year)
    local = reference.LocalCodes.load(session, gov, year)
    dept_ids = reference.departments(
        session, gov, ((r.department, r.department_code or None) for r in book.rows)
    )
    names = reference.accounts(
        session, gov, year, ((r.account_code, r.account_name) for r in book.rows)
    )
    now = datetime.now(UTC)
    lines: list[dict[str, Any]] = []
    items: list[dict[str, Any]] = []
    flagged = 0
    totals: dict[str, int] = {}
    for pos, group in enumerate(group_revenue_lines(book)):
        first = group.rows[0]
        for code, name in (
            (first.chapter, first.chapter_name),
            (first.section, first.section_name),
            (first.subsection, first.subsection_name),
            (first.item, first.item_name),
        ):
            if code and codes.revenue_item(code) is None:
                local.add("revenue", code, name)
        line_id = uuid.uuid4()
        amount = group.amount
        totals[first.account_code] = totals.get(first.account_code, 0) + amount
        lines.append(
            {
                "government_code": gov,
                "id": line_id,
                "version": 1,
                "updated_at": now,
                "version_id": version.id,
                "fiscal_year": year,
                "account_code": first.account_code,
                "department_id": dept_ids[first.department],
                "item_code": first.item,
                "amount": amount,
                "base_amount": sum(r.base_amount or 0 for r in group.rows),
                "adjust_reason": "",
                "position": pos,
            }
        )
        # 세입 convention: a parent's subtotal is its 레벨금액 (its 예산액 is 0).
        has_children = {p for p in group.parents if p is not None}
        basis = [
            (r.label, r.formula, r.level_amount if i in has_children else r.amount, None)
            for i, r in enumerate(group.rows)
        ]
        rows, n = _basis_rows(gov, "revenue_line_id", line_id, basis, group.parents)
        items.extend(rows)
        flagged += n
    local.flush(session)
    reference.bulk(session, RevenueLine, lines)
    reference.bulk(session, BasisItem, items)
    accounts = [AccountAmount(code=c, name=names[c], amount=a) for c, a in sorted(totals.items())]
    return len(lines), accounts, flagged, local.added
