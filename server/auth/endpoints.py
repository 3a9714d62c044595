"""HTTP endpoints of the auth area (thin: parse, check role, call the service).

Sign-in and refresh answer their refusals by *returning* the problem document (see
``server.auth.service``) so the unit of work still commits the failure counter, a lockout or
a family revocation together with its audit event.
"""

from __future__ import annotations

from fastapi import APIRouter, Request, Response, status

from domain.contracts.auth import (
    LogoutRequest,
    PasswordChangeRequest,
    RefreshRequest,
    SessionUser,
    TokenRequest,
    TokenResponse,
)
from server.auth import common, passwords, service, tokens
from server.deps import AppSettings, CurrentPrincipal, DbSession
from server.kit.errors import ProblemError, problem_response

router = APIRouter(prefix="/auth", tags=["auth"])

_NO_STORE = {"Cache-Control": "no-store", "Pragma": "no-cache"}


def _answer(result: TokenResponse | ProblemError, response: Response) -> TokenResponse | Response:
    if isinstance(result, ProblemError):
        return problem_response(
            result.status,
            result.code,
            result.detail,
            errors=result.errors,
            extra=result.extra,
            headers=result.headers | _NO_STORE,
        )
    response.headers.update(_NO_STORE)
    return result


@router.post(
    "/token",
    response_model=TokenResponse,
    summary="로그인: 아이디·비밀번호로 접근 토큰과 갱신 토큰 발급",
    responses={
        400: {"description": "여러 기관에 같은 아이디가 있어 기관코드가 필요함"},
        401: {"description": "아이디 또는 비밀번호 오류"},
        403: {"description": "사용 중지된 계정"},
        423: {"description": "비밀번호 연속 오류로 잠긴 계정"},
    },
)
def sign_in(
    body: TokenRequest,
    request: Request,
    response: Response,
    session: DbSession,
    settings: AppSettings,
) -> TokenResponse | Response:
    ctx = service.SignInContext(
        ip=request.client.host if request.client else None, now=common.now_utc()
    )
    return _answer(service.sign_in(session, settings, body, ctx), response)


@router.post(
    "/refresh",
    response_model=TokenResponse,
    summary="갱신 토큰으로 새 토큰 발급 (갱신 토큰은 한 번만 사용 가능)",
    responses={401: {"description": "만료·폐기·재사용된 갱신 토큰"}},
)
def refresh(
    body: RefreshRequest, response: Response, session: DbSession, settings: AppSettings
) -> TokenResponse | Response:
    return _answer(
        tokens.refresh(session, settings, body.refresh_token, common.now_utc()), response
    )


@router.post(
    "/logout",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="로그아웃: 갱신 토큰 폐기 (여러 번 호출해도 같은 결과)",
)
def logout(body: LogoutRequest, session: DbSession) -> Response:
    tokens.logout(session, body.refresh_token, common.now_utc())
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get("/me", summary="로그인한 사용자 정보")
def me(principal: CurrentPrincipal, session: DbSession) -> SessionUser:
    user = common.current_user(session, principal.government_code, principal.user_id)
    return common.session_user(session, user)


@router.post(
    "/password",
    response_model=TokenResponse,
    summary="내 비밀번호 변경 (다른 로그인 세션은 모두 종료되고 새 토큰을 돌려줌)",
)
def change_password(
    body: PasswordChangeRequest,
    response: Response,
    principal: CurrentPrincipal,
    session: DbSession,
    settings: AppSettings,
) -> TokenResponse | Response:
    user = common.current_user(session, principal.government_code, principal.user_id)
    result = passwords.change_password(session, settings, user, body, common.now_utc())
    return _answer(result, response)
