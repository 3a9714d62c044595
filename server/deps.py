"""Request dependencies: the unit of work, the signed-in principal and role checks.

The session dependency commits when the endpoint returns and rolls back on any error, before
the response is sent (``scope="function"``), so a failed commit never answers 200.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from domain.roles import Action, can
from server.auth.security import decode_access_token
from server.config import Settings
from server.db import unit_of_work
from server.kit.errors import ProblemError, forbidden
from server.models import User, UserRole

PASSWORD_CHANGE_EXEMPT = ("/api/v1/auth/me", "/api/v1/auth/password", "/api/v1/auth/logout")
"""What a user who must change a temporary password may still reach."""


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def _session(request: Request) -> Iterator[Session]:
    factory: sessionmaker[Session] = request.app.state.session_factory
    write = request.method not in ("GET", "HEAD", "OPTIONS")
    with unit_of_work(factory, write=write) as session:  # reads roll back, writes commit
        yield session


DbSession = Annotated[Session, Depends(_session, scope="function")]
AppSettings = Annotated[Settings, Depends(get_settings)]


@dataclass(frozen=True)
class Principal:
    user_id: uuid.UUID
    government_code: str
    login: str
    roles: frozenset[str]
    department_id: uuid.UUID | None = None

    def can(self, action: Action) -> bool:
        return can(self.roles, action)

    @property
    def works_across_departments(self) -> bool:
        """예산부서 and 관리자 act on every 부서; department staff only on their own."""
        return bool(self.roles & {"budget_office", "admin"})


def _unauthorized(detail: str) -> ProblemError:
    return ProblemError(
        401, "unauthorized", detail, headers={"WWW-Authenticate": 'Bearer realm="hojo"'}
    )


def get_principal(request: Request, session: DbSession, settings: AppSettings) -> Principal:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise _unauthorized("로그인이 필요합니다.")
    claims = decode_access_token(settings.secret_key, token.strip())
    if claims is None:
        raise _unauthorized("로그인 정보가 만료되었거나 올바르지 않습니다. 다시 로그인하세요.")
    user = session.scalar(
        select(User).where(
            User.government_code == claims.government_code, User.id == claims.user_id
        )
    )
    if user is None or user.is_disabled:
        raise _unauthorized("사용이 중지된 계정입니다. 관리자에게 문의하세요.")
    if user.must_change_password and request.url.path not in PASSWORD_CHANGE_EXEMPT:
        raise ProblemError(
            403,
            "password_change_required",
            "임시 비밀번호로 로그인했습니다. 먼저 비밀번호를 변경하세요.",
        )
    # Roles come from the database on every request, so a role taken away applies at once.
    roles = frozenset(
        session.scalars(
            select(UserRole.role).where(
                UserRole.government_code == user.government_code, UserRole.user_id == user.id
            )
        )
    )
    return Principal(claims.user_id, claims.government_code, user.login, roles, user.department_id)


CurrentPrincipal = Annotated[Principal, Depends(get_principal)]


def require(action: Action) -> Callable[[Principal], Principal]:
    """Dependency factory: the principal, if one of its roles may do ``action``."""

    def _check(principal: CurrentPrincipal) -> Principal:
        if not principal.can(action):
            raise forbidden(f"이 작업({action.label})을 할 권한이 없습니다.")
        return principal

    return _check
