"""Plain records of the local cache (no SQLAlchemy here: cheap to import anywhere)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

JsonDict = dict[str, Any]


class DraftKind(StrEnum):
    EXPENDITURE = "세출"
    REVENUE = "세입"


class DraftState(StrEnum):
    EDITING = "editing"  # being edited; not yet sent
    SUBMITTED = "submitted"  # queued in the outbox / sent, awaiting confirmation
    CONFLICT = "conflict"  # the server had a newer version: the user must choose per line


class OutboxState(StrEnum):
    PENDING = "pending"
    SENT = "sent"
    FAILED = "failed"  # refused for good (4xx other than 412): shown to the user


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class Draft:
    """One edited line, saved at every edit.

    ``line_id`` is the server's id, or a client UUID when ``is_new``. ``base_version`` is the
    server version the edit started from (None for a new line). ``payload`` is the full
    edited body as JSON — for 세출 the shape of ``ExpenditureLineUpdate`` (``basis`` tree,
    ``funding``, ``sector_code``) plus, for a new line, the create fields. In a conflict,
    ``server_version``/``server_payload`` hold "theirs" so the dialog survives a restart.
    """

    kind: DraftKind
    line_id: uuid.UUID
    payload: JsonDict
    budget_version_id: uuid.UUID | None = None
    base_version: int | None = None
    is_new: bool = False
    state: DraftState = DraftState.EDITING
    updated_at: datetime = field(default_factory=utc_now)
    server_version: int | None = None
    server_payload: JsonDict | None = None

    @property
    def key(self) -> str:
        return self.key_for(self.kind, self.line_id)

    @staticmethod
    def key_for(kind: DraftKind | str, line_id: uuid.UUID | str) -> str:
        return f"{DraftKind(kind).value}:{line_id}"

    @classmethod
    def new_line(cls, kind: DraftKind, budget_version_id: uuid.UUID, payload: JsonDict) -> Draft:
        """A line that does not exist on the server yet (a client UUID names it)."""
        return cls(kind, uuid.uuid4(), payload, budget_version_id, None, is_new=True)


@dataclass(frozen=True)
class OutboxItem:
    """A request waiting to be sent. ``idempotency_key`` was stored before the first send and
    never changes, so a retry after a lost answer is recognised by the server."""

    id: int
    idempotency_key: uuid.UUID
    method: str
    path: str
    body: Any
    if_match: int | None
    draft_key: str | None
    state: OutboxState
    attempts: int
    last_error: str
    created_at: datetime
    response_status: int | None = None
