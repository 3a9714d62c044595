"""One facade for background work (STYLE.md §4.3.3; Anki taskman, Picard run_task).

- ``run_db(work, ...)``: serialized, in submission order, on one long-lived worker thread
  (the local cache is SQLite: one writer at a time, never two DB tasks at once).
- ``run_net(work, ...)``: in parallel on a thread pool (HTTP calls, report building).
- ``work`` is called with a :class:`TaskState`: it reports progress with
  ``state.set_progress(0..1, text)`` and checks ``state.is_cancelled`` (or calls
  ``state.raise_if_cancelled()``) at safe points. The caller cancels with ``state.cancel()``.
- ``on_done(result)``, ``on_error(exception)``, ``on_progress(fraction, text)`` and
  ``on_cancelled()`` always run on the GUI thread, after the call that queued the work has
  returned (a queued signal), never inside the worker.
- Every task ends exactly once: ``on_done``, ``on_error`` or ``on_cancelled``. The end is
  decided on the GUI thread when it is delivered: a task cancelled before then ends cancelled,
  whatever the work returned or raised (an error of cancelled work is only logged), and
  reports no progress after ``cancel()``. So a caller that cancels on the GUI thread hears
  nothing more from that task but ``on_cancelled``.
- ``TaskManager(inline=True)`` runs everything synchronously in the caller's thread, with
  the callbacks called at once: Picard's FakeThreadPool, for tests of operations and views.

Threading rule: create the TaskManager on the GUI thread; call ``run_*`` from the GUI thread.
Work functions must not touch widgets.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

T = TypeVar("T")
Work = Callable[["TaskState"], T]
OnDone = Callable[[T], None]
OnError = Callable[[BaseException], None]
OnProgress = Callable[[float, str], None]
OnCancelled = Callable[[], None]


class TaskCancelled(Exception):
    """Raised by :meth:`TaskState.raise_if_cancelled` to leave cancelled work early."""


class TaskState:
    """Progress and cancellation of one task; shared by the caller and the worker."""

    def __init__(self, label: str = "") -> None:
        self.label = label
        self._cancel = threading.Event()
        self._finished = threading.Event()
        self._lock = threading.Lock()
        self._progress = 0.0
        self._text = ""
        self._progress_sink: Callable[[float, str], None] | None = None
        self._committed = False

    # --- caller side -------------------------------------------------------------------------
    def cancel(self) -> bool:
        """Ask the work to stop; it stops at its next check. Safe from any thread.

        False when the work has passed its point of no return (:meth:`point_of_no_return`):
        the server is already doing what was asked, so the task runs to its real end.
        """
        with self._lock:
            if self._committed:
                return False
            self._cancel.set()
            return True

    @property
    def can_cancel(self) -> bool:
        with self._lock:
            return not self._committed and not self._finished.is_set()

    @property
    def is_finished(self) -> bool:
        return self._finished.is_set()

    @property
    def progress(self) -> float:
        with self._lock:
            return self._progress

    @property
    def text(self) -> str:
        with self._lock:
            return self._text

    # --- worker side -------------------------------------------------------------------------
    @property
    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def raise_if_cancelled(self) -> None:
        if self._cancel.is_set():
            raise TaskCancelled(self.label)

    def point_of_no_return(self) -> None:
        """Stop here if cancelled; otherwise refuse every later cancel().

        Call it just before a request the server carries out whole (one transaction): a
        cancel after it could only hide a change that happens anyway.
        """
        with self._lock:
            if self._cancel.is_set():
                raise TaskCancelled(self.label)
            self._committed = True

    def set_progress(self, fraction: float, text: str = "") -> None:
        """Report progress (clamped to 0..1) and a short Korean text ("3/10 세부사업")."""
        fraction = min(1.0, max(0.0, fraction))
        with self._lock:
            self._progress, self._text = fraction, text
            sink = self._progress_sink
        if sink is not None:
            sink(fraction, text)


class _Invoker(QObject):
    """Lives on the GUI thread; runs callables posted from any thread there, in order."""

    posted = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.posted.connect(self._run, Qt.ConnectionType.QueuedConnection)

    @Slot(object)
    def _run(self, callback: Callable[[], None]) -> None:
        callback()


def _report_unhandled(error: BaseException) -> None:
    log.error("background task failed", exc_info=(type(error), error, error.__traceback__))


class TaskManager:
    """Runs work off the GUI thread and hands the results back to it (see module doc)."""

    def __init__(self, *, inline: bool = False, net_threads: int = 4) -> None:
        self.inline = inline
        self._active: set[TaskState] = set()
        self._active_lock = threading.Lock()
        if inline:
            return
        app = QCoreApplication.instance()
        if app is None or QThread.currentThread() is not app.thread():
            raise RuntimeError("TaskManager must be created on the GUI thread of a running app")
        self._invoker = _Invoker()
        self._db_pool = QThreadPool()
        self._db_pool.setMaxThreadCount(1)
        self._db_pool.setExpiryTimeout(-1)  # keep the one DB thread for the whole run
        self._net_pool = QThreadPool()
        self._net_pool.setMaxThreadCount(max(1, net_threads))

    # --- public API --------------------------------------------------------------------------
    def run_db(
        self,
        work: Work[T],
        on_done: OnDone[T] | None = None,
        on_error: OnError | None = None,
        *,
        on_progress: OnProgress | None = None,
        on_cancelled: OnCancelled | None = None,
        label: str = "",
    ) -> TaskState:
        """Queue ``work`` on the single DB worker (one at a time, in order)."""
        return self._submit("db", work, on_done, on_error, on_progress, on_cancelled, label)

    def run_net(
        self,
        work: Work[T],
        on_done: OnDone[T] | None = None,
        on_error: OnError | None = None,
        *,
        on_progress: OnProgress | None = None,
        on_cancelled: OnCancelled | None = None,
        label: str = "",
    ) -> TaskState:
        """Start ``work`` on the network pool (in parallel with other network work)."""
        return self._submit("net", work, on_done, on_error, on_progress, on_cancelled, label)

    def active(self) -> list[TaskState]:
        """Tasks queued or running (e.g. for a "작업 중" status or a cancel-all on quit)."""
        with self._active_lock:
            return list(self._active)

    def shutdown(self, timeout_ms: int = 5000) -> bool:
        """Cancel every task and wait for the workers; True if they all ended in time."""
        for state in self.active():
            state.cancel()
        if self.inline:
            return True
        db_done = self._db_pool.waitForDone(timeout_ms)
        net_done = self._net_pool.waitForDone(timeout_ms)
        return db_done and net_done

    # --- internals ---------------------------------------------------------------------------
    def _submit(
        self,
        kind: str,
        work: Work[T],
        on_done: OnDone[T] | None,
        on_error: OnError | None,
        on_progress: OnProgress | None,
        on_cancelled: OnCancelled | None,
        label: str,
    ) -> TaskState:
        state = TaskState(label)
        with self._active_lock:
            self._active.add(state)
        if on_progress is not None:
            if self.inline:
                state._progress_sink = on_progress
            else:
                sink = on_progress

                def post_progress(fraction: float, text: str) -> None:
                    self._post(lambda: None if _ended(state) else sink(fraction, text))

                state._progress_sink = post_progress

        def finish(outcome: Callable[[], None]) -> None:
            # Runs on the GUI thread (or inline): mark finished first, then tell the caller.
            # A cancel() that came before this moment wins over the work's result or error.
            state._finished.set()
            with self._active_lock:
                self._active.discard(state)
            if state.is_cancelled:
                outcome = on_cancelled or _nothing
            outcome()

        def body() -> None:
            outcome: Callable[[], None] = _nothing  # cancelled: finish calls on_cancelled
            if not state.is_cancelled:
                try:
                    result = work(state)
                except TaskCancelled:
                    state.cancel()  # raised by the work itself: it ends cancelled all the same
                except Exception as error:  # noqa: BLE001 (handed to on_error on the GUI thread)
                    if state.is_cancelled:
                        log.debug("cancelled task %r ended with %r", state.label, error)
                    else:
                        outcome = _bind_error(on_error or _report_unhandled, error)
                else:
                    outcome = _bind_result(on_done, result)
            if self.inline:
                finish(outcome)
            else:
                self._post(lambda: finish(outcome))

        if self.inline:
            body()
        else:
            pool = self._db_pool if kind == "db" else self._net_pool
            pool.start(body)
        return state

    def _post(self, callback: Callable[[], None]) -> None:
        self._invoker.posted.emit(callback)


def _nothing() -> None:
    return None


def _ended(state: TaskState) -> bool:
    """No more progress once the task is cancelled or finished."""
    return state.is_cancelled or state.is_finished


def _bind_result(on_done: Callable[[Any], None] | None, result: object) -> Callable[[], None]:
    if on_done is None:
        return _nothing
    return lambda: on_done(result)


def _bind_error(on_error: OnError, error: BaseException) -> Callable[[], None]:
    return lambda: on_error(error)
