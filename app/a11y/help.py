"""The F1 help page: every menu with its commands, and every shortcut of the window.

Built from the window's actions when opened (:func:`app.a11y.keys.shortcuts`), so what it
lists is what the keys do. It is a table a screen reader walks with the arrow keys: 영역
(the menu or the page), 기능 and 키 columns, Tab leaves it for the 닫기 button.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMenu,
    QMenuBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.a11y.focus import set_initial_focus, track
from app.a11y.keys import shortcuts
from app.a11y.names import buddy, clean_name, identify, name
from app.i18n import N_, tr

__all__ = ["HelpDialog", "help_rows"]

# Keys that are not actions: Qt and the platform handle them.
GENERAL_KEYS = (
    (N_("다음 입력란, 이전 입력란"), "Tab, Shift+Tab"),
    (N_("메뉴 막대"), "F10, Alt"),
    (N_("메뉴 열기"), N_("Alt+메뉴의 영문자 (예: Alt+F 파일)")),
    (N_("입력란으로 바로 가기"), N_("Alt+레이블의 영문자")),
    (N_("표와 목록에서 이동"), N_("위/아래 화살표, Home, End, Page Up, Page Down")),
    (N_("대화 상자 닫기"), "Esc"),
)


def help_rows(window: QWidget) -> list[tuple[str, str, str]]:
    """(area, command, keys): the menus in menu-bar order, then the other shortcuts."""
    rows: list[tuple[str, str, str]] = []
    listed: set[int] = set()
    for bar in window.findChildren(QMenuBar):
        for top in bar.actions():
            menu = top.menu()
            if not isinstance(menu, QMenu):
                continue
            title = clean_name(menu.title())
            for action in menu.actions():
                if action.isSeparator() or not action.text():
                    continue
                listed.add(id(action))
                keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
                rows.append(
                    (
                        tr("{menu} 메뉴").format(menu=title),
                        clean_name(action.text()).rstrip("…"),
                        keys,
                    )
                )
    for shortcut in shortcuts(window):
        if id(shortcut.action) in listed or not shortcut.action.isEnabled():
            continue
        listed.add(id(shortcut.action))
        rows.append((shortcut.area, shortcut.text, shortcut.keys))
    general = tr("공통")
    rows.extend(
        (general, tr(text), tr(keys) if keys.startswith("Alt+") else keys)
        for text, keys in GENERAL_KEYS
    )
    return rows


class HelpDialog(QDialog):
    def __init__(self, window: QWidget, title: str = "") -> None:
        super().__init__(window)
        self.setObjectName("helpDialog")
        self.setAccessibleIdentifier("helpDialog")
        base = title or window.windowTitle()
        self.setWindowTitle(
            tr("바로 가기 키와 메뉴 — {title}").format(title=base)
            if base
            else tr("바로 가기 키와 메뉴")
        )
        intro = QLabel(
            tr("메뉴와 바로 가기 키 목록입니다. 화살표로 읽고 Esc로 닫습니다. "
               "F1을 누르면 언제든 이 목록이 열립니다.")
        )  # fmt: skip
        intro.setWordWrap(True)
        identify(intro, "helpIntro")
        list_label = QLabel(tr("바로 가기 키 목록(&L)"))
        self.table = QTreeWidget()
        buddy(list_label, self.table, tr("영역, 기능, 키"), "helpTable")
        self.table.setColumnCount(3)
        self.table.setHeaderLabels([tr("영역"), tr("기능"), tr("키")])
        self.table.setRootIsDecorated(False)
        self.table.setTabKeyNavigation(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.rows = help_rows(window)
        for area, command, keys in self.rows:
            item = QTreeWidgetItem([area, command, keys or tr("없음")])
            item.setData(2, Qt.ItemDataRole.AccessibleTextRole, keys or tr("바로 가기 키 없음"))
            self.table.addTopLevelItem(item)
        for column in range(3):
            self.table.resizeColumnToContents(column)
        first = self.table.topLevelItem(0)
        if first is not None:
            self.table.setCurrentItem(first)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        name(close, tr("닫기"), identifier="helpClose")
        close.setText(tr("닫기"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(list_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(720, 560)
        set_initial_focus(self, self.table)
        track(self)

    def keys(self) -> list[str]:
        return [keys for _area, _command, keys in self.rows if keys]
