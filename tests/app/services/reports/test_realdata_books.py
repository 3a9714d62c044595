"""The 인천 동구 2024 books imported into a real server (``import-budget``) and rendered through
the client path: totals in the PDF text, fonts embedded, pages not blank; the XLSX round-trip
is a no-op, one edited cell is one change, and the export reads back through the server's
reader. The full books render once per module."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.services.reports.data import NullJob, fetch
from tests.app.services.reports.realserver import GOV_NAME, donggu_server
from tests.conftest import real_data_file

pytestmark = [pytest.mark.realdata, pytest.mark.slow]

ACCOUNTS = ("319,874,625", "5,107,874", "655,959", "247,028")
TOTAL = "325,885,486"


@pytest.fixture(scope="module")
def books(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    files = [real_data_file("expenditure.xlsx"), real_data_file("revenue.xlsx")]
    for tool in ("pdftotext", "pdffonts", "pdftoppm"):
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} is missing: apt-get install poppler-utils (dev.py does)")
    tmp = tmp_path_factory.mktemp("books")
    with donggu_server(tmp / "server", files) as server:
        api = server.api()
        version = api.versions(2024)[0]
        data = fetch(api, version.id, NullJob(), revenue=True)
        from app.services.reports.budget_book import render_expenditure_book
        from app.services.reports.revenue_book import render_revenue_book

        out = {"data": data, "api": api, "version": version, "tmp": tmp}
        out["pages"] = render_expenditure_book(data, tmp / "세출.pdf", NullJob())
        out["revenue_pages"] = render_revenue_book(data, tmp / "세입.pdf", NullJob())
        yield out


def _text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_expenditure_book_has_every_total(books: dict[str, Any]) -> None:
    text = _text(books["tmp"] / "세출.pdf")
    for amount in (*ACCOUNTS, TOTAL):
        assert amount in text
    assert "총계" in text and "일반회계" in text and "의료급여기금" in text
    # a sample of 세부사업 amounts (from the real book)
    details = {}
    for line in books["data"].lines:
        details[line.program_id] = details.get(line.program_id, 0) + line.amount
    sample = sorted(details.items(), key=lambda kv: kv[1])[:: max(1, len(details) // 12)]
    for pid, amount in sample:
        name = books["data"].programs[pid].name
        assert f"세부사업 {name}" in text.replace("\n", " ") or name[:10] in text
        assert f"{amount:,}" in text
    assert books["pages"] > 100


def test_cover_names_the_government_from_the_server(books: dict[str, Any]) -> None:
    assert books["api"].government().name == GOV_NAME
    cover = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", str(books["tmp"] / "세출.pdf"), "-"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    assert GOV_NAME in cover and "기관코드" not in cover
    assert books["data"].title("세출예산서").startswith(f"2024년도 {GOV_NAME} ")


def test_revenue_book_has_every_total(books: dict[str, Any]) -> None:
    text = _text(books["tmp"] / "세입.pdf")
    for amount in (*ACCOUNTS, TOTAL, "138,865,246", "26,422,000"):
        assert amount in text


def test_fonts_are_embedded_and_metadata_set(books: dict[str, Any]) -> None:
    for name in ("세출.pdf", "세입.pdf"):
        path = books["tmp"] / name
        fonts = subprocess.run(
            ["pdffonts", str(path)], capture_output=True, text=True, check=True
        ).stdout.splitlines()[2:]
        assert fonts, "no fonts"
        for row in fonts:
            assert " yes " in row and "TrueType" in row, row
        info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
        assert "예산서" in info and "Hojo Desk" in info
        raw = path.read_bytes()
        assert b"/Lang" in raw and b"/Outlines" in raw


def test_pages_render_to_non_blank_images(books: dict[str, Any]) -> None:
    from PIL import Image

    out = books["tmp"] / "page"
    subprocess.run(
        ["pdftoppm", "-r", "40", "-f", "1", "-l", "4", "-png", str(books["tmp"] / "세출.pdf"),
         str(out)], check=True,
    )  # fmt: skip
    images = sorted(books["tmp"].glob("page*.png"))
    assert len(images) == 4
    for image in images:
        lo, hi = Image.open(image).convert("L").getextrema()
        assert lo < 128 < hi, image


def test_xlsx_round_trip_is_a_noop_and_one_edit_is_one_change(books: dict[str, Any]) -> None:
    from openpyxl import load_workbook

    from app.services.reports.xlsx_export import write_csv, write_xlsx
    from app.services.reports.xlsx_import import preview_import, read_rows

    data, tmp = books["data"], books["tmp"]
    path = tmp / "export.xlsx"
    write_xlsx(data, path, NullJob())
    preview = preview_import(read_rows(path), data)
    assert preview.is_noop and preview.rows_read == 5_475
    csv_path = tmp / "export.csv"
    write_csv(data, csv_path, NullJob())
    assert preview_import(read_rows(csv_path), data).is_noop

    wb = load_workbook(path)
    ws = wb["세출"]
    header = [c.value for c in ws[1]]
    col = header.index("산출근거식") + 1
    row = next(r for r in range(3, ws.max_row) if ws.cell(r, col).value)
    ws.cell(row, col).value = str(ws.cell(row, col).value) + "*2"
    amount = header.index("예산액") + 1
    bad_row = ws.max_row
    ws.cell(bad_row, amount).value = "열두"
    edited = tmp / "edited.xlsx"
    wb.save(edited)
    preview = preview_import(read_rows(edited), data)
    assert [c.kind for c in preview.changes] == ["changed"]
    assert [p.row for p in preview.problems] == [bad_row]


def test_export_reads_back_through_the_server_reader(books: dict[str, Any]) -> None:
    from app.services.reports.xlsx_export import write_xlsx
    from server.budget_import import read_book

    path = books["tmp"] / "server.xlsx"
    write_xlsx(books["data"], path, NullJob())
    book = read_book(path)
    totals: dict[str, int] = {}
    for r in book.rows:
        if not r.label.startswith(" "):
            totals[r.account_code] = totals.get(r.account_code, 0) + r.amount
            assert sum(r.funds.values()) == r.amount
    assert sum(totals.values()) == 325_885_486
    assert f"{totals['100']:,}" == ACCOUNTS[0]
