"""Demo mode only: a tool bar with "데모 역할" — one entry per demo user, by Korean role label.
Choosing one signs in as that user (``SessionOps.demo_sign_in``); the pages stay open."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QLabel, QToolBar, QWidget

from app.a11y import buddy
from app.i18n import tr
from app.operations.role_names import DEMO_ROLES, demo_login, role_label


class RoleSwitcher(QToolBar):
    role_chosen = Signal(str)  # the demo login

    def __init__(self, current_login: str, parent: QWidget | None = None) -> None:
        super().__init__(tr("데모 역할"), parent)
        self.setObjectName("roleSwitcherBar")
        self.setMovable(False)
        label = QLabel(tr("데모 역할(&R):"), self)
        self.combo = QComboBox(self)
        for role in DEMO_ROLES:
            self.combo.addItem(tr(role_label(role)), demo_login(role))
        buddy(
            label,
            self.combo,
            tr("연습용 데모에서 다른 역할의 사용자로 바꿔 로그인합니다."),
            "demoRoleSwitcher",
        )
        self.set_current(current_login)
        self.combo.activated.connect(self._on_activated)
        self.addWidget(label)
        self.addWidget(self.combo)

    def set_current(self, login: str) -> None:
        index = self.combo.findData(login)
        if index >= 0:
            self.combo.blockSignals(True)
            self.combo.setCurrentIndex(index)
            self.combo.blockSignals(False)

    def current_login(self) -> str:
        return str(self.combo.currentData())

    def choose(self, login: str) -> None:
        """Select ``login`` and switch to it (what a keyboard user does with arrows + Enter)."""
        self.set_current(login)
        self.role_chosen.emit(login)

    def _on_activated(self, index: int) -> None:
        self.role_chosen.emit(str(self.combo.itemData(index)))
