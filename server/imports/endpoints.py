"""HTTP endpoints of the imports area (thin: parse, check role, call the service)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response, UploadFile

from domain.contracts.imports import ImportRecordOut, ImportResult
from domain.roles import Action
from server.audit.service import Actor
from server.deps import DbSession, Principal, require
from server.imports.service import import_file, list_imports
from server.kit.errors import ProblemError
from server.kit.pagination import DEFAULT_LIMIT, MAX_LIMIT, Page, decode_cursor, encode_cursor

router = APIRouter(tags=["imports"])


@router.post("/imports", response_model=ImportResult, status_code=201)
async def post_import(
    file: UploadFile,
    response: Response,
    session: DbSession,
    principal: Annotated[Principal, Depends(require(Action.IMPORT_BUDGET))],
) -> ImportResult:
    """Upload one e호조 합본예산서 (.xlsx, 세출 or 세입) as multipart field ``file``.

    201 when imported; 200 with ``status="already_imported"`` for a file imported before.
    """
    data = await file.read()
    if not data:
        raise ProblemError(400, "empty_file", "업로드한 파일이 비어 있습니다.")
    result = import_file(
        session,
        principal.government_code,
        data,
        file.filename or "upload.xlsx",
        Actor(principal.user_id, principal.login),
    )
    if result.status == "already_imported":
        response.status_code = 200
    return result


@router.get("/imports", response_model=Page[ImportRecordOut])
def get_imports(
    session: DbSession,
    principal: Annotated[Principal, Depends(require(Action.READ_BUDGET))],
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
    cursor: str | None = None,
) -> Page[ImportRecordOut]:
    """Imported files, newest first."""
    key = decode_cursor(cursor)
    after = None
    if key is not None:
        if len(key) != 2 or not all(isinstance(k, str) for k in key):
            raise ProblemError(400, "bad_cursor", "cursor 값이 올바르지 않습니다.")
        after = (str(key[0]), str(key[1]))
    items = list_imports(session, principal.government_code, limit + 1, after)
    next_cursor = None
    if len(items) > limit:
        items = items[:limit]
        last = items[-1]
        next_cursor = encode_cursor([last.imported_at.isoformat(), last.sha256])
    return Page[ImportRecordOut](items=items, next_cursor=next_cursor)
