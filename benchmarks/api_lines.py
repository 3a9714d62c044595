"""`GET` of all lines of the imported 인천 동구 세출 version through the API: latency and bytes
on SQLite and PostgreSQL, beside the same rows read straight from the database with SQLAlchemy
Core in the same run (the floor).

    .venv/bin/python benchmarks/api_lines.py [--repeat N]

The server is the real `hojo-server serve` in its own process on 127.0.0.1.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import httpx

from benchmarks._common import fresh_postgres, require_book, row

GOV = "3500000"
PASSWORD = "Bench-pass-1234"


def _cli(env: dict[str, str], *args: str) -> str:
    return subprocess.run(
        [sys.executable, "-m", "server", *args], env=env, capture_output=True, text=True, check=True
    ).stdout


def _prepare(env: dict[str, str]) -> None:
    _cli(env, "migrate")
    _cli(env, "create-government", GOV, "인천광역시 동구 (시험)")
    _cli(env, "create-user", "--government", GOV, "--role", "budget_office", "bench")
    _cli(env, "import-budget", "--government", GOV, str(require_book("expenditure.xlsx")))


def _floor(url: str, version_id: str, repeat: int) -> tuple[float, float]:
    """Seconds to read every line with its 재원 split, and with its 산출근거 items, via Core."""
    import uuid

    from sqlalchemy import select

    from server.db import make_engine
    from server.models import BasisItem, ExpenditureLine, LineFunding

    engine = make_engine(url)
    vid = uuid.UUID(version_id)

    def lines_and_funds() -> int:
        with engine.connect() as conn:
            lines = conn.execute(
                select(ExpenditureLine).where(
                    ExpenditureLine.government_code == GOV, ExpenditureLine.version_id == vid
                )
            ).all()
            ids = [r.id for r in lines]
            funds = conn.execute(
                select(LineFunding).where(
                    LineFunding.government_code == GOV, LineFunding.line_id.in_(ids)
                )
            ).all()
            return len(lines) + len(funds)

    def with_basis() -> int:
        n = lines_and_funds()
        with engine.connect() as conn:
            items = conn.execute(
                select(BasisItem)
                .join(
                    ExpenditureLine,
                    (ExpenditureLine.government_code == BasisItem.government_code)
                    & (ExpenditureLine.id == BasisItem.expenditure_line_id),
                )
                .where(ExpenditureLine.government_code == GOV, ExpenditureLine.version_id == vid)
            ).all()
        return n + len(items)

    plain = min(_time(lines_and_funds) for _ in range(repeat))
    basis = min(_time(with_basis) for _ in range(repeat))
    engine.dispose()
    return plain, basis


def _time(fn: object) -> float:
    start = time.perf_counter()
    fn()  # type: ignore[operator]
    return time.perf_counter() - start


def _get_all(client: httpx.Client, version_id: str, include_basis: bool) -> tuple[int, int]:
    """Every page of the version's lines; returns (lines, bytes)."""
    count = size = 0
    cursor: str | None = None
    while True:
        params: dict[str, str | int] = {"limit": 5000}
        if include_basis:
            params["include"] = "basis"
        if cursor:
            params["cursor"] = cursor
        resp = client.get(f"/api/v1/budget-versions/{version_id}/expenditure-lines", params=params)
        resp.raise_for_status()
        size += len(resp.content)
        body = resp.json()
        count += len(body["items"])
        cursor = body.get("next_cursor")
        if not cursor:
            return count, size


def bench(backend: str, url: str, data_dir: Path, repeat: int) -> None:
    env = {**os.environ, "HOJO_DATA_DIR": str(data_dir), "HOJO_DATABASE_URL": url}
    env["HOJO_PASSWORD"] = PASSWORD
    _prepare(env)
    proc = subprocess.Popen(
        [sys.executable, "-m", "server", "serve", "--host", "127.0.0.1", "--port", "0"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert proc.stdout is not None
        port = int(proc.stdout.readline().strip().split("=", 1)[1])
        base = f"http://127.0.0.1:{port}"
        with httpx.Client(base_url=base, timeout=120) as client:
            for _ in range(100):
                try:
                    client.get("/api/v1/health")
                    break
                except httpx.TransportError:
                    time.sleep(0.1)
            token = client.post(
                "/api/v1/auth/token",
                json={"login": "bench", "password": PASSWORD, "government_code": GOV},
            ).json()["access_token"]
            client.headers["Authorization"] = f"Bearer {token}"
            version_id = client.get("/api/v1/budget-versions", params={"year": 2024}).json()
            version_id = (version_id["items"] if isinstance(version_id, dict) else version_id)[0][
                "id"
            ]
            plain_floor, basis_floor = _floor(url, version_id, repeat)
            for include, floor in ((False, plain_floor), (True, basis_floor)):
                _get_all(client, version_id, include)  # warm-up
                times = []
                for _ in range(repeat):
                    start = time.perf_counter()
                    lines, size = _get_all(client, version_id, include)
                    times.append(time.perf_counter() - start)
                secs = statistics.median(times)
                what = "lines + 재원 + 산출근거" if include else "lines + 재원"
                print(
                    row(
                        f"{backend}: GET {what} ({lines:,} lines)",
                        f"{secs * 1000:.0f} ms",
                        f"{floor * 1000:.0f} ms",
                        f"{secs / floor:.1f}",
                    )
                )
                print(f"      {size:,} bytes over the wire ({size / lines:.0f} per line)")
    finally:
        proc.terminate()
        proc.wait(10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    print(row("measure", "API (median)", "floor (Core read)", "ratio"))
    with tempfile.TemporaryDirectory() as tmp:
        bench("sqlite", f"sqlite:///{tmp}/bench.db", Path(tmp), args.repeat)
    with tempfile.TemporaryDirectory() as tmp, fresh_postgres() as url:
        bench("postgresql", url, Path(tmp), args.repeat)


if __name__ == "__main__":
    main()
