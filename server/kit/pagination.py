"""Opaque cursors for keyset pagination."""

from __future__ import annotations

import base64
import json
import uuid
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from pydantic import BaseModel
from sqlalchemy import tuple_

from server.kit.errors import ProblemError

T = TypeVar("T")
S = TypeVar("S")  # a Select of any row shape (SQLAlchemy 2.1 types rows as a TypeVarTuple)

DEFAULT_LIMIT = 100
MAX_LIMIT = 1000


class Page(BaseModel, Generic[T]):
    items: list[T]
    next_cursor: str | None = None


def encode_cursor(key: list[Any]) -> str:
    raw = json.dumps(key, separators=(",", ":"), ensure_ascii=False).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> list[Any] | None:
    if not cursor:
        return None
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        value = json.loads(base64.urlsafe_b64decode(padded.encode()))
    except (ValueError, UnicodeDecodeError) as exc:
        raise ProblemError(400, "bad_cursor", "cursor 값이 올바르지 않습니다.") from exc
    if not isinstance(value, list):
        raise ProblemError(400, "bad_cursor", "cursor 값이 올바르지 않습니다.")
    return value


def after_position(cursor: str | None) -> tuple[int, uuid.UUID] | None:
    """The (position, id) a position-ordered list continues after, from its cursor."""
    key = decode_cursor(cursor)
    if key is None:
        return None
    try:
        return int(key[0]), uuid.UUID(str(key[1]))
    except (ValueError, IndexError) as exc:
        raise ProblemError(400, "bad_cursor", "cursor 값이 올바르지 않습니다.") from exc


def page_by_position(stmt: S, model: Any, cursor: str | None, limit: int) -> S:
    """``stmt`` (a Select) ordered by (position, id), after the cursor, one row more than the
    page. The row type is kept: SQLAlchemy 2.1 types rows as a TypeVarTuple, so a plain
    ``Select[Any]`` parameter would not accept a typed statement."""
    query: Any = stmt
    after = after_position(cursor)
    if after is not None:
        query = query.where(tuple_(model.position, model.id) > after)
    paged: S = query.order_by(model.position, model.id).limit(limit + 1)
    return paged


def position_cursor(
    rows: list[T], limit: int, key: Callable[[T], Any]
) -> tuple[list[T], str | None]:
    """The page and the cursor of the next one (``key(row)`` gives the row's model object)."""
    if len(rows) <= limit:
        return rows, None
    rows = rows[:limit]
    last = key(rows[-1])
    return rows, encode_cursor([last.position, str(last.id)])
