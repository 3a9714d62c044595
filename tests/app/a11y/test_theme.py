"""Contrast computed from both palettes; the theme applied from the settings; a visible focus
frame in both themes (Fusion draws it in Highlight)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.a11y.theme import (
    NON_TEXT_PAIRS,
    TEXT_PAIRS,
    apply_config,
    apply_theme,
    contrast,
    low_contrast,
    palette,
    reapply_config,
    scaled_font,
)

Group = QPalette.ColorGroup


def test_contrast_formula() -> None:
    assert contrast(QColor("#000000"), QColor("#ffffff")) == pytest.approx(21.0)
    assert contrast(QColor("#ffffff"), QColor("#ffffff")) == pytest.approx(1.0)
    assert contrast(QColor("#767676"), QColor("#ffffff")) == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize("high_contrast", [False, True], ids=["normal", "high-contrast"])
def test_every_pair_meets_its_ratio(high_contrast: bool) -> None:
    pal = palette(high_contrast)
    assert low_contrast(pal) == []
    for group in (Group.Active, Group.Inactive):
        for fg, bg in TEXT_PAIRS:
            assert contrast(pal.color(group, fg), pal.color(group, bg)) >= 4.5, (fg, bg)
        for fg, bg in NON_TEXT_PAIRS:  # focus frame and selection against the backgrounds
            assert contrast(pal.color(group, fg), pal.color(group, bg)) >= 3.0, (fg, bg)
    for fg, bg in ((QPalette.ColorRole.WindowText, QPalette.ColorRole.Window),):
        assert contrast(pal.color(Group.Disabled, fg), pal.color(Group.Disabled, bg)) >= 4.5
    if high_contrast:  # far beyond the minimum: 7:1 (WCAG AAA) for all text
        assert all(contrast(pal.color(fg), pal.color(bg)) >= 7 for fg, bg in TEXT_PAIRS[:5])


def test_the_check_catches_a_bad_palette() -> None:
    bad = palette()
    bad.setColor(QPalette.ColorRole.Highlight, QColor("#9ec5e8"))  # pale selection
    bad.setColor(QPalette.ColorRole.PlaceholderText, QColor("#b0b0b0"))
    pairs = {(fg, bg) for fg, bg, _group, _ratio in low_contrast(bad)}
    assert ("HighlightedText", "Highlight") in pairs
    assert ("PlaceholderText", "Base") in pairs
    assert ("Highlight", "Window") in pairs  # the focus frame would be hard to see


def test_font_scale_is_clamped_and_applied_from_the_base(restore: QApplication) -> None:
    app = restore
    base = QFont(app.font()).pointSizeF()
    assert scaled_font(app.font(), 300).pointSizeF() == pytest.approx(base * 2)
    assert scaled_font(app.font(), 50).pointSizeF() == pytest.approx(base)

    class Settings:
        def __init__(self, high: bool, scale: int) -> None:
            self.values = {"high_contrast": "on" if high else "off", "font_scale": scale}

        def text(self, name: str) -> str:
            return str(self.values[name])

        def number(self, name: str) -> int:
            return int(self.values[name])

    assert not reapply_config(app, Settings(True, 150))  # not themed yet: nothing happens
    apply_config(app, Settings(False, 200))
    assert app.style().name().lower() == "fusion"
    assert app.font().pointSizeF() == pytest.approx(base * 2)
    assert app.palette().color(QPalette.ColorRole.Highlight) == palette().color(
        QPalette.ColorRole.Highlight
    )
    assert reapply_config(app, Settings(True, 150))  # the settings dialog saved new values
    assert app.font().pointSizeF() == pytest.approx(base * 1.5)  # from the base, not 200 %
    assert app.palette().color(QPalette.ColorRole.Window) == QColor("#000000")


@pytest.mark.parametrize("high_contrast", [False, True], ids=["normal", "high-contrast"])
def test_focus_frame_is_visible(qtbot: QtBot, restore: QApplication, high_contrast: bool) -> None:
    """Qt draws focus frames only after a keyboard focus change: use Tab (recipe)."""
    apply_theme(restore, high_contrast=high_contrast)
    root = QWidget()
    root.setWindowTitle("초점 표시")
    edit, button = QLineEdit(), QPushButton("저장")
    layout = QVBoxLayout(root)
    layout.addWidget(edit)
    layout.addWidget(button)
    qtbot.addWidget(root)
    root.show()
    qtbot.waitExposed(root)
    root.activateWindow()
    qtbot.waitUntil(root.isActiveWindow)
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    before = button.grab().toImage()
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    assert button.hasFocus()
    after = button.grab().toImage()
    changed = sum(
        before.pixel(x, y) != after.pixel(x, y)
        for x in range(button.width())
        for y in range(button.height())
    )
    assert changed > 50
