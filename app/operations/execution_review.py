"""Operations of the 재무관's and the 지출원's pages: the documents waiting for them (with every
line's 배정 잔액), and what they do with them — 원인행위, 지급명령, 지급, 반려, 취소.

Every action is stored in the outbox with a new idempotency key (committed before the first
send) and then sent; offline it waits there and is sent once by ``execution_common.sync``.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from app.operations import Changes
from app.operations.execution_common import SENT, Done, Err, pick_version, push
from app.services.cache.records import OutboxItem, OutboxState
from app.services.sync.push import PushReport
from domain.contracts.auth import SessionUser
from domain.contracts.budget import VersionOut
from domain.contracts.execution import DocumentOut, LineExecution
from domain.execution import DocKind, DocState

if TYPE_CHECKING:
    from app.context import AppContext
    from app.tasks import TaskState

ACTION_PATHS: dict[DocKind, str] = {
    DocKind.OBLIGATION: "/execution/obligations",
    DocKind.PAYMENT_ORDER: "/execution/payment-orders",
    DocKind.PAYMENT: "/execution/payments",
}
"""Where the 재무관's 원인행위 and the 지출원's 지급명령 and 지급 are posted."""


def close_path(document_id: uuid.UUID, to: DocState) -> str:
    """반려 (``/return``) or 취소 (``/cancel``) of one document."""
    return f"/execution/documents/{document_id}/{'return' if to is DocState.RETURNED else 'cancel'}"


@dataclass
class ReviewData:
    """What waits for a 재무관 or 지출원: documents of ``kinds``, with every line's balance."""

    user: SessionUser | None
    version: VersionOut | None
    lines: dict[uuid.UUID, LineExecution] = field(default_factory=dict)
    object_names: dict[str, str] = field(default_factory=dict)
    documents: list[DocumentOut] = field(default_factory=list)

    def line_text(self, line_id: uuid.UUID) -> str:
        """ "노인 일자리 지원 201-01 사무관리비" (empty for a line of another budget)."""
        line = self.lines.get(line_id)
        if line is None:
            return ""
        name = self.object_names.get(line.object_code, "")
        return f"{line.program_name} {line.object_code} {name}".strip()


def load_review(
    ctx: AppContext,
    kinds: tuple[DocKind, ...],
    state: DocState | None = DocState.ACTIVE,
    on_done: Done = None,
    on_error: Err = None,
    *,
    source: object = None,
) -> TaskState:
    """Documents of ``kinds`` (in ``state``; every state when None), newest first, and the
    lines of the 성립 budget with 배정 and 배정 잔액 (one net task)."""

    def work(task: TaskState) -> ReviewData:
        api = ctx.api
        data = ReviewData(api.me(), pick_version(api.versions()))
        if data.version is not None:
            version = data.version
            data.object_names = {c.code: c.name for c in api.codes(version.fiscal_year, "objects")}
            data.lines = {x.line_id: x for x in api.execution_lines(version.id)}
        task.raise_if_cancelled()
        wanted = state.value if state else None
        docs = [d for k in kinds for d in api.documents(kind=k.value, state=wanted)]
        data.documents = sorted(docs, key=lambda d: d.created_at, reverse=True)
        return data

    return ctx.ops.run_net("처리할 문서", work, Changes(), on_done, on_error, source=source)


@dataclass(frozen=True)
class ActionOutcome:
    """A 원인행위, 지급명령, 지급, 반려 or 취소 after the first attempt to send it."""

    key: uuid.UUID
    state: OutboxState
    status: int | None
    error: str
    report: PushReport


def act(
    ctx: AppContext,
    label: str,
    path: str,
    payload: dict[str, Any],
    on_done: Done = None,
    on_error: Err = None,
    *,
    source: object = None,
) -> TaskState:
    """Store the action in the outbox (its idempotency key committed first), then send it:
    ``on_done`` gets an :class:`ActionOutcome` (sent, failed with the server's Korean reason,
    or still pending while offline, to be sent once by :func:`sync`)."""

    def stored(item: OutboxItem) -> None:
        def send(_state: TaskState) -> ActionOutcome:
            report = push(ctx)
            now = ctx.outbox.get(item.idempotency_key) or item
            return ActionOutcome(now.idempotency_key, now.state, now.response_status,
                                 now.last_error, report)  # fmt: skip

        ctx.ops.run_net(f"{label} 보내기", send, SENT, on_done, on_error, source=source)

    return ctx.ops.run_db(
        f"{label} 보관",
        lambda _s: ctx.outbox.enqueue("POST", path, payload),
        Changes(),
        stored,
        on_error,
        source=source,
    )


def waiting_actions(ctx: AppContext, on_done: Done = None, on_error: Err = None) -> TaskState:
    """How many of this page's actions (원인행위, 지급명령, 지급, 반려, 취소) wait to be sent."""
    paths = set(ACTION_PATHS.values())

    def mine(item: OutboxItem) -> bool:
        return item.path in paths or item.path.startswith("/execution/documents/")

    def work(_state: TaskState) -> int:
        return sum(1 for i in ctx.outbox.pending() if mine(i))

    return ctx.ops.run_db("보낼 처리 문서", work, Changes(), on_done, on_error)
