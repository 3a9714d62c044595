"""The hash chain: canonical form of an audit event and the SHA-256 link between events."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from typing import Any

GENESIS_HASH = "0" * 64


def timestamp_text(at: datetime) -> str:
    """UTC, microseconds: the same text from PostgreSQL (aware) and SQLite (naive UTC)."""
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    return at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def jsonable(value: Any) -> Any:
    """Make a before/after snapshot JSON-native (UUIDs, dates and the like become text)."""
    return json.loads(json.dumps(value, default=str, ensure_ascii=False))


def event_hash(
    *,
    government_code: str,
    seq: int,
    at: datetime,
    actor_login: str,
    action: str,
    entity_type: str,
    entity_id: str,
    summary: str,
    before: Any,
    after: Any,
    prev_hash: str,
) -> str:
    payload = {
        "government_code": government_code,
        "seq": seq,
        "at": timestamp_text(at),
        "actor_login": actor_login,
        "action": action,
        "entity_type": entity_type,
        "entity_id": entity_id,
        "summary": summary,
        "before": before,
        "after": after,
        "prev_hash": prev_hash,
    }
    text = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
