"""Pages per second of the 동구 2024 세출 예산서 beside a plain reportlab table of the same rows
and font in the same run (the limit), again at ten times the rows (must stay linear), and
peak memory (the process's peak RSS after each step). Starts a real server with both
books imported (``import-budget``).

    .venv/bin/python -m benchmarks.report_pages
"""

from __future__ import annotations

import dataclasses
import resource
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

from app.services.reports.data import NullJob, ReportData, fetch
from tests.app.services.reports.realserver import donggu_server
from tests.conftest import DONGGU_2024


def times(data: ReportData, n: int) -> ReportData:
    """The same lines ``n`` times, each copy under its own 세부사업 ids."""
    lines, programs = [], dict(data.programs)
    for copy in range(n):
        moved: dict[uuid.UUID, uuid.UUID] = {}
        for line in data.lines:
            pid = moved.setdefault(line.program_id, uuid.uuid4())
            if pid not in programs:
                old = data.programs[line.program_id]
                programs[pid] = old.model_copy(update={"id": pid, "name": f"{old.name} {copy}"})
            lines.append(line.model_copy(update={"program_id": pid, "position": len(lines)}))
    return dataclasses.replace(data, lines=lines, programs=programs)


def plain_rows(data: ReportData) -> list[list[str]]:
    from app.services.reports.budget_book import basis_rows

    rows: list[list[str]] = []
    for line in data.lines:
        rows.append([line.object_code, f"{line.amount:,}", f"{line.base_amount:,}", "", "", "", ""])
        rows += [["", "", "", "", "", t, a] for t, a in basis_rows(line.basis or [])]
    return rows


def plain_table(rows: list[list[str]], path: Path) -> int:
    """One reportlab LongTable of the rows, same font and widths (the ceiling)."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.platypus import LongTable, SimpleDocTemplate

    from app.services.reports.budget_book import WIDTHS
    from app.services.reports.fonts import register_font
    from app.services.reports.pdf import FONT_SIZE, LEADING

    font = register_font().regular
    doc = SimpleDocTemplate(str(path), pagesize=landscape(A4), leftMargin=20, rightMargin=20)
    table = LongTable(rows, colWidths=list(WIDTHS), repeatRows=0)
    table.setStyle([("FONT", (0, 0), (-1, -1), font, FONT_SIZE, LEADING)])
    doc.build([table])
    return int(doc.page)


def measure(label: str, work: Any) -> tuple[int, float, float]:
    started = time.perf_counter()
    pages = work()  # timed without tracemalloc (it slows reportlab several times)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # process peak so far
    print(f"{label:42s} {pages:6d} pages {seconds:7.2f} s {pages / seconds:7.1f} p/s "
          f"peak RSS {peak:7.1f} MiB", flush=True)  # fmt: skip
    return pages, seconds, peak


def main() -> None:
    from app.services.reports.budget_book import render_expenditure_book

    files = [DONGGU_2024 / "expenditure.xlsx", DONGGU_2024 / "revenue.xlsx"]
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        with donggu_server(tmp / "server", files) as server:
            api = server.api()
            data = fetch(api, api.versions(2024)[0].id, NullJob())
        for n in (1, 10):
            big = times(data, n) if n > 1 else data
            rows = plain_rows(big)
            print(f"--- x{n}: {len(big.lines)} lines, {len(rows)} rows")
            measure(
                f"세출 예산서 x{n}",
                lambda b=big: render_expenditure_book(b, tmp / "b.pdf", NullJob()),
            )
            measure(
                f"plain reportlab table x{n} (one LongTable)",
                lambda r=rows: plain_table(r, tmp / "p.pdf"),
            )


if __name__ == "__main__":
    main()
