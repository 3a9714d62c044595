"""The 세입 page by keyboard alone against a real demo server child: the 부서 chosen with the
arrow keys, a line found in the table, its 산출근거 edited (Alt+O) and a 산출근거 line added
(Ctrl+Enter), saved with Space; the line read back from the server through the API."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from app.a11y import assert_accessible
from app.a11y.announce import recording
from app.views.revenue.revenue_page import RevenuePage
from tests.app.keyboard import ALT, CTRL, Key, choose, focused, key, show_page, tab_to, type_text
from tests.app.views.adjust.harness import MakeContext

pytestmark = pytest.mark.slow


def open_page(qtbot: QtBot, make_context: MakeContext, login: str) -> RevenuePage:
    page = RevenuePage(make_context(login))
    page.setWindowTitle(page.accessibleName())
    show_page(qtbot, page)
    assert page.data is not None
    return page


def test_revenue_basis_by_keyboard_alone(qtbot: QtBot, make_context: MakeContext) -> None:
    page = open_page(qtbot, make_context, "demo-dept-budget")
    api = page.ctx.api
    assert page.data is not None and page.data.detail.state == "작성중"
    assert_accessible(page)
    assert focused() is page.versions  # the page's first control

    # 부서: 복지정책과 by the arrow keys; the table shows its two lines
    key(qtbot, Key.Key_Tab)
    assert focused() is page.department
    choose(qtbot, "복지정책과")
    assert page.model.rowCount() == 2  # 국고보조금, 시ㆍ도비보조금
    assert focused() is page.department  # the table changed under it, focus stayed

    # the 국고보조금 line, found with the arrow keys in the table
    tab_to(qtbot, "revenue.lines")
    line = next(r for r in page.data.revenue if r.item_code == "51101")
    key(qtbot, Key.Key_Home, CTRL)
    for _ in range(page.model.rowCount()):
        if page.line is not None and page.line.id == line.id:
            break
        key(qtbot, Key.Key_Down)
    assert page.line is not None and page.line.id == line.id
    assert page.save_button.isEnabled()
    assert [(b.label, b.formula) for b in line.basis or []] == [("○ 국고보조금", "175,968,000원")]

    # Alt+O: its formula; Ctrl+Enter: a 산출근거 line added after it (focus on its 항목)
    key(qtbot, Key.Key_O, ALT)
    assert focused() is page.editor.formula_edit
    key(qtbot, Key.Key_A, CTRL)
    type_text(qtbot, "1,000,000원*12월")
    assert "12,000,000원" in page.editor.result.text()
    key(qtbot, Key.Key_Return, CTRL)
    assert focused() is page.editor.label_edit and page.editor.current_path() == (1,)
    type_text(qtbot, "○ 추가 교부금")
    key(qtbot, Key.Key_Tab)
    assert focused() is page.editor.formula_edit
    type_text(qtbot, "500,000원")
    assert page.editor.line_amount() == 12_500
    assert_accessible(page)

    # 산출근거 저장 by Space; read back from the server
    tab_to(qtbot, "revenue.save")
    with recording() as said:
        key(qtbot, Key.Key_Space)
    assert [a.text for a in said] == ["세입 산출근거를 저장했습니다: 12,500천원"]
    assert page.message.text() == "세입 산출근거를 저장했습니다: 12,500천원"
    assert focused() is page.save_button
    saved = api.revenue_line(line.id)
    assert saved.amount == 12_500
    assert [(b.label, b.formula, b.amount) for b in saved.basis or []] == [
        ("○ 국고보조금", "1,000,000원*12월", 12_000),
        ("○ 추가 교부금", "500,000원", 500),
    ]
    assert page.line is not None and page.line.amount == 12_500  # the table shows it too
    assert_accessible(page)
