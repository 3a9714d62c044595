"""The 작업 목록 holds only the pages the user may open: a page taken away by the roles is out
of the list's model, not a hidden row (Orca read "List with 6 items" with 5 shown: Qt's
accessible list counts hidden rows). Signals and methods keep speaking of entry indices."""

from __future__ import annotations

from PySide6.QtGui import QAccessible
from pytestqt.qtbot import QtBot

from app.views.main_window.navigation import Navigation, load_entries


def accessible_items(navigation: Navigation) -> list[str]:
    """The list's items as a screen reader gets them (the list's accessible children)."""
    iface = QAccessible.queryAccessibleInterface(navigation.list)
    assert iface is not None
    children = (iface.child(i) for i in range(iface.childCount()))
    return [c.text(QAccessible.Text.Name) for c in children if c is not None]


def test_pages_the_roles_may_not_use_leave_the_list_and_come_back_in_place(
    qtbot: QtBot, screen_reader: None
) -> None:
    navigation = Navigation(load_entries())
    qtbot.addWidget(navigation)
    navigation.show()
    titles = [e.title for e in navigation.entries]
    admin, reports = titles.index("사용자 관리"), titles.index("보고서")
    requested: list[int] = []
    navigation.page_requested.connect(requested.append)

    navigation.set_roles(["dept_budget"])
    shown = [t for i, t in enumerate(titles) if i not in navigation.hidden]
    assert "사용자 관리" not in shown and len(shown) < len(titles)
    assert navigation.model.rowCount() == len(shown)
    assert accessible_items(navigation) == shown  # what Orca counts: "List with 5 items"
    assert not navigation.shown(admin) and navigation.row_of(admin) == -1
    assert not navigation.actions_by_index[admin].isEnabled()

    # entry indices, not rows, in and out: 보고서 sits one row higher than its entry now
    assert navigation.row_of(reports) < reports
    navigation.select(reports)
    assert requested == [reports] and navigation.current_row() == reports
    assert navigation.list.currentIndex().data() == "보고서"
    navigation.list.setCurrentIndex(navigation.model.index(0, 0))  # arrows: 예산편성
    assert requested == [reports, 0]

    navigation.set_roles(["admin"])  # 사용자 관리 back in its place, in registry order
    assert navigation.shown(admin) and navigation.row_of(admin) == admin
    assert accessible_items(navigation)[admin] == "사용자 관리"
    assert navigation.actions_by_index[admin].isEnabled()
    navigation.select(admin)
    assert requested[-1] == admin

    # the current entry taken out: no page is requested by the list itself (the window
    # chooses where to go), and no row is left hidden
    before = len(requested)
    navigation.set_roles(["dept_budget"])
    assert requested[before:] == []
    assert not any(navigation.list.isRowHidden(r) for r in range(navigation.model.rowCount()))
    assert navigation.model.rowCount() == len(shown)
