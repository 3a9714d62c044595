"""The whole cycle on the demo data, driving the real 조정 page against a real server child:
요구 → 조정 → 확정 (refused first: 일반회계 does not balance) → 의결 (a raise refused, one cut)
→ 성립 → 제1회추경 (기정액 = 성립 amounts, 증감 0) → next year's version."""

from __future__ import annotations

import uuid

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from app.a11y import assert_accessible
from app.a11y.announce import recording
from app.models.budget_lines_model import LineColumn
from app.models.roles import Roles
from app.views.adjust.adjust_page import AdjustPage
from domain.contracts.budget import BasisItemIn, ExpenditureLineCreate
from tests.app.views.adjust.harness import MakeContext

pytestmark = pytest.mark.slow


def press(qtbot: QtBot, widget: QAbstractButton) -> None:
    """Activate a button from the keyboard (focus, then Space)."""
    assert widget.isEnabled(), widget.accessibleName()
    widget.setFocus()
    QTest.keyClick(widget, Qt.Key.Key_Space)


def type_into(qtbot: QtBot, field: QLineEdit, text: str) -> None:
    """Replace the field's text from the keyboard. Hangul arrives as an input method commit,
    as a Korean IME sends it (QTest's key clicks only know Latin-1 characters)."""
    field.setFocus()
    field.selectAll()
    QTest.keyClick(field, Qt.Key.Key_Delete)
    if text.isascii():
        QTest.keyClicks(field, text)
        return
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(field, event)


def column_values(page: AdjustPage, column: LineColumn) -> list[int | None]:
    model = page.model
    c = model.column_of(column)
    return [model.index(r, c).data(Roles.VALUE) for r in range(model.rowCount())]


def test_whole_cycle_on_demo(qtbot: QtBot, make_context: MakeContext) -> None:
    # -- 요구: the 부서 예산담당 of 복지정책과 adds a line and submits the 부서 --------------------
    # (The 예산편성 page does this on screen; it is a colleague's page, so here it is the API.)
    dept = make_context("demo-dept-budget")
    office = make_context("demo-budget-office")
    api = office.api
    draft = next(v for v in api.versions() if v.state == "작성중")
    dept_id = dept.session.user.department_id if dept.session.user else None
    assert dept_id is not None
    program = next(
        p
        for p in dept.api.programs(draft.fiscal_year, level="세부", department_id=dept_id)
        if p.name == "긴급복지 지원"
    )
    new_line = dept.api.create_expenditure_line(
        draft.id,
        ExpenditureLineCreate(
            account_code="100", program_id=program.id, object_code="201-01",
            basis=[BasisItemIn(label="○ 상담 안내문 인쇄", formula="600원*10,000부")],
            funding={"03": 6000},
        ),
    )  # fmt: skip
    assert new_line.amount == 6000
    submitted = dept.api.submit_department(draft.id, dept_id, api.version(draft.id).version)
    assert {s.state for s in submitted} == {"요구"}

    # -- the 조정 page opens on the version being written --------------------------------------
    page = AdjustPage(office)
    page.setWindowTitle(page.accessibleName())  # alone here; in the app it sits in the window
    qtbot.addWidget(page)
    page.show()
    page.activate()
    assert page.data is not None and page.data.detail.id == draft.id
    assert_accessible(page)
    lines = page.line_panel
    versions = page.version_panel

    # -- 조정 needs a reason; then 6,000 → 5,500 -------------------------------------------------
    assert page.select_line(new_line.id)
    type_into(qtbot, lines.amount, "5,500")
    lines.reason.clear()
    with recording() as said:
        press(qtbot, lines.adjust_button)
    assert any(a.assertive and "사유" in a.text for a in said)
    assert "사유" in lines.reason.accessibleDescription()
    assert api.expenditure_line(new_line.id).adjusted_amount is None
    type_into(qtbot, lines.reason, "인쇄 단가 조정")
    press(qtbot, lines.adjust_button)
    adjusted = api.expenditure_line(new_line.id)
    assert (adjusted.adjusted_amount, adjusted.adjust_reason) == (5500, "인쇄 단가 조정")
    assert adjusted.requested_amount == 6000
    history = lines.history.texts()
    assert any("요구" in h and "6,000천원" in h for h in history), history
    assert any("조정" in h and "5,500천원" in h and "인쇄 단가 조정" in h for h in history)

    # -- 확정 is refused: 일반회계 has 5,500천원 more 세출 than 세입 ---------------------------
    with recording() as said:
        press(qtbot, versions.confirm_button)
    reasons = versions.reasons.texts()
    assert any("일반회계(100)" in r and "차이 -5,500천원" in r for r in reasons), reasons
    assert any(a.assertive and "일반회계(100)" in a.text for a in said)
    assert api.version(draft.id).state == "작성중"

    # -- balance it: 세입 재산세 +5,500 as a 세입 조정, then 확정 --------------------------------
    page.kind.setCurrentIndex(page.kind.findData("revenue"))
    tax = next(r for r in api.revenue_lines(draft.id) if r.item_code == "11104")
    assert page.select_line(tax.id)
    type_into(qtbot, lines.amount, f"{tax.amount + 5500:,}")
    type_into(qtbot, lines.reason, "재산세 추계 상향")
    press(qtbot, lines.adjust_button)
    assert api.revenue_line(tax.id).amount == tax.amount + 5500
    press(qtbot, versions.confirm_button)
    assert api.version(draft.id).state == "확정"
    assert versions.reasons.count() == 0

    # -- 의결: a raise is refused naming the line; then one cut on each side ---------------------
    page.kind.setCurrentIndex(page.kind.findData("expenditure"))
    assert page.select_line(new_line.id)
    type_into(qtbot, versions.council_amount, "7,000")
    press(qtbot, versions.add_cut_button)
    press(qtbot, versions.adopt_button)
    reasons = versions.reasons.texts()
    assert any("긴급복지 지원" in r and "의결액 7,000천원" in r for r in reasons), reasons
    assert "7,000" in versions.council_amount.accessibleDescription()
    assert api.version(draft.id).state == "확정"
    press(qtbot, versions.clear_cuts_button)
    type_into(qtbot, versions.council_amount, "5,000")
    press(qtbot, versions.add_cut_button)
    page.kind.setCurrentIndex(page.kind.findData("revenue"))
    assert page.select_line(tax.id)
    type_into(qtbot, versions.council_amount, f"{tax.amount + 5000:,}")
    press(qtbot, versions.add_cut_button)
    assert versions.cut_list.count() == 2
    press(qtbot, versions.adopt_button)
    after = api.version(draft.id)
    assert after.state == "의결", versions.reasons.texts()
    assert api.expenditure_line(new_line.id).adopted_amount == 5000

    # -- 성립 ----------------------------------------------------------------------------------
    press(qtbot, versions.establish_button)
    assert api.version(draft.id).state == "성립"
    established = {
        (x.account_code, x.program_id, x.object_code): x.amount
        for x in api.expenditure_lines(draft.id)
    }

    # -- 제1회추경: 기정액 = 성립 amounts, 증감 0, in the table and on the server ----------------
    with recording() as said:
        press(qtbot, versions.supplementary_button)
    assert any("추가경정예산" in a.text for a in said)
    data = page.data
    assert data is not None and data.detail.kind == "제1회추경", data.detail.kind
    assert data.detail.base_version_id == draft.id
    page.kind.setCurrentIndex(page.kind.findData("expenditure"))
    model = page.model
    amount_header = model.headerData(model.column_of(LineColumn.AMOUNT), Qt.Orientation.Horizontal)
    assert amount_header == "경정액"
    assert column_values(page, LineColumn.BASE) == column_values(page, LineColumn.AMOUNT)
    assert set(column_values(page, LineColumn.CHANGE)) == {0}
    copied = api.expenditure_lines(data.detail.id)
    assert {(x.account_code, x.program_id, x.object_code): x.base_amount for x in copied} == (
        established
    )
    assert all(x.amount == x.base_amount for x in copied)
    assert_accessible(page)

    # -- next year's version from the 성립 budget ------------------------------------------------
    page.reload(select=draft.id)
    press(qtbot, versions.next_year_button)
    data = page.data
    assert data is not None
    assert (data.detail.fiscal_year, data.detail.kind) == (draft.fiscal_year + 1, "본예산(안)")
    assert isinstance(data.detail.id, uuid.UUID)
