"""Qt's accessibility switched on in-process, as a screen reader switches it on."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtGui import QAccessible


@contextmanager
def screen_reader_active() -> Iterator[None]:
    """Qt's accessibility active, as when a screen reader listens (AT-SPI, UI Automation):
    only then does Qt keep its accessible tables and lists in step with their models — a new
    model (``setModel``), rows taken out. Offscreen and inactive, the children an audit has
    read once stay cached: after 세출 → 세입 the 조정 table listed 9 column headers for its 7
    columns, and the 작업 목록 its old rows, which no screen reader ever gets."""
    was = QAccessible.isActive()
    QAccessible.setActive(True)
    try:
        yield
    finally:
        QAccessible.setActive(was)
