"""Operations of the 지출 (execution) page: load lines with their balances, find or add a
채주, submit 품의 and 결의 through the outbox, send what waits, list my documents.

Every money-moving submission is first stored in the outbox of the local cache with a new
idempotency key (committed before the first send, ARCHITECTURE §8) and then sent. When the
server cannot be reached it stays there, with its key, and is sent by :func:`sync` when the
server is back (the page retries on a timer and at start): nothing is lost offline, and a
resend after a lost answer carries the same key, so the server applies it once. Sends are
serialised (one push at a time in this process), so two pushes never race on one item.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from app.operations import Changes
from app.services.cache.records import OutboxItem, OutboxState
from app.services.sync.push import PushReport, push_pending
from domain.contracts.auth import SessionUser
from domain.contracts.budget import VersionOut
from domain.contracts.execution import DocumentIn, DocumentOut, LineExecution, PayeeIn, PayeeOut
from domain.execution import DocKind, DocState
from domain.payee import format_business_number, mask_account

if TYPE_CHECKING:
    from app.context import AppContext
    from app.tasks import TaskState

Done = Callable[[Any], None] | None
Err = Callable[[BaseException], None] | None

PATHS: dict[DocKind, str] = {
    DocKind.REQUEST: "/execution/requests",
    DocKind.RESOLUTION: "/execution/resolutions",
}
"""What the 사업담당 writes from this page, and where it is posted."""
KIND_OF_PATH = {path: kind for kind, path in PATHS.items()}
PAYEES = "/execution/payees"
"""Where a new 채주 is posted (through the outbox, like the documents)."""
_push_lock = threading.Lock()
SENT = Changes(execution=True)
"""What a push may have changed: the other 집행 pages of this client reload."""


@dataclass
class ExecutionData:
    """The 성립 budget being executed, the lines this user may use and their open 원인행위."""

    user: SessionUser | None
    version: VersionOut | None
    lines: list[LineExecution] = field(default_factory=list)
    departments: dict[uuid.UUID, str] = field(default_factory=dict)  # program → 부서 name
    object_names: dict[str, str] = field(default_factory=dict)
    obligations: dict[uuid.UUID, list[DocumentOut]] = field(default_factory=dict)  # by line

    @property
    def year(self) -> int:
        return self.version.fiscal_year if self.version else 0


@dataclass(frozen=True)
class Submission:
    """An outbox item of this page, as the list of submissions shows it."""

    key: uuid.UUID
    kind: DocKind | None  # None: a 채주 등록
    title: str
    amount: int
    state: OutboxState
    attempts: int
    error: str
    status: int | None

    @classmethod
    def of(cls, item: OutboxItem) -> Submission:
        body = item.body if isinstance(item.body, dict) else {}
        kind = KIND_OF_PATH.get(item.path)
        title = body.get("title") if kind is not None else body.get("name")
        return cls(
            key=item.idempotency_key, kind=kind, title=str(title or ""),
            amount=int(body.get("amount") or 0), state=item.state, attempts=item.attempts,
            error=item.last_error, status=item.response_status,
        )  # fmt: skip


@dataclass
class SubmitOutcome:
    """The submission after the first attempt to send it, and what that push did."""

    submission: Submission
    report: PushReport


def _pick_version(versions: list[VersionOut]) -> VersionOut | None:
    """The newest 성립 version (execution runs on an established budget)."""
    established = [v for v in versions if v.state == "성립"]
    return max(established, key=lambda v: (v.fiscal_year, v.created_at), default=None)


def load_execution(
    ctx: AppContext, on_done: Done = None, on_error: Err = None, *, source: object = None
) -> TaskState:
    """The 성립 version, its lines (the user's own 부서's, for 부서 staff) with 배정·집행·잔액,
    and the open 원인행위 of each line (one net task)."""

    def work(state: TaskState) -> ExecutionData:
        api = ctx.api
        user = api.me()
        version = _pick_version(api.versions())
        data = ExecutionData(user, version)
        if version is None:
            return data
        year = version.fiscal_year
        programs = api.programs(year)
        names = {d.id: d.name for d in api.departments()}
        own = user.department_id if _department_bound(user) else None
        allowed = {p.id for p in programs if own is None or p.department_id == own}
        data.departments = {p.id: names.get(p.department_id, "") for p in programs}
        data.object_names = {c.code: c.name for c in api.codes(year, "objects")}
        state.raise_if_cancelled()
        data.lines = [x for x in api.execution_lines(version.id) if x.program_id in allowed]
        line_ids = {x.line_id for x in data.lines}
        for doc in api.documents(kind=DocKind.OBLIGATION.value, state=DocState.ACTIVE.value):
            if doc.line_id in line_ids and doc.left > 0:
                data.obligations.setdefault(doc.line_id, []).append(doc)
        return data

    return ctx.ops.run_net("집행 예산 불러오기", work, Changes(), on_done, on_error, source=source)


def _department_bound(user: SessionUser) -> bool:
    """부서 staff see their own 부서's lines; the 예산부서 and 관리자 see every line."""
    return user.department_id is not None and not set(user.roles) & {"budget_office", "admin"}


def load_documents(
    ctx: AppContext,
    kind: DocKind | None = None,
    state: DocState | None = None,
    on_done: Done = None,
    on_error: Err = None,
    *,
    source: object = None,
) -> TaskState:
    """My documents (written by me), newest first, filtered by kind and state."""

    def work(_state: TaskState) -> list[DocumentOut]:
        return ctx.api.documents(
            kind=kind.value if kind else None, state=state.value if state else None, mine=True
        )

    return ctx.ops.run_net("내 집행 문서", work, Changes(), on_done, on_error, source=source)


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


def _ours(item: OutboxItem) -> bool:
    return item.path in KIND_OF_PATH or item.path == PAYEES


def submissions(ctx: AppContext, on_done: Done = None, on_error: Err = None) -> TaskState:
    """This page's outbox items with their states, oldest first."""

    def work(_state: TaskState) -> list[Submission]:
        return [Submission.of(i) for i in ctx.outbox.all() if _ours(i)]

    return ctx.ops.run_db("보낼 문서 목록", work, Changes(), on_done, on_error)


def push(ctx: AppContext) -> PushReport:
    """Send every pending outbox item, in order, each with its stored key (one at a time)."""
    with _push_lock:
        report = push_pending(ctx.outbox, ctx.session)
        ctx.outbox.redact_sent(PAYEES, ("account_number",), mask_account)
        return report


def sync(
    ctx: AppContext, on_done: Done = None, on_error: Err = None, *, source: object = None
) -> TaskState:
    """Send what waits in the outbox (after a restart, or when the server is back)."""
    return ctx.ops.run_net(
        "보낼 문서 보내기", lambda _s: push(ctx), SENT, on_done, on_error, source=source
    )


def submit(
    ctx: AppContext,
    kind: DocKind,
    body: DocumentIn,
    on_done: Done = None,
    on_error: Err = None,
    *,
    source: object = None,
) -> TaskState:
    """Store the document in the outbox (its key committed first), then try to send it.

    ``on_done`` gets a :class:`SubmitOutcome`: the item is ``sent``, ``failed`` (refused, with
    the server's Korean reason, e.g. 배정 잔액 부족) or still ``pending`` (offline)."""
    path = PATHS[kind]
    payload = body.model_dump(mode="json", exclude_none=True)

    def stored(item: OutboxItem) -> None:
        def send(_state: TaskState) -> SubmitOutcome:
            report = push(ctx)
            now = ctx.outbox.get(item.idempotency_key) or item
            return SubmitOutcome(Submission.of(now), report)

        ctx.ops.run_net(f"{kind.label} 보내기", send, SENT, on_done, on_error, source=source)

    return ctx.ops.run_db(
        f"{kind.label} 보관",
        lambda _s: ctx.outbox.enqueue("POST", path, payload),
        Changes(),
        stored,
        on_error,
        source=source,
    )


# -- the 재무관 and the 지출원: documents waiting for them, and what they do with them ----------
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
        data = ReviewData(api.me(), _pick_version(api.versions()))
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
