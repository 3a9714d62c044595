"""Small building blocks shared by the 조정, 세입 and 관리 pages: labelled fields, amount
parsing, errors tied to their field, a line table that never traps Tab, and a progress row."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from app.a11y import announce, buddy, name
from app.i18n import tr
from domain.money import MoneyError, parse_won

if TYPE_CHECKING:
    from app.context import AppContext
    from app.tasks import TaskState

__all__ = [
    "AmountError",
    "ProgressRow",
    "TextList",
    "add_row",
    "button",
    "line_table",
    "parse_thousand",
    "report",
    "roles_of",
]


class AmountError(ValueError):
    """An amount field that cannot be read; ``message`` is for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def parse_thousand(text: str) -> int:
    """An amount in 천원 as typed: "4,800", "4800천원"; never negative."""
    raw = text.strip().removesuffix("천원").strip()
    if not raw:
        raise AmountError(tr("금액을 천원 단위 숫자로 입력하세요. 예: 4,800"))
    try:
        value = parse_won(raw)
    except MoneyError as exc:
        raise AmountError(
            tr("'{text}'은(는) 금액으로 읽을 수 없습니다. 천원 단위 숫자로 입력하세요.").format(
                text=text.strip()
            )
        ) from exc
    if value < 0:
        raise AmountError(tr("금액은 0 이상이어야 합니다."))
    return value


def add_row(
    form: QFormLayout, text: str, field: QWidget, identifier: str, description: str = ""
) -> QLabel:
    """A form row whose label is the field's buddy; the field is named from the label."""
    label = QLabel(text)
    buddy(label, field, description or None, identifier)
    form.addRow(label, field)
    return label


def button(
    text: str, identifier: str, slot: Callable[[], None], description: str = ""
) -> QPushButton:
    """A push button with a clean accessible name and a stable identifier."""
    widget = QPushButton(text)
    name(widget, text, description or None, identifier)
    widget.clicked.connect(slot)
    return widget


def line_table(identifier: str, title: str) -> QTableView:
    """A table of lines: Tab leaves it, rows are selected whole, no number column."""
    table = QTableView()
    name(table, title, None, identifier)
    table.setTabKeyNavigation(False)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.setSortingEnabled(True)
    table.setWordWrap(False)
    return table


def report(widget: QWidget, status: QLabel, text: str, *, error: bool = False) -> None:
    """Show ``text`` in the status label, announce it, and tie an error to ``widget``."""
    status.setText(text)
    status.setAccessibleDescription(text)
    if error:
        widget.setAccessibleDescription(text)
    announce(widget, text, assertive=error)


def roles_of(ctx: AppContext) -> list[str]:
    user = ctx.session.user
    return list(user.roles) if user is not None else []


class TextList(QTreeWidget):
    """A read-only list of sentences (reasons, history) that screen readers walk with the
    arrow keys. A one-column tree rather than a QListWidget: the audit reads every view's
    ``model().columnCount()``, which a list model's PySide6 binding cannot answer."""

    def __init__(self, title: str, identifier: str, description: str = "") -> None:
        super().__init__()
        name(self, title, description or None, identifier)
        self.setColumnCount(1)
        self.setHeaderLabels([title])
        self.setHeaderHidden(True)
        self.setRootIsDecorated(False)
        self.setTabKeyNavigation(False)
        self.setWordWrap(True)

    def set_texts(self, texts: list[str]) -> None:
        self.clear()
        self.add_texts(texts)

    def add_texts(self, texts: list[str]) -> None:
        self.addTopLevelItems([QTreeWidgetItem([text]) for text in texts])
        first = self.topLevelItem(0)
        if first is not None and self.currentItem() is None:
            self.setCurrentItem(first)  # a current item for the focus (pitfall 5)

    def texts(self) -> list[str]:
        items = (self.topLevelItem(i) for i in range(self.topLevelItemCount()))
        return [item.text(0) for item in items if item is not None]

    def count(self) -> int:
        return self.topLevelItemCount()


class ProgressRow(QWidget):
    """Progress of long work with a cancel button; hidden while nothing runs. The callers
    announce the start and the end; the row announces the milestones (each quarter), so a
    screen-reader user hears that long work goes on without a flood of percentages."""

    def __init__(self, prefix: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state: TaskState | None = None
        self._milestone = 0
        self.bar = QProgressBar()
        self.bar.setRange(0, 100)
        name(self.bar, tr("진행률"), None, f"{prefix}.progress")
        self.cancel = button(tr("작업 취소"), f"{prefix}.cancel", self._cancel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar, 1)
        layout.addWidget(self.cancel)
        self.hide()

    def start(self, state: TaskState | None) -> None:
        self._state = state
        if state is not None and not state.is_finished:
            self.bar.setValue(0)
            self._milestone = 0
            self.cancel.setAccessibleDescription("")
            self.show()

    def progress(self, fraction: float, text: str) -> None:
        self.bar.setValue(round(fraction * 100))
        self.bar.setFormat(f"%p% {text}")
        self.bar.setAccessibleDescription(text)
        milestone = int(fraction * 4)  # 25 %, 50 %, 75 % (100 %: the caller says the result)
        if 0 < milestone < 4 and milestone > self._milestone:
            self._milestone = milestone
            announce(
                self.bar,
                tr("{percent}% 진행: {text}").format(percent=milestone * 25, text=text),
            )

    def finish(self) -> None:
        self._state = None
        self.hide()

    def _cancel(self) -> None:
        if self._state is None or self._state.cancel():
            return
        # Past its point of no return: the server finishes the work whatever is pressed.
        text = tr("서버가 이미 처리하고 있어 취소할 수 없습니다. 끝나면 알려 드립니다.")
        self.cancel.setAccessibleDescription(text)
        announce(self.cancel, text, assertive=True)  # the button stays: focus is not lost


def align_right(label: QLabel) -> QLabel:
    label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return label
