"""The base of every page shown in the main window's central area.

A page declares, as class constants, its Korean ``TITLE`` (marked with ``N_`` and translated
when shown), a stable ``IDENTIFIER`` (its ``accessibleIdentifier`` and navigation key) and the
``Changes`` flags it cares about. The main window builds each page once with the application
context, shows it through the navigation, and calls :meth:`on_changes` after operations.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from PySide6.QtWidgets import QWidget

from app.i18n import tr

if TYPE_CHECKING:
    from app.context import AppContext
    from app.operations import Changes


class Page(QWidget):
    TITLE: ClassVar[str] = ""
    IDENTIFIER: ClassVar[str] = ""
    DESCRIPTION: ClassVar[str] = ""
    REQUIRED_ACTION: ClassVar[str | None] = None  # a domain.roles.Action value, or None

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName(self.IDENTIFIER)
        self.setAccessibleName(tr(self.TITLE))
        self.setAccessibleIdentifier(self.IDENTIFIER)
        if self.DESCRIPTION:
            self.setAccessibleDescription(tr(self.DESCRIPTION))

    def activate(self) -> None:
        """Called each time the page is shown; load what is needed (through operations)."""

    def on_changes(self, changes: Changes, source: object) -> None:
        """Called after every successful operation anywhere in the application."""

    def first_focus(self) -> QWidget | None:
        """The widget that gets focus when the page is shown (keyboard users start here)."""
        return None
