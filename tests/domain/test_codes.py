"""Shared code lists: package data, year fallback, lookups, name matching, validation."""

from __future__ import annotations

import csv
import io
from importlib.resources import files

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.codes import (
    Code,
    CodeBook,
    CodeError,
    available_years,
    is_valid_government_code,
    known_government,
    load_codebook,
    normalise_name,
    validate_function_code,
    validate_object_code,
    validate_object_group_code,
    validate_revenue_code,
)
from domain.errors import DomainError

YEAR_FILES = ("functions.csv", "expenditure_objects.csv", "revenue_items.csv")


def _rows(*parts: str) -> list[dict[str, str]]:
    resource = files("resources.codes").joinpath(*parts)
    return list(csv.DictReader(io.StringIO(resource.read_text(encoding="utf-8"))))


# -- data files as package data ----------------------------------------------------------------
def test_year_folder_is_readable_through_importlib_resources() -> None:
    root = files("resources.codes")
    assert root.joinpath("2024", "__init__.py").is_file()
    for name in YEAR_FILES:
        assert root.joinpath("2024", name).is_file()
    assert root.joinpath("governments.csv").is_file()


@pytest.mark.parametrize("name", YEAR_FILES)
def test_year_files_have_one_format_and_string_codes(name: str) -> None:
    rows = _rows("2024", name)
    assert rows
    assert set(rows[0]) == {"level", "code", "name", "parent", "tag", "note"}
    codes = [r["code"] for r in rows]
    assert len(codes) == len(set(codes)), "codes unique within a file"
    assert all(r["tag"] in {"V", "D", "U"} for r in rows)
    by_code = {r["code"]: r for r in rows}
    for r in rows:
        if r["parent"]:
            assert r["parent"] in by_code, f"parent of {r['code']} missing"


def test_source_lists_are_complete() -> None:
    book = load_codebook(2024)
    assert len(book.object_codes()) == 128  # DOMAIN.md §1.5: union = 128 통계목
    assert len(book.object_groups()) == 36
    assert len(book.functions()) == 14
    assert len(book.revenue_items("목")) == 44
    assert [c.code for c in book.revenue_items("장")] == [
        "100",
        "200",
        "300",
        "400",
        "500",
        "600",
        "700",
    ]


# -- year fallback -----------------------------------------------------------------------------
def test_available_years_include_2024() -> None:
    assert 2024 in available_years()


@pytest.mark.parametrize("year", [2024, 2025, 2026, 2027])
def test_later_years_fall_back_to_2024(year: int) -> None:
    book = load_codebook(year)
    assert book.year == year
    assert book.source_year == 2024
    assert book.object_code("201-01") is not None


def test_year_before_any_list_is_an_error() -> None:
    with pytest.raises(CodeError) as err:
        load_codebook(1999)
    assert isinstance(err.value, DomainError)
    assert "1999" in err.value.message


def test_codebook_is_cached() -> None:
    assert load_codebook(2025) is load_codebook(2025)


# -- lookups -----------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def book() -> CodeBook:
    return load_codebook(2024)


def test_function_and_sector(book: CodeBook) -> None:
    assert book.function("080") == Code("080", "사회복지", None, "분야", True)
    assert book.sector("081") == Code("081", "기초생활보장", "080", "부문", True)
    assert book.sector("080") is None  # 분야 is not a 부문
    assert book.function("081") is None
    assert book.function("80") is None  # codes are strings with leading zeros


def test_verified_flag_follows_domain_tags(book: CodeBook) -> None:
    assert book.sector("112") is not None
    assert book.sector("112").verified is False  # type: ignore[union-attr]
    assert book.sector("071").verified is False  # type: ignore[union-attr]  # code [U]
    assert book.revenue_item("600").verified is False  # type: ignore[union-attr]
    assert book.object_code("308-10").verified is True  # type: ignore[union-attr]


def test_901_name_is_plain(book: CodeBook) -> None:
    assert book.sector("901") == Code("901", "기타", "900", "부문", False)


def test_objects(book: CodeBook) -> None:
    assert book.object_group("201") == Code("201", "일반운영비", None, "편성목", True)
    assert book.object_code("201-01") == Code("201-01", "사무관리비", "201", "통계목", True)
    assert book.object_group("201-01") is None
    assert book.object_code("201") is None
    assert [c.code for c in book.object_codes("202")][:2] == ["202-01", "202-02"]


def test_revenue_levels(book: CodeBook) -> None:
    assert book.revenue_item("11102") == Code("11102", "등록면허세", "111", "목", True)
    assert book.revenue_item("111").level == "항"  # type: ignore[union-attr]
    assert book.revenue_item("110").level == "관"  # type: ignore[union-attr]
    assert book.revenue_item("100").level == "장"  # type: ignore[union-attr]
    assert book.revenue_item("99999") is None


def test_original_names_keep_their_dots(book: CodeBook) -> None:
    assert book.object_code("308-04").name == "시ㆍ군조정교부금"  # type: ignore[union-attr]
    assert book.object_code("308-10").name == "시·군·구 교육비특별회계 법정전출금"  # type: ignore[union-attr]
    assert book.sector("013").name == "지방행정ㆍ재정지원"  # type: ignore[union-attr]


def test_hierarchy_is_consistent(book: CodeBook) -> None:
    for code in book.object_codes():
        assert code.parent == code.code[:3]
        assert book.object_group(code.parent) is not None
    for code in book.revenue_items("목"):
        assert code.parent == code.code[:3]
        assert book.revenue_item(code.parent).level == "항"  # type: ignore[union-attr]
    for sector in book.sectors():
        assert book.function(sector.parent) is not None  # type: ignore[arg-type]


# -- names -------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("시ㆍ군조정교부금", "308-04"),
        ("시·군조정교부금", "308-04"),
        ("시군 조정교부금", "308-04"),
        ("시・군・구 교육비특별회계법정전출금", "308-10"),
        ("시군구교육비특별회계 법정전출금", "308-10"),
        (" 사무관리비 ", "201-01"),
        ("재료비", "206-01"),  # 통계목 wins over 편성목 of the same name
        ("공무원교육여비", "202-05"),
    ],
)
def test_find_object_by_name(book: CodeBook, query: str, expected: str) -> None:
    found = book.find_object_by_name(query)
    assert found is not None
    assert found.code == expected


def test_find_object_by_name_level_and_miss(book: CodeBook) -> None:
    assert book.find_object_by_name("재료비", level="편성목").code == "206"  # type: ignore[union-attr]
    assert book.find_object_by_name("일반운영비").code == "201"  # type: ignore[union-attr]
    assert book.find_object_by_name("없는 비목") is None


def test_normalise_name_examples() -> None:
    assert normalise_name("시ㆍ군·구 교육") == normalise_name("시군구교육")
    assert CodeBook.normalise_name("Ａ B") == "ab"


@given(st.text())
def test_normalise_name_is_idempotent(s: str) -> None:
    once = normalise_name(s)
    assert normalise_name(once) == once


@given(st.lists(st.sampled_from(["ㆍ", "·", " ", "\t", "・"]), max_size=4))
def test_dots_and_spaces_never_matter(noise: list[str]) -> None:
    name = "통장" + "".join(noise) + "이장ㆍ반장활동보상금"
    assert normalise_name(name) == normalise_name("통장이장반장활동보상금")


# -- governments -------------------------------------------------------------------------------
def test_known_governments() -> None:
    assert known_government("6110000") == "서울특별시"
    assert known_government("5690000") == "세종특별자치시"
    assert known_government("3000000") == "서울특별시 종로구"
    assert known_government("6520000") == "서귀포시"
    assert known_government("1234567") is None
    assert known_government("611000") is None


def test_government_list_has_only_domain_codes() -> None:
    rows = _rows("governments.csv")
    assert sum(r["level"] == "시도" for r in rows) == 17
    assert all(is_valid_government_code(r["code"]) for r in rows)
    names = {r["name"] for r in rows}
    assert not any(n.endswith(" 동구") or n == "동구" for n in names)  # 인천 동구: not in DOMAIN


@pytest.mark.parametrize("code", ["6110000", "0000000", "3500000"])
def test_valid_government_code(code: str) -> None:
    assert is_valid_government_code(code)


@pytest.mark.parametrize(
    "code", ["611000", "61100000", "611000a", "", " 6110000", "６１１００００"]
)
def test_invalid_government_code(code: str) -> None:
    assert not is_valid_government_code(code)


def test_government_code_must_be_a_string() -> None:
    assert not is_valid_government_code(6110000)  # type: ignore[arg-type]


# -- validation --------------------------------------------------------------------------------
def test_object_code_message_names_the_field() -> None:
    with pytest.raises(CodeError) as err:
        validate_object_code("2010-1")
    assert err.value.message == "통계목 코드 '2010-1' 형식이 올바르지 않습니다 (예: 201-01)"
    assert err.value.field == "통계목"
    assert err.value.code == "invalid_code"


@pytest.mark.parametrize("code", ["201-01", "802-03"])
def test_valid_object_codes(code: str) -> None:
    validate_object_code(code)


@pytest.mark.parametrize("code", ["20101", "201-1", "201_01", " 201-01", "201-01 "])
def test_invalid_object_codes(code: str) -> None:
    with pytest.raises(CodeError):
        validate_object_code(code)


def test_other_validators() -> None:
    validate_function_code("080")
    validate_object_group_code("201")
    validate_revenue_code("11102")
    validate_revenue_code("111")
    for bad in ("80", "0800", 80):
        with pytest.raises(CodeError, match="예: 080"):
            validate_function_code(bad)  # type: ignore[arg-type]
    for bad in ("1110", "111021", "11-102"):
        with pytest.raises(CodeError, match="세입과목"):
            validate_revenue_code(bad)


def test_require_lookups(book: CodeBook) -> None:
    assert book.require_object_code("201-01").name == "사무관리비"
    assert book.require_sector("081").name == "기초생활보장"
    assert book.require_revenue_item("11104").name == "재산세"
    with pytest.raises(CodeError, match="2024년 코드 목록에 없습니다"):
        book.require_object_code("201-99")
    with pytest.raises(CodeError, match="형식"):
        book.require_object_code("20199")
