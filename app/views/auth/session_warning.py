"""The warning shown ``session_warning_minutes`` before the session ends, with a keyboard way
to extend it: the dialog opens with focus on "세션 연장" (Enter), and the main window's
파일 → 세션 연장 (Ctrl+Shift+E) does the same at any time.

It is not modal: the user may finish typing first. Its text is announced assertively once.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from app.a11y import announce, identify, name, set_tab_order
from app.i18n import tr
from app.views.auth import window_title


def remaining_text(seconds: float) -> str:
    minutes, rest = divmod(max(0, round(seconds)), 60)
    if minutes:
        return tr("{minutes}분 {seconds}초").format(minutes=minutes, seconds=rest)
    return tr("{seconds}초").format(seconds=rest)


class SessionWarningDialog(QDialog):
    extend_requested = Signal()

    def __init__(self, *, demo: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sessionWarningDialog")
        self.setAccessibleIdentifier("sessionWarningDialog")
        self.setWindowTitle(window_title(tr("세션 종료 예정"), demo))
        self.setModal(False)
        self.message = QLabel(self)
        identify(self.message, "sessionWarningMessage")
        self.message.setWordWrap(True)
        self.extend_button = QPushButton(tr("세션 연장(&E)"), self)
        self.extend_button.setDefault(True)
        self.close_button = QPushButton(tr("닫기"), self)
        name(
            self.extend_button,
            self.extend_button.text(),
            tr("로그인 세션을 지금 연장합니다."),
            "sessionWarningExtend",
        )
        name(self.close_button, self.close_button.text(), None, "sessionWarningClose")
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.extend_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.extend_button.clicked.connect(self._on_extend)
        self.close_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        set_tab_order([self.extend_button, self.close_button])

    def warn(self, seconds_left: float) -> None:
        """Show (or refresh) the warning and say it once."""
        self.set_remaining(seconds_left)
        first = not self.isVisible()
        self.show()
        self.raise_()
        self.activateWindow()
        self.extend_button.setFocus(Qt.FocusReason.ActiveWindowFocusReason)
        if first:
            announce(self.extend_button, self.message.text(), assertive=True)

    def set_remaining(self, seconds_left: float) -> None:
        self.message.setText(
            tr(
                "로그인 세션이 {remaining} 뒤에 끝납니다. 계속 작업하려면 세션을 연장하세요 "
                "(Enter 또는 Ctrl+Shift+E). 작성 중인 내용은 이 PC에 저장되어 있습니다."
            ).format(remaining=remaining_text(seconds_left))
        )
        self.extend_button.setAccessibleDescription(self.message.text())

    def _on_extend(self) -> None:
        self.extend_requested.emit()
        self.accept()
