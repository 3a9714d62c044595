"""The 재무관's and the 지출원's pages while the server is down, against a real demo server that
is stopped and started again on the same data and port: an action (원인행위, 반려) is kept in
the outbox with its key, said assertively in Korean, the document takes no second action while
it waits, and when the server is back the page sends it once. And within one client a 원인행위
made on the 재무관's page makes the 지출 page reload (``Changes.execution``) and offer it."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from pytestqt.qtbot import QtBot

from app.a11y.announce import recording
from app.a11y.audit import assert_accessible
from app.operations import Changes
from app.operations import execution as ops
from app.views.execution.expenditure_page import ExpenditurePage
from app.views.execution.review_page import ObligationPage, PaymentPage
from domain.contracts.execution import DocumentIn
from domain.execution import DocState
from tests.app.views.budget.keys import type_text
from tests.app.views.execution.harness import (
    FINANCE,
    PAYER,
    STAFF,
    RestartableServer,
    obligate,
    staff_line,
)
from tests.app.views.execution.test_review_pages import find, open_page, press, tab_to


def test_obligation_offline_waits_once_and_is_sent_when_back(
    qtbot: QtBot, server: RestartableServer, make_ctx: Callable[..., Any]
) -> None:
    staff = make_ctx(login=STAFF)
    line = staff_line(staff)
    title = f"오프라인 원인행위 {uuid.uuid4().hex[:6]}"
    request = staff.api.create_document(
        "/execution/requests", DocumentIn(line_id=line.line_id, amount=200_000, title=title),
        uuid.uuid4(),
    )  # fmt: skip
    finance = make_ctx(login=FINANCE)
    page = open_page(qtbot, ObligationPage(finance))
    find(qtbot, page, title)
    make = page.step_buttons[next(iter(page.step_buttons))]
    tab_to(qtbot, make)
    server.stop()
    try:
        with recording() as said:
            press(qtbot)
            qtbot.waitUntil(lambda: any(a.assertive for a in said))
        message = [a.text for a in said if a.assertive][-1]
        assert "서버에 연결할 수 없어 지출원인행위을(를) 보낼 문서에 보관했습니다" in message
        waiting = finance.outbox.pending()
        assert [i.path for i in waiting] == ["/execution/obligations"]
        assert waiting[0].body["parent_id"] == str(request.id)
        # no second action on it while it waits, and the detail says why
        assert not make.isEnabled() and not page.return_button.isEnabled()
        assert "보내기 대기 중입니다" in page.detail.text()
        assert_accessible(page)
    finally:
        server.start()
    with recording() as said:
        page.activate()  # coming back to the page (or at start): what waits is sent
        qtbot.waitUntil(lambda: any("보낼 처리 1건을 보냈습니다" in a.text for a in said))
    assert finance.outbox.pending() == []
    made = [d for d in finance.api.documents(kind="obligation") if d.parent_id == request.id]
    assert [(d.amount, d.title) for d in made] == [(200_000, title)]
    assert ops.push(finance).sent == 0  # nothing sent twice
    qtbot.waitUntil(lambda: page.current_document() is not None)


def test_return_offline_on_the_payment_page_waits_and_loses_nothing(
    qtbot: QtBot, server: RestartableServer, make_ctx: Callable[..., Any]
) -> None:
    staff = make_ctx(login=STAFF)
    line = staff_line(staff)
    title = f"오프라인 반려 {uuid.uuid4().hex[:6]}"
    ob = obligate(server.url, server.data_dir / "finance", line.line_id, 100_000, title)
    resolution = staff.api.create_document(
        "/execution/resolutions", DocumentIn(parent_id=ob.id, amount=100_000, title=title),
        uuid.uuid4(),
    )  # fmt: skip
    payer = make_ctx(login=PAYER)
    pay = open_page(qtbot, PaymentPage(payer))
    find(qtbot, pay, title)
    current = pay.current_document()
    assert current is not None and current.id == resolution.id
    tab_to(qtbot, pay.reason)
    type_text(qtbot, "증빙 누락")
    tab_to(qtbot, pay.return_button)
    server.stop()
    try:
        with recording() as said:
            press(qtbot)
            qtbot.waitUntil(lambda: any(a.assertive for a in said))
        assert "반려을(를) 보낼 문서에 보관했습니다" in [a.text for a in said if a.assertive][-1]
        assert pay.reason.text() == "증빙 누락"  # kept until it is sent
        assert not any(b.isEnabled() for b in pay.buttons)
    finally:
        server.start()
    with recording() as said:
        pay.activate()
        qtbot.waitUntil(lambda: any("보낼 처리 1건을 보냈습니다" in a.text for a in said))
    assert payer.api.document(resolution.id).state is DocState.RETURNED
    assert payer.api.document(ob.id).used == 0  # released once


def test_an_obligation_on_the_finance_page_refreshes_the_expenditure_page(
    qtbot: QtBot, server: RestartableServer, make_ctx: Callable[..., Any]
) -> None:
    """One client (the demo switches roles in one window): the 재무관's 원인행위, sent from
    the outbox, says ``Changes.execution``; the loaded 지출 page reloads and offers it."""
    staff = make_ctx(login=STAFF)
    line = staff_line(staff)
    title = f"같은 창 {uuid.uuid4().hex[:6]}"
    request = staff.api.create_document(
        "/execution/requests", DocumentIn(line_id=line.line_id, amount=50_000, title=title),
        uuid.uuid4(),
    )  # fmt: skip
    spend = ExpenditurePage(staff)
    qtbot.addWidget(spend)
    spend.activate()
    qtbot.waitUntil(lambda: spend.data is not None)
    assert spend.data is not None
    assert all(d.title != title for ds in spend.data.obligations.values() for d in ds)
    finance = make_ctx(login=FINANCE)
    seen: list[Changes] = []
    finance.hub.changed.connect(lambda changes, _source: seen.append(changes))
    finance.hub.changed.connect(spend.on_changes)  # as the main window passes them on
    # the 재무관's action, sent through the operations (the 재무관's page does this)
    body = {"parent_id": str(request.id), "line_id": str(line.line_id), "amount": 50_000,
            "title": title}  # fmt: skip
    done: list[Any] = []
    ops.act(finance, "지출원인행위", "/execution/obligations", body, done.append)
    qtbot.waitUntil(lambda: bool(done))
    assert done[0].state.value == "sent", done
    assert any(c.execution for c in seen)
    qtbot.waitUntil(
        lambda: (
            spend.data is not None
            and any(d.title == title for ds in spend.data.obligations.values() for d in ds)
        ),
        timeout=10_000,
    )
