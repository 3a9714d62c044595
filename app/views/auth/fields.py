"""Errors tied to the field that caused them: shown under it, in its description, announced.

Nothing is conveyed by colour alone: the text starts with "오류:" and the field's accessible
description carries the message, so a screen reader says it when the field gets focus.
"""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QWidget

from app.a11y import announce
from app.i18n import tr


def error_label(identifier: str, parent: QWidget | None = None) -> QLabel:
    """A hidden label under a field, shown by :func:`show_error`."""
    label = QLabel(parent)
    label.setObjectName(identifier)
    label.setAccessibleIdentifier(identifier)
    label.setWordWrap(True)
    # The theme's error colour (BrightText, held to 4.5:1 on Window in both themes by
    # app.a11y.theme), not a fixed red: #b00020 was 2.87:1 on the high-contrast black.
    label.setForegroundRole(QPalette.ColorRole.BrightText)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    label.hide()
    return label


def show_error(field: QWidget, label: QLabel, message: str, *, focus: bool = True) -> None:
    text = tr("오류: {message}").format(message=message)
    label.setText(text)
    label.show()
    if field.property("hojo_base_description") is None:
        field.setProperty("hojo_base_description", field.accessibleDescription())
    field.setAccessibleDescription(text)
    if focus:
        field.setFocus()
        select_all = getattr(field, "selectAll", None)
        if callable(select_all):
            select_all()
    announce(field, text, assertive=True)


def clear_error(field: QWidget, label: QLabel) -> None:
    label.clear()
    label.hide()
    field.setAccessibleDescription(str(field.property("hojo_base_description") or ""))
