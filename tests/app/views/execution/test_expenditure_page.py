"""The 지출 page against a real demo server: a 결의 entered by keyboard alone end to end as the
demo 사업담당 (line, new 채주 with a checked 사업자등록번호, amount, 기타소득 withholding,
evidence, submit), then checked through the API as the 지출원, who orders its payment; a
refusal (남은 금액 부족) is announced and tied to the amount field; the page passes the audit."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.a11y.announce import recording
from app.a11y.audit import assert_accessible
from app.views.execution.expenditure_page import ExpenditurePage
from domain.contracts.execution import PaymentIn
from tests.app.keyboard import focused, key, show_page, type_text
from tests.app.keyboard import tab_to_widget as tab_to
from tests.app.views.execution.harness import PAYER, RestartableServer, obligate, staff_line

TITLE = "3월 강사료"


def open_page(qtbot: QtBot, ctx: Any) -> ExpenditurePage:
    page = show_page(qtbot, ExpenditurePage(ctx))
    assert page.data is not None
    return page


def test_a_resolution_by_keyboard_alone(
    qtbot: QtBot, server: RestartableServer, make_ctx: Callable[..., Any]
) -> None:
    ctx = make_ctx()
    line = staff_line(ctx)
    ob = obligate(server.url, server.data_dir / "finance", line.line_id, 2_000_000, "강사 초빙")
    page = open_page(qtbot, ctx)
    assert_accessible(page)
    form, payees = page.form, page.payees

    page.lines.filter.setFocus(Qt.FocusReason.TabFocusReason)
    type_text(qtbot, line.program_name)
    key(qtbot, Qt.Key.Key_Return)
    assert focused() is page.lines.table
    for _ in range(page.lines.model.row_of(line.line_id)):
        key(qtbot, Qt.Key.Key_Down)
    chosen = page.lines.current_line()
    assert chosen is not None and chosen.line_id == line.line_id
    assert "배정 잔액" in page.lines.detail.text() and "원" in page.lines.detail.text()

    # a new 채주: the 사업자등록번호 is checked as it is typed
    tab_to(qtbot, payees.name_edit)
    type_text(qtbot, "한빛교육연구소")
    tab_to(qtbot, payees.number_edit)
    with recording() as said:
        type_text(qtbot, "124-81-00999")
    assert "검증번호가 맞지 않습니다" in payees.number_note.text()
    assert [a.text for a in said if a.assertive][-1] == payees.number_note.text()
    for _ in range(3):
        key(qtbot, Qt.Key.Key_Backspace)
    with recording() as said:
        type_text(qtbot, "998")
    assert payees.number_note.text() == "올바른 사업자등록번호입니다: 124-81-00998"
    assert said[-1].text == payees.number_note.text()
    assert payees.number_edit.accessibleDescription() == payees.number_note.text()
    tab_to(qtbot, payees.bank_edit)
    type_text(qtbot, "국민은행")
    tab_to(qtbot, payees.account_edit)
    type_text(qtbot, "123456-01-234567")
    tab_to(qtbot, payees.add_button)
    with recording() as said:
        key(qtbot, Qt.Key.Key_Space)
    assert any("채주를 등록했습니다" in a.text for a in said)
    assert payees.payee is not None and payees.payee.account_masked.endswith("4567")
    assert "234567" not in payees.chosen.text() and "*" in payees.chosen.text()

    # the 결의 under the 재무관's 원인행위
    tab_to(qtbot, form.kind)
    assert form.kind.currentText() == "지출결의"
    key(qtbot, Qt.Key.Key_Tab)
    assert focused() is form.obligation and "강사 초빙" in form.obligation.currentText()
    key(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, TITLE)
    key(qtbot, Qt.Key.Key_Tab)
    assert focused() is form.amount
    type_text(qtbot, "500000")
    assert form.amount.text() == "500,000"
    key(qtbot, Qt.Key.Key_Tab)
    assert focused() is form.income
    with recording() as said:
        key(qtbot, Qt.Key.Key_Down)
    assert form.income.currentText() == "기타소득"
    expected = ("지급액 500,000원, 원천징수 44,000원 (소득세 40,000원, 지방소득세 4,000원), "
                "실지급액 456,000원")  # fmt: skip
    assert form.withholding.text() == expected
    assert said[-1].text == expected
    key(qtbot, Qt.Key.Key_Tab)
    assert focused() is form.withholding
    # evidence: 견적서 with its file, 검수조서
    quote_check, quote_path = form.evidence[0][1], form.evidence[0][2]
    tab_to(qtbot, quote_check)
    key(qtbot, Qt.Key.Key_Space)
    key(qtbot, Qt.Key.Key_Tab)
    assert focused() is quote_path
    type_text(qtbot, "/srv/증빙/견적서.pdf")
    tab_to(qtbot, form.evidence[2][1])
    key(qtbot, Qt.Key.Key_Space)
    tab_to(qtbot, form.submit_button)
    assert_accessible(page)
    with recording() as said:
        key(qtbot, Qt.Key.Key_Space)
    assert "지출결의을(를) 보냈습니다: 500,000원" in [a.text for a in said]
    assert page.status.text() == "지출결의을(를) 보냈습니다: 500,000원"
    assert form.amount.text() == ""
    rows = page.documents.model.rows()
    assert rows and rows[0].title == TITLE and rows[0].net == 456_000
    assert page.documents.outbox_model.rows()[-1].state == "sent"

    # through the API as the 지출원: the 결의 is there once, and its payment can be ordered
    payer = make_ctx(login=PAYER)
    mine = [d for d in payer.api.documents(kind="resolution") if d.title == TITLE]
    assert len(mine) == 1
    doc = mine[0]
    assert (doc.amount, doc.withheld, doc.net, doc.author_login) == (
        500_000, 44_000, 456_000, "demo-dept-staff")  # fmt: skip
    assert doc.parent_id == ob.id and doc.payee_id == payees.payee.id
    assert doc.evidence == ["견적서: /srv/증빙/견적서.pdf", "검수조서"]
    order = payer.api.create_payment_order(PaymentIn(parent_id=doc.id), uuid.uuid4())
    assert order.amount == 500_000 and order.net == 456_000
    assert payer.api.execution_line(line.line_id).resolved == line.resolved + 500_000
    assert_accessible(page)


def test_a_refusal_is_told_at_the_amount(
    qtbot: QtBot, server: RestartableServer, make_ctx: Callable[..., Any]
) -> None:
    ctx = make_ctx()
    line = staff_line(ctx)
    obligate(server.url, server.data_dir / "finance", line.line_id, 100_000, "소액 계약")
    page = open_page(qtbot, ctx)
    page.lines.select_line(line.line_id)
    form = page.form
    index = next(
        i for i in range(form.obligation.count()) if "소액 계약" in form.obligation.itemText(i)
    )
    form.obligation.setCurrentIndex(index)
    form.amount.setFocus()
    type_text(qtbot, "150000")
    with recording() as said:
        page.submit()
    assert focused() is form.amount
    assert "남은 금액이 부족합니다" in form.problem.text()
    assert form.amount.accessibleDescription() == form.problem.text()
    assert said[-1].assertive and "남은 금액이 부족합니다" in said[-1].text
    assert page.documents.outbox_model.rows()[-1].state == "failed"
    # nothing is charged: the 원인행위 still has all of it left
    assert "100,000원" in form.obligation.itemText(index)
    assert_accessible(page)


def test_without_an_obligation_the_page_explains_the_roles(
    qtbot: QtBot, make_ctx: Callable[..., Any]
) -> None:
    ctx = make_ctx()
    page = open_page(qtbot, ctx)
    data = page.data
    assert data is not None
    empty = next(x for x in data.lines if not data.obligations.get(x.line_id))
    page.lines.select_line(empty.line_id)
    page.form.amount.setText("10,000")
    with recording() as said:
        page.submit()
    assert "품의를 올려 재무관의 지출원인행위를 받으세요" in said[-1].text
    assert focused() is page.form.kind
    # a 품의 needs no 원인행위: switch the kind by keyboard and submit
    page.form.kind.setFocus()
    key(qtbot, Qt.Key.Key_Down)
    assert page.form.kind.currentText() == "품의"
    with recording() as said:
        page.submit()
    assert "품의을(를) 보냈습니다: 10,000원" in [a.text for a in said]
