"""A new 세출 line: 회계, 통계목 (picked from a searchable list) and its first 재원.

Opened with ``open()`` (window-modal, not blocking), so the page and its tests drive it by
keyboard: type in 통계목 찾기 to narrow the list, arrow to the code, Enter (or 확인) accepts.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
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
        self._objects = list(objects)
        self._shown: list[CodeOut] = []
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
        self.list_model = QStandardItemModel(self)  # (the audit cannot call QStringListModel)
        self.objects = QListView()
        self.objects.setModel(self.list_model)
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
        self.search.textChanged.connect(self._filter)
        self.search.returnPressed.connect(self._search_enter)
        self._filter("")

    def _filter(self, text: str) -> None:
        needle = normalise_name(text)
        self._shown = [
            c for c in self._objects if not needle or needle in normalise_name(f"{c.code} {c.name}")
        ]
        self.list_model.clear()
        for code in self._shown:
            item = QStandardItem(f"{code.code} {code.name}")
            item.setEditable(False)
            self.list_model.appendRow(item)
        if self._shown:
            self.objects.setCurrentIndex(self.list_model.index(0, 0))
        if text:
            announce(self.search, tr("통계목 {count}개").format(count=len(self._shown)))

    def _search_enter(self) -> None:
        if len(self._shown) == 1:
            self._accept()
        else:
            self.objects.setFocus(Qt.FocusReason.OtherFocusReason)

    def object_code(self) -> str | None:
        index = self.objects.currentIndex()
        return self._shown[index.row()].code if index.isValid() and self._shown else None

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
