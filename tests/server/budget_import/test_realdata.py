"""The facts of shared/data/README.md, reproduced from the real 인천 동구 2024 본예산 books."""

from __future__ import annotations

import pytest

from server.budget_import import (
    ExpenditureBook,
    RevenueBook,
    checks,
    group_expenditure_lines,
    group_revenue_lines,
    indent_of,
    read_book,
    read_expenditure_book,
    read_revenue_book,
)
from tests.conftest import real_data_file

pytestmark = pytest.mark.realdata

ACCOUNTS = {
    ("100", "일반회계"): 319_874_625,
    ("225", "주차장"): 5_107_874,
    ("210", "발전소주변지역 지원사업"): 655_959,
    ("215", "의료급여기금"): 247_028,
}
SOURCES = [
    "국고보조금", "균특보조금", "기금보조금", "특별교부세", "분권교부세", "지방소멸대응기금",
    "광역보조금", "특별조정교부금", "자체재원", "시책추진금", "지방채", "기타",
]  # fmt: skip


@pytest.fixture(scope="module")
def exp() -> ExpenditureBook:
    return read_expenditure_book(real_data_file("expenditure.xlsx"))


@pytest.fixture(scope="module")
def rev() -> RevenueBook:
    return read_revenue_book(real_data_file("revenue.xlsx"))


def test_expenditure_book_shape(exp: ExpenditureBook) -> None:
    assert (exp.fiscal_year, exp.kind) == (2024, "본예산")
    assert exp.funding_sources == SOURCES
    assert exp.warnings == []
    assert len(exp.rows) == 5_475
    assert exp.rows[0].row_number == 3 and exp.rows[-1].row_number == 5_477
    first = exp.rows[0]
    assert (first.account_code, first.budget_item, first.stat_item) == ("100", "205", "205-01")
    assert (first.label, first.formula, first.amount) == (
        "○의정활동비",
        "1,100,000원*8명*12월",
        105_600,
    )
    assert first.funds["자체재원"] == 105_600 and first.change == 105_600
    labels = [r.label for r in exp.rows]
    assert sum(1 for lab in labels if lab.startswith("  -")) == 1_948  # leading spaces kept
    assert sum(1 for r in exp.rows if r.formula is None) == 496


def test_revenue_book_shape(rev: RevenueBook) -> None:
    assert (rev.fiscal_year, rev.kind, rev.confirmed_date) == (2024, "본예산", "20231219")
    assert rev.warnings == []
    assert len(rev.rows) == 879
    first = rev.rows[0]
    assert (first.department_code, first.account_code, first.account_name) == (
        "1005010", "100", "일반회계",
    )  # fmt: skip
    assert (first.chapter, first.section, first.subsection, first.item) == (
        "300", "310", "311", "31103",
    )  # fmt: skip
    assert first.amount == 21_000_000


def test_read_book_detects_kind() -> None:
    assert isinstance(read_book(real_data_file("revenue.xlsx")), RevenueBook)


def test_totals_and_balance_per_account(exp: ExpenditureBook, rev: RevenueBook) -> None:
    assert checks.expenditure_total(exp) == 325_885_486
    assert checks.revenue_total(rev) == 325_885_486
    assert sum(r.amount for r in rev.rows if indent_of(r.label) == 0) == 319_729_124  # wrong way
    assert checks.expenditure_totals_by_account(exp) == ACCOUNTS
    assert checks.revenue_totals_by_account(rev) == ACCOUNTS
    balances = checks.account_balances(exp, rev)
    assert len(balances) == 4 and all(b.balanced for b in balances)


def test_revenue_by_chapter(rev: RevenueBook) -> None:
    assert checks.revenue_totals_by_chapter(rev) == {
        "100": 26_422_000, "200": 15_986_820, "300": 22_600_000,
        "400": 74_203_000, "500": 138_865_246, "700": 47_808_420,
    }  # fmt: skip


def test_subsidy_reconciliation(exp: ExpenditureBook, rev: RevenueBook) -> None:
    assert checks.subsidy_reconciliation(exp, rev) == (138_865_246, 138_865_246)
    totals = checks.fund_totals(exp)
    assert totals["지방소멸대응기금"] == 1_600_000
    assert totals["자체재원"] == 185_420_240
    assert sum(totals.values()) == 325_885_486
    assert sum(r.amount for r in rev.rows if r.item == "32101") == 1_600_000


def test_counts(exp: ExpenditureBook, rev: RevenueBook) -> None:
    assert checks.count_expenditure(exp) == checks.ExpenditureCounts(
        departments=38, stat_items=86,
        policy_by_name=122, unit_by_name=247, detail_by_name=818,
        policy_by_department=133, unit_by_department=259, detail_by_department=847,
    )  # fmt: skip
    assert len({r.department for r in rev.rows}) == 26


def test_parent_is_sum_of_children(exp: ExpenditureBook, rev: RevenueBook) -> None:
    tree = checks.expenditure_tree_check(exp)
    assert (tree.groups, tree.mismatches) == (496, [])
    rtree = checks.revenue_tree_check(rev)
    assert (rtree.groups, rtree.mismatches) == (25, [])


def test_grouping(exp: ExpenditureBook, rev: RevenueBook) -> None:
    lines = group_expenditure_lines(exp)
    assert len(lines) == 1_916
    assert sum(len(g.rows) for g in lines) == 5_475
    assert sum(g.amount for g in lines) == 325_885_486
    assert all(g.parents[0] is None for g in lines)  # a line never starts with a child
    rlines = group_revenue_lines(rev)
    assert len(rlines) == 156
    assert sum(g.amount for g in rlines) == 325_885_486


def test_fund_split_and_no_base_amounts(exp: ExpenditureBook, rev: RevenueBook) -> None:
    assert checks.fund_split_mismatches(exp) == []
    assert checks.nonzero_base_rows(exp) == []
    assert checks.nonzero_base_rows(rev) == []


def test_expenditure_formulas(exp: ExpenditureBook) -> None:
    pytest.importorskip("domain.formula", reason="domain.formula (colleague's module) is absent")
    check = checks.expenditure_formula_check(exp)
    assert check.checked == 4_977
    assert check.mismatches == []
    assert [(i.row_number, i.actual) for i in check.non_plain] == [(990, 540_000), (4_657, 29_040)]
    assert [exp.rows[i.row_number - 3].formula for i in check.non_plain] == [
        "1,500,000원(최대금액)*30명*12월",
        "9 680,000원*3명",
    ]


def test_revenue_formulas_round_down(rev: RevenueBook) -> None:
    """세입 amounts are floor(formula / 1000): 5 of 854 differ from ceil."""
    pytest.importorskip("domain.formula", reason="domain.formula (colleague's module) is absent")
    check = checks.revenue_formula_check(rev)
    assert (check.checked, check.mismatches, check.non_plain) == (854, [], [])
