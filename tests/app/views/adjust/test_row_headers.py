"""The 조정·의결 lines table names its rows (세부사업 + 통계목, 세입: the 세입 item), never
empty or "1, 2, 3" — also after sorting and filtering; the audit passes on both kinds, with
Qt's accessibility active as under a screen reader (after 세출 → 세입 the table has its 7
column headers, not the 9 of 세출: tests/a11y reads the same over AT-SPI)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.a11y import assert_accessible
from app.models.budget_lines_model import LineColumn
from app.views.adjust.adjust_page import AdjustPage
from domain.contracts.budget import ExpenditureLineOut
from tests.app.a11y.screen_reader import screen_reader_active
from tests.app.views.adjust.harness import MakeContext


def headers(page: AdjustPage) -> list[str]:
    model = page.table.model()
    return [
        str(model.headerData(row, Qt.Orientation.Vertical, Qt.ItemDataRole.DisplayRole) or "")
        for row in range(model.rowCount())
    ]


def test_adjust_rows_are_named_by_program_and_object(
    qtbot: QtBot, make_context: MakeContext
) -> None:
    with screen_reader_active():
        check_rows_and_kinds(qtbot, make_context)


def check_rows_and_kinds(qtbot: QtBot, make_context: MakeContext) -> None:
    page = AdjustPage(make_context("demo-budget-office"))
    page.setWindowTitle(page.accessibleName())  # alone here; in the app it sits in the window
    qtbot.addWidget(page)
    page.show()
    page.activate()
    assert page.data is not None and page.model.rowCount() > 0
    data = page.data
    for row, header in enumerate(headers(page)):
        line = page.model.line(row)
        assert isinstance(line, ExpenditureLineOut)
        program = data.program_names[line.program_id]
        assert header.startswith(program) and line.object_code in header, header
    assert_accessible(page)

    page.table.sortByColumn(page.model.column_of(LineColumn.AMOUNT), Qt.SortOrder.DescendingOrder)
    page.filter.setText("운영")
    page.apply_pending_filter()  # (the 찾기 waits for a typing pause)
    assert headers(page) and all(headers(page))
    for row, header in enumerate(headers(page)):
        line = page.model.line(row)
        assert isinstance(line, ExpenditureLineOut) and line.object_code in header

    page.filter.clear()
    page.apply_pending_filter()
    page.kind.setCurrentIndex(page.kind.findData("revenue"))
    revenue = headers(page)
    assert revenue and all(h.strip() and not h.strip().isdigit() for h in revenue)
    assert page.model.columnCount() == 7
    assert_accessible(page)  # 7 named column headers (was skipped: 9, two empty)
    page.kind.setCurrentIndex(page.kind.findData("expenditure"))
    assert page.model.columnCount() == 9
    assert_accessible(page)
