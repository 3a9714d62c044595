"""The 재무관's and the 지출원's pages against a real demo server: the 사업담당 writes a 품의, the
재무관 makes its 지출원인행위 by keyboard (배정 잔액 shown), the 사업담당 writes two 결의, the
지출원 orders the payment of one and pays it by keyboard and 반려s the other (its amount goes
back to the 원인행위 and the line); a user holding both 사업담당 and 지출원 is refused the
지급명령 of their own 결의, and the Korean reason is told at the 지급명령 button."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.a11y.announce import recording
from app.a11y.audit import assert_accessible
from app.views.execution.review_page import ObligationPage, PaymentPage, ReviewPage
from domain.contracts.execution import DocumentIn
from domain.contracts.users import UserCreate
from domain.roles import Role
from tests.app.keyboard import focused, key, show_page, tab_to_widget, type_text
from tests.app.views.budget.harness import PASSWORD
from tests.app.views.execution.harness import FINANCE, PAYER, STAFF, staff_line

REQUESTS = "/execution/requests"
RESOLUTIONS = "/execution/resolutions"


def open_page(qtbot: QtBot, page: ReviewPage) -> ReviewPage:
    show_page(qtbot, page)
    assert page.data is not None
    return page


def tab_to(qtbot: QtBot, target: QWidget) -> None:
    tab_to_widget(qtbot, target, limit=20)


def find(qtbot: QtBot, page: ReviewPage, text: str) -> None:
    """Type into 문서 찾기 and go to the list with Enter."""
    page.filter.setFocus(Qt.FocusReason.TabFocusReason)
    page.filter.selectAll()
    type_text(qtbot, text)
    key(qtbot, Qt.Key.Key_Return)
    assert focused() is page.table


def arrow_to(qtbot: QtBot, page: ReviewPage, document_id: uuid.UUID) -> None:
    """Move with the arrow keys to the row of ``document_id``."""
    target = page.model.row_of(document_id)
    assert target >= 0
    key(qtbot, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    for _ in range(target):
        key(qtbot, Qt.Key.Key_Down)
    current = page.current_document()
    assert current is not None and current.id == document_id


def press(qtbot: QtBot) -> list[Any]:
    with recording() as said:
        key(qtbot, Qt.Key.Key_Space)
    return said


def test_the_chain_by_keyboard(qtbot: QtBot, make_ctx: Callable[..., Any]) -> None:
    staff = make_ctx(login=STAFF)
    line = staff_line(staff)
    title = f"교육 용역 {uuid.uuid4().hex[:6]}"
    request = staff.api.create_document(
        REQUESTS, DocumentIn(line_id=line.line_id, amount=300_000, title=title), uuid.uuid4()
    )

    # 재무관: the 품의 → 지출원인행위, the amount checked against 배정 잔액 shown in words
    finance = make_ctx(login=FINANCE)
    page = open_page(qtbot, ObligationPage(finance))
    assert_accessible(page)
    find(qtbot, page, title)
    doc = page.current_document()
    assert doc is not None and doc.id == request.id and doc.kind.value == "request"
    assert "배정 잔액" in page.detail.text() and "300,000원" in page.detail.text()
    assert page.model.data(page.model.index(0, 3)) == "300,000원"
    assert page.model.data(page.model.index(0, 6)) == "진행"
    key(qtbot, Qt.Key.Key_Tab)
    assert focused() is page.amount and page.amount.text() == "300,000"
    make = page.step_buttons[next(iter(page.step_buttons))]
    tab_to(qtbot, make)
    said = press(qtbot)
    assert f"지출원인행위을(를) 했습니다: {title} 300,000원" in [a.text for a in said]
    after = finance.api.execution_line(line.line_id)
    assert after.obligated == line.obligated + 300_000
    assert after.allotment_left == line.allotment_left - 300_000
    obligation = next(d for d in finance.api.documents(kind="obligation") if d.title == title)
    assert obligation.parent_id == request.id and obligation.amount == 300_000
    assert_accessible(page)

    # 사업담당: two 결의 under it
    first = staff.api.create_document(
        RESOLUTIONS, DocumentIn(parent_id=obligation.id, amount=200_000, title=title),
        uuid.uuid4(),
    )  # fmt: skip
    second = staff.api.create_document(
        RESOLUTIONS, DocumentIn(parent_id=obligation.id, amount=100_000, title=f"{title} 추가"),
        uuid.uuid4(),
    )  # fmt: skip
    resolved = staff.api.execution_line(line.line_id).resolved

    # 지출원: 지급명령 then 지급 of the first, by keyboard
    payer = make_ctx(login=PAYER)
    pay = open_page(qtbot, PaymentPage(payer))
    assert_accessible(pay)
    order_button = pay.step_buttons[next(iter(pay.step_buttons))]
    pay_button = list(pay.step_buttons.values())[1]
    find(qtbot, pay, title)
    arrow_to(qtbot, pay, first.id)
    assert not pay_button.isEnabled() and order_button.isEnabled()
    tab_to(qtbot, order_button)
    said = press(qtbot)
    assert f"지급명령을(를) 했습니다: {title} 200,000원" in [a.text for a in said]
    order = next(d for d in payer.api.documents(kind="payment_order") if d.parent_id == first.id)
    assert pay.model.row_of(order.id) >= 0
    assert focused() is pay.table
    arrow_to(qtbot, pay, order.id)
    tab_to(qtbot, pay_button)
    said = press(qtbot)
    assert f"지급을(를) 했습니다: {title} 200,000원" in [a.text for a in said]
    paid = payer.api.execution_line(line.line_id)
    assert paid.ordered == after.ordered + 200_000 and paid.paid == after.paid + 200_000

    # 반려 of the second: needs a reason, then releases its 100,000원
    arrow_to(qtbot, pay, second.id)
    tab_to(qtbot, pay.return_button)
    said = press(qtbot)
    assert focused() is pay.reason and said[-1].assertive
    assert pay.reason.accessibleDescription() == pay.problem.text() == "반려 사유를 적으세요"
    type_text(qtbot, "증빙 부족")
    tab_to(qtbot, pay.return_button)
    said = press(qtbot)
    assert any("반려했습니다" in a.text and "100,000원" in a.text for a in said)
    assert payer.api.document(second.id).state.value == "반려"
    assert payer.api.document(obligation.id).left == 100_000
    assert payer.api.execution_line(line.line_id).resolved == resolved - 100_000
    # the state filter shows it as 반려, in words
    pay.state_filter.setFocus()
    pay.state_filter.setCurrentIndex(pay.state_filter.findText("반려"))
    row = pay.model.row_of(second.id)
    assert row >= 0 and pay.model.data(pay.model.index(row, 6)) == "반려"
    assert_accessible(pay)


def test_the_writer_of_a_resolution_cannot_order_its_payment(
    qtbot: QtBot, make_ctx: Callable[..., Any]
) -> None:
    staff = make_ctx(login=STAFF)
    line = staff_line(staff)
    department = staff.api.me().department_id
    admin = make_ctx(login="demo-admin")
    login = f"dual-{uuid.uuid4().hex[:8]}"
    admin.api.create_user(UserCreate(
        login=login, display_name="겸직 담당", department_id=department, password=PASSWORD,
        roles=[Role.DEPT_STAFF, Role.DISBURSING_OFFICER],
    ))  # fmt: skip
    dual = make_ctx(login=login)
    dual.api.change_password(PASSWORD, "Dual-pass-2024-겸직")

    finance = make_ctx(login=FINANCE)
    ob = finance.api.create_document(
        "/execution/obligations",
        DocumentIn(line_id=line.line_id, amount=50_000, title="겸직 확인"),
        uuid.uuid4(),
    )  # fmt: skip
    mine = dual.api.create_document(
        RESOLUTIONS, DocumentIn(parent_id=ob.id, amount=50_000, title="겸직 확인"), uuid.uuid4()
    )
    page = open_page(qtbot, PaymentPage(dual))
    find(qtbot, page, "겸직 확인")
    arrow_to(qtbot, page, mine.id)
    order_button = page.step_buttons[next(iter(page.step_buttons))]
    tab_to(qtbot, order_button)
    said = press(qtbot)
    assert said[-1].assertive
    assert "지출결의를 작성한 사람은 그 결의의 지급명령을 할 수 없습니다" in said[-1].text
    assert order_button.accessibleDescription() == page.problem.text() == said[-1].text
    assert focused() is order_button
    assert (
        dual.api.execution_line(line.line_id).ordered
        == staff.api.execution_line(line.line_id).ordered
    )
    assert not [d for d in dual.api.documents(kind="payment_order") if d.parent_id == mine.id]
    assert_accessible(page)
