"""Money: parsing and formatting of 원 and 천원 amounts.

Amounts are always ``int`` (원 in execution and 산출근거, 천원 on budget lines). Parsing goes
through :class:`decimal.Decimal` so that e호조 exports such as ``1.749E7`` are read exactly;
floats are only accepted from spreadsheet cells and only when they hold a whole number.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal, InvalidOperation
from fractions import Fraction

from domain.errors import DomainError

__all__ = [
    "MoneyError",
    "format_number",
    "format_thousand",
    "format_won",
    "parse_amount_cell",
    "parse_won",
    "revenue_won_to_thousand",
    "won_to_thousand",
]

# Largest exponent accepted in "1.749E7"-style text; keeps "1e999999" from building a huge int.
_MAX_EXPONENT = 30

_AMOUNT_RE = re.compile(
    r"""
    (?P<sign>[+-])?\s*
    (?P<digits>\d{1,3}(?:,\d{3})+|\d+)
    (?P<fraction>\.\d+)?
    (?:[eE](?P<exp>[+-]?\d+))?
    \s*(?:원)?
    """,
    re.VERBOSE,
)


class MoneyError(DomainError):
    """An amount could not be read or is not a whole number of 원."""

    code = "money_invalid"


def _cannot_read(text: object) -> MoneyError:
    return MoneyError(f"금액 '{text}' 을(를) 읽을 수 없습니다")


def _not_whole(text: object) -> MoneyError:
    return MoneyError(f"금액 '{text}' 은(는) 원 단위 정수가 아닙니다", code="money_not_whole")


def _decimal_to_int(value: Decimal, original: object) -> int:
    if not value.is_finite():
        raise _cannot_read(original)
    if value != value.to_integral_value():
        raise _not_whole(original)
    return int(value)


def parse_won(text: str | int) -> int:
    """Read an amount in 원: ``"1,234,000원"``, ``" -360,000 "``, ``"1.749E7"``, or an int.

    Raises :class:`MoneyError` when the text is not an amount or not a whole number.
    """
    if isinstance(text, bool):
        raise _cannot_read(text)
    if isinstance(text, int):
        return text
    if not isinstance(text, str):
        raise _cannot_read(text)
    match = _AMOUNT_RE.fullmatch(text.strip())
    if match is None:
        raise _cannot_read(text)
    exp = match.group("exp")
    if exp is not None and abs(int(exp)) > _MAX_EXPONENT:
        raise _cannot_read(text)
    literal = (
        (match.group("sign") or "")
        + match.group("digits").replace(",", "")
        + (match.group("fraction") or "")
        + (f"e{exp}" if exp is not None else "")
    )
    try:
        value = Decimal(literal)
    except InvalidOperation as exc:  # pragma: no cover - the regex only lets numbers through
        raise _cannot_read(text) from exc
    return _decimal_to_int(value, text)


def parse_amount_cell(value: object) -> int:
    """Read a spreadsheet cell holding an amount: blank → 0, int, integral float, or text."""
    if value is None:
        return 0
    if isinstance(value, bool):
        raise _cannot_read(value)
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise _cannot_read(value)
        if not value.is_integer():
            raise _not_whole(value)
        return int(value)
    if isinstance(value, Decimal):
        return _decimal_to_int(value, value)
    if isinstance(value, Fraction):
        if value.denominator != 1:
            raise _not_whole(value)
        return value.numerator
    if isinstance(value, str):
        if not value.strip():
            return 0
        return parse_won(value)
    raise _cannot_read(value)


def format_number(n: int) -> str:
    """``1234000`` → ``"1,234,000"``; ``-360000`` → ``"-360,000"``."""
    return f"{n:,}"


def format_won(n: int) -> str:
    """``1234000`` → ``"1,234,000원"``."""
    return f"{format_number(n)}원"


def format_thousand(n: int) -> str:
    """An amount already in 천원: ``1234`` → ``"1,234천원"``."""
    return f"{format_number(n)}천원"


def won_to_thousand(won: int | Fraction) -> int:
    """원 → 천원 the way budget books do it: ceil(won / 1000), mathematically (also below 0)."""
    return math.ceil(Fraction(won) / 1000)


def revenue_won_to_thousand(won: int | Fraction) -> int:
    """원 → 천원 for 세입 lines: floor(won / 1000).

    Revenue is estimated conservatively (천원 미만 절사) while expenditure rounds up
    (절상): in the 인천 동구 2024 세입 book all 854 plain formulas match floor and 5 of them
    differ from ceil.
    """
    return math.floor(Fraction(won) / 1000)
