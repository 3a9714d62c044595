"""The Excel round-trip through the reports operations against a real demo server child, as the
demo 부서 예산담당 (복지정책과) in next year's 본예산(안) (작성중):

- 세출: export → import unchanged is a no-op; one edited cell is exactly one change; a deleted
  row is exactly one removal and accepting deletes that line on the server; another 부서's
  line missing from the file is not deleted (listed with the reason);
- 세입: the same for the 세입 sheet (장/관/항/목 with 산출근거): no-op, one edited 산출근거식 is one
  change written to the server, a deleted row removes the line, a bad 목 names its row.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from app.operations import reports as ops
from app.services.reports.data import NullJob
from app.services.reports.generate import ReportRequest, generate
from tests.app.views.adjust.harness import demo_server, make_context

__all__ = ["demo_server", "make_context"]

pytestmark = pytest.mark.slow
OWN = "복지정책과"


def _run(op: Any, *args: Any) -> Any:
    """Run an operation (the test context runs tasks inline) and return what it gave."""
    got: list[Any] = []
    errors: list[BaseException] = []
    op(*args, got.append, errors.append)
    assert not errors, errors
    assert len(got) == 1
    return got[0]


def _export(ctx: Any, version_id: Any, path: Path, report: str) -> Path:
    generate(ctx.api, ReportRequest(report, path, version_id, "xlsx"), NullJob())  # type: ignore[arg-type]
    return path


def _rows_where(path: Path, **wanted: str) -> list[int]:
    ws = load_workbook(path).worksheets[0]
    header_row = next(r for r in range(1, 4) if "산출근거식" in [c.value for c in ws[r]])
    header = [c.value for c in ws[header_row]]
    return [
        r for r in range(header_row + 1, ws.max_row + 1)
        if all(str(ws.cell(r, header.index(k) + 1).value or "").strip() == v
               for k, v in wanted.items())
    ]  # fmt: skip


def _edit(
    path: Path,
    out: Path,
    *,
    delete: list[int] | None = None,
    cells: dict[tuple[int, str], Any] | None = None,
) -> Path:
    wb = load_workbook(path)
    ws = wb.worksheets[0]
    header_row = next(r for r in range(1, 4) if "산출근거식" in [c.value for c in ws[r]])
    header = [c.value for c in ws[header_row]]
    for (row, name), value in (cells or {}).items():
        ws.cell(row, header.index(name) + 1).value = value
    for row in sorted(delete or [], reverse=True):
        ws.delete_rows(row)
    wb.save(out)
    return out


def _draft_version(ctx: Any) -> Any:
    return next(v for v in ctx.api.versions() if v.state == "작성중")


def test_expenditure_round_trip_removal_reaches_the_server(
    make_context: Any, tmp_path: Path
) -> None:
    ctx = make_context("demo-dept-budget")
    version = _draft_version(ctx)
    book = _export(ctx, version.id, tmp_path / "세출.xlsx", "budget-book")
    same = _run(ops.preview_import, ctx, version.id, book)
    assert same.is_noop and same.book == "세출" and same.rows_read > 0

    formula_row = _rows_where(book, 부서명=OWN, 세부사업명="긴급복지 지원")[0]
    edited = _edit(
        book,
        tmp_path / "edited.xlsx",
        cells={(formula_row, "산출근거식"): "1,000,000원*40가구*3월"},
    )
    one = _run(ops.preview_import, ctx, version.id, edited)
    assert [(c.kind, c.key.text()) for c in one.changes] == [
        ("changed", f"100 {OWN} / 긴급복지 지원 / 301-01")
    ]

    own_rows = _rows_where(book, 부서명=OWN, 세부사업명="동 행정복지센터 운영")
    assert len(own_rows) == 1
    lines = ctx.api.expenditure_lines(version.id)
    own = ctx.api.me().department_id
    target = next(
        line for line in lines
        if line.object_code == "201-02" and line.department_id == own
        and ctx.api.program(line.program_id).name == "동 행정복지센터 운영"
    )  # fmt: skip
    removed = _run(
        ops.preview_import, ctx, version.id, _edit(book, tmp_path / "removed.xlsx", delete=own_rows)
    )
    assert [c.kind for c in removed.changes] == ["removed"]
    assert removed.changes[0].line.id == target.id and not removed.problems
    applied = _run(ops.accept_import, ctx, version.id, removed)
    assert (applied.deleted, applied.saved, applied.skipped) == (1, 0, [])
    assert target.id not in {line.id for line in ctx.api.expenditure_lines(version.id)}

    # another 부서's line missing from the file: listed with the reason, not deleted
    book = _export(ctx, version.id, tmp_path / "세출2.xlsx", "budget-book")
    other_rows = _rows_where(book, 세부사업명="보도 정비")
    other = _run(
        ops.preview_import, ctx, version.id, _edit(book, tmp_path / "other.xlsx", delete=other_rows)
    )
    assert [c.kind for c in other.changes] == ["removed"]
    kept = other.changes[0].line
    refused = _run(ops.accept_import, ctx, version.id, other)
    assert refused.deleted == 0 and len(refused.skipped) == 1
    assert "다른 부서" in refused.skipped[0] and "보도 정비" in refused.skipped[0]
    assert kept.id in {line.id for line in ctx.api.expenditure_lines(version.id)}


def test_revenue_round_trip(make_context: Any, tmp_path: Path) -> None:
    ctx = make_context("demo-dept-budget")
    version = _draft_version(ctx)
    book = _export(ctx, version.id, tmp_path / "세입.xlsx", "revenue-book")
    same = _run(ops.preview_import, ctx, version.id, book)
    assert same.is_noop and same.book == "세입" and same.rows_read == 5

    national = _rows_where(book, 부서명=OWN, 목="51101")
    assert len(national) == 1
    edited = _edit(
        book, tmp_path / "edited.xlsx", cells={(national[0], "산출근거식"): "20,000,000원"}
    )
    one = _run(ops.preview_import, ctx, version.id, edited)
    assert [(c.kind, c.key.text(), c.after) for c in one.changes] == [
        ("changed", f"세입 100 {OWN} / 51101", 20_000)
    ]
    line_id = one.changes[0].line.id
    applied = _run(ops.accept_import, ctx, version.id, one)
    assert (applied.written, applied.skipped) == (1, [])
    assert ctx.api.revenue_line(line_id).amount == 20_000
    again = _export(ctx, version.id, tmp_path / "again.xlsx", "revenue-book")
    assert _run(ops.preview_import, ctx, version.id, again).is_noop

    regional = _rows_where(again, 부서명=OWN, 목="52101")
    bad = _rows_where(again, 부서명="세무과", 목="11104")
    changed = _edit(again, tmp_path / "removed.xlsx", delete=regional,
                    cells={(bad[0], "목"): "1110"})  # fmt: skip
    preview = _run(ops.preview_import, ctx, version.id, changed)
    assert [(c.kind, c.key.text()) for c in preview.changes] == [
        ("removed", f"세입 100 {OWN} / 52101")
    ]  # 세무과's line with the unreadable 목 is not taken as removed
    assert [p.row for p in preview.problems] == [bad[0] - (1 if regional[0] < bad[0] else 0)]
    assert "목 코드" in preview.problems[0].reason
    gone = preview.changes[0].line.id
    applied = _run(ops.accept_import, ctx, version.id, preview)
    assert applied.deleted == 1
    assert gone not in {line.id for line in ctx.api.revenue_lines(version.id)}
