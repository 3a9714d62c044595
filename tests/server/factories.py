"""Building blocks for server tests: real rows in the real test database, and tokens."""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from sqlalchemy.orm import Session

from server.audit.service import start_chain
from server.auth.security import hash_password, issue_access_token
from server.config import Settings
from server.models import Department, Government, User, UserRole

DEFAULT_PASSWORD = "Test-pass-1234"


def make_government(session: Session, code: str = "3500000", name: str = "테스트구") -> Government:
    gov = Government(code=code, name=name)
    session.add(gov)
    session.flush()
    start_chain(session, code)
    return gov


def make_department(session: Session, government_code: str, name: str) -> Department:
    dept = Department(government_code=government_code, name=name)
    session.add(dept)
    session.flush()
    return dept


def make_user(
    session: Session,
    government_code: str,
    login: str,
    roles: Iterable[str],
    *,
    password: str = DEFAULT_PASSWORD,
    department_id: uuid.UUID | None = None,
) -> User:
    user = User(
        government_code=government_code,
        login=login,
        display_name=login,
        password_hash=hash_password(password),
        department_id=department_id,
    )
    session.add(user)
    session.flush()
    for role in roles:
        session.add(UserRole(government_code=government_code, user_id=user.id, role=role))
    session.flush()
    return user


def bearer(settings: Settings, user: User, roles: Iterable[str]) -> dict[str, str]:
    token, _ = issue_access_token(
        settings.secret_key,
        user_id=user.id,
        government_code=user.government_code,
        login=user.login,
        roles=frozenset(roles),
        minutes=15,
    )
    return {"Authorization": f"Bearer {token}"}
