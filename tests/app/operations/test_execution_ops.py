"""The execution operations' exactly-once rules with a scripted session (no server): the key is
committed before the first send, an unanswered send keeps the item pending with the same key,
a refusal is kept with its Korean reason, a later item never overtakes an earlier one, and
pushes are one at a time."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from app.operations import ChangeHub, OperationRunner
from app.operations import execution as ops
from app.services.api.errors import Conflict, OfflineError
from app.services.cache.database import CacheDatabase
from app.services.cache.outbox import Outbox
from app.services.cache.records import OutboxState
from app.tasks import TaskManager
from domain.contracts.execution import DocumentIn
from domain.execution import DocKind

PARENT = uuid.uuid4()


class ScriptedSession:
    """Answers each send with the next scripted outcome, recording what the outbox held."""

    def __init__(self, outbox: Outbox, script: list[Any]) -> None:
        self.outbox = outbox
        self.script = script
        self.sent: list[tuple[str, uuid.UUID, Any]] = []
        self.stored_at_send: list[bool] = []

    def request(self, method: str, path: str, **kw: Any) -> Any:
        key = kw["idempotency_key"]
        self.stored_at_send.append(self.outbox.get(key) is not None)
        self.sent.append((path, key, kw["json"]))
        outcome = self.script.pop(0)
        if isinstance(outcome, BaseException):
            raise outcome
        return SimpleNamespace(status_code=outcome)


@pytest.fixture
def outbox(tmp_path: Path) -> Iterator[Outbox]:
    db = CacheDatabase.in_data_dir(tmp_path)
    yield Outbox(db)
    db.close()


def _ctx(outbox: Outbox, script: list[Any]) -> Any:
    tasks = TaskManager(inline=True)
    session = ScriptedSession(outbox, script)
    return SimpleNamespace(ops=OperationRunner(tasks, ChangeHub()), outbox=outbox, session=session)


def _submit(ctx: Any, amount: int) -> ops.SubmitOutcome:
    got: list[ops.SubmitOutcome] = []
    body = DocumentIn(parent_id=PARENT, amount=amount, title=f"결의 {amount}")
    ops.submit(ctx, DocKind.RESOLUTION, body, got.append, lambda e: pytest.fail(str(e)))
    return got[0]


def test_key_stored_before_the_first_send_and_kept_while_offline(outbox: Outbox) -> None:
    ctx = _ctx(outbox, [OfflineError(), OfflineError(), 201])
    first = _submit(ctx, 1000)
    assert first.submission.state is OutboxState.PENDING and first.report.offline
    assert ctx.session.stored_at_send == [True]
    assert ops.push(ctx).offline
    assert ops.push(ctx).sent == 1
    keys = {key for _path, key, _body in ctx.session.sent}
    assert keys == {first.submission.key}  # three sends, one key
    item = outbox.get(first.submission.key)
    assert item is not None and item.state is OutboxState.SENT and item.attempts == 3
    assert ops.push(ctx).sent == 0  # nothing left: never sent again
    path, _key, body = ctx.session.sent[0]
    assert path == "/execution/resolutions" and body["parent_id"] == str(PARENT)


def test_refusal_is_kept_with_its_reason_and_order_is_kept(outbox: Outbox) -> None:
    refusal = Conflict(409, "parent_exceeded", "지출원인행위의 남은 금액이 부족합니다")
    ctx = _ctx(outbox, [OfflineError(), OfflineError(), refusal, 201])
    a = _submit(ctx, 1)
    b = _submit(ctx, 2)  # queued behind a: the push stops at the first unanswered item
    assert [p for p, _k, _b in ctx.session.sent] == ["/execution/resolutions"] * 2
    assert {k for _p, k, _b in ctx.session.sent} == {a.submission.key}
    assert b.submission.state is OutboxState.PENDING
    report = ops.push(ctx)
    assert (report.sent, report.failed) == (1, 1)
    failed = outbox.get(a.submission.key)
    assert failed is not None and failed.state is OutboxState.FAILED
    assert failed.last_error == "지출원인행위의 남은 금액이 부족합니다"
    assert failed.response_status == 409
    shown: list[list[ops.Submission]] = []
    ops.submissions(ctx, shown.append)
    assert [(s.amount, s.state) for s in shown[0]] == [
        (1, OutboxState.FAILED), (2, OutboxState.SENT)]  # fmt: skip


def test_pushes_are_one_at_a_time(outbox: Outbox) -> None:
    ctx = _ctx(outbox, [])
    outbox.enqueue("POST", "/execution/requests", {"amount": 5})
    entered = threading.Event()
    release = threading.Event()
    calls: list[uuid.UUID] = []

    def slow(method: str, path: str, **kw: Any) -> Any:
        calls.append(kw["idempotency_key"])
        entered.set()
        release.wait(5)
        return SimpleNamespace(status_code=201)

    ctx.session.request = slow
    first = threading.Thread(target=ops.push, args=(ctx,))
    first.start()
    assert entered.wait(5)
    second = threading.Thread(target=ops.push, args=(ctx,))
    second.start()
    second.join(0.2)
    assert second.is_alive()  # waits for the first push instead of sending the item again
    release.set()
    first.join(5)
    second.join(5)
    assert len(calls) == 1
