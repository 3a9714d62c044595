"""The 조정 page's 찾기 filters after a pause in typing, like the 통계목 찾기: typing
"긴급복지 지원 201-01" gives one model reset and one "조회 결과 N건", not one per key (Orca's
transcript had ten). A filter still waiting is applied before the table, a line action or the
summary key is used, so nothing acts on lines the user does not see."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from app.a11y.announce import recording
from app.views.adjust import adjust_page
from app.views.adjust.adjust_page import AdjustPage
from tests.app.views.adjust.harness import MakeContext
from tests.app.views.budget.keys import Key, key, type_text


def open_page(qtbot: QtBot, make_context: MakeContext) -> AdjustPage:
    page = AdjustPage(make_context("demo-budget-office"))
    page.setWindowTitle(page.accessibleName())
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow, timeout=3000)
    page.activate()
    assert page.data is not None and page.model.rowCount() > 1
    return page


def counted(said: list) -> list[str]:  # type: ignore[type-arg]
    return [a.text for a in said if a.text.startswith("조회 결과")]


def test_find_waits_for_a_pause_then_filters_once_and_says_the_count_once(
    qtbot: QtBot, make_context: MakeContext
) -> None:
    page = open_page(qtbot, make_context)
    data = page.data
    assert data is not None
    code = next(
        x.object_code for x in data.lines if data.program_names.get(x.program_id) == "긴급복지 지원"
    )  # (the demo's is 301-01; the Orca transcript finds the 201-01 line it made)
    all_rows = page.model.rowCount()
    resets: list[int] = []
    page.model.modelReset.connect(lambda: resets.append(1))
    page.filter.setFocus()
    with recording() as said:
        type_text(qtbot, f"긴급복지 지원 {code}")  # 14 keys and commits, no pause between
        assert counted(said) == [] and resets == []
        assert page.model.rowCount() == all_rows  # not filtered yet
        qtbot.waitUntil(lambda: counted(said) != [], timeout=3000)
        qtbot.wait(adjust_page.FILTER_PAUSE_MS * 2)
    count = page.model.rowCount()
    assert 0 < count < all_rows and len(resets) == 1
    said_count = counted(said)
    assert len(said_count) == 1 and said_count[0].startswith(f"조회 결과 {count}건"), said_count
    assert adjust_page.FILTER_PAUSE_MS <= 300

    # Keys right before Tab: the table gets focus with the filter applied, said once.
    with recording() as said:
        key(qtbot, Key.Key_End)
        for _ in range(len(f" {code}")):
            key(qtbot, Key.Key_Backspace)
        key(qtbot, Key.Key_Tab)  # leaves 찾기 (editingFinished): applied now, no pause needed
        assert counted(said) != []
        qtbot.wait(adjust_page.FILTER_PAUSE_MS * 2)
    assert len(counted(said)) == 1
    assert page.model.rowCount() >= count
    for row in range(page.model.rowCount()):
        assert "긴급복지 지원" in page._line_label(page.model.line(row))


def test_a_pending_filter_is_applied_before_the_line_is_used(
    qtbot: QtBot, make_context: MakeContext
) -> None:
    page = open_page(qtbot, make_context)
    first = page.model.line(0)
    assert page.select_line(first.id)
    page.filter.setText("이런 항목은 없음")  # no pause yet: the table still shows the line
    assert page.model.rowCount() > 0
    with recording() as said:
        line, _label = page.selected_line()  # what 의결 목록 and the panel would use
    assert line is None and page.line_panel.line is None
    assert not page.line_panel.adjust_button.isEnabled()
    assert counted(said) == ["조회 결과 0건. 선택한 항목이 찾기 결과에 없어 선택을 해제했습니다."]
    page.filter.setText("")
    assert page.summary() == ""  # the summary key: the filter applied, no line current
    assert page.model.rowCount() > 1
