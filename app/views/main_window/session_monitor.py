"""Watches the session: time left in the status bar, the warning before it ends (with a
keyboard way to extend it), and the password asked again when the server revoked it — in a
dialog over the window, so no page closes and no draft is lost."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QMainWindow

from app.a11y import announce
from app.config import Config
from app.i18n import tr
from app.operations.session import SessionOps, SignInResult
from app.views.auth.session_warning import SessionWarningDialog
from app.views.auth.sign_in_dialog import SignInDialog
from app.views.main_window.status_bar import StatusBar

TICK_MS = 5000


class SessionMonitor(QObject):
    def __init__(
        self, window: QMainWindow, ops: SessionOps, status: StatusBar, config: Config
    ) -> None:
        super().__init__(window)
        self.window, self.ops, self.status, self.config = window, ops, status, config
        self.warning: SessionWarningDialog | None = None
        self.reauth: SignInDialog | None = None
        self._warned_for: datetime | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)
        self.timer.start()
        ops.events.revoked.connect(self.ask_password)

    def tick(self) -> None:
        session = self.ops.session
        if session is None or not session.is_signed_in:
            self.status.set_session_left(None)
            return
        left = session.seconds_left()
        self.status.set_session_left(left)
        threshold = self.config.number("session_warning_minutes") * 60
        expires = session.expires_at
        if 0 < left <= threshold and expires != self._warned_for:
            self._warned_for = expires
            self.show_warning(left)
        elif self.warning is not None and self.warning.isVisible():
            self.warning.set_remaining(left)

    def show_warning(self, seconds_left: float) -> None:
        if self.warning is None:
            self.warning = SessionWarningDialog(demo=self.ops.demo, parent=self.window)
            self.warning.extend_requested.connect(self.extend)
        self.warning.warn(seconds_left)

    def extend(self) -> None:
        self.ops.extend(self._extended, self._extend_failed)

    def _extended(self, _expires: object) -> None:
        if self.warning is not None:
            self.warning.hide()
        self.tick()
        left = self.ops.session.seconds_left() if self.ops.session else 0
        announce(
            self.window,
            tr("세션을 연장했습니다. {minutes}분 남았습니다.").format(minutes=round(left / 60)),
        )

    def _extend_failed(self, error: BaseException) -> None:
        announce(self.window, tr("세션을 연장하지 못했습니다."), assertive=True)
        self.status.showMessage(tr("세션을 연장하지 못했습니다."), 10000)

    def ask_password(self, message: str) -> None:
        """The session was revoked: ask again (the demo simply signs in again)."""
        if self.ops.demo:
            login = self.ops.session.login if self.ops.session else None
            if login:
                self.ops.demo_sign_in(login)
            return
        if self.reauth is not None and self.reauth.isVisible():
            return
        session = self.ops.session
        self.reauth = SignInDialog(
            self.ops,
            server_url=self.ops.server_url,
            login=(session.login or "") if session else "",
            reauth=True,
            message=tr(
                "로그인 세션이 끝났습니다. 작업 중인 내용은 그대로 있습니다. 비밀번호를 다시 "
                "입력하세요."
            ),
            parent=self.window,
        )
        self.reauth.accepted.connect(self._reauthenticated)
        self.reauth.open()
        announce(self.reauth, tr("로그인 세션이 끝났습니다. 비밀번호를 다시 입력하세요."), True)

    def _reauthenticated(self) -> None:
        info: SignInResult | None = self.reauth.result_info if self.reauth else None
        if info is not None:
            self.status.set_user(info.user)
        self._warned_for = None
        self.tick()
