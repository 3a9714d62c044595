"""Character key shortcuts (WCAG 2.1.4): no shortcut is a printable character without Ctrl, Alt
or Meta — a speech-input user saying a word, or a stray key press, must not fire commands.

Checked on the main window holding every real page (against a demo server child process):
every ``QAction`` the shortcut registry lists (:func:`app.a11y.keys.shortcuts`, menus
included) and every ``QShortcut``. Letters, digits, punctuation, symbols and Space count as
characters, with or without Shift; F-keys, Enter, Escape, Delete, arrows and keys with Ctrl,
Alt or Meta are fine. The one place that reads plain letters — M / T in the 저장 충돌 table —
is a key handler active only while that table has focus (the exception WCAG 2.1.4 allows).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QLineEdit, QMainWindow, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from app.a11y.keys import native, shortcuts
from tests.app.a11y import test_every_view
from tests.app.a11y.test_every_view import OFFICE, show
from tests.app.views.adjust.harness import MakeContext

session_ops = test_every_view.session_ops  # the fixture: a session against a closed port

_REAL_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


def character_keys(sequence: QKeySequence) -> list[str]:
    """The chords of ``sequence`` that are a printable character (Shift allowed) alone."""
    found = []
    for i in range(sequence.count()):
        chord = sequence[i]  # type: ignore[index]  # (missing from the stubs)
        if chord.keyboardModifiers() & _REAL_MODIFIERS:
            continue
        key = chord.key().value
        if key < 0x01000000 and chr(key).isprintable():  # Qt's special keys start at 0x01000000
            found.append(native(QKeySequence(chord)))
    return found


def character_shortcuts(window: QWidget) -> tuple[list[str], int]:
    """("keys — command (area)" of every character key shortcut, number of shortcuts checked)."""
    bad: list[str] = []
    checked = 0
    for entry in shortcuts(window):
        checked += 1
        for keys in character_keys(QKeySequence(entry.keys)):
            bad.append(f"{keys} — {entry.text} ({entry.area})")
    for shortcut in window.findChildren(QShortcut):
        sequences = shortcut.keys()
        for sequence in sequences:
            checked += 1
            for keys in character_keys(sequence):
                label = shortcut.whatsThis() or shortcut.objectName() or "QShortcut"
                bad.append(f"{keys} — {label}")
    return bad, checked


def test_the_check_finds_character_keys(qtbot: QtBot) -> None:
    window = QMainWindow()
    window.setWindowTitle("문자 키")
    body = QWidget()
    QVBoxLayout(body).addWidget(QLineEdit(body))
    window.setCentralWidget(body)
    qtbot.addWidget(window)
    for keys in ("Ctrl+A", "Alt+1", "F2", "Shift+F6", "Delete", "Return", "Escape", "Left"):
        action = QAction(f"괜찮음 {keys}", window)
        action.setShortcut(QKeySequence(keys))
        window.addAction(action)
    assert character_shortcuts(window) == ([], 8)
    for keys in ("A", "Shift+X", "7", "/", "Space", "Ctrl+K, J"):
        action = QAction(f"문자 {keys}", window)
        action.setShortcut(QKeySequence(keys))
        window.addAction(action)
    QShortcut(QKeySequence("?"), body).setObjectName("questionMark")
    bad, _checked = character_shortcuts(window)
    keys_found = sorted(line.split(" — ")[0] for line in bad)
    assert keys_found == sorted(["A", "Shift+X", "7", "/", "Space", "J", "?"])


def test_no_character_key_shortcut_in_the_main_window_and_its_pages(
    qtbot: QtBot, make_context: MakeContext, session_ops: Any
) -> None:
    from app.views.main_window.navigation import load_entries
    from app.views.main_window.window import MainWindow
    from app.views.registry import PAGES
    from domain.roles import Role

    session_ops.demo = True  # with the 데모 역할 tool bar too
    window = MainWindow(make_context(OFFICE), session_ops, load_entries())
    show(qtbot, window, (1400, 900))
    window.navigation.set_roles([role.value for role in Role])
    visited = []
    for index, entry in enumerate(window.navigation.entries):
        if entry.available:
            window.navigation.select(index)  # builds the page inside the window
            qtbot.wait(50)
            page = window.current_page()
            assert page is not None
            visited.append(type(page).__name__)
    assert sorted(visited) == sorted(name for _module, name in PAGES)
    bad, checked = character_shortcuts(window)
    assert bad == []
    assert checked > 30, checked  # the registry really saw the menus' and pages' shortcuts


def test_conflict_table_letters_act_only_while_the_table_has_focus(qtbot: QtBot) -> None:
    from app.views.sync.conflict_dialog import ConflictDialog
    from tests.app.services.test_conflicts import MINE, THEIRS, compare  # type: ignore[attr-defined]

    dialog = ConflictDialog("201-01 사무관리비", compare(MINE, THEIRS))
    show(qtbot, dialog)
    assert character_shortcuts(dialog)[0] == []  # no QAction or QShortcut on a letter

    def choice() -> str:
        return str(dialog.model.index(0, 3).data())

    untouched = choice()
    dialog.all_theirs.setFocus()
    qtbot.waitUntil(dialog.all_theirs.hasFocus)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_M)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_T)
    assert choice() == untouched  # the letters do nothing elsewhere in the dialog
    dialog.table.setFocus()
    qtbot.waitUntil(dialog.table.hasFocus)
    qtbot.keyClick(dialog.table, Qt.Key.Key_M)
    assert choice() != untouched
    assert dialog.isVisible()
