"""Keyboard-only input for tests: ASCII through QTest key clicks, Hangul the way a Korean IME
delivers it (a QInputMethodEvent committing each syllable) — QTest cannot click non-ASCII keys."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget
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
    for _ in range(limit):
        widget = focused()
        if widget.accessibleIdentifier() == identifier:
            return widget
        key(qtbot, Key.Key_Tab)
    raise AssertionError(f"Tab never reached {identifier}; focus is on {focused()!r}")
