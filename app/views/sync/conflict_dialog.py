"""Mine vs theirs, side by side, per line of a stale submit; keep either per line.

Rows come from ``app.services.sync.conflicts.compare``: one per 산출근거 item and per 재원
(only rows that differ need a choice). Each row reads as one sentence for a screen reader
("산출근거 1.2: 내 것 …, 서버 것 …, 선택: 내 것"). Keys: M keeps mine for the current row,
T keeps theirs (also the buttons "이 줄은 내 것" Alt+M / "이 줄은 서버 것" Alt+T); "모두 내 것" and
"모두 서버 것" choose every row. 적용 refuses while a row is open and says which — never a
silent overwrite. ``choices()`` gives the per-row choices for ``resolve``.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.a11y import announce, buddy, identify, name, set_tab_order, status_label
from app.i18n import tr
from app.services.sync.conflicts import Choice, Comparison, ConflictRow, Side

_ROLE_KEY = int(Qt.ItemDataRole.UserRole) + 1
_SPOKEN = int(Qt.ItemDataRole.AccessibleTextRole)


def _side_text(side: Side | None) -> str:
    return side.text() if side is not None else tr("(없음)")


class _Table(QTableView):
    """M / T choose for the current row; everything else is a normal table."""

    def __init__(self, dialog: ConflictDialog) -> None:
        super().__init__(dialog)
        self._dialog = dialog

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.modifiers() == Qt.KeyboardModifier.NoModifier:
            if event.key() == Qt.Key.Key_M:
                self._dialog.choose_current(Choice.MINE)
                return
            if event.key() == Qt.Key.Key_T:
                self._dialog.choose_current(Choice.THEIRS)
                return
        super().keyPressEvent(event)


class ConflictDialog(QDialog):
    def __init__(
        self, line_title: str, comparison: Comparison, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.setWindowTitle(tr("저장 충돌: {line}").format(line=line_title))
        self.comparison = comparison
        self.rows: list[ConflictRow] = comparison.needs_choice
        self._choices: dict[str, Choice] = {}
        intro = QLabel(
            tr("다른 사용자가 먼저 이 줄을 고쳤습니다 (서버 버전 {version}). 줄마다 내 것과 "
               "서버 것 중 하나를 고르세요. M: 내 것, T: 서버 것.").format(
                version=comparison.server_version)
        )  # fmt: skip
        intro.setWordWrap(True)
        identify(intro, "conflictIntro")
        self.model = QStandardItemModel(0, 4, self)
        self.model.setHorizontalHeaderLabels([tr("항목"), tr("내 것"), tr("서버 것"), tr("선택")])
        for row in self.rows:
            items = [
                QStandardItem("  " * row.depth + row.title),
                QStandardItem(_side_text(row.mine)),
                QStandardItem(_side_text(row.theirs)),
                QStandardItem(tr("고르지 않음")),
            ]
            for item in items:
                item.setEditable(False)
                item.setData(row.key, _ROLE_KEY)
            self.model.appendRow(items)
            # the row header a screen reader reads with each cell (not "1, 2, 3")
            self.model.setVerticalHeaderItem(self.model.rowCount() - 1, QStandardItem(row.title))
            self._speak(self.model.rowCount() - 1)
        table_label = QLabel(tr("달라진 항목(&R)"))
        self.table = _Table(self)
        buddy(table_label, self.table, tr("M 키: 내 것 유지, T 키: 서버 것 유지"), "conflictTable")
        self.table.setModel(self.model)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 160)
        self.table.setColumnWidth(1, 260)
        self.table.setColumnWidth(2, 260)
        if self.rows:
            self.table.setCurrentIndex(self.model.index(0, 0))

        def button(text: str, ident: str, slot: object) -> QPushButton:
            widget = name(QPushButton(text), text, None, ident)
            widget.clicked.connect(slot)
            return widget

        self.mine_button = button(tr("이 줄은 내 것(&M)"), "conflictMine",
                                  lambda: self.choose_current(Choice.MINE))  # fmt: skip
        self.theirs_button = button(tr("이 줄은 서버 것(&T)"), "conflictTheirs",
                                    lambda: self.choose_current(Choice.THEIRS))  # fmt: skip
        self.all_mine = button(
            tr("모두 내 것"), "conflictAllMine", lambda: self.choose_all(Choice.MINE)
        )
        self.all_theirs = button(tr("모두 서버 것"), "conflictAllTheirs",
                                 lambda: self.choose_all(Choice.THEIRS))  # fmt: skip
        self.apply_button = button(tr("적용(&A)"), "conflictApply", self._apply)
        self.cancel_button = button(tr("나중에"), "conflictLater", self.reject)
        self.status = status_label("conflictStatus")
        self.status.setWordWrap(True)
        choose = QHBoxLayout()
        for widget in (self.mine_button, self.theirs_button, self.all_mine, self.all_theirs):
            choose.addWidget(widget)
        finish = QHBoxLayout()
        finish.addWidget(self.status, 1)
        finish.addWidget(self.apply_button)
        finish.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(table_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(choose)
        layout.addLayout(finish)
        set_tab_order(
            [self.table, self.mine_button, self.theirs_button, self.all_mine, self.all_theirs,
             self.apply_button, self.cancel_button]
        )  # fmt: skip
        self._update_status()
        self.resize(900, 420)

    # -- choosing --------------------------------------------------------------------------
    def choices(self) -> dict[str, Choice]:
        return dict(self._choices)

    def choose(self, row: int, choice: Choice) -> None:
        key = self.rows[row].key
        self._choices[key] = choice
        self.model.item(row, 3).setText(tr("내 것") if choice is Choice.MINE else tr("서버 것"))
        self._speak(row)
        self._update_status()

    def choose_current(self, choice: Choice) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            return
        row = index.row()
        self.choose(row, choice)
        announce(self.table, self.model.item(row, 0).data(_SPOKEN))
        if row + 1 < self.model.rowCount():  # on to the next row, as a list of questions
            self.table.setCurrentIndex(self.model.index(row + 1, 0))
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def choose_all(self, choice: Choice) -> None:
        for row in range(len(self.rows)):
            self.choose(row, choice)
        announce(self, self.status.text())

    def _speak(self, row: int) -> None:
        conflict = self.rows[row]
        text = tr("{title}: 내 것 {mine}, 서버 것 {theirs}, 선택: {choice}").format(
            title=conflict.title,
            mine=_side_text(conflict.mine),
            theirs=_side_text(conflict.theirs),
            choice=self.model.item(row, 3).text(),
        )
        for column in range(4):
            self.model.item(row, column).setData(text, _SPOKEN)

    def open_rows(self) -> list[ConflictRow]:
        return [row for row in self.rows if row.key not in self._choices]

    def _update_status(self) -> None:
        left = self.open_rows()
        if left:
            names = ", ".join(row.title for row in left[:4])
            self.status.setText(
                tr("아직 고르지 않은 항목 {count}개: {names}").format(count=len(left), names=names)
            )
        else:
            self.status.setText(tr("모든 항목을 골랐습니다. 적용하면 서버에 저장합니다."))

    def _apply(self) -> None:
        left = self.open_rows()
        if left:
            announce(self.status, self.status.text(), assertive=True)
            first = self.rows.index(left[0])
            self.table.setCurrentIndex(self.model.index(first, 0))
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.accept()

    def current_row(self) -> QModelIndex:
        return self.table.currentIndex()
