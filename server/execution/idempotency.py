"""Exactly-once money-moving POSTs (ARCHITECTURE.md §8).

The ``Idempotency-Key`` is claimed FIRST, in the transaction that does the work:
``INSERT INTO idempotency_keys ... ON CONFLICT (government_code, key) DO NOTHING``. Only a newly
claimed key runs the work (which charges the budget with conditional UPDATEs); the key row then
stores the answer, and key, effect and answer commit together or not at all.

- A retry with the same key and the same request returns the stored first answer (same status
  and body, header ``Idempotent-Replayed: true``), refusals included: a refused posting stays
  refused for that key; a new attempt needs a new key.
- The same key with another request body (or route, or user) is refused with 422.
- A retry that arrives while the first is still in flight WAITS: on PostgreSQL the insert blocks
  on the unique index until the first transaction ends (then replays its answer, or claims the
  key afresh if the first rolled back); on SQLite write transactions are serialized by
  ``BEGIN IMMEDIATE``. No "처리 중" answer is needed.
- An unexpected error (500) rolls everything back, key included, so a retry does the work.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from typing import Any

from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy import select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from domain.errors import DomainError
from server.deps import Principal
from server.kit.errors import DOMAIN_STATUS, PROBLEM_JSON, ProblemError, problem_response
from server.models import IdempotencyKey

HEADER = "Idempotency-Key"
MAX_KEY_LENGTH = 100

Work = Callable[[], tuple[int, BaseModel]]


def request_hash(method: str, path: str, body: BaseModel | None) -> str:
    payload = body.model_dump(mode="json") if body is not None else None
    text = json.dumps([method, path, payload], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def require_key(key: str | None) -> str:
    if key is None or not key.strip():
        raise ProblemError(
            428,
            "idempotency_key_required",
            "돈이 움직이는 요청에는 Idempotency-Key 헤더가 필요합니다. 요청마다 새 키(UUID)를 "
            "만들어 보내고, 다시 보낼 때는 같은 키를 쓰세요.",
        )
    if len(key) > MAX_KEY_LENGTH:
        raise ProblemError(
            400,
            "idempotency_key_invalid",
            f"Idempotency-Key는 {MAX_KEY_LENGTH}자 이하여야 합니다.",
        )
    return key.strip()


def _claim(session: Session, gov: str, key: str, digest: str, principal: Principal) -> bool:
    values: dict[str, Any] = {
        "government_code": gov,
        "key": key,
        "request_hash": digest,
        "user_id": principal.user_id,
    }
    dialect = session.get_bind().dialect.name
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    stmt = (
        insert(IdempotencyKey)
        .values(**values)
        .on_conflict_do_nothing(index_elements=["government_code", "key"])
        .returning(IdempotencyKey.key)
    )
    return session.execute(stmt).scalar_one_or_none() is not None


def _problem(exc: ProblemError | DomainError | IntegrityError) -> tuple[int, dict[str, Any]]:
    if isinstance(exc, ProblemError):
        resp = problem_response(
            exc.status, exc.code, exc.detail, errors=exc.errors, extra=exc.extra
        )
    elif isinstance(exc, DomainError):
        field = exc.field
        errors = [{"field": field, "code": exc.code, "message": exc.message}] if field else None
        resp = problem_response(
            DOMAIN_STATUS.get(exc.code, 400), exc.code, exc.message, errors=errors
        )
    else:
        resp = problem_response(
            409,
            "conflict",
            "다른 자료와 맞지 않아 저장하지 않았습니다 (예산 한도나 문서 상태를 확인하세요).",
        )
    body: dict[str, Any] = json.loads(bytes(resp.body))
    return resp.status_code, body


def _answer(status: int, body: Any, replayed: bool) -> JSONResponse:
    headers = {"Idempotent-Replayed": "true"} if replayed else {}
    media = PROBLEM_JSON if status >= 400 else "application/json"
    return JSONResponse(body, status_code=status, headers=headers, media_type=media)


def run_once(
    session: Session,
    principal: Principal,
    key: str | None,
    digest: str,
    work: Work,
) -> JSONResponse:
    """Claim ``key``, run ``work`` once and store its answer; or replay the stored answer."""
    key = require_key(key)
    gov = principal.government_code
    if not _claim(session, gov, key, digest, principal):
        row = session.execute(
            select(IdempotencyKey)
            .where(IdempotencyKey.government_code == gov, IdempotencyKey.key == key)
            .execution_options(populate_existing=True)
        ).scalar_one()
        if row.request_hash != digest or row.user_id != principal.user_id:
            raise ProblemError(
                422,
                "idempotency_key_reused",
                "이 Idempotency-Key는 이미 다른 요청에 쓰였습니다. 새 요청에는 새 키를 쓰세요.",
            )
        if row.status_code is None:  # cannot be seen committed; kept for safety
            raise ProblemError(409, "idempotency_in_progress", "같은 요청을 처리 중입니다.")
        return _answer(row.status_code, row.response, replayed=True)
    savepoint = session.begin_nested()
    status: int
    body: Any
    try:
        status, model = work()
        body = model.model_dump(mode="json")
        savepoint.commit()
    except (ProblemError, DomainError, IntegrityError) as exc:
        savepoint.rollback()
        status, body = _problem(exc)
    session.execute(
        update(IdempotencyKey)
        .execution_options(synchronize_session=False)
        .where(IdempotencyKey.government_code == gov, IdempotencyKey.key == key)
        .values(status_code=status, response=body)
    )
    return _answer(status, body, replayed=False)
