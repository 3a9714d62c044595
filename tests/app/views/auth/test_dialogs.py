"""Sign-in (no keyring), session warning and password dialogs: fields, errors tied to fields,
keyboard paths, announcements and the accessibility audit."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from keyring.backends import fail
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.a11y import assert_accessible
from app.a11y.announce import recording
from app.config import Config
from app.operations import ChangeHub, OperationRunner
from app.operations.session import SessionOps
from app.services.auth.credentials import CredentialStore
from app.tasks import TaskManager
from app.views.auth.password_dialog import PasswordDialog
from app.views.auth.session_warning import SessionWarningDialog
from app.views.auth.sign_in_dialog import SignInDialog
from tests.app.services.harness import closed_port


@pytest.fixture
def ops(tmp_path: Path, qapp: object) -> Iterator[SessionOps]:
    config = Config.load({"HOJO_DATA_DIR": str(tmp_path), "HOJO_SYSTEM_CONFIG_DIR": str(tmp_path)})
    store = CredentialStore(fail.Keyring())
    session_ops = SessionOps(
        config, OperationRunner(TaskManager(inline=True), ChangeHub()), credentials=lambda: store
    )
    yield session_ops
    session_ops.close()


def test_sign_in_fields_errors_and_no_keyring(qtbot: QtBot, ops: SessionOps) -> None:
    dialog = SignInDialog(ops)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "로그인" in dialog.windowTitle() and "데모" not in dialog.windowTitle()
    assert_accessible(dialog)
    assert dialog.server.accessibleName() == "서버 주소"
    assert dialog.remember.accessibleName() == "로그인 정보 기억"
    assert dialog.server.accessibleIdentifier() == "signInServer"

    qtbot.keyClick(dialog.server, Qt.Key.Key_Return)  # empty server → error on that field
    assert "서버 주소를 입력하세요" in dialog.errors["server"].text()
    assert dialog.focusWidget() is dialog.server

    with recording() as said:
        dialog.remember.setChecked(True)  # no keyring here: say so, keep nothing
    assert not dialog.remember.isChecked()
    assert dialog.keyring_note.isVisible() and "키링" in dialog.keyring_note.text()
    assert any("키링" in s.text for s in said)

    url = f"http://127.0.0.1:{closed_port()}"
    qtbot.keyClicks(dialog.server, url)
    qtbot.keyClicks(dialog.login, "kim")
    qtbot.keyClicks(dialog.password, "Strong-pass-123")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert "서버에 연결할 수 없습니다" in dialog.errors["server"].text()
    assert "서버에 연결할 수 없습니다" in dialog.server.accessibleDescription()
    assert dialog.isVisible()
    assert_accessible(dialog)


def test_reauth_keeps_server_and_id_fixed(qtbot: QtBot, ops: SessionOps) -> None:
    dialog = SignInDialog(
        ops,
        server_url="http://127.0.0.1:1",
        login="kim",
        reauth=True,
        message="로그인 세션이 끝났습니다.",
    )
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.server.isReadOnly() and dialog.login.isReadOnly()
    assert not dialog.remember.isVisible()
    assert dialog.focusWidget() is dialog.password
    assert "다시 로그인" in dialog.windowTitle()
    assert_accessible(dialog)


def test_session_warning_extends_by_keyboard(qtbot: QtBot) -> None:
    dialog = SessionWarningDialog(demo=True)
    qtbot.addWidget(dialog)
    with recording() as said:
        dialog.warn(95)
    assert "데모" in dialog.windowTitle()
    assert "1분 35초" in dialog.message.text()
    assert said and said[0].assertive and "1분 35초" in said[0].text
    assert dialog.focusWidget() is dialog.extend_button
    assert_accessible(dialog)
    with qtbot.waitSignal(dialog.extend_requested, timeout=1000):
        qtbot.keyClick(dialog.extend_button, Qt.Key.Key_Return)
    assert not dialog.isVisible()


def test_password_dialog_checks_before_sending(qtbot: QtBot, ops: SessionOps) -> None:
    dialog = PasswordDialog(ops)
    qtbot.addWidget(dialog)
    dialog.show()
    assert_accessible(dialog)
    qtbot.keyClicks(dialog.current, "Old-pass-1234")
    qtbot.keyClicks(dialog.new, "New-pass-12345")
    qtbot.keyClicks(dialog.confirm, "New-pass-99999")
    qtbot.keyClick(dialog.confirm, Qt.Key.Key_Return)
    assert "서로 다릅니다" in dialog.errors[dialog.confirm].text()
    assert "서로 다릅니다" in dialog.confirm.accessibleDescription()
    dialog.new.setText("short")
    dialog.confirm.setText("short")
    dialog.submit()
    assert "10자 이상" in dialog.errors[dialog.new].text()
    assert not dialog.errors[dialog.confirm].isVisible()
