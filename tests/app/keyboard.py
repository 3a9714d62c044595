"""Keyboard-only input for tests: ASCII through QTest key clicks, Hangul the way a Korean IME
delivers it (a QInputMethodEvent committing each syllable) — QTest cannot click non-ASCII keys.
Also the moves the keyboard tests share (Tab / Shift+Tab to a control, a combo box by arrows)
and ``show_page``: a page shown, active and activated, as the window would show it."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QComboBox, QWidget
from pytestqt.qtbot import QtBot

Key = Qt.Key
NONE = Qt.KeyboardModifier.NoModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has keyboard focus"
    return widget


def type_text(qtbot: QtBot, text: str) -> None:
    """Type ``text`` into the focused widget."""
    for ch in text:
        widget = focused()
        if ch.isascii():
            qtbot.keyClick(widget, ch)
        else:
            event = QInputMethodEvent("", [])
            event.setCommitString(ch)
            QApplication.sendEvent(widget, event)


def key(qtbot: QtBot, k: Qt.Key, modifier: Qt.KeyboardModifier = NONE) -> None:
    qtbot.keyClick(focused(), k, modifier)


def tab_to(qtbot: QtBot, identifier: str, limit: int = 60) -> QWidget:
    """Press Tab until the control whose accessible identifier is ``identifier`` has focus."""
    for _ in range(limit):
        widget = focused()
        if widget.accessibleIdentifier() == identifier:
            return widget
        key(qtbot, Key.Key_Tab)
    raise AssertionError(f"Tab never reached {identifier}; focus is on {focused()!r}")


def tab_to_widget(qtbot: QtBot, target: QWidget, limit: int = 30) -> None:
    """Press Tab until ``target`` has focus (fails if it is not reached)."""
    for _ in range(limit):
        if focused() is target:
            return
        key(qtbot, Key.Key_Tab)
    assert focused() is target, f"Tab did not reach {target.objectName()}: at {focused()}"


def back_to(qtbot: QtBot, identifier: str, limit: int = 30) -> None:
    """Press Shift+Tab until the control ``identifier`` has focus."""
    for _ in range(limit):
        if focused().accessibleIdentifier() == identifier:
            return
        key(qtbot, Key.Key_Tab, SHIFT)
    assert focused().accessibleIdentifier() == identifier, focused()


def choose(qtbot: QtBot, text: str) -> None:
    """Move the focused combo box to ``text`` with the arrow keys (Home, then Down)."""
    combo = focused()
    assert isinstance(combo, QComboBox), combo
    key(qtbot, Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentText() == text:
            return
        key(qtbot, Key.Key_Down)
    assert combo.currentText() == text


def replace_text(qtbot: QtBot, text: str) -> None:
    """Select all in the focused field (Ctrl+A), delete it and type ``text``."""
    key(qtbot, Key.Key_A, CTRL)
    key(qtbot, Key.Key_Delete)
    type_text(qtbot, text)


P = TypeVar("P", bound=QWidget)


def show_page(qtbot: QtBot, page: P, width: int = 1400, height: int = 900) -> P:
    """Show ``page`` (closed after the test), wait until it is the active window and call its
    ``activate()`` (what the main window does when it switches to a page)."""
    qtbot.addWidget(page)
    page.resize(width, height)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow, timeout=3000)
    page.activate()  # type: ignore[attr-defined]
    return page
