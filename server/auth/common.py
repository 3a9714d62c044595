"""What sign-in, tokens and passwords share: UTC times, the signed-in user as the client sees
it (roles included) and the user of a token."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from domain.contracts.auth import SessionUser
from server.kit.errors import not_found
from server.models import User, UserRole

UNAUTHORIZED_HEADERS = {"WWW-Authenticate": 'Bearer realm="hojo"'}


def utc(value: datetime) -> datetime:
    """SQLite hands back naive UTC datetimes; PostgreSQL aware ones."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def now_utc() -> datetime:
    return datetime.now(UTC)


def user_roles(session: Session, user: User) -> list[str]:
    stmt = (
        select(UserRole.role)
        .where(UserRole.government_code == user.government_code, UserRole.user_id == user.id)
        .order_by(UserRole.role)
    )
    return list(session.scalars(stmt))


def session_user(session: Session, user: User) -> SessionUser:
    return SessionUser(
        id=user.id,
        login=user.login,
        display_name=user.display_name,
        government_code=user.government_code,
        roles=user_roles(session, user),
        department_id=user.department_id,
        must_change_password=user.must_change_password,
    )


def current_user(session: Session, government_code: str, user_id: uuid.UUID) -> User:
    user = session.scalar(
        select(User).where(User.government_code == government_code, User.id == user_id)
    )
    if user is None:
        raise not_found("사용자")
    return user
