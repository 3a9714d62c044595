"""The storm, a naive variant that must fail it, and a server killed mid-batch — each against a
REAL ``hojo-server`` process on 127.0.0.1, on SQLite and on PostgreSQL.

20 clients × 50 결의 (each with its 원인행위 in the same request) on one line whose 배정 covers
exactly half; random re-sends of the same key, some concurrent on a second connection.
"""

from __future__ import annotations

import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from benchmarks.expenditure_storm import (
    AMOUNT,
    GOV,
    Outcome,
    allot,
    check,
    client_run,
    prepare,
    running,
    send,
    start_server,
    storm,
)
from server.db import make_engine, make_session_factory, unit_of_work
from server.models import ExecutionBalance, ExecutionDocument

pytestmark = pytest.mark.slow
CLIENTS, PER_CLIENT = 20, 50


def test_storm_never_overspends_and_records_each_posting_once(db_url: str, tmp_path: Path) -> None:
    setup = prepare(db_url, tmp_path, CLIENTS, line_thousand=CLIENTS * PER_CLIENT * AMOUNT // 1000)
    capacity = CLIENTS * PER_CLIENT // 2
    with running(setup) as server:
        allot(server, setup, capacity * AMOUNT)
        out = storm(server, setup, CLIENTS, PER_CLIENT)
    assert sum(len(a) for a in out.answers.values()) > CLIENTS * PER_CLIENT  # retries happened
    verdict = check(setup, out, capacity, capacity * AMOUNT)
    assert verdict.problems == []
    assert (verdict.accepted, verdict.refused) == (capacity, CLIENTS * PER_CLIENT - capacity)
    assert (verdict.overspend, verdict.duplicates, verdict.lost, verdict.pending) == (0, 0, 0, 0)
    assert verdict.unclear_refusals == 0 and verdict.audit_ok
    assert verdict.ok


def _naive_post(factory: sessionmaker[Session], line_id: uuid.UUID, author: uuid.UUID) -> bool:
    """READ-COMPUTE-WRITE (what the service must never do): read the balance, decide in Python,
    write the computed value back."""
    with unit_of_work(factory) as s:
        bal = s.execute(
            select(ExecutionBalance.obligated, ExecutionBalance.allotted).where(
                ExecutionBalance.government_code == GOV, ExecutionBalance.line_id == line_id
            )
        ).one()
        if bal.obligated + AMOUNT > bal.allotted:
            return False
        time.sleep(0.001)  # the work between the read and the write (as in a real request)
        s.execute(
            update(ExecutionBalance)
            .where(ExecutionBalance.government_code == GOV, ExecutionBalance.line_id == line_id)
            .values(obligated=bal.obligated + AMOUNT, resolved=bal.obligated + AMOUNT)
        )
        s.add(
            ExecutionDocument(
                government_code=GOV,
                kind="resolution",
                line_id=line_id,
                fiscal_year=2024,
                amount=AMOUNT,
                net_amount=AMOUNT,
                author_id=author,
                idempotency_key=str(uuid.uuid4()),
            )
        )
    return True


def test_the_check_catches_a_naive_read_compute_write(db_url: str, tmp_path: Path) -> None:
    """Proof that the storm's check can fail: the naive variant overspends on PostgreSQL
    (READ COMMITTED, lost updates). SQLite serializes writers (BEGIN IMMEDIATE), so there it
    cannot overspend even naively."""
    if db_url.startswith("sqlite"):
        pytest.skip("SQLite write transactions are serialized: the naive variant cannot race")
    setup = prepare(db_url, tmp_path, 1, line_thousand=CLIENTS * PER_CLIENT * AMOUNT // 1000)
    capacity = CLIENTS * PER_CLIENT // 2
    with running(setup) as server:
        allot(server, setup, capacity * AMOUNT)
    engine = make_engine(setup.database_url, pool_size=CLIENTS, max_overflow=0)
    factory = make_session_factory(engine)
    with unit_of_work(factory, write=False) as s:
        author = s.scalar(select(ExecutionDocument.author_id).limit(1)) or uuid.uuid4()
    from server.models import User

    with unit_of_work(factory, write=False) as s:
        author = s.scalars(select(User.id).where(User.government_code == GOV)).first() or author
    with ThreadPoolExecutor(CLIENTS) as pool:
        accepted = sum(
            pool.map(
                lambda _i: _naive_post(factory, setup.line_id, author), range(CLIENTS * PER_CLIENT)
            )
        )
    engine.dispose()
    out = Outcome()  # no API answers: check the database side only
    verdict = check(setup, out, capacity, capacity * AMOUNT)
    assert accepted > capacity
    assert verdict.overspend > 0, "the naive variant should have overspent"
    assert not verdict.ok


def test_killed_server_loses_nothing_and_doubles_nothing(db_url: str, tmp_path: Path) -> None:
    """SIGKILL the server in the middle of a batch, restart it, retry every key."""
    clients, per_client = 8, 40
    setup = prepare(db_url, tmp_path, clients, line_thousand=clients * per_client * AMOUNT // 1000)
    capacity = clients * per_client // 2
    out = Outcome()
    server = start_server(setup)
    try:
        allot(server, setup, capacity * AMOUNT)
        stop = threading.Event()
        threads = [
            threading.Thread(
                target=client_run, args=(server.base_url, setup, n, per_client, out, 100 + n, stop)
            )
            for n in range(clients)
        ]
        for t in threads:
            t.start()
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            with out.lock:
                answered = sum(1 for a in out.answers.values() if any(a))
            if answered >= clients * per_client // 4:
                break
            time.sleep(0.01)
        server.kill()  # SIGKILL mid-batch
        time.sleep(0.3)
        stop.set()
        for t in threads:
            t.join(60)
    finally:
        server.stop()
    unanswered = [k for k, a in out.answers.items() if not any(a)]
    assert any(any(a) for a in out.answers.values()), "the kill came before any answer"
    first = {k: next(x for x in a if x) for k, a in out.answers.items() if any(a)}
    with running(setup) as server2, httpx.Client(base_url=server2.base_url) as c:
        for n in range(clients):
            token = setup.tokens[n]
            for key, body in out.bodies.items():
                if key.startswith(f"storm-{n:02d}-"):
                    answer = send(c, token, key, body)
                    assert answer is not None
                    out.add(key, answer)
                    if key in first:
                        assert answer == first[key], f"{key}: a retry got another answer"
    verdict = check(setup, out, capacity, capacity * AMOUNT)
    assert verdict.problems == []
    assert verdict.pending == 0 and verdict.lost == 0 and verdict.duplicates == 0
    assert verdict.overspend == 0 and verdict.audit_ok
    assert verdict.accepted <= capacity
    assert verdict.accepted + verdict.refused == len(out.bodies)
    print(f"killed with {len(unanswered)} of {len(out.bodies)} keys unanswered; all settled")
