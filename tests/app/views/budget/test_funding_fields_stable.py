"""The 재원 fields stay the same widgets while the user tabs through them.

Orca once left out a 재원 field ("광역보조금 text.") from the Tab run of its transcript (a),
under load. Ruled out here on the app side: from the 산출근거식 to 자체재원 each 재원 field
is reached once, in order, and none is rebuilt or refilled while the focus moves — also when
the editing burst's draft save is announced (its 2 s pause timer) while the focus is already
on a 재원 field. (The cause was the harness: Tabs sent before Orca took the last focus event,
which Orca 43 then skips; tests/a11y/orca_harness.py ``tab_to``.)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from app.a11y.announce import recording
from tests.app.keyboard import Key, focused, key, tab_to, type_text
from tests.app.views.budget.new_line import new_travel_line

CODES = ("01", "02", "03")


def focused_field() -> QLineEdit:
    widget = focused()
    assert isinstance(widget, QLineEdit), widget
    return widget


def test_funding_fields_are_not_rebuilt_while_tabbing_through_them(
    qtbot: QtBot, make_ctx: Callable[..., Any]
) -> None:
    page = new_travel_line(qtbot, make_ctx())
    fields = {c: page.findChild(QLineEdit, f"funding_{c}") for c in CODES}
    assert all(isinstance(f, QLineEdit) for f in fields.values()), fields

    with recording() as said:
        type_text(qtbot, "25,000원*4회")  # an editing burst: its save is said after a pause
        visited: list[QLineEdit] = []
        tab_to(qtbot, "funding_01")
        visited.append(focused_field())
        # the burst's pause ends while the focus is on the first 재원 field
        qtbot.waitUntil(lambda: any("임시 저장했습니다" in a.text for a in said), timeout=10_000)
        for _ in CODES[1:]:
            key(qtbot, Key.Key_Tab)
            visited.append(focused_field())

    assert [f.accessibleIdentifier() for f in visited] == [f"funding_{c}" for c in CODES]
    assert visited == [fields[c] for c in CODES]  # the same widgets, in order, once each
    assert all(isValid(f) and f.isVisible() and f.text() == "" for f in visited)
    assert page.findChild(QLineEdit, "funding_03") is fields["03"] is focused()
    assert "금액보다 100천원 적습니다" in fields["03"].accessibleDescription()
