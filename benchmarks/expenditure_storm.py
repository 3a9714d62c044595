"""The expenditure storm: concurrent clients posting 지출결의 (each with its 원인행위 created in
the same request) against ONE budget line whose 배정 covers exactly half of them, with random
retries of the same Idempotency-Key, through a real ``hojo-server`` process.

    .venv/bin/python benchmarks/expenditure_storm.py --database-url URL \
        [--clients 20] [--per-client 50]

Creates what it needs in that (empty) database, starts ``hojo-server serve`` on it and stops it
before exiting, then checks the outcome against the database and the audit chain. Beside the
storm it measures, in the same run, plain single-row INSERT transactions per second into the
same database (the floor) and bare HTTP requests per second to the same server. Last line:

    accepted=N refused=N capacity=N overspend=N duplicates=N postings_per_s=X

Exit status is non-zero unless accepted == capacity with no overspend and no duplicate (and
nothing lost, and the audit chain verifies). The functions are reused by the tests in
``tests/server/execution/test_storm.py``.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import httpx

GOV = "3500000"
AMOUNT = 10_000  # 원 per posting
SECRET = "storm-secret-key-" + "s" * 40
ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Setup:
    database_url: str
    data_dir: Path
    line_id: uuid.UUID
    tokens: list[str]
    budget_token: str


@dataclass
class Outcome:
    """Every answer each key got; ``None`` for a send that got no answer (server gone)."""

    answers: dict[str, list[tuple[int, Any] | None]] = field(default_factory=dict)
    bodies: dict[str, dict[str, Any]] = field(default_factory=dict)
    seconds: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, key: str, answer: tuple[int, Any] | None) -> None:
        with self.lock:
            self.answers.setdefault(key, []).append(answer)


# -- setup -----------------------------------------------------------------------------------
def server_env(database_url: str, data_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("HOJO_")}
    env.update(HOJO_DATABASE_URL=database_url, HOJO_DATA_DIR=str(data_dir), HOJO_SECRET_KEY=SECRET)
    env["PYTHONPATH"] = str(ROOT)
    return env


def prepare(database_url: str, data_dir: Path, clients: int, line_thousand: int) -> Setup:
    """Migrate, then a government, a 성립 line of ``line_thousand`` 천원 and the users."""
    from server.audit.service import start_chain
    from server.auth.security import issue_access_token
    from server.config import normalise_database_url
    from server.db import make_engine, make_session_factory, unit_of_work
    from server.migrate import upgrade
    from server.models import (
        Account,
        BudgetVersion,
        Department,
        ExpenditureLine,
        Government,
        Program,
        User,
        UserRole,
    )

    url = normalise_database_url(database_url)
    upgrade(url)
    engine = make_engine(url)

    def user(s: Any, login: str, roles: list[str], dept: uuid.UUID) -> str:
        u = User(
            government_code=GOV,
            login=login,
            display_name=login,
            password_hash="-",
            department_id=dept,
        )
        s.add(u)
        s.flush()
        for r in roles:
            s.add(UserRole(government_code=GOV, user_id=u.id, role=r))
        token, _ = issue_access_token(
            SECRET,
            user_id=u.id,
            government_code=GOV,
            login=login,
            roles=frozenset(roles),
            minutes=60,
        )
        return token

    with unit_of_work(make_session_factory(engine)) as s:
        s.add(Government(code=GOV, name="폭주시험구"))
        s.flush()
        start_chain(s, GOV)
        dept = Department(government_code=GOV, name="회계과")
        s.add_all(
            [dept, Account(government_code=GOV, fiscal_year=2024, code="100", name="일반회계")]
        )
        s.flush()
        parent = None
        for level in ("정책", "단위", "세부"):
            p = Program(
                government_code=GOV,
                fiscal_year=2024,
                level=level,
                name=f"청사 {level}",
                department_id=dept.id,
                parent_id=parent,
            )
            s.add(p)
            s.flush()
            parent = p.id
        assert parent is not None
        version = BudgetVersion(government_code=GOV, fiscal_year=2024, kind="본예산", state="성립")
        s.add(version)
        s.flush()
        line = ExpenditureLine(
            government_code=GOV,
            version_id=version.id,
            fiscal_year=2024,
            account_code="100",
            program_id=parent,
            object_code="201-01",
            amount=line_thousand,
        )
        s.add(line)
        s.flush()
        budget_token = user(s, "budget", ["budget_office"], dept.id)
        tokens = [
            user(s, f"clerk{i:02d}", ["dept_staff", "finance_officer"], dept.id)
            for i in range(clients)
        ]
        line_id = line.id
    engine.dispose()
    return Setup(url, data_dir, line_id, tokens, budget_token)


# -- the server ------------------------------------------------------------------------------
@dataclass
class Server:
    proc: subprocess.Popen[str]
    base_url: str

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(10)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.kill()


def start_server(setup: Setup) -> Server:
    cmd = [sys.executable, "-m", "server", "serve", "--host", "127.0.0.1", "--port", "0"]
    proc = subprocess.Popen(
        cmd,
        env=server_env(setup.database_url, setup.data_dir),
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline().strip()
    if not line.startswith("HOJO_SERVER_PORT="):
        proc.kill()
        raise RuntimeError(f"hojo-server did not start: {line!r}")
    base = f"http://127.0.0.1:{line.split('=', 1)[1]}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/api/v1/health", timeout=2).status_code == 200:
                return Server(proc, base)
        except httpx.HTTPError:
            time.sleep(0.05)
    proc.kill()
    raise RuntimeError("hojo-server did not answer /health")


@contextmanager
def running(setup: Setup) -> Iterator[Server]:
    server = start_server(setup)
    try:
        yield server
    finally:
        server.stop()


def allot(server: Server, setup: Setup, amount: int) -> None:
    r = httpx.post(
        f"{server.base_url}/api/v1/execution/lines/{setup.line_id}/allotments",
        json={"quarter": 1, "amount": amount, "note": "폭주 시험 배정"},
        headers={"Authorization": f"Bearer {setup.budget_token}", "Idempotency-Key": "allot-1"},
        timeout=30,
    )
    r.raise_for_status()


# -- the storm -------------------------------------------------------------------------------
URL = "/api/v1/execution/resolutions/with-obligation"


def send(
    client: httpx.Client, token: str, key: str, body: dict[str, Any]
) -> tuple[int, Any] | None:
    try:
        r = client.post(
            URL,
            json=body,
            timeout=60,
            headers={"Authorization": f"Bearer {token}", "Idempotency-Key": key},
        )
    except httpx.HTTPError:
        return None
    return r.status_code, r.json()


def client_run(
    base: str,
    setup: Setup,
    n: int,
    per_client: int,
    out: Outcome,
    seed: int,
    stop: threading.Event | None = None,
) -> None:
    """One client: its own HTTP connection; random re-sends (some concurrent) of the same key."""
    rnd = random.Random(seed)
    token = setup.tokens[n]
    with httpx.Client(base_url=base) as client, httpx.Client(base_url=base) as second:
        for i in range(per_client):
            if stop is not None and stop.is_set():
                return
            key = f"storm-{n:02d}-{i:03d}-{uuid.uuid4().hex[:8]}"
            body = {
                "line_id": str(setup.line_id),
                "amount": AMOUNT,
                "title": f"폭주 {n}-{i}",
                "evidence": ["견적서", "세금계산서"],
            }
            with out.lock:
                out.bodies[key] = body
            roll = rnd.random()
            if roll < 0.1:  # a duplicate in flight at the same time, on another connection
                t = threading.Thread(
                    target=lambda k=key, b=body: out.add(k, send(second, token, k, b))
                )
                t.start()
                out.add(key, send(client, token, key, body))
                t.join()
            else:
                out.add(key, send(client, token, key, body))
                for _ in range(rnd.choice([0, 0, 1, 2]) if roll < 0.4 else 0):
                    out.add(key, send(client, token, key, body))


def storm(server: Server, setup: Setup, clients: int, per_client: int, seed: int = 7) -> Outcome:
    out = Outcome()
    start = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        futures = [
            pool.submit(client_run, server.base_url, setup, n, per_client, out, seed + n)
            for n in range(clients)
        ]
        for f in futures:
            f.result()
    out.seconds = time.perf_counter() - start
    return out


# -- checking --------------------------------------------------------------------------------
@dataclass
class Verdict:
    accepted: int
    refused: int
    capacity: int
    overspend: int
    duplicates: int
    lost: int
    unclear_refusals: int
    pending: int
    audit_ok: bool
    problems: list[str]

    @property
    def ok(self) -> bool:
        return (
            self.accepted == self.capacity
            and self.overspend == 0
            and self.duplicates == 0
            and self.lost == 0
            and self.unclear_refusals == 0
            and self.pending == 0
            and self.audit_ok
        )


def check(setup: Setup, out: Outcome, capacity: int, allotted: int) -> Verdict:
    """Answers against the database: one document per accepted key, none for refused ones."""
    from sqlalchemy import func, select

    from server.audit.service import verify_all
    from server.db import make_engine, make_session_factory, unit_of_work
    from server.models import ExecutionBalance, ExecutionDocument

    problems: list[str] = []
    accepted: dict[str, str] = {}
    refused, unclear, pending, inconsistent = 0, 0, 0, 0
    for key, answers in out.answers.items():
        got = [a for a in answers if a is not None]
        if not got:
            pending += 1
            continue
        if any(a != got[0] for a in got[1:]):
            inconsistent += 1
            problems.append(f"{key}: different answers {sorted({a[0] for a in got})}")
        status, body = got[0]
        if status == 201:
            accepted[key] = body["resolution"]["id"]
        elif (
            status == 409
            and body.get("code") == "allotment_exceeded"
            and "배정 잔액" in body.get("detail", "")
        ):
            refused += 1
        else:
            unclear += 1
            problems.append(f"{key}: {status} {body}")
    engine = make_engine(setup.database_url)
    with unit_of_work(make_session_factory(engine), write=False) as s:
        D = ExecutionDocument
        rows = s.execute(
            select(D.idempotency_key, D.id, D.amount).where(
                D.government_code == GOV, D.kind == "resolution"
            )
        ).all()
        in_db: dict[str, list[str]] = {}
        for doc_key, doc_id, _amount in rows:
            in_db.setdefault(str(doc_key), []).append(str(doc_id))
        total = sum(int(r[2]) for r in rows)
        obligations = (
            s.scalar(
                select(func.coalesce(func.sum(D.amount), 0)).where(
                    D.government_code == GOV, D.kind == "obligation"
                )
            )
            or 0
        )
        bal = s.get(ExecutionBalance, (GOV, setup.line_id))
        held = (bal.obligated, bal.resolved) if bal is not None else None
        audit_ok = verify_all(s) == []
    engine.dispose()
    duplicates = inconsistent + sum(len(v) - 1 for v in in_db.values() if len(v) > 1)
    lost = sum(1 for k, doc in accepted.items() if in_db.get(k) != [doc])
    lost += sum(1 for k in in_db if k not in accepted)  # recorded but never answered 201
    overspend = max(
        0, total - allotted, int(obligations) - allotted, AMOUNT * len(accepted) - allotted
    )
    if held != (int(obligations), total):
        problems.append(f"balance row {held} does not match the documents")
        overspend = max(overspend, 1)
    return Verdict(
        len(accepted),
        refused,
        capacity,
        overspend,
        duplicates,
        lost,
        unclear,
        pending,
        audit_ok,
        problems[:10],
    )


# -- floors ----------------------------------------------------------------------------------
def insert_floor(database_url: str, threads: int, seconds: float = 3.0) -> float:
    """Plain single-row INSERT transactions per second into the same database (no HTTP)."""
    from sqlalchemy import text

    from server.db import make_engine

    engine = (
        make_engine(database_url, pool_size=threads, max_overflow=0)
        if not database_url.startswith("sqlite")
        else make_engine(database_url)
    )
    with engine.begin() as conn:
        conn.execute(
            text(
                "CREATE TABLE IF NOT EXISTS storm_floor (id VARCHAR(36) PRIMARY KEY, "
                "line_id VARCHAR(36), amount BIGINT)"
            )
        )
    counts = [0] * threads
    deadline = time.perf_counter() + seconds

    def work(n: int) -> None:
        with engine.connect() as conn:
            while time.perf_counter() < deadline:
                with conn.begin():
                    conn.execute(
                        text("INSERT INTO storm_floor VALUES (:i, 'x', 10000)"),
                        {"i": str(uuid.uuid4())},
                    )
                counts[n] += 1

    start = time.perf_counter()
    with ThreadPoolExecutor(threads) as pool:
        list(pool.map(work, range(threads)))
    elapsed = time.perf_counter() - start
    with engine.begin() as conn:
        conn.execute(text("DROP TABLE storm_floor"))
    engine.dispose()
    return sum(counts) / elapsed


def http_floor(server: Server, threads: int, seconds: float = 3.0) -> float:
    """GET /api/v1/health per second through the same server (no database)."""
    counts = [0] * threads
    deadline = time.perf_counter() + seconds

    def work(n: int) -> None:
        with httpx.Client(base_url=server.base_url) as c:
            while time.perf_counter() < deadline:
                c.get("/api/v1/health")
                counts[n] += 1

    start = time.perf_counter()
    with ThreadPoolExecutor(threads) as pool:
        list(pool.map(work, range(threads)))
    return sum(counts) / (time.perf_counter() - start)


# -- main ------------------------------------------------------------------------------------
def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--database-url", required=True)
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--per-client", type=int, default=50)
    args = ap.parse_args(argv)
    postings = args.clients * args.per_client
    capacity = postings // 2
    with tempfile.TemporaryDirectory(prefix="hojo-storm-") as tmp:
        setup = prepare(
            args.database_url, Path(tmp), args.clients, line_thousand=postings * AMOUNT // 1000
        )
        with running(setup) as server:
            allot(server, setup, capacity * AMOUNT)
            out = storm(server, setup, args.clients, args.per_client)
            http_rate = http_floor(server, args.clients)
        verdict = check(setup, out, capacity, capacity * AMOUNT)
        floor = insert_floor(setup.database_url, args.clients)
        floor1 = insert_floor(setup.database_url, 1)
    sends = sum(len(a) for a in out.answers.values())
    rate = postings / out.seconds
    print(
        f"database: {setup.database_url.split('://', 1)[0]}; {args.clients} clients × "
        f"{args.per_client} 결의, {sends} HTTP sends incl. retries, {out.seconds:.2f} s"
    )
    print(
        f"accepted 결의 per second: {verdict.accepted / out.seconds:,.0f}; postings (accepted "
        f"or refused) per second: {rate:,.0f}; sends per second: {sends / out.seconds:,.0f}"
    )
    print(
        f"floor, plain single-row INSERT transactions/s, same database: {floor:,.0f} with "
        f"{args.clients} threads, {floor1:,.0f} with 1 (ratio {rate / floor:.2f})"
    )
    print(f"floor, GET /health per second through the same server: {http_rate:,.0f}")
    day = 660_000 / max(rate, 1e-9)
    print(f"660,000 결의 (a national day) at this rate: {day / 3600:.2f} h")
    print(
        f"lost={verdict.lost} pending={verdict.pending} unclear_refusals="
        f"{verdict.unclear_refusals} audit_chain={'ok' if verdict.audit_ok else 'BROKEN'}"
    )
    for p in verdict.problems:
        print("problem:", p)
    v = verdict
    print(
        f"accepted={v.accepted} refused={v.refused} capacity={capacity} "
        f"overspend={v.overspend} duplicates={v.duplicates} postings_per_s={rate:.1f}"
    )
    return 0 if verdict.ok else 1


if __name__ == "__main__":
    sys.exit(main())
