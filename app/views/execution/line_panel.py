"""Find the budget line: type part of the 세부사업 or 통계목, arrow through the lines; each
shows 배정액, 집행액 (원인행위) and 배정 잔액 in 원. The table does not trap Tab."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence

from PySide6.QtCore import QModelIndex, QTimer, Signal
from PySide6.QtWidgets import QAbstractItemView, QLabel, QLineEdit, QTableView, QVBoxLayout, QWidget

from app.a11y import announce, buddy, identify, set_tab_order
from app.i18n import tr, won_text
from app.models.execution_models import LinesModel
from domain.contracts.execution import LineExecution

COUNT_PAUSE_MS = 200
"""The count of lines found is said once, after a pause in the typing (not on every key)."""


def line_text(line: LineExecution, object_text: str) -> str:
    """ "노인 일자리 201-01 사무관리비: 배정 1,000,000원, 집행 0원, 배정 잔액 1,000,000원"."""
    return tr("{program} {object}: 배정 {allotted}, 집행 {used}, 배정 잔액 {left}").format(
        program=line.program_name, object=object_text, allotted=won_text(line.allotted),
        used=won_text(line.obligated), left=won_text(line.allotment_left),
    )  # fmt: skip


class LinePanel(QWidget):
    line_selected = Signal(object)  # LineExecution or None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("executionLinePane")
        self.setAccessibleName(tr("예산 찾기"))
        self.model = LinesModel(parent=self)
        self._restoring = False  # re-selecting the chosen line after a filter
        filter_label = QLabel(tr("예산 찾기(&J)"))
        self.filter = QLineEdit()
        buddy(
            filter_label, self.filter, tr("세부사업이나 통계목 이름의 일부"), "executionLineFilter"
        )
        table_label = QLabel(tr("예산 목록(&L)"))
        self.table = QTableView()
        buddy(table_label, self.table, tr("배정액, 집행액, 배정 잔액"), "executionLines")
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.detail = QLabel()
        identify(self.detail, "executionLineDetail")
        self.detail.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (filter_label, self.filter, table_label, self.table, self.detail):
            layout.addWidget(widget)
        layout.setStretch(3, 1)
        set_tab_order([self.filter, self.table])
        self._dropped = False  # the chosen line was hidden during this burst of typing
        self._count_pause = QTimer(self)
        self._count_pause.setSingleShot(True)
        self._count_pause.setInterval(COUNT_PAUSE_MS)
        self._count_pause.timeout.connect(self.say_count)
        self._attach(self.model)
        self.filter.textChanged.connect(self._filter)
        self.filter.returnPressed.connect(self.table.setFocus)

    def _attach(self, model: LinesModel) -> None:
        self.model = model
        self.table.setModel(model)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)

    def set_lines(self, lines: Sequence[LineExecution], object_names: Mapping[str, str]) -> None:
        """New lines; the current line stays current when it is shown. A line the filter
        hides is not replaced by another one: nothing is current then."""
        current = self.current_line()
        old = self.model
        self._attach(LinesModel(object_names, parent=self))
        old.deleteLater()
        self.model.set_filter(self.filter.text())
        self.model.set_lines(lines)
        if current is not None and self.model.has_line(current.line_id):
            self._select(self.model.row_of(current.line_id))
        else:
            self._select(0 if self.model.rowCount() else -1)

    def _select(self, row: int) -> None:
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, 0))  # says line_selected
            return
        self.table.selectionModel().clear()
        self._row_changed(QModelIndex(), QModelIndex())
        if not self.model.rowCount():
            self.detail.setText(tr("찾는 예산이 없습니다"))

    def _filter(self, text: str) -> None:
        """Filter the lines. The chosen line stays chosen while it is shown; when the filter
        hides it, the selection and the document form's line are cleared and that is said,
        so no document is written against a line the user cannot see. The count (and the
        release of the chosen line) is said once, after a pause in the typing."""
        current = self.current_line()
        self.model.set_filter(text)  # a model reset: the table has no current row now
        row = self.model.row_of(current.line_id) if current is not None else -1
        if row >= 0:  # current again without re-sending it to the form
            self._restoring = True
            try:
                self.table.setCurrentIndex(self.model.index(row, 0))
            finally:
                self._restoring = False
        elif current is not None:
            self._select(-1)
            self._dropped = True
        elif not self.model.rowCount():
            self.detail.setText(tr("찾는 예산이 없습니다"))
        self._count_pause.start()

    def say_count(self) -> None:
        """ "예산 N줄" (and that the chosen line was released, when it was), once."""
        self._count_pause.stop()
        said = tr("예산 {count}줄").format(count=self.model.rowCount())
        if self._dropped:
            said += ". " + tr("선택한 예산이 찾기 결과에 없어 선택을 해제했습니다.")
        self._dropped = False
        announce(self.filter, said)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._restoring:
            return
        line = self.model.row_object(current.row()) if current.isValid() else None
        self.detail.setText(line_text(line, self.model.object_text(line)) if line else "")
        self.table.setAccessibleDescription(self.detail.text() or tr("배정액, 집행액, 배정 잔액"))
        self.line_selected.emit(line)

    def current_line(self) -> LineExecution | None:
        index = self.table.currentIndex()
        return self.model.row_object(index.row()) if index.isValid() else None

    def select_line(self, line_id: uuid.UUID) -> bool:
        row = self.model.row_of(line_id)
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, 0))
        return row >= 0
