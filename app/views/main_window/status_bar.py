"""The status bar: connection (온라인 / 오프라인 / 로컬 데모), who is signed in, save state and
the session's time left. Each part is a label whose text is complete on its own ("연결: 오프라인"),
so a screen reader's "read the status bar" command says everything; changes of connection are
also announced.
"""

from __future__ import annotations

import time

from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from app.a11y import announce
from app.i18n import tr
from app.operations.session import ConnectionState, SessionUser, role_label


def _connection_text(state: ConnectionState) -> str:
    if state is ConnectionState.DEMO:
        return tr("연결: 로컬 데모 (이 PC의 연습용 서버)")
    if state is ConnectionState.ONLINE:
        return tr("연결: 온라인")
    if state is ConnectionState.OFFLINE:
        return tr("연결: 오프라인 (작성 중인 내용은 이 PC에 저장됩니다)")
    return tr("연결: 확인 중")


def _part(identifier: str, parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(identifier)
    label.setAccessibleIdentifier(identifier)
    return label


class StatusBar(QStatusBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusBar")
        self.setAccessibleName(tr("상태 표시줄"))
        self.state = ConnectionState.CHECKING
        self.detail = ""
        self.connection = _part("statusConnection", self)
        self.user = _part("statusUser", self)
        self.save = _part("statusSave", self)
        self.session = _part("statusSession", self)
        self.addWidget(self.connection)
        self.addWidget(self.user, 1)
        self.addPermanentWidget(self.save)
        self.addPermanentWidget(self.session)
        self.set_connection(ConnectionState.CHECKING)
        self.set_user(None)
        self.save.setText(tr("저장: 변경 없음"))

    def set_connection(self, state: ConnectionState, detail: str = "") -> None:
        changed = state is not self.state
        self.state, self.detail = state, detail
        self.connection.setText(_connection_text(state))
        self.connection.setToolTip(detail)
        self.connection.setAccessibleDescription(detail)
        if changed and state is not ConnectionState.CHECKING:
            said = self.connection.text() + (f". {detail}" if detail else "")
            announce(self.connection, said, assertive=state is ConnectionState.OFFLINE)

    def set_user(self, user: SessionUser | None) -> None:
        if user is None:
            self.user.setText(tr("로그인하지 않음"))
            return
        roles = ", ".join(tr(role_label(role)) for role in user.roles)
        self.user.setText(
            tr("사용자: {name} ({roles})").format(name=user.display_name, roles=roles)
        )

    def set_saved(self) -> None:
        self.save.setText(
            tr("저장: 이 PC에 모두 저장됨 ({time})").format(time=time.strftime("%H:%M"))
        )

    def set_saving(self, count: int) -> None:
        self.save.setText(tr("저장: 작업 {count}건 진행 중").format(count=count))

    def set_session_left(self, seconds: float | None) -> None:
        if seconds is None:
            self.session.setText("")
            return
        if seconds <= 0:
            self.session.setText(tr("세션: 만료됨"))
            return
        minutes = max(1, round(seconds / 60))
        self.session.setText(tr("세션: {minutes}분 남음").format(minutes=minutes))
