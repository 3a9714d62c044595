"""Service errors as the user reads them (Korean, translated), and which field they concern."""

from __future__ import annotations

from app.i18n import tr
from app.operations.session import (
    ApiError,
    CertificateError,
    IncompatibleServer,
    OfflineError,
    ServerCheck,
    ServiceError,
)

SERVER, LOGIN, PASSWORD, GENERAL = "server", "login", "password", "general"


def compatibility_text(check: ServerCheck) -> str:
    """Which side is too old, in words; the API versions in brackets."""
    kind = check.compatibility.value
    if kind == "server_too_old":
        return tr(
            "서버가 너무 오래된 버전입니다 (서버 API {version}). 서버 관리자에게 서버 "
            "업데이트를 요청하세요."
        ).format(version=check.api_version)
    if kind == "client_too_old":
        return tr(
            "이 프로그램이 서버보다 오래된 버전입니다 (서버 API {version}). 프로그램을 "
            "업데이트하세요."
        ).format(version=check.api_version)
    if kind == "unknown":
        return tr(
            "이 주소의 응답에서 API 버전을 알 수 없습니다. 호조 데스크 서버 주소가 맞는지 "
            "확인하세요."
        )
    return tr("서버에 연결했습니다.")


def error_text(error: BaseException) -> tuple[str, str]:
    """(field, translated message) for an error of a session operation."""
    if isinstance(error, IncompatibleServer):
        return SERVER, compatibility_text(error.check)
    if isinstance(error, CertificateError):
        return SERVER, tr(error.message)
    if isinstance(error, OfflineError):
        return SERVER, tr("서버에 연결할 수 없습니다. 서버 주소와 네트워크 연결을 확인하세요.")
    if isinstance(error, ApiError):
        if error.code == "invalid_credentials":
            return PASSWORD, tr("아이디 또는 비밀번호가 올바르지 않습니다.")
        if error.code in {"account_locked", "account_disabled"} or error.status == 423:
            return LOGIN, tr(error.detail)
        fields = error.field_messages()
        for key, field in (
            ("login", LOGIN),
            ("password", PASSWORD),
            ("current_password", PASSWORD),
            ("new_password", PASSWORD),
        ):
            if key in fields:
                return field, tr(error.detail)
        return GENERAL, tr(error.detail)
    if isinstance(error, ServiceError):
        return GENERAL, tr(error.message)
    return GENERAL, tr("예상하지 못한 오류가 발생했습니다: {error}").format(error=error)
