"""Sign-in, lockout, rotating refresh tokens, sign-out and one's own password.

Refusals that must leave a trace (a failed sign-in raising the failure counter, a lockout, a
reused refresh token revoking its family) are *returned* as a :class:`ProblemError` instead of
raised: the request's unit of work then commits the counter, the revocation and the audit
events, and the endpoint answers with the problem document. Raising would roll them back.
"""

from __future__ import annotations

import hmac
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from functools import cache

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from domain.contracts.auth import PasswordChangeRequest, SessionUser, TokenRequest, TokenResponse
from server.audit.service import SYSTEM_ACTOR, Actor, record
from server.auth.security import (
    hash_password,
    hash_refresh_secret,
    issue_access_token,
    new_refresh_secret,
    password_problem,
    verify_password,
)
from server.config import Settings
from server.kit.errors import ProblemError, not_found
from server.models import RefreshToken, User, UserRole

KST = timezone(timedelta(hours=9), "KST")

BAD_CREDENTIALS = "아이디 또는 비밀번호가 올바르지 않습니다."
BAD_REFRESH = "로그인 정보가 만료되었거나 올바르지 않습니다. 다시 로그인하세요."
UNAUTHORIZED_HEADERS = {"WWW-Authenticate": 'Bearer realm="hojo"'}


def utc(value: datetime) -> datetime:
    """SQLite hands back naive UTC datetimes; PostgreSQL aware ones."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def now_utc() -> datetime:
    return datetime.now(UTC)


@cache
def _dummy_hash() -> str:
    return hash_password("no-such-user-dummy-password-0")


def _bad_credentials() -> ProblemError:
    return ProblemError(401, "invalid_credentials", BAD_CREDENTIALS, headers=UNAUTHORIZED_HEADERS)


def _bad_refresh() -> ProblemError:
    return ProblemError(401, "invalid_refresh_token", BAD_REFRESH, headers=UNAUTHORIZED_HEADERS)


def _locked(until: datetime) -> ProblemError:
    local = utc(until).astimezone(KST)
    return ProblemError(
        423,
        "account_locked",
        f"비밀번호를 여러 번 틀려 계정이 잠겼습니다. {local:%Y-%m-%d %H:%M}(한국시간) 이후에 "
        "다시 시도하거나 관리자에게 잠금 해제를 요청하세요.",
        extra={"locked_until": utc(until).isoformat()},
    )


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
    session.execute(
        update(RefreshToken)
        .where(
            RefreshToken.government_code == user.government_code,
            RefreshToken.user_id == user.id,
            RefreshToken.revoked_at.is_(None),
        )
        .values(revoked_at=now)
        .execution_options(synchronize_session=False)
    )


def _revoke_family(session: Session, token: RefreshToken, now: datetime) -> None:
    session.execute(
        update(RefreshToken)
        .where(
            RefreshToken.government_code == token.government_code,
            RefreshToken.family_id == token.family_id,
            RefreshToken.revoked_at.is_(None),
        )
        .values(revoked_at=now)
        .execution_options(synchronize_session=False)
    )


# --- sign-in -------------------------------------------------------------------------------


def _find_user(session: Session, req: TokenRequest) -> User | ProblemError | None:
    login = req.login.strip()
    stmt = select(User).where(User.login == login)
    if req.government_code is not None:
        stmt = stmt.where(User.government_code == req.government_code.strip())
    users = list(session.scalars(stmt.with_for_update().limit(2)))
    if len(users) > 1:
        return ProblemError(
            400,
            "government_code_required",
            f"'{login}' 아이디가 여러 기관에 있습니다. 기관코드(government_code)를 함께 "
            "입력하세요.",
            errors=[
                {
                    "field": "government_code",
                    "code": "required",
                    "message": "'government_code': 기관코드를 입력하세요",
                }
            ],
        )
    return users[0] if users else None


@dataclass(frozen=True)
class SignInContext:
    ip: str | None
    now: datetime


def sign_in(
    session: Session, settings: Settings, req: TokenRequest, ctx: SignInContext
) -> TokenResponse | ProblemError:
    """Check the password; count failures and lock the account after too many."""
    found = _find_user(session, req)
    if isinstance(found, ProblemError):
        return found
    if found is None:
        verify_password(_dummy_hash(), req.password)  # same cost as a real check
        return _bad_credentials()
    user = found
    where: dict[str, object] = {"ip": ctx.ip} if ctx.ip else {}
    if user.locked_until is not None:
        if utc(user.locked_until) > ctx.now:
            return _locked(user.locked_until)
        user.locked_until = None  # the lock has run out: start counting afresh
        user.failed_logins = 0
    if not verify_password(user.password_hash, req.password):
        user.failed_logins += 1
        if user.failed_logins >= settings.max_failed_logins:
            user.locked_until = ctx.now + timedelta(minutes=settings.lockout_minutes)
            record(
                session,
                user.government_code,
                SYSTEM_ACTOR,
                action="locked",
                entity_type="user",
                entity_id=user.id,
                summary=f"사용자 '{user.login}' 비밀번호 {user.failed_logins}회 연속 오류로 "
                f"{settings.lockout_minutes}분간 잠금",
                after={"failed_logins": user.failed_logins, "locked_until": user.locked_until}
                | where,
            )
            session.flush()
            return _locked(user.locked_until)
        record(
            session,
            user.government_code,
            SYSTEM_ACTOR,
            action="login_failed",
            entity_type="user",
            entity_id=user.id,
            summary=f"사용자 '{user.login}' 로그인 실패 (비밀번호 오류 {user.failed_logins}회)",
            after={"failed_logins": user.failed_logins} | where,
        )
        session.flush()
        return _bad_credentials()
    if user.is_disabled:
        return ProblemError(
            403,
            "account_disabled",
            "사용이 중지된 계정입니다. 관리자에게 문의하세요.",
        )
    if user.failed_logins:
        user.failed_logins = 0
    record(
        session,
        user.government_code,
        Actor(user.id, user.login),
        action="login",
        entity_type="user",
        entity_id=user.id,
        summary=f"사용자 '{user.login}' 로그인",
        after=where or None,
    )
    session.flush()
    return issue_tokens(session, settings, user, now=ctx.now)


# --- refresh tokens ------------------------------------------------------------------------


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


# --- the signed-in user --------------------------------------------------------------------


def current_user(session: Session, government_code: str, user_id: uuid.UUID) -> User:
    user = session.scalar(
        select(User).where(User.government_code == government_code, User.id == user_id)
    )
    if user is None:
        raise not_found("사용자")
    return user


def change_password(
    session: Session, settings: Settings, user: User, req: PasswordChangeRequest, now: datetime
) -> TokenResponse:
    """Change one's own password. Every refresh token of the user is revoked and a fresh
    pair answered, so this client stays signed in and every other session ends."""
    if not verify_password(user.password_hash, req.current_password):
        raise ProblemError(
            400,
            "wrong_current_password",
            "현재 비밀번호가 올바르지 않습니다.",
            errors=[
                {
                    "field": "current_password",
                    "code": "wrong_password",
                    "message": "'current_password': 현재 비밀번호가 올바르지 않습니다",
                }
            ],
        )
    if req.new_password == req.current_password:
        raise weak_password("new_password", "새 비밀번호는 현재 비밀번호와 달라야 합니다.")
    check_new_password(user.login, req.new_password, "new_password")
    user.password_hash = hash_password(req.new_password)
    user.must_change_password = False
    revoke_user_tokens(session, user, now)
    record(
        session,
        user.government_code,
        Actor(user.id, user.login),
        action="password_changed",
        entity_type="user",
        entity_id=user.id,
        summary=f"사용자 '{user.login}' 비밀번호 변경 (다른 로그인 세션 종료)",
    )
    session.flush()
    return issue_tokens(session, settings, user, now=now)


def check_new_password(login: str, password: str, field: str) -> None:
    """Raise 400 naming ``field`` when ``password`` is too weak for ``login``."""
    problem = password_problem(password)
    if problem is None and login.lower() in password.lower():
        problem = "비밀번호에 아이디를 넣을 수 없습니다."
    if problem is not None:
        raise weak_password(field, problem)


def weak_password(field: str, problem: str) -> ProblemError:
    return ProblemError(
        400,
        "weak_password",
        problem,
        errors=[{"field": field, "code": "weak_password", "message": f"'{field}': {problem}"}],
    )
