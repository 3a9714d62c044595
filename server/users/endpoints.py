"""HTTP endpoints of the users area (thin: parse, check role, call the service).

Only role ``admin`` (``Action.MANAGE_USERS``) may use them; ids of another government's users
answer 404. Changes need ``If-Match`` with the version from ``ETag``.
"""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response, status

from domain.contracts.users import PasswordResetRequest, UserCreate, UserOut, UserPage, UserUpdate
from domain.roles import Action
from server.deps import DbSession, Principal, require
from server.kit.etag import check_version, set_etag
from server.kit.pagination import DEFAULT_LIMIT
from server.users import service

router = APIRouter(prefix="/users", tags=["users"])

Admin = Annotated[Principal, Depends(require(Action.MANAGE_USERS))]


def _with_etag(out: UserOut, response: Response) -> UserOut:
    set_etag(response, out.version)
    return out


@router.get("", summary="사용자 목록 (아이디·이름 검색, 커서 페이지)")
def list_users(
    principal: Admin,
    session: DbSession,
    q: Annotated[str | None, Query(max_length=100, description="아이디 또는 이름 일부")] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = DEFAULT_LIMIT,
    cursor: str | None = None,
) -> UserPage:
    page = service.list_users(session, principal, q=q, limit=limit, cursor=cursor)
    return UserPage(items=page.items, next_cursor=page.next_cursor)


@router.post("", status_code=status.HTTP_201_CREATED, summary="사용자 등록 (초기 비밀번호)")
def create_user(
    body: UserCreate, request: Request, response: Response, principal: Admin, session: DbSession
) -> UserOut:
    out = service.create_user(session, principal, body)
    response.headers["Location"] = str(request.url_for("get_user", user_id=str(out.id)).path)
    return _with_etag(out, response)


@router.get("/{user_id}", summary="사용자 한 명 (ETag: 버전)")
def get_user(
    user_id: uuid.UUID, response: Response, principal: Admin, session: DbSession
) -> UserOut:
    return _with_etag(service.read_user(session, principal, user_id), response)


@router.patch("/{user_id}", summary="사용자 변경 (If-Match 필요; 있는 항목만 바뀜)")
def update_user(
    user_id: uuid.UUID,
    body: UserUpdate,
    request: Request,
    response: Response,
    principal: Admin,
    session: DbSession,
) -> UserOut:
    user = service.get_user(session, principal, user_id)
    check_version(request, user.version, f"사용자 '{user.login}'")
    return _with_etag(service.update_user(session, principal, user, body), response)


@router.post(
    "/{user_id}/reset-password",
    summary="임시 비밀번호 설정 (If-Match 필요; 잠금 해제, 다음 로그인 때 변경해야 함)",
)
def reset_password(
    user_id: uuid.UUID,
    body: PasswordResetRequest,
    request: Request,
    response: Response,
    principal: Admin,
    session: DbSession,
) -> UserOut:
    user = service.get_user(session, principal, user_id)
    check_version(request, user.version, f"사용자 '{user.login}'")
    return _with_etag(service.reset_password(session, principal, user, body), response)


@router.post("/{user_id}/unlock", summary="로그인 잠금 해제 (여러 번 호출해도 같은 결과)")
def unlock(user_id: uuid.UUID, response: Response, principal: Admin, session: DbSession) -> UserOut:
    user = service.get_user(session, principal, user_id)
    return _with_etag(service.unlock(session, principal, user), response)
