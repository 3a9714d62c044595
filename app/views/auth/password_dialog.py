"""Change one's own password (every user; the administration page resets others')."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.a11y import announce, buddy, name, set_tab_order
from app.i18n import tr
from app.operations.session import ApiError, SessionOps
from app.views.auth import window_title
from app.views.auth.fields import clear_error, error_label, show_error
from app.views.auth.messages import error_text

MIN_LENGTH = 10


class PasswordDialog(QDialog):
    def __init__(
        self,
        ops: SessionOps,
        *,
        demo: bool = False,
        forced: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ops = ops
        self.setObjectName("passwordDialog")
        self.setAccessibleIdentifier("passwordDialog")
        self.setWindowTitle(window_title(tr("비밀번호 변경"), demo))
        intro = QLabel(
            tr("처음 로그인했거나 관리자가 비밀번호를 초기화했습니다. 새 비밀번호를 정하세요.")
            if forced
            else tr("새 비밀번호는 {length}자 이상이어야 합니다.").format(length=MIN_LENGTH),
            self,
        )
        intro.setWordWrap(True)
        self.current = QLineEdit(self)
        self.new = QLineEdit(self)
        self.confirm = QLineEdit(self)
        for field in (self.current, self.new, self.confirm):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        self.errors: dict[QLineEdit, QLabel] = {}
        for field, text, ident in (
            (self.current, tr("현재 비밀번호(&C):"), "passwordCurrent"),
            (self.new, tr("새 비밀번호(&N):"), "passwordNew"),
            (self.confirm, tr("새 비밀번호 확인(&F):"), "passwordConfirm"),
        ):
            label = QLabel(text, self)
            buddy(label, field, None, ident)
            form.addRow(label, field)
            self.errors[field] = error_label(ident + "Error", self)
            form.addRow(self.errors[field])
        self.ok_button = QPushButton(tr("변경(&O)"), self)
        self.ok_button.setDefault(True)
        self.cancel_button = QPushButton(tr("취소"), self)
        name(self.ok_button, self.ok_button.text(), None, "passwordOk")
        name(self.cancel_button, self.cancel_button.text(), None, "passwordCancel")
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.ok_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.ok_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        set_tab_order([self.current, self.new, self.confirm, self.ok_button, self.cancel_button])
        self.current.setFocus()

    def submit(self) -> None:
        for field, label in self.errors.items():
            clear_error(field, label)
        if not self.current.text():
            show_error(self.current, self.errors[self.current], tr("현재 비밀번호를 입력하세요."))
            return
        if len(self.new.text()) < MIN_LENGTH:
            show_error(
                self.new,
                self.errors[self.new],
                tr("새 비밀번호는 {length}자 이상이어야 합니다.").format(length=MIN_LENGTH),
            )
            return
        if self.new.text() != self.confirm.text():
            show_error(self.confirm, self.errors[self.confirm], tr("새 비밀번호가 서로 다릅니다."))
            return
        self.ok_button.setEnabled(False)
        self.ops.change_password(
            self.current.text(), self.new.text(), self._on_done, self._on_error
        )

    def _on_done(self, _user: object) -> None:
        self.ok_button.setEnabled(True)
        announce(self, tr("비밀번호를 바꿨습니다."))
        self.accept()

    def _on_error(self, error: BaseException) -> None:
        self.ok_button.setEnabled(True)
        field = self.new
        if isinstance(error, ApiError):
            fields = error.field_messages()
            if "current_password" in fields or error.code == "invalid_current_password":
                field = self.current
        _key, message = error_text(error)
        show_error(field, self.errors[field], message)
