"""Is the server there, and does it speak an API version this client understands?

``GET /api/v1/health`` (no sign-in) gives ``api_version`` (the REST contract the server
speaks) and ``min_client_api_version`` (the oldest client contract it still serves). Thousands
of PCs upgrade gradually, so the client says clearly which side is too old:

- the server's ``api_version`` is older than :data:`MIN_SERVER_API` → the server is too old;
- its major version is newer than this client's, or it requires a newer client than
  :data:`CLIENT_API_VERSION` → this client is too old.

Unreachable servers raise :class:`OfflineError` (or :class:`CertificateError`), as every call.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from app.services.api.transport import Transport

CLIENT_API_VERSION = (1, 0)
"""The contract this client was written against."""

MIN_SERVER_API = (1, 0)
"""The oldest server contract this client can work with."""

_VERSION = re.compile(r"^\s*(\d+)(?:\.(\d+))?")


def parse_version(text: str) -> tuple[int, int] | None:
    """``"1.2"`` → ``(1, 2)``; ``"2"`` → ``(2, 0)``; None when not a version."""
    match = _VERSION.match(text or "")
    if match is None:
        return None
    return int(match.group(1)), int(match.group(2) or 0)


def _text(version: tuple[int, int]) -> str:
    return f"{version[0]}.{version[1]}"


class Compatibility(Enum):
    OK = "ok"
    SERVER_TOO_OLD = "server_too_old"
    CLIENT_TOO_OLD = "client_too_old"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class ServerCheck:
    """The outcome of :func:`check_server`: ``message`` is Korean, for the user."""

    url: str
    compatibility: Compatibility
    message: str
    server_version: str = ""
    api_version: str = ""

    @property
    def ok(self) -> bool:
        return self.compatibility is Compatibility.OK


def judge(url: str, body: object) -> ServerCheck:
    """Compare a health document with what this client supports (pure; tested directly)."""
    doc = body if isinstance(body, dict) else {}
    server_version = str(doc.get("server_version", ""))
    api_text = str(doc.get("api_version", ""))
    api = parse_version(api_text)
    min_client = parse_version(str(doc.get("min_client_api_version", ""))) or (0, 0)
    if api is None:
        return ServerCheck(
            url,
            Compatibility.UNKNOWN,
            f"{url}의 응답에서 API 버전을 알 수 없습니다. 호조 데스크 서버 주소가 맞는지 "
            "확인하세요.",
            server_version,
            api_text,
        )
    mine = _text(CLIENT_API_VERSION)
    if api < MIN_SERVER_API:
        message = (
            f"서버가 너무 오래된 버전입니다 (서버 API {_text(api)}, 이 프로그램은 "
            f"{_text(MIN_SERVER_API)} 이상 필요). 서버 관리자에게 서버 업데이트를 요청하세요."
        )
        return ServerCheck(url, Compatibility.SERVER_TOO_OLD, message, server_version, api_text)
    if api[0] > CLIENT_API_VERSION[0] or min_client > CLIENT_API_VERSION:
        needed = max(min_client, (api[0], 0)) if api[0] > CLIENT_API_VERSION[0] else min_client
        message = (
            f"이 프로그램이 서버보다 오래된 버전입니다 (프로그램 API {mine}, 서버는 "
            f"{_text(needed)} 이상 필요). 프로그램을 업데이트하세요."
        )
        return ServerCheck(url, Compatibility.CLIENT_TOO_OLD, message, server_version, api_text)
    message = f"서버에 연결했습니다 (서버 {server_version or '?'}, API {_text(api)})."
    return ServerCheck(url, Compatibility.OK, message, server_version, api_text)


def check_server(
    url: str,
    *,
    ca_bundle: str | Path | None = None,
    proxy: str | None = None,
    timeout: float = 10.0,
    transport: Transport | None = None,
) -> ServerCheck:
    """``GET /api/v1/health`` on ``url`` and judge the versions; OfflineError if unreachable."""
    own = transport is None
    client = transport or Transport(url, ca_bundle=ca_bundle, proxy=proxy, timeout=timeout)
    try:
        try:
            body: object = client.get_json("/health")
        except ValueError:  # 200 but not JSON: probably not a Hojo server at this address
            body = None
    finally:
        if own:
            client.close()
    return judge(client.base_url, body)
