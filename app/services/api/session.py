"""The signed-in session: tokens, silent refresh (one at a time), sign-out, time left.

The server's access token is short-lived (``expires_in``, 15 minutes by default) and its
refresh token rotates: each one can be used **once**; using a refresh token a second time is
treated as theft and revokes the whole family. So exactly one refresh may run at a time:
:meth:`Session.refresh` holds a lock, and a caller that waited for it sees that the tokens
changed meanwhile (``generation``) and uses the new ones instead of refreshing again.

Requests through :meth:`Session.request` refresh silently when the access token is about to
expire (``REFRESH_MARGIN`` seconds) and once more on a 401, then retry. When the refresh
itself is refused the session raises :class:`SessionRevoked`: the UI asks for the password
again (``sign_in`` with the same login) and nothing open is lost.

``expires_at`` / :meth:`seconds_left` tell the UI when the access token ends, so it can warn
``session_warning_minutes`` before and offer :meth:`extend` (a refresh now) by keyboard.
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any

import httpx

from app.services.api.errors import (
    ApiError,
    AuthExpired,
    NotSignedIn,
    OfflineError,
    SessionRevoked,
)
from app.services.api.transport import Transport
from domain.contracts.auth import (
    LogoutRequest,
    PasswordChangeRequest,
    RefreshRequest,
    SessionUser,
    TokenRequest,
    TokenResponse,
)

log = logging.getLogger(__name__)

REFRESH_MARGIN = 60.0
"""Refresh this many seconds before the access token expires."""

Clock = Callable[[], float]
TokenListener = Callable[[str], None]


class Session:
    """One user's session with one server. Thread-safe."""

    def __init__(
        self,
        transport: Transport,
        *,
        clock: Clock = time.time,
        on_refresh_token: TokenListener | None = None,
    ) -> None:
        self.transport = transport
        self._clock = clock
        self._on_refresh_token = on_refresh_token  # "remember me": store in the keyring
        self._state_lock = threading.Lock()  # guards the fields below
        self._refresh_lock = threading.Lock()  # exactly one refresh at a time
        self._access: str | None = None
        self._refresh: str | None = None
        self._expires_at = 0.0
        self._generation = 0
        self.user: SessionUser | None = None
        self.login: str | None = None  # kept after revocation, to ask for the password again
        self.government_code: str | None = None
        self.refresh_count = 0

    # --- state -------------------------------------------------------------------------------
    @property
    def is_signed_in(self) -> bool:
        with self._state_lock:
            return self._access is not None

    @property
    def refresh_token(self) -> str | None:
        with self._state_lock:
            return self._refresh

    @property
    def expires_at(self) -> datetime | None:
        """When the current access token ends (UTC), or None when signed out."""
        with self._state_lock:
            if self._access is None:
                return None
            return datetime.fromtimestamp(self._expires_at, UTC)

    def seconds_left(self) -> float:
        """Seconds until the access token ends (0 when signed out or already past)."""
        with self._state_lock:
            if self._access is None:
                return 0.0
            return max(0.0, self._expires_at - self._clock())

    def _adopt(self, tokens: TokenResponse) -> None:
        with self._state_lock:
            self._access = tokens.access_token
            self._refresh = tokens.refresh_token
            self._expires_at = self._clock() + tokens.expires_in
            self._generation += 1
            self.user = tokens.user
            self.login = tokens.user.login
            self.government_code = tokens.user.government_code
        if self._on_refresh_token is not None:
            try:
                self._on_refresh_token(tokens.refresh_token)
            except Exception:  # keeping the token is a convenience, not a must
                log.warning("could not keep the refresh token", exc_info=True)

    def _drop_tokens(self) -> None:
        with self._state_lock:
            self._access = None
            self._refresh = None
            self._expires_at = 0.0
            self._generation += 1

    # --- sign-in / sign-out --------------------------------------------------------------------
    def sign_in(self, login: str, password: str, government_code: str | None = None) -> SessionUser:
        """Password sign-in; raises ``ApiError`` (401 wrong password, 423 locked, …)."""
        body = TokenRequest(login=login, password=password, government_code=government_code)
        response = self.transport.request(
            "POST", "/auth/token", json=body.model_dump(exclude_none=True)
        )
        tokens = TokenResponse.model_validate(response.json())
        self._adopt(tokens)
        return tokens.user

    def resume(self, refresh_token: str) -> SessionUser:
        """Sign in with a remembered refresh token ("remember me"); SessionRevoked if refused."""
        with self._state_lock:
            self._refresh = refresh_token
            generation = self._generation
        self._refresh_once(generation)
        assert self.user is not None
        return self.user

    def sign_out(self) -> None:
        """Revoke the refresh token on the server (best effort offline) and forget both."""
        token = self.refresh_token
        self._drop_tokens()
        self.user = None
        if token:
            try:
                self.transport.request(
                    "POST", "/auth/logout", json=LogoutRequest(refresh_token=token).model_dump()
                )
            except (OfflineError, ApiError) as error:
                log.info("sign-out not confirmed by the server: %s", error)

    # --- refresh -------------------------------------------------------------------------------
    def extend(self) -> datetime:
        """Renew the session now (the UI's "연장" before time-out); the new ``expires_at``."""
        with self._state_lock:
            generation = self._generation
        self._refresh_once(generation)
        expires = self.expires_at
        assert expires is not None
        return expires

    def _refresh_once(self, seen_generation: int) -> None:
        """Refresh unless someone else already did since ``seen_generation`` (under a lock)."""
        with self._refresh_lock:
            with self._state_lock:
                if self._generation != seen_generation and self._access is not None:
                    return  # another thread refreshed while we waited: use its tokens
                token = self._refresh
            if not token:
                raise SessionRevoked(code="no_refresh_token")
            try:
                response = self.transport.request(
                    "POST", "/auth/refresh", json=RefreshRequest(refresh_token=token).model_dump()
                )
            except AuthExpired as error:
                self._drop_tokens()
                raise SessionRevoked(code=error.code) from error
            self.refresh_count += 1
            self._adopt(TokenResponse.model_validate(response.json()))

    def _current(self) -> tuple[str, int]:
        """The access token ("" when it must be refreshed first) and its generation."""
        with self._state_lock:
            if self._access is None:
                if self._refresh is None:
                    raise NotSignedIn()
                return "", self._generation
            soon = self._expires_at - self._clock() <= REFRESH_MARGIN
            return ("" if soon else self._access), self._generation

    def _token(self) -> tuple[str, int]:
        """A usable access token and its generation, refreshing first when it is about to end."""
        token, generation = self._current()
        if token:
            return token, generation
        self._refresh_once(generation)
        with self._state_lock:
            if self._access is None:
                raise SessionRevoked(code="no_access_token")
            return self._access, self._generation

    def access_token(self) -> str:
        """A valid access token, refreshing first when it is about to expire."""
        return self._token()[0]

    # --- requests ------------------------------------------------------------------------------
    def request(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        params: Mapping[str, Any] | None = None,
        if_match: int | None = None,
        idempotency_key: uuid.UUID | str | None = None,
    ) -> httpx.Response:
        """An authenticated request: refresh before expiry, and once on 401, then retry."""
        token, generation = self._token()
        try:
            return self.transport.request(
                method,
                path,
                json=json,
                params=params,
                token=token,
                if_match=if_match,
                idempotency_key=idempotency_key,
            )
        except AuthExpired as error:
            if error.code == "password_change_required":
                raise
            log.info("%s %s answered 401 (%s): refreshing once", method, path, error.code)
        self._refresh_once(generation)
        return self.transport.request(
            method,
            path,
            json=json,
            params=params,
            token=self.access_token(),
            if_match=if_match,
            idempotency_key=idempotency_key,
        )

    def change_password(self, current_password: str, new_password: str) -> SessionUser:
        """Change one's own password; the server ends other sessions and sends new tokens."""
        body = PasswordChangeRequest(current_password=current_password, new_password=new_password)
        response = self.request("POST", "/auth/password", json=body.model_dump())
        tokens = TokenResponse.model_validate(response.json())
        self._adopt(tokens)
        return tokens.user
