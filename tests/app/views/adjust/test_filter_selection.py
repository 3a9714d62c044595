"""The 조정 page's 찾기 never leaves a hidden line in the 선택한 예산 항목 panel (a run once
adjusted a 5,304천원 line to 90 that the filter hid), and it matches what users type:
세부사업, 통계목 code and name, 부서 — every word, each in any column."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from app.a11y.announce import recording
from app.views.adjust.adjust_page import AdjustPage
from domain.contracts.budget import ExpenditureLineOut
from tests.app.views.adjust.harness import MakeContext


def find(page: AdjustPage, text: str) -> None:
    """Type into 찾기 and move on (the filter applies on the typing pause or on leaving)."""
    page.filter.setText(text)
    page.apply_pending_filter()


def open_page(qtbot: QtBot, make_context: MakeContext) -> AdjustPage:
    page = AdjustPage(make_context("demo-budget-office"))
    page.setWindowTitle(page.accessibleName())
    qtbot.addWidget(page)
    page.show()
    page.activate()
    assert page.data is not None and page.model.rowCount() > 0
    return page


def test_a_filtered_out_line_is_cleared_from_the_panel_and_cannot_be_adjusted(
    qtbot: QtBot, make_context: MakeContext
) -> None:
    page = open_page(qtbot, make_context)
    assert page.data is not None
    target = page.model.line(page.model.rowCount() - 1)
    assert page.select_line(target.id)
    assert page.line_panel.line is not None and page.line_panel.line.id == target.id
    assert page.line_panel.adjust_button.isEnabled()

    # A filter that still shows the line keeps it, with what the user typed.
    page.line_panel.amount.setText("90")
    label = page._line_label(target)
    with recording() as said:
        find(page, label.split()[-1])
    assert page.selected_line()[0] is not None
    assert page.line_panel.line is not None and page.line_panel.line.id == target.id
    assert page.line_panel.amount.text() == "90"
    assert any(a.text.startswith("조회 결과") for a in said)

    # A filter that hides it: no selection, an empty panel, 조정/반려 disabled, said so.
    with recording() as said:
        find(page, "이런 항목은 없음")
    assert page.model.rowCount() == 0
    assert page.selected_line() == (None, "")
    assert page.line_panel.line is None
    assert not page.line_panel.adjust_button.isEnabled()
    assert not page.line_panel.return_button.isEnabled()
    assert not page.line_panel.amount.isEnabled() and page.line_panel.amount.text() == ""
    assert [a.text for a in said] == [
        "조회 결과 0건. 선택한 항목이 찾기 결과에 없어 선택을 해제했습니다."
    ]
    page.line_panel.apply_adjust()  # Enter on a stale button would do nothing either

    # Other lines shown, the chosen one not: still nothing selected (never another line).
    others = next(
        p for p in page.data.program_names.values()
        if p != page.data.program_names.get(getattr(target, "program_id", None), "")
    )  # fmt: skip
    find(page, others)
    assert page.model.rowCount() > 0 and page.model.row_of(target.id) < 0
    assert page.line_panel.line is None and not page.line_panel.adjust_button.isEnabled()
    # Choosing a shown line enables 조정 again.
    assert page.select_line(page.model.line(0).id)
    assert page.line_panel.adjust_button.isEnabled()

    # Nothing was adjusted on the server.
    find(page, "")
    page.reload()
    assert page.data is not None
    again = next(x for x in page.data.lines if x.id == target.id)
    assert again.amount == target.amount and again.adjusted_amount == target.adjusted_amount


def test_find_matches_program_object_code_and_name_and_department(
    qtbot: QtBot, make_context: MakeContext
) -> None:
    page = open_page(qtbot, make_context)
    data = page.data
    assert data is not None
    # (the demo's 긴급복지 지원 line is 301-01; the user's run searched a 201-01 line they made)
    line = next(x for x in data.lines if data.program_names.get(x.program_id) == "긴급복지 지원")
    code = line.object_code
    find(page, f"긴급복지 지원 {code}")
    rows = [page.model.line(r) for r in range(page.model.rowCount())]
    assert line.id in {r.id for r in rows}
    assert all(
        isinstance(r, ExpenditureLineOut) and r.object_code == code
        and data.program_names[r.program_id] == "긴급복지 지원"
        for r in rows
    )  # fmt: skip
    object_name = data.object_names[code]
    find(page, f"{code} {object_name}")
    assert page.model.rowCount() >= len(rows)
    department = data.department_names[line.department_id]
    find(page, f"{department} {code}")
    shown = {page.model.line(r).id for r in range(page.model.rowCount())}
    assert line.id in shown
    assert all(
        page.model.line(r).department_id == line.department_id for r in range(page.model.rowCount())
    )
