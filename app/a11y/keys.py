"""Keyboard: the shortcut registry with its conflict check, F6 between a page's panes, and the
keys that read aloud (ACCESSIBILITY.md §2; WCAG 2.1.1, 2.1.2; docs/keyboard.md).

- **Registry.** Every shortcut is a ``QAction`` on a widget (the window, a page, an editor).
  :func:`shortcuts` collects them from a window, with the menu they are in; :func:`conflicts`
  lists keys that two actions claim in overlapping scopes (a window-wide key and a page key,
  or two keys on nested widgets) — ambiguous keys do nothing in Qt, silently. The F1 help
  page (:mod:`app.a11y.help`) is built from the same collection, so it is never out of date.
- **Panes.** A page registers its panes with :func:`register_panes` (in order); F6 moves to
  the next pane, Shift+F6 to the previous one, wrapping around. In the main window the
  navigation list is the first pane; a page shown on its own cycles through its panes only
  (:class:`PaneKeys`, disabled by the main window while the page is inside it).
- **Read aloud.** :data:`SUMMARY_KEY` (Ctrl+Shift+I) announces the current line's summary
  (amount, 기정액, 증감, state) — a page gives it with ``summary()``; :data:`STATUS_KEY`
  (Ctrl+Shift+B) announces the status bar (or the page's status line).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QApplication, QMenu, QWidget
from shiboken6 import getCppPointer, isValid

from app.a11y.announce import announce
from app.a11y.names import clean_name
from app.i18n import tr

__all__ = [
    "NEXT_PANE_KEY",
    "PREVIOUS_PANE_KEY",
    "STATUS_KEY",
    "SUMMARY_KEY",
    "PaneKeys",
    "Shortcut",
    "add_action",
    "conflicts",
    "cycle_panes",
    "install_read_keys",
    "panes_of",
    "register_panes",
    "row_summary",
    "shortcuts",
]

NEXT_PANE_KEY = "F6"
PREVIOUS_PANE_KEY = "Shift+F6"
SUMMARY_KEY = "Ctrl+Shift+I"
STATUS_KEY = "Ctrl+Shift+B"
HELP_KEY = "F1"
_PANES = "hojo_panes"
STANDALONE = "hojo_standalone_only"  # an action a containing window replaces (and disables)


def native(keys: QKeySequence | str) -> str:
    return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)


def add_action(
    owner: QWidget,
    text: str,
    keys: str,
    slot: Callable[[], object],
    identifier: str,
    *,
    scope: Qt.ShortcutContext = Qt.ShortcutContext.WidgetWithChildrenShortcut,
) -> QAction:
    """A named action with a shortcut on ``owner`` (listed by :func:`shortcuts`)."""
    action = QAction(text, owner)
    action.setObjectName(identifier)
    action.setShortcut(QKeySequence(keys))
    action.setShortcutContext(scope)
    action.triggered.connect(lambda _checked=False: slot())
    owner.addAction(action)
    return action


# -- registry -------------------------------------------------------------------------------
@dataclass(frozen=True)
class Shortcut:
    keys: str  # native text, "Ctrl+Shift+N"
    text: str  # the action's name without mnemonic, "새 줄"
    area: str  # the menu or the widget it belongs to, "파일", "예산편성"
    action: QAction


def _area_of(action: QAction, menus: dict[int, str]) -> str:
    if id(action) in menus:
        return menus[id(action)]
    parent = action.parent()
    while isinstance(parent, QWidget):
        label = parent.accessibleName() or parent.windowTitle()
        if label:
            return clean_name(label)
        parent = parent.parentWidget()
    return ""


def _menu_titles(window: QWidget) -> dict[int, str]:
    titles: dict[int, str] = {}
    for menu in window.findChildren(QMenu):
        for action in menu.actions():
            titles.setdefault(id(action), clean_name(menu.title()))
    return titles


def _actions_of(window: QWidget) -> list[QAction]:
    seen: dict[int, QAction] = {}
    for widget in [window, *window.findChildren(QWidget)]:
        for action in widget.actions():
            seen.setdefault(id(action), action)
    for action in window.findChildren(QAction):
        seen.setdefault(id(action), action)
    return list(seen.values())


def shortcuts(window: QWidget) -> list[Shortcut]:
    """Every action with a shortcut in ``window`` and its children, in menu order first."""
    menus = _menu_titles(window)
    found: list[Shortcut] = []
    for action in _actions_of(window):
        for sequence in action.shortcuts():
            if not sequence.isEmpty():
                text = clean_name(action.text()).rstrip("…").strip()
                found.append(Shortcut(native(sequence), text, _area_of(action, menus), action))
    return found


def _owners(action: QAction) -> list[QWidget]:
    owners = [w for w in action.associatedObjects() if isinstance(w, QWidget)]
    if not owners and isinstance(action.parent(), QWidget):
        owners = [action.parent()]  # type: ignore[list-item]
    return [w for w in owners if not isinstance(w, QMenu)] or owners


def _overlap(a: QAction, b: QAction) -> bool:
    window_scopes = (Qt.ShortcutContext.WindowShortcut, Qt.ShortcutContext.ApplicationShortcut)
    for first in _owners(a):
        for second in _owners(b):
            if first.window() is not second.window():
                if Qt.ShortcutContext.ApplicationShortcut in (
                    a.shortcutContext(),
                    b.shortcutContext(),
                ):
                    return True
                continue
            if a.shortcutContext() in window_scopes or b.shortcutContext() in window_scopes:
                return True
            if first is second or first.isAncestorOf(second) or second.isAncestorOf(first):
                return True
    return False


def conflicts(window: QWidget) -> list[tuple[str, list[str]]]:
    """(keys, [action names]) for every key two actions claim where both can fire."""
    by_key: dict[str, list[Shortcut]] = {}
    for shortcut in shortcuts(window):
        if shortcut.action.property(STANDALONE) and not shortcut.action.isEnabled():
            continue  # replaced by the window's own action while the page is inside it
        by_key.setdefault(shortcut.keys, []).append(shortcut)
    found: list[tuple[str, list[str]]] = []
    for keys, claims in by_key.items():
        clashing: dict[int, str] = {}
        for i, x in enumerate(claims):
            for y in claims[i + 1 :]:
                if x.action is not y.action and _overlap(x.action, y.action):
                    clashing[id(x.action)] = x.text
                    clashing[id(y.action)] = y.text
        if clashing:
            found.append((keys, sorted(clashing.values())))
    return found


# -- panes ----------------------------------------------------------------------------------
def register_panes(page: QWidget, panes: Sequence[QWidget]) -> None:
    """The panes of ``page`` in F6 order (each a widget that contains focusable controls)."""
    page.setProperty(_PANES, list(panes))


def panes_of(page: QWidget) -> list[QWidget]:
    panes = page.property(_PANES)
    return [p for p in panes if isinstance(p, QWidget)] if isinstance(panes, list) else []


def _usable(widget: QWidget, pane: QWidget) -> bool:
    return bool(
        widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        and widget.isVisible()
        and widget.isEnabled()
        and widget.focusProxy() is None
        and (widget is pane or pane.isAncestorOf(widget))
    )


def _focus_target(pane: QWidget) -> QWidget | None:
    """The pane itself when it takes focus, else its first control in Tab order."""
    if _usable(pane, pane):
        return pane
    proxy = pane.focusProxy()
    if proxy is not None:
        return proxy
    widget = pane.nextInFocusChain()
    for _ in range(2000):
        if widget is None or widget is pane:
            break
        if _usable(widget, pane):
            return widget
        widget = widget.nextInFocusChain()
    return None


def cycle_panes(panes: Sequence[QWidget], forward: bool = True) -> QWidget | None:
    """Focus the pane after (before) the one holding focus; returns the focused widget."""
    shown = [p for p in panes if p.isVisible() and _focus_target(p) is not None]
    if not shown:
        return None
    focused = QApplication.focusWidget()
    current = next(
        (
            i
            for i, p in enumerate(shown)
            if focused is not None and (p is focused or p.isAncestorOf(focused))
        ),
        -1,
    )
    if current < 0:
        index = 0 if forward else len(shown) - 1
    else:
        index = (current + (1 if forward else -1)) % len(shown)
    pane = shown[index]
    target = _focus_target(pane)
    assert target is not None
    remembered = _last.get(_address(pane))
    if remembered is not None and isValid(remembered) and _usable(remembered, pane):
        target = remembered
    if current >= 0 and focused is not None:
        _last[_address(shown[current])] = focused
    target.setFocus(Qt.FocusReason.ShortcutFocusReason)
    label = pane.accessibleName()
    if label and target is not pane:
        announce(target, label)
    return target


_last: dict[int, QWidget] = {}  # pane's C++ address → the control last focused in it


def _address(widget: QWidget) -> int:
    return int(getCppPointer(widget)[0])


class PaneKeys:
    """F6 / Shift+F6 on a page shown on its own (the main window disables these and cycles
    through the navigation list and the page's panes itself)."""

    def __init__(self, page: QWidget) -> None:
        self.page = page
        self.next = add_action(
            page, tr("다음 영역"), NEXT_PANE_KEY, lambda: cycle_panes(panes_of(page)), "paneNext"
        )
        self.previous = add_action(
            page,
            tr("이전 영역"),
            PREVIOUS_PANE_KEY,
            lambda: cycle_panes(panes_of(page), forward=False),
            "panePrevious",
        )
        for action in (self.next, self.previous):
            action.setProperty(STANDALONE, True)

    def set_enabled(self, enabled: bool) -> None:
        self.next.setEnabled(enabled)
        self.previous.setEnabled(enabled)


# -- read aloud -----------------------------------------------------------------------------
def row_summary(
    view: QAbstractItemView, columns: Sequence[int], title_columns: Sequence[int] = ()
) -> str:
    """ "201-01 사무관리비: 요구액 1,234,000원, 기정액 …" for the view's current row: the
    title columns' texts, then "header value" of each column (spoken text first)."""
    model = view.model()
    index = view.currentIndex()
    if model is None or not index.isValid():
        return ""

    def spoken(column: int) -> str:
        cell = model.index(index.row(), column, index.parent())
        text = cell.data(Qt.ItemDataRole.AccessibleTextRole) or cell.data(
            Qt.ItemDataRole.DisplayRole
        )
        return str(text or "").strip()

    def header(column: int) -> str:
        text = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        return str(text or "")

    title = " ".join(t for t in (spoken(c) for c in title_columns if c >= 0) if t)
    parts = [f"{header(c)} {spoken(c) or tr('없음')}" for c in columns if c >= 0]
    body = ", ".join(parts)
    return f"{title}: {body}" if title else body


def read_summary(page: QWidget) -> str:
    """Announce ``page.summary()`` (the current line), or say there is none."""
    getter = getattr(page, "summary", None)
    text = getter() if callable(getter) else ""
    text = text or tr("선택한 줄이 없습니다.")
    announce(page, text, assertive=True)
    return text


def read_status(page: QWidget) -> str:
    """Announce ``page.status_text()`` (a page's status line)."""
    getter = getattr(page, "status_text", None)
    text = getter() if callable(getter) else ""
    text = text or tr("상태 표시줄이 비어 있습니다.")
    announce(page, text, assertive=True)
    return text


def install_read_keys(page: QWidget) -> tuple[QAction, QAction]:
    """Ctrl+Shift+I (current line) and Ctrl+Shift+B (status) on ``page``."""
    summary = add_action(
        page, tr("현재 줄 요약 읽기"), SUMMARY_KEY, lambda: read_summary(page), "readSummary"
    )
    status = add_action(page, tr("상태 읽기"), STATUS_KEY, lambda: read_status(page), "readStatus")
    status.setProperty(STANDALONE, True)
    return summary, status
