"""예산편성's line filter: the open line stays open while shown; a filter that hides it clears
the selection and the editor (line_selected(None)) and says so — never another line."""

from __future__ import annotations

import uuid

from pytestqt.qtbot import QtBot

from app.a11y.announce import recording
from app.views.budget.lines_panel import LinesPanel
from tests.app.models.factories import line


def test_a_hidden_line_is_deselected_and_a_shown_one_kept(qtbot: QtBot) -> None:
    panel = LinesPanel()
    qtbot.addWidget(panel)
    panel.configure({"100": "일반회계"}, {"201-01": "사무관리비", "202-01": "국내여비"},
                    {"city": "시비"}, {})  # fmt: skip
    office, travel = line("201-01", 5304, position=0), line("202-01", 90, position=1)
    chosen: list[object] = []
    panel.line_selected.connect(chosen.append)
    panel.set_lines([office, travel])
    assert panel.select_line(travel.id)
    chosen.clear()

    panel.filter.setText("국내")  # still shown: stays current, the editor is not reloaded
    current = panel.current_line()
    assert current is not None and current.id == travel.id and chosen == []

    with recording() as said:
        panel.filter.setText("사무관리비")  # hidden: nothing current, the editor cleared
    assert panel.model.rowCount() == 1 and panel.current_line() is None
    assert chosen == [None]
    assert not panel.table.selectionModel().hasSelection()
    assert [a.text for a in said] == [
        "1줄, 요구액 합계 5,304천원. 선택한 줄이 찾기 결과에 없어 선택을 해제했습니다."
    ]

    panel.filter.clear()
    assert panel.current_line() is None  # the user picks a line again
    assert panel.select_line(travel.id) and chosen[-1] is travel
    panel.filter.setText("국내")
    panel.set_lines([office, travel])  # a reload keeps the shown current line
    assert panel.current_line() == travel and chosen[-1] == travel
    panel.set_lines([line("202-01", 1, line_id=uuid.uuid4())])  # another program: first line
    assert panel.current_line() is not None
