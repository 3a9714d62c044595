"""The table of the selected program's lines: 통계목, 재원 split, 기정액, 요구액, 증감, 상태.

A ``BudgetLinesModel`` (pre-formatted, sorted and filtered in the model) in a QTableView that
does not trap Tab, has its column headers, hides the row numbers and keeps a current row so a
screen reader lands on a cell (ACCESSIBILITY.md §3, pitfall 5). Lines not yet on the server
(new drafts) are rows too; edited lines are marked "(임시 저장)" in the status text.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QLabel, QLineEdit, QTableView, QVBoxLayout, QWidget

from app.a11y import announce, buddy, set_tab_order, status_label
from app.i18n import tr
from app.models import BudgetLinesModel, LineColumn
from app.models.budget_lines_model import Line

VISIBLE_ROWS = 8
"""The lines table never gets shorter than this many rows (the editor below scrolls)."""

COLUMNS = (
    LineColumn.ACCOUNT, LineColumn.OBJECT, LineColumn.FUNDING, LineColumn.BASE,
    LineColumn.AMOUNT, LineColumn.CHANGE, LineColumn.STATE,
)  # fmt: skip


class LinesPanel(QWidget):
    line_selected = Signal(object)  # the line (ExpenditureLineOut) or None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("linesPanel")
        self.model = BudgetLinesModel(columns=COLUMNS, parent=self)
        self._restoring = False  # re-selecting the open line after a filter
        filter_label = QLabel(tr("편성 줄 찾기(&S)"))
        self.filter = QLineEdit()
        buddy(filter_label, self.filter, tr("회계, 통계목 코드나 이름, 재원의 일부"), "lineFilter")
        table_label = QLabel(tr("편성 목록(&I)"))
        self.table = QTableView()
        buddy(table_label, self.table, tr("선택한 사업의 예산 편성 줄"), "linesTable")
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        row = max(24, self.table.fontMetrics().height() + 8)  # rows grow with the font
        self.table.verticalHeader().setDefaultSectionSize(row)
        header = max(self.table.horizontalHeader().sizeHint().height(), row)
        self.table.setMinimumHeight(VISIBLE_ROWS * row + header + 2 * self.table.frameWidth() + 4)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(False)
        self.table.setWordWrap(False)
        self.summary = status_label("linesSummary")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (filter_label, self.filter, table_label, self.table, self.summary):
            layout.addWidget(widget)
        layout.setStretch(3, 1)
        set_tab_order([self.filter, self.table])
        self._attach(self.model)
        self.filter.textChanged.connect(self._filter)

    def _attach(self, model: BudgetLinesModel) -> None:
        self.model = model
        self.table.setModel(model)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        model.modelReset.connect(self._after_reset)

    def configure(
        self,
        accounts: Mapping[str, str],
        objects: Mapping[str, str],
        fundings: Mapping[str, str],
        states: Mapping[uuid.UUID, str],
    ) -> None:
        """New code names (a new model: the names are fixed per model)."""
        old = self.model
        self._attach(
            BudgetLinesModel(
                columns=COLUMNS, account_names=accounts, object_names=objects,
                funding_names=fundings, states=states, parent=self,
            )
        )  # fmt: skip
        old.deleteLater()

    def set_lines(self, lines: Sequence[Line]) -> None:
        """New lines; the current line stays current when it is shown. A line the filter
        hides is not replaced by another one: nothing is current then."""
        current = self.current_line()
        self.model.set_filter(self.filter.text())
        self.model.set_lines(lines)  # a model reset: the table has no current row now
        if current is not None and self.model.has_line(current.id):
            self._select(self.model.row_of(current.id))
        else:
            self._select(0 if self.model.rowCount() else -1)

    def _select(self, row: int) -> None:
        if row < 0:
            self.table.selectionModel().clear()
            self.line_selected.emit(None)
        else:
            self.table.setCurrentIndex(self.model.index(row, 0))  # says line_selected

    def _filter(self, text: str) -> None:
        """Filter the lines. The open line stays open while it is shown; when the filter hides
        it, the selection and the 산출근거 editor are cleared and that is said, so nothing is
        edited on a line the user cannot see (its draft is already in the cache)."""
        current = self.current_line()
        self.model.set_filter(text)
        said = self.summary.text()
        row = self.model.row_of(current.id) if current is not None else -1
        if row >= 0:  # current again without reopening it in the editor
            self._restoring = True
            try:
                self.table.setCurrentIndex(self.model.index(row, 0))
            finally:
                self._restoring = False
        elif current is not None:
            self._select(-1)
            said += ". " + tr("선택한 줄이 찾기 결과에 없어 선택을 해제했습니다.")
        announce(self.filter, said)

    def _after_reset(self) -> None:
        rows = self.model.rowCount()
        total = self.model.total(LineColumn.AMOUNT) if rows else 0
        self.summary.setText(
            tr("{count}줄, 요구액 합계 {total}천원").format(count=rows, total=f"{total:,}")
        )

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._restoring:
            return
        self.line_selected.emit(self.model.line(current.row()) if current.isValid() else None)

    def current_line(self) -> Line | None:
        index = self.table.currentIndex()
        return self.model.line(index.row()) if index.isValid() else None

    def select_line(self, line_id: uuid.UUID, keep_open: bool = False) -> bool:
        """Make a line current; ``keep_open``: without ``line_selected`` (the editor keeps
        the line it shows, e.g. the same line after a save gave it its server id)."""
        row = self.model.row_of(line_id)
        if row >= 0:
            self._restoring = keep_open
            try:
                self.table.setCurrentIndex(self.model.index(row, 0))
            finally:
                self._restoring = False
        return row >= 0

    def replace(self, line: Line) -> None:
        self.model.replace_line(line)

    def remove(self, line_id: uuid.UUID) -> None:
        self.model.remove_line(line_id)

    def focus_table(self) -> None:
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
