"""원천징수 (withholding) on expenditure payments, computed from rates kept as data by year.

Rates live in ``resources/rates/withholding-<year>.json`` (package data read through
:func:`importlib.resources.files`); a year without a file is refused, never guessed.

- 기타소득 (``other``): 기타소득금액 = 지급액 − 필요경비 (60%); no tax when 기타소득금액 is
  50,000원 or less (과세최저한); 소득세 20% of 기타소득금액, 지방소득세 10% of 소득세
  (8.8% of the payment in all).
- 사업소득 (``business``): 소득세 3% of the payment, 지방소득세 10% of that (3.3%).
- Each tax drops amounts under 10원 (원 단위 절사), computed in integers (no float).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction
from functools import cache
from importlib.resources import files
from typing import Any

from domain.errors import DomainError

__all__ = [
    "IncomeType",
    "IncomeTypeRates",
    "Withholding",
    "WithholdingError",
    "compute_withholding",
    "rates_for_year",
]


class IncomeType(StrEnum):
    NONE = "none"
    OTHER = "other"  # 기타소득
    BUSINESS = "business"  # 사업소득

    @property
    def label(self) -> str:
        return {"none": "원천징수 없음", "other": "기타소득", "business": "사업소득"}[self.value]


class WithholdingError(DomainError):
    code = "withholding_invalid"


@dataclass(frozen=True)
class IncomeTypeRates:
    expense_deduction_rate: Fraction
    income_tax_rate: Fraction
    local_tax_rate_of_income_tax: Fraction
    tax_exempt_income_at_most: int
    truncate_unit: int


@dataclass(frozen=True)
class Withholding:
    """Gross, the taxable income after the deduction, both taxes and what the payee gets."""

    income_type: IncomeType
    gross: int
    taxable_income: int
    income_tax: int
    local_tax: int

    @property
    def withheld(self) -> int:
        return self.income_tax + self.local_tax

    @property
    def net(self) -> int:
        return self.gross - self.withheld


def _parse(year: int, raw: dict[str, Any]) -> dict[IncomeType, IncomeTypeRates]:
    unit = int(raw.get("truncate_unit", 10))
    out: dict[IncomeType, IncomeTypeRates] = {}
    for name, spec in raw["income_types"].items():
        out[IncomeType(name)] = IncomeTypeRates(
            expense_deduction_rate=Fraction(str(spec["expense_deduction_rate"])),
            income_tax_rate=Fraction(str(spec["income_tax_rate"])),
            local_tax_rate_of_income_tax=Fraction(str(spec["local_tax_rate_of_income_tax"])),
            tax_exempt_income_at_most=int(spec["tax_exempt_income_at_most"]),
            truncate_unit=unit,
        )
    if int(raw["year"]) != year:
        raise WithholdingError(f"{year}년 원천징수 세율 자료의 연도가 맞지 않습니다")
    return out


@cache
def rates_for_year(year: int) -> dict[IncomeType, IncomeTypeRates]:
    """The withholding rates of one fiscal year, from ``resources/rates``."""
    resource = files("resources.rates") / f"withholding-{year}.json"
    if not resource.is_file():
        raise WithholdingError(
            f"{year}년 원천징수 세율 자료가 없습니다 (resources/rates/withholding-{year}.json)",
            code="withholding_rates_missing",
        )
    return _parse(year, json.loads(resource.read_text(encoding="utf-8")))


def _truncate(amount: Fraction, unit: int) -> int:
    """Drop amounts under ``unit`` 원 (절사): floor for the non-negative amounts used here."""
    whole = amount.numerator // amount.denominator
    return whole - whole % unit


def compute_withholding(
    income_type: IncomeType | str,
    gross: int,
    year: int,
    rates: dict[IncomeType, IncomeTypeRates] | None = None,
) -> Withholding:
    """Withholding on a payment of ``gross`` 원 of ``income_type`` in fiscal ``year``."""
    kind = IncomeType(income_type)
    if isinstance(gross, bool) or not isinstance(gross, int) or gross < 0:
        raise WithholdingError("지급액은 0 이상의 원 단위 정수여야 합니다", field="amount")
    if kind is IncomeType.NONE:
        return Withholding(kind, gross, 0, 0, 0)
    table = rates if rates is not None else rates_for_year(year)
    spec = table.get(kind)
    if spec is None:
        raise WithholdingError(f"{year}년 {kind.label} 세율이 없습니다", field="income_type")
    deduction = gross * spec.expense_deduction_rate
    taxable = _truncate(Fraction(gross) - deduction, 1)
    if taxable <= spec.tax_exempt_income_at_most:
        return Withholding(kind, gross, taxable, 0, 0)
    income_tax = _truncate(taxable * spec.income_tax_rate, spec.truncate_unit)
    local_tax = _truncate(income_tax * spec.local_tax_rate_of_income_tax, spec.truncate_unit)
    return Withholding(kind, gross, taxable, income_tax, local_tax)
