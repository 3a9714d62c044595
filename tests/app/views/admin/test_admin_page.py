"""사용자 관리 against a real demo server child: create a user, give roles, reset the password
(the user must change it: the server answers 403 ``password_change_required``), disable and
enable; a user without the admin role cannot use the page."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from app.a11y import assert_accessible
from app.a11y.announce import recording
from app.services.api.errors import ApiError, Forbidden
from app.services.api.session import Session
from app.services.api.transport import Transport
from app.views.admin.admin_page import AdminPage
from tests.app.views.adjust.harness import DemoServer, MakeContext

pytestmark = pytest.mark.slow


def press(widget: QAbstractButton) -> None:
    assert widget.isEnabled(), widget.accessibleName()
    widget.setFocus()
    QTest.keyClick(widget, Qt.Key.Key_Space)


def type_text(field: QLineEdit, text: str) -> None:
    field.setFocus()
    field.selectAll()
    QTest.keyClick(field, Qt.Key.Key_Delete)
    if text.isascii():
        QTest.keyClicks(field, text)
        return
    event = QInputMethodEvent()  # Hangul as a Korean IME commits it
    event.setCommitString(text)
    QApplication.sendEvent(field, event)


def open_page(qtbot: QtBot, make_context: MakeContext, login: str) -> AdminPage:
    page = AdminPage(make_context(login))
    page.setWindowTitle(page.accessibleName())
    qtbot.addWidget(page)
    page.show()
    page.activate()
    return page


def sign_in(server: DemoServer, login: str, password: str) -> Session:
    session = Session(Transport(server.url, timeout=30))
    session.sign_in(login, password)
    return session


def test_create_roles_reset_disable(
    qtbot: QtBot, make_context: MakeContext, demo_server: DemoServer
) -> None:
    page = open_page(qtbot, make_context, "demo-admin")
    api = page.ctx.api
    assert page.model.rowCount() == len(api.users())
    assert_accessible(page)
    form = page.form

    # -- create ----------------------------------------------------------------------------
    press(page.new_button)
    type_text(form.login, "kim-welfare")
    type_text(form.display_name, "김복지")
    form.department.setCurrentIndex(form.department.findText("복지정책과"))
    press(form.role_checks[next(r for r in form.role_checks if r.value == "dept_staff")])
    type_text(form.password, "First-pass-2024")
    with recording() as said:
        press(page.create_button)
    assert any("kim-welfare" in a.text for a in said)
    made = next(u for u in api.users() if u.login == "kim-welfare")
    assert (made.display_name, made.roles, made.must_change_password) == (
        "김복지",
        ["dept_staff"],
        True,
    )
    shown = page.current_user()
    assert shown is not None and shown.login == "kim-welfare"

    # -- roles -----------------------------------------------------------------------------
    budget = next(r for r in form.role_checks if r.value == "dept_budget")
    press(form.role_checks[budget])
    press(page.save_button)
    assert sorted(api.user(made.id).roles) == ["dept_budget", "dept_staff"]

    # -- reset: empty password refused at the field, then a temporary one -------------------
    form.password.clear()
    press(page.reset_button)
    assert "임시 비밀번호" in form.password.accessibleDescription()
    type_text(form.password, "Temp-pass-2025")
    press(page.reset_button)
    assert api.user(made.id).must_change_password
    session = sign_in(demo_server, "kim-welfare", "Temp-pass-2025")
    with pytest.raises(Forbidden) as refused:
        session.request("GET", "/budget-versions")
    assert refused.value.code == "password_change_required"
    session.transport.close()

    # -- a weak password is refused and tied to the field ----------------------------------
    type_text(form.password, "short")
    with recording() as said:
        press(page.reset_button)
    assert any(a.assertive for a in said)
    assert form.password.accessibleDescription()

    # -- disable, then enable ----------------------------------------------------------------
    assert page.disable_button.text() == "사용 중지"
    press(page.disable_button)
    assert api.user(made.id).is_disabled
    with pytest.raises(ApiError):
        sign_in(demo_server, "kim-welfare", "Temp-pass-2025")
    assert page.disable_button.text() == "다시 사용"
    press(page.disable_button)
    assert not api.user(made.id).is_disabled
    assert_accessible(page)


def test_only_admin_may_use_the_page(qtbot: QtBot, make_context: MakeContext) -> None:
    page = open_page(qtbot, make_context, "demo-budget-office")
    assert page.REQUIRED_ACTION == "manage_users"
    assert not page.isEnabled()
    assert page.model.rowCount() == 0
    assert "관리자만" in page.message.text()
    with pytest.raises(Forbidden):
        page.ctx.api.users()
