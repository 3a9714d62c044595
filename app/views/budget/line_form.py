"""A new 세출 line: 회계, 통계목 (picked from a searchable list) and its first 재원.

Opened with ``open()`` (window-modal, not blocking), so the page and its tests drive it by
keyboard: type in 통계목 찾기 to narrow the list, arrow to the code, Enter (or 확인) accepts.

The list is filtered after a short pause in typing (``FILTER_PAUSE_MS``), once, inside one
model reset; the current 통계목 stays current while it is shown, and the count is announced
once ("통계목 3개"). Rebuilding the list row by row on every key sent about a thousand
selection events for "201-01" and silenced Orca for minutes (docs/accessibility.md §7).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListView,
    QWidget,
)

from app.a11y import announce, buddy, name, set_tab_order, status_label
from app.i18n import tr
from domain.codes import normalise_name
from domain.contracts.structure import CodeOut

FILTER_PAUSE_MS = 200
"""Typing pause after which the 통계목 list is filtered (one reset, one announcement)."""

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TEXT_ROLES = frozenset({_DISPLAY, int(Qt.ItemDataRole.AccessibleTextRole)})
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


class ObjectListModel(QAbstractTableModel):
    """The 통계목 shown, "201-01 사무관리비" each; one column (a table model: the audit reads
    ``columnCount()``, which PySide6's list models cannot answer). Filtered in the model: one
    reset per filter, never a row-by-row rebuild."""

    def __init__(self, objects: Sequence[CodeOut], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._all = list(objects)
        self._texts = [f"{c.code} {c.name}" for c in self._all]
        self._keys = [normalise_name(t) for t in self._texts]
        self._rows = list(range(len(self._all)))

    def set_filter(self, text: str) -> None:
        needle = normalise_name(text)
        rows = [i for i, key in enumerate(self._keys) if needle in key]
        if rows == self._rows:
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def code(self, row: int) -> CodeOut:
        return self._all[self._rows[row]]

    def row_of(self, code: str) -> int:
        return next((r for r, i in enumerate(self._rows) if self._all[i].code == code), -1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 1

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = _DISPLAY) -> Any:
        if role not in _TEXT_ROLES or not index.isValid():
            return None
        return self._texts[self._rows[index.row()]]

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        return _FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if role in _TEXT_ROLES and orientation == Qt.Orientation.Horizontal and section == 0:
            return tr("통계목")
        return None


class LineForm(QDialog):
    def __init__(
        self,
        program_name: str,
        accounts: Mapping[str, str],
        objects: Sequence[CodeOut],
        fundings: Mapping[str, str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("lineForm")
        self.setWindowTitle(tr("새 편성 줄: {program}").format(program=program_name))
        form = QFormLayout(self)
        self.account = QComboBox()
        for code, title in accounts.items():
            self.account.addItem(f"{code} {title}", code)
        account_label = QLabel(tr("회계(&A)"))
        form.addRow(account_label, buddy(account_label, self.account, None, "lineAccount"))
        self.search = QLineEdit()
        search_label = QLabel(tr("통계목 찾기(&O)"))
        form.addRow(
            search_label,
            buddy(search_label, self.search, tr("코드나 이름 일부, 예: 201-01 또는 사무관리비"),
                  "lineObjectSearch"),
        )  # fmt: skip
        self.list_model = ObjectListModel(objects, self)
        self.objects = QListView()
        self.objects.setModel(self.list_model)
        self.objects.setUniformItemSizes(True)
        self.objects.installEventFilter(self)  # focus in: apply a filter still waiting
        list_label = QLabel(tr("통계목 목록(&L)"))
        form.addRow(list_label, buddy(list_label, self.objects, None, "lineObjectList"))
        self.funding = QComboBox()
        for code, title in fundings.items():
            self.funding.addItem(title, code)
        funding_label = QLabel(tr("재원(&F)"))
        form.addRow(funding_label, buddy(funding_label, self.funding, None, "lineFunding"))
        self.problem = status_label("lineFormProblem")
        form.addRow(self.problem)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        for role, ident, text in (
            (QDialogButtonBox.StandardButton.Ok, "lineFormOk", tr("확인")),
            (QDialogButtonBox.StandardButton.Cancel, "lineFormCancel", tr("취소")),
        ):
            button = self.buttons.button(role)
            button.setText(text)
            name(button, text, None, ident)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        set_tab_order([self.account, self.search, self.objects, self.funding, self.buttons])
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(FILTER_PAUSE_MS)
        self._pause.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(lambda _text: self._pause.start())
        self.search.returnPressed.connect(self._search_enter)
        if self.list_model.rowCount():
            self.objects.setCurrentIndex(self.list_model.index(0, 0))  # a current item

    def apply_filter(self) -> None:
        """Filter the list now (after the typing pause, or before the list or 확인 is used):
        one model reset, the current 통계목 kept while shown, the count said once."""
        self._pause.stop()
        current = self.objects.currentIndex()
        kept = self.list_model.code(current.row()).code if current.isValid() else None
        text = self.search.text()
        before = self.list_model.rowCount()
        self.list_model.set_filter(text)
        count = self.list_model.rowCount()
        if not self.objects.currentIndex().isValid() and count:
            row = self.list_model.row_of(kept) if kept is not None else -1
            self.objects.setCurrentIndex(self.list_model.index(max(row, 0), 0))
        if text or count != before:
            announce(self.search, tr("통계목 {count}개").format(count=count))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.objects
            and event.type() == QEvent.Type.FocusIn
            and self._pause.isActive()
        ):
            self.apply_filter()
        return super().eventFilter(watched, event)

    def _search_enter(self) -> None:
        self.apply_filter()
        if self.list_model.rowCount() == 1:
            self._accept()
        else:
            self.objects.setFocus(Qt.FocusReason.OtherFocusReason)

    def object_code(self) -> str | None:
        if self._pause.isActive():
            self.apply_filter()
        index = self.objects.currentIndex()
        return self.list_model.code(index.row()).code if index.isValid() else None

    def account_code(self) -> str:
        return str(self.account.currentData() or "")

    def funding_code(self) -> str:
        return str(self.funding.currentData() or "")

    def _accept(self) -> None:
        if self.object_code() is None or not self.account_code():
            self.problem.setText(tr("회계와 통계목을 고르세요"))
            announce(self.problem, self.problem.text(), assertive=True)
            return
        self.accept()

    def keyPressEvent(self, event):  # type: ignore[no-untyped-def]
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.objects.hasFocus():
            self._accept()
            return
        super().keyPressEvent(event)
