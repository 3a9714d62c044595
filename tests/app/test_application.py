"""The composition root end to end: a real server child, the real demo server child, offline."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.a11y import assert_accessible
from app.application import HojoApplication
from app.config import Config
from app.operations.session import ConnectionState
from app.services.auth.credentials import CredentialStore
from app.services.cache.records import Draft, DraftKind
from app.tasks import TaskManager
from tests.app.operations.server_process import ServerProcess, fake_health, hojo_server
from tests.app.services.harness import closed_port
from tests.app.services.test_credentials import MemoryKeyring


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    with hojo_server(tmp_path_factory.mktemp("hojo-server")) as running:
        yield running


def config_for(tmp_path: Path, **env: str) -> Config:
    base = {"HOJO_DATA_DIR": str(tmp_path / "data"), "HOJO_SYSTEM_CONFIG_DIR": str(tmp_path)}
    return Config.load({**base, **env})


@pytest.fixture
def started(qapp: object) -> Iterator[list[HojoApplication]]:
    apps: list[HojoApplication] = []
    yield apps
    for hojo in apps:
        if hojo.window is not None:
            hojo.window.close()
        if hojo.sign_in_dialog is not None:
            hojo.sign_in_dialog.close()
        hojo.shutdown()


def inline_app(config: Config, started: list[HojoApplication]) -> HojoApplication:
    store = CredentialStore(MemoryKeyring())
    hojo = HojoApplication(config, tasks=TaskManager(inline=True), credentials=lambda: store)
    started.append(hojo)
    return hojo


def test_sign_in_by_keyboard_against_a_real_server(
    qtbot: QtBot, tmp_path: Path, server: ServerProcess, started: list[HojoApplication]
) -> None:
    hojo = inline_app(config_for(tmp_path, HOJO_SERVER_URL=server.url), started)
    hojo.start()
    dialog = hojo.sign_in_dialog
    assert dialog is not None and dialog.isVisible() and hojo.window is None
    assert "데모" not in dialog.windowTitle()
    assert dialog.server.text() == server.url
    assert_accessible(dialog)

    qtbot.keyClicks(dialog.login, server.login)
    qtbot.keyClicks(dialog.password, "wrong-password-1")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    error = dialog.errors["password"]
    assert error.isVisible() and "아이디 또는 비밀번호가 올바르지 않습니다" in error.text()
    assert "올바르지 않습니다" in dialog.password.accessibleDescription()
    assert dialog.isVisible() and dialog.password.text() == ""

    qtbot.keyClicks(dialog.password, server.password)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    window = hojo.window
    assert window is not None and window.isVisible() and not dialog.isVisible()
    user = hojo.ops.user
    assert user is not None and user.login == server.login
    assert user.display_name in window.status.user.text()
    assert "부서 예산담당" in window.status.user.text()
    assert window.status.state is ConnectionState.ONLINE
    assert "데모" not in window.windowTitle() and user.display_name in window.windowTitle()
    assert_accessible(window)


def test_too_old_and_too_new_servers_are_explained(
    tmp_path: Path, started: list[HojoApplication]
) -> None:
    for version, words in (("0.9", "서버가 너무 오래된"), ("2.0", "이 프로그램이 서버보다 오래된")):
        with fake_health(version) as url:
            hojo = inline_app(config_for(tmp_path / version, HOJO_SERVER_URL=url), started)
            hojo.start()
            dialog = hojo.sign_in_dialog
            assert dialog is not None and hojo.window is None
            label = dialog.errors["server"]
            assert words in label.text() and version in label.text()
            assert words in dialog.server.accessibleDescription()


def test_unreachable_configured_server_means_offline_not_demo(
    tmp_path: Path, started: list[HojoApplication]
) -> None:
    url = f"http://127.0.0.1:{closed_port()}"
    hojo = inline_app(config_for(tmp_path, HOJO_SERVER_URL=url), started)
    hojo.start()
    window = hojo.window
    assert window is not None and window.isVisible()
    assert hojo.demo_server is None and not hojo.ops.demo
    assert window.status.state is ConnectionState.OFFLINE
    assert "오프라인" in window.status.connection.text()
    assert "데모" not in window.windowTitle() and "데모" not in window.status.connection.text()
    assert hojo.ctx is not None and hojo.ctx.offline
    draft = Draft(DraftKind("세출"), uuid.uuid4(), {"basis": []}, is_new=True)
    hojo.ctx.drafts.save(draft)  # drafts stay editable offline, on the local cache
    assert [d.key for d in hojo.ctx.drafts.load_all()] == [draft.key]
    assert_accessible(window)


@pytest.mark.slow
def test_demo_mode_signed_in_with_role_switcher_and_child_stopped(
    qtbot: QtBot, tmp_path: Path, started: list[HojoApplication]
) -> None:
    hojo = HojoApplication(config_for(tmp_path))
    started.append(hojo)
    hojo.start()
    assert hojo.startup is not None and "데모" in hojo.startup.windowTitle()
    assert_accessible(hojo.startup)
    qtbot.waitUntil(lambda: hojo.window is not None and hojo.window.isVisible(), timeout=90_000)
    window = hojo.window
    assert window is not None
    assert "데모" in window.windowTitle()
    assert "로컬 데모" in window.status.connection.text()
    assert hojo.ops.user is not None and hojo.ops.user.login == "demo-dept-budget"
    assert (tmp_path / "data" / "demo" / "demo.sqlite3").is_file()  # HOJO_DATA_DIR moves it
    switcher = window.role_switcher
    assert switcher is not None and switcher.combo.count() == 7
    assert switcher.combo.currentText() == "부서 예산담당"
    assert_accessible(window)
    navigation = window.navigation
    titles = [e.title for e in navigation.entries]
    assert "조정·의결" in titles and not any(t == "의결" or "다음 단계" in t for t in titles)
    admin = titles.index("사용자 관리")
    assert not navigation.shown(admin)  # 사용자 관리: not for 부서 예산담당
    assert not navigation.actions_by_index[admin].isEnabled()

    switcher.choose("demo-admin")  # the role switch re-evaluates the navigation
    qtbot.waitUntil(
        lambda: hojo.ops.user is not None and hojo.ops.user.login == "demo-admin",
        timeout=30_000,
    )
    # The navigation follows the queued signed_in signal, a turn after ops.user changes.
    qtbot.waitUntil(lambda: navigation.shown(admin), timeout=5_000)
    navigation.actions_by_index[admin].trigger()
    assert window.current_page() is window.pages[admin]

    switcher.choose("demo-budget-office")
    qtbot.waitUntil(
        lambda: hojo.ops.user is not None and hojo.ops.user.login == "demo-budget-office",
        timeout=30_000,
    )
    qtbot.waitUntil(lambda: not navigation.shown(admin), timeout=5_000)
    assert window.current_page() is not window.pages[admin]  # left the page it may not use
    assert "예산부서" in window.status.user.text()
    assert "데모" in window.windowTitle()

    assert hojo.demo_server is not None
    pid = hojo.demo_server.pid
    assert pid is not None
    window.close()
    hojo.shutdown()
    assert hojo.demo_server is None
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
