"""Facts a correct import reproduces, computed from parsed books (pure functions).

Conventions (see shared/data/README.md):
- 세출: a parent 산출근거 row carries the sum of its children in 예산액, so totals use
  top-level rows only (summing every row double-counts).
- 세입: a parent's subtotal is in 레벨금액 and its 예산액 is 0, so totals are the sum of
  예산액 over all rows.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from server.budget_import.book import (
    ExpenditureBook,
    ExpenditureRow,
    RevenueBook,
    group_expenditure_lines,
    group_revenue_lines,
    indent_of,
)

#: 재원 that come from 세입 장 500 보조금 (국고+균특+기금 보조금 = 관 510, 광역보조금 = 관 520).
SUBSIDY_SOURCES: tuple[str, ...] = ("국고보조금", "균특보조금", "기금보조금", "광역보조금")
SUBSIDY_CHAPTER = "500"

Account = tuple[str, str]  # (회계코드, 회계명)


@dataclass(frozen=True, slots=True)
class RowIssue:
    """One row that breaks a fact."""

    row_number: int
    label: str
    expected: int | None
    actual: int | None
    message: str  # Korean


@dataclass(slots=True)
class TreeCheck:
    """Parent = sum of children: how many parent rows were checked and which failed."""

    groups: int
    mismatches: list[RowIssue] = field(default_factory=list)


@dataclass(slots=True)
class FormulaCheck:
    """예산액 against the value of 산출근거식: plain formulas checked, failures, non-plain ones."""

    checked: int
    mismatches: list[RowIssue] = field(default_factory=list)
    non_plain: list[RowIssue] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class ExpenditureCounts:
    departments: int  # 부서
    stat_items: int  # 통계목
    policy_by_name: int  # 정책사업 (distinct names)
    unit_by_name: int  # 단위사업
    detail_by_name: int  # 세부사업
    policy_by_department: int  # (부서, 정책사업)
    unit_by_department: int  # (부서, 단위사업)
    detail_by_department: int  # (부서, 세부사업)


@dataclass(frozen=True, slots=True)
class AccountBalance:
    account: Account
    expenditure: int
    revenue: int

    @property
    def balanced(self) -> bool:
        return self.expenditure == self.revenue


def top_level_rows(book: ExpenditureBook) -> list[ExpenditureRow]:
    """세출 rows whose 산출근거명 does not start with a space."""
    return [r for r in book.rows if indent_of(r.label) == 0]


def expenditure_total(book: ExpenditureBook) -> int:
    """세출 total (천원): top-level rows only."""
    return sum(r.amount for r in top_level_rows(book))


def revenue_total(book: RevenueBook) -> int:
    """세입 total (천원): 예산액 over all rows (parents carry 0 in 예산액)."""
    return sum(r.amount for r in book.rows)


def expenditure_totals_by_account(book: ExpenditureBook) -> dict[Account, int]:
    totals: dict[Account, int] = {}
    for r in top_level_rows(book):
        key = (r.account_code, r.account_name)
        totals[key] = totals.get(key, 0) + r.amount
    return totals


def revenue_totals_by_account(book: RevenueBook) -> dict[Account, int]:
    totals: dict[Account, int] = {}
    for r in book.rows:
        key = (r.account_code, r.account_name)
        totals[key] = totals.get(key, 0) + r.amount
    return totals


def revenue_totals_by_chapter(book: RevenueBook) -> dict[str, int]:
    """세입 by 장 code (천원)."""
    totals: dict[str, int] = {}
    for r in book.rows:
        totals[r.chapter] = totals.get(r.chapter, 0) + r.amount
    return totals


def account_balances(exp: ExpenditureBook, rev: RevenueBook) -> list[AccountBalance]:
    """세입 vs 세출 per 회계, in order of first appearance (세출 first)."""
    e, v = expenditure_totals_by_account(exp), revenue_totals_by_account(rev)
    accounts = list(dict.fromkeys([*e, *v]))
    return [AccountBalance(a, e.get(a, 0), v.get(a, 0)) for a in accounts]


def fund_totals(book: ExpenditureBook) -> dict[str, int]:
    """세출 per 재원 (천원, 경정), top-level rows only."""
    totals = dict.fromkeys(book.funding_sources, 0)
    for r in top_level_rows(book):
        for source, amount in r.funds.items():
            totals[source] += amount
    return totals


def subsidy_reconciliation(
    exp: ExpenditureBook, rev: RevenueBook, sources: Iterable[str] = SUBSIDY_SOURCES
) -> tuple[int, int]:
    """(보조 재원 in 세출, 세입 장 500 보조금); they must be equal."""
    totals = fund_totals(exp)
    funded = sum(totals.get(s, 0) for s in sources)
    return funded, revenue_totals_by_chapter(rev).get(SUBSIDY_CHAPTER, 0)


def count_expenditure(book: ExpenditureBook) -> ExpenditureCounts:
    """Distinct 부서, 통계목 and projects, by name and scoped by 부서 (never merge by name)."""
    rows = book.rows
    return ExpenditureCounts(
        departments=len({r.department for r in rows}),
        stat_items=len({r.stat_item for r in rows}),
        policy_by_name=len({r.policy_project for r in rows}),
        unit_by_name=len({r.unit_project for r in rows}),
        detail_by_name=len({r.detail_project for r in rows}),
        policy_by_department=len({(r.department, r.policy_project) for r in rows}),
        unit_by_department=len({(r.department, r.unit_project) for r in rows}),
        detail_by_department=len({(r.department, r.detail_project) for r in rows}),
    )


def expenditure_tree_check(book: ExpenditureBook) -> TreeCheck:
    """Every 세출 parent row's 예산액 = sum of its direct children's 예산액."""
    check = TreeCheck(0)
    for line in group_expenditure_lines(book):
        sums: dict[int, int] = {}
        for row, parent in zip(line.rows, line.parents, strict=True):
            if parent is not None:
                sums[parent] = sums.get(parent, 0) + row.amount
        for index, total in sums.items():
            check.groups += 1
            parent_row = line.rows[index]
            if parent_row.amount != total:
                check.mismatches.append(
                    RowIssue(
                        parent_row.row_number,
                        parent_row.label,
                        total,
                        parent_row.amount,
                        f"{parent_row.row_number}행: 예산액 {parent_row.amount:,}이(가) "
                        f"하위 산출근거 합계 {total:,}와(과) 다릅니다",
                    )
                )
    return check


def revenue_tree_check(book: RevenueBook) -> TreeCheck:
    """Every 세입 parent row's 레벨금액 = sum of its children's 예산액 + 레벨금액."""
    check = TreeCheck(0)
    for line in group_revenue_lines(book):
        sums: dict[int, int] = {}
        for row, parent in zip(line.rows, line.parents, strict=True):
            if parent is not None:
                sums[parent] = sums.get(parent, 0) + row.amount + row.level_amount
        for index, total in sums.items():
            check.groups += 1
            parent_row = line.rows[index]
            if parent_row.level_amount != total or parent_row.amount != 0:
                check.mismatches.append(
                    RowIssue(
                        parent_row.row_number,
                        parent_row.label,
                        total,
                        parent_row.level_amount,
                        f"{parent_row.row_number}행: 레벨금액 {parent_row.level_amount:,}"
                        f"(예산액 {parent_row.amount:,})이(가) 하위 산출근거 합계 {total:,}와(과) "
                        "맞지 않습니다",
                    )
                )
    return check


def fund_split_mismatches(book: ExpenditureBook) -> list[RowIssue]:
    """Rows whose 재원 split (경정) does not sum to 예산액 (none checked without 재원 columns)."""
    if not book.funding_sources:
        return []
    return [
        RowIssue(
            r.row_number,
            r.label,
            r.amount,
            sum(r.funds.values()),
            f"{r.row_number}행: 재원 합계 {sum(r.funds.values()):,}이(가) "
            f"예산액 {r.amount:,}와(과) 다릅니다",
        )
        for r in book.rows
        if sum(r.funds.values()) != r.amount
    ]


def nonzero_base_rows(book: ExpenditureBook | RevenueBook) -> list[RowIssue]:
    """Rows with a 기정액 (or 기정 재원) other than 0: there must be none in a 본예산."""
    issues: list[RowIssue] = []
    for r in book.rows:
        base_funds = sum(r.base_funds.values()) if isinstance(r, ExpenditureRow) else 0
        if r.base_amount or base_funds:
            issues.append(
                RowIssue(
                    r.row_number,
                    r.label,
                    0,
                    r.base_amount,
                    f"{r.row_number}행: 기정액이 0이 아닙니다 "
                    f"(기정액 {r.base_amount}, 기정 재원 합계 {base_funds})",
                )
            )
    return issues


def _formula_check(
    rows: Iterable[tuple[int, str, str | None, int]], *, round_up: bool
) -> FormulaCheck:
    from domain.formula import FormulaError, evaluate  # a colleague's module; import lazily

    check = FormulaCheck(0)
    for number, label, formula, amount in rows:
        if formula is None:
            continue
        try:
            result = evaluate(formula)
        except FormulaError as e:
            check.non_plain.append(RowIssue(number, label, None, amount, f"{number}행: {e}"))
            continue
        check.checked += 1
        expected = result.thousand if round_up else result.revenue_thousand
        if expected != amount:
            rule = "올림" if round_up else "버림"
            check.mismatches.append(
                RowIssue(
                    number,
                    label,
                    expected,
                    amount,
                    f"{number}행: 예산액 {amount:,}이(가) 산출근거식 '{formula}'의 천원 {rule} "
                    f"{expected:,}와(과) 다릅니다",
                )
            )
    return check


def expenditure_formula_check(book: ExpenditureBook) -> FormulaCheck:
    """세출: 예산액 = ceil(산출근거식 in 원 / 1000) for every plain formula."""
    return _formula_check(
        ((r.row_number, r.label, r.formula, r.amount) for r in book.rows), round_up=True
    )


def revenue_formula_check(book: RevenueBook) -> FormulaCheck:
    """세입: 예산액 = floor(산출근거식 in 원 / 1000) — 세입 rounds down (동구 2024: 5 rows
    differ from ceil, none from floor)."""
    return _formula_check(
        ((r.row_number, r.label, r.formula, r.amount) for r in book.rows), round_up=False
    )
