"""The settings dialog shows each value and its source, locks what an administrator set and
writes only the user's own file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QLineEdit, QSpinBox
from pytestqt.qtbot import QtBot

from app.a11y import assert_accessible
from app.a11y.theme import apply_config, is_high_contrast, stop_following
from app.config import POLICY_KEY, Config
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


def test_high_contrast_auto_on_off(qtbot: QtBot, tmp_path: Path, qapp: QApplication) -> None:
    """A combo box 자동/켬/끔 named by its buddy label; 켬 saved and applied at once."""
    config = Config.load({"HOJO_DATA_DIR": str(tmp_path), "HOJO_SYSTEM_CONFIG_DIR": str(tmp_path)})
    font, pal = QFont(qapp.font()), QPalette(qapp.palette())
    apply_config(qapp, config, Qt.ContrastPreference.NoPreference)  # as at start-up
    try:
        dialog = SettingsDialog(config)
        qtbot.addWidget(dialog)
        dialog.show()
        assert_accessible(dialog)
        combo = dialog.editors["high_contrast"]
        assert isinstance(combo, QComboBox)
        assert combo.accessibleName() == "고대비 화면"
        assert combo.accessibleIdentifier() == "setting_high_contrast"
        assert "운영체제의 고대비 설정" in combo.accessibleDescription()
        label = next(x for x in dialog.findChildren(QLabel) if x.buddy() is combo)
        assert label.text() == "고대비 화면(&H):"
        items = [(combo.itemText(i), combo.itemData(i)) for i in range(combo.count())]
        assert items == [("자동(운영체제 설정을 따름)", "auto"), ("켬", "on"), ("끔", "off")]
        assert combo.currentData() == "auto"

        combo.setCurrentIndex(combo.findData("on"))
        dialog.save()
        assert "high_contrast = on" in config.paths.user_settings_file.read_text()
        assert is_high_contrast(qapp)
        assert qapp.palette().color(QPalette.ColorRole.Window) == QColor("#000000")
    finally:
        stop_following(qapp)
        qapp.setProperty("hojo_base_font", None)
        qapp.setProperty("hojo_high_contrast", None)
        qapp.setFont(font)
        qapp.setPalette(pal)


def test_high_contrast_set_by_policy_is_shown_in_korean(qtbot: QtBot, tmp_path: Path) -> None:
    env = {"HOJO_DATA_DIR": str(tmp_path), "HOJO_SYSTEM_CONFIG_DIR": str(tmp_path)}
    config = Config.load(
        env, registry_reader=lambda key: {"high_contrast": 1} if key == POLICY_KEY else {}
    )
    dialog = SettingsDialog(config)
    qtbot.addWidget(dialog)
    locked = dialog.editors["high_contrast"]
    assert isinstance(locked, QLineEdit) and locked.isReadOnly()
    assert locked.text() == "켬"  # the old policy's DWORD 1
    assert "정책" in dialog.sources["high_contrast"].text()
