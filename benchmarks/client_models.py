"""Figures for the client's budget-lines model on a 16,000-line version (prints; not a test).

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/client_models.py [lines]``

Every figure is printed beside a floor measured in the same run:

- build: ``BudgetLinesModel`` from ExpenditureLineOut objects vs a plain Python list of the same
  tuples (raw fields) and vs a bare ``QStandardItemModel`` filled with the same display strings;
- sort (요구액, descending): in the model vs ``sorted`` over a plain list of ints and vs
  ``QStandardItemModel.sort`` (C++);
- filter, per keystroke, typing "민간경상" one character at a time: the model vs a list
  comprehension over a plain list of strings;
- ``data()`` calls per second over a visible page (40 rows × every column × the 7 roles a view
  asks for), called through Qt (``QModelIndex.data``) as a view does: the model vs a Python
  model whose ``data()`` returns None vs ``QStandardItemModel`` (C++);
- memory: tracemalloc peak while building (Python allocations) for the model and the list of
  tuples, and the process RSS growth (which also sees Qt's C++ allocations).
"""

from __future__ import annotations

import gc
import os
import statistics
import sys
import time
import tracemalloc
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QGuiApplication, QStandardItem, QStandardItemModel

from app.models import BudgetLinesModel, LineColumn
from domain.contracts.budget import ExpenditureLineOut

OBJECTS = {
    "201-01": "사무관리비",
    "201-02": "공공운영비",
    "202-01": "국내여비",
    "301-01": "일반보상금",
    "307-02": "민간경상사업보조",
    "308-10": "자치단체등이전",
    "401-01": "시설비",
    "405-01": "자산취득비",
}
FUNDING = {"nation": "국비", "province": "도비", "city": "시비"}
ROLES = [
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.DecorationRole,
    Qt.ItemDataRole.FontRole,
    Qt.ItemDataRole.TextAlignmentRole,
    Qt.ItemDataRole.ForegroundRole,
    Qt.ItemDataRole.BackgroundRole,
    Qt.ItemDataRole.AccessibleTextRole,
]
QUERY = "민간경상"
PAGE_ROWS = 40


def synthetic_lines(n: int) -> list[ExpenditureLineOut]:
    codes = list(OBJECTS)
    version_id = uuid.uuid4()
    lines = []
    for i in range(n):
        amount = (i * 7919) % 900_000 + 100
        funding = (
            {"city": amount}
            if i % 3
            else {
                "nation": amount // 2,
                "province": amount // 4,
                "city": amount - amount // 2 - amount // 4,
            }
        )
        lines.append(
            ExpenditureLineOut.model_construct(
                id=uuid.UUID(int=i + 1),
                version_id=version_id,
                fiscal_year=2026,
                account_code="100" if i % 5 else "210",
                program_id=uuid.UUID(int=10_000 + i // 18),
                department_id=uuid.UUID(int=20_000 + i // 400),
                object_code=codes[i % len(codes)],
                sector_code="",
                amount=amount,
                base_amount=(i * 104_729) % 900_000,
                requested_amount=amount if i % 4 else None,
                adjusted_amount=amount - 10 if i % 7 == 0 else None,
                adopted_amount=None,
                adjust_reason="",
                funding=funding,
                funding_base={},
                basis=None,
                position=i,
                version=1,
            )
        )
    return lines


def build_model(lines: list[ExpenditureLineOut]) -> BudgetLinesModel:
    return BudgetLinesModel(
        lines,
        object_names=OBJECTS,
        funding_names=FUNDING,
        account_names={"100": "일반회계", "210": "상하수도특별회계"},
        program_names={uuid.UUID(int=10_000 + k): f"세부사업 {k}" for k in range(1000)},
        states={uuid.UUID(int=10_000 + k): "요구" for k in range(1000)},
    )


def raw_tuples(lines: list[ExpenditureLineOut]) -> list[tuple[Any, ...]]:
    return [
        (
            x.account_code,
            x.object_code,
            tuple(x.funding.items()),
            x.base_amount,
            x.requested_amount,
            x.amount - x.base_amount,
            x.adjusted_amount,
            x.adopted_amount,
            x.program_id,
        )
        for x in lines
    ]


def standard_model(model: BudgetLinesModel) -> QStandardItemModel:
    rows, cols = model.rowCount(), model.columnCount()
    strings = [[model.index(r, c).data() for c in range(cols)] for r in range(rows)]
    start = time.perf_counter()
    std = QStandardItemModel(rows, cols)
    for r, row in enumerate(strings):
        for c, text in enumerate(row):
            std.setItem(r, c, QStandardItem(text))
    standard_model.seconds = time.perf_counter() - start  # type: ignore[attr-defined]
    return std


class NoneModel(QAbstractTableModel):
    """The floor for a Python model: data() does nothing."""

    def __init__(self, rows: int, cols: int) -> None:
        super().__init__()
        self._rows, self._cols = rows, cols

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._rows

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._cols

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        return None


def timed(fn: Callable[[], object], repeat: int = 5) -> float:
    """Median seconds of ``repeat`` runs."""
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def data_rate(model: QAbstractItemModel, first_row: int) -> float:
    """data() calls per second for one visible page, through QModelIndex.data."""
    indexes = [
        model.index(r, c)
        for r in range(first_row, first_row + PAGE_ROWS)
        for c in range(model.columnCount())
    ]
    calls = len(indexes) * len(ROLES)
    best = min(
        timed(lambda: [index.data(role) for index in indexes for role in ROLES], repeat=1)
        for _ in range(20)
    )
    return calls / best


def rss_kib() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * (os.sysconf("SC_PAGE_SIZE") // 1024)


def row(label: str, value: str, note: str = "") -> None:
    print(f"  {label:<36}{value:>16}  {note}".rstrip())


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


def bench_build(lines: list[ExpenditureLineOut]) -> tuple[BudgetLinesModel, QStandardItemModel]:
    build = timed(lambda: build_model(lines), repeat=3)
    tuples = timed(lambda: raw_tuples(lines), repeat=3)
    model = build_model(lines)
    std = standard_model(model)
    print("\nbuild")
    row("BudgetLinesModel", ms(build))
    row("floor: list of raw tuples", ms(tuples), f"(model {build / tuples:.1f}x)")
    row("QStandardItemModel, same strings", ms(standard_model.seconds))  # type: ignore[attr-defined]
    return model, std


def bench_sort(model: BudgetLinesModel, std: QStandardItemModel, lines: list[Any]) -> None:
    amount_col = model.column_of(LineColumn.AMOUNT)
    desc = Qt.SortOrder.DescendingOrder
    ints = [line.requested_amount or 0 for line in lines]
    sort_each = timed(lambda: model.sort(amount_col, desc))
    plain_sort = timed(lambda: sorted(range(len(ints)), key=ints.__getitem__, reverse=True))
    std_sort = timed(lambda: std.sort(amount_col, desc), repeat=3)
    print("\nsort by 요구액, descending")
    row("BudgetLinesModel.sort", ms(sort_each))
    row(
        "floor: sorted() over a list of ints",
        ms(plain_sort),
        f"(model {sort_each / plain_sort:.1f}x)",
    )
    row("QStandardItemModel.sort (C++)", ms(std_sort))
    model.sort(-1)


def bench_filter(model: BudgetLinesModel) -> None:
    n = model.rowCount()
    texts = [model.index(r, 1).data() + " " + model.index(r, 2).data() for r in range(n)]
    per_key: list[float] = []
    plain_key: list[float] = []
    for _ in range(5):
        model.set_filter("")
        for i in range(1, len(QUERY) + 1):
            gc.collect()
            start = time.perf_counter()
            model.set_filter(QUERY[:i])
            per_key.append(time.perf_counter() - start)
            start = time.perf_counter()
            _ = [t for t in texts if QUERY[:i] in t]
            plain_key.append(time.perf_counter() - start)
    shown = model.rowCount()
    start = time.perf_counter()
    model.set_filter(QUERY[:-1])  # backspace widens the filter: a full scan
    widen = time.perf_counter() - start
    print(f"\nfilter, typing {QUERY!r} one character at a time ({shown:,} of {n:,} rows left)")
    row("per keystroke, median", ms(statistics.median(per_key)))
    row("per keystroke, max (first character)", ms(max(per_key)))
    row("floor: substring scan of a str list", ms(statistics.median(plain_key)))
    row("backspace (widening: full scan)", ms(widen))
    model.set_filter("")


def bench_data(model: BudgetLinesModel, std: QStandardItemModel) -> None:
    first = model.rowCount() // 2
    page_calls = PAGE_ROWS * model.columnCount() * len(ROLES)
    print(
        f"\ndata() through Qt: a page of {PAGE_ROWS} rows x {model.columnCount()} columns"
        f" x {len(ROLES)} roles = {page_calls:,} calls"
    )
    for label, candidate in (
        ("BudgetLinesModel", model),
        ("floor: Python data() returning None", NoneModel(model.rowCount(), model.columnCount())),
        ("QStandardItemModel (C++)", std),
    ):
        rate = data_rate(candidate, first)
        row(label, f"{rate:,.0f}/s", f"({ms(page_calls / rate)} per page)")


def bench_memory(lines: list[ExpenditureLineOut]) -> None:
    gc.collect()
    rss0 = rss_kib()
    tracemalloc.start()
    kept = build_model(lines)
    _, peak_model = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss_model = rss_kib() - rss0
    tracemalloc.start()
    kept_tuples = raw_tuples(lines)
    _, peak_tuples = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss1 = rss_kib()
    kept_std = QStandardItemModel(kept.rowCount(), kept.columnCount())
    for r in range(kept.rowCount()):
        for c in range(kept.columnCount()):
            kept_std.setItem(r, c, QStandardItem(kept.index(r, c).data()))
    rss_std = rss_kib() - rss1
    print("\nmemory (the wire objects themselves not counted)")
    row("BudgetLinesModel, tracemalloc peak", f"{peak_model / 2**20:.1f} MiB")
    row("BudgetLinesModel, RSS growth", f"{rss_model / 1024:.1f} MiB")
    row("floor: list of raw tuples, peak", f"{peak_tuples / 2**20:.1f} MiB")
    row("QStandardItemModel, RSS growth (C++)", f"{rss_std / 1024:.1f} MiB")
    assert kept_tuples and kept_std.rowCount() == kept.rowCount()


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 16_000
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    lines = synthetic_lines(n)
    print(f"budget lines model, {n:,} lines, PySide6 offscreen, Python {sys.version.split()[0]}")
    model, std = bench_build(lines)
    bench_sort(model, std, lines)
    bench_filter(model)
    bench_data(model, std)
    bench_memory(lines)
    assert app is not None


if __name__ == "__main__":
    main()
