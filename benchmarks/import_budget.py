"""Import of the 5,475-row 인천 동구 세출 book: seconds and peak memory on SQLite and
PostgreSQL, beside the time and memory openpyxl alone needs to read the same file (the floor).

    .venv/bin/python benchmarks/import_budget.py [--repeat N]

Each measurement runs in its own interpreter so its peak memory is its own.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._common import (
    current_rss_mib,
    fresh_postgres,
    peak_rss_mib,
    require_book,
    row,
    run_isolated,
)

GOV = "3500000"


def measure_openpyxl(path: Path) -> dict[str, float]:
    import openpyxl

    rss0 = current_rss_mib()
    start = time.perf_counter()
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    rows = sum(1 for _ in wb.worksheets[0].iter_rows(values_only=True))
    wb.close()
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "rows": rows, "peak_mib": peak_rss_mib() - rss0}


def measure_import(path: Path, url: str) -> dict[str, float]:
    from server.audit.service import SYSTEM_ACTOR, start_chain
    from server.db import make_engine, make_session_factory, unit_of_work
    from server.imports.service import import_file
    from server.migrate import upgrade
    from server.models import Government

    upgrade(url)
    engine = make_engine(url)
    factory = make_session_factory(engine)
    with unit_of_work(factory) as s:
        s.add(Government(code=GOV, name="인천광역시 동구 (시험)"))
        s.flush()
        start_chain(s, GOV)
    data = path.read_bytes()
    rss0 = current_rss_mib()
    start = time.perf_counter()
    with unit_of_work(factory) as s:
        result = import_file(s, GOV, data, path.name, SYSTEM_ACTOR)
    seconds = time.perf_counter() - start
    engine.dispose()
    return {"seconds": seconds, "lines": result.line_count, "peak_mib": peak_rss_mib() - rss0}


def child(argv: list[str]) -> None:
    kind, path = argv[0], Path(argv[1])
    out = measure_openpyxl(path) if kind == "openpyxl" else measure_import(path, argv[2])
    print(json.dumps(out))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
    book = require_book("expenditure.xlsx")
    me = Path(__file__)
    floor = [run_isolated(me, "--child", "openpyxl", str(book)) for _ in range(args.repeat)]
    floor_s = min(r["seconds"] for r in floor)
    floor_mib = min(r["peak_mib"] for r in floor)
    print(f"세출 book: {book} ({int(floor[0]['rows']):,} sheet rows incl. 2 header rows)")
    print(row("measure", "value", "floor (openpyxl)", "ratio"))
    print(row("openpyxl read_only, all rows (s)", f"{floor_s:.2f}", f"{floor_s:.2f}", "1.00"))
    print(
        row(
            "openpyxl read, peak memory growth (MiB)",
            f"{floor_mib:.0f}",
            f"{floor_mib:.0f}",
            "1.00",
        )
    )
    for backend in ("sqlite", "postgresql"):
        runs = []
        for _ in range(args.repeat):
            if backend == "sqlite":
                with tempfile.TemporaryDirectory() as tmp:
                    url = f"sqlite:///{tmp}/bench.db"
                    runs.append(run_isolated(me, "--child", "import", str(book), url))
            else:
                with fresh_postgres() as url:
                    runs.append(run_isolated(me, "--child", "import", str(book), url))
        secs = min(r["seconds"] for r in runs)
        mib = min(r["peak_mib"] for r in runs)
        print(
            row(
                f"import on {backend} (s)", f"{secs:.2f}", f"{floor_s:.2f}", f"{secs / floor_s:.2f}"
            )
        )
        print(
            row(
                f"import on {backend}, peak memory growth (MiB)",
                f"{mib:.0f}",
                f"{floor_mib:.0f}",
                f"{mib / max(floor_mib, 1):.2f}",
            )
        )
        print(f"    budget lines created: {int(runs[0]['lines']):,}")
    print(f"  (memory: peak RSS minus RSS once the modules were imported; best of {args.repeat})")


if __name__ == "__main__":
    main()
