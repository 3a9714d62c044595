"""The page list on the left: the pages of ``app.views.registry`` in order, then the sections
whose pages arrive later as disabled entries ("다음 단계에서 제공"). A page that declares a
``REQUIRED_ACTION`` the signed-in user's roles cannot perform (사용자 관리 for non-admins) is
taken out of the list's model (not a hidden row: a screen reader counts hidden rows, "List
with 6 items" for five shown), with its Ctrl+N key disabled, and put back after a role switch
(:meth:`set_roles`). Signals and methods speak of *entry* indices (into ``entries``); the list's
rows are the usable-or-placeholder entries shown (:meth:`row_of`, :meth:`entry_at`).

Keyboard: Tab reaches the list, arrows move, Enter or selection opens the page; Ctrl+1..9
open the first nine available pages from anywhere (the actions live in the 보기 menu).
A page module that fails to import is listed as unavailable instead of breaking the shell.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QLabel, QListView, QVBoxLayout, QWidget

from app.a11y import buddy
from app.i18n import N_, tr
from app.views.page import Page
from app.views.registry import PAGES
from domain.roles import Action, can

log = logging.getLogger(__name__)

SECTIONS = (N_("예산편성"), N_("세입"), N_("조정·의결"))
"""Sections every build lists; those without a page yet are shown disabled. (의결 is entered
on the 조정·의결 page, so it has no entry of its own.)"""

LATER = N_("다음 단계에서 제공")
UNAVAILABLE = N_("불러오지 못함")


@dataclass
class PageEntry:
    title: str  # translated
    identifier: str
    page_class: type[Page] | None
    note: str = ""  # translated; why it is disabled

    @property
    def available(self) -> bool:
        return self.page_class is not None

    def allowed(self, roles: Iterable[str]) -> bool:
        """May a user with ``roles`` use this page (its ``REQUIRED_ACTION``, if any)?"""
        required = self.page_class.REQUIRED_ACTION if self.page_class is not None else None
        return required is None or can(roles, Action(required))


def _key(title: str) -> str:
    return "".join(title.split())


def load_entries(pages: list[tuple[str, str]] | None = None) -> list[PageEntry]:
    """The registered pages, then the placeholder sections not covered by one."""
    entries: list[PageEntry] = []
    for module_name, class_name in PAGES if pages is None else pages:
        try:
            page_class = getattr(importlib.import_module(module_name), class_name)
        except Exception:
            log.exception("page %s.%s could not be loaded", module_name, class_name)
            entries.append(PageEntry(class_name, class_name, None, tr(UNAVAILABLE)))
            continue
        entries.append(PageEntry(tr(page_class.TITLE), page_class.IDENTIFIER, page_class))
    covered = {_key(e.title) for e in entries} | {
        _key(e.page_class.TITLE) for e in entries if e.page_class
    }
    for section in SECTIONS:
        if _key(section) not in covered and _key(tr(section)) not in covered:
            entries.append(PageEntry(tr(section), f"section-{len(entries)}", None, tr(LATER)))
    return entries


class Navigation(QWidget):
    """The list of pages; ``page_requested(index into entries)`` when one is chosen."""

    page_requested = Signal(int)  # shown (arrowing through the list keeps focus there)
    page_opened = Signal(int)  # opened on purpose (Enter, click, Ctrl+N): focus goes into it

    def __init__(self, entries: list[PageEntry], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries = entries
        self.hidden: set[int] = set()  # entries the current user's roles may not open
        self.setObjectName("navigation")
        label = QLabel(tr("작업 목록(&W):"), self)
        # QListView over a QStandardItemModel: QListWidget's list model cannot be audited
        # (PySide6's QAbstractListModel.columnCount() needs its parent argument).
        self.model = QStandardItemModel(self)
        self.list = QListView(self)
        self.list.setModel(self.model)
        self.list.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.list.setTabKeyNavigation(False)
        buddy(
            label,
            self.list,
            tr("위아래 화살표로 고르고 Enter를 누르면 그 화면으로 갑니다 (Ctrl+1~9)."),
            "navigationList",
        )
        self._items: list[QStandardItem] = []
        self._shown: list[int] = []  # the entry index of each row of the model
        self._updating = False  # rows leaving or coming back: no page is requested
        for index, entry in enumerate(entries):
            text = entry.title if entry.available else f"{entry.title} ({entry.note})"
            item = QStandardItem(text)
            item.setData(text, Qt.ItemDataRole.AccessibleTextRole)
            if not entry.available:
                item.setFlags(Qt.ItemFlag.NoItemFlags)
                item.setData(entry.note, Qt.ItemDataRole.AccessibleDescriptionRole)
            self._items.append(item)
            self.model.appendRow(item)
            self._shown.append(index)
        self.list.selectionModel().currentRowChanged.connect(
            lambda now, _old: self._on_row(self.entry_at(now.row()))
        )
        self.list.activated.connect(lambda index: self.open(self.entry_at(index.row())))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label)
        layout.addWidget(self.list)
        self._label = label
        self.actions_by_index: dict[int, QAction] = {}
        self._build_actions()

    def sizeHint(self) -> QSize:
        """As wide as the longest entry (or the label), not QListView's fixed 256 px."""
        hint = super().sizeHint()
        return QSize(self.content_width(), hint.height())

    def content_width(self) -> int:
        view = self.list
        entries = view.sizeHintForColumn(0) if self.model.rowCount() else 0
        frame = 2 * view.frameWidth() + view.verticalScrollBar().sizeHint().width()
        return max(entries + frame + 8, self._label.sizeHint().width())

    def _build_actions(self) -> None:
        number = 0
        for index, entry in enumerate(self.entries):
            if not entry.available or number >= 9:
                continue
            number += 1
            action = QAction(tr("{number}. {title}").format(number=number, title=entry.title), self)
            action.setObjectName(f"actionPage{number}")
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(lambda _checked=False, i=index: self.open(i))
            self.actions_by_index[index] = action

    def page_actions(self) -> list[QAction]:
        return list(self.actions_by_index.values())

    def set_roles(self, roles: Iterable[str]) -> None:
        """Take the pages these roles may not use out of the list (and disable their Ctrl+N);
        put the others back in their place. The page shown is not changed here (the window
        leaves a page the user may no longer use)."""
        roles = list(roles)
        self.hidden = {i for i, e in enumerate(self.entries) if not e.allowed(roles)}
        self._updating = True
        try:
            for index in range(len(self.entries)):
                row = self.row_of(index)
                if index in self.hidden and row >= 0:
                    self.model.takeRow(row)  # the item is kept for a later role
                    self._shown.remove(index)
                elif index not in self.hidden and row < 0:
                    row = sum(1 for i in self._shown if i < index)
                    self.model.insertRow(row, self._items[index])
                    self._shown.insert(row, index)
                action = self.actions_by_index.get(index)
                if action is not None:
                    action.setEnabled(index not in self.hidden)
        finally:
            self._updating = False

    def row_of(self, index: int) -> int:
        """The list row of entry ``index`` (-1 when it is not in the list)."""
        return self._shown.index(index) if index in self._shown else -1

    def entry_at(self, row: int) -> int:
        """The entry index shown in list row ``row`` (-1 for none)."""
        return self._shown[row] if 0 <= row < len(self._shown) else -1

    def shown(self, index: int) -> bool:
        """Is entry ``index`` in the list (not taken out for the user's roles)?"""
        return index in self._shown

    def usable(self, index: int) -> bool:
        return (
            0 <= index < len(self.entries)
            and self.entries[index].available
            and index not in self.hidden
        )

    def first_available(self) -> int | None:
        return next((i for i in range(len(self.entries)) if self.usable(i)), None)

    def select(self, index: int) -> None:
        if self.usable(index):
            if self.current_row() == index:
                self.page_requested.emit(index)
            else:
                self.list.setCurrentIndex(self.model.index(self.row_of(index), 0))

    def open(self, index: int) -> None:
        """Show the page and move keyboard focus into it (Enter, Ctrl+1…9)."""
        if self.usable(index):
            self.select(index)
            self.page_opened.emit(index)

    def current_row(self) -> int:
        """The entry index of the list's current row (-1 for none)."""
        return self.entry_at(self.list.currentIndex().row())

    def focus_list(self) -> None:
        self.list.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _on_row(self, index: int) -> None:
        if not self._updating and self.usable(index):
            self.page_requested.emit(index)
