"""My documents with their states (filtered by kind and state), and the submissions of this
PC with their sending state: 보내기 대기 (kept with its key until the server answers), 보냄,
거절됨 (with the server's Korean reason). Neither table traps Tab."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.a11y import buddy, identify, name, set_tab_order
from app.i18n import tr
from app.models.execution_models import (
    KIND_LABELS,
    STATE_LABELS,
    DocumentsModel,
    SubmissionsModel,
)
from domain.execution import DocKind, DocState


def _table(label: QLabel, description: str, identifier: str) -> QTableView:
    table = QTableView()
    buddy(label, table, description, identifier)
    table.setTabKeyNavigation(False)
    table.verticalHeader().hide()
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    return table


class DocumentsPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("executionDocumentsPane")
        self.setAccessibleName(tr("내 문서"))
        self.kind_filter = QComboBox()
        self.kind_filter.addItem(tr("모든 종류"), "")
        for kind in (DocKind.REQUEST, DocKind.RESOLUTION):
            self.kind_filter.addItem(tr(KIND_LABELS[kind]), kind.value)
        self.state_filter = QComboBox()
        self.state_filter.addItem(tr("모든 상태"), "")
        for state in DocState:
            self.state_filter.addItem(tr(STATE_LABELS[state]), state.value)
        kind_label = QLabel(tr("문서 종류 거르기(&D)"))
        buddy(kind_label, self.kind_filter, None, "documentsKindFilter")
        state_label = QLabel(tr("상태 거르기"))
        buddy(state_label, self.state_filter, None, "documentsStateFilter")
        self.refresh_button = QPushButton(tr("새로 고침(&G)"))
        name(self.refresh_button, self.refresh_button.text(), tr("내 문서를 다시 불러옵니다"),
             "documentsRefresh")  # fmt: skip
        filters = QHBoxLayout()
        for widget in (kind_label, self.kind_filter, state_label, self.state_filter,
                       self.refresh_button):  # fmt: skip
            filters.addWidget(widget)
        filters.addStretch(1)
        table_label = QLabel(tr("내 문서 목록(&U)"))
        self.model = DocumentsModel(self)
        self.table = _table(table_label, tr("내가 쓴 품의와 지출결의, 금액과 상태"), "myDocuments")
        self.table.setModel(self.model)
        self.summary = QLabel()
        identify(self.summary, "documentsSummary")

        outbox_label = QLabel(tr("보낼 문서(&Q)"))
        self.outbox_model = SubmissionsModel(self)
        self.outbox = _table(
            outbox_label, tr("이 PC에서 제출한 문서와 보내기 상태"), "executionOutbox"
        )
        self.outbox.setModel(self.outbox_model)
        self.send_button = QPushButton(tr("지금 보내기(&Z)"))
        name(self.send_button, self.send_button.text(),
             tr("보내기 대기 중인 문서를 서버로 보냅니다"), "executionSendNow")  # fmt: skip
        self.outbox_summary = QLabel()
        identify(self.outbox_summary, "outboxSummary")
        self.outbox_summary.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        shown: list[QWidget] = [table_label, self.table, self.summary, outbox_label, self.outbox,
                                self.outbox_summary, self.send_button]  # fmt: skip
        for each in shown:
            layout.addWidget(each)
        layout.setStretch(2, 2)
        layout.setStretch(5, 1)
        set_tab_order([self.kind_filter, self.state_filter, self.refresh_button, self.table,
                       self.outbox, self.send_button])  # fmt: skip

    def kind(self) -> DocKind | None:
        value = self.kind_filter.currentData()
        return DocKind(value) if value else None

    def state(self) -> DocState | None:
        value = self.state_filter.currentData()
        return DocState(value) if value else None

    def show_documents(self, documents: list) -> None:  # type: ignore[type-arg]
        self.model.set_rows(documents)
        self.summary.setText(tr("내 문서 {count}건").format(count=len(documents)))
        if documents:
            self.table.setCurrentIndex(self.model.index(0, 0))

    def show_submissions(self, items: list) -> None:  # type: ignore[type-arg]
        self.outbox_model.set_rows(items)
        waiting = self.outbox_model.pending()
        self.outbox_summary.setText(
            tr("보내기 대기 {waiting}건, 모두 {count}건").format(waiting=waiting, count=len(items))
        )
        if items:
            self.outbox.setCurrentIndex(self.outbox_model.index(len(items) - 1, 0))
