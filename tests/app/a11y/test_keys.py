"""Keyboard (issue 4 item 4) on the real pages against a demo server child process: F6 between
the panes of 예산편성 and 조정 (on their own and in the main window), F1 help listing every
shortcut and menu, the summary key and the status key, a formula error refusing Ctrl+S with
focus on the field; the shortcut conflict check."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit, QMainWindow, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from app.a11y import assert_accessible
from app.a11y.announce import recording
from app.a11y.help import HelpDialog
from app.a11y.keys import conflicts, shortcuts
from tests.app.a11y.test_every_view import DEPT, OFFICE, show
from tests.app.views.adjust.harness import MakeContext
from tests.app.views.budget.keys import CTRL, SHIFT, Key, focused, key, type_text


def budget(qtbot: QtBot, make_context: MakeContext) -> Any:
    from app.views.budget.budget_page import BudgetPage

    page = show(qtbot, BudgetPage(make_context(DEPT)), (1400, 900))
    page.activate()  # type: ignore[attr-defined]
    page.first_focus().setFocus()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    return page


def pane_of(panes: list[QWidget]) -> int:
    widget = focused()
    return next(i for i, p in enumerate(panes) if p is widget or p.isAncestorOf(widget))


def test_f6_cycles_the_budget_panes(qtbot: QtBot, make_context: MakeContext) -> None:
    page = budget(qtbot, make_context)
    panes = page.panes()
    assert [p.objectName() for p in panes] == ["programPanel", "budgetLinesPane", "basisEditor"]
    assert pane_of(panes) == 0
    seen = []
    with recording() as said:
        for _ in range(3):
            key(qtbot, Key.Key_F6)
            seen.append(pane_of(panes))
    assert seen == [1, 2, 0]  # wraps around
    assert any(a.text == "편성 목록" for a in said)  # the pane's name is said on arrival
    key(qtbot, Key.Key_F6, SHIFT)
    assert pane_of(panes) == 2
    key(qtbot, Key.Key_F6, SHIFT)
    assert pane_of(panes) == 1
    assert focused() is page.lines.filter  # the first control of the pane in Tab order


def test_f6_cycles_the_adjust_panes_and_the_summary_key(
    qtbot: QtBot, make_context: MakeContext
) -> None:
    from app.views.adjust.adjust_page import AdjustPage

    page = show(qtbot, AdjustPage(make_context(OFFICE)), (1400, 900))
    page.activate()
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=10000)
    page.versions.setFocus()
    qtbot.waitUntil(page.versions.hasFocus)
    panes = page.panes()
    assert pane_of(panes) == 0
    visited = []
    for _ in range(len(panes)):
        key(qtbot, Key.Key_F6)
        visited.append(pane_of(panes))
    assert visited == [1, 2, 3, 0]
    assert focused() is page.versions  # back where it left the pane

    page.table.setFocus()
    with recording() as said:
        key(qtbot, Key.Key_I, CTRL | SHIFT)
    text = said[-1].text
    for word in ("요구액", "기정액", "증감", "조정액", "상태", "원"):
        assert word in text, text
    assert said[-1].assertive


def test_summary_and_status_keys_on_the_budget_page(
    qtbot: QtBot, make_context: MakeContext
) -> None:
    page = budget(qtbot, make_context)
    assert page.lines.model.rowCount() > 0
    page.lines.table.setFocus()
    with recording() as said:
        key(qtbot, Key.Key_I, CTRL | SHIFT)
        key(qtbot, Key.Key_B, CTRL | SHIFT)
    summary, status = said[-2].text, said[-1].text
    row = page.lines.table.currentIndex().row()
    object_text = page.lines.model.headerData(row, Qt.Orientation.Vertical)
    assert str(object_text) in summary.split(":")[0], summary  # the line's name first
    for word in ("요구액", "기정액", "증감", "상태"):
        assert word in summary, summary
    assert "원" in summary and "천원" not in summary  # money is spoken in 원
    assert "줄" in status and page.status.text().split()[0] in status


def leaf(model: Any) -> QModelIndex:
    index = model.index(0, 0)
    while model.rowCount(index):
        index = model.index(0, 0, index)
    return index


def test_formula_error_refuses_save_announces_and_focuses_the_field(
    qtbot: QtBot, make_context: MakeContext
) -> None:
    page = budget(qtbot, make_context)
    table, model = page.lines.table, page.lines.model
    for row in range(model.rowCount()):  # a line this department may edit
        table.setCurrentIndex(model.index(row, 0))
        qtbot.waitUntil(lambda: page.editing.line is not None, timeout=5000)
        if page.editor.isEnabled() and page.editor.formula_edit.isEnabled():
            break
    else:
        pytest.skip("no editable line in the demo for this user")
    editor = page.editor
    editor.tree.setCurrentIndex(leaf(editor.model))
    editor.formula_edit.setFocus()
    editor.formula_edit.selectAll()
    with recording() as said:
        type_text(qtbot, "12,000*(")
        assert "오류" in editor.result.text()
        assert "오류" in editor.formula_edit.accessibleDescription()  # at once, read on demand
        assert not any("오류" in a.text for a in said)  # spoken only after a pause in typing
        qtbot.waitUntil(lambda: any(a.assertive and "오류" in a.text for a in said), timeout=3000)

    table.setFocus()  # somewhere else, then Ctrl+S
    with recording() as said:
        key(qtbot, Key.Key_S, CTRL)
    assert focused() is editor.formula_edit  # focus moved to the field in error
    assert "오류" in editor.formula_edit.accessibleDescription()
    assert said and said[-1].assertive and "보내지 않았습니다" in said[-1].text
    assert "오류" in said[-1].text
    assert page.ctx.drafts.load_all()  # kept as a draft, not sent


@pytest.fixture
def session_ops(tmp_path: Path) -> Iterator[object]:
    from app.config import Config
    from app.operations import ChangeHub, OperationRunner
    from app.operations.session import SessionOps
    from app.tasks import TaskManager
    from tests.app.services.harness import closed_port

    config = Config.load(
        {"HOJO_DATA_DIR": str(tmp_path), "HOJO_SYSTEM_CONFIG_DIR": str(tmp_path),
         "HOJO_SERVER_URL": f"http://127.0.0.1:{closed_port()}"},
        registry_reader=lambda _key: {},
    )  # fmt: skip
    ops = SessionOps(config, OperationRunner(TaskManager(inline=True), ChangeHub()))
    yield ops
    ops.close()


def test_main_window_f6_f1_and_status(
    qtbot: QtBot, make_context: MakeContext, session_ops: object
) -> None:
    from app.views.main_window.navigation import load_entries
    from app.views.main_window.window import MainWindow

    window = MainWindow(make_context(DEPT), session_ops, load_entries())  # type: ignore[arg-type]
    show(qtbot, window, (1400, 900))
    window.navigation.select(0)
    page = window.current_page()
    assert page is not None and page.objectName() == "budgetPage"
    window.navigation.focus_list()
    qtbot.waitUntil(window.navigation.list.hasFocus)
    panes = window.panes()
    assert panes[0] is window.navigation.list and len(panes) == 4
    order = []
    for _ in range(4):
        key(qtbot, Key.Key_F6)
        order.append(pane_of(panes))
    assert order == [1, 2, 3, 0]
    key(qtbot, Key.Key_F6, SHIFT)
    assert pane_of(panes) == 3
    assert conflicts(window) == []

    with recording() as said:
        key(qtbot, Key.Key_B, CTRL | SHIFT)
    assert said and ("로그인" in said[-1].text or "연결" in said[-1].text), said

    opener = focused()
    key(qtbot, Key.Key_F1)
    dialog = window.findChild(HelpDialog)
    assert isinstance(dialog, HelpDialog)
    qtbot.waitUntil(dialog.isActiveWindow, timeout=3000)
    assert focused() is dialog.table
    assert_accessible(dialog)
    listed = set(dialog.keys())
    expected = {s.keys for s in shortcuts(window) if s.action.isEnabled()}
    assert expected <= listed, expected - listed
    for needed in ("F1", "F6", "Shift+F6", "Ctrl+Shift+I", "Ctrl+Shift+B", "Ctrl+S", "Ctrl+1"):
        assert needed in listed
    areas = {area for area, _command, _keys in dialog.rows}
    assert {"파일 메뉴", "편집 메뉴", "보기 메뉴", "도구 메뉴", "도움말 메뉴"} <= areas
    commands = {command for _area, command, _keys in dialog.rows}
    assert {"로그인", "끝내기", "설정", "새 줄", "줄 추가", "현재 줄 요약 읽기"} <= commands
    key(qtbot, Key.Key_Escape)
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    assert focused() is opener  # back where F1 was pressed


def test_conflict_check_finds_overlapping_keys(qtbot: QtBot) -> None:
    window = QMainWindow()
    window.setWindowTitle("충돌")
    body = QWidget()
    left, right = QLineEdit(body), QLineEdit(body)
    QVBoxLayout(body).addWidget(left)
    window.setCentralWidget(body)
    qtbot.addWidget(window)

    def action(owner: QWidget, text: str, keys: str, scope: Qt.ShortcutContext) -> QAction:
        made = QAction(text, owner)
        made.setShortcut(QKeySequence(keys))
        made.setShortcutContext(scope)
        owner.addAction(made)
        return made

    widget_scope = Qt.ShortcutContext.WidgetWithChildrenShortcut
    action(left, "왼쪽 저장", "Ctrl+K", widget_scope)
    action(right, "오른쪽 저장", "Ctrl+K", widget_scope)  # siblings: each fires in its own
    assert conflicts(window) == []
    action(window, "전체 저장", "Ctrl+K", Qt.ShortcutContext.WindowShortcut)
    found = conflicts(window)
    assert found and found[0][1] == ["오른쪽 저장", "왼쪽 저장", "전체 저장"]
    action(body, "본문 찾기", "Ctrl+J", widget_scope)
    action(left, "왼쪽 찾기", "Ctrl+J", widget_scope)  # nested: ambiguous in Qt
    assert any(keys == QKeySequence("Ctrl+J").toString() for keys, _names in conflicts(window))
