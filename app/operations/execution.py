"""Operations of the 지출 (execution) page of the 사업담당: load lines with their balances,
submit 품의 and 결의 through the outbox, send what waits, list my documents.

Every money-moving submission is first stored in the outbox of the local cache with a new
idempotency key (committed before the first send, ARCHITECTURE §8) and then sent. When the
server cannot be reached it stays there, with its key, and is sent by :func:`sync` when the
server is back (the page retries on a timer and at start): nothing is lost offline, and a
resend after a lost answer carries the same key, so the server applies it once. Sends are
serialised (one push at a time in this process), so two pushes never race on one item.

The shared push lives in ``execution_common``, the 채주 operations in ``payees`` and those of
the 재무관 and the 지출원 in ``execution_review``; their names stay importable from here.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from app.operations import Changes
from app.operations.execution_common import PAYEES as PAYEES
from app.operations.execution_common import SENT as SENT
from app.operations.execution_common import Done as Done
from app.operations.execution_common import Err as Err
from app.operations.execution_common import pick_version, push
from app.operations.execution_common import sync as sync
from app.operations.execution_review import ACTION_PATHS as ACTION_PATHS
from app.operations.execution_review import ActionOutcome as ActionOutcome
from app.operations.execution_review import ReviewData as ReviewData
from app.operations.execution_review import act as act
from app.operations.execution_review import close_path as close_path
from app.operations.execution_review import load_review as load_review
from app.operations.execution_review import waiting_actions as waiting_actions
from app.operations.payees import PayeeOutcome as PayeeOutcome
from app.operations.payees import add_payee as add_payee
from app.operations.payees import find_payees as find_payees
from app.operations.payees import queued_payee as queued_payee
from app.services.cache.records import OutboxItem, OutboxState
from app.services.sync.push import PushReport
from domain.contracts.auth import SessionUser
from domain.contracts.budget import VersionOut
from domain.contracts.execution import DocumentIn, DocumentOut, LineExecution
from domain.execution import DocKind, DocState

if TYPE_CHECKING:
    from app.context import AppContext
    from app.tasks import TaskState

_pick_version = pick_version  # the old private name (tests' harness uses it)

PATHS: dict[DocKind, str] = {
    DocKind.REQUEST: "/execution/requests",
    DocKind.RESOLUTION: "/execution/resolutions",
}
"""What the 사업담당 writes from this page, and where it is posted."""
KIND_OF_PATH = {path: kind for kind, path in PATHS.items()}


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


def load_execution(
    ctx: AppContext, on_done: Done = None, on_error: Err = None, *, source: object = None
) -> TaskState:
    """The 성립 version, its lines (the user's own 부서's, for 부서 staff) with 배정·집행·잔액,
    and the open 원인행위 of each line (one net task)."""

    def work(state: TaskState) -> ExecutionData:
        api = ctx.api
        user = api.me()
        version = pick_version(api.versions())
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


def _ours(item: OutboxItem) -> bool:
    return item.path in KIND_OF_PATH or item.path == PAYEES


def submissions(ctx: AppContext, on_done: Done = None, on_error: Err = None) -> TaskState:
    """This page's outbox items with their states, oldest first."""

    def work(_state: TaskState) -> list[Submission]:
        return [Submission.of(i) for i in ctx.outbox.all() if _ours(i)]

    return ctx.ops.run_db("보낼 문서 목록", work, Changes(), on_done, on_error)


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
