"""Pages speak only while on screen: a change made on one page (a submit on 예산편성) does not
make a page hidden behind it reload or announce; it reloads, once, when it is shown again."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QStackedWidget, QWidget
from pytestqt.qtbot import QtBot

from app.a11y import assert_accessible
from app.a11y.announce import recording
from app.operations import Changes
from app.views.adjust.adjust_page import AdjustPage
from app.views.admin.admin_page import AdminPage
from app.views.budget.budget_page import BudgetPage
from app.views.page import Page
from app.views.revenue.revenue_page import RevenuePage
from tests.app.views.adjust.harness import MakeContext

# what a submit on 예산편성 (and every other operation) may report
EVERYTHING = Changes(versions=True, programs=True, lines=True, revenue=True, requests=True,
                     drafts=True, users=True)  # fmt: skip


@pytest.mark.parametrize(
    ("page_class", "login"),
    [
        (AdjustPage, "demo-budget-office"),
        (RevenuePage, "demo-dept-budget"),
        (BudgetPage, "demo-dept-budget"),
        (AdminPage, "demo-admin"),
    ],
)
def test_a_hidden_page_neither_reloads_nor_announces_until_shown(
    qtbot: QtBot, make_context: MakeContext, page_class: type[Page], login: str
) -> None:
    ctx = make_context(login)
    holder = QWidget()
    holder.setWindowTitle("pages")
    qtbot.addWidget(holder)
    stack = QStackedWidget(holder)
    other = QWidget()
    stack.addWidget(other)
    page = page_class(ctx, stack)
    stack.addWidget(page)
    stack.setCurrentWidget(page)
    holder.show()
    page.activate()
    assert page.is_shown()
    assert_accessible(page)
    loads: list[int] = []
    original = page.reload
    page.reload = lambda *a, **k: (loads.append(1), original(*a, **k))  # type: ignore[method-assign]

    stack.setCurrentWidget(other)  # the user went to another page
    assert not page.is_shown()
    ident = page.accessibleIdentifier()
    with recording() as said:
        page.on_changes(EVERYTHING, object())
        page.on_changes(EVERYTHING, object())
        page.announce_shown("들리면 안 됩니다")
    assert loads == []
    assert [a.text for a in said if a.source == ident] == []

    stack.setCurrentWidget(page)  # back: one reload, and it may speak again
    with recording() as said:
        page.activate()
        page.activate()
    assert loads == [1]
    if page_class is AdjustPage:
        assert [a.text for a in said if a.source == ident and "상태" in a.text]
    with recording() as said:
        page.on_changes(EVERYTHING, object())  # on screen: reloads at once
    assert loads == [1, 1]
