"""The sign-in dialog: server address, ID, password and "로그인 정보 기억".

Also used to ask for the password again when the session was revoked (``reauth=True``): the
server and ID are then fixed, and the pages behind stay open with their drafts. Errors are tied
to the field that caused them (wrong password → the password field). When "remember me" is
ticked but no keyring works here, the dialog says so and keeps nothing.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.a11y import announce, buddy, identify, name, set_tab_order
from app.i18n import tr
from app.operations.session import SessionOps, SignInResult
from app.views.auth import window_title
from app.views.auth.fields import clear_error, error_label, show_error
from app.views.auth.messages import GENERAL, LOGIN, PASSWORD, SERVER, error_text


class SignInDialog(QDialog):
    def __init__(
        self,
        ops: SessionOps,
        *,
        server_url: str = "",
        login: str = "",
        remember: bool = False,
        reauth: bool = False,
        message: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ops = ops
        self.reauth = reauth
        self.result_info: SignInResult | None = None
        self.setObjectName("signInDialog")
        self.setWindowTitle(window_title(tr("다시 로그인") if reauth else tr("로그인")))
        self.setAccessibleIdentifier("signInDialog")

        self.intro = QLabel(message or tr("호조 데스크 서버에 로그인합니다."), self)
        self.intro.setWordWrap(True)
        self._intro_text = self.intro.text()
        identify(self.intro, "signInIntro")

        self.server = QLineEdit(server_url, self)
        self.login = QLineEdit(login, self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(tr("로그인 정보 기억(&R)"), self)
        self.remember.setChecked(remember)
        name(
            self.remember,
            self.remember.text(),
            tr("다음에 비밀번호 없이 로그인합니다. 갱신 토큰만 운영체제 키링에 보관합니다."),
            "signInRemember",
        )
        self.keyring_note = error_label("signInKeyringNote", self)

        server_label = QLabel(tr("서버 주소(&S):"), self)
        login_label = QLabel(tr("아이디(&I):"), self)
        password_label = QLabel(tr("비밀번호(&P):"), self)
        buddy(server_label, self.server, tr("예: https://hojo.example.go.kr"), "signInServer")
        buddy(login_label, self.login, None, "signInLogin")
        buddy(password_label, self.password, None, "signInPassword")
        self.errors = {
            SERVER: error_label("signInServerError", self),
            LOGIN: error_label("signInLoginError", self),
            PASSWORD: error_label("signInPasswordError", self),
            GENERAL: error_label("signInGeneralError", self),
        }
        self.fields: dict[str, QWidget] = {
            SERVER: self.server,
            LOGIN: self.login,
            PASSWORD: self.password,
        }
        if reauth:
            self.server.setReadOnly(True)
            self.login.setReadOnly(True)
            self.remember.hide()

        grid = QGridLayout()
        row = 0
        for label, field, key in (
            (server_label, self.server, SERVER),
            (login_label, self.login, LOGIN),
            (password_label, self.password, PASSWORD),
        ):
            grid.addWidget(label, row, 0)
            grid.addWidget(field, row, 1)
            grid.addWidget(self.errors[key], row + 1, 1)
            row += 2
        grid.addWidget(self.remember, row, 1)
        grid.addWidget(self.keyring_note, row + 1, 1)

        self.buttons = QDialogButtonBox(self)
        self.ok_button = QPushButton(tr("로그인(&L)"), self)
        self.ok_button.setDefault(True)
        self.cancel_button = QPushButton(tr("취소"), self)
        self.buttons.addButton(self.ok_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        name(self.ok_button, self.ok_button.text(), None, "signInOk")
        name(self.cancel_button, self.cancel_button.text(), None, "signInCancel")
        self.ok_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.reject)
        self.remember.toggled.connect(self._on_remember_toggled)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(grid)
        layout.addWidget(self.errors[GENERAL])
        layout.addWidget(self.buttons)
        set_tab_order(
            [
                self.server,
                self.login,
                self.password,
                self.remember,
                self.ok_button,
                self.cancel_button,
            ]
        )
        self._first_focus().setFocus(Qt.FocusReason.OtherFocusReason)

    def _first_focus(self) -> QWidget:
        if self.reauth or (self.server.text() and self.login.text()):
            return self.password
        return self.login if self.server.text() else self.server

    # --- remember me -------------------------------------------------------------------------
    def _on_remember_toggled(self, checked: bool) -> None:
        clear_error(self.remember, self.keyring_note)
        if not checked:
            return
        problem = self.ops.keyring_problem()
        if problem:
            self.remember.setChecked(False)
            show_error(self.remember, self.keyring_note, tr(problem), focus=False)

    # --- submit ------------------------------------------------------------------------------
    def _clear_errors(self) -> None:
        for key, label in self.errors.items():
            clear_error(self.fields.get(key, self.ok_button), label)

    def show_field_error(self, key: str, message: str) -> None:
        show_error(self.fields.get(key, self.ok_button), self.errors[key], message)

    def submit(self) -> None:
        self._clear_errors()
        server, login, password = (
            self.server.text().strip(),
            self.login.text().strip(),
            (self.password.text()),
        )
        if not server:
            self.show_field_error(SERVER, tr("서버 주소를 입력하세요."))
            return
        if not login:
            self.show_field_error(LOGIN, tr("아이디를 입력하세요."))
            return
        if not password:
            self.show_field_error(PASSWORD, tr("비밀번호를 입력하세요."))
            return
        self._set_busy(True)
        self.ops.sign_in(
            server, login, password, self.remember.isChecked(), self._on_done, self._on_error
        )

    def _set_busy(self, busy: bool) -> None:
        self.ok_button.setEnabled(not busy)
        self.intro.setText(tr("로그인하는 중입니다…") if busy else self._intro_text)
        if busy:
            announce(self, tr("로그인하는 중입니다…"))

    def _on_done(self, result: SignInResult) -> None:
        self._set_busy(False)
        self.result_info = result
        self.password.clear()
        if result.keyring_problem:
            show_error(self.remember, self.keyring_note, tr(result.keyring_problem), focus=False)
        announce(self, tr("{name}(으)로 로그인했습니다.").format(name=result.user.display_name))
        self.accept()

    def _on_error(self, error: BaseException) -> None:
        self._set_busy(False)
        key, message = error_text(error)
        if key == PASSWORD:
            self.password.clear()
        self.show_field_error(key, message)
