"""Refuse request bodies larger than the limit before any endpoint reads them.

A body must declare its size: a chunked body without Content-Length answers 411, one whose
Content-Length is over the limit answers 413. (The ASGI server enforces that the body matches
the declared length.)
"""

from __future__ import annotations

import json

from starlette.types import ASGIApp, Receive, Scope, Send


class BodyLimitMiddleware:
    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length")
        if length is None and b"transfer-encoding" in headers:
            await _refuse(
                send, 411, "length_required", "요청 본문의 크기(Content-Length)를 알려 주세요."
            )
            return
        if length is not None and (not length.isdigit() or int(length) > self.max_bytes):
            await _refuse(
                send,
                413,
                "body_too_large",
                f"요청 본문이 너무 큽니다 (최대 {self.max_bytes:,}바이트).",
            )
            return
        await self.app(scope, receive, send)


async def _refuse(send: Send, status: int, code: str, detail: str) -> None:
    body = json.dumps(
        {
            "type": f"https://hojo.invalid/problems/{code}",
            "title": "요청이 너무 큼" if status == 413 else "길이 필요",
            "status": status,
            "code": code,
            "detail": detail,
        },
        ensure_ascii=False,
    ).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/problem+json"),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
