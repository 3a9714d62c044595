"""OperationRunner over a real TaskManager (worker threads, GUI-thread delivery): every job
ends in exactly one of done, failed or cancelled; a job cancelled on the GUI thread before its
end is heard from only through ``on_cancelled`` (no result, error or progress after the
cancel, no changes published), whatever its worker does after the cancel."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.operations import ChangeHub, Changes, OperationRunner
from app.tasks import TaskManager, TaskState

WAIT_MS = 10_000
CHANGES = Changes(lines=True)


class Ends:
    """What one job told its caller, in order, and what the hub published."""

    def __init__(self, hub: ChangeHub) -> None:
        self.said: list[tuple[str, Any]] = []
        self.published: list[Changes] = []
        hub.changed.connect(lambda changes, _source: self.published.append(changes))

    def done(self, result: object) -> None:
        self.said.append(("done", result))

    def failed(self, error: BaseException) -> None:
        self.said.append(("failed", str(error)))

    def cancelled(self) -> None:
        self.said.append(("cancelled", None))

    def progress(self, fraction: float, _text: str) -> None:
        self.said.append(("progress", fraction))

    def ends(self) -> list[str]:
        return [kind for kind, _ in self.said if kind != "progress"]


@pytest.fixture
def runner(qapp: QApplication) -> Iterator[OperationRunner]:
    tasks = TaskManager()
    yield OperationRunner(tasks, ChangeHub())
    assert tasks.shutdown(WAIT_MS)


def start(runner: OperationRunner, ends: Ends, work: Callable[[TaskState], object]) -> TaskState:
    return runner.run_net(
        "시험", work, CHANGES, ends.done, ends.failed,
        on_progress=ends.progress, on_cancelled=ends.cancelled,
    )  # fmt: skip


def wait_end(qtbot: QtBot, state: TaskState) -> None:
    qtbot.waitUntil(lambda: state.is_finished, timeout=WAIT_MS)
    qtbot.wait(20)  # anything queued after the end would arrive now


def test_done_and_failed_end_once_and_only_done_publishes(
    runner: OperationRunner, qtbot: QtBot
) -> None:
    ends = Ends(runner.hub)
    wait_end(qtbot, start(runner, ends, lambda _s: 7))
    assert ends.said == [("done", 7)] and ends.published == [CHANGES]

    def fail(_state: TaskState) -> None:
        raise RuntimeError("서버 오류")

    ends = Ends(runner.hub)
    wait_end(qtbot, start(runner, ends, fail))
    assert ends.said == [("failed", "서버 오류")] and ends.published == []


@pytest.mark.parametrize("after_cancel", ["raise_if_cancelled", "returns", "raises"])
def test_a_job_cancelled_on_the_gui_thread_ends_cancelled(
    runner: OperationRunner, qtbot: QtBot, after_cancel: str
) -> None:
    """The worker is held until the GUI thread has cancelled; then it checks (the usual way),
    returns a result anyway, or fails: each ends in on_cancelled alone."""
    ends = Ends(runner.hub)
    started, go_on = threading.Event(), threading.Event()

    def work(state: TaskState) -> str:
        state.set_progress(0.25, "1/4")
        started.set()
        assert go_on.wait(WAIT_MS / 1000)
        state.set_progress(0.5, "2/4")  # after the cancel: never shown
        if after_cancel == "raise_if_cancelled":
            state.raise_if_cancelled()
        if after_cancel == "raises":
            raise OSError("partial file removed")
        return "made anyway"

    state = start(runner, ends, work)
    assert started.wait(WAIT_MS / 1000)
    qtbot.waitUntil(lambda: ("progress", 0.25) in ends.said, timeout=WAIT_MS)
    state.cancel()
    go_on.set()
    wait_end(qtbot, state)
    assert ends.said == [("progress", 0.25), ("cancelled", None)]
    assert ends.published == [] and state.is_cancelled


def test_a_result_delivered_after_the_cancel_ends_cancelled(
    runner: OperationRunner, qtbot: QtBot
) -> None:
    """The worker has finished and its result is queued for the GUI thread when the GUI thread
    cancels: the job still ends cancelled, not done."""
    ends = Ends(runner.hub)
    state = start(runner, ends, lambda _s: "queued")
    # wait for the worker without running the event loop: its end is queued, not delivered
    assert runner.tasks._net_pool.waitForDone(WAIT_MS)
    assert not state.is_finished
    state.cancel()
    wait_end(qtbot, state)
    assert ends.ends() == ["cancelled"] and ends.published == []


def test_cancelled_before_it_starts_and_on_the_db_worker(
    runner: OperationRunner, qtbot: QtBot
) -> None:
    ends = Ends(runner.hub)
    hold = threading.Event()

    def blocking(_state: TaskState) -> int:
        assert hold.wait(WAIT_MS / 1000)
        return 1

    first = runner.run_db("앞", blocking, CHANGES, ends.done, ends.failed)
    queued = runner.run_db(
        "뒤", lambda _s: 2, CHANGES, ends.done, ends.failed, on_cancelled=ends.cancelled
    )
    queued.cancel()  # never runs
    hold.set()
    wait_end(qtbot, first)
    wait_end(qtbot, queued)
    assert ends.said == [("done", 1), ("cancelled", None)]
    assert ends.published == [CHANGES]
