"""The small window shown while the client starts (the demo server, the server check).

Its title contains "데모" in demo mode, like every window shown then. When start-up fails it
shows the Korean reason and a button to close the program.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QProgressBar, QPushButton, QVBoxLayout

from app.a11y import announce, identify, name
from app.i18n import tr
from app.views.auth import window_title


class StartupWindow(QDialog):
    def __init__(self, *, demo: bool = False) -> None:
        super().__init__()
        self.setObjectName("startupWindow")
        self.setAccessibleIdentifier("startupWindow")
        self.setWindowTitle(window_title(tr("시작하는 중"), demo))
        self.message = QLabel(tr("호조 데스크를 시작하는 중입니다…"), self)
        identify(self.message, "startupMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.message.setAccessibleIdentifier("startupMessage")
        self.progress = QProgressBar(self)
        self.progress.setObjectName("startupProgress")
        self.progress.setRange(0, 0)
        self.progress.setAccessibleName(tr("시작 진행 상황"))
        self.close_button = QPushButton(tr("끝내기(&X)"), self)
        name(self.close_button, self.close_button.text(), None, "startupClose")
        self.close_button.clicked.connect(QApplication.quit)
        self.close_button.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.progress)
        layout.addWidget(self.close_button)
        self.resize(420, 140)

    def say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setAccessibleDescription(text)
        announce(self, text)

    def fail(self, message: str) -> None:
        self.progress.hide()
        self.say(tr("시작하지 못했습니다: {message}").format(message=message))
        self.close_button.show()
        self.close_button.setFocus()
