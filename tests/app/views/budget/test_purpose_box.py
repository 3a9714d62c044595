"""사업목적 on the 예산편성 page against a real demo server child: the 부서 예산담당 reads the
demo 세부사업's purpose, rewrites it by keyboard (Alt+U, type, Tab to 사업목적 저장, Space), the
save is announced and the server has it; another 부서's 세부사업 and a 정책사업 are read-only with
the reason in words."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pytestqt.qtbot import QtBot

from app.a11y import assert_accessible
from app.a11y.announce import recording
from tests.app.views.budget.keys import ALT, CTRL, Key, focused, key, tab_to, type_text
from tests.app.views.budget.test_budget_page import open_page

NEW_PURPOSE = "위기 가구에 생계비를 빨리 지원한다."


def _select(qtbot: QtBot, page: Any, text: str, level: str = "세부") -> Any:
    page.programs.filter.setFocus()
    page.programs.filter.selectAll()
    type_text(qtbot, text)
    key(qtbot, Key.Key_Tab)
    key(qtbot, Key.Key_Home)
    for _ in range(10):
        if page.program is not None and page.program.level == level:
            return page.program
        key(qtbot, Key.Key_Down)
    raise AssertionError(f"no {level}사업 for {text!r}")


def test_department_rewrites_its_purpose_by_keyboard(
    qtbot: QtBot, make_ctx: Callable[..., Any]
) -> None:
    ctx = make_ctx()
    page = open_page(qtbot, ctx)
    program = _select(qtbot, page, "긴급복지")
    box = page.purpose
    assert program.name == "긴급복지 지원"
    assert "생계비" in box.edit.toPlainText() and not box.edit.isReadOnly()
    assert_accessible(page)
    key(qtbot, Key.Key_U, ALT)
    assert focused() is box.edit
    key(qtbot, Key.Key_A, CTRL)
    type_text(qtbot, NEW_PURPOSE)
    assert tab_to(qtbot, "purposeSave") is box.save_button
    with recording() as said:
        key(qtbot, Key.Key_Space)
    assert any("사업목적을 저장했습니다" in a.text for a in said), [a.text for a in said]
    assert ctx.api.program(program.id).purpose == NEW_PURPOSE
    saved = next(p for p in page.data.programs if p.id == program.id)
    assert saved.purpose == NEW_PURPOSE  # the page keeps the saved copy (its version)
    with recording() as said:
        box.save_button.click()  # nothing changed: nothing sent, said so
    assert any("바뀌지 않았습니다" in a.text for a in said)


def test_other_department_and_policy_level_are_read_only(
    qtbot: QtBot, make_ctx: Callable[..., Any]
) -> None:
    page = open_page(qtbot, make_ctx())
    box = page.purpose
    _select(qtbot, page, "보도 정비")
    assert box.edit.isReadOnly() and "다른 부서" in box.status.text()
    assert box.edit.toPlainText()  # still readable
    with recording() as said:
        box.save_button.click()
    assert any("다른 부서" in a.text and a.assertive for a in said)
    _select(qtbot, page, "취약계층 생활 안정", level="정책")
    assert box.edit.isReadOnly() and box.edit.toPlainText() == ""
    assert "세부사업을 고르면" in box.status.text()
    assert_accessible(page)
