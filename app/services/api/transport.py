"""One httpx client per server: TLS, proxy, timeouts and errors turned into typed exceptions.

- TLS is verified against the operating system's trust store (``truststore.SSLContext``: the
  Windows/macOS certificate store, the distribution's CA bundle on Linux) plus the optional
  ``ca_bundle`` setting loaded into the same context. There is deliberately no way to turn
  verification off.
- ``proxy`` (a setting) is used for every request when set; when empty the usual
  environment variables (``HTTPS_PROXY``, ``NO_PROXY`` …) apply.
- Connection failures raise :class:`OfflineError` (certificate failures
  :class:`CertificateError`, timeouts :class:`ServerTimeout`); problem+json answers raise the
  :class:`ApiError` subclass for their status.

Thread-safe: an ``httpx.Client`` may be shared by the network pool's threads.
"""

from __future__ import annotations

import logging
import ssl
import uuid
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import httpx
import truststore

from app.services.api.errors import (
    CertificateError,
    OfflineError,
    ServerTimeout,
    problem_error,
)

log = logging.getLogger(__name__)

API_PREFIX = "/api/v1"
USER_AGENT = "HojoDesk/0.1"
DEFAULT_TIMEOUT = 30.0
CONNECT_TIMEOUT = 10.0

RequestHook = Callable[[httpx.Request], None]


def make_ssl_context(ca_bundle: str | Path | None = None) -> ssl.SSLContext:
    """The OS trust store, plus the PEM file ``ca_bundle`` (internal CAs) when given."""
    context = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    if ca_bundle:
        path = Path(ca_bundle).expanduser()
        try:
            context.load_verify_locations(cafile=str(path))
        except (OSError, ssl.SSLError) as error:
            raise CertificateError(
                f"ca_bundle 설정의 인증서 파일을 읽을 수 없습니다: {path} ({error}). "
                "관리자에게 올바른 인증서(PEM) 파일 경로를 문의하세요.",
                cause=str(error),
            ) from error
    return context


def _certificate_problem(error: BaseException) -> ssl.SSLError | None:
    """The TLS error somewhere in the cause chain of an httpx error, if any."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, ssl.SSLError):
            return current
        current = current.__cause__ or current.__context__
    if "CERTIFICATE_VERIFY_FAILED" in str(error):
        return ssl.SSLError(str(error))
    return None


def _certificate_message(problem: ssl.SSLError) -> str:
    base = CertificateError.DEFAULT
    reason = getattr(problem, "verify_message", "") or ""
    if "hostname" in reason.lower() or "IP address mismatch" in reason:
        return (
            "서버 인증서의 이름이 서버 주소와 맞지 않습니다. 서버 주소를 확인하거나 관리자에게 "
            "문의하세요."
        )
    if "expired" in reason.lower():
        return "서버 인증서의 유효 기간이 지났습니다. 관리자에게 문의하세요."
    return base


class Transport:
    """HTTP to one Hojo server. ``path`` arguments are relative to ``/api/v1``."""

    def __init__(
        self,
        base_url: str,
        *,
        ca_bundle: str | Path | None = None,
        proxy: str | None = None,
        timeout: float = DEFAULT_TIMEOUT,
        on_request: RequestHook | None = None,
    ) -> None:
        url = base_url.strip().rstrip("/")
        if not url.startswith(("https://", "http://")):
            raise ValueError(f"서버 주소는 http:// 또는 https://로 시작해야 합니다: {base_url!r}")
        self.base_url = url
        self.proxy = proxy or None
        hooks: dict[str, list[Callable[..., Any]]] = {"request": [on_request] if on_request else []}
        self._client = httpx.Client(
            base_url=url + API_PREFIX,
            verify=make_ssl_context(ca_bundle),
            proxy=self.proxy,
            trust_env=True,  # HTTPS_PROXY / NO_PROXY when no proxy is configured
            timeout=httpx.Timeout(timeout, connect=min(CONNECT_TIMEOUT, timeout)),
            headers={"User-Agent": USER_AGENT, "Accept": "application/json"},
            follow_redirects=False,
            event_hooks=hooks,
        )

    @classmethod
    def from_config(cls, config: Any, **kwargs: Any) -> Transport:
        """Built from ``app.config.Config``: server_url, ca_bundle, proxy, timeout."""
        return cls(
            config.text("server_url"),
            ca_bundle=config.text("ca_bundle") or None,
            proxy=config.text("proxy") or None,
            timeout=float(config.number("request_timeout_seconds")),
            **kwargs,
        )

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Transport:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def request(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        params: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        token: str | None = None,
        if_match: int | None = None,
        idempotency_key: uuid.UUID | str | None = None,
    ) -> httpx.Response:
        """Send one request; a 2xx answer is returned, anything else raised as a typed error."""
        all_headers = dict(headers or {})
        if token:
            all_headers["Authorization"] = f"Bearer {token}"
        if if_match is not None:
            all_headers["If-Match"] = f'"{if_match}"'
        if idempotency_key is not None:
            all_headers["Idempotency-Key"] = str(idempotency_key)
        clean_params = {k: v for k, v in (params or {}).items() if v is not None}
        try:
            response = self._client.request(
                method, path, json=json, params=clean_params, headers=all_headers
            )
        except httpx.TimeoutException as error:
            log.info("%s %s timed out: %s", method, path, error)
            raise ServerTimeout(cause=repr(error)) from error
        except httpx.TransportError as error:
            problem = _certificate_problem(error)
            if problem is not None:
                log.warning("TLS verification of %s failed: %s", self.base_url, problem)
                raise CertificateError(_certificate_message(problem), cause=str(problem)) from error
            log.info("%s %s: server unreachable: %s", method, path, error)
            raise OfflineError(cause=repr(error)) from error
        if response.is_success:
            return response
        raise self._error(response)

    @staticmethod
    def _error(response: httpx.Response) -> Exception:
        body: object = None
        if "json" in response.headers.get("content-type", ""):
            try:
                body = response.json()
            except ValueError:
                body = None
        return problem_error(response.status_code, body, response.headers.get("etag"))

    def get_json(self, path: str, **kwargs: Any) -> Any:
        return self.request("GET", path, **kwargs).json()


def version_from_etag(response: httpx.Response) -> int | None:
    """The resource version an ``ETag: "<n>"`` header carries, if any."""
    tag = response.headers.get("etag", "").removeprefix("W/").strip('"')
    return int(tag) if tag.isdigit() else None
