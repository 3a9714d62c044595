"""Shared bits of the benchmark scripts: where the real book is, fresh databases, timing."""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DONGGU = ROOT.parent / "shared" / "data" / "incheon-donggu-2024"
PG_URL = os.environ.get("HOJO_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")


def require_book(name: str) -> Path:
    path = DONGGU / name
    if not path.is_file():
        sys.exit(f"{path} is absent: the benchmarks need ../shared/data beside the project")
    return path


def peak_rss_mib() -> float:
    """Peak resident memory of this process so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def current_rss_mib() -> float:
    """Resident memory right now (Linux /proc)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def timed(fn: Callable[[], Any], repeat: int = 1) -> tuple[float, Any]:
    """Median seconds over ``repeat`` runs, and the last result."""
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def run_isolated(script: Path, *args: str) -> dict[str, Any]:
    """Run one measurement in a fresh interpreter (so peak memory is its own); JSON on stdout."""
    out = subprocess.run(
        [sys.executable, str(script), *args], capture_output=True, text=True, check=True
    ).stdout
    result: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    return result


@contextmanager
def fresh_postgres() -> Iterator[str]:
    """A new empty PostgreSQL database, dropped afterwards."""
    from sqlalchemy import create_engine, text

    from server.config import normalise_database_url

    base = normalise_database_url(PG_URL)
    name = f"hojo_bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield base.rsplit("/", 1)[0] + "/" + name
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def row(label: str, value: str, floor: str = "", ratio: str = "") -> str:
    return f"  {label:<46} {value:>14} {floor:>16} {ratio:>8}"
