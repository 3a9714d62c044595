"""What the menus open: sign-in, sign-out, password, settings, server check, shortcut list."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QMessageBox

from app.a11y import announce
from app.i18n import tr
from app.operations.session import ConnectionState, ServerCheck
from app.views.auth.messages import compatibility_text, error_text
from app.views.auth.password_dialog import PasswordDialog
from app.views.auth.sign_in_dialog import SignInDialog

if TYPE_CHECKING:
    from app.views.main_window.window import MainWindow


def show_error(window: MainWindow, error: BaseException) -> None:
    _field, message = error_text(error)
    window.status.showMessage(message, 15000)
    announce(window, message, assertive=True)


def sign_in(window: MainWindow) -> None:
    ops = window.ops
    session = ops.session
    dialog = SignInDialog(
        ops,
        server_url=ops.server_url or window.ctx.config.text("server_url"),
        login=(session.login or "") if session else ops.last_login(ops.server_url),
        remember=ops.last_remembered(),
        parent=window,
    )
    dialog.accepted.connect(lambda: window.set_connection(ConnectionState.ONLINE))
    dialog.open()


def sign_out(window: MainWindow) -> None:
    window.ops.sign_out(lambda _r: announce(window, tr("로그아웃했습니다.")))


def change_password(window: MainWindow, forced: bool = False) -> PasswordDialog:
    dialog = PasswordDialog(window.ops, demo=window.ops.demo, forced=forced, parent=window)
    dialog.open()
    return dialog


def settings(window: MainWindow) -> None:
    from app.views.settings.settings_dialog import SettingsDialog

    dialog = SettingsDialog(window.ctx.config, demo=window.ops.demo, parent=window)
    dialog.open()


def check_server(window: MainWindow) -> None:
    url = window.ops.server_url
    if not url:
        return

    def done(check: ServerCheck) -> None:
        text = compatibility_text(check)
        window.status.showMessage(text, 15000)
        announce(window, text, assertive=not check.ok)
        if check.ok:
            window.set_connection(
                ConnectionState.DEMO if window.ops.demo else ConnectionState.ONLINE
            )

    def failed(error: BaseException) -> None:
        _field, message = error_text(error)
        window.set_connection(ConnectionState.OFFLINE, message)

    window.ops.check_server(url, done, failed)


def shortcuts(window: MainWindow) -> QDialog:
    """F1: the menus and every shortcut of the window and its current page."""
    from app.a11y.help import HelpDialog

    dialog = HelpDialog(window)
    dialog.open()
    return dialog


def about(window: MainWindow) -> QMessageBox:
    box = QMessageBox(
        QMessageBox.Icon.Information,
        tr("호조 데스크 정보"),
        tr("호조 데스크: 지방자치단체 예산 업무를 위한 접근성 있는 데스크톱 프로그램."),
        QMessageBox.StandardButton.Close,
        window,
    )
    box.setObjectName("aboutBox")
    box.open()
    return box
