"""세부사업설명서 against a demo server child: each 세부사업's page prints the 사업목적 the
server holds (the demo's, and one written through the API), and "사업목적 미입력" on the page
of a 세부사업 whose purpose was cleared; the XLSX and CSV (its accessible form) carry the same
사업목적 on every row of each 세부사업, under one header row, for the same 세부사업 as the PDF,
and both read back through the Excel round-trip as no change."""

from __future__ import annotations

import csv
import re
import shutil
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from openpyxl.utils import get_column_letter

from app.services.reports.data import NullJob, fetch
from app.services.reports.generate import FORMATS, ReportRequest, ReportResult, generate
from app.services.reports.layout import EXPENDITURE_COLUMNS
from app.services.reports.project_sheet import NO_PURPOSE
from app.services.reports.project_sheet_table import SHEET_COLUMNS
from app.services.reports.xlsx_import import ImportPreview, preview_import, read_rows
from domain.contracts.structure import ProgramPurposeUpdate
from server.demo import _PURPOSES
from tests.app.views.budget.harness import make_context, server_process

pytestmark = pytest.mark.slow

WRITTEN = "보행 약자가 안심하고 걷는 보도를 만든다."


@dataclass
class Made:
    pdf: Path
    xlsx: Path
    csv: Path
    results: dict[str, ReportResult]
    round_trip: dict[str, ImportPreview]  # the XLSX and the CSV read back against the version


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Made:
    """The 세부사업설명서 in all three formats, after one purpose was cleared and one written."""
    tmp = tmp_path_factory.mktemp("project_sheet")
    with server_process(tmp / "server") as server:
        ctx = make_context(server.url, tmp / "client", login="demo-budget-office")
        try:
            api = ctx.api
            version = next(v for v in api.versions() if v.state == "작성중")
            details = {p.name: p for p in api.programs(version.fiscal_year, level="세부")}
            cleared, rewritten = details["긴급복지 지원"], details["보도 정비"]
            api.set_program_purpose(cleared.id, ProgramPurposeUpdate(purpose=""), cleared.version)
            api.set_program_purpose(
                rewritten.id, ProgramPurposeUpdate(purpose=WRITTEN), rewritten.version
            )
            results: dict[str, ReportResult] = {}
            for fmt in FORMATS:
                out = tmp / f"세부사업설명서.{fmt}"
                request = ReportRequest("project-sheet", out, version.id, format=fmt)
                results[fmt] = generate(api, request, NullJob())
            data = fetch(api, version.id, NullJob())
            round_trip = {
                fmt: preview_import(read_rows(tmp / f"세부사업설명서.{fmt}"), data)
                for fmt in ("xlsx", "csv")
            }
        finally:
            ctx.tasks.shutdown()
            ctx.session.transport.close()
    return Made(
        tmp / "세부사업설명서.pdf", tmp / "세부사업설명서.xlsx", tmp / "세부사업설명서.csv",
        results, round_trip,
    )  # fmt: skip


def _pages(path: Path) -> list[str]:
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return [re.sub(r"\s+", " ", page) for page in text.split("\f")]


def _expected(department: str, detail: str) -> str:
    """The 사업목적 each report must show after the fixture's two writes."""
    if detail == "긴급복지 지원":
        return NO_PURPOSE
    if detail == "보도 정비":
        return WRITTEN
    return _PURPOSES[(department, detail)]


def test_purpose_printed_on_each_detail_page(made: Made) -> None:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is missing: apt-get install poppler-utils (dev.py does)")
    pages = _pages(made.pdf)
    assert made.results["pdf"].pages == len([p for p in pages if p.strip()])

    def page_of(name: str) -> str:
        found = [p for p in pages if f"세부사업설명서: {name}" in p]
        assert found, name
        return " ".join(found)

    assert NO_PURPOSE in page_of("긴급복지 지원")
    assert WRITTEN in page_of("보도 정비") and NO_PURPOSE not in page_of("보도 정비")
    kept = _PURPOSES[("총무과", "인력운영비")]
    assert kept in page_of("인력운영비")
    assert sum(NO_PURPOSE in p for p in pages) == 1


def _xlsx_rows(path: Path) -> tuple[list[str], list[Any], list[list[object]]]:
    """(sheet titles, tables of the first sheet, its rows)."""
    from openpyxl import load_workbook

    wb = load_workbook(str(path))
    ws = wb.worksheets[0]
    rows: list[list[object]] = [list(r) for r in ws.iter_rows(values_only=True)]
    return wb.sheetnames, list(ws.tables.values()), rows


def _by_name(header: list[str], rows: Sequence[Sequence[object]]) -> list[dict[str, str]]:
    return [{h: "" if v is None else str(v) for h, v in zip(header, r, strict=True)} for r in rows]


def test_xlsx_has_the_purpose_of_each_detail_under_one_header(made: Made) -> None:
    sheets, tables, rows = _xlsx_rows(made.xlsx)
    assert sheets == ["세부사업설명서"]
    header = [str(v) for v in rows[0]]
    assert header == project_sheet_header_names(header)
    body = _by_name(header, rows[1:])
    assert body and made.results["xlsx"].rows == len(body)
    # one Excel table over the header and every row: a screen reader names each cell's column
    assert [t.ref for t in tables] == [f"A1:{get_column_letter(len(header))}{len(rows)}"]
    assert [c.name for c in tables[0].tableColumns] == header
    # every row says what its 세부사업 is for: the demo's text, the written one, or 미입력
    for row in body:
        assert row["사업목적"] == _expected(row["부서명"], row["세부사업명"]), row
    purposes = {(r["부서명"], r["세부사업명"]): r["사업목적"] for r in body}
    assert purposes[("복지정책과", "긴급복지 지원")] == NO_PURPOSE
    assert purposes[("건설과", "보도 정비")] == WRITTEN
    assert purposes[("총무과", "인력운영비")] == _PURPOSES[("총무과", "인력운영비")]
    assert sum(p == NO_PURPOSE for p in purposes.values()) == 1
    # the 세부사업 amount is the sum of its lines' top-level 산출근거 rows
    for key in purposes:
        mine = [r for r in body if (r["부서명"], r["세부사업명"]) == key]
        top = sum(int(r["예산액"]) for r in mine if not r["산출근거명"].startswith(" "))
        assert {int(r["세부사업 예산액"]) for r in mine} == {top}, key
    # the same 세부사업 as the PDF's pages, and the file reads back as no change
    if shutil.which("pdftotext") is not None:
        titles = re.findall(r"세부사업설명서: (.+?) 회계", " ".join(_pages(made.pdf)))
        assert sorted(titles) == sorted(name for _dept, name in purposes)
    assert made.round_trip["xlsx"].is_noop, [c.text() for c in made.round_trip["xlsx"].changes]


def test_csv_is_the_same_table(made: Made) -> None:
    with made.csv.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    _sheets, _tables, xlsx = _xlsx_rows(made.xlsx)
    header = rows[0]
    assert header == [str(v) for v in xlsx[0]]
    body = _by_name(header, rows[1:])
    assert made.results["csv"].rows == len(body) == len(xlsx) - 1
    assert body == _by_name(header, xlsx[1:])
    for row in body:
        assert row["사업목적"] == _expected(row["부서명"], row["세부사업명"]), row
    assert {r["사업목적"] for r in body if r["세부사업명"] == "긴급복지 지원"} == {NO_PURPOSE}
    assert {r["사업목적"] for r in body if r["세부사업명"] == "보도 정비"} == {WRITTEN}
    assert made.round_trip["csv"].is_noop, [c.text() for c in made.round_trip["csv"].changes]


def project_sheet_header_names(header: list[str]) -> list[str]:
    """What the header must be: the 세출 columns, the 세부사업's own after 부서명, then 재원."""
    at = list(EXPENDITURE_COLUMNS).index("부서명") + 1
    funds = header[len(EXPENDITURE_COLUMNS) + len(SHEET_COLUMNS) :]
    assert funds and all(re.fullmatch(r".+_(경정|기정|증감)", f) for f in funds), funds
    return [*EXPENDITURE_COLUMNS[:at], *SHEET_COLUMNS, *EXPENDITURE_COLUMNS[at:], *funds]
