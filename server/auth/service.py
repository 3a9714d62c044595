"""Sign-in and lockout (tokens: ``server.auth.tokens``; passwords: ``server.auth.passwords``).

Refusals that must leave a trace (a failed sign-in raising the failure counter, a lockout, a
reused refresh token revoking its family) are *returned* as a :class:`ProblemError` instead of
raised: the request's unit of work then commits the counter, the revocation and the audit
events, and the endpoint answers with the problem document. Raising would roll them back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from functools import cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from domain.contracts.auth import TokenRequest, TokenResponse
from server.audit.service import SYSTEM_ACTOR, Actor, record
from server.auth.common import UNAUTHORIZED_HEADERS, utc
from server.auth.security import hash_password, verify_password
from server.auth.tokens import issue_tokens
from server.config import Settings
from server.kit.errors import ProblemError
from server.models import User

KST = timezone(timedelta(hours=9), "KST")

BAD_CREDENTIALS = "아이디 또는 비밀번호가 올바르지 않습니다."


@cache
def _dummy_hash() -> str:
    return hash_password("no-such-user-dummy-password-0")


def _bad_credentials() -> ProblemError:
    return ProblemError(401, "invalid_credentials", BAD_CREDENTIALS, headers=UNAUTHORIZED_HEADERS)


def _locked(until: datetime) -> ProblemError:
    local = utc(until).astimezone(KST)
    return ProblemError(
        423,
        "account_locked",
        f"비밀번호를 여러 번 틀려 계정이 잠겼습니다. {local:%Y-%m-%d %H:%M}(한국시간) 이후에 "
        "다시 시도하거나 관리자에게 잠금 해제를 요청하세요.",
        extra={"locked_until": utc(until).isoformat()},
    )


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
