"""Child process of the SIGKILL test: opens the 예산편성 page (real task threads), edits a
formula by keyboard, waits until the draft is in the cache, says so, and waits to be killed.

Run: python -m tests.app.views.budget.kill_child <server url> <data dir> <program name>
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app.views.budget.budget_page import BudgetPage
from tests.app.views.budget.harness import make_context


def wait(condition: object, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while not condition():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise SystemExit("timed out")
        QCoreApplication.processEvents()
        time.sleep(0.005)


def main() -> None:
    url, data_dir, program_name = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
    app = QApplication([])
    ctx = make_context(url, data_dir, inline=False)
    page = BudgetPage(ctx)
    page.show()
    page.activate()
    wait(lambda: page.data is not None)
    assert page.data is not None
    program = next(p for p in page.data.programs if p.name == program_name and p.level == "세부"
                   and p.department_id == page.data.user.department_id)  # type: ignore[union-attr]  # fmt: skip
    page.programs.select(program.id)
    wait(lambda: page.editor.isEnabled() and page.editing.line is not None)
    line = page.editing.line
    assert line is not None
    page.editor.formula_edit.setFocus()
    QTest.keyClicks(page.editor.formula_edit, "*2")
    wait(lambda: page.editing.saver.idle and ctx.drafts.get(f"세출:{line.id}") is not None)
    print(f"DRAFT-SAVED {line.id} {page.editor.formula_edit.text()}", flush=True)
    while True:  # editing on; the parent kills us here
        app.processEvents()
        time.sleep(0.01)


if __name__ == "__main__":
    main()
