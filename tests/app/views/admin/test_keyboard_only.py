"""사용자 관리 by keyboard alone against a real demo server child: 새 사용자 입력 by Space
(focus on 아이디), 아이디, 이름 (Hangul through the IME), 부서 by the arrow keys, 비밀번호 and
a role by Space; 사용자 만들기 by Space, the user read back through the API and signed in with
the typed password; then back with Shift+Tab to change the roles and the 부서 and save, read
back again; 사용 중지 and 다시 사용. After each action the focus is where the user left it (the
table's rows are rebuilt after every change: that used to send it on to 새로 고침)."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from app.a11y import assert_accessible
from app.a11y.announce import recording
from app.services.api.session import Session
from app.services.api.transport import Transport
from app.views.admin.admin_page import AdminPage
from domain.roles import Role
from tests.app.keyboard import (
    SHIFT,
    Key,
    back_to,
    choose,
    focused,
    key,
    show_page,
    tab_to,
    type_text,
)
from tests.app.views.adjust.harness import DemoServer, MakeContext

pytestmark = pytest.mark.slow


def open_page(qtbot: QtBot, make_context: MakeContext, login: str) -> AdminPage:
    page = AdminPage(make_context(login))
    page.setWindowTitle(page.accessibleName())
    return show_page(qtbot, page)


def test_create_a_user_and_change_roles_by_keyboard_alone(
    qtbot: QtBot, make_context: MakeContext, demo_server: DemoServer
) -> None:
    page = open_page(qtbot, make_context, "demo-admin")
    api = page.ctx.api
    form = page.form
    assert page.model.rowCount() == len(api.users())
    assert_accessible(page)
    assert focused() is page.table  # the page's first control
    departments = {d.name: d.id for d in api.departments()}

    # 새 사용자 입력: the form empties and focus goes to 아이디
    tab_to(qtbot, "admin.new")
    with recording() as said:
        key(qtbot, Key.Key_Space)
    assert [a.text for a in said] == ["새 사용자를 입력하세요."]
    assert focused() is form.login and page.current_user() is None
    assert page.create_button.isEnabled()
    type_text(qtbot, "kbd-welfare")
    key(qtbot, Key.Key_Tab)
    assert focused() is form.display_name
    type_text(qtbot, "한키보드")
    key(qtbot, Key.Key_Tab)
    assert focused() is form.department
    choose(qtbot, "복지정책과")
    key(qtbot, Key.Key_Tab)
    assert focused() is form.password
    type_text(qtbot, "First-pass-2024")
    key(qtbot, Key.Key_Tab)
    assert focused() is form.role_checks[Role.DEPT_STAFF]
    key(qtbot, Key.Key_Space)
    assert form.roles() == [Role.DEPT_STAFF]
    assert_accessible(page)

    # 사용자 만들기 by Space: announced, on the server, selected in the table
    tab_to(qtbot, "admin.create")
    with recording() as said:
        key(qtbot, Key.Key_Space)
    assert [a.text for a in said] == ["사용자를 만들었습니다: kbd-welfare"]
    made = next(u for u in api.users() if u.login == "kbd-welfare")
    assert (made.display_name, made.roles, made.department_id, made.must_change_password) == (
        "한키보드", ["dept_staff"], departments["복지정책과"], True,
    )  # fmt: skip
    shown = page.current_user()
    assert shown is not None and shown.login == "kbd-welfare"
    # 만들기 is disabled now (the user exists): focus moves on to the next button, 저장
    assert not page.create_button.isEnabled() and focused() is page.save_button
    session = Session(Transport(demo_server.url, timeout=30))
    session.sign_in("kbd-welfare", "First-pass-2024")  # the typed password is the one set
    session.transport.close()

    # back with Shift+Tab: 부서 예산담당 instead of 사업담당, 부서 기획예산과; 저장 by Space
    back_to(qtbot, "admin.role.dept_budget")
    key(qtbot, Key.Key_Space)
    key(qtbot, Key.Key_Tab, SHIFT)
    assert focused() is form.role_checks[Role.DEPT_STAFF]
    key(qtbot, Key.Key_Space)
    assert form.roles() == [Role.DEPT_BUDGET]
    back_to(qtbot, "admin.department")
    choose(qtbot, "기획예산과")
    tab_to(qtbot, "admin.save")
    with recording() as said:
        key(qtbot, Key.Key_Space)
    assert [a.text for a in said] == ["저장했습니다: kbd-welfare"]
    assert page.message.text() == "저장했습니다: kbd-welfare"
    changed = api.user(made.id)
    assert (changed.roles, changed.department_id) == (["dept_budget"], departments["기획예산과"])
    assert focused() is page.save_button
    row = page.model.index(page.table.currentIndex().row(), 2)
    assert page.model.data(row) == "부서 예산담당"  # the table row says the new role

    # 사용 중지 and 다시 사용 by Space: the focus stays on the button, whose name follows
    tab_to(qtbot, "admin.disable")
    with recording() as said:
        key(qtbot, Key.Key_Space)
    assert [a.text for a in said] == ["사용을 중지했습니다: kbd-welfare"]
    assert api.user(made.id).is_disabled
    assert focused() is page.disable_button and page.disable_button.accessibleName() == "다시 사용"
    key(qtbot, Key.Key_Space)
    assert not api.user(made.id).is_disabled
    assert focused() is page.disable_button and page.disable_button.accessibleName() == "사용 중지"
    assert_accessible(page)
