"""Session operations: check the server, sign in, resume, demo sign-in, extend, sign out,
change one's own password. Views call these; the services below stay plain Python.

:class:`SessionOps` owns the connection to one server (``Transport`` → :class:`WatchedSession`
→ ``HojoApi``) and rebuilds it when the user signs in to another address. Every request the
pages make goes through :class:`WatchedSession`, which reports on :class:`SessionEvents`
(queued to the GUI thread) when the server becomes unreachable or reachable again and when the
session is revoked — so the main window can ask for the password again without closing pages.

"Remember me" keeps only the refresh token, in the OS keyring (``CredentialStore``), through
Session's ``on_refresh_token`` hook: every rotated token replaces the stored one. Which server
and ID were used last (nothing secret) is kept in ``<data dir>/last_sign_in.json``
(``last_sign_in``). Role labels and the demo users are in ``role_names`` (still importable
from here).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from app.config import N_
from app.operations import Changes, OperationRunner, last_sign_in
from app.operations.role_names import DEMO_ROLES, DEMO_START_LOGIN, demo_login, role_label
from app.operations.session_support import (
    SessionEvents,
    TokenKeeper,
    WatchedSession,
    default_credential_store,
)
from app.services.api.endpoints import HojoApi
from app.services.api.errors import (
    ApiError,
    CertificateError,
    OfflineError,
    ServiceError,
    SessionRevoked,
)
from app.services.api.health import ServerCheck, check_server
from app.services.api.session import Clock
from app.services.api.transport import Transport
from domain.contracts.auth import SessionUser, TokenResponse

if TYPE_CHECKING:
    import httpx

    from app.config import Config
    from app.services.auth.credentials import CredentialStore
    from app.tasks import TaskState

__all__ = [
    "DEMO_ROLES",
    "DEMO_START_LOGIN",
    "ApiError",
    "CertificateError",
    "ConnectionState",
    "IncompatibleServer",
    "OfflineError",
    "ServerCheck",
    "ServiceError",
    "SessionEvents",
    "SessionOps",
    "SessionRevoked",
    "SessionUser",
    "SignInResult",
    "demo_login",
    "role_label",
]


class ConnectionState(Enum):
    CHECKING = "checking"
    ONLINE = "online"
    OFFLINE = "offline"
    DEMO = "demo"


class IncompatibleServer(ServiceError):
    """The server speaks an API version this client cannot use (message says which side)."""

    def __init__(self, check: ServerCheck) -> None:
        super().__init__(check.message)
        self.check = check


@dataclass(frozen=True)
class SignInResult:
    user: SessionUser
    remembered: bool = False
    keyring_problem: str = ""  # Korean reason when "remember me" could not be honoured


Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


class SessionOps(QObject):
    """The session of the running client (one per application; see module doc)."""

    signed_in = Signal(object)  # SessionUser
    signed_out = Signal()

    def __init__(
        self,
        config: Config,
        runner: OperationRunner,
        *,
        credentials: Callable[[], CredentialStore] = default_credential_store,
        clock: Clock = time.time,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.config = config
        self.runner = runner
        self.events = SessionEvents(self)
        self._credentials = credentials
        self.clock = clock  # the sessions' time (tests move it); used by the next connect_to
        self._credential_store: CredentialStore | None = None
        self.keeper = TokenKeeper(self.credential_store)
        self.demo = False
        self.server_url = ""
        self._headers: dict[str, str] = {}
        self.transport: Transport | None = None
        self.session: WatchedSession | None = None
        self.api: HojoApi | None = None

    # --- the connection ----------------------------------------------------------------------
    def credential_store(self) -> CredentialStore:
        if self._credential_store is None:
            self._credential_store = self._credentials()
        return self._credential_store

    def connect_to(self, url: str, headers: Mapping[str, str] | None = None) -> WatchedSession:
        """Use the server at ``url`` from now on (ValueError / CertificateError if unusable)."""
        url = url.strip().rstrip("/")
        if (
            self.session is not None
            and url == self.server_url
            and dict(headers or {}) == (self._headers)
        ):
            return self.session
        extra = dict(headers or {})

        def add_headers(request: httpx.Request) -> None:
            request.headers.update(extra)

        transport = Transport(
            url,
            ca_bundle=self.config.text("ca_bundle") or None,
            proxy=self.config.text("proxy") or None,
            timeout=float(self.config.number("request_timeout_seconds")),
            on_request=add_headers if extra else None,
        )
        self.close()
        self.server_url, self._headers, self.transport = transport.base_url, extra, transport
        self.keeper.server_url = self.server_url
        self.session = WatchedSession(
            transport, self.events, clock=self.clock, on_refresh_token=self.keeper
        )
        self.keeper.session = self.session
        self.api = HojoApi(self.session)
        return self.session

    def close(self) -> None:
        if self.transport is not None:
            self.transport.close()
        self.transport = None

    @property
    def user(self) -> SessionUser | None:
        return self.session.user if self.session is not None else None

    def _run(
        self,
        label: str,
        work: Callable[[TaskState], Any],
        changes: Changes,
        done: Done | None,
        failed: Failed | None,
    ) -> TaskState:
        return self.runner.run_net(label, work, changes, done, failed, source=self)

    def _connected(self, url: str, failed: Failed | None) -> WatchedSession | None:
        try:
            return self.connect_to(url)
        except (ValueError, ServiceError) as error:
            if failed is not None:
                failed(error if isinstance(error, ServiceError) else ServiceError(str(error)))
            return None

    # --- operations --------------------------------------------------------------------------
    def check_server(
        self, url: str, on_done: Done | None = None, on_error: Failed | None = None
    ) -> TaskState | None:
        """Is the server there and compatible? ``on_done(ServerCheck)``; OfflineError if not."""
        if self._connected(url, on_error) is None:
            return None
        transport = self.transport

        def work(_state: TaskState) -> ServerCheck:
            return check_server(url, transport=transport)

        return self._run(N_("서버 연결 확인"), work, Changes(connection=True), on_done, on_error)

    def sign_in(
        self,
        url: str,
        login: str,
        password: str,
        remember: bool,
        on_done: Done | None = None,
        on_error: Failed | None = None,
    ) -> TaskState | None:
        """Check the server's version, sign in, and keep the token when ``remember``."""
        session = self._connected(url, on_error)
        if session is None:
            return None
        transport = self.transport
        keeper = self.keeper

        def work(_state: TaskState) -> SignInResult:
            check = check_server(url, transport=transport)
            if not check.ok:
                raise IncompatibleServer(check)
            keeper.enabled, keeper.problem = remember, ""
            user = session.sign_in(login.strip(), password)
            if not remember:
                self.credential_store().forget(self.server_url, user.login)
            self._write_last(user.login, remember and not keeper.problem)
            return SignInResult(user, remember and not keeper.problem, keeper.problem)

        return self._run(
            N_("로그인"), work, Changes(session=True), self._announce(on_done), on_error
        )

    def resume(
        self, url: str, on_done: Done | None = None, on_error: Failed | None = None
    ) -> TaskState | None:
        """Sign in with the remembered refresh token; ``SessionRevoked`` when there is none."""
        session = self._connected(url, on_error)
        if session is None:
            return None
        login = self.last_login(url)
        keeper = self.keeper

        def work(_state: TaskState) -> SignInResult:
            store = self.credential_store()
            token = store.load(self.server_url, login) if login else None
            if not token:
                raise SessionRevoked(code="nothing_remembered")
            keeper.enabled = True
            try:
                user = session.resume(token)
            except SessionRevoked:
                keeper.enabled = False
                store.forget(self.server_url, login)
                raise
            return SignInResult(user, remembered=True)

        return self._run(
            N_("로그인 유지"), work, Changes(session=True), self._announce(on_done), on_error
        )

    def demo_sign_in(
        self, login: str, on_done: Done | None = None, on_error: Failed | None = None
    ) -> TaskState | None:
        """Become the demo user ``login`` (the demo server's ``POST /auth/demo``)."""
        session, transport = self.session, self.transport
        if session is None or transport is None:
            raise RuntimeError("connect_demo() first")

        def work(_state: TaskState) -> SignInResult:
            response = transport.request("POST", "/auth/demo", json={"login": login})
            return SignInResult(session.adopt(TokenResponse.model_validate(response.json())))

        return self._run(
            N_("데모 사용자로 로그인"),
            work,
            Changes(session=True),
            self._announce(on_done),
            on_error,
        )

    def connect_demo(self, url: str, headers: Mapping[str, str]) -> None:
        self.demo = True
        self.keeper.enabled = False  # nothing of the demo goes to the keyring
        self.connect_to(url, headers)

    def extend(
        self, on_done: Done | None = None, on_error: Failed | None = None
    ) -> TaskState | None:
        """Renew the session now (the session warning's "연장"); ``on_done(expires_at)``."""
        session = self.session
        if session is None:
            return None

        def work(_state: TaskState) -> object:
            try:
                return session.extend()
            except SessionRevoked as error:
                session.events.revoked.emit(error.message)
                raise

        return self._run(N_("세션 연장"), work, Changes(session=True), on_done, on_error)

    def change_password(
        self, current: str, new: str, on_done: Done | None = None, on_error: Failed | None = None
    ) -> TaskState | None:
        session = self.session
        if session is None:
            return None

        def work(_state: TaskState) -> SessionUser:
            return session.change_password(current, new)

        return self._run(N_("비밀번호 변경"), work, Changes(session=True), on_done, on_error)

    def sign_out(self, on_done: Done | None = None) -> TaskState | None:
        """End the session on the server and forget the remembered token."""
        session = self.session
        if session is None:
            return None
        login = session.login
        url = self.server_url
        demo = self.demo

        def work(_state: TaskState) -> None:
            session.sign_out()
            if login and not demo:
                self.credential_store().forget(url, login)

        def finished(result: object) -> None:
            self.signed_out.emit()
            if on_done is not None:
                on_done(result)

        return self._run(N_("로그아웃"), work, Changes(session=True), finished, None)

    def _announce(self, on_done: Done | None) -> Done:
        def done(result: SignInResult) -> None:
            self.signed_in.emit(result.user)
            if on_done is not None:
                on_done(result)

        return done

    # --- the last sign-in (nothing secret) -----------------------------------------------------
    @property
    def _last_file(self) -> Path:
        return self.config.paths.data_dir / last_sign_in.LAST_SIGN_IN_FILE

    def last_login(self, url: str) -> str:
        return last_sign_in.last_login(self._last_file, url)

    def last_remembered(self) -> bool:
        return last_sign_in.last_remembered(self._last_file)

    def _write_last(self, login: str, remember: bool) -> None:
        last_sign_in.write_last(self._last_file, self.server_url, login, remember)

    def keyring_problem(self) -> str:
        """The Korean reason no keyring can keep the token here, or "" when one can."""
        from app.services.auth.credentials import KeyringUnavailable

        try:
            self.credential_store().check()
        except KeyringUnavailable as error:
            return error.reason
        return ""
