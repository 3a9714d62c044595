"""Access tokens and rotating refresh tokens: issue a pair, rotate on refresh (a token shown
twice revokes its whole family), sign out, revoke all of a user's sessions.

A reused refresh token is *returned* as a :class:`ProblemError`, not raised, so the request's
unit of work commits the revocation and its audit event (see ``server.auth.service``).
"""

from __future__ import annotations

import hmac
import uuid
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, select, update
from sqlalchemy.orm import Session

from domain.contracts.auth import TokenResponse
from server.audit.service import SYSTEM_ACTOR, Actor, record
from server.auth.common import UNAUTHORIZED_HEADERS, session_user, utc
from server.auth.security import hash_refresh_secret, issue_access_token, new_refresh_secret
from server.config import Settings
from server.kit.errors import ProblemError
from server.models import RefreshToken, User

BAD_REFRESH = "로그인 정보가 만료되었거나 올바르지 않습니다. 다시 로그인하세요."


def _bad_refresh() -> ProblemError:
    return ProblemError(401, "invalid_refresh_token", BAD_REFRESH, headers=UNAUTHORIZED_HEADERS)


def issue_tokens(
    session: Session,
    settings: Settings,
    user: User,
    *,
    now: datetime,
    family_id: uuid.UUID | None = None,
) -> TokenResponse:
    """A new access token and a new refresh token (in ``family_id``, or a new family)."""
    info = session_user(session, user)
    access, expires = issue_access_token(
        settings.secret_key,
        user_id=user.id,
        government_code=user.government_code,
        login=user.login,
        roles=frozenset(info.roles),
        minutes=settings.access_token_minutes,
        now=now,
    )
    secret = new_refresh_secret()
    row = RefreshToken(
        government_code=user.government_code,
        id=uuid.uuid4(),
        user_id=user.id,
        family_id=family_id or uuid.uuid4(),
        secret_hash=hash_refresh_secret(secret),
        issued_at=now,
        expires_at=now + timedelta(days=settings.refresh_token_days),
    )
    session.add(row)
    session.flush()
    return TokenResponse(
        access_token=access,
        expires_in=max(0, int((expires - now).total_seconds())),
        refresh_token=f"{user.government_code}.{row.id}.{secret}",
        user=info,
    )


def revoke_user_tokens(session: Session, user: User, now: datetime) -> None:
    """Revoke every live refresh token of ``user`` (disable, password reset or change)."""
    _revoke(session, now, user.government_code, RefreshToken.user_id == user.id)


def _revoke_family(session: Session, token: RefreshToken, now: datetime) -> None:
    _revoke(session, now, token.government_code, RefreshToken.family_id == token.family_id)


def _revoke(
    session: Session, now: datetime, government_code: str, which: ColumnElement[bool]
) -> None:
    """Revoke the live refresh tokens of ``government_code`` that ``which`` selects."""
    session.execute(
        update(RefreshToken)
        .where(
            RefreshToken.government_code == government_code,
            which,
            RefreshToken.revoked_at.is_(None),
        )
        .values(revoked_at=now)
        .execution_options(synchronize_session=False)
    )


def _parse_refresh(raw: str) -> tuple[str, uuid.UUID, str] | None:
    parts = raw.strip().split(".", 2)
    if len(parts) != 3 or not all(parts):
        return None
    try:
        token_id = uuid.UUID(parts[1])
    except ValueError:
        return None
    return parts[0], token_id, parts[2]


def _find_refresh(session: Session, raw: str) -> RefreshToken | None:
    parsed = _parse_refresh(raw)
    if parsed is None:
        return None
    government_code, token_id, secret = parsed
    token = session.scalar(
        select(RefreshToken)
        .where(RefreshToken.government_code == government_code, RefreshToken.id == token_id)
        .with_for_update()
    )
    if token is None or not hmac.compare_digest(token.secret_hash, hash_refresh_secret(secret)):
        return None
    return token


def refresh(
    session: Session, settings: Settings, raw: str, now: datetime
) -> TokenResponse | ProblemError:
    """Rotate: mark the token used and issue the next pair in its family. A token presented
    a second time means it was copied: the whole family is revoked."""
    token = _find_refresh(session, raw)
    if token is None or token.revoked_at is not None or utc(token.expires_at) <= now:
        return _bad_refresh()
    user = session.scalar(
        select(User).where(User.government_code == token.government_code, User.id == token.user_id)
    )
    if user is None:
        return _bad_refresh()
    if token.used_at is not None:
        _revoke_family(session, token, now)
        record(
            session,
            user.government_code,
            SYSTEM_ACTOR,
            action="refresh_reuse",
            entity_type="user",
            entity_id=user.id,
            summary=f"사용자 '{user.login}'의 이미 사용된 갱신 토큰이 다시 제시되어 해당 "
            "로그인 세션 전체를 폐기함",
            after={"family_id": token.family_id},
        )
        return _bad_refresh()
    if user.is_disabled:
        return ProblemError(
            401,
            "account_disabled",
            "사용이 중지된 계정입니다. 관리자에게 문의하세요.",
            headers=UNAUTHORIZED_HEADERS,
        )
    token.used_at = now
    session.flush()
    return issue_tokens(session, settings, user, now=now, family_id=token.family_id)


def logout(session: Session, raw: str, now: datetime) -> None:
    """Revoke the token's family (the sign-in session). Unknown or spent tokens: nothing."""
    token = _find_refresh(session, raw)
    if token is None or token.revoked_at is not None:
        return
    _revoke_family(session, token, now)
    user = session.scalar(
        select(User).where(User.government_code == token.government_code, User.id == token.user_id)
    )
    if user is not None:
        record(
            session,
            user.government_code,
            Actor(user.id, user.login),
            action="logout",
            entity_type="user",
            entity_id=user.id,
            summary=f"사용자 '{user.login}' 로그아웃",
        )
