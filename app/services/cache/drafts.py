"""Drafts: every edit of a line is written at once, one transaction per save.

A draft survives a crash or a killed client (WAL + ``synchronous=FULL``, see ``database``).
On start the UI calls :meth:`DraftStore.load_all` and says how many were restored.
"""

from __future__ import annotations

import json
import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.dialects.sqlite import insert

from app.services.cache.database import CacheDatabase
from app.services.cache.records import Draft, DraftKind, DraftState, JsonDict, utc_now
from app.services.cache.tables import drafts


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _row(draft: Draft) -> dict[str, Any]:
    return {
        "key": draft.key,
        "kind": draft.kind.value,
        "line_id": str(draft.line_id),
        "is_new": int(draft.is_new),
        "budget_version_id": str(draft.budget_version_id) if draft.budget_version_id else None,
        "base_version": draft.base_version,
        "payload": _dumps(draft.payload),
        "state": draft.state.value,
        "updated_at": draft.updated_at.isoformat(),
        "server_version": draft.server_version,
        "server_payload": (
            _dumps(draft.server_payload) if draft.server_payload is not None else None
        ),
    }


def _draft(row: Any) -> Draft:
    return Draft(
        kind=DraftKind(row.kind),
        line_id=uuid.UUID(row.line_id),
        payload=json.loads(row.payload),
        budget_version_id=uuid.UUID(row.budget_version_id) if row.budget_version_id else None,
        base_version=row.base_version,
        is_new=bool(row.is_new),
        state=DraftState(row.state),
        updated_at=datetime.fromisoformat(row.updated_at),
        server_version=row.server_version,
        server_payload=json.loads(row.server_payload) if row.server_payload else None,
    )


class DraftStore:
    """The drafts table. Call from the DB worker; every method is one transaction."""

    def __init__(self, db: CacheDatabase) -> None:
        self.db = db

    def save(self, draft: Draft) -> Draft:
        """Write the draft now (insert or replace); stamps ``updated_at``."""
        draft.updated_at = utc_now()
        row = _row(draft)
        statement = insert(drafts).values(row)
        statement = statement.on_conflict_do_update(
            index_elements=[drafts.c.key],
            set_={k: statement.excluded[k] for k in row if k != "key"},
        )
        with self.db.begin() as conn:
            conn.execute(statement)
        return draft

    def get(self, key: str) -> Draft | None:
        with self.db.begin() as conn:
            row = conn.execute(select(drafts).where(drafts.c.key == key)).first()
        return _draft(row) if row is not None else None

    def load_all(self) -> list[Draft]:
        """Every draft, oldest edit first."""
        with self.db.begin() as conn:
            rows = conn.execute(select(drafts).order_by(drafts.c.updated_at, drafts.c.key))
            return [_draft(row) for row in rows]

    def discard(self, key: str) -> bool:
        """Remove a draft (sent and confirmed, or thrown away); True if there was one."""
        with self.db.begin() as conn:
            return conn.execute(delete(drafts).where(drafts.c.key == key)).rowcount > 0

    def _set(self, key: str, **values: Any) -> None:
        values["updated_at"] = utc_now().isoformat()
        with self.db.begin() as conn:
            result = conn.execute(update(drafts).where(drafts.c.key == key).values(**values))
            if result.rowcount == 0:
                raise KeyError(key)

    def mark_submitted(self, key: str) -> None:
        self._set(key, state=DraftState.SUBMITTED.value)

    def mark_conflict(self, key: str, server_version: int, server_payload: JsonDict) -> None:
        """The server has ``server_version`` (``server_payload``, "theirs"): keep both."""
        self._set(
            key,
            state=DraftState.CONFLICT.value,
            server_version=server_version,
            server_payload=_dumps(server_payload),
        )

    def resolve(self, key: str, payload: JsonDict, base_version: int) -> None:
        """The user chose per line: the merged payload now starts from the server's version."""
        self._set(
            key,
            state=DraftState.EDITING.value,
            payload=_dumps(payload),
            base_version=base_version,
            server_version=None,
            server_payload=None,
        )
