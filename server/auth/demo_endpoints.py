"""``POST /api/v1/auth/demo``: sign in as one of the demo government's users, without a password.

Only in demo mode (``HOJO_DEMO_CREDENTIAL`` set); otherwise the route answers 404 as if it did
not exist. The per-launch credential is the proof: the middleware of ``server.demo_mode``
already refused requests without it, and the endpoint checks it again so it never issues a
token on an application built without that middleware.
"""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select

from domain.contracts.auth import TokenResponse
from domain.roles import Role
from server.audit.service import Actor, record
from server.auth.common import now_utc
from server.auth.tokens import issue_tokens
from server.demo import DEMO_CODE
from server.demo_mode import CREDENTIAL_HEADER, credential_matches
from server.deps import AppSettings, DbSession
from server.kit.errors import ProblemError
from server.models import User

router = APIRouter(prefix="/auth", tags=["auth"])

DEMO_LOGINS = tuple(f"demo-{role.value.replace('_', '-')}" for role in Role)
"""The demo users ``server.demo`` seeds, one per role (demo-dept-budget, demo-admin ...)."""


class DemoSignInRequest(BaseModel):
    """Which demo user to be (``demo-dept-budget``, ``demo-budget-office`` ...)."""

    model_config = ConfigDict(extra="forbid")

    login: str = Field(min_length=1, max_length=64)


def _not_a_demo_user(login: str) -> ProblemError:
    return ProblemError(
        400,
        "not_a_demo_user",
        f"'{login}'은(는) 데모 사용자가 아닙니다. 데모 사용자: {', '.join(DEMO_LOGINS)}",
        errors=[
            {
                "field": "login",
                "code": "not_a_demo_user",
                "message": "'login': 데모 사용자의 아이디가 아닙니다",
            }
        ],
    )


@router.post(
    "/demo",
    response_model=TokenResponse,
    summary="데모 모드 전용: 데모 자치단체 사용자로 비밀번호 없이 로그인",
    responses={
        400: {"description": "데모 사용자가 아닌 아이디"},
        401: {"description": "데모 자격 증명(X-Hojo-Demo-Credential)이 없거나 틀림"},
        403: {"description": "사용 중지된 데모 사용자"},
        404: {"description": "데모 모드가 아님"},
    },
)
def demo_sign_in(
    body: DemoSignInRequest,
    request: Request,
    response: Response,
    session: DbSession,
    settings: AppSettings,
) -> TokenResponse:
    expected = settings.demo_credential
    if not expected:
        raise ProblemError(404, "not_found", "요청한 주소를 찾을 수 없습니다.")
    if not credential_matches(expected, request.headers.get(CREDENTIAL_HEADER)):
        raise ProblemError(401, "demo_credential_required", "데모 자격 증명이 맞지 않습니다.")
    login = body.login.strip()
    user = None
    if login in DEMO_LOGINS:
        user = session.scalar(
            select(User).where(User.government_code == DEMO_CODE, User.login == login)
        )
    if user is None:
        raise _not_a_demo_user(login)
    if user.is_disabled:
        raise ProblemError(
            403, "account_disabled", "사용이 중지된 계정입니다. 관리자에게 문의하세요."
        )
    now = now_utc()
    record(
        session,
        DEMO_CODE,
        Actor(user.id, user.login),
        action="login",
        entity_type="user",
        entity_id=user.id,
        summary=f"사용자 '{user.login}' 로그인 (데모 모드, 비밀번호 없이)",
        after={"demo": True},
    )
    session.flush()
    response.headers.update({"Cache-Control": "no-store", "Pragma": "no-cache"})
    return issue_tokens(session, settings, user, now=now)
