"""ETag / If-Match helpers for optimistic concurrency (stale write → 412)."""

from __future__ import annotations

from fastapi import Request, Response

from server.kit.errors import ProblemError


def etag_of(version: int) -> str:
    return f'"{version}"'


def set_etag(response: Response, version: int) -> None:
    response.headers["ETag"] = etag_of(version)


def required_version(request: Request) -> int:
    """The version the client says it is changing, from ``If-Match`` (428 when absent)."""
    raw = request.headers.get("if-match")
    if not raw:
        raise ProblemError(
            428, "if_match_required", "변경하려면 If-Match 헤더(현재 버전)가 필요합니다."
        )
    value = raw.strip()
    if value.startswith("W/"):
        value = value[2:]
    value = value.strip('"')
    if not value.isdigit():
        raise ProblemError(400, "bad_if_match", f"If-Match 값 '{raw}'이(가) 올바르지 않습니다.")
    return int(value)


def check_version(request: Request, current: int, what: str = "자료") -> int:
    expected = required_version(request)
    if expected != current:
        raise ProblemError(
            412,
            "stale_version",
            f"{what}을(를) 다른 사용자가 먼저 수정했습니다 (요청 버전 {expected}, 현재 버전 "
            f"{current}). 최신 내용을 다시 불러오세요.",
            extra={"current_version": current},
            headers={"ETag": etag_of(current)},
        )
    return expected
