"""Every fact of shared/data/README.md, read back through GET /budget-versions/{id}/summary
after importing the real 인천 동구 2024 books over HTTP, on SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

import pytest

from tests.server.imports.realdata import Imported, donggu

pytestmark = pytest.mark.realdata
__all__ = ["donggu"]

TOTAL = 325_885_486
ACCOUNTS = {
    "100": ("일반회계", 319_874_625),
    "225": ("주차장", 5_107_874),
    "210": ("발전소주변지역 지원사업", 655_959),
    "215": ("의료급여기금", 247_028),
}
SOURCES = [
    "국고보조금", "균특보조금", "기금보조금", "특별교부세", "분권교부세", "지방소멸대응기금",
    "광역보조금", "특별조정교부금", "자체재원", "시책추진금", "지방채", "기타",
]  # fmt: skip
SUBSIDIES = {"국고보조금", "균특보조금", "기금보조금", "광역보조금"}


@pytest.fixture(scope="module")
def summary(donggu: Imported) -> dict[str, Any]:
    resp = donggu.client.get(
        f"/api/v1/budget-versions/{donggu.version_id}/summary", headers=donggu.headers
    )
    assert resp.status_code == 200, resp.text
    body: dict[str, Any] = resp.json()
    return body


def test_one_version_for_both_books(donggu: Imported, summary: dict[str, Any]) -> None:
    exp, rev = donggu.results
    assert exp["version_id"] == rev["version_id"]
    assert (exp["version_created"], rev["version_created"]) == (True, False)
    assert (exp["book_kind"], rev["book_kind"]) == ("세출", "세입")
    assert (exp["row_count"], rev["row_count"]) == (5_475, 879)
    assert exp["warnings"] == [] and exp["local_codes"] == [] and rev["local_codes"] == []
    assert exp["flagged_items"] == 2 and rev["flagged_items"] == 0
    assert (summary["fiscal_year"], summary["kind"], summary["state"]) == (2024, "본예산", "성립")


def test_totals_both_sides(summary: dict[str, Any]) -> None:
    assert summary["expenditure_total"] == TOTAL
    assert summary["revenue_total"] == TOTAL


def test_each_account_balances(summary: dict[str, Any]) -> None:
    exp = {a["code"]: (a["name"], a["amount"]) for a in summary["expenditure_by_account"]}
    rev = {a["code"]: (a["name"], a["amount"]) for a in summary["revenue_by_account"]}
    assert exp == ACCOUNTS
    assert rev == ACCOUNTS
    assert {b["code"]: b["balance"] for b in summary["balance_by_account"]} == dict.fromkeys(
        ACCOUNTS, 0
    )


def test_subsidies_equal_revenue_chapter_500(summary: dict[str, Any]) -> None:
    funding = summary["expenditure_by_funding"]
    assert [f["name"] for f in funding] == SOURCES
    assert [f["code"] for f in funding] == [f"{i:02d}" for i in range(1, 13)]
    assert {f["name"] for f in funding if f["is_subsidy"]} == SUBSIDIES
    assert sum(f["amount"] for f in funding) == TOTAL
    assert summary["subsidy_total"] == 138_865_246
    chapters = {c["code"]: c for c in summary["revenue_by_chapter"]}
    assert chapters["500"]["amount"] == 138_865_246
    assert chapters["500"]["name"] == "보조금"
    assert sum(c["amount"] for c in chapters.values()) == TOTAL


def test_funding_split_sums_to_amount_on_every_line(summary: dict[str, Any]) -> None:
    assert summary["lines_with_funding_mismatch"] == 0


def test_counts_by_name_and_by_department(summary: dict[str, Any]) -> None:
    counts = summary["counts"]
    assert counts["departments"] == 38
    assert counts["objects"] == 86
    assert counts["policy"] == {"by_name": 122, "by_department": 133}
    assert counts["unit"] == {"by_name": 247, "by_department": 259}
    assert counts["detail"] == {"by_name": 818, "by_department": 847}
    assert counts["basis_items"] == 5_475 + 879


def test_every_parent_is_the_sum_of_its_children(summary: dict[str, Any]) -> None:
    exp, rev = summary["expenditure_basis"], summary["revenue_basis"]
    assert exp["parent_groups"] == 496
    assert exp["parents_equal_to_children"] == 496 and exp["parent_mismatches"] == []
    assert rev["parent_groups"] == 25
    assert rev["parents_equal_to_children"] == 25 and rev["parent_mismatches"] == []


def test_every_plain_formula_reproduces_its_amount(summary: dict[str, Any]) -> None:
    exp, rev = summary["expenditure_basis"], summary["revenue_basis"]
    assert exp["plain_formulas"] == exp["formulas_reproducing_amount"] == 4_977
    assert exp["formula_mismatches"] == []
    assert rev["plain_formulas"] == rev["formulas_reproducing_amount"] == 854
    assert rev["formula_mismatches"] == []


def test_exactly_two_formulas_are_kept_verbatim_and_flagged(summary: dict[str, Any]) -> None:
    flagged = summary["expenditure_basis"]["flagged"]
    assert sorted((f["formula"], f["amount"]) for f in flagged) == [
        ("1,500,000원(최대금액)*30명*12월", 540_000),
        ("9 680,000원*3명", 29_040),
    ]
    assert all(f["flag"].startswith("계산할 수 없는 산출근거식") for f in flagged)
    assert summary["revenue_basis"]["flagged"] == []


def test_base_amounts_are_zero_everywhere(summary: dict[str, Any]) -> None:
    assert summary["base_amounts"] == {
        "expenditure_total": 0,
        "revenue_total": 0,
        "funding_total": 0,
        "nonzero_lines": 0,
    }
