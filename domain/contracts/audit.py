"""Wire models of the audit log: change feed, per-entity history, chain verification."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel


class ChangeItem(BaseModel):
    """One entry of the change feed: what changed, so an offline client can re-read it."""

    seq: int
    at: datetime
    action: str
    entity_type: str
    entity_id: str


class ChangeFeed(BaseModel):
    items: list[ChangeItem]
    next_cursor: int
    """Pass back as ``since`` to read what changed after these items."""
    has_more: bool


class HistoryEvent(BaseModel):
    seq: int
    at: datetime
    actor_login: str
    action: str
    entity_type: str
    entity_id: str
    summary: str
    before: Any = None
    after: Any = None


class HistoryPage(BaseModel):
    items: list[HistoryEvent]
    next_cursor: str | None = None


class ChainProblemOut(BaseModel):
    seq: int
    message: str


class ChainReport(BaseModel):
    government_code: str
    events: int
    ok: bool
    problems: list[ChainProblemOut]
