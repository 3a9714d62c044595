"""Kill the client (a real child process, SIGKILL) during an edit; start again: the draft is
there, restored and announced in Korean."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from app.a11y.announce import recording
from app.views.budget.budget_page import BudgetPage
from tests.app.views.budget.harness import ROOT, ServerProcess

PROGRAM = "동 행정복지센터 운영"


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_a_killed_client_keeps_its_draft(
    qtbot: QtBot, server: ServerProcess, make_ctx: Callable[..., Any], tmp_path: Path
) -> None:
    data_dir = tmp_path / "killed-client"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.app.views.budget.kill_child", server.url, str(data_dir),
         PROGRAM],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert child.stdout is not None
    said = child.stdout.readline().split()
    assert said and said[0] == "DRAFT-SAVED", child.stderr.read() if child.stderr else ""
    line_id, formula = said[1], said[2]
    assert formula.endswith("*2")
    os.kill(child.pid, signal.SIGKILL)
    assert child.wait(timeout=10) == -signal.SIGKILL

    ctx = make_ctx(data_dir)
    page = BudgetPage(ctx)
    qtbot.addWidget(page)
    page.show()
    with recording() as announcements:
        page.activate()
    restored = [a.text for a in announcements if "복원" in a.text]
    assert restored == ["임시 저장본 1건을 복원했습니다"]
    assert page.status.text() == "임시 저장본 1건을 복원했습니다"
    assert page.data is not None
    program = next(
        p for p in page.data.programs
        if p.name == PROGRAM and page.data.user and p.department_id == page.data.user.department_id
    )  # fmt: skip
    page.programs.select(program.id)
    assert str(page.editing.line.id if page.editing.line else None) == line_id
    assert page.editor.formula_edit.text() == formula
    server_line = ctx.api.expenditure_line(page.editing.line.id)  # type: ignore[union-attr]
    assert server_line.basis and server_line.basis[0].formula != formula  # only the draft has it
