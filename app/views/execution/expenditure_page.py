"""지출: find the budget line, find or add the 채주, write the 결의 (or 품의) with its
withholding and evidence, submit through the outbox, and follow my documents.

Panes (F6): 예산 찾기 → 채주 → 문서 작성 → 내 문서. Ctrl+Enter submits. Every result and
refusal (배정 잔액 부족, another 부서's line, a missing 원인행위) is announced in Korean and
tied to its field; offline submissions wait in the outbox and are sent once when the server
answers again (at start, on a timer, or with 지금 보내기).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from app.a11y import announce, identify, keys, set_tab_order
from app.a11y.theme import scroll_pane
from app.i18n import N_, tr, won_text
from app.models.execution_models import kind_label, submission_kind
from app.operations import execution as ops
from app.services.cache.records import OutboxState
from app.views.execution.document_form import DocumentForm
from app.views.execution.documents_panel import DocumentsPanel
from app.views.execution.line_panel import LinePanel
from app.views.execution.payee_panel import PayeePanel, error_text
from app.views.page import Page
from domain.roles import Action

if TYPE_CHECKING:
    from app.context import AppContext
    from app.operations import Changes
    from app.services.sync.push import PushReport

RETRY_MS = 20_000


class ExpenditurePage(Page):
    TITLE = N_("지출")
    IDENTIFIER = "expenditurePage"
    DESCRIPTION = N_("예산을 골라 품의와 지출결의를 쓰고 보냅니다")
    REQUIRED_ACTION = Action.READ_EXECUTION.value

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setWindowTitle(tr(self.TITLE))
        self.data: ops.ExecutionData | None = None
        self._loaded = False
        self._sending = False
        self._quiet = False
        self._quiet_load = False
        self.heading = QLabel(tr("지출"))
        identify(self.heading, "expenditureHeading")
        self.status = QLabel()
        identify(self.status, "expenditureStatus")
        self.status.setWordWrap(True)
        self.lines = LinePanel()
        self.payees = PayeePanel(ctx)
        self.form = DocumentForm()
        self.documents = DocumentsPanel()
        middle = QWidget()
        middle.setObjectName("expenditureMiddle")
        middle_layout = QVBoxLayout(middle)
        middle_layout.addWidget(self.payees)
        middle_layout.addWidget(self.form)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.lines)
        splitter.addWidget(scroll_pane(middle))
        splitter.addWidget(self.documents)
        splitter.setStretchFactor(1, 2)
        header = QHBoxLayout()
        header.addWidget(self.heading)
        header.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(splitter, 1)
        set_tab_order([self.lines.table, self.payees.search])
        set_tab_order([self.payees.add_button, self.form.kind])
        set_tab_order([self.form.submit_button, self.documents.kind_filter])
        keys.register_panes(self, [self.lines, self.payees, self.form, self.documents])
        self.submit_action = keys.add_action(
            self, tr("제출"), "Ctrl+Return", self.submit, "expenditureSubmit"
        )
        self.retry = QTimer(self)
        self.retry.setInterval(RETRY_MS)
        self.retry.timeout.connect(self._retry)

        self.lines.line_selected.connect(self._line_selected)
        self.payees.payee_chosen.connect(self.form.set_payee)
        self.payees.said.connect(self.say)
        self.payees.queued.connect(self.load_submissions)
        self.form.submit_button.clicked.connect(self.submit)
        self.documents.refresh_button.clicked.connect(self.load_documents)
        self.documents.kind_filter.currentIndexChanged.connect(self.load_documents)
        self.documents.state_filter.currentIndexChanged.connect(self.load_documents)
        self.documents.send_button.clicked.connect(lambda: self.send_now())

    # -- Page ------------------------------------------------------------------------------
    def first_focus(self) -> QWidget | None:
        return self.lines.filter

    def summary(self) -> str:
        return self.lines.detail.text()

    def status_text(self) -> str:
        parts = (self.status.text(), self.lines.detail.text(), self.documents.outbox_summary.text())
        return ". ".join(t for t in parts if t)

    def activate(self) -> None:
        if not self._loaded:
            self._loaded = True
            self.reload()
            self.retry.start()
        self.load_submissions(send=True)

    def on_changes(self, changes: Changes, source: object) -> None:
        mine = source is self or (isinstance(source, QWidget) and self.isAncestorOf(source))
        if mine or not self._loaded:
            return
        if changes.versions or changes.connection:
            self.reload()
        elif changes.execution:  # e.g. the 재무관's 원인행위 made on another page
            self.reload(quiet=True)

    # -- loading ---------------------------------------------------------------------------
    def reload(self, quiet: bool = False) -> None:
        """Load again; ``quiet`` after a submit keeps its result in the status line."""
        self._quiet_load = quiet
        if not quiet:
            self.say(tr("불러오는 중…"))
        ops.load_execution(self.ctx, self.apply, self._failed, source=self)

    def apply(self, data: ops.ExecutionData) -> None:
        self.data = data
        self.form.year = data.year
        version = data.version
        self.heading.setText(
            tr("지출: {year}년 {kind}").format(year=version.fiscal_year, kind=version.kind)
            if version
            else tr("지출: 성립된 예산이 없습니다")
        )
        self.lines.set_lines(data.lines, data.object_names)
        self.form.update_withholding()
        if not self._quiet_load:
            self.say(tr("집행할 수 있는 예산 {count}줄").format(count=len(data.lines)))
        self.load_documents()

    def load_documents(self) -> None:
        ops.load_documents(
            self.ctx, self.documents.kind(), self.documents.state(),
            self.documents.show_documents, self._failed, source=self,
        )  # fmt: skip

    def load_submissions(self, send: bool = False) -> None:
        def shown(items: list[ops.Submission]) -> None:
            self.documents.show_submissions(items)
            if send and self.documents.outbox_model.pending():
                self.send_now()

        ops.submissions(self.ctx, shown, self._failed)

    def _line_selected(self, line: object) -> None:
        obligations = self.data.obligations if self.data else {}
        line_id = getattr(line, "line_id", None)
        self.form.set_line(line, obligations.get(line_id, []) if line_id else [])  # type: ignore[arg-type]

    # -- submitting --------------------------------------------------------------------------
    def submit(self) -> None:
        made = self.form.body()
        if made is None:
            return
        kind, body = made
        self.form.submit_button.setEnabled(False)
        self.say(tr("{kind}을(를) 보관하고 보내는 중…").format(kind=kind_label(kind)))
        ops.submit(self.ctx, kind, body, self._submitted, self._submit_failed, source=self)

    def _submitted(self, outcome: ops.SubmitOutcome) -> None:
        self.form.submit_button.setEnabled(True)
        item = outcome.submission
        kind = submission_kind(item)
        if item.state is OutboxState.SENT:
            self.form.clear_after_submit()
            self.say(tr("{kind}을(를) 보냈습니다: {amount}").format(
                kind=kind, amount=won_text(item.amount)))  # fmt: skip
            self.reload(quiet=True)
        elif item.state is OutboxState.FAILED:
            self.refuse(item.status, item.error)
        else:
            self.form.clear_after_submit()
            self.say(tr("서버에 연결할 수 없어 {kind}을(를) 보낼 문서에 보관했습니다. "
                        "연결되면 한 번만 보냅니다.").format(kind=kind), True)  # fmt: skip
        self.load_submissions()

    def refuse(self, status: int | None, reason: str) -> None:
        """A refusal, at the field it concerns: 409 (잔액) → 금액, 403 → the line, else form."""
        message = tr("서버가 거절했습니다: {reason}").format(reason=reason)
        if status == 409:
            self.form.refuse(self.form.amount, message)
        elif status == 403:
            self.lines.table.setAccessibleDescription(message)
            self.form.refuse(self.form.kind, message)
        else:
            self.form.refuse(self.form.title_edit, message)
        self.status.setText(message)

    def _submit_failed(self, error: BaseException) -> None:
        self.form.submit_button.setEnabled(True)
        self._failed(error)
        self.load_submissions()

    def send_now(self, quiet: bool = False) -> None:
        """Send what waits; ``quiet`` (the timer) says nothing while still offline."""
        if self._sending:
            return
        self._sending, self._quiet = True, quiet
        ops.sync(self.ctx, self._synced, self._sync_failed, source=self)

    def _retry(self) -> None:
        if self.documents.outbox_model.pending():
            self.send_now(quiet=True)

    def _synced(self, report: PushReport) -> None:
        self._sending = False
        if report.sent or report.failed:
            text = tr("보낼 문서 {sent}건을 보냈습니다").format(sent=report.sent)
            if report.failed:
                text += " " + tr("{failed}건은 거절되었습니다: {reason}").format(
                    failed=report.failed, reason=report.messages[-1] if report.messages else ""
                )
            self.say(text, bool(report.failed))
            self.reload(quiet=True)
        elif report.offline and not self._quiet:
            self.say(tr("아직 서버에 연결할 수 없습니다. 보낼 문서는 이 PC에 보관되어 있습니다."))
        self.load_submissions()

    def _sync_failed(self, error: BaseException) -> None:
        self._sending = False
        if not self._quiet:
            self._failed(error)

    def _failed(self, error: BaseException) -> None:
        self.say(error_text(error), True)

    def say(self, text: str, assertive: bool = False) -> None:
        self.status.setText(text)
        announce(self, text, assertive)
