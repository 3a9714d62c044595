"""Audit log over HTTP: the change feed, per-entity history, and chain verification."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from domain.contracts.audit import (
    ChainProblemOut,
    ChainReport,
    ChangeFeed,
    ChangeItem,
    HistoryEvent,
    HistoryPage,
)
from domain.roles import Action
from server.audit import queries
from server.audit.queries import PRIVATE_ENTITY_TYPES
from server.audit.service import verify
from server.deps import DbSession, Principal, require
from server.kit.errors import not_found
from server.kit.pagination import decode_cursor, encode_cursor

router = APIRouter(tags=["audit"])

Reader = Annotated[Principal, Depends(require(Action.READ_BUDGET))]
HistoryReader = Annotated[Principal, Depends(require(Action.READ_LINE_HISTORY))]
Auditor = Annotated[Principal, Depends(require(Action.READ_AUDIT))]


@router.get("/changes", summary="변경 피드: 커서 이후 바뀐 자료 (오프라인 동기화용)")
def change_feed(
    session: DbSession,
    principal: Reader,
    since: Annotated[int, Query(ge=0, description="지난번 응답의 next_cursor")] = 0,
    limit: Annotated[int, Query(ge=1, le=5000)] = 1000,
) -> ChangeFeed:
    private = principal.can(Action.READ_AUDIT) or principal.can(Action.MANAGE_USERS)
    rows, more = queries.changes_since(
        session, principal.government_code, since, limit, include_private=private
    )
    items = [
        ChangeItem(
            seq=r.seq, at=r.at, action=r.action, entity_type=r.entity_type, entity_id=r.entity_id
        )
        for r in rows
    ]
    return ChangeFeed(items=items, next_cursor=items[-1].seq if items else since, has_more=more)


@router.get(
    "/history/{entity_type}/{entity_id}",
    summary="한 자료(예산 항목 등)의 변경 이력: 누가, 언제, 무엇을",
)
def entity_history(
    entity_type: str,
    entity_id: str,
    session: DbSession,
    principal: HistoryReader,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    cursor: str | None = None,
) -> HistoryPage:
    if entity_type in PRIVATE_ENTITY_TYPES and not (
        principal.can(Action.READ_AUDIT) or principal.can(Action.MANAGE_USERS)
    ):
        raise not_found("이력")
    if not queries.entity_visible(session, principal.government_code, entity_type, entity_id):
        raise not_found("이력")
    key = decode_cursor(cursor)
    before = int(key[0]) if key else None
    rows = queries.history(
        session, principal.government_code, entity_type, entity_id, before_seq=before, limit=limit
    )
    page = rows[:limit]
    items = [
        HistoryEvent(
            seq=r.seq,
            at=r.at,
            actor_login=r.actor_login,
            action=r.action,
            entity_type=r.entity_type,
            entity_id=r.entity_id,
            summary=r.summary,
            before=r.before,
            after=r.after,
        )
        for r in page
    ]
    nxt = encode_cursor([page[-1].seq]) if len(rows) > limit else None
    return HistoryPage(items=items, next_cursor=nxt)


@router.get("/audit/verify", summary="감사 기록 해시 체인 검증 (감사·예산부서·관리자)")
def verify_chain(session: DbSession, principal: Auditor) -> ChainReport:
    problems = verify(session, principal.government_code)
    return ChainReport(
        government_code=principal.government_code,
        events=queries.event_count(session, principal.government_code),
        ok=not problems,
        problems=[ChainProblemOut(seq=p.seq, message=p.message) for p in problems],
    )
