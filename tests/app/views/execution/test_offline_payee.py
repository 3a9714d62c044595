"""A new 채주 while the server is down, against a real demo server that is stopped and started
again on the same data and port:

- without a 주민등록번호 it waits in the outbox with its own idempotency key and an id made by
  the client; the 채주 is usable at once, a 결의 written for it waits after it naming that id,
  and when the server is back both are sent once, in order — the 결의's 채주 is that 채주; the
  account number kept on this PC is masked once the server has it;
- with a 주민등록번호 (never written to this PC) it is refused in Korean at that field, the
  typed fields stay, nothing is queued, and 채주 추가 works once the server is back.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.a11y.announce import recording
from app.a11y.audit import assert_accessible
from app.operations import execution as ops
from app.services.cache.records import OutboxState
from tests.app.views.budget.keys import key, type_text
from tests.app.views.execution.harness import PAYER, RestartableServer, obligate, staff_line
from tests.app.views.execution.test_expenditure_page import open_page, tab_to


def fill_payee(qtbot: QtBot, page: Any, name: str, number: str, resident: str = "") -> None:
    payees = page.payees
    payees.name_edit.setFocus(Qt.FocusReason.TabFocusReason)
    type_text(qtbot, name)
    if number:
        tab_to(qtbot, payees.number_edit)
        type_text(qtbot, number)
    if resident:
        tab_to(qtbot, payees.resident_edit)
        type_text(qtbot, resident)
    tab_to(qtbot, payees.bank_edit)
    type_text(qtbot, "국민은행")
    tab_to(qtbot, payees.account_edit)
    type_text(qtbot, "123456-01-234567")
    tab_to(qtbot, payees.add_button)


def test_a_payee_added_offline_waits_and_a_resolution_for_it_follows(
    qtbot: QtBot, server: RestartableServer, make_ctx: Callable[..., Any]
) -> None:
    ctx = make_ctx()
    line = staff_line(ctx)
    ob = obligate(server.url, server.data_dir / "finance", line.line_id, 400_000, "오프라인 계약")
    page = open_page(qtbot, ctx)
    page.lines.select_line(line.line_id)
    form, payees = page.form, page.payees
    server.stop()
    try:
        fill_payee(qtbot, page, "오프라인상회", "124-81-00998")
        with recording() as said:
            key(qtbot, Qt.Key.Key_Space)  # 채주 추가, offline
            qtbot.waitUntil(lambda: payees.payee is not None)
        last = said[-1]
        assert last.assertive and "채주 등록을 보낼 문서에 보관했습니다" in last.text, said
        assert "오프라인상회" in last.text and "234567" not in last.text
        payee = payees.payee
        assert payee is not None and payee.account_masked.endswith("4567")
        assert "보내기 대기" in payees.chosen.text() and payees.name_edit.text() == ""
        queued = [i for i in ctx.outbox.pending() if i.path == ops.PAYEES]
        assert len(queued) == 1 and queued[0].body["id"] == str(payee.id)
        qtbot.waitUntil(lambda: page.documents.outbox_model.pending() == 1)
        assert page.documents.outbox_model.index(0, 0).data() == "채주 등록"

        # a 결의 with withholding (needs the 채주), written for the queued 채주
        texts = [form.obligation.itemText(i) for i in range(form.obligation.count())]
        form.obligation.setCurrentIndex(
            next(i for i, t in enumerate(texts) if "오프라인 계약" in t)
        )
        form.title_edit.setFocus(Qt.FocusReason.TabFocusReason)
        type_text(qtbot, "오프라인 채주 결의")
        key(qtbot, Qt.Key.Key_Tab)
        type_text(qtbot, "300000")
        key(qtbot, Qt.Key.Key_Tab)
        key(qtbot, Qt.Key.Key_End)  # 사업소득
        assert form.income.currentText() == "사업소득"
        tab_to(qtbot, form.submit_button)
        with recording() as said:
            key(qtbot, Qt.Key.Key_Space)
            qtbot.waitUntil(lambda: any("보낼 문서에 보관했습니다" in a.text for a in said))
        pending = ctx.outbox.pending()
        assert [i.path for i in pending] == [ops.PAYEES, "/execution/resolutions"]
        assert pending[1].body["payee_id"] == str(payee.id)
        assert len({i.idempotency_key for i in pending}) == 2  # each its own key
        assert_accessible(page)
    finally:
        server.start()

    page.documents.send_button.setFocus()
    with recording() as said:
        key(qtbot, Qt.Key.Key_Space)  # 지금 보내기, the server is back
        qtbot.waitUntil(lambda: any("보낼 문서 2건을 보냈습니다" in a.text for a in said))
    assert ctx.outbox.pending() == []
    payer = make_ctx(login=PAYER)
    on_server = payer.api.payee(payee.id)
    assert (on_server.name, on_server.business_number) == ("오프라인상회", "124-81-00998")
    docs = [d for d in payer.api.documents(kind="resolution") if d.parent_id == ob.id]
    assert [(d.title, d.amount, d.payee_id, d.withheld) for d in docs] == [
        ("오프라인 채주 결의", 300_000, payee.id, 9_900)
    ]
    assert [p.id for p in payer.api.payees("오프라인상회")] == [payee.id]  # registered once
    sent = ctx.outbox.get(queued[0].idempotency_key)
    assert sent is not None and sent.state is OutboxState.SENT
    assert "234567" not in sent.body["account_number"] and sent.body["account_number"].endswith(
        "4567"
    )
    assert ops.push(ctx).sent == 0  # nothing left, nothing sent twice


def test_a_payee_with_a_resident_number_is_not_kept_offline(
    qtbot: QtBot, server: RestartableServer, make_ctx: Callable[..., Any]
) -> None:
    ctx = make_ctx()
    page = open_page(qtbot, ctx)
    payees = page.payees
    server.stop()
    try:
        fill_payee(qtbot, page, "김강사", "", resident="900101-1234567")
        with recording() as said:
            key(qtbot, Qt.Key.Key_Space)
            qtbot.waitUntil(lambda: any(a.assertive for a in said))
        message = [a.text for a in said if a.assertive][-1]
        assert "채주를 등록하지 않았습니다" in message and "입력한 내용은 그대로" in message
        assert payees.resident_edit.hasFocus()
        assert payees.resident_edit.accessibleDescription() == message
        assert (payees.name_edit.text(), payees.resident_edit.text()) == (
            "김강사",
            "900101-1234567",
        )
        assert [i for i in ctx.outbox.all() if i.path == ops.PAYEES] == []
        assert not any("1234567" in str(i.body) for i in ctx.outbox.all())
    finally:
        server.start()
    payees.add_button.setFocus()
    with recording() as said:
        key(qtbot, Qt.Key.Key_Space)
        qtbot.waitUntil(lambda: any("채주를 등록했습니다" in a.text for a in said))
    assert payees.payee is not None and payees.payee.resident_number_masked == "900101-1******"
    assert [i for i in ctx.outbox.all() if i.path == ops.PAYEES] == []
