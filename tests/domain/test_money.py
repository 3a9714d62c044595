"""Tests for domain.money: parsing, formatting and 원 → 천원 rounding."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.errors import DomainError
from domain.money import (
    MoneyError,
    format_number,
    format_thousand,
    format_won,
    parse_amount_cell,
    parse_won,
    won_to_thousand,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1,234,000원", 1_234_000),
        ("1234000", 1_234_000),
        (" 1,234,000 ", 1_234_000),
        ("-360,000", -360_000),
        ("1.749E7", 17_490_000),
        ("1.749e+07", 17_490_000),
        ("1.749E+7", 17_490_000),
        ("17490000E0", 17_490_000),
        ("0", 0),
        ("1,000 원", 1_000),
        ("+500", 500),
        ("1234.0", 1234),
        (1_234_000, 1_234_000),
        (-5, -5),
    ],
)
def test_parse_won_accepts(text: str | int, expected: int) -> None:
    assert parse_won(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "12a",
        "",
        "   ",
        "원",
        "1,23",
        "12,3456",
        "1.5",
        "1.7491E3",
        "1e-3",
        "NaN",
        "inf",
        "1e999",
        "--1",
    ],
)
def test_parse_won_rejects(text: str) -> None:
    with pytest.raises(MoneyError) as info:
        parse_won(text)
    assert isinstance(info.value, DomainError)
    assert f"'{text}'" in info.value.message
    assert info.value.code.startswith("money_")


def test_parse_won_message_is_korean() -> None:
    with pytest.raises(MoneyError, match="금액 '12a' 을\\(를\\) 읽을 수 없습니다"):
        parse_won("12a")


def test_parse_won_rejects_bool() -> None:
    with pytest.raises(MoneyError):
        parse_won(True)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (None, 0),
        ("", 0),
        ("  ", 0),
        (105600, 105600),
        (105600.0, 105600),
        (1.749e7, 17_490_000),
        (-360000.0, -360_000),
        ("1,234,000원", 1_234_000),
        ("1.749E7", 17_490_000),
        (Decimal("12.000"), 12),
        (Fraction(10, 2), 5),
    ],
)
def test_parse_amount_cell(cell: object, expected: int) -> None:
    assert parse_amount_cell(cell) == expected


@pytest.mark.parametrize(
    "cell", [1.5, float("nan"), float("inf"), True, Decimal("1.5"), Fraction(1, 3), [1], "x"]
)
def test_parse_amount_cell_rejects(cell: object) -> None:
    with pytest.raises(MoneyError):
        parse_amount_cell(cell)


def test_formatting() -> None:
    assert format_number(1_234_000) == "1,234,000"
    assert format_number(-360_000) == "-360,000"
    assert format_number(0) == "0"
    assert format_won(1_234_000) == "1,234,000원"
    assert format_thousand(1234) == "1,234천원"


@pytest.mark.parametrize(
    ("won", "thousand"),
    [
        (0, 0),
        (1, 1),
        (999, 1),
        (1000, 1),
        (1001, 2),
        (11_721_600, 11_722),
        (-1, 0),
        (-999, 0),
        (-1000, -1),
        (-1001, -1),
        (-360_000, -360),
        (Fraction(1_000_001, 2), 501),
        (Fraction(-1, 3), 0),
    ],
)
def test_won_to_thousand(won: int | Fraction, thousand: int) -> None:
    assert won_to_thousand(won) == thousand


@given(st.integers())
def test_format_parse_round_trip(n: int) -> None:
    assert parse_won(format_number(n)) == n
    assert parse_won(format_won(n)) == n
    assert parse_won(str(n)) == n
    assert parse_amount_cell(format_won(n)) == n


@given(st.integers(min_value=-(10**15), max_value=10**15))
def test_exponent_notation_round_trip(n: int) -> None:
    assert parse_won(f"{Decimal(n):E}") == n
    assert parse_amount_cell(float(n)) == n


@given(st.integers())
def test_won_to_thousand_is_ceil(n: int) -> None:
    k = won_to_thousand(n)
    assert k == -(-n // 1000)
    assert k >= Fraction(n, 1000)
    assert k - 1 < Fraction(n, 1000)


@given(st.fractions())
def test_won_to_thousand_fraction_is_ceil(x: Fraction) -> None:
    k = won_to_thousand(x)
    assert k - 1 < x / 1000 <= k


def test_revenue_rounds_down_to_thousand_while_expenditure_rounds_up() -> None:
    from domain.money import revenue_won_to_thousand

    assert won_to_thousand(1_234_001) == 1_235
    assert revenue_won_to_thousand(1_234_999) == 1_234
    assert revenue_won_to_thousand(1_234_000) == 1_234
    assert revenue_won_to_thousand(-1) == -1
