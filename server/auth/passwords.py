"""One's own password change and the strength rule for any new password."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from domain.contracts.auth import PasswordChangeRequest, TokenResponse
from server.audit.service import Actor, record
from server.auth.security import hash_password, password_problem, verify_password
from server.auth.tokens import issue_tokens, revoke_user_tokens
from server.config import Settings
from server.kit.errors import ProblemError
from server.models import User


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
