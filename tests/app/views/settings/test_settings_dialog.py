"""The settings dialog shows each value and its source, locks what an administrator set and
writes only the user's own file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLineEdit, QSpinBox
from pytestqt.qtbot import QtBot

from app.a11y import assert_accessible
from app.config import Config
from app.views.settings.settings_dialog import SettingsDialog


def test_values_sources_and_user_layer_only(qtbot: QtBot, tmp_path: Path) -> None:
    system = tmp_path / "etc"
    system.mkdir()
    (system / "config.ini").write_text("[hojo]\nproxy = http://proxy.example.go.kr:8080\n")
    env = {
        "HOJO_DATA_DIR": str(tmp_path / "data"),
        "HOJO_SYSTEM_CONFIG_DIR": str(system),
        "HOJO_SERVER_URL": "https://hojo.example.go.kr",
    }
    config = Config.load(env)
    dialog = SettingsDialog(config)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "설정" in dialog.windowTitle()
    assert_accessible(dialog)

    server = dialog.editors["server_url"]
    assert isinstance(server, QLineEdit) and server.isReadOnly()
    assert server.text() == "https://hojo.example.go.kr"
    assert "환경 변수" in dialog.sources["server_url"].text()
    assert "바꿀 수 없습니다" in dialog.sources["server_url"].text()
    assert "환경 변수" in server.accessibleDescription()
    assert "컴퓨터 전체 설정" in dialog.sources["proxy"].text()
    assert str(system / "config.ini") in dialog.sources["proxy"].text()
    assert "기본값" in dialog.sources["session_warning_minutes"].text()
    assert server.accessibleName() == "서버 주소"

    spin = dialog.editors["session_warning_minutes"]
    assert isinstance(spin, QSpinBox) and spin.value() == 2
    spin.setValue(5)
    dialog.save()
    assert not dialog.isVisible()
    written = config.paths.user_settings_file.read_text()
    assert "session_warning_minutes = 5" in written
    assert "server_url" not in written and "proxy" not in written
    assert not list(system.glob("*.tmp")) and (system / "config.ini").read_text().count("\n") == 2

    again = SettingsDialog(Config.load(env))
    qtbot.addWidget(again)
    assert "사용자 설정" in again.sources["session_warning_minutes"].text()


def test_a_bad_value_is_tied_to_its_field(qtbot: QtBot, tmp_path: Path) -> None:
    config = Config.load({"HOJO_DATA_DIR": str(tmp_path), "HOJO_SYSTEM_CONFIG_DIR": str(tmp_path)})
    dialog = SettingsDialog(config, demo=True)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "데모" in dialog.windowTitle()
    field = dialog.editors["proxy"]
    assert isinstance(field, QLineEdit)
    field.setText("proxy.example:8080")
    dialog.save()
    assert dialog.isVisible()
    assert "http://" in dialog.errors["proxy"].text()
    assert "http://" in field.accessibleDescription()
    assert not config.paths.user_settings_file.exists()
