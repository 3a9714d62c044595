"""What can go wrong when talking to the server, as typed exceptions with Korean messages.

- :class:`OfflineError`: the server cannot be reached (refused, DNS, timeout, proxy). The app
  keeps working on the local cache — never demo mode. :class:`CertificateError` is the TLS
  case of it, with an explanation of the usual cause (an internal CA missing on this PC).
- :class:`ApiError`: the server answered with a problem document (RFC 9457): ``status``,
  stable ``code``, Korean ``detail`` and per-field ``errors``. Subclasses by status:
  :class:`AuthExpired` (401), :class:`Forbidden` (403), :class:`NotFound` (404),
  :class:`Conflict` (409), :class:`StaleError` (412, with the server's current version and,
  when the caller fetched it, the current resource).
- :class:`SessionRevoked`: the refresh token no longer works (expired, revoked, reused); the
  UI asks for the password again and keeps the open work.

Messages are Korean source strings; views translate them with ``app.i18n.tr``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


class ServiceError(Exception):
    """Base of every error the API services raise; ``message`` is Korean, for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class OfflineError(ServiceError):
    """The server could not be reached; work continues on the local cache."""

    DEFAULT = "서버에 연결할 수 없습니다. 저장한 내용은 이 PC에 보관하고, 연결되면 보냅니다."

    def __init__(self, message: str | None = None, *, cause: str = "") -> None:
        super().__init__(message or self.DEFAULT)
        self.cause = cause  # the technical reason, for logs and the details box


class ServerTimeout(OfflineError):
    """The server did not answer in time (a sent request may or may not have been applied)."""

    DEFAULT = "서버가 제한 시간 안에 응답하지 않았습니다. 잠시 후 다시 시도합니다."


class CertificateError(OfflineError):
    """The server's TLS certificate could not be verified. There is no switch to ignore it."""

    DEFAULT = (
        "서버 인증서를 확인할 수 없습니다: 기관 내부 인증서(CA)가 이 PC에 설치되어 있지 않을 수 "
        "있습니다. 관리자에게 ca_bundle 설정을 문의하세요."
    )


@dataclass(frozen=True)
class FieldError:
    """One per-field message of a problem document (``field`` is a dotted path)."""

    field: str
    code: str
    message: str


class ApiError(ServiceError):
    """The server refused the request with a problem document."""

    def __init__(
        self,
        status: int,
        code: str,
        detail: str,
        *,
        errors: list[FieldError] | None = None,
        body: dict[str, Any] | None = None,
        etag: str | None = None,
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.code = code
        self.detail = detail
        self.errors = errors or []
        self.body = body or {}
        self.etag = etag

    def __str__(self) -> str:
        return f"{self.detail} [{self.status} {self.code}]"

    def field_messages(self) -> dict[str, str]:
        """``{field: Korean message}`` so a form can tie each message to its field."""
        return {e.field: e.message for e in self.errors}


class AuthExpired(ApiError):
    """401: the access token is missing, expired or not accepted."""


class Forbidden(ApiError):
    """403: signed in, but this role may not do this."""


class NotFound(ApiError):
    """404: absent, or it belongs to another government."""


class Conflict(ApiError):
    """409: the request does not fit the current state (wrong workflow step, duplicate)."""


class StaleError(ApiError):
    """412: someone else changed the resource first. ``current_version`` is the server's;
    ``current`` is the resource as it is now when the caller re-read it (endpoints do)."""

    def __init__(self, *args: Any, current: object = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.current = current

    @property
    def current_version(self) -> int | None:
        raw = self.body.get("current_version")
        if isinstance(raw, int) and not isinstance(raw, bool):
            return raw
        if self.etag:
            tag = self.etag.removeprefix("W/").strip('"')
            if tag.isdigit():
                return int(tag)
        return None


class SessionRevoked(ServiceError):
    """The session cannot be renewed: sign in again (the open work stays)."""

    DEFAULT = (
        "로그인 세션이 끝났습니다. 작업 중인 내용은 그대로 있습니다. 비밀번호를 다시 입력하세요."
    )

    def __init__(self, message: str | None = None, *, code: str = "") -> None:
        super().__init__(message or self.DEFAULT)
        self.code = code


class NotSignedIn(ServiceError):
    """A call that needs a session was made before sign-in."""

    def __init__(self) -> None:
        super().__init__("로그인이 필요합니다.")


_BY_STATUS: dict[int, type[ApiError]] = {
    401: AuthExpired,
    403: Forbidden,
    404: NotFound,
    409: Conflict,
    412: StaleError,
}


def _generic_detail(status: int) -> str:
    if status >= 500:
        return f"서버에서 오류가 발생했습니다 (HTTP {status}). 잠시 후 다시 시도하세요."
    return f"서버가 요청을 처리하지 못했습니다 (HTTP {status})."


def problem_error(status: int, body: object, etag: str | None = None) -> ApiError:
    """The typed exception for an error answer; ``body`` is the parsed JSON (or None)."""
    doc: dict[str, Any] = body if isinstance(body, dict) else {}
    code = doc.get("code")
    detail = doc.get("detail")
    errors = []
    for item in doc.get("errors") or []:
        if isinstance(item, dict):
            errors.append(
                FieldError(
                    field=str(item.get("field", "")),
                    code=str(item.get("code", "")),
                    message=str(item.get("message", "")),
                )
            )
    cls = _BY_STATUS.get(status, ApiError)
    return cls(
        status,
        code if isinstance(code, str) and code else f"http_{status}",
        detail if isinstance(detail, str) and detail else _generic_detail(status),
        errors=errors,
        body=doc,
        etag=etag,
    )
