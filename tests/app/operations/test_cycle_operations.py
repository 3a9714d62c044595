"""Cycle operations with the real task manager (threads) against a real demo server child:
creating an 추경 runs off the GUI thread with progress; a refused 확정 gives its reasons."""

from __future__ import annotations

import threading

import pytest
from pytestqt.qtbot import QtBot

from app.operations import Changes, cycle
from app.tasks import TaskState
from domain.contracts.budget import VersionDetail
from tests.app.views.adjust.harness import MakeContext, demo_server, make_context

__all__ = ["demo_server", "make_context"]  # fixtures, used by name below

pytestmark = pytest.mark.slow


def test_supplementary_runs_off_the_gui_thread_with_progress(
    qtbot: QtBot, make_context: MakeContext
) -> None:
    ctx = make_context("demo-budget-office", inline=False)
    established = [v for v in ctx.api.versions() if v.state == "성립"][-1]
    progress: list[tuple[float, str, bool]] = []
    done: list[VersionDetail] = []
    published: list[Changes] = []
    ctx.hub.changed.connect(lambda changes, _source: published.append(changes))
    gui = threading.current_thread()

    errors: list[BaseException] = []
    state = cycle.create_supplementary(
        ctx, established.id, done.append, errors.append,
        on_progress=lambda f, t: progress.append((f, t, threading.current_thread() is gui)),
    )  # fmt: skip
    assert not state.is_finished  # the call returned before the work was done
    qtbot.waitUntil(lambda: bool(done or errors), timeout=30_000)
    assert not errors, errors
    detail = done[0]
    assert (detail.kind, detail.base_version_id) == ("제1회추경", established.id)
    fractions = [f for f, _t, _g in progress]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert all(on_gui for _f, _t, on_gui in progress)
    assert published and published[-1].versions and published[-1].lines
    lines = ctx.api.expenditure_lines(detail.id)
    assert lines and all(line.base_amount == line.amount for line in lines)


def test_cancel_while_the_server_copies_is_refused_and_the_version_arrives(
    qtbot: QtBot, make_context: MakeContext
) -> None:
    """Once the copy request is on its way the server makes the version whatever the user
    presses: cancel() says no, and the page hears the real result (not a silent change)."""
    ctx = make_context("demo-budget-office", inline=False)
    established = [v for v in ctx.api.versions() if v.state == "성립"][-1]
    refused: list[bool] = []
    done: list[VersionDetail] = []
    errors: list[BaseException] = []
    cancelled: list[bool] = []
    holder: list[TaskState] = []

    def progress(_fraction: float, text: str) -> None:
        if text == "예산 항목 복사 중" and holder:  # sent after the point of no return
            refused.append(holder[0].cancel())

    state = cycle.create_supplementary(
        ctx, established.id, done.append, errors.append, on_progress=progress,
        on_cancelled=lambda: cancelled.append(True),
    )  # fmt: skip
    holder.append(state)
    qtbot.waitUntil(lambda: bool(done or errors or cancelled), timeout=30_000)
    assert refused == [False] and cancelled == [], (refused, cancelled)
    # The server's own answer arrives: the new 추경, or (after the test above made one from
    # this 성립 version) its refusal in Korean — never a silent "cancelled".
    if done:
        assert done[0].base_version_id == established.id
        assert any(v.id == done[0].id for v in ctx.api.versions())
    else:
        assert "추경" in cycle.error_text(errors[0]), errors


def test_refused_confirm_gives_reasons(qtbot: QtBot, make_context: MakeContext) -> None:
    ctx = make_context("demo-budget-office")
    draft = next(v for v in ctx.api.versions() if v.state == "작성중")
    errors: list[BaseException] = []
    cycle.confirm(ctx, draft.id, pytest.fail, errors.append)
    assert errors
    reasons = cycle.refusal_reasons(errors[0])
    assert reasons, cycle.error_text(errors[0])
    assert "확정할 수 없습니다" in cycle.error_text(errors[0])
    assert ctx.api.version(draft.id).state == "작성중"
