"""Shared set-up of the 예산편성 keyboard tests: a new line by keys alone, ready for 재원."""

from __future__ import annotations

from typing import Any

from pytestqt.qtbot import QtBot

from app.views.budget.budget_page import BudgetPage
from tests.app.keyboard import CTRL, SHIFT, Key, key, tab_to, type_text
from tests.app.views.budget.test_budget_page import open_page


def new_travel_line(qtbot: QtBot, ctx: Any) -> BudgetPage:
    """Open the page for ``ctx`` and, by keys alone: 세부사업 긴급복지 지원, 새 줄 (Ctrl+Shift+N)
    with 201-01 and 자체재원, its 산출근거 "○ 교통비"; the focus left on the formula field."""
    page = open_page(qtbot, ctx)
    type_text(qtbot, "긴급복지")
    key(qtbot, Key.Key_Tab)
    key(qtbot, Key.Key_End)  # 세부사업 긴급복지 지원
    key(qtbot, Key.Key_N, CTRL | SHIFT)
    form = page.commands.dialog
    assert form is not None
    qtbot.waitUntil(form.isActiveWindow, timeout=3000)
    tab_to(qtbot, "lineObjectSearch")
    type_text(qtbot, "201-01")
    tab_to(qtbot, "lineFunding")
    key(qtbot, Key.Key_End)  # 자체재원
    key(qtbot, Key.Key_Return)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow, timeout=3000)
    type_text(qtbot, "○ 교통비")
    key(qtbot, Key.Key_Tab)
    return page
