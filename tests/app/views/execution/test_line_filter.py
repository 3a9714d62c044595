"""지출: the 예산 찾기 filter never leaves the document form on a line the filter hides."""

from __future__ import annotations

import uuid

from pytestqt.qtbot import QtBot

from app.a11y.announce import recording
from app.views.execution.line_panel import LinePanel
from domain.contracts.execution import LineExecution


def execution(program: str, code: str) -> LineExecution:
    return LineExecution(
        line_id=uuid.uuid4(), program_id=uuid.uuid4(), program_name=program, object_code=code,
        account_code="100", budget=1_000_000, allotted=1_000_000, obligated=0, resolved=0,
        ordered=0, paid=0, allotment_left=1_000_000, unallotted=0,
    )  # fmt: skip


def test_a_hidden_line_is_deselected_and_a_shown_one_kept(qtbot: QtBot) -> None:
    panel = LinePanel()
    qtbot.addWidget(panel)
    welfare, roads = execution("긴급복지 지원", "301-01"), execution("도로 유지", "201-01")
    chosen: list[object] = []
    panel.line_selected.connect(chosen.append)
    panel.set_lines([welfare, roads], {"301-01": "일반보상금", "201-01": "사무관리비"})
    assert panel.select_line(roads.line_id)
    chosen.clear()

    panel.filter.setText("도로")
    current = panel.current_line()
    assert current is not None and current.line_id == roads.line_id and chosen == []

    with recording() as said:
        panel.filter.setText("긴급")
        assert said == []  # said once, after a pause in the typing
        qtbot.waitUntil(lambda: bool(said))
    assert panel.current_line() is None and chosen == [None]
    assert panel.detail.text() == ""
    assert [a.text for a in said] == [
        "예산 1줄. 선택한 예산이 찾기 결과에 없어 선택을 해제했습니다."
    ]
    panel.filter.setText("없는 예산")
    assert panel.detail.text() == "찾는 예산이 없습니다"
    panel.filter.clear()
    assert panel.current_line() is None


def test_words_are_anded_and_the_count_said_once_per_burst(qtbot: QtBot) -> None:
    """ "행정복지 201-02": 세부사업 and 통계목 together; typing key by key says the count once."""
    panel = LinePanel()
    qtbot.addWidget(panel)
    centre, other = (
        execution("동 행정복지센터 운영", "201-02"),
        execution("동 행정복지센터 운영", "201-01"),
    )
    welfare = execution("긴급복지 지원", "201-02")
    panel.set_lines([centre, other, welfare], {"201-02": "공공운영비", "201-01": "사무관리비"})
    with recording() as said:
        for end in range(1, len("행정복지 201-02") + 1):
            panel.filter.setText("행정복지 201-02"[:end])
        qtbot.waitUntil(lambda: bool(said))
        qtbot.wait(400)
    assert [a.text for a in said] == ["예산 1줄"]  # the chosen (first) line is still shown
    assert panel.model.rowCount() == 1 and panel.model.row_object(0) == centre
    assert panel.current_line() == centre
    panel.filter.setText("공공운영 긴급")  # 통계목 name and 세부사업, any order
    assert [panel.model.row_object(r) for r in range(panel.model.rowCount())] == [welfare]
