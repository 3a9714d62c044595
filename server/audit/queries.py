"""Reading the audit log: the change feed and per-entity history (no writes here)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from server.models import (
    AuditEvent,
    BasisItem,
    BudgetVersion,
    Department,
    ExpenditureLine,
    Program,
    RevenueLine,
    User,
)

_ENTITY_TABLES = {
    "expenditure_line": ExpenditureLine,
    "revenue_line": RevenueLine,
    "basis_item": BasisItem,
    "budget_version": BudgetVersion,
    "program": Program,
    "department": Department,
    "user": User,
}

PRIVATE_ENTITY_TYPES = frozenset({"user", "session"})
"""Sign-in and account events: only administrators and auditors see these."""


def changes_since(
    session: Session, government_code: str, since: int, limit: int, *, include_private: bool
) -> tuple[Sequence[AuditEvent], bool]:
    stmt = (
        select(AuditEvent)
        .where(AuditEvent.government_code == government_code, AuditEvent.seq > since)
        .order_by(AuditEvent.seq)
        .limit(limit + 1)
    )
    if not include_private:
        stmt = stmt.where(AuditEvent.entity_type.not_in(PRIVATE_ENTITY_TYPES))
    rows = list(session.scalars(stmt))
    return rows[:limit], len(rows) > limit


def history(
    session: Session,
    government_code: str,
    entity_type: str,
    entity_id: str,
    *,
    before_seq: int | None,
    limit: int,
) -> list[AuditEvent]:
    stmt = (
        select(AuditEvent)
        .where(
            AuditEvent.government_code == government_code,
            AuditEvent.entity_type == entity_type,
            AuditEvent.entity_id == entity_id,
        )
        .order_by(AuditEvent.seq.desc())
        .limit(limit + 1)
    )
    if before_seq is not None:
        stmt = stmt.where(AuditEvent.seq < before_seq)
    return list(session.scalars(stmt))


def event_count(session: Session, government_code: str) -> int:
    return int(
        session.scalar(select(func.count()).where(AuditEvent.government_code == government_code))
        or 0
    )


def entity_visible(
    session: Session, government_code: str, entity_type: str, entity_id: str
) -> bool:
    """Whether this government has the entity (rows) or at least events about it (others)."""
    model = _ENTITY_TABLES.get(entity_type)
    if model is None:
        found = session.scalar(
            select(AuditEvent.seq)
            .where(
                AuditEvent.government_code == government_code,
                AuditEvent.entity_type == entity_type,
                AuditEvent.entity_id == entity_id,
            )
            .limit(1)
        )
        return found is not None
    try:
        key = uuid.UUID(entity_id)
    except ValueError:
        return False
    return session.get(model, (government_code, key)) is not None
