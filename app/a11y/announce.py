"""Announcements for screen readers (Qt ≥ 6.8 ``QAccessibleAnnouncementEvent``).

Use for what happens away from the focus: "저장했습니다", "조회 결과 3건", sync results, the
start and end of long work. Errors are also put in the field's description (an AT may not
speak announcements: Orca 43 ignores them). ``assertive`` interrupts the current speech;
keep it for errors and time-outs.

In-process tests cannot see the platform event (PySide6 has no update handler), so every
announcement is also passed to the listeners registered with :func:`add_listener` — tests
use :func:`recording`, and a status-history view for low-vision users may, too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QWidget


@dataclass(frozen=True)
class Announcement:
    text: str
    assertive: bool
    source: str  # accessibleIdentifier or objectName of the widget it came from


Listener = Callable[[Announcement], None]
_listeners: list[Listener] = []


def announce(widget: QWidget, text: str, assertive: bool = False) -> None:
    """Ask screen readers to say ``text`` (politely, or at once when ``assertive``)."""
    text = text.strip()
    if not text:
        return
    event = QAccessibleAnnouncementEvent(widget, text)
    event.setPoliteness(
        QAccessible.AnnouncementPoliteness.Assertive
        if assertive
        else QAccessible.AnnouncementPoliteness.Polite
    )
    QAccessible.updateAccessibility(event)  # a no-op while no assistive technology listens
    note = Announcement(text, assertive, widget.accessibleIdentifier() or widget.objectName())
    for listener in list(_listeners):
        listener(note)


def add_listener(listener: Listener) -> None:
    _listeners.append(listener)


def remove_listener(listener: Listener) -> None:
    if listener in _listeners:
        _listeners.remove(listener)


@contextmanager
def recording() -> Iterator[list[Announcement]]:
    """``with recording() as said: ...`` collects the announcements made inside."""
    said: list[Announcement] = []
    add_listener(said.append)
    try:
        yield said
    finally:
        remove_listener(said.append)
