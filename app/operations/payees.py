"""채주 operations of the 지출 page: find a 채주, and register a new one through the outbox
(like a document: its idempotency key is committed before the first send, and offline it
waits there with an id a 결의 can already name)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.operations import Changes
from app.operations.execution_common import PAYEES, SENT, Done, Err, push
from app.services.cache.records import OutboxItem, OutboxState
from domain.contracts.execution import PayeeIn, PayeeOut
from domain.payee import format_business_number, mask_account

if TYPE_CHECKING:
    from app.context import AppContext
    from app.tasks import TaskState


def find_payees(
    ctx: AppContext, query: str, on_done: Done = None, on_error: Err = None
) -> TaskState:
    """채주 by name or 사업자등록번호 (every 채주 when ``query`` is empty)."""
    text = query.strip() or None
    return ctx.ops.run_net(
        "채주 찾기", lambda _s: ctx.api.payees(text), Changes(), on_done, on_error
    )


@dataclass(frozen=True)
class PayeeOutcome:
    """A new 채주 after the first attempt to send it: ``sent`` (``payee`` as the server has
    it), ``pending`` (offline: ``payee`` as queued, its id already usable by a 결의) or
    ``failed`` (refused, ``error`` in Korean; nothing was registered)."""

    payee: PayeeOut
    state: OutboxState
    error: str
    status: int | None


def queued_payee(body: PayeeIn) -> PayeeOut:
    """The 채주 as it will be: the client's id, the account already masked."""
    assert body.id is not None
    number = body.business_number
    return PayeeOut(
        id=body.id, name=body.name.strip(), resident_number_masked=None,
        business_number=format_business_number(number) if number else None,
        bank=body.bank.strip(), account_masked=mask_account(body.account_number.strip()),
        account_holder=body.account_holder.strip(), version=0,
    )  # fmt: skip


def add_payee(
    ctx: AppContext,
    body: PayeeIn,
    on_done: Done = None,
    on_error: Err = None,
    *,
    source: object = None,
) -> TaskState:
    """채주 등록. Its id is made here and the request is stored in the outbox with its own
    idempotency key before it is sent (like a document): offline it waits, and a 결의 queued
    after it names that id and is sent after it. ``on_done`` gets a :class:`PayeeOutcome`.

    A 채주 with a 주민등록번호 is never written to this PC (the server keeps it encrypted):
    it is sent directly, online only; offline ``on_error`` gets the OfflineError and the
    fields keep what was typed."""
    body = body.model_copy(update={"id": body.id or uuid.uuid4()})
    if body.resident_number:

        def direct(_state: TaskState) -> PayeeOutcome:
            payee = ctx.api.create_payee(body)
            return PayeeOutcome(payee, OutboxState.SENT, "", 201)

        return ctx.ops.run_net("채주 등록", direct, SENT, on_done, on_error, source=source)
    payload = body.model_dump(mode="json", exclude_none=True)

    def stored(item: OutboxItem) -> None:
        def send(_state: TaskState) -> PayeeOutcome:
            push(ctx)
            now = ctx.outbox.get(item.idempotency_key) or item
            payee = queued_payee(body)
            if now.state is OutboxState.SENT:
                payee = ctx.api.payee(payee.id)
            return PayeeOutcome(payee, now.state, now.last_error, now.response_status)

        ctx.ops.run_net("채주 등록 보내기", send, SENT, on_done, on_error, source=source)

    return ctx.ops.run_db(
        "채주 등록 보관",
        lambda _s: ctx.outbox.enqueue("POST", PAYEES, payload),
        Changes(),
        stored,
        on_error,
    )
