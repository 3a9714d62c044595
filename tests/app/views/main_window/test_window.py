"""The main window shell: navigation (registry pages, placeholders, Ctrl+N), undo wired to the
page's QUndoStack, status announcements, menus; every state passes the accessibility audit."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from app.a11y import assert_accessible
from app.a11y.announce import recording
from app.application import HojoApplication
from app.config import Config
from app.context import AppContext
from app.operations.session import ConnectionState
from app.tasks import TaskManager
from app.views.main_window.navigation import load_entries
from app.views.main_window.window import MainWindow
from app.views.page import Page
from tests.app.services.harness import closed_port


class FakeBudgetPage(Page):
    TITLE = "예산편성"
    IDENTIFIER = "fakeBudgetPage"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.stack = QUndoStack(self)
        self.edit = QLineEdit(self)
        self.edit.setAccessibleName("메모")
        self.edit.setAccessibleIdentifier("fakeMemo")
        QVBoxLayout(self).addWidget(self.edit)
        self.activated = 0

    def undo_stack(self) -> QUndoStack:
        return self.stack

    def activate(self) -> None:
        self.activated += 1

    def first_focus(self) -> QWidget:
        return self.edit


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    config = Config.load(
        {
            "HOJO_DATA_DIR": str(tmp_path),
            "HOJO_SYSTEM_CONFIG_DIR": str(tmp_path),
            "HOJO_SERVER_URL": f"http://127.0.0.1:{closed_port()}",
        }
    )
    hojo = HojoApplication(config, tasks=TaskManager(inline=True))
    hojo.ops.connect_to(config.text("server_url"))
    ctx = hojo._context()
    entries = load_entries(
        [
            (__name__, "FakeBudgetPage"),
            ("tests.app.views.main_window.no_such_module", "Missing"),
        ]
    )
    main = MainWindow(ctx, hojo.ops, entries)
    qtbot.addWidget(main)
    main.show()
    yield main
    hojo.shutdown()


def test_navigation_lists_pages_placeholders_and_opens_by_keyboard(
    qtbot: QtBot, window: MainWindow
) -> None:
    entries = window.navigation.entries
    titles = [(e.title, e.available, e.note) for e in entries]
    assert titles[0] == ("예산편성", True, "")
    assert titles[1][1] is False and titles[1][2] == "불러오지 못함"
    later = {t for t, available, note in titles if not available and note == "다음 단계에서 제공"}
    assert later == {"세입", "조정·의결"}  # 의결 is on the 조정·의결 page: no entry of its own
    model = window.navigation.model
    assert not model.item(2).isEnabled() and "다음 단계에서 제공" in model.item(2).text()
    assert_accessible(window)

    assert len(window.navigation.page_actions()) == 1
    action = window.navigation.page_actions()[0]
    assert action.shortcut().toString() == "Ctrl+1"
    action.trigger()
    page = window.current_page()
    assert isinstance(page, FakeBudgetPage) and page.activated == 1
    assert QApplication.focusWidget() is page.edit  # Ctrl+1 lands on the page's first control
    assert_accessible(window)

    window.menu_actions.focus_navigation.trigger()
    assert QApplication.focusWidget() is window.navigation.list
    window.navigation.list.activated.emit(window.navigation.model.index(0, 0))  # Enter
    assert QApplication.focusWidget() is page.edit and page.activated == 1
    window.menu_actions.focus_navigation.trigger()
    assert QApplication.focusWidget() is window.navigation.list
    assert not window.navigation.list.tabKeyNavigation()


def test_undo_and_redo_follow_the_pages_stack(window: MainWindow) -> None:
    window.navigation.select(0)
    page = window.current_page()
    assert isinstance(page, FakeBudgetPage)
    undo, redo = window.menu_actions.undo, window.menu_actions.redo
    assert not undo.isEnabled() and not redo.isEnabled()
    command = QUndoCommand("산출근거 수정")
    page.stack.push(command)
    assert undo.isEnabled() and "산출근거 수정" in undo.text()
    undo.trigger()
    assert page.stack.index() == 0 and redo.isEnabled() and not undo.isEnabled()
    assert "산출근거 수정" in redo.text()
    redo.trigger()
    assert page.stack.index() == 1


def test_status_bar_announces_connection_changes(window: MainWindow) -> None:
    with recording() as said:
        window.set_connection(ConnectionState.OFFLINE, "서버에 연결할 수 없습니다.")
        window.set_connection(ConnectionState.ONLINE)
    texts = [s.text for s in said]
    assert any("오프라인" in t for t in texts) and any("온라인" in t for t in texts)
    assert said[0].assertive
    assert window.ctx.offline is False
    assert "로그인하지 않음" in window.status.user.text()
    assert "데모" not in window.windowTitle()


def test_menus_have_korean_mnemonics_and_shortcuts(window: MainWindow) -> None:
    menus = [m.title() for m in window.menu_actions.menus.values()]
    assert menus == ["파일(&F)", "편집(&E)", "보기(&V)", "도구(&T)", "도움말(&H)"]
    actions = window.menu_actions
    assert actions.quit.shortcut().toString() == "Ctrl+Q"
    assert actions.extend_session.shortcut().toString() == "Ctrl+Shift+E"
    assert actions.focus_navigation.shortcut().toString() == "F6"
    assert not actions.sign_out.isEnabled()  # nobody signed in
