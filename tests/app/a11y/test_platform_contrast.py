"""High contrast 자동/켬/끔: the decision from the setting and the platform's contrast preference,
old true/false values still read, the theme applied at start and again when the platform's
preference changes while the client runs.

Qt has no setter for ``QAccessibilityHints.contrastPreference`` (it is read-only, set by the
platform theme), so the preference enters through the one seam at the decision point:
``apply_config(app, config, preference)`` at start, and the value carried by Qt's real
``contrastPreferenceChanged`` signal (emitted here on Qt's own hints object) while running.
Nothing else is replaced: real ``Config`` files, the real application palette, real widgets.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from app.a11y.theme import (
    CONTRAST_AUTO,
    CONTRAST_OFF,
    CONTRAST_ON,
    HIGH_CONTRAST,
    NORMAL,
    apply_config,
    is_high_contrast,
    platform_contrast,
    stop_following,
    wants_high_contrast,
)
from app.config import POLICY_KEY, Config, RawValue

Preference = Qt.ContrastPreference
Role = QPalette.ColorRole


def load(tmp_path: Path, registry: dict[str, dict[str, RawValue]] | None = None) -> Config:
    env = {"HOJO_DATA_DIR": str(tmp_path / "data"), "HOJO_SYSTEM_CONFIG_DIR": str(tmp_path)}
    return Config.load(env, registry_reader=lambda key: (registry or {}).get(key, {}))


def window_colour(app: QApplication) -> str:
    return app.palette().color(Role.Window).name()


@pytest.mark.parametrize(
    ("setting", "preference", "high"),
    [
        (CONTRAST_AUTO, Preference.HighContrast, True),
        (CONTRAST_AUTO, Preference.NoPreference, False),
        (CONTRAST_ON, Preference.NoPreference, True),
        (CONTRAST_ON, Preference.HighContrast, True),
        (CONTRAST_OFF, Preference.HighContrast, False),
        (CONTRAST_OFF, Preference.NoPreference, False),
    ],
)
def test_decision_from_setting_and_preference(
    setting: str, preference: Qt.ContrastPreference, high: bool
) -> None:
    assert wants_high_contrast(setting, preference) is high


def test_default_is_auto_and_old_true_false_values_still_read(tmp_path: Path) -> None:
    assert load(tmp_path).text("high_contrast") == CONTRAST_AUTO
    user = tmp_path / "data"
    user.mkdir()
    for old, new in (("true", "on"), ("yes", "on"), ("false", "off"), ("0", "off")):
        (tmp_path / "config.ini").write_text(f"[hojo]\nhigh_contrast = {old}\n", encoding="utf-8")
        config = load(tmp_path)
        assert (config.text("high_contrast"), config.problems) == (new, []), old
    (tmp_path / "config.ini").unlink()
    for dword, new in ((1, "on"), (0, "off"), (2, "auto")):  # old policy 1/0, new ADMX 2 자동
        config = load(tmp_path, {POLICY_KEY: {"high_contrast": dword}})
        assert config.text("high_contrast") == new
        assert not config.user_can_change("high_contrast")
    bad = load(tmp_path, {POLICY_KEY: {"high_contrast": 7}})
    assert bad.text("high_contrast") == CONTRAST_AUTO
    assert any("auto, on, off" in problem for problem in bad.problems)


def test_auto_applies_high_contrast_when_the_platform_prefers_it(
    qtbot: QtBot, restore: QApplication, tmp_path: Path
) -> None:
    config = load(tmp_path)  # nothing set: 자동
    apply_config(restore, config, Preference.HighContrast)
    assert is_high_contrast(restore)
    assert window_colour(restore) == HIGH_CONTRAST.colours[Role.Window]
    label = QLabel("고대비 확인")
    qtbot.addWidget(label)
    label.setAutoFillBackground(True)
    label.show()
    qtbot.waitExposed(label)
    assert label.grab().toImage().pixelColor(1, 1) == QColor(HIGH_CONTRAST.colours[Role.Window])

    apply_config(restore, config, Preference.NoPreference)
    assert not is_high_contrast(restore)
    assert window_colour(restore) == NORMAL.colours[Role.Window]

    config.set_user("high_contrast", CONTRAST_OFF)  # 끔 wins over the platform
    apply_config(restore, config, Preference.HighContrast)
    assert window_colour(restore) == NORMAL.colours[Role.Window]
    config.set_user("high_contrast", CONTRAST_ON)  # 켬 without a platform preference
    apply_config(restore, config, Preference.NoPreference)
    assert window_colour(restore) == HIGH_CONTRAST.colours[Role.Window]


def test_start_reads_the_platform_preference_from_qt(restore: QApplication, tmp_path: Path) -> None:
    apply_config(restore, load(tmp_path))  # no preference given: Qt's own value decides
    assert is_high_contrast(restore) is (platform_contrast() == Preference.HighContrast)


def test_a_change_of_the_platform_preference_while_running(
    restore: QApplication, tmp_path: Path
) -> None:
    config = load(tmp_path)
    apply_config(restore, config, Preference.NoPreference)
    assert window_colour(restore) == NORMAL.colours[Role.Window]
    hints = QGuiApplication.styleHints()  # held: see theme._accessibility_hints
    signal = hints.accessibility().contrastPreferenceChanged

    signal.emit(Preference.HighContrast)  # e.g. Windows high contrast switched on
    assert is_high_contrast(restore)
    assert window_colour(restore) == HIGH_CONTRAST.colours[Role.Window]
    signal.emit(Preference.NoPreference)
    assert window_colour(restore) == NORMAL.colours[Role.Window]

    config.set_user("high_contrast", CONTRAST_OFF)
    signal.emit(Preference.HighContrast)  # 끔: the platform's change does not turn it on
    assert not is_high_contrast(restore)

    stop_following(restore)
    config.set_user("high_contrast", CONTRAST_AUTO)
    signal.emit(Preference.HighContrast)  # no longer followed
    assert window_colour(restore) == NORMAL.colours[Role.Window]
