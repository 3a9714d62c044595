"""Errors as ``application/problem+json`` (RFC 9457) with a stable code and Korean detail."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError
from starlette.exceptions import HTTPException as StarletteHTTPException

from domain.errors import DomainError

log = logging.getLogger("hojo.server")

PROBLEM_JSON = "application/problem+json"


class ProblemError(Exception):
    """Raise from services or endpoints to answer with a problem document."""

    def __init__(
        self,
        status: int,
        code: str,
        detail: str,
        *,
        errors: list[dict[str, Any]] | None = None,
        extra: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.code = code
        self.detail = detail
        self.errors = errors or []
        self.extra = extra or {}
        self.headers = headers or {}


def not_found(what: str = "자료") -> ProblemError:
    return ProblemError(404, "not_found", f"{what}을(를) 찾을 수 없습니다.")


def forbidden(detail: str = "이 작업을 할 권한이 없습니다.") -> ProblemError:
    return ProblemError(403, "forbidden", detail)


def conflict(code: str, detail: str, **extra: Any) -> ProblemError:
    return ProblemError(409, code, detail, extra=extra)


_TITLES = {
    400: "잘못된 요청",
    401: "인증 필요",
    403: "권한 없음",
    404: "찾을 수 없음",
    405: "허용되지 않는 메서드",
    409: "충돌",
    412: "다른 사용자가 먼저 수정함",
    413: "요청이 너무 큼",
    415: "지원하지 않는 형식",
    422: "입력값 오류",
    423: "잠김",
    428: "If-Match 필요",
    429: "요청이 너무 많음",
    500: "서버 오류",
}


def problem_response(
    status: int,
    code: str,
    detail: str,
    *,
    errors: list[dict[str, Any]] | None = None,
    extra: dict[str, Any] | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    body: dict[str, Any] = {
        "type": f"https://hojo.invalid/problems/{code}",
        "title": _TITLES.get(status, "오류"),
        "status": status,
        "code": code,
        "detail": detail,
    }
    if errors:
        body["errors"] = errors
    body.update(extra or {})
    return JSONResponse(body, status_code=status, media_type=PROBLEM_JSON, headers=headers)


DOMAIN_STATUS = {
    "permission_denied": 403,
    "invalid_transition": 409,
    "separation_of_duties": 403,
    "document_closed": 409,
    "document_in_use": 409,
}
"""HTTP status for domain errors whose meaning is not "bad input" (400)."""

_FIELD_MESSAGES = {
    "missing": "값이 필요합니다",
    "int_parsing": "정수가 아닙니다",
    "int_type": "정수가 아닙니다",
    "string_type": "문자열이 아닙니다",
    "string_too_long": "너무 깁니다",
    "string_too_short": "너무 짧습니다",
    "string_pattern_mismatch": "형식이 올바르지 않습니다",
    "greater_than_equal": "너무 작습니다",
    "less_than_equal": "너무 큽니다",
    "json_invalid": "JSON 형식이 올바르지 않습니다",
    "uuid_parsing": "식별자 형식이 올바르지 않습니다",
    "enum": "허용되지 않는 값입니다",
    "literal_error": "허용되지 않는 값입니다",
    "extra_forbidden": "알 수 없는 항목입니다",
    "bool_parsing": "참/거짓 값이 아닙니다",
}


def _field_errors(exc: RequestValidationError) -> list[dict[str, Any]]:
    out = []
    for err in exc.errors():
        loc = [str(p) for p in err.get("loc", ()) if p not in ("body", "query", "path", "header")]
        field = ".".join(loc) or "요청 본문"
        kind = str(err.get("type", ""))
        ctx = err.get("ctx") or {}
        msg = _FIELD_MESSAGES.get(kind)
        if msg is None and kind == "value_error":
            msg = str(ctx.get("error", err.get("msg", "")))
        out.append({"field": field, "code": kind, "message": f"'{field}': {msg or err.get('msg')}"})
    return out


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ProblemError)
    async def _problem(_req: Request, exc: ProblemError) -> JSONResponse:
        return problem_response(
            exc.status,
            exc.code,
            exc.detail,
            errors=exc.errors,
            extra=exc.extra,
            headers=exc.headers,
        )

    @app.exception_handler(DomainError)
    async def _domain(_req: Request, exc: DomainError) -> JSONResponse:
        field = getattr(exc, "field", None)
        errors = [{"field": field, "code": exc.code, "message": exc.message}] if field else None
        status = DOMAIN_STATUS.get(exc.code, 400)
        return problem_response(status, exc.code, exc.message, errors=errors)

    @app.exception_handler(RequestValidationError)
    async def _validation(_req: Request, exc: RequestValidationError) -> JSONResponse:
        errors = _field_errors(exc)
        detail = "입력값을 확인해 주세요: " + "; ".join(e["message"] for e in errors[:5])
        return problem_response(422, "validation_error", detail, errors=errors)

    @app.exception_handler(StaleDataError)
    async def _stale(_req: Request, _exc: StaleDataError) -> JSONResponse:
        return problem_response(
            412, "stale_version", "다른 사용자가 먼저 수정했습니다. 최신 내용을 다시 불러오세요."
        )

    @app.exception_handler(IntegrityError)
    async def _integrity(_req: Request, exc: IntegrityError) -> JSONResponse:
        log.info("integrity error answered as 409: %s", exc.orig)
        return problem_response(
            409,
            "conflict",
            "같은 자료가 이미 있거나 다른 자료와 맞지 않아 저장하지 않았습니다. "
            "다시 불러온 뒤 확인해 주세요.",
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http(_req: Request, exc: StarletteHTTPException) -> JSONResponse:
        detail = exc.detail if isinstance(exc.detail, str) else "요청을 처리할 수 없습니다."
        if exc.status_code == 404 and detail == "Not Found":
            detail = "요청한 주소를 찾을 수 없습니다."
        elif exc.status_code == 405:
            detail = "이 주소에서 허용되지 않는 메서드입니다."
        return problem_response(
            exc.status_code,
            f"http_{exc.status_code}",
            detail,
            headers=dict(exc.headers or {}),
        )

    @app.exception_handler(Exception)
    async def _unexpected(_req: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error", exc_info=exc)
        return problem_response(500, "internal_error", "서버 내부 오류가 발생했습니다.")
