"""Reading execution documents: keyset pages, newest first, with filters."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from domain.contracts.execution import DocumentOut
from domain.execution import DocKind, DocState
from server.deps import Principal
from server.execution.documents import D, document_out
from server.kit.pagination import decode_cursor, encode_cursor


def list_documents(
    session: Session,
    principal: Principal,
    *,
    kind: DocKind | None,
    state: DocState | None,
    line_id: uuid.UUID | None,
    mine: bool,
    limit: int,
    cursor: str | None,
) -> tuple[list[DocumentOut], str | None]:
    stmt = select(D).where(D.government_code == principal.government_code)
    if kind is not None:
        stmt = stmt.where(D.kind == kind.value)
    if state is not None:
        stmt = stmt.where(D.state == state.value)
    if line_id is not None:
        stmt = stmt.where(D.line_id == line_id)
    if mine:
        stmt = stmt.where(D.author_id == principal.user_id)
    after = decode_cursor(cursor)
    if after is not None:
        at, last = datetime.fromisoformat(str(after[0])), uuid.UUID(str(after[1]))
        stmt = stmt.where((D.created_at < at) | ((D.created_at == at) & (D.id < last)))
    rows = list(session.scalars(stmt.order_by(D.created_at.desc(), D.id.desc()).limit(limit + 1)))
    more = len(rows) > limit
    rows = rows[:limit]
    nxt = (
        encode_cursor([rows[-1].created_at.isoformat(), str(rows[-1].id)])
        if more and rows
        else None
    )
    return [document_out(d) for d in rows], nxt
