"""After 세부사업 요구 제출 the keyboard focus is still on a live control (AT-SPI found it on a
destroyed 재원 field: no focus, Orca silent, page keys dead), the submitted line stays the
current one, and the summary key (Ctrl+Shift+I) reads the amount being edited before a save
(it read the table's stored "요구액 0원 … 작성중" while the editor showed 100천원)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QApplication, QFormLayout, QLineEdit, QWidget
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from app.a11y import assert_accessible
from app.a11y.announce import recording
from app.models import LineColumn
from app.views.budget.funding_box import FundingBox
from tests.app.keyboard import CTRL, SHIFT, Key, focused, key, tab_to, type_text
from tests.app.views.budget.new_line import new_travel_line

SOURCES = {"01": "국고보조금", "02": "광역보조금", "03": "자체재원"}


def summary_key(qtbot: QtBot) -> str:
    """Ctrl+Shift+I where the focus is; what was announced (assertive)."""
    with recording() as said:
        key(qtbot, Key.Key_I, CTRL | SHIFT)
    assert said and said[-1].assertive, said
    return said[-1].text


def test_focus_stays_on_the_field_after_the_submit_and_the_summary_reads_the_editor(
    qtbot: QtBot, make_ctx: Callable[..., Any]
) -> None:
    ctx = make_ctx()
    page = new_travel_line(qtbot, ctx)
    type_text(qtbot, "25,000원*4회")
    field = tab_to(qtbot, "funding_03")
    type_text(qtbot, "100")

    # before any save: the line as edited, not the table's stored row (0원, 작성중)
    model = page.lines.model
    stored = model.index(page.lines.table.currentIndex().row(), model.column_of(LineColumn.AMOUNT))
    assert stored.data() == "0천원"  # the table still has the new line's first amount
    said = summary_key(qtbot)
    assert said.startswith("100 일반회계 201-01 사무관리비: 요구액 100,000원 (편집 중"), said
    assert "자체재원 100천원" in said and "금액과 같습니다" in said and "상태 작성중" in said
    assert focused() is field

    with recording() as said_list:
        key(qtbot, Key.Key_S, CTRL | SHIFT)  # 세부사업 요구 제출 (saves first)
        qtbot.waitUntil(
            lambda: any(a.text.endswith("요구했습니다") for a in said_list), timeout=10_000
        )
    texts = [a.text for a in said_list]
    assert texts.index("서버에 저장했습니다") < texts.index("긴급복지 지원을(를) 요구했습니다")

    # the same field, alive, still focused; the editor still on the submitted line
    assert isValid(field) and QApplication.focusWidget() is field
    assert field.text() == "100" and page.editor.isEnabled()
    current = page.lines.current_line()
    assert current is not None and current.object_code == "201-01"
    assert page.editing.line is not None and page.editing.line.id == current.id
    assert current.id not in page.editing.drafts
    # the page keys work where the focus is: the summary now reads the saved, 요구 line
    said = summary_key(qtbot)
    assert said.startswith("100 일반회계 201-01 사무관리비: 요구액 100,000원,"), said
    assert said.endswith("상태 요구"), said
    assert_accessible(page)

    # another line opened while the focus is in the editor (it is disabled while the line
    # loads): the focus goes to the lines table first, never nowhere
    other = next(
        page.lines.model.line(r) for r in range(page.lines.model.rowCount())
        if page.lines.model.line(r).id != current.id
    )  # fmt: skip
    assert page.lines.select_line(other.id)
    assert QApplication.focusWidget() is page.lines.table
    qtbot.waitUntil(lambda: page.editor.isEnabled(), timeout=10_000)


def focus_on(box: FundingBox, code: str, qtbot: QtBot) -> QLineEdit:
    edit = box.findChild(QLineEdit, f"funding_{code}")
    assert edit is not None
    box.window().activateWindow()
    qtbot.waitUntil(box.window().isActiveWindow, timeout=3000)
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus, timeout=3000)
    return edit


def test_funding_fields_are_kept_or_hand_the_focus_over_before_they_go(qtbot: QtBot) -> None:
    holder = QWidget()
    holder.setWindowTitle("재원")
    box = FundingBox(holder)
    QFormLayout(holder).addRow(box)
    qtbot.addWidget(holder)
    holder.show()
    qtbot.waitExposed(holder)
    box.set_split(SOURCES, {"03": 5})
    own = focus_on(box, "03", qtbot)
    fields = box.focus_chain()

    box.set_split(SOURCES, {"03": 100, "01": 7})  # the same 재원: the same fields
    assert box.focus_chain() == fields and own.hasFocus() and isValid(own)
    assert own.text() == "100" and box.split() == {"01": 7, "03": 100}

    box.set_split({**SOURCES, "04": "기금"}, {"03": 9})  # other 재원: rebuilt
    assert not isValid(own)  # gone, but the focus was handed over first
    again = QApplication.focusWidget()
    assert isinstance(again, QLineEdit) and again.accessibleIdentifier() == "funding_03"
    assert again.text() == "9"

    box.set_split({"01": "국고보조금"}, {})  # the focused 재원 is not there any more
    assert QApplication.focusWidget() is box.fit_button
    assert_accessible(holder)
