"""Exports vary between governments and years: the importer reads by header name."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from server.budget_import import (
    ExpenditureBook,
    RevenueBook,
    checks,
    group_expenditure_lines,
    indent_of,
    read_book,
    read_expenditure_book,
    read_revenue_book,
)
from tests.server.budget_import.conftest import (
    EXP_BASE,
    REV_HEADER,
    MakeXlsx,
    exp_values,
    table,
)

SOURCES3 = ["국비", "시비", "구비"]


def _three_source_book(make_xlsx: MakeXlsx, *, merged: bool) -> Path:
    """EXP_BASE + 3 재원 × 경정/기정/증감 as a two-row header."""
    row1: list[object] = list(EXP_BASE)
    row2: list[object] = [None] * len(EXP_BASE)
    for s in SOURCES3:
        row1 += [s, None, None]
        row2 += ["경정", "기정", "증감"]
    data = []
    for label, formula, amount, split in [
        ("○사무용품", "1,000,000원*3월", 3_000, (1_000, 500, 1_500)),
        ("○급량비", None, 700, (0, 0, 700)),
        ("  -부서", "8,000원*50명", 400, (0, 0, 400)),
        ("  -당직", "10,000원*30회", 300, (0, 0, 300)),
    ]:
        base = exp_values(label, formula, amount)
        funds: list[object] = []
        for part in split:
            funds += [part, 0, part]
        data.append([base[h] for h in EXP_BASE] + funds)
    merge = []
    if merged:
        start = len(EXP_BASE) + 1
        for i in range(3):
            a, b = start + 3 * i, start + 3 * i + 2
            merge.append(f"{_col(a)}1:{_col(b)}1")
    return make_xlsx([row1, row2, *data], merge=merge)


def _col(n: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(n)


@pytest.mark.parametrize("merged", [False, True])
def test_different_funding_sources_two_row_header(make_xlsx: MakeXlsx, merged: bool) -> None:
    book = read_expenditure_book(_three_source_book(make_xlsx, merged=merged))
    assert book.funding_sources == SOURCES3
    assert book.warnings == []
    assert [r.row_number for r in book.rows] == [3, 4, 5, 6]
    assert book.rows[0].funds == {"국비": 1_000, "시비": 500, "구비": 1_500}
    assert book.rows[0].base_funds == {"국비": 0, "시비": 0, "구비": 0}
    assert checks.fund_split_mismatches(book) == []
    assert checks.expenditure_total(book) == 3_700
    assert checks.expenditure_tree_check(book).groups == 1


def test_without_funding_columns(make_xlsx: MakeXlsx) -> None:
    path = make_xlsx(table(EXP_BASE, [exp_values("○사무용품", "1,000원", 1)]))
    book = read_expenditure_book(path)
    assert book.funding_sources == [] and book.rows[0].funds == {}
    assert any("재원 열이 없습니다" in w for w in book.warnings)
    assert checks.fund_split_mismatches(book) == []
    assert book.rows[0].row_number == 2  # one header row: data from row 2


@pytest.mark.parametrize("year", ["2024", 2024, 2024.0, " 2024 "])
def test_year_as_text_or_number(make_xlsx: MakeXlsx, year: object) -> None:
    path = make_xlsx(table(EXP_BASE, [exp_values("○a", None, 1, 회계연도=year)]))
    assert read_expenditure_book(path).fiscal_year == 2024


def test_draft_budget_kind_and_header_alias(make_xlsx: MakeXlsx) -> None:
    header = ["예산구분명" if h == "예산구분" else h for h in EXP_BASE]
    rec = exp_values("○a", None, 1)
    rec["예산구분명"] = "본예산(안)"
    book = read_expenditure_book(make_xlsx(table(header, [rec])))
    assert book.kind == "본예산(안)"


def test_supplementary_budget_kind(make_xlsx: MakeXlsx) -> None:
    path = make_xlsx(table(EXP_BASE, [exp_values("○a", None, 10, 예산구분="제1회추경", 기정액=7)]))
    book = read_expenditure_book(path)
    assert book.kind == "제1회추경"
    assert book.rows[0].base_amount == 7
    assert len(checks.nonzero_base_rows(book)) == 1


def test_fund_account_and_many_accounts(make_xlsx: MakeXlsx) -> None:
    recs = [
        exp_values("○a", None, 10),
        exp_values("○b", None, 20, 회계코드="310", 회계명="재난관리기금"),
        exp_values("○c", None, 5, 회계코드=310, 회계명="재난관리기금"),
        exp_values("○d", None, 1, 회계코드="225", 회계명="주차장"),
    ]
    book = read_expenditure_book(make_xlsx(table(EXP_BASE, recs)))
    assert checks.expenditure_totals_by_account(book) == {
        ("100", "일반회계"): 10,
        ("310", "재난관리기금"): 25,
        ("225", "주차장"): 1,
    }


def test_extra_unknown_columns_are_warnings(make_xlsx: MakeXlsx) -> None:
    header = ["비고", *EXP_BASE, "세부사업코드"]
    rec = exp_values("○a", None, 1, 비고="메모", 세부사업코드="0123456789012345")
    book = read_expenditure_book(make_xlsx(table(header, [rec])))
    assert book.rows[0].amount == 1
    assert any("'비고'(A열)" in w for w in book.warnings)
    assert any("'세부사업코드'" in w for w in book.warnings)


def test_columns_in_another_order_and_title_rows(make_xlsx: MakeXlsx) -> None:
    header = list(reversed(EXP_BASE))
    recs = [exp_values("○a", "1,500원*2", 3), exp_values("  -b", None, 3)]
    rows = [["2024년도 세출예산서"], [], *table(header, recs)]
    book = read_expenditure_book(make_xlsx(rows))
    assert [r.row_number for r in book.rows] == [4, 5]
    assert book.rows[0].formula == "1,500원*2"
    assert book.rows[0].department == "총무과" and book.rows[0].stat_item == "201-01"
    assert book.rows[1].label == "  -b"


def test_minimal_required_columns(make_xlsx: MakeXlsx) -> None:
    header = ["회계연도", "예산구분", "정책사업명", "단위사업명", "회계코드", "회계명",
              "세부사업명", "부서명", "통계목", "산출근거명", "예산액"]  # fmt: skip
    book = read_expenditure_book(make_xlsx(table(header, [exp_values("○a", None, 4)])))
    row = book.rows[0]
    assert (row.budget_item, row.formula, row.base_amount, row.change) == ("201", None, None, None)
    assert any("위원회명" in w for w in book.warnings)


def test_amounts_as_float_and_text(make_xlsx: MakeXlsx) -> None:
    recs = [
        exp_values("○a", None, 105_600.0),
        exp_values("○b", None, "1.749E7"),
        exp_values("○c", None, "17,490,000"),
        exp_values("○d", None, "△1,000", 비교증감="-1,000"),
        exp_values("○e", None, None),
    ]
    book = read_expenditure_book(make_xlsx(table(EXP_BASE, recs)))
    assert [r.amount for r in book.rows] == [105_600, 17_490_000, 17_490_000, -1_000, 0]
    assert all(type(r.amount) is int for r in book.rows)
    assert book.rows[3].change == -1_000


def test_codes_as_numbers(make_xlsx: MakeXlsx) -> None:
    rec = exp_values("○a", None, 1, 편성목=201, 통계목="20101", 회계코드=100.0)
    row = read_expenditure_book(make_xlsx(table(EXP_BASE, [rec]))).rows[0]
    assert (row.budget_item, row.stat_item, row.account_code) == ("201", "201-01", "100")


def test_single_row_funding_headers(make_xlsx: MakeXlsx) -> None:
    header = [*EXP_BASE, "국고보조금(경정)", "국고보조금(기정)", "자체재원_경정", "자체재원_기정"]
    rec = exp_values("○a", None, 10)
    rec.update(
        {"국고보조금(경정)": 4, "국고보조금(기정)": 0, "자체재원_경정": 6, "자체재원_기정": 0}
    )
    book = read_expenditure_book(make_xlsx(table(header, [rec])))
    assert book.funding_sources == ["국고보조금", "자체재원"]
    assert book.rows[0].funds == {"국고보조금": 4, "자체재원": 6}


def test_blank_rows_are_skipped(make_xlsx: MakeXlsx) -> None:
    rows = [*table(EXP_BASE, [exp_values("○a", None, 1)]), [], [None, ""]]
    assert len(read_expenditure_book(make_xlsx(rows)).rows) == 1


def _rev(label: str, level: int, amount: int, **over: object) -> dict[str, object]:
    rec: dict[str, object] = {
        "회계연도": "2024", "예산구분명": "본예산", "예산확정일자": "20231219",
        "부서코드": "1005010", "부서명": "세무과", "회계구분": "100", "회계명": "일반회계",
        "장": "200", "장명": "세외수입", "관": "210", "관명": "경상적세외수입", "항": "212",
        "항명": "사용료수입", "목": "21209", "목명": "기타사용료", "산출근거": label,
        "산출근거식": None, "레벨금액": level, "예산액": amount, "기정액": 0, "증감액": 0,
    }  # fmt: skip
    rec.update(over)
    return rec


def test_revenue_book_and_variants(make_xlsx: MakeXlsx) -> None:
    header = ["회계코드" if h == "회계구분" else h for h in REV_HEADER]
    recs = [
        _rev("○체육시설 사용료", 300, 0, 회계코드="100"),
        _rev("  -테니스장", 0, 100, 회계코드="100", 산출근거식="100,500원"),
        _rev("  -풋살장", 0, 200, 회계코드=100, 장=200, 목=21209),
    ]
    for rec in recs:
        rec["예산확정일자"] = dt.datetime(2023, 12, 19)
    book = read_book(make_xlsx(table(header, recs)))
    assert isinstance(book, RevenueBook)
    assert book.confirmed_date == "2023-12-19"
    assert [r.account_code for r in book.rows] == ["100", "100", "100"]
    assert book.rows[2].item == "21209" and book.rows[2].chapter == "200"
    assert checks.revenue_total(book) == 300
    tree = checks.revenue_tree_check(book)
    assert (tree.groups, tree.mismatches) == (1, [])


def test_revenue_reader_detects_expenditure(make_xlsx: MakeXlsx) -> None:
    book = read_book(make_xlsx(table(EXP_BASE, [exp_values("○a", None, 1)])))
    assert isinstance(book, ExpenditureBook)
    path = make_xlsx(table(REV_HEADER, [_rev("○a", 0, 1)]), name="r.xlsx")
    assert isinstance(read_revenue_book(path), RevenueBook)


def test_grouping_and_indent(make_xlsx: MakeXlsx) -> None:
    recs = [
        exp_values("○a", None, 7),
        exp_values("  -a1", None, 3),
        exp_values("    ·a1x", "1,000원", 1),
        exp_values("    ·a1y", "2,000원", 2),
        exp_values("  -a2", "4,000원", 4),
        exp_values("○b", "5,000원", 5),
        exp_values("○other line", "1,000원", 1, 통계목="201-02"),
        exp_values("○same name, other 부서", "1,000원", 1, 부서명="기획과"),
    ]
    book = read_expenditure_book(make_xlsx(table(EXP_BASE, recs)))
    lines = group_expenditure_lines(book)
    assert [len(g.rows) for g in lines] == [6, 1, 1]
    first = lines[0]
    assert first.parents == [None, 0, 1, 1, 0, None]
    assert first.children(0) == [1, 4] and first.children(1) == [2, 3]
    assert first.amount == 12
    assert [indent_of(r.label) for r in first.rows] == [0, 2, 4, 4, 2, 0]
    tree = checks.expenditure_tree_check(book)
    assert (tree.groups, tree.mismatches) == (2, [])
