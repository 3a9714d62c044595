"""Appending to and verifying the per-government audit chain.

The chain head row is locked (``SELECT ... FOR UPDATE`` on PostgreSQL; SQLite write
transactions are already serialized by ``BEGIN IMMEDIATE``) in the same transaction as the
change it records, so concurrent writers queue behind each other instead of forking the chain.
Services never commit: the caller's unit of work does.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from server.audit.chain import GENESIS_HASH, event_hash, jsonable
from server.models import AuditEvent, AuditHead


@dataclass(frozen=True)
class Actor:
    user_id: uuid.UUID | None
    login: str


SYSTEM_ACTOR = Actor(None, "system")


def start_chain(session: Session, government_code: str) -> None:
    """Create the head of a new government's chain (with the government, same transaction)."""
    session.execute(
        insert(AuditHead).values(government_code=government_code, seq=0, hash=GENESIS_HASH)
    )


def record(
    session: Session,
    government_code: str,
    actor: Actor,
    *,
    action: str,
    entity_type: str,
    entity_id: str | uuid.UUID,
    summary: str = "",
    before: Any = None,
    after: Any = None,
    _lock_head: bool = True,
) -> int:
    """Append one event and move the head; returns the event's sequence number."""
    query = select(AuditHead.seq, AuditHead.hash).where(
        AuditHead.government_code == government_code
    )
    if _lock_head:
        query = query.with_for_update()
    head = session.execute(query).one_or_none()
    if head is None:
        raise LookupError(f"audit chain of {government_code} has no head")
    seq: int = int(head.seq) + 1
    at = datetime.now(UTC)
    fields = {
        "government_code": government_code,
        "seq": seq,
        "at": at,
        "actor_login": actor.login,
        "action": action,
        "entity_type": entity_type,
        "entity_id": str(entity_id),
        "summary": summary[:500],
        "before": jsonable(before),
        "after": jsonable(after),
        "prev_hash": head.hash,
    }
    digest = event_hash(**fields)
    session.execute(insert(AuditEvent).values(**fields, actor_id=actor.user_id, hash=digest))
    session.execute(
        update(AuditHead)
        .where(AuditHead.government_code == government_code)
        .values(seq=seq, hash=digest)
    )
    return seq


@dataclass(frozen=True)
class ChainProblem:
    government_code: str
    seq: int
    message: str


def _events(session: Session, government_code: str) -> Iterator[AuditEvent]:
    stmt = (
        select(AuditEvent)
        .where(AuditEvent.government_code == government_code)
        .order_by(AuditEvent.seq)
        .execution_options(yield_per=2000)
    )
    yield from session.scalars(stmt)


def verify(session: Session, government_code: str) -> list[ChainProblem]:
    """Every link, hash and sequence number of one government's chain, and its head."""
    problems: list[ChainProblem] = []
    prev_hash, expected_seq = GENESIS_HASH, 1
    for ev in _events(session, government_code):
        if ev.seq != expected_seq:
            problems.append(
                ChainProblem(government_code, ev.seq, f"순번이 {expected_seq}이어야 합니다")
            )
        if ev.prev_hash != prev_hash:
            problems.append(
                ChainProblem(government_code, ev.seq, "앞 기록의 해시와 연결되지 않습니다 (분기)")
            )
        recomputed = event_hash(
            government_code=ev.government_code,
            seq=ev.seq,
            at=ev.at,
            actor_login=ev.actor_login,
            action=ev.action,
            entity_type=ev.entity_type,
            entity_id=ev.entity_id,
            summary=ev.summary,
            before=ev.before,
            after=ev.after,
            prev_hash=ev.prev_hash,
        )
        if recomputed != ev.hash:
            problems.append(
                ChainProblem(government_code, ev.seq, "내용이 기록 후 바뀌었습니다 (해시 불일치)")
            )
        prev_hash, expected_seq = ev.hash, ev.seq + 1
    head = session.get(AuditHead, government_code)
    last_seq = expected_seq - 1
    if head is not None and (head.seq != last_seq or head.hash != prev_hash):
        problems.append(
            ChainProblem(government_code, head.seq, "체인 머리가 마지막 기록과 다릅니다")
        )
    return problems


def verify_all(session: Session) -> list[ChainProblem]:
    codes = session.scalars(select(AuditHead.government_code).order_by(AuditHead.government_code))
    problems: list[ChainProblem] = []
    for code in list(codes):
        problems.extend(verify(session, code))
    return problems
