"""Child process of the SIGKILL test: signs in as the demo 사업담당 (real task threads), says
READY, waits for GO (the parent has stopped the server), submits two 결의 through the
operations (the server is unreachable: they stay in the outbox), says QUEUED with their keys
and waits to be killed.

Run: python -m tests.app.views.execution.outbox_child <server url> <data dir> <원인행위 id>
"""

from __future__ import annotations

import os
import sys
import time
import uuid
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from app.operations import execution as ops
from domain.contracts.execution import DocumentIn
from domain.execution import DocKind
from tests.app.views.budget.harness import make_context
from tests.app.views.execution.harness import STAFF


def main() -> None:
    url, data_dir, parent = sys.argv[1], Path(sys.argv[2]), uuid.UUID(sys.argv[3])
    app = QApplication([])
    ctx = make_context(url, data_dir, login=STAFF, inline=False)
    print("READY", flush=True)
    assert sys.stdin.readline().strip() == "GO"
    outcomes: list[ops.SubmitOutcome] = []
    for number in (1, 2):
        body = DocumentIn(parent_id=parent, amount=10_000 * number, title=f"정전 중 결의 {number}")
        ops.submit(ctx, DocKind.RESOLUTION, body, outcomes.append, lambda e: print("ERROR", e))
    deadline = time.monotonic() + 30
    while len(outcomes) < 2:
        if time.monotonic() > deadline:
            raise SystemExit("timed out")
        QCoreApplication.processEvents()
        time.sleep(0.005)
    states = {o.submission.state.value for o in outcomes}
    keys = " ".join(str(o.submission.key) for o in outcomes)
    print(f"QUEUED {','.join(sorted(states))} {keys}", flush=True)
    while True:  # the parent kills us here
        app.processEvents()
        time.sleep(0.01)


if __name__ == "__main__":
    main()
