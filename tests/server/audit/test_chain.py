"""The audit chain: every change linked by hash; tampering and forks are detected."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session, sessionmaker

from server.audit import service as audit
from server.audit.service import SYSTEM_ACTOR, Actor, verify
from server.db import unit_of_work
from server.models import AuditEvent, AuditHead
from tests.server.factories import make_government

GOV = "3500000"


def _seed(factory: sessionmaker[Session], events: int = 5) -> None:
    with unit_of_work(factory) as s:
        make_government(s, GOV, "테스트구")
        for i in range(events):
            audit.record(
                s,
                GOV,
                SYSTEM_ACTOR,
                action="update",
                entity_type="expenditure_line",
                entity_id=f"line-{i}",
                summary=f"예산액 변경 {i}",
                before={"amount": i},
                after={"amount": i + 1},
            )


def _problems(factory: sessionmaker[Session]) -> list[str]:
    with unit_of_work(factory, write=False) as s:
        return [p.message for p in verify(s, GOV)]


def test_untouched_chain_verifies(session_factory: sessionmaker[Session]) -> None:
    _seed(session_factory)
    assert _problems(session_factory) == []
    with unit_of_work(session_factory, write=False) as s:
        head = s.get(AuditHead, GOV)
        assert head is not None and head.seq == 5


def _verify_audit_cli(db_url: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HOJO_DATABASE_URL": db_url, "HOJO_DATA_DIR": str(data_dir)}
    return subprocess.run(
        [sys.executable, "-m", "server", "verify-audit"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_edited_event_is_detected(
    session_factory: sessionmaker[Session], db_url: str, tmp_path: Path
) -> None:
    _seed(session_factory)
    with unit_of_work(session_factory) as s:
        s.execute(
            update(AuditEvent)
            .where(AuditEvent.government_code == GOV, AuditEvent.seq == 3)
            .values(after={"amount": 999})
        )
    problems = _problems(session_factory)
    assert any("해시 불일치" in p for p in problems), problems
    cli = _verify_audit_cli(db_url, tmp_path)
    assert cli.returncode == 1
    assert "해시 불일치" in cli.stdout + cli.stderr


def test_deleted_event_is_detected(session_factory: sessionmaker[Session]) -> None:
    _seed(session_factory)
    with unit_of_work(session_factory) as s:
        s.execute(delete(AuditEvent).where(AuditEvent.government_code == GOV, AuditEvent.seq == 2))
    problems = _problems(session_factory)
    assert any("순번" in p for p in problems) and any("분기" in p for p in problems), problems


def test_rewritten_tail_is_detected_by_the_head(session_factory: sessionmaker[Session]) -> None:
    _seed(session_factory)
    with unit_of_work(session_factory) as s:
        s.execute(delete(AuditEvent).where(AuditEvent.government_code == GOV, AuditEvent.seq == 5))
    assert any("머리" in p for p in _problems(session_factory))


def _race(
    factory: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch, *, lock: bool
) -> tuple[int, list[str]]:
    """16 writers append at once; the hash step is slowed so every writer overlaps."""
    real_hash = audit.event_hash

    def slow_hash(**fields: Any) -> str:
        time.sleep(0.05)
        return real_hash(**fields)

    monkeypatch.setattr(audit, "event_hash", slow_hash)
    start = threading.Barrier(16)
    errors: list[str] = []

    def writer(n: int) -> None:
        start.wait()
        try:
            with unit_of_work(factory) as s:
                audit.record(
                    s,
                    GOV,
                    Actor(None, f"writer{n}"),
                    action="update",
                    entity_type="expenditure_line",
                    entity_id=f"line-{n}",
                    summary="동시 변경",
                    _lock_head=lock,
                )
        except Exception as exc:  # noqa: BLE001 - a failed writer is what we count
            errors.append(type(exc).__name__)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    monkeypatch.setattr(audit, "event_hash", real_hash)
    with unit_of_work(factory, write=False) as s:
        count = len(
            list(s.scalars(select(AuditEvent.seq).where(AuditEvent.government_code == GOV)))
        )
    return count, errors + _problems(factory)


def test_sixteen_concurrent_writers_keep_one_chain(
    session_factory: sessionmaker[Session],
    monkeypatch: pytest.MonkeyPatch,
    db_url: str,
    tmp_path: Path,
) -> None:
    _seed(session_factory, events=1)
    count, problems = _race(session_factory, monkeypatch, lock=True)
    assert problems == []
    assert count == 17
    cli = _verify_audit_cli(db_url, tmp_path)  # and the operator's command agrees
    assert cli.returncode == 0, cli.stdout + cli.stderr


def test_naive_read_then_insert_fails_under_concurrency(
    session_factory: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch, db_url: str
) -> None:
    """Without the head lock, concurrent writers read the same head: writes are lost or the
    chain forks. (SQLite serializes write transactions with BEGIN IMMEDIATE, so there the
    naive read cannot interleave; the race is shown on PostgreSQL.)"""
    if db_url.startswith("sqlite"):
        pytest.skip("SQLite write transactions are serialized (BEGIN IMMEDIATE): no interleaving")
    _seed(session_factory, events=1)
    count, problems = _race(session_factory, monkeypatch, lock=False)
    assert problems, "the naive version unexpectedly kept a clean chain with every write"
    assert count < 17 or any("분기" in p for p in problems)
