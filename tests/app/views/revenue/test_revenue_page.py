"""The 세입 page against a real demo server child: lines per 부서, 산출근거 edited by keyboard
and saved, read back from the server; a bad formula is refused with its position."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from app.a11y import assert_accessible
from app.a11y.announce import recording
from app.views.revenue.revenue_page import RevenuePage
from tests.app.views.adjust.harness import MakeContext

pytestmark = pytest.mark.slow


def type_text(field: QLineEdit, text: str) -> None:
    """Replace the text by keyboard; Hangul comes as an IME commit (QTest knows Latin-1)."""
    field.setFocus()
    field.selectAll()
    QTest.keyClick(field, Qt.Key.Key_Delete)
    for char in text:
        if char.isascii():
            QTest.keyClicks(field, char)
        else:
            event = QInputMethodEvent()
            event.setCommitString(char)
            QApplication.sendEvent(field, event)


def open_page(qtbot: QtBot, make_context: MakeContext, login: str) -> RevenuePage:
    page = RevenuePage(make_context(login))
    page.setWindowTitle(page.accessibleName())
    qtbot.addWidget(page)
    page.show()
    page.activate()
    return page


def test_edit_and_save_revenue_basis(qtbot: QtBot, make_context: MakeContext) -> None:
    page = open_page(qtbot, make_context, "demo-dept-budget")
    api = page.ctx.api
    assert page.data is not None and page.data.detail.state == "작성중"
    assert_accessible(page)
    welfare = page.department.findText("복지정책과")
    assert welfare > 0
    page.department.setCurrentIndex(welfare)
    assert page.model.rowCount() == 2  # 국고보조금, 시ㆍ도비보조금
    line = next(r for r in page.data.revenue if r.item_code == "51101")
    assert page.select_line(line.id)
    assert page.save_button.isEnabled()

    page.editor.tree.setFocus()
    type_text(page.editor.formula_edit, "1,000,000원*12월")
    with recording() as said:
        QTest.keyClick(page.save_button, Qt.Key.Key_Space)
    saved = api.revenue_line(line.id)
    assert saved.amount == 12_000
    assert any("12,000천원" in a.text for a in said)
    assert "12,000천원" in page.message.text()
    assert_accessible(page)

    type_text(page.editor.formula_edit, "1,000원××3")
    with recording() as said:
        QTest.keyClick(page.save_button, Qt.Key.Key_Space)
    assert any(a.assertive for a in said)
    assert "저장하지 않았습니다" in page.message.text()
    assert api.revenue_line(line.id).amount == 12_000


def test_other_department_and_past_versions_are_read_only(
    qtbot: QtBot, make_context: MakeContext
) -> None:
    page = open_page(qtbot, make_context, "demo-budget-office")
    assert page.data is not None
    assert not page.save_button.isEnabled()  # 예산부서 adjusts 세입 on the 조정 page
    established = page.versions.findText("성립", Qt.MatchFlag.MatchContains)
    page.versions.setCurrentIndex(established)
    assert page.data.detail.state == "성립"
    assert page.model.rowCount() == 5
    assert not page.editor.isEnabled()
    assert_accessible(page)


def test_a_line_the_filter_hides_is_closed_and_cannot_be_saved(
    qtbot: QtBot, make_context: MakeContext
) -> None:
    page = open_page(qtbot, make_context, "demo-dept-budget")
    assert page.data is not None and page.model.rowCount() > 1
    line = page.model.line(page.model.rowCount() - 1)
    assert page.select_line(line.id) and page.save_button.isEnabled()
    with recording() as said:
        page.filter.setText("이런 세입은 없음")
    assert page.line is None and not page.save_button.isEnabled()
    assert page.table.currentIndex().isValid() is False
    assert any("선택을 해제했습니다" in a.text for a in said)
    page.filter.clear()
    assert page.line is None  # never another line by itself
    assert page.select_line(line.id) and page.save_button.isEnabled()
