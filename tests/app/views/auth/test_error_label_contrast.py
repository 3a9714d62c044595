"""The field error text is readable in both themes: drawn in a colour ≥ 4.5:1 on the window.

Rendered offscreen and read back from the pixels, so a fixed colour (a style sheet) that the
theme does not know fails here: #b00020 was 2.87:1 on the high-contrast black window.
"""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from app.a11y.theme import apply_theme, contrast
from app.views.auth.fields import error_label, show_error


@pytest.mark.parametrize("high_contrast", [False, True], ids=["normal", "high-contrast"])
def test_error_text_contrast_in_both_themes(
    qtbot: QtBot, restore: QApplication, high_contrast: bool
) -> None:
    apply_theme(restore, high_contrast=high_contrast)
    root = QWidget()
    root.setWindowTitle("오류 표시")
    field = QLineEdit()
    label = error_label("fieldError", root)
    layout = QVBoxLayout(root)
    layout.addWidget(field)
    layout.addWidget(label)
    qtbot.addWidget(root)
    root.show()
    qtbot.waitExposed(root)
    show_error(field, label, "비밀번호를 입력하세요", focus=False)
    qtbot.waitUntil(label.isVisible)

    image = label.grab().toImage()
    window = label.palette().color(QPalette.ColorRole.Window)
    pixels = Counter(
        image.pixelColor(x, y).rgb() for x in range(image.width()) for y in range(image.height())
    )
    background = QColor.fromRgb(pixels.most_common(1)[0][0])
    assert contrast(background, window) == pytest.approx(1.0)  # the label paints on the window
    # The text's own colour: the pixel farthest in contrast from the background.
    text = max((QColor.fromRgb(rgb) for rgb in pixels), key=lambda c: contrast(c, background))
    assert contrast(text, background) >= 4.5, (text.name(), background.name())
    assert label.font().bold()


def test_no_colour_is_set_outside_the_theme() -> None:
    """Colours come from the palette (checked for contrast), never a style sheet or a literal."""
    from pathlib import Path

    import app

    root = Path(app.__file__).parent
    offenders = [
        f"{path.relative_to(root)}:{number}"
        for path in sorted(root.rglob("*.py"))
        if path != root / "a11y" / "theme.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if "setStyleSheet(" in line or 'QColor("#' in line
    ]
    assert offenders == []
