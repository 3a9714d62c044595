"""The base of every page shown in the main window's central area.

A page declares, as class constants, its Korean ``TITLE`` (marked with ``N_`` and translated
when shown), a stable ``IDENTIFIER`` (its ``accessibleIdentifier`` and navigation key) and the
``Changes`` flags it cares about. The main window builds each page once with the application
context, shows it through the navigation, and calls :meth:`on_changes` after operations.

Pages speak only while on screen: a page hidden behind another one in the window does not
reload or announce on changes made elsewhere (:meth:`reload_when_shown` marks it stale and
:meth:`take_stale` reloads it on the next :meth:`activate`), and :meth:`announce_shown` says
nothing while the page is hidden — a screen-reader user hears only the page they are on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from PySide6.QtWidgets import QWidget

from app.a11y import announce, keys
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
        # Keys of a page shown on its own; the main window replaces the standalone-only ones
        # (F6, Shift+F6, the status key, F1) with its own and calls embed().
        self.pane_keys = keys.PaneKeys(self)
        self.read_keys = keys.install_read_keys(self)
        self.help_action = keys.add_action(
            self, tr("바로 가기 키와 메뉴"), keys.HELP_KEY, self.show_help, "pageHelp"
        )
        self.help_action.setProperty(keys.STANDALONE, True)
        self._stale = False

    def embed(self) -> None:
        """Inside the main window: its F6, status and F1 keys serve the page."""
        self.pane_keys.set_enabled(False)
        self.read_keys[1].setEnabled(False)
        self.help_action.setEnabled(False)

    def panes(self) -> list[QWidget]:
        """The panes F6 visits, in order (``keys.register_panes``; else the first focus)."""
        registered = keys.panes_of(self)
        if registered:
            return registered
        first = self.first_focus()
        return [first] if first is not None else [self]

    def summary(self) -> str:
        """What the summary key (Ctrl+Shift+I) says about the current line; "" for none."""
        return ""

    def status_text(self) -> str:
        """The page's status line, read by the status key (Ctrl+Shift+B)."""
        return ""

    def show_help(self) -> QWidget:
        from app.a11y.help import HelpDialog

        dialog = HelpDialog(self.window(), tr(self.TITLE))
        dialog.open()
        return dialog

    def activate(self) -> None:
        """Called each time the page is shown; load what is needed (through operations)."""

    def on_changes(self, changes: Changes, source: object) -> None:
        """Called after every successful operation anywhere in the application (also while
        the page is hidden: use :meth:`reload_when_shown`, never announce from here)."""

    def reload(self) -> None:
        """Load the page's data again (pages that load something override this)."""

    def is_shown(self) -> bool:
        """On screen: the window's current page, or a page shown on its own."""
        return self.isVisible()

    def reload_when_shown(self) -> None:
        """After a change elsewhere: reload now when on screen, else on the next activate()."""
        if self.is_shown():
            self.reload()
        else:
            self._stale = True

    def take_stale(self) -> bool:
        """True once when a change arrived while hidden (activate() then reloads)."""
        stale, self._stale = self._stale, False
        return stale

    def announce_shown(self, text: str, assertive: bool = False) -> None:
        """Announce ``text`` for this page, only while it is on screen."""
        if self.is_shown():
            announce(self, text, assertive)

    def first_focus(self) -> QWidget | None:
        """The widget that gets focus when the page is shown (keyboard users start here)."""
        return None
