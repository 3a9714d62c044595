"""Nothing lost offline, nothing sent twice, against a real demo server that is stopped and
started again on the same data and port:

- the server is down when a 결의 is submitted on the page: it waits in the outbox (state shown,
  said in Korean), a send while still down changes nothing, and after the restart 지금 보내기
  sends it once — exactly one document on the server;
- a client process is killed (SIGKILL) with two 결의 queued in its outbox: started again on
  the same data folder they are still there, the page sends them at start, once.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.a11y.announce import recording
from app.a11y.audit import assert_accessible
from app.operations import execution as ops
from app.services.cache.records import OutboxState
from tests.app.views.budget.harness import ROOT
from tests.app.views.budget.keys import key, type_text
from tests.app.views.execution.harness import (
    PAYER,
    RestartableServer,
    obligate,
    staff_line,
)
from tests.app.views.execution.test_expenditure_page import open_page


def _children(ctx: Any, parent_id: uuid.UUID) -> list[Any]:
    return [d for d in ctx.api.documents(kind="resolution") if d.parent_id == parent_id]


def test_offline_submission_waits_and_is_sent_once(
    qtbot: QtBot, server: RestartableServer, make_ctx: Callable[..., Any]
) -> None:
    ctx = make_ctx()
    line = staff_line(ctx)
    ob = obligate(server.url, server.data_dir / "finance", line.line_id, 300_000, "정전 대비 계약")
    page = open_page(qtbot, ctx)
    page.lines.select_line(line.line_id)
    form = page.form
    texts = [form.obligation.itemText(i) for i in range(form.obligation.count())]
    form.obligation.setCurrentIndex(next(i for i, t in enumerate(texts) if "정전 대비" in t))
    form.title_edit.setFocus()
    type_text(qtbot, "오프라인 결의")
    form.amount.setFocus()
    type_text(qtbot, "50000")
    server.stop()
    try:
        with recording() as said:
            form.submit_button.setFocus()
            key(qtbot, Qt.Key.Key_Space)
        assert said[-1].assertive and "보낼 문서에 보관했습니다" in said[-1].text
        waiting = page.documents.outbox_model.rows()[-1]
        assert waiting.state is OutboxState.PENDING and waiting.title == "오프라인 결의"
        assert page.documents.outbox_model.index(len(page.documents.outbox_model.rows()) - 1,
                                                 3).data() == "보내기 대기"  # fmt: skip
        assert "보내기 대기 1건" in page.documents.outbox_summary.text()
        assert ctx.outbox.get(waiting.key).attempts == 1
        # the key was stored before the first send; a send while still offline keeps it
        page.documents.send_button.setFocus()
        with recording() as said:
            key(qtbot, Qt.Key.Key_Space)
        assert "아직 서버에 연결할 수 없습니다" in said[-1].text
        item = ctx.outbox.get(waiting.key)
        assert item.state is OutboxState.PENDING and item.attempts == 2
        assert_accessible(page)
    finally:
        server.start()
    with recording() as said:
        key(qtbot, Qt.Key.Key_Space)  # 지금 보내기, the server is back
    assert "보낼 문서 1건을 보냈습니다" in [a.text for a in said]
    assert ctx.outbox.get(waiting.key).state is OutboxState.SENT
    payer = make_ctx(login=PAYER)
    sent = _children(payer, ob.id)
    assert [(d.title, d.amount) for d in sent] == [("오프라인 결의", 50_000)]
    assert payer.api.document(ob.id).used == 50_000
    # a second push sends nothing; a resend of the same key is answered, not applied again
    assert ops.push(ctx).sent == 0
    replay = ctx.session.request("POST", "/execution/resolutions", json=item.body,
                                 idempotency_key=item.idempotency_key)  # fmt: skip
    assert replay.headers.get("Idempotent-Replayed") == "true"
    assert len(_children(payer, ob.id)) == 1 and payer.api.document(ob.id).used == 50_000


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_a_killed_client_sends_its_queued_items_once_after_restart(
    qtbot: QtBot, server: RestartableServer, make_ctx: Callable[..., Any], tmp_path: Path
) -> None:
    line = staff_line(make_ctx())
    ob = obligate(server.url, server.data_dir / "finance", line.line_id, 100_000, "강제 종료 계약")
    data_dir = tmp_path / "killed-client"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.app.views.execution.outbox_child", server.url,
         str(data_dir), str(ob.id)],
        cwd=ROOT, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    assert child.stdout is not None and child.stdin is not None
    try:
        assert child.stdout.readline().strip() == "READY", child.stderr.read()  # type: ignore[union-attr]
        server.stop()
        child.stdin.write("GO\n")
        child.stdin.flush()
        said = child.stdout.readline().split()
        assert said[:2] == ["QUEUED", "pending"], said
        keys = {uuid.UUID(k) for k in said[2:]}
        assert len(keys) == 2
    finally:
        os.kill(child.pid, signal.SIGKILL)
        assert child.wait(timeout=10) == -signal.SIGKILL
        if server.process is None:
            server.start()

    ctx = make_ctx(data_dir)
    assert {i.idempotency_key for i in ctx.outbox.pending()} == keys  # still there
    with recording() as announced:
        page = open_page(qtbot, ctx)  # sends what waits at start
    assert "보낼 문서 2건을 보냈습니다" in [a.text for a in announced]
    assert {ctx.outbox.get(k).state for k in keys} == {OutboxState.SENT}
    assert [s.state for s in page.documents.outbox_model.rows()] == [OutboxState.SENT] * 2
    payer = make_ctx(login=PAYER)
    sent = sorted((d.amount, d.title) for d in _children(payer, ob.id))
    assert sent == [(10_000, "정전 중 결의 1"), (20_000, "정전 중 결의 2")]
    assert ops.push(ctx).sent == 0
    page.send_now()
    assert len(_children(payer, ob.id)) == 2 and payer.api.document(ob.id).used == 30_000
