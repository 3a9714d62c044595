"""Files that are not 합본예산서 exports raise BookFormatError naming row and column."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from server.budget_import import (
    BookFormatError,
    read_book,
    read_expenditure_book,
    read_revenue_book,
)
from server.budget_import.xlsx_reader import to_int
from tests.server.budget_import.conftest import EXP_BASE, REV_HEADER, MakeXlsx, exp_values, table


def test_random_xlsx(make_xlsx: MakeXlsx) -> None:
    path = make_xlsx([["이름", "나이"], ["홍길동", 30]])
    with pytest.raises(BookFormatError) as e:
        read_book(path)
    assert "머리글" in e.value.message and e.value.row is None


def test_missing_required_column(make_xlsx: MakeXlsx) -> None:
    header = [h for h in EXP_BASE if h != "세부사업명"]
    with pytest.raises(BookFormatError) as e:
        read_expenditure_book(make_xlsx(table(header, [exp_values("○a", None, 1)])))
    assert e.value.column == "세부사업명" and e.value.row == 1
    assert "필수 열 '세부사업명'이(가) 없습니다" in e.value.message


def test_missing_several_required_revenue_columns(make_xlsx: MakeXlsx) -> None:
    header = [h for h in REV_HEADER if h not in ("레벨금액", "목")]
    with pytest.raises(BookFormatError) as e:
        read_revenue_book(make_xlsx([header, ["2024"]]))
    assert e.value.column == "목" and "레벨금액" in e.value.message


def test_not_an_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "budget.xlsx"
    path.write_text("회계연도,예산구분\n2024,본예산\n", encoding="utf-8")
    with pytest.raises(BookFormatError) as e:
        read_book(path)
    assert "xlsx" in e.value.message


def test_zip_that_is_not_an_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "budget.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("hello.txt", "안녕")
    with pytest.raises(BookFormatError):
        read_book(path)


def test_truncated_xlsx(make_xlsx: MakeXlsx, tmp_path: Path) -> None:
    good = make_xlsx(table(EXP_BASE, [exp_values("○a", None, 1)] * 50))
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    with pytest.raises(BookFormatError):
        read_book(broken)


def test_text_in_amount_column(make_xlsx: MakeXlsx) -> None:
    recs = [exp_values("○a", None, 1), exp_values("○b", None, "abc")]
    with pytest.raises(BookFormatError) as e:
        read_expenditure_book(make_xlsx(table(EXP_BASE, recs)))
    assert (e.value.row, e.value.column) == (3, "예산액")
    assert e.value.message == "3행 '예산액' 열: 숫자가 아닙니다 ('abc')"
    assert str(e.value) == e.value.message


def test_fraction_in_amount_column(make_xlsx: MakeXlsx) -> None:
    with pytest.raises(BookFormatError) as e:
        read_expenditure_book(make_xlsx(table(EXP_BASE, [exp_values("○a", None, 1.5)])))
    assert (e.value.row, e.value.column) == (2, "예산액") and "정수가 아닙니다" in e.value.message


def test_text_in_funding_column(make_xlsx: MakeXlsx) -> None:
    row1 = [*EXP_BASE, "국고보조금", None, None]
    row2 = [None] * len(EXP_BASE) + ["경정", "기정", "증감"]
    data = [exp_values("○a", None, 1)[h] for h in EXP_BASE] + [1, "없음", 1]
    with pytest.raises(BookFormatError) as e:
        read_expenditure_book(make_xlsx([row1, row2, data]))
    assert (e.value.row, e.value.column) == (3, "국고보조금 기정")


def test_text_in_revenue_level_amount(make_xlsx: MakeXlsx) -> None:
    values: list[object] = [
        "2024", "본예산", "20231219", "1", "과", "100", "일반회계", "200", "", "210", "",
        "211", "", "21102", "", "○a", None, "소계", 0, 0, 0,
    ]  # fmt: skip
    rec = dict(zip(REV_HEADER, values, strict=True))
    with pytest.raises(BookFormatError) as e:
        read_revenue_book(make_xlsx(table(REV_HEADER, [rec])))
    assert (e.value.row, e.value.column) == (2, "레벨금액")


def test_bad_stat_item(make_xlsx: MakeXlsx) -> None:
    with pytest.raises(BookFormatError) as e:
        read_expenditure_book(
            make_xlsx(table(EXP_BASE, [exp_values("○a", None, 1, 통계목="사무")]))
        )
    assert (e.value.row, e.value.column) == (2, "통계목")


def test_mixed_years(make_xlsx: MakeXlsx) -> None:
    recs = [exp_values("○a", None, 1), exp_values("○b", None, 1, 회계연도="2023")]
    with pytest.raises(BookFormatError) as e:
        read_expenditure_book(make_xlsx(table(EXP_BASE, recs)))
    assert (e.value.row, e.value.column) == (3, "회계연도")


def test_year_not_a_year(make_xlsx: MakeXlsx) -> None:
    with pytest.raises(BookFormatError) as e:
        read_expenditure_book(
            make_xlsx(table(EXP_BASE, [exp_values("○a", None, 1, 회계연도="이천")]))
        )
    assert (e.value.row, e.value.column) == (2, "회계연도")


def test_no_data_rows(make_xlsx: MakeXlsx) -> None:
    with pytest.raises(BookFormatError) as e:
        read_expenditure_book(make_xlsx([EXP_BASE]))
    assert "데이터 행이 없습니다" in e.value.message


def test_wrong_kind(make_xlsx: MakeXlsx) -> None:
    path = make_xlsx(table(EXP_BASE, [exp_values("○a", None, 1)]))
    with pytest.raises(BookFormatError) as e:
        read_revenue_book(path)
    assert "세입 예산서가 아니라 세출" in e.value.message


def test_funding_sublabel_without_source(make_xlsx: MakeXlsx) -> None:
    row1 = [*EXP_BASE[:-1], None, None]
    row2 = [None] * (len(EXP_BASE) - 1) + ["경정", "기정"]
    with pytest.raises(BookFormatError) as e:
        read_expenditure_book(make_xlsx([row1, row2]))
    assert e.value.row == 2


@pytest.mark.parametrize(
    ("value", "expected"),
    [(5, 5), (5.0, 5), (-3.0, -3), ("1.749E7", 17_490_000), (" 1,234 ", 1_234), ("", 0),
     (None, 0), ("△500", -500), ("-0", 0), (10**15 + 0.0, 10**15)],
)  # fmt: skip
def test_to_int_exact(value: object, expected: int) -> None:
    result = to_int(value, 1, "예산액")
    assert result == expected and type(result) is int


@pytest.mark.parametrize("value", [1.5, "1.7495E3", "abc", "NaN", "inf", True, "1,2,3x"])
def test_to_int_rejects(value: object) -> None:
    with pytest.raises(BookFormatError) as e:
        to_int(value, 7, "기정액")
    assert (e.value.row, e.value.column) == (7, "기정액")


def test_book_format_error_is_a_domain_error() -> None:
    from domain.errors import DomainError

    e = BookFormatError("3행 '예산액' 열: 숫자가 아닙니다 ('abc')", row=3, column="예산액")
    assert isinstance(e, DomainError)
    assert (e.code, e.field, e.row, e.column) == ("book_format_invalid", "예산액", 3, "예산액")
