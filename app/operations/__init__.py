"""Named user actions (Anki's ``CollectionOp``; STYLE.md §4.3.2).

Views call operations, never services. An operation runs its work through the one task
facade (``app.tasks``) — network work on the net pool, cache work on the serialized DB worker
— and, when it succeeds, publishes a :class:`Changes` record on the :class:`ChangeHub` so that
open pages refresh only what the flags say changed.

    def submit_request(ctx, version_id, program_id, on_done=None, on_error=None):
        def work(state):
            return ctx.api.submit(version_id, program_id, version)
        return ctx.run_net("예산 요구 제출", work, Changes(requests=True), on_done, on_error)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal

from app.tasks import TaskManager, TaskState

T = TypeVar("T")


@dataclass(frozen=True)
class Changes:
    """What an operation changed; pages refresh on the flags that concern them."""

    versions: bool = False
    programs: bool = False
    lines: bool = False
    revenue: bool = False
    requests: bool = False
    drafts: bool = False
    users: bool = False
    execution: bool = False  # 집행 documents, 채주 (sent from this client's outbox)
    session: bool = False
    connection: bool = False

    def any(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            **{f.name: getattr(self, f.name) or getattr(other, f.name) for f in fields(self)}
        )


class ChangeHub(QObject):
    """One per application: ``changed(Changes, source)`` after every successful operation.

    ``source`` is the object that started the operation (a page can skip its own echo).
    """

    changed = Signal(object, object)

    def publish(self, changes: Changes, source: object = None) -> None:
        if changes.any():
            self.changed.emit(changes, source)


OnError = Callable[[BaseException], None]
OnCancelled = Callable[[], None]


@dataclass
class OperationRunner:
    """Runs operations' work through the task facade and publishes their changes."""

    tasks: TaskManager
    hub: ChangeHub

    def run_net(
        self,
        label: str,
        work: Callable[[TaskState], T],
        changes: Changes,
        on_done: Callable[[T], None] | None = None,
        on_error: OnError | None = None,
        *,
        source: object = None,
        on_progress: Callable[[float, str], None] | None = None,
        on_cancelled: OnCancelled | None = None,
    ) -> TaskState:
        """Start ``work`` on the network pool. It ends in exactly one of ``on_done`` (then
        ``changes`` are published), ``on_error`` or ``on_cancelled`` (``state.cancel()`` before
        the end: no result, no error, no progress after it, nothing published)."""
        return self.tasks.run_net(
            work,
            self._done(changes, source, on_done),
            on_error,
            on_progress=on_progress,
            on_cancelled=on_cancelled,
            label=label,
        )

    def run_db(
        self,
        label: str,
        work: Callable[[TaskState], T],
        changes: Changes,
        on_done: Callable[[T], None] | None = None,
        on_error: OnError | None = None,
        *,
        source: object = None,
        on_cancelled: OnCancelled | None = None,
    ) -> TaskState:
        """Queue ``work`` on the DB worker; it ends as :meth:`run_net` describes."""
        return self.tasks.run_db(
            work,
            self._done(changes, source, on_done),
            on_error,
            on_cancelled=on_cancelled,
            label=label,
        )

    def _done(
        self, changes: Changes, source: object, on_done: Callable[[Any], None] | None
    ) -> Callable[[Any], None]:
        def finish(result: Any) -> None:
            if on_done is not None:
                on_done(result)
            self.hub.publish(changes, source)

        return finish
