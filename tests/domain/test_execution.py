"""Execution rules, 원천징수 and 채주 identifiers (pure domain)."""

from __future__ import annotations

import uuid

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.execution import (
    DocKind,
    DocState,
    ExecutionError,
    check_close,
    check_parent,
    check_separation_of_duties,
)
from domain.payee import (
    PayeeError,
    is_valid_business_number,
    mask_account,
    mask_resident_number,
    normalise_business_number,
    normalise_resident_number,
)
from domain.withholding import (
    IncomeType,
    WithholdingError,
    compute_withholding,
    rates_for_year,
)


# -- 원천징수 ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("kind", "gross", "taxable", "income_tax", "local_tax"),
    [
        ("other", 1_000_000, 400_000, 80_000, 8_000),  # 8.8%
        ("other", 125_000, 50_000, 0, 0),  # 기타소득금액 50,000 or less: no tax
        ("other", 125_010, 50_004, 10_000, 1_000),  # just above: 10,000.8 → 10,000
        ("other", 333_333, 133_333, 26_660, 2_660),  # 26,666.6 → 26,660; 2,666 → 2,660
        ("business", 1_000_000, 1_000_000, 30_000, 3_000),  # 3.3%
        ("business", 12_345, 12_345, 370, 30),  # 370.35 → 370; 37 → 30
        ("none", 500_000, 0, 0, 0),
    ],
)
def test_withholding_examples(
    kind: str, gross: int, taxable: int, income_tax: int, local_tax: int
) -> None:
    w = compute_withholding(kind, gross, 2024)
    assert (w.taxable_income, w.income_tax, w.local_tax) == (taxable, income_tax, local_tax)
    assert w.withheld == income_tax + local_tax
    assert w.net == gross - w.withheld


def test_rates_are_data_by_year_and_a_missing_year_is_refused() -> None:
    assert set(rates_for_year(2024)) == {IncomeType.OTHER, IncomeType.BUSINESS}
    with pytest.raises(WithholdingError, match="1999년 원천징수 세율 자료가 없습니다"):
        compute_withholding("other", 1_000_000, 1999)


def test_negative_amounts_are_refused() -> None:
    with pytest.raises(WithholdingError):
        compute_withholding("other", -1, 2024)


@given(st.sampled_from(["other", "business"]), st.integers(min_value=0, max_value=10**12))
def test_withholding_is_truncated_to_10_won_and_never_exceeds_the_rate(kind: str, g: int) -> None:
    w = compute_withholding(kind, g, 2024)
    assert w.income_tax % 10 == 0 and w.local_tax % 10 == 0
    limit = g * 88 // 1000 if kind == "other" else g * 33 // 1000
    assert 0 <= w.withheld <= limit
    assert w.local_tax <= w.income_tax // 10


# -- 채주 -------------------------------------------------------------------------------------
@pytest.mark.parametrize("number", ["124-81-00998", "220-81-62517", "120-81-47521", "1248100998"])
def test_known_business_numbers_are_valid(number: str) -> None:
    """삼성전자, 네이버, 카카오: published 사업자등록번호."""
    assert is_valid_business_number(number)
    assert normalise_business_number(number) == number.replace("-", "")


@pytest.mark.parametrize(
    "number", ["124-81-00999", "220-81-62510", "120-81-47522", "12481009", "abc-de-fghij", ""]
)
def test_wrong_business_numbers_are_refused(number: str) -> None:
    assert not is_valid_business_number(number)
    with pytest.raises(PayeeError) as err:
        normalise_business_number(number)
    assert err.value.field == "business_number"
    assert "사업자등록번호" in err.value.message


def test_resident_numbers_are_checked_for_form_and_masked() -> None:
    assert normalise_resident_number("900101-1234567") == "9001011234567"
    assert mask_resident_number("9001011234567") == "900101-1******"
    with pytest.raises(PayeeError, match="생년월일"):
        normalise_resident_number("901301-1234567")
    with pytest.raises(PayeeError, match="13자리"):
        normalise_resident_number("900101-123456")


def test_accounts_show_only_the_last_four_digits() -> None:
    assert mask_account("110-123-456789") == "***-***-**6789"
    assert mask_account("1234") == "1234"


# -- chain, states, duties --------------------------------------------------------------------
def test_the_chain() -> None:
    check_parent(DocKind.OBLIGATION, None)
    check_parent(DocKind.OBLIGATION, DocKind.REQUEST)
    check_parent(DocKind.RESOLUTION, DocKind.OBLIGATION)
    check_parent(DocKind.PAYMENT_ORDER, DocKind.PETTY_CASH)
    with pytest.raises(ExecutionError, match=r"지급명령에는 .*지출결의"):
        check_parent(DocKind.PAYMENT_ORDER, None)
    with pytest.raises(ExecutionError, match="품의 다음에는 지출결의"):
        check_parent(DocKind.RESOLUTION, DocKind.REQUEST)


def test_the_writer_of_a_resolution_cannot_order_its_payment() -> None:
    me, other = uuid.uuid4(), uuid.uuid4()
    check_separation_of_duties(me, other)
    with pytest.raises(ExecutionError, match="지출결의를 작성한 사람은") as err:
        check_separation_of_duties(me, me)
    assert err.value.code == "separation_of_duties"


def test_closing_rules() -> None:
    check_close(DocKind.RESOLUTION, DocState.ACTIVE, 0, DocState.RETURNED)
    with pytest.raises(ExecutionError, match="이미 취소된"):
        check_close(DocKind.RESOLUTION, DocState.CANCELLED, 0, DocState.CANCELLED)
    with pytest.raises(ExecutionError, match="이어진 문서"):
        check_close(DocKind.OBLIGATION, DocState.ACTIVE, 10, DocState.CANCELLED)
    with pytest.raises(ExecutionError, match="반려할 수 없고"):
        check_close(DocKind.PAYMENT, DocState.ACTIVE, 0, DocState.RETURNED)
