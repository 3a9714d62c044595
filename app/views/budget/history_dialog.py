"""A line's change history from the server's audit log: who, when, what (newest first)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.a11y import buddy, name
from app.i18n import tr
from domain.contracts.audit import HistoryEvent


class HistoryDialog(QDialog):
    def __init__(
        self, line_title: str, events: Sequence[HistoryEvent], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("historyDialog")
        self.setWindowTitle(tr("변경 이력: {line}").format(line=line_title))
        self.model = QStandardItemModel(0, 4, self)
        self.model.setHorizontalHeaderLabels([tr("일시"), tr("사용자"), tr("작업"), tr("내용")])
        for event in events:
            when = event.at.astimezone().strftime("%Y-%m-%d %H:%M")
            cells = [when, event.actor_login, event.action, event.summary]
            items = [QStandardItem(text) for text in cells]
            for item in items:
                item.setEditable(False)
            self.model.appendRow(items)
            # the row header a screen reader reads with each cell (not "1, 2, 3")
            self.model.setVerticalHeaderItem(self.model.rowCount() - 1, QStandardItem(when))
        label = QLabel(tr("변경 이력 {count}건(&H)").format(count=len(events)))
        self.table = QTableView()
        buddy(label, self.table, None, "historyTable")
        self.table.setModel(self.model)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        if events:
            self.table.setCurrentIndex(self.model.index(0, 0))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(tr("닫기"))
        name(close, tr("닫기"), None, "historyClose")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(720, 360)
