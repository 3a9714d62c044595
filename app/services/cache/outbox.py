"""The outbox: requests to send when the server can be reached, each with its own
idempotency key made by the client and committed *before* the first send (ARCHITECTURE §8),
so a retry after a lost answer carries the same key and is never applied twice."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import select, update

from app.services.cache.database import CacheDatabase
from app.services.cache.records import OutboxItem, OutboxState, utc_now
from app.services.cache.tables import outbox


def _item(row: Any) -> OutboxItem:
    return OutboxItem(
        id=row.id,
        idempotency_key=uuid.UUID(row.idempotency_key),
        method=row.method,
        path=row.path,
        body=json.loads(row.body) if row.body is not None else None,
        if_match=row.if_match,
        draft_key=row.draft_key,
        state=OutboxState(row.state),
        attempts=row.attempts,
        last_error=row.last_error,
        created_at=datetime.fromisoformat(row.created_at),
        response_status=row.response_status,
    )


class Outbox:
    """The outbox table. Call from the DB worker; every method is one transaction."""

    def __init__(self, db: CacheDatabase) -> None:
        self.db = db

    def enqueue(
        self,
        method: str,
        path: str,
        body: Any = None,
        *,
        if_match: int | None = None,
        draft_key: str | None = None,
    ) -> OutboxItem:
        """Store a request to send, with a new idempotency key, committed before returning."""
        now = utc_now().isoformat()
        key = uuid.uuid4()
        with self.db.begin() as conn:
            conn.execute(
                outbox.insert().values(
                    idempotency_key=str(key),
                    method=method.upper(),
                    path=path,
                    body=json.dumps(body, ensure_ascii=False) if body is not None else None,
                    if_match=if_match,
                    draft_key=draft_key,
                    state=OutboxState.PENDING.value,
                    attempts=0,
                    last_error="",
                    created_at=now,
                    updated_at=now,
                )
            )
        item = self.get(key)
        assert item is not None
        return item

    def get(self, key: uuid.UUID) -> OutboxItem | None:
        with self.db.begin() as conn:
            row = conn.execute(select(outbox).where(outbox.c.idempotency_key == str(key))).first()
        return _item(row) if row is not None else None

    def pending(self) -> list[OutboxItem]:
        """What still has to be sent, in the order it was queued."""
        with self.db.begin() as conn:
            rows = conn.execute(
                select(outbox)
                .where(outbox.c.state == OutboxState.PENDING.value)
                .order_by(outbox.c.id)
            )
            return [_item(row) for row in rows]

    def all(self) -> list[OutboxItem]:
        """Every item with its state, for the UI's list of submissions."""
        with self.db.begin() as conn:
            return [_item(row) for row in conn.execute(select(outbox).order_by(outbox.c.id))]

    def _set(self, key: uuid.UUID, **values: Any) -> None:
        values["updated_at"] = utc_now().isoformat()
        with self.db.begin() as conn:
            result = conn.execute(
                update(outbox).where(outbox.c.idempotency_key == str(key)).values(**values)
            )
            if result.rowcount == 0:
                raise KeyError(str(key))

    def record_attempt(self, key: uuid.UUID, error: str) -> None:
        """A send that did not get an answer (offline, timeout): stays pending, same key."""
        with self.db.begin() as conn:
            conn.execute(
                update(outbox)
                .where(outbox.c.idempotency_key == str(key))
                .values(
                    attempts=outbox.c.attempts + 1,
                    last_error=error,
                    updated_at=utc_now().isoformat(),
                )
            )

    def mark_sent(self, key: uuid.UUID, status: int) -> None:
        with self.db.begin() as conn:
            conn.execute(
                update(outbox)
                .where(outbox.c.idempotency_key == str(key))
                .values(
                    state=OutboxState.SENT.value,
                    attempts=outbox.c.attempts + 1,
                    response_status=status,
                    last_error="",
                    updated_at=utc_now().isoformat(),
                )
            )

    def mark_failed(self, key: uuid.UUID, status: int | None, error: str) -> None:
        """Refused for good (e.g. 409, 422): kept with the Korean reason for the user."""
        self._set(key, state=OutboxState.FAILED.value, response_status=status, last_error=error)

    def redact_sent(self, path: str, fields: Iterable[str], mask: Callable[[str], str]) -> int:
        """Mask ``fields`` in the kept bodies of items to ``path`` that were sent (an account
        number need not stay on this PC once the server has it); returns how many changed."""
        names = tuple(fields)
        changed = 0
        with self.db.begin() as conn:
            rows = conn.execute(
                select(outbox.c.id, outbox.c.body).where(
                    outbox.c.path == path, outbox.c.state == OutboxState.SENT.value
                )
            ).all()
            for row_id, text in rows:
                body = json.loads(text) if text else None
                if not isinstance(body, dict):
                    continue
                masked = {k: mask(str(body[k])) for k in names if body.get(k)}
                if all(body[k] == v for k, v in masked.items()):
                    continue
                body.update(masked)
                conn.execute(
                    update(outbox)
                    .where(outbox.c.id == row_id)
                    .values(body=json.dumps(body, ensure_ascii=False))
                )
                changed += 1
        return changed
