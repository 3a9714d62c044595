"""Issue 3 item 2 end to end, against a real server child process: a revoked session asks for
the password again without losing the open draft, and the warning before the session ends is
extended by keyboard. Time is a fake clock on the client's session (``SessionOps.clock``); the
server keeps real time."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import httpx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.a11y import assert_accessible
from app.a11y.announce import recording
from app.application import HojoApplication
from app.views.budget.budget_page import BudgetPage
from app.views.main_window.window import MainWindow
from tests.app.test_application import config_for, inline_app
from tests.app.test_application import started as started  # fixture
from tests.app.views.adjust.harness import DEMO_PASSWORD, DemoServer
from tests.app.views.adjust.harness import demo_server as demo_server  # fixture

LOGIN = "demo-dept-budget"
WAIT_MS = 10_000


class FakeClock:
    """The client's time: starts now, moves only when the test says so."""

    def __init__(self) -> None:
        self.now = time.time()

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has keyboard focus"
    return widget


def press(
    qtbot: QtBot,
    widget: QWidget,
    key: Qt.Key,
    modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    qtbot.keyClick(widget, key, modifier)  # type: ignore[no-untyped-call]


def type_into(qtbot: QtBot, widget: QWidget, text: str) -> None:
    qtbot.keyClicks(widget, text)  # type: ignore[no-untyped-call]


def accessible_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None
    return interface.text(QAccessible.Text.Name)


def signed_in_app(
    qtbot: QtBot,
    tmp_path: Path,
    server: DemoServer,
    started: list[HojoApplication],
    clock: FakeClock,
) -> tuple[HojoApplication, MainWindow]:
    """The client against ``server``, signed in as the demo 부서 예산담당 by keyboard."""
    hojo = inline_app(config_for(tmp_path, HOJO_SERVER_URL=server.url), started)
    hojo.ops.clock = clock
    hojo.start()
    dialog = hojo.sign_in_dialog
    assert dialog is not None and dialog.isVisible()
    type_into(qtbot, dialog.login, LOGIN)
    type_into(qtbot, dialog.password, DEMO_PASSWORD)
    press(qtbot, dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: hojo.window is not None and hojo.window.isVisible(), timeout=WAIT_MS)
    window = hojo.window
    assert window is not None and hojo.ops.user is not None and hojo.ops.user.login == LOGIN
    window.activateWindow()  # what a window manager does (offscreen: not by itself)
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT_MS)
    return hojo, window


def open_budget_line(qtbot: QtBot, window: MainWindow) -> BudgetPage:
    """The 예산편성 page with a line of the user's own 긴급복지 지원 open in the editor."""
    index = next(i for i, e in enumerate(window.navigation.entries) if e.page_class is BudgetPage)
    window.navigation.actions_by_index[index].trigger()
    page = window.current_page()
    assert isinstance(page, BudgetPage)
    qtbot.waitUntil(lambda: page.data is not None and page.data.user is not None, timeout=WAIT_MS)
    data = page.data
    assert data is not None and data.user is not None
    program = next(
        p for p in data.programs
        if p.name == "긴급복지 지원" and p.level == "세부"
        and p.department_id == data.user.department_id
    )  # fmt: skip
    page.programs.select(program.id)
    qtbot.waitUntil(
        lambda: page.editor.isEnabled() and page.editing.line is not None, timeout=WAIT_MS
    )
    return page


def test_revoked_session_asks_again_and_keeps_the_open_draft(
    qtbot: QtBot,
    tmp_path: Path,
    demo_server: DemoServer,
    started: list[HojoApplication],
    clock: FakeClock,
) -> None:
    hojo, window = signed_in_app(qtbot, tmp_path, demo_server, started, clock)
    page = open_budget_line(qtbot, window)
    ctx = hojo.ctx
    assert ctx is not None
    line = page.editing.line
    assert line is not None
    key = f"세출:{line.id}"

    # a draft being edited: a formula typed, in the local cache, not sent to the server
    formula = page.editor.formula_edit
    formula.setFocus()
    press(qtbot, formula, Qt.Key.Key_End)
    type_into(qtbot, formula, "*1")  # the amount (and so the 재원 split) stays as it was
    typed = formula.text()
    assert typed.endswith("*1")
    qtbot.waitUntil(lambda: page.editing.saver.idle, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: ctx.drafts.get(key) is not None, timeout=WAIT_MS)

    def cached_formulas() -> list[str]:
        draft = ctx.drafts.get(key)
        assert draft is not None

        def walk(items: list[Any]) -> list[str]:
            out: list[str] = []
            for item in items:
                if item.get("formula"):
                    out.append(item["formula"])
                out.extend(walk(item.get("children") or []))
            return out

        return walk(draft.payload.get("basis") or [])

    assert typed in cached_formulas()

    # the session's refresh token used once elsewhere: rotated away from under the client
    session = hojo.ops.session
    assert session is not None
    stolen = session.refresh_token
    assert stolen
    with httpx.Client(base_url=demo_server.url + "/api/v1", timeout=30) as other:
        rotated = other.post("/auth/refresh", json={"refresh_token": stolen})
        assert rotated.status_code == 200, rotated.text
        successor = rotated.json()["refresh_token"]

        # the access token expires (client time): the save refreshes with the used token,
        # the server sees it reused and revokes the whole family → SessionRevoked
        clock.advance(session.seconds_left() + 1)
        with recording() as said:
            press(qtbot, formula, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
            qtbot.waitUntil(
                lambda: window.monitor.reauth is not None and window.monitor.reauth.isVisible(),
                timeout=WAIT_MS,
            )
        family_gone = other.post("/auth/refresh", json={"refresh_token": successor})
        assert family_gone.status_code == 401  # the server revoked the family, not one token
    assert not session.is_signed_in
    assert any("로그인 세션이 끝났습니다" in a.text and a.assertive for a in said)

    dialog = window.monitor.reauth
    assert dialog is not None and dialog.reauth
    assert "다시 로그인" in dialog.windowTitle()
    assert "다시 로그인" in accessible_name(dialog)
    assert dialog.login.text() == LOGIN and dialog.login.isReadOnly()
    assert dialog.server.isReadOnly() and not dialog.remember.isVisible()
    assert "작업 중인 내용은 그대로 있습니다" in dialog.intro.text()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.password, timeout=WAIT_MS)
    assert_accessible(dialog)

    # nothing was lost while asking
    assert window.current_page() is page
    assert formula.text() == typed and typed in cached_formulas()

    # sign in again by keyboard
    type_into(qtbot, focused(), DEMO_PASSWORD)
    press(qtbot, focused(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    assert dialog.result_info is not None and dialog.result_info.user.login == LOGIN
    assert session.is_signed_in and hojo.ops.session is session
    assert session.seconds_left() > 60

    # the same page, the draft still in the editor and in the cache
    assert window.current_page() is page
    assert page.editing.line is not None and page.editing.line.id == line.id
    assert formula.text() == typed
    assert typed in cached_formulas()

    # …and saving to the server now works
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT_MS)
    formula.setFocus()
    with recording() as said:
        press(qtbot, formula, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: ctx.drafts.get(key) is None, timeout=WAIT_MS)
    assert any(a.text == "서버에 저장했습니다" for a in said)
    assert page.data is not None and page.data.version is not None
    stored = ctx.api.expenditure_lines(
        page.data.version.id, program_id=line.program_id, with_basis=True
    )
    saved = next(s for s in stored if s.id == line.id)

    def formulas(items: list[Any]) -> list[str]:
        out: list[str] = []
        for item in items:
            if item.formula:
                out.append(item.formula)
            out.extend(formulas(item.children))
        return out

    assert typed in formulas(saved.basis or [])
    assert_accessible(window)


def test_session_warning_from_its_timer_extends_by_enter_and_is_announced(
    qtbot: QtBot,
    tmp_path: Path,
    demo_server: DemoServer,
    started: list[HojoApplication],
    clock: FakeClock,
) -> None:
    hojo, window = signed_in_app(qtbot, tmp_path, demo_server, started, clock)
    session = hojo.ops.session
    assert session is not None
    monitor = window.monitor
    threshold = hojo.config.number("session_warning_minutes") * 60
    before = session.expires_at
    assert before is not None and session.seconds_left() > threshold

    # 90 s before the end (inside the warning, outside the silent-refresh margin)
    clock.advance(session.seconds_left() - 90)
    refreshes = session.refresh_count
    with recording() as said:
        monitor.timer.setInterval(20)  # the real timer fires, just sooner than every 5 s
        qtbot.waitUntil(
            lambda: monitor.warning is not None and monitor.warning.isVisible(), timeout=WAIT_MS
        )
        warning = monitor.warning
        assert warning is not None
        qtbot.waitUntil(
            lambda: QApplication.focusWidget() is warning.extend_button, timeout=WAIT_MS
        )
    assert "세션 종료 예정" in warning.windowTitle()
    assert "세션 연장" in accessible_name(warning.extend_button)
    assert "1분 30초" in warning.message.text()
    spoken = [a for a in said if a.text == warning.message.text()]
    assert len(spoken) == 1 and spoken[0].assertive
    assert_accessible(warning)

    with recording() as said:
        press(qtbot, focused(), Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: not warning.isVisible(), timeout=WAIT_MS)
        qtbot.waitUntil(lambda: any("세션을 연장했습니다" in a.text for a in said), timeout=WAIT_MS)
    after = session.expires_at
    assert after is not None and after > before
    assert session.refresh_count == refreshes + 1
    assert session.seconds_left() > threshold

    qtbot.wait(100)  # several more ticks: the warning does not come back after the extension
    assert not warning.isVisible()
    assert_accessible(window)
