"""Small generated xlsx books for the importer tests (openpyxl, written to tmp_path)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import openpyxl
import pytest

Cell = object
MakeXlsx = Callable[..., Path]

#: 세출 header of the real 인천 동구 export, without the 재원 groups.
EXP_BASE = [
    "회계연도", "예산구분", "분야명", "부문명", "위원회명", "정책사업명", "단위사업명", "회계코드",
    "회계명", "세부사업명", "자체보조구분명", "부서명", "편성목", "편성목명", "통계목", "통계목명",
    "산출근거명", "산출근거식", "예산액", "기정액", "비교증감",
]  # fmt: skip

REV_HEADER = [
    "회계연도", "예산구분명", "예산확정일자", "부서코드", "부서명", "회계구분", "회계명", "장",
    "장명", "관", "관명", "항", "항명", "목", "목명", "산출근거", "산출근거식", "레벨금액",
    "예산액", "기정액", "증감액",
]  # fmt: skip


def exp_values(label: str, formula: str | None, amount: Cell, **over: Cell) -> dict[str, Cell]:
    """One 세출 row as header → value (defaults: 2024 본예산, 일반회계, 201-01)."""
    row: dict[str, Cell] = {
        "회계연도": "2024", "예산구분": "본예산", "분야명": "일반공공행정", "부문명": "일반행정",
        "위원회명": "기획행정위원회", "정책사업명": "행정운영경비", "단위사업명": "기본경비",
        "회계코드": "100", "회계명": "일반회계", "세부사업명": "기본경비", "자체보조구분명": "자체",
        "부서명": "총무과", "편성목": "201", "편성목명": "일반운영비", "통계목": "201-01",
        "통계목명": "사무관리비", "산출근거명": label, "산출근거식": formula, "예산액": amount,
        "기정액": 0, "비교증감": amount,
    }  # fmt: skip
    row.update(over)
    return row


def write_xlsx(path: Path, rows: Sequence[Sequence[Cell]], merge: Sequence[str] = ()) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    for row in rows:
        ws.append(list(row))
    for cells in merge:
        ws.merge_cells(cells)
    wb.save(path)
    return path


@pytest.fixture
def make_xlsx(tmp_path: Path) -> MakeXlsx:
    """make_xlsx(rows, merge=(), name="book.xlsx") → path of a one-sheet xlsx."""

    def make(
        rows: Sequence[Sequence[Cell]], merge: Sequence[str] = (), name: str = "b.xlsx"
    ) -> Path:
        return write_xlsx(tmp_path / name, rows, merge)

    return make


def table(header: Sequence[str], records: Sequence[dict[str, Cell]]) -> list[list[Cell]]:
    """Rows for ``header`` from dicts keyed by header name (missing keys → empty cell)."""
    return [list(header), *([rec.get(h) for h in header] for rec in records)]
