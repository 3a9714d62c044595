"""Visual heuristics shared by the a11y tests: labels clipped at a font scale (WCAG 1.4.4)."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from app.a11y.theme import scaled_font


def set_scale(root: QWidget, percent: int) -> None:
    """Give ``root`` the application font at ``percent`` % and let it grow to fit."""
    root.setFont(scaled_font(QFont(QApplication.font()), percent))
    layout = root.layout()
    if layout is not None:
        layout.activate()
    root.resize(root.size().expandedTo(root.minimumSizeHint()))
    QApplication.processEvents()


def clipped(root: QWidget) -> list[str]:
    """Texts of visible labels and buttons narrower (or, wrapped, shorter) than their text."""
    found: list[str] = []
    for label in root.findChildren(QLabel):
        text = label.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
        if not text.strip() or not label.isVisibleTo(root) or "<" in text:
            continue  # (rich text is measured by its document, not here)
        rect = label.contentsRect()
        if label.wordWrap():
            needed = label.heightForWidth(label.width())
            if needed > label.height() + 1:
                found.append(f"{label.objectName() or type(label).__name__}: {text!r} (height)")
        else:
            widest = max(label.fontMetrics().horizontalAdvance(line) for line in text.split("\n"))
            if widest > rect.width() + 1:
                found.append(f"{label.objectName() or type(label).__name__}: {text!r}")
    for button in root.findChildren(QAbstractButton):
        if not button.isVisibleTo(root) or not button.text():
            continue
        hint = button.sizeHint()
        if button.width() + 1 < hint.width() or button.height() + 1 < hint.height():
            found.append(f"{button.objectName() or type(button).__name__}: {button.text()!r}")
    return found
