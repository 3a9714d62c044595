"""The three panes (F6) of the 재무관's and the 지출원's pages: 찾기, 처리할 문서 and 처리.

Each pane only builds and lays out its labelled widgets; the page (``review_page``) connects
them, loads the documents and acts. Identifiers are the page's (``obligationPage…``,
``paymentPage…``), so both pages keep distinct, stable accessible identifiers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.a11y import buddy, identify, name
from app.i18n import tr
from app.models.execution_models import STATE_LABELS, ReviewModel
from domain.execution import DocKind, DocState


@dataclass(frozen=True)
class Step:
    """One forward step of the chain this role takes: ``makes`` from a document of ``on``."""

    makes: DocKind
    on: frozenset[DocKind]
    text: str  # N_-marked button text with its mnemonic
    identifier: str


class FindPane(QWidget):
    """찾기: a typed filter, the state to show (text, never colour) and 새로 고침."""

    def __init__(self, ident: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{ident}FindPane")
        self.setAccessibleName(tr("문서 찾기"))
        find_label = QLabel(tr("문서 찾기(&D)"))
        self.filter = QLineEdit()
        buddy(find_label, self.filter, tr("적요, 예산 또는 작성자의 일부"), f"{ident}Filter")
        state_label = QLabel(tr("상태 거르기(&S)"))
        self.state_filter = QComboBox()
        self.state_filter.addItem(tr(STATE_LABELS[DocState.ACTIVE]), DocState.ACTIVE.value)
        self.state_filter.addItem(tr("모든 상태"), "")
        for state in (DocState.RETURNED, DocState.CANCELLED):
            self.state_filter.addItem(tr(STATE_LABELS[state]), state.value)
        buddy(state_label, self.state_filter, None, f"{ident}StateFilter")
        self.refresh_button = QPushButton(tr("새로 고침(&G)"))
        name(self.refresh_button, self.refresh_button.text(), tr("처리할 문서를 다시 불러옵니다"),
             f"{ident}Refresh")  # fmt: skip
        find_row = QHBoxLayout(self)
        find_row.setContentsMargins(0, 0, 0, 0)
        for widget in (find_label, self.filter, state_label, self.state_filter,
                       self.refresh_button):  # fmt: skip
            find_row.addWidget(widget)


class ListPane(QWidget):
    """처리할 문서: the table of ``model`` (Tab leaves it), the count and the chosen document
    told in words."""

    def __init__(self, ident: str, model: ReviewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{ident}ListPane")
        self.setAccessibleName(tr("처리할 문서"))
        table_label = QLabel(tr("처리할 문서 목록(&L)"))
        self.table = QTableView()
        buddy(table_label, self.table, tr("종류, 예산, 적요, 금액, 남은 금액, 작성자, 상태"),
              f"{ident}Documents")  # fmt: skip
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setModel(model)
        self.count_label = QLabel()
        identify(self.count_label, f"{ident}Summary")
        self.detail = QLabel()
        identify(self.detail, f"{ident}Detail")
        self.detail.setWordWrap(True)
        list_layout = QVBoxLayout(self)
        list_layout.setContentsMargins(0, 0, 0, 0)
        shown: list[QWidget] = [table_label, self.table, self.count_label, self.detail]
        for each in shown:
            list_layout.addWidget(each)
        list_layout.setStretch(1, 1)


class ActPane(QWidget):
    """처리: the 원인행위 amount (``with_amount``: the 재무관 only), the 반려·취소 reason, one
    button per step, 반려, 취소, and the problem of the last attempt."""

    def __init__(
        self, ident: str, steps: Sequence[Step], with_amount: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName(f"{ident}ActPane")
        self.setAccessibleName(tr("처리"))
        amount_label = QLabel(tr("원인행위 금액(&M)"))
        self.amount = QLineEdit()
        buddy(amount_label, self.amount, tr("원 단위, 품의의 남은 금액과 배정 잔액 이하"),
              f"{ident}Amount")  # fmt: skip
        amount_label.setVisible(with_amount)
        self.amount.setVisible(with_amount)
        reason_label = QLabel(tr("반려·취소 사유(&A)"))
        self.reason = QLineEdit()
        buddy(reason_label, self.reason, tr("반려하거나 취소할 때 꼭 적습니다"), f"{ident}Reason")
        self.step_buttons: dict[DocKind, QPushButton] = {}
        for step in steps:
            button = QPushButton(tr(step.text))
            name(button, button.text(), None, step.identifier)
            self.step_buttons[step.makes] = button
        self.return_button = QPushButton(tr("반려(&B)"))
        name(self.return_button, self.return_button.text(), tr("사유를 적어 되돌려 보냅니다"),
             f"{ident}Return")  # fmt: skip
        self.cancel_button = QPushButton(tr("취소(&C)"))
        name(self.cancel_button, self.cancel_button.text(), tr("사유를 적어 취소합니다"),
             f"{ident}Cancel")  # fmt: skip
        self.problem = QLabel()
        identify(self.problem, f"{ident}Problem")
        self.problem.setWordWrap(True)
        form = QHBoxLayout()
        for widget in (amount_label, self.amount, reason_label, self.reason):
            form.addWidget(widget)
        buttons = QHBoxLayout()
        self.buttons: list[QPushButton] = [*self.step_buttons.values(), self.return_button,
                                           self.cancel_button]  # fmt: skip
        for button in self.buttons:
            buttons.addWidget(button)
        buttons.addStretch(1)
        act_layout = QVBoxLayout(self)
        act_layout.setContentsMargins(0, 0, 0, 0)
        act_layout.addLayout(form)
        act_layout.addLayout(buttons)
        act_layout.addWidget(self.problem)
