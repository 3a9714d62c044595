"""Pages per second of the 동구 2024 세출 예산서 beside a plain reportlab table of the same rows
and font in the same run (the limit), again at ten times the rows (must stay linear), and
peak memory. Starts a real server with both books imported (``import-budget``).

Each step runs untraced (no tracemalloc: it slows reportlab several times) in a forked child,
so its peak RSS is its own (the fetched data, shared with the parent, plus the rendering) and
not the peak of an earlier step. The plain table is reportlab ``Table`` s of the same rows,
font, size and column widths, split every ``MAX_TABLE_ROWS`` rows like the book (one
``LongTable`` of all rows is not a limit: reportlab re-splits the remainder on every page, so
it grows quadratically — 73,910 rows ran for minutes), without the book's grid, wrapping,
bold rows, headings or bookmarks.

    .venv/bin/python -m benchmarks.report_pages
"""

from __future__ import annotations

import dataclasses
import os
import pickle
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
    lines: list[Any] = []
    programs = dict(data.programs)
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
    """The rows as plain reportlab Tables, same font, size and widths (the ceiling)."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.platypus import SimpleDocTemplate, Table

    from app.services.reports.budget_book import WIDTHS
    from app.services.reports.fonts import register_font
    from app.services.reports.pdf import FONT_SIZE, LEADING, MAX_TABLE_ROWS

    font = register_font().regular
    doc = SimpleDocTemplate(str(path), pagesize=landscape(A4), leftMargin=20, rightMargin=20)
    style = [("FONT", (0, 0), (-1, -1), font, FONT_SIZE, LEADING)]
    story = [
        Table(rows[i : i + MAX_TABLE_ROWS], colWidths=list(WIDTHS), style=style)
        for i in range(0, len(rows), MAX_TABLE_ROWS)
    ]
    doc.build(story)
    return int(doc.page)


def _rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(label: str, work: Any) -> tuple[int, float, float]:
    """Run ``work`` in a forked child; pages, seconds and the child's own peak RSS."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: time the work, send the result, leave at once
        try:
            started = time.perf_counter()
            pages = work()
            result: Any = (pages, time.perf_counter() - started, _rss_mib())
        except BaseException as error:  # noqa: BLE001 - reported by the parent
            result = error
        with os.fdopen(write, "wb") as out:
            pickle.dump(result, out)
        os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as inp:
        result = pickle.load(inp)
    os.waitpid(pid, 0)
    if isinstance(result, BaseException):
        raise result
    pages, seconds, peak = result
    print(f"{label:44s} {pages:6d} pages {seconds:7.2f} s {pages / seconds:7.1f} p/s "
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
        print(f"after reading the version: peak RSS {_rss_mib():.1f} MiB (the parent)")
        rates: dict[tuple[str, int], float] = {}
        for n in (1, 10):
            big = times(data, n) if n > 1 else data
            rows = plain_rows(big)
            print(f"--- x{n}: {len(big.lines)} lines, {len(rows)} rows")
            pages, seconds, _ = measure(
                f"세출 예산서 x{n}",
                lambda b=big: render_expenditure_book(b, tmp / "b.pdf", NullJob()),
            )
            rates["book", n] = pages / seconds
            pages, seconds, _ = measure(
                f"plain reportlab table x{n} (same rows, font)",
                lambda r=rows: plain_table(r, tmp / "p.pdf"),
            )
            rates["plain", n] = pages / seconds
            print(f"book / plain x{n}: {rates['book', n] / rates['plain', n]:.0%} of the limit")
        for kind in ("book", "plain"):
            ratio = rates[kind, 10] / rates[kind, 1]
            print(f"{kind}: pages/s at x10 is {ratio:.2f} x the pages/s at x1 (1.00 = linear)")


if __name__ == "__main__":
    main()
