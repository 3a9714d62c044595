"""Figures for the 예산편성 page on a 16,000-line version (prints; not a test).

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/budget_page.py [lines]``

The data (programs, lines, code lists) is built in memory and handed to ``BudgetPage.apply``
(what a finished load does), so the figures are the page's own work, not the network's.
Each figure is printed beside a floor measured in the same run:

- open: build the page + apply the data + show + process events, vs an empty ``Page`` shown
  the same way, and vs a bare QTableView over a trivial 16,000 × 7 model;
- filter: per keystroke in the program filter box and in the lines filter box (typing the
  characters one by one, events processed), vs a list comprehension over the same names;
- scroll: time per page of the lines table (scroll one page, repaint, process events) vs the
  bare QTableView over the trivial model;
- memory: RSS growth of the process for the page with its data.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QTableView

from app.operations.budget import BudgetData
from app.tasks import TaskManager
from app.views.budget.budget_page import BudgetPage
from app.views.page import Page
from benchmarks._common import current_rss_mib, row
from domain.contracts.budget import ExpenditureLineOut, VersionOut
from domain.contracts.structure import CodeOut, ProgramOut

OBJECTS = {"201-01": "사무관리비", "201-02": "공공운영비", "202-01": "국내여비",
           "301-01": "일반보상금", "307-02": "민간경상사업보조", "401-01": "시설비"}  # fmt: skip
FUNDINGS = {"01": "국고보조금", "02": "광역보조금", "03": "자체재원"}
WORDS = ("복지", "도로", "주차", "문화", "청소년", "경로당", "하천", "공원", "행정", "안전")


class _Ctx:
    """Just enough context for a page that is handed its data (no server, no cache)."""

    def __init__(self) -> None:
        self.tasks = TaskManager(inline=True)
        self.ops = self  # opening a line would fetch its 산출근거: not measured here

    def run_net(self, *_args: object, **_kwargs: object) -> None:
        return None

    run_db = run_net


def build(lines_count: int) -> BudgetData:
    version = VersionOut(id=uuid.uuid4(), fiscal_year=2027, kind="본예산(안)", state="작성중",
                         base_version_id=None, confirmed_on=None,
                         created_at=datetime.now(UTC), version=1)  # fmt: skip
    departments = {uuid.uuid4(): f"{WORDS[i % 10]}과{i}" for i in range(40)}
    programs: list[ProgramOut] = []
    details: list[ProgramOut] = []

    def program(name: str, level: str, dept: uuid.UUID, parent: ProgramOut | None) -> ProgramOut:
        made = ProgramOut(id=uuid.uuid4(), fiscal_year=2027, level=level, name=name, code=None,
                          department_id=dept, parent_id=parent.id if parent else None,
                          committee="", funding_type="", position=len(programs),
                          version=1)  # fmt: skip
        programs.append(made)
        return made

    for d, dept in enumerate(departments):
        for p in range(5):
            policy = program(f"{WORDS[(d + p) % 10]} 정책 {d}-{p}", "정책", dept, None)
            for u in range(2):
                unit = program(f"{WORDS[(d + u) % 10]} 단위 {d}-{p}-{u}", "단위", dept, policy)
                for s in range(4):
                    name = f"{WORDS[(d + p + s) % 10]} 세부 {d}-{p}-{u}-{s}"
                    details.append(program(name, "세부", dept, unit))
    lines = []
    codes = list(OBJECTS)
    for i in range(lines_count):
        owner = details[i % len(details)]
        amount = 1000 + i * 7 % 90000
        lines.append(ExpenditureLineOut(
            id=uuid.uuid4(), version_id=version.id, fiscal_year=2027, account_code="100",
            program_id=owner.id, department_id=owner.department_id, object_code=codes[i % 6],
            sector_code="", amount=amount, base_amount=amount - 500, requested_amount=None,
            adjusted_amount=None, adopted_amount=None, adjust_reason="",
            funding={"03": amount} if i % 3 else {"01": amount // 2, "03": amount - amount // 2},
            funding_base={}, position=i, version=1,
        ))  # fmt: skip
    objects = [CodeOut(code=c, name=n, level="통계목", parent=c[:3], verified=True)
               for c, n in OBJECTS.items()]  # fmt: skip
    return BudgetData([version], version, programs, departments, {"100": "일반회계"},
                      dict(FUNDINGS), objects, lines)  # fmt: skip


class Trivial(QAbstractTableModel):
    def __init__(self, rows: int) -> None:
        super().__init__()
        self.rows = rows

    def rowCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.rows

    def columnCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 7

    def data(self, index: Any, role: int = 0) -> Any:
        return "1,234" if role == Qt.ItemDataRole.DisplayRole else None


def settle() -> None:
    for _ in range(3):
        QCoreApplication.processEvents()


def time_open(make: Any) -> tuple[float, Any]:
    start = time.perf_counter()
    widget = make()
    widget.resize(1400, 900)
    widget.show()
    settle()
    return time.perf_counter() - start, widget


def scroll_times(view: QTableView, pages: int) -> list[float]:
    bar = view.verticalScrollBar()
    step = max(1, bar.pageStep())
    times = []
    for i in range(pages):
        start = time.perf_counter()
        bar.setValue(min(bar.maximum(), (i + 1) * step))
        view.viewport().repaint()
        QCoreApplication.processEvents()
        times.append(time.perf_counter() - start)
    return times


def per_key(edit: Any, text: str) -> list[float]:
    times = []
    for i in range(1, len(text) + 1):
        start = time.perf_counter()
        edit.setText(text[:i])
        settle()
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 16_000
    app = QApplication([])
    data = build(count)
    ms = 1000

    empty_s, empty = time_open(lambda: Page(_Ctx()))  # type: ignore[arg-type]
    bare_s, bare = time_open(lambda: _bare(count))
    rss0 = current_rss_mib()

    def make_page() -> BudgetPage:
        page = BudgetPage(_Ctx())  # type: ignore[arg-type]
        page.apply_data(data)
        return page

    open_s, page = time_open(make_page)
    rss1 = current_rss_mib()
    assert page.lines.model.rowCount() == count, page.lines.model.rowCount()

    names = [p.name for p in data.programs]
    floor = []
    for i in range(1, 5):
        start = time.perf_counter()
        needle = "복지 세부"[:i]
        _ = [n for n in names if needle in n]
        floor.append(time.perf_counter() - start)
    program_keys = per_key(page.programs.filter, "복지 세부")
    page.programs.filter.setText("")
    settle()
    line_keys = per_key(page.lines.filter, "민간경상")
    page.lines.filter.setText("")
    settle()

    page_scroll = scroll_times(page.lines.table, 60)
    bare_scroll = scroll_times(bare, 60)

    print(f"예산편성 page, {count:,} lines, {len(data.programs):,} programs "
          f"(Qt {QCoreApplication.applicationVersion() or ''})")  # fmt: skip
    print(row("figure", "value", "floor", "ratio"))
    print(row("open (build + data + show)", f"{open_s * ms:.0f} ms",
              f"{empty_s * ms:.1f} ms empty", ""))  # fmt: skip
    print(row("  bare QTableView, trivial model (shown)", f"{bare_s * ms:.1f} ms", "", ""))
    med = statistics.median
    print(row("program filter, per keystroke (median)", f"{med(program_keys) * ms:.1f} ms",
              f"{med(floor) * ms:.2f} ms list", ""))  # fmt: skip
    print(row("program filter, worst keystroke", f"{max(program_keys) * ms:.1f} ms", "", ""))
    print(row("lines filter, per keystroke (median)", f"{med(line_keys) * ms:.1f} ms", "", ""))
    print(row("lines filter, worst keystroke", f"{max(line_keys) * ms:.1f} ms", "", ""))
    ratio = med(page_scroll) / med(bare_scroll) if med(bare_scroll) else 0
    print(row("scroll, per page (median)", f"{med(page_scroll) * ms:.2f} ms",
              f"{med(bare_scroll) * ms:.2f} ms bare", f"{ratio:.1f}x"))  # fmt: skip
    print(row("scroll, worst page", f"{max(page_scroll) * ms:.2f} ms",
              f"{max(bare_scroll) * ms:.2f} ms bare", ""))  # fmt: skip
    print(row("memory: RSS growth for the page + data", f"{rss1 - rss0:.1f} MiB", "", ""))
    empty.close()
    bare.close()
    page.close()
    app.quit()


def _bare(count: int) -> QTableView:
    view = QTableView()
    model = Trivial(count)
    model.setParent(view)
    view.setModel(model)
    view.verticalHeader().setDefaultSectionSize(24)
    return view


if __name__ == "__main__":
    main()
