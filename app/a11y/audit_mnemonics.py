"""The audit's ``duplicate-mnemonic`` rule, run by :func:`app.a11y.audit.audit`.

Qt grabs Alt+letter for every mnemonic ("성명(&N):" on a label with a buddy, "저장(&S)" on a
button, a group box title, a tab title, a menu bar title) with the window as its scope. When
two live in one window at the same time, Alt+letter is ambiguous: Qt moves the focus to each
in turn (or, for buttons, no longer clicks), and a keyboard or screen-reader user cannot reach
the field they asked for by its key.

Live at the same time, within one top-level window:

- visible labels with a buddy, buttons (push, tool, check, radio), group boxes and visible tab
  titles with "&X" — enabled or not (a disabled control is enabled later and keeps its key);
- the menu bar's top-level menu titles;
- actions and QShortcuts of the window and its visible widgets whose key is Alt+letter (the
  :mod:`app.a11y.keys` registry).

Widgets on a hidden page of a stack (or any hidden widget) are not live. A popup menu's items
are live only while it is open: each menu is checked on its own (two items of one menu with the
same letter), not against the window.

When the audited widget is a part of a window (a page inside the main window), its mnemonics
are checked against the rest of that window too, and a finding is reported when at least one
of the two is inside the audited widget.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QLabel,
    QMenu,
    QMenuBar,
    QTabBar,
    QWidget,
)

from app.a11y import keys

Add = Callable[[str, QWidget, str], None]


@dataclass(frozen=True)
class Mnemonic:
    letter: str  # "W"
    text: str  # the text that carries it: "작업 목록(&W):"
    widget: QWidget  # the widget that owns the key (the menu bar for its titles)


def _alt_letter(sequence: QKeySequence) -> str:
    """ "Alt+W" → "W"; anything else (Ctrl+W, Alt+Shift+W, Alt+F4, two keys) → ""."""
    text = sequence.toString(QKeySequence.SequenceFormat.PortableText)
    key = text.removeprefix("Alt+")
    if sequence.count() != 1 or key == text or len(key) != 1 or not key.isalnum():
        return ""
    return key.upper()


def letter_of(text: str) -> str:
    """ "작업 목록(&W):" → "W"; "R&&D" → ""; the letter Qt binds to Alt for ``text``."""
    return _alt_letter(QKeySequence.mnemonic(text))


def _widget_mnemonics(widget: QWidget) -> Iterator[Mnemonic]:
    if isinstance(widget, QLabel):
        if widget.buddy() is not None and widget.textFormat() != Qt.TextFormat.RichText:
            yield Mnemonic(letter_of(widget.text()), widget.text(), widget)
    elif isinstance(widget, QAbstractButton):
        yield Mnemonic(letter_of(widget.text()), widget.text(), widget)
    elif isinstance(widget, QGroupBox):
        yield Mnemonic(letter_of(widget.title()), widget.title(), widget)
    elif isinstance(widget, QTabBar):
        for index in range(widget.count()):
            if widget.isTabVisible(index):
                yield Mnemonic(letter_of(widget.tabText(index)), widget.tabText(index), widget)
    elif isinstance(widget, QMenuBar):
        for action in widget.actions():
            if action.isVisible() and not action.isSeparator():
                yield Mnemonic(letter_of(action.text()), action.text(), widget)


def _owner(shortcut: QObject, window: QWidget) -> QWidget | None:
    """The widget whose visibility decides whether a shortcut can fire (None: never)."""
    if isinstance(shortcut, QAction):
        owners = [w for w in shortcut.associatedObjects() if isinstance(w, QWidget)]
        parent = shortcut.parent()
        if not owners and isinstance(parent, QWidget):
            owners = [parent]
        plain = [w for w in owners if not isinstance(w, QMenu)]
        if not plain:  # an action only in a popup menu: live when the menu bar is
            return window if owners else None
        shown = [w for w in plain if w is window or w.isVisibleTo(window)]
        return shown[0] if shown else None
    parent = shortcut.parent()
    return parent if isinstance(parent, QWidget) else None


def _shortcut_mnemonics(window: QWidget) -> Iterator[Mnemonic]:
    seen: set[int] = set()
    for entry in keys.shortcuts(window):
        action = entry.action
        if id(action) in seen or (action.property(keys.STANDALONE) and not action.isEnabled()):
            continue  # (replaced by the window's own action while the page is inside it)
        seen.add(id(action))
        letter = next((x for x in map(_alt_letter, action.shortcuts()) if x), "")
        owner = _owner(action, window)
        if letter and owner is not None and owner.window() is window:
            yield Mnemonic(letter, f"{entry.text} (Alt+{letter})", owner)
    for shortcut in window.findChildren(QShortcut):
        letter = next((x for x in map(_alt_letter, shortcut.keys()) if x), "")
        owner = _owner(shortcut, window)
        if not letter or owner is None or owner.window() is not window:
            continue
        if owner is window or owner.isVisibleTo(window):
            label = shortcut.whatsThis() or shortcut.objectName() or "QShortcut"
            yield Mnemonic(letter, f"{label} (Alt+{letter})", owner)


def window_mnemonics(root: QWidget) -> list[Mnemonic]:
    """The mnemonics live in ``root``'s window while ``root`` is shown, in widget order."""
    window = root.window()
    inside_hidden = root is not window and not root.isVisibleTo(window)
    found: list[Mnemonic] = []
    for widget in [window, *window.findChildren(QWidget)]:
        if widget.window() is not window:
            continue  # a dialog or popup menu: a window of its own
        inside = widget is root or root.isAncestorOf(widget)
        if inside_hidden and not inside:
            continue  # root is on a hidden page: the rest of the window is not shown with it
        shown = widget.isVisibleTo(root) if inside else widget.isVisibleTo(window)
        if widget is root or shown:
            found.extend(m for m in _widget_mnemonics(widget) if m.letter)
    if not inside_hidden:
        found.extend(_shortcut_mnemonics(window))
    return found


def describe(widget: QWidget) -> str:
    """ "QPushButton#executionSendNow"; a label by its buddy: "QLabel→QComboBox#documentKind"."""

    def short(w: QWidget) -> str:
        return type(w).__name__ + (f"#{w.objectName()}" if w.objectName() else "")

    buddy = widget.buddy() if isinstance(widget, QLabel) else None
    return f"{short(widget)}→{short(buddy)}" if buddy is not None else short(widget)


def _report(claims: list[Mnemonic], root: QWidget, add: Add) -> None:
    """A finding for each claim after the first of its letter (on the one inside ``root``)."""
    by_letter: dict[str, list[Mnemonic]] = {}
    for claim in claims:
        by_letter.setdefault(claim.letter, []).append(claim)
    for letter, same in by_letter.items():
        first = same[0]
        for other in same[1:]:
            inside = [m for m in (other, first) if m.widget is root or root.isAncestorOf(m.widget)]
            if not inside:
                continue
            add(
                "duplicate-mnemonic",
                inside[0].widget,
                f"Alt+{letter}이(가) 겹칩니다: {other.text!r} ({describe(other.widget)}), "
                f"{first.text!r} ({describe(first.widget)})",
            )


def check_mnemonics(root: QWidget, add: Add) -> None:
    """``duplicate-mnemonic``: two live mnemonics of one window, or two items of one popup
    menu, share a letter (each finding names both widgets, see :func:`describe`)."""
    _report(window_mnemonics(root), root, add)
    window = root.window()
    for menu in window.findChildren(QMenu):
        parent = menu.parentWidget()
        if root is not window and (parent is None or not root.isAncestorOf(parent)):
            continue  # a menu of another part of the window: that part's audit checks it
        items = (
            Mnemonic(letter_of(a.text()), a.text(), menu)
            for a in menu.actions()
            if a.isVisible() and not a.isSeparator()
        )
        _report([m for m in items if m.letter], menu, add)
