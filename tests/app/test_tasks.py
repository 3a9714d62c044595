"""TaskManager: GUI-thread delivery, serialized DB work, parallel network work, cancellation."""

from __future__ import annotations

import itertools
import threading
import time
from typing import Any

import pytest
from PySide6.QtCore import QThread, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.tasks import TaskCancelled, TaskManager, TaskState


@pytest.fixture
def tasks(qapp: QApplication) -> Any:
    manager = TaskManager()
    yield manager
    assert manager.shutdown(5000)


def test_results_arrive_on_the_gui_thread(tasks: TaskManager, qtbot: QtBot) -> None:
    seen: dict[str, Any] = {}

    def work(_state: TaskState) -> int:
        seen["worker"] = QThread.currentThread()
        return 42

    def done(result: int) -> None:
        seen["result"] = result
        seen["callback"] = QThread.currentThread()

    gui = QThread.currentThread()
    tasks.run_db(work, done)
    tasks.run_net(lambda _s: "net", lambda r: seen.setdefault("net", (r, QThread.currentThread())))
    qtbot.waitUntil(lambda: "result" in seen and "net" in seen, timeout=5000)
    assert seen["worker"] is not gui
    assert seen["callback"] is gui
    assert seen["result"] == 42
    assert seen["net"] == ("net", gui)


def test_callbacks_never_run_inside_the_submitting_call(tasks: TaskManager, qtbot: QtBot) -> None:
    results: list[str] = []
    state = tasks.run_db(lambda _s: "x", results.append)
    time.sleep(0.1)  # the work is long done, but the GUI loop has not run yet
    assert results == []
    qtbot.waitUntil(lambda: results == ["x"], timeout=5000)
    assert state.is_finished


def test_db_tasks_never_overlap_and_keep_their_order(tasks: TaskManager, qtbot: QtBot) -> None:
    lock = threading.Lock()
    running = 0
    most = 0
    order: list[int] = []
    done: list[int] = []

    def make(i: int) -> Any:
        def work(_state: TaskState) -> int:
            nonlocal running, most
            with lock:
                running += 1
                most = max(most, running)
                order.append(i)
            time.sleep(0.02)
            with lock:
                running -= 1
            return i

        return work

    for i in range(12):
        tasks.run_db(make(i), done.append)
    qtbot.waitUntil(lambda: len(done) == 12, timeout=10000)
    assert most == 1
    assert order == list(range(12))
    assert done == list(range(12))


def test_net_tasks_run_in_parallel(tasks: TaskManager, qtbot: QtBot) -> None:
    barrier = threading.Barrier(3, timeout=5)
    done: list[int] = []

    def make(i: int) -> Any:
        def work(_state: TaskState) -> int:
            barrier.wait()  # each waits for the other two: only passes if all three run at once
            return i

        return work

    for i in range(3):
        tasks.run_net(make(i), done.append)
    qtbot.waitUntil(lambda: len(done) == 3, timeout=10000)
    assert sorted(done) == [0, 1, 2]


def test_errors_reach_on_error_on_the_gui_thread(tasks: TaskManager, qtbot: QtBot) -> None:
    errors: list[tuple[BaseException, QThread]] = []
    done: list[object] = []

    def fail(_state: TaskState) -> None:
        raise ValueError("산출근거 오류")

    tasks.run_db(fail, done.append, lambda e: errors.append((e, QThread.currentThread())))
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    error, thread = errors[0]
    assert isinstance(error, ValueError) and str(error) == "산출근거 오류"
    assert thread is QThread.currentThread()
    assert done == []


def test_an_error_without_on_error_is_logged(
    tasks: TaskManager, qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    def fail(_state: TaskState) -> None:
        raise RuntimeError("boom")

    state = tasks.run_net(fail)
    qtbot.waitUntil(lambda: state.is_finished, timeout=5000)
    assert "background task failed" in caplog.text


def test_cancellation_stops_the_work(tasks: TaskManager, qtbot: QtBot) -> None:
    steps: list[int] = []
    cancelled: list[bool] = []
    done: list[object] = []
    progress: list[tuple[float, str]] = []
    started = threading.Event()

    def long_work(state: TaskState) -> str:
        for step in range(1000):
            state.raise_if_cancelled()
            steps.append(step)
            state.set_progress(step / 1000, f"{step}/1000")
            started.set()
            time.sleep(0.005)
        return "finished"

    state = tasks.run_net(
        long_work,
        done.append,
        on_progress=lambda f, t: progress.append((f, t)),
        on_cancelled=lambda: cancelled.append(True),
    )
    assert started.wait(5)
    qtbot.waitUntil(lambda: bool(progress), timeout=5000)
    state.cancel()
    qtbot.waitUntil(lambda: bool(cancelled), timeout=5000)
    count = len(steps)
    time.sleep(0.05)
    assert len(steps) == count < 1000
    assert done == []
    assert state.is_cancelled and state.is_finished
    assert 0 <= state.progress < 1 and state.text.endswith("/1000")
    assert all(0 <= f <= 1 for f, _ in progress)


def test_work_polling_is_cancelled_also_stops(tasks: TaskManager, qtbot: QtBot) -> None:
    """Work that checks is_cancelled and returns early: on_done is not called."""
    done: list[object] = []
    cancelled: list[bool] = []

    def polite(state: TaskState) -> int:
        while not state.is_cancelled:
            time.sleep(0.01)
        return 1

    state = tasks.run_db(polite, done.append, on_cancelled=lambda: cancelled.append(True))
    queued = tasks.run_db(lambda _s: 2, done.append, on_cancelled=lambda: cancelled.append(True))
    queued.cancel()  # cancelled before it started: never runs
    state.cancel()
    qtbot.waitUntil(lambda: len(cancelled) == 2, timeout=5000)
    assert done == []


def test_window_stays_responsive_during_a_one_second_task(tasks: TaskManager, qtbot: QtBot) -> None:
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()
    done: list[str] = []

    def slow(state: TaskState) -> str:
        end = time.monotonic() + 1.0
        while time.monotonic() < end:
            state.raise_if_cancelled()
            time.sleep(0.01)
        return "ok"

    started = time.monotonic()
    tasks.run_db(slow, done.append)
    qtbot.waitUntil(lambda: done == ["ok"], timeout=5000)
    timer.stop()
    during = [t for t in ticks if started <= t <= started + 1.0]
    assert len(during) >= 20  # 50 expected at 20 ms; the loop never stalled for long
    gaps = [b - a for a, b in itertools.pairwise(during)]
    assert max(gaps) < 0.25


def test_inline_mode_runs_synchronously(qapp: QApplication) -> None:
    tasks = TaskManager(inline=True)
    out: list[object] = []
    progress: list[float] = []
    gui = QThread.currentThread()

    def work(state: TaskState) -> QThread:
        state.set_progress(0.5, "반")
        return QThread.currentThread()

    tasks.run_db(work, out.append, on_progress=lambda f, _t: progress.append(f))
    assert out == [gui] and progress == [0.5]
    tasks.run_net(lambda _s: 1 / 0, out.append, out.append)
    assert isinstance(out[-1], ZeroDivisionError)

    def cancel_itself(state: TaskState) -> None:
        state.cancel()
        state.raise_if_cancelled()

    state = tasks.run_net(cancel_itself, out.append, on_cancelled=lambda: out.append("취소"))
    assert out[-1:] == ["취소"] and state.is_finished
    assert tasks.active() == []
    assert tasks.shutdown()


def test_task_cancelled_is_raised_by_the_state() -> None:
    state = TaskState("보고서")
    state.raise_if_cancelled()
    state.cancel()
    with pytest.raises(TaskCancelled):
        state.raise_if_cancelled()
    state.set_progress(1.5, "끝")
    assert state.progress == 1.0


def test_no_cancel_after_the_point_of_no_return(tasks: TaskManager, qtbot: QtBot) -> None:
    """Work the server carries out whole: a cancel before the request stops it, one after it
    is refused (False) and the task ends with its real result, not a hidden change."""
    committed, release = threading.Event(), threading.Event()
    done: list[object] = []
    cancelled: list[bool] = []

    def server_call(state: TaskState) -> str:
        state.point_of_no_return()
        committed.set()
        assert release.wait(5)
        return "version made"

    state = tasks.run_net(server_call, done.append, on_cancelled=lambda: cancelled.append(True))
    assert committed.wait(5)
    assert not state.can_cancel
    assert state.cancel() is False
    release.set()
    qtbot.waitUntil(lambda: bool(done), timeout=5000)
    assert done == ["version made"] and cancelled == [] and not state.is_cancelled

    before = TaskState("추경")
    assert before.can_cancel and before.cancel() is True
    with pytest.raises(TaskCancelled):
        before.point_of_no_return()
