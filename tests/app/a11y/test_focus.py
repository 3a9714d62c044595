"""Focus rules: a dialog starts on its initial control and gives focus back to its opener;
a choice the code made while the dialog was open wins; the application-wide install finds
dialogs it was never told about (QMessageBox, the settings dialog of the main window)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.a11y import focus
from app.a11y.names import name


class Opener(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle("여는 창")
        self.first = name(QLineEdit(), "첫 칸", identifier="first")
        self.button = name(QPushButton("열기"), "열기", identifier="open")
        self.after = name(QLineEdit(), "새 줄 항목", identifier="after")
        layout = QVBoxLayout(self)
        for widget in (self.first, self.button, self.after):
            layout.addWidget(widget)


class Small(QDialog):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle("작은 대화 상자")
        self.one = name(QLineEdit(), "하나", identifier="one")
        self.two = name(QLineEdit(), "둘", identifier="two")
        layout = QVBoxLayout(self)
        layout.addWidget(self.one)
        layout.addWidget(self.two)


@pytest.fixture
def opener(qtbot: QtBot) -> Opener:
    window = Opener()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.button.setFocus()
    qtbot.waitUntil(window.button.hasFocus)
    return window


def open_dialog(qtbot: QtBot, dialog: QDialog) -> None:
    dialog.open()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=3000)


def test_initial_focus_and_return_to_the_opener(qtbot: QtBot, opener: Opener) -> None:
    dialog = Small(opener)
    focus.track(dialog, initial=dialog.two)
    open_dialog(qtbot, dialog)
    assert QApplication.focusWidget() is dialog.two  # not the first field: the chosen one
    assert focus.opener_of(dialog) is opener.button
    dialog.reject()
    qtbot.waitUntil(opener.isActiveWindow, timeout=3000)
    assert QApplication.focusWidget() is opener.button

    open_dialog(qtbot, dialog)  # again: the rules hold on every showing
    assert QApplication.focusWidget() is dialog.two
    dialog.accept()
    qtbot.waitUntil(opener.isActiveWindow, timeout=3000)
    assert QApplication.focusWidget() is opener.button


def test_focus_moved_on_purpose_wins(qtbot: QtBot, opener: Opener) -> None:
    dialog = Small(opener)
    focus.track(dialog)
    dialog.accepted.connect(lambda: opener.after.setFocus())  # e.g. a new line's first field
    open_dialog(qtbot, dialog)
    dialog.accept()
    qtbot.waitUntil(opener.isActiveWindow, timeout=3000)
    assert QApplication.focusWidget() is opener.after


@pytest.fixture
def installed(qapp: QApplication) -> Iterator[None]:
    focus.install(qapp)
    yield
    focus.uninstall(qapp)


def test_install_covers_untracked_dialogs_and_message_boxes(
    qtbot: QtBot, opener: Opener, installed: None
) -> None:
    dialog = Small(opener)  # never tracked by hand
    focus.set_initial_focus(dialog, dialog.two)
    open_dialog(qtbot, dialog)
    assert QApplication.focusWidget() is dialog.two
    dialog.reject()
    qtbot.waitUntil(opener.isActiveWindow, timeout=3000)
    assert QApplication.focusWidget() is opener.button

    opener.first.setFocus()
    box = QMessageBox(QMessageBox.Icon.Warning, "확인", "저장하지 않았습니다.", parent=opener)
    open_dialog(qtbot, box)
    box.done(0)
    qtbot.waitUntil(opener.isActiveWindow, timeout=3000)
    assert QApplication.focusWidget() is opener.first


def test_main_window_settings_dialog_returns_to_the_navigation(
    qtbot: QtBot, tmp_path: Path, installed: None
) -> None:
    from app.application import HojoApplication
    from app.config import Config
    from app.tasks import TaskManager
    from app.views.main_window import commands
    from app.views.main_window.window import MainWindow
    from app.views.settings.settings_dialog import SettingsDialog
    from tests.app.services.harness import closed_port

    config = Config.load(
        {"HOJO_DATA_DIR": str(tmp_path), "HOJO_SYSTEM_CONFIG_DIR": str(tmp_path),
         "HOJO_SERVER_URL": f"http://127.0.0.1:{closed_port()}"}
    )  # fmt: skip
    hojo = HojoApplication(config, tasks=TaskManager(inline=True))
    hojo.ops.connect_to(config.text("server_url"))  # (no server: only a session object)
    try:
        window = MainWindow(hojo._context(), hojo.ops, [])
        qtbot.addWidget(window)
        window.show()
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        window.navigation.focus_list()
        qtbot.waitUntil(window.navigation.list.hasFocus)
        commands.settings(window)
        dialog = window.findChild(SettingsDialog)
        assert isinstance(dialog, SettingsDialog)
        qtbot.waitUntil(dialog.isActiveWindow, timeout=3000)
        assert dialog.isAncestorOf(QApplication.focusWidget())
        dialog.reject()
        qtbot.waitUntil(window.isActiveWindow, timeout=3000)
        assert QApplication.focusWidget() is window.navigation.list
    finally:
        hojo.shutdown()
