"""Pieces of the session operations: reachability/revocation events, the watched session and
the "remember me" token keeper (split from ``app.operations.session`` to keep it small)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from app.services.api.errors import OfflineError, SessionRevoked
from app.services.api.session import Session
from app.services.api.transport import Transport
from domain.contracts.auth import SessionUser, TokenResponse

if TYPE_CHECKING:
    import httpx

    from app.services.auth.credentials import CredentialStore


class SessionEvents(QObject):
    """Emitted from any thread; receivers on the GUI thread get them queued."""

    reachable = Signal(bool, str)  # reachable?, Korean detail (the error message when not)
    revoked = Signal(str)  # Korean message


class WatchedSession(Session):
    """A Session that reports reachability and revocation on :class:`SessionEvents`."""

    def __init__(self, transport: Transport, events: SessionEvents, **kwargs: Any) -> None:
        super().__init__(transport, **kwargs)
        self.events = events
        self.reachable: bool | None = None

    def _seen(self, reachable: bool, detail: str = "") -> None:
        if reachable != self.reachable:
            self.reachable = reachable
            self.events.reachable.emit(reachable, detail)

    def request(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        try:
            response = super().request(method, path, **kwargs)
        except SessionRevoked as error:
            self._seen(True)
            self.events.revoked.emit(error.message)
            raise
        except OfflineError as error:
            self._seen(False, error.message)
            raise
        self._seen(True)
        return response

    def adopt(self, tokens: TokenResponse) -> SessionUser:
        """Take a token pair obtained outside :meth:`sign_in` (the demo sign-in)."""
        self._adopt(tokens)
        return tokens.user


class TokenKeeper:
    """Session's ``on_refresh_token`` hook: keeps each rotated refresh token when enabled."""

    def __init__(self, store: Callable[[], CredentialStore]) -> None:
        self._store = store
        self.enabled = False
        self.server_url = ""
        self.session: Session | None = None
        self.problem = ""

    def __call__(self, token: str) -> None:
        login = self.session.login if self.session is not None else None
        if not self.enabled or not login:
            return
        from app.services.auth.credentials import KeyringUnavailable

        try:
            self._store().save(self.server_url, login, token)
        except KeyringUnavailable as error:
            self.problem = error.reason
            self.enabled = False


def default_credential_store() -> CredentialStore:
    from app.services.auth.credentials import CredentialStore

    return CredentialStore()
