"""Every 산출근거식 of the real 인천 동구 2024 세출 book evaluates to its 예산액.

예산액 is in 천원 and equals ceil(formula in 원 / 1000) on every line, except for exactly two
formulas that are not plain (a word in parentheses after a number; a space inside a number).
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from domain.formula import FormulaError, evaluate, is_plain
from domain.money import parse_amount_cell
from tests.conftest import real_data_file

pytestmark = pytest.mark.realdata

NOT_PLAIN = ["1,500,000원(최대금액)*30명*12월", "9 680,000원*3명"]


def _formula_rows(path: Path) -> list[tuple[int, str, int]]:
    """(sheet row number, formula, 예산액 천원) for every row with a non-empty 산출근거식."""
    workbook = openpyxl.load_workbook(path, read_only=True)
    try:
        rows = workbook.worksheets[0].iter_rows(values_only=True)
        header = next(rows)
        next(rows)  # second header row: 경정/기정/증감 sub-labels of the 재원 columns
        formula_col = header.index("산출근거식")
        amount_col = header.index("예산액")
        found: list[tuple[int, str, int]] = []
        for number, row in enumerate(rows, start=3):
            formula = row[formula_col]
            if formula is None or not str(formula).strip():
                continue
            found.append((number, str(formula), parse_amount_cell(row[amount_col])))
        return found
    finally:
        workbook.close()


@pytest.fixture(scope="module")
def formula_rows() -> list[tuple[int, str, int]]:
    # Skips with the reason when ../shared/data/incheon-donggu-2024 is absent.
    return _formula_rows(real_data_file("expenditure.xlsx"))


def test_book_has_many_formulas(formula_rows: list[tuple[int, str, int]]) -> None:
    assert len(formula_rows) > 4000


def test_exactly_two_formulas_are_not_plain(formula_rows: list[tuple[int, str, int]]) -> None:
    not_plain = [formula for _, formula, _ in formula_rows if not is_plain(formula)]
    assert not_plain == NOT_PLAIN


@pytest.mark.parametrize(
    ("formula", "position"),
    [(NOT_PLAIN[0], NOT_PLAIN[0].index("(")), (NOT_PLAIN[1], 2)],
)
def test_not_plain_formulas_raise_at_the_offending_character(formula: str, position: int) -> None:
    with pytest.raises(FormulaError) as info:
        evaluate(formula)
    assert info.value.position == position
    assert info.value.expected == "연산자"


def test_every_plain_formula_matches_its_budget_amount(
    formula_rows: list[tuple[int, str, int]],
) -> None:
    mismatches: list[tuple[int, str, int, int]] = []
    checked = 0
    rounded_up = 0
    for number, formula, amount in formula_rows:
        if formula in NOT_PLAIN:
            continue
        result = evaluate(formula)
        checked += 1
        if result.thousand != amount:
            mismatches.append((number, formula, amount, result.thousand))
        elif result.value != amount * 1000:
            rounded_up += 1
    assert mismatches == []
    assert checked == len(formula_rows) - len(NOT_PLAIN)
    assert 0 < rounded_up < checked
