"""Cycle operations with the real task manager (threads) against a real demo server child:
creating an 추경 runs off the GUI thread with progress; a refused 확정 gives its reasons."""

from __future__ import annotations

import threading

import pytest
from pytestqt.qtbot import QtBot

from app.operations import Changes, cycle
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
