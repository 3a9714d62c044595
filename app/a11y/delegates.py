"""Delegate editors that carry their column and row name (ACCESSIBILITY.md §3, pitfall 6).

A QStyledItemDelegate's editor (F2, double-click) is a bare QLineEdit/QSpinBox with no
accessible name: a screen reader says only "편집". :class:`NamedDelegate` names it
"{column header}, {row name}" — the row name is the vertical header's text when the model
gives a meaningful one, else the first column's text — and puts the cell's current spoken
text in its description.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QWidget

from app.i18n import tr

__all__ = ["NamedDelegate", "editor_name", "row_name"]

_NUMBER = re.compile(r"\s*\d*\s*")
Index = QModelIndex | QPersistentModelIndex


def row_name(index: Index) -> str:
    model = index.model()
    if model is None:
        return ""
    header = model.headerData(index.row(), Qt.Orientation.Vertical, Qt.ItemDataRole.DisplayRole)
    if header is not None and not _NUMBER.fullmatch(str(header)):
        return str(header)
    first = model.index(index.row(), 0, index.parent())
    text = first.data(Qt.ItemDataRole.AccessibleTextRole) or first.data(Qt.ItemDataRole.DisplayRole)
    return str(text or tr("{row}번째 줄").format(row=index.row() + 1))


def editor_name(index: Index) -> str:
    """ "금액, 201-01 사무관리비"."""
    model = index.model()
    column = ""
    if model is not None:
        column = str(
            model.headerData(index.column(), Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
            or ""
        )
    row = row_name(index)
    if row == column:
        row = ""
    return ", ".join(part for part in (column, row) if part)


class NamedDelegate(QStyledItemDelegate):
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = super().createEditor(parent, option, index)
        if editor is not None:
            editor.setAccessibleName(editor_name(index))
            spoken = index.data(Qt.ItemDataRole.AccessibleTextRole)
            if spoken:
                editor.setAccessibleDescription(tr("지금 값: {value}").format(value=spoken))
            editor.setAccessibleIdentifier(f"cellEditor_{index.row()}_{index.column()}")
        return editor
