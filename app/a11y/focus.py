"""Focus rules (ACCESSIBILITY.md §2, WCAG 2.4.3): where focus starts and where it goes back.

- **Initial focus.** A page names the widget a keyboard user starts on with
  ``Page.first_focus()``; a dialog with :func:`set_initial_focus` (else Qt's default: the
  first control in its tab order). The rule focuses it each time the dialog is shown.
- **Return.** When a dialog closes, focus goes back to the control that had it when the
  dialog opened (its opener), and the opener's window is activated again — a screen-reader
  user continues where they were instead of at the top of the window. If the code moved
  focus on purpose while the dialog was open (for example to a new line's first field),
  that choice wins: the window's own focus widget is used when it is not the opener.

:func:`install` puts the rules on the whole application (every QDialog and QMessageBox);
:func:`track` puts them on one dialog (tests, dialogs shown before start-up).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from shiboken6 import getCppPointer, isValid

__all__ = [
    "FocusRules",
    "install",
    "opener_of",
    "restore_focus",
    "set_initial_focus",
    "track",
    "uninstall",
]

_INITIAL = "hojo_initial_focus"


def set_initial_focus(dialog: QWidget, widget: QWidget) -> None:
    """``widget`` gets focus whenever ``dialog`` is shown."""
    dialog.setProperty(_INITIAL, widget)


def _alive(widget: object) -> bool:
    return isinstance(widget, QWidget) and isValid(widget)


def restore_focus(opener: QWidget | None) -> bool:
    """Activate the opener's window and focus it (or the widget focused there since)."""
    if not _alive(opener):
        return False
    assert opener is not None
    window = opener.window()
    if not window.isVisible():
        return False
    target = window.focusWidget()
    if target is None or not _alive(target) or not target.isVisible() or not target.isEnabled():
        target = opener
    if not opener.isVisible() and target is opener:
        return False
    window.activateWindow()
    assert target is not None
    target.setFocus(Qt.FocusReason.PopupFocusReason)
    return True


_TRACKED = "hojo_focus_tracked"
_openers: dict[int, QWidget] = {}  # the dialog's C++ address → the control that opened it


def _key(dialog: QObject) -> int:
    return int(getCppPointer(dialog)[0])


class FocusRules(QObject):
    """One stateless event filter for every tracked dialog (openers are kept in a module
    dict, not on the filter: a Python wrapper may be recreated without its attributes)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(watched, QDialog):
            if event.type() == QEvent.Type.Show:
                _shown(watched)
            elif event.type() == QEvent.Type.Hide:
                _hidden(watched)
        return False


_filter: FocusRules | None = None


def _the_filter() -> FocusRules:
    global _filter
    if _filter is None or not isValid(_filter):
        _filter = FocusRules()
    return _filter


def _shown(dialog: QDialog, focused: QWidget | None = None) -> None:
    focused = focused or QApplication.focusWidget()
    parent = dialog.parentWidget()
    if focused is None and parent is not None and _alive(parent):
        focused = parent.window().focusWidget()
    inside = focused is not None and (focused is dialog or dialog.isAncestorOf(focused))
    if focused is not None and _alive(focused) and not inside:
        _openers[_key(dialog)] = focused
    initial = dialog.property(_INITIAL)
    if _alive(initial) and initial.isEnabled():
        initial.setFocus(Qt.FocusReason.OtherFocusReason)


def _hidden(dialog: QDialog) -> None:
    opener = _openers.pop(_key(dialog), None)
    focused = QApplication.focusWidget()
    if focused is not None and focused is not dialog and not dialog.isAncestorOf(focused):
        return  # focus already left the dialog (another window, or code moved it)
    restore_focus(opener)


def _attach(dialog: QDialog) -> bool:
    """Install the filter once; False when the dialog was already tracked."""
    if dialog.property(_TRACKED):
        return False
    dialog.setProperty(_TRACKED, True)
    dialog.installEventFilter(_the_filter())
    key = _key(dialog)
    dialog.destroyed.connect(lambda _obj=None, key=key: _openers.pop(key, None))
    return True


def track(dialog: QDialog, initial: QWidget | None = None) -> QDialog:
    """Apply the rules to ``dialog``; ``initial`` gets focus whenever it is shown."""
    if initial is not None:
        set_initial_focus(dialog, initial)
    if _attach(dialog) and dialog.isVisible():
        _shown(dialog)
    return dialog


def _focus_changed(old: QWidget | None, new: QWidget | None) -> None:
    """A dialog seen for the first time (it just got focus) gets the rules; ``old`` is its
    opener."""
    if new is None or not _alive(new):
        return
    window = new.window()
    if not isinstance(window, QDialog) or not _attach(window):
        return
    if old is not None and _alive(old) and not window.isAncestorOf(old):
        _openers[_key(window)] = old
    initial = window.property(_INITIAL)
    if _alive(initial) and initial is not new and initial.isEnabled():
        initial.setFocus(Qt.FocusReason.OtherFocusReason)


_installed: set[int] = set()


def install(app: QApplication) -> None:
    """Apply the rules to every dialog of the application (idempotent). Dialogs are found
    through ``focusChanged`` — no application-wide event filter on every event."""
    if id(app) in _installed:
        return
    _installed.add(id(app))
    app.focusChanged.connect(_focus_changed)


def uninstall(app: QApplication) -> None:
    """Undo :func:`install` (tests); dialogs already tracked keep their rules."""
    if id(app) in _installed:
        _installed.discard(id(app))
        app.focusChanged.disconnect(_focus_changed)


def opener_of(dialog: QDialog) -> QWidget | None:
    """The control that had focus when ``dialog`` opened (while it is shown)."""
    opener = _openers.get(_key(dialog))
    return opener if opener is not None and _alive(opener) else None
