"""지출 처리 for the roles after the 사업담당: the 재무관 (지출원인행위 on a 품의, 반려 of a 품의,
취소 of an own 원인행위) and the 지출원 (지급명령 on a 결의, 지급 of a 지급명령, 반려 of a 결의,
취소 of a 지급명령 or 지급). Two pages, each shown only to the role that may act on it.

Panes (F6): 찾기 → 처리할 문서 → 처리. The list is filtered by a typed text and by state
(text, never colour); the chosen document and its line's 배정 잔액 are told in words. Every
action is stored in the outbox with its idempotency key before it is sent (a retry never
applies it twice); results are announced, and a refusal (배정 잔액 부족, the 결의's writer
ordering its own payment) is announced assertively and tied to the button or field it concerns.
The panes themselves are built in ``review_panes``.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.a11y import announce, identify, keys, set_tab_order
from app.i18n import N_, tr, won_text
from app.models.execution_models import STATE_LABELS, ReviewModel, kind_label
from app.operations import execution_review as ops
from app.operations.execution_common import sync
from app.services.cache.records import OutboxState
from app.views.execution.document_form import parse_won
from app.views.execution.payee_panel import error_text
from app.views.execution.review_panes import ActPane, FindPane, ListPane, Step
from app.views.page import Page
from domain.contracts.execution import DocumentOut
from domain.execution import DocKind, DocState
from domain.roles import Action

if TYPE_CHECKING:
    from app.context import AppContext
    from app.operations import Changes
    from app.services.sync.push import PushReport


class ReviewPage(Page):
    """The shared page; subclasses name the role's kinds, steps, 반려 and 취소."""

    KINDS: ClassVar[tuple[DocKind, ...]] = ()
    STEPS: ClassVar[tuple[Step, ...]] = ()
    RETURNS: ClassVar[frozenset[DocKind]] = frozenset()
    CANCELS: ClassVar[frozenset[DocKind]] = frozenset()
    WITH_AMOUNT: ClassVar[bool] = False  # the 재무관 types the 원인행위 amount

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setWindowTitle(tr(self.TITLE))
        ident = self.IDENTIFIER
        self.data: ops.ReviewData | None = None
        self._loaded = False
        self._busy = False
        self._queued: set[uuid.UUID] = set()  # documents whose action waits in the outbox
        self.heading = QLabel(tr(self.TITLE))
        identify(self.heading, f"{ident}Heading")
        self.status = QLabel()
        identify(self.status, f"{ident}Status")
        self.status.setWordWrap(True)

        # 찾기, 처리할 문서, 처리 (F6)
        self.find_pane = FindPane(ident)
        self.filter = self.find_pane.filter
        self.state_filter = self.find_pane.state_filter
        self.refresh_button = self.find_pane.refresh_button
        self.model = ReviewModel(self._line_text, self)
        self.list_pane = ListPane(ident, self.model)
        self.table = self.list_pane.table
        self.count_label = self.list_pane.count_label
        self.detail = self.list_pane.detail
        self.act_pane = ActPane(ident, self.STEPS, self.WITH_AMOUNT)
        self.amount = self.act_pane.amount
        self.reason = self.act_pane.reason
        self.step_buttons = self.act_pane.step_buttons
        for step in self.STEPS:
            self.step_buttons[step.makes].clicked.connect(
                lambda _c=False, s=step: self.take_step(s)
            )
        self.return_button = self.act_pane.return_button
        self.cancel_button = self.act_pane.cancel_button
        self.problem = self.act_pane.problem
        self.buttons = self.act_pane.buttons

        header = QHBoxLayout()
        header.addWidget(self.heading)
        header.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.find_pane)
        layout.addWidget(self.list_pane, 1)
        layout.addWidget(self.act_pane)
        set_tab_order([self.filter, self.state_filter, self.refresh_button, self.table,
                       self.amount, self.reason, *self.buttons])  # fmt: skip
        keys.register_panes(self, [self.find_pane, self.list_pane, self.act_pane])

        self.filter.textChanged.connect(self.model.set_filter)
        self.filter.textChanged.connect(lambda _t: self._after_filter())
        self.filter.returnPressed.connect(self.table.setFocus)
        self.state_filter.currentIndexChanged.connect(lambda _i: self.reload())
        self.refresh_button.clicked.connect(lambda: self.reload())
        self.amount.textEdited.connect(self._amount_edited)
        self.return_button.clicked.connect(lambda: self.close_document(DocState.RETURNED))
        self.cancel_button.clicked.connect(lambda: self.close_document(DocState.CANCELLED))
        self._attach()
        self._update_buttons()

    # -- Page ------------------------------------------------------------------------------
    def first_focus(self) -> QWidget | None:
        return self.table if self.model.rowCount() else self.filter

    def summary(self) -> str:
        return self.detail.text()

    def status_text(self) -> str:
        return ". ".join(t for t in (self.status.text(), self.detail.text()) if t)

    def activate(self) -> None:
        if not self._loaded:
            self._loaded = True
            self.reload()
        ops.waiting_actions(self.ctx, self._waiting, self._failed)

    def on_changes(self, changes: Changes, source: object) -> None:
        if source is self or not self._loaded:
            return
        if changes.versions or changes.connection or changes.execution:
            self.reload(quiet=True)  # e.g. the 재무관's 원인행위 made on another page

    # -- loading ---------------------------------------------------------------------------
    def state(self) -> DocState | None:
        value = self.state_filter.currentData()
        return DocState(value) if value else None

    def reload(self, quiet: bool = False, keep: uuid.UUID | None = None) -> None:
        if not quiet:
            self.say(tr("불러오는 중…"))
        current = self.current_document()
        keep = keep or (current.id if current else None)
        ops.load_review(self.ctx, self.KINDS, self.state(),
                        lambda data: self.apply(data, quiet, keep), self._failed,
                        source=self)  # fmt: skip

    def apply(
        self, data: ops.ReviewData, quiet: bool = False, keep: uuid.UUID | None = None
    ) -> None:
        self.data = data
        self.model.set_documents(data.documents)
        self.count_label.setText(tr("처리할 문서 {count}건").format(count=self.model.rowCount()))
        row = self.model.row_of(keep) if keep else -1
        self._select(max(row, 0))
        if not quiet:
            self.say(self.count_label.text())

    def _line_text(self, line_id: uuid.UUID) -> str:
        return self.data.line_text(line_id) if self.data else ""

    def _waiting(self, count: int) -> None:
        if count:
            self.say(tr("보내기 대기 중인 처리 {count}건을 보냅니다").format(count=count))
            sync(self.ctx, self._synced, self._failed, source=self)

    def _synced(self, report: PushReport) -> None:
        if not report.offline:
            self._queued.clear()  # sent (or refused, and said): the documents may be acted on
        if report.sent or report.failed:
            text = tr("보낼 처리 {sent}건을 보냈습니다").format(sent=report.sent)
            if report.failed:
                text += " " + tr("{failed}건은 거절되었습니다: {reason}").format(
                    failed=report.failed, reason=report.messages[-1] if report.messages else ""
                )
            self.say(text, bool(report.failed))  # fmt: skip
        self.reload(quiet=True)

    # -- selection -------------------------------------------------------------------------
    def _attach(self) -> None:
        selection = self.table.selectionModel()
        selection.currentRowChanged.connect(lambda _c, _p: self._selected())

    def _select(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(row, 0))
        self._selected()

    def _after_filter(self) -> None:
        self.count_label.setText(tr("처리할 문서 {count}건").format(count=self.model.rowCount()))
        self._select(0)

    def current_document(self) -> DocumentOut | None:
        index: QModelIndex = self.table.currentIndex()
        return self.model.row_object(index.row()) if index.isValid() else None

    def select_document(self, document_id: uuid.UUID) -> None:
        self._select(self.model.row_of(document_id))

    def _selected(self) -> None:
        doc = self.current_document()
        self.problem.clear()
        for button in self.buttons:
            button.setAccessibleDescription("")
        if doc is None:
            self.detail.setText(tr("처리할 문서가 없습니다"))
        else:
            line = self.data.lines.get(doc.line_id) if self.data else None
            text = tr("{kind} {title}: 금액 {amount}, 남은 금액 {left}, 작성자 {author}, "
                      "상태 {state}").format(
                kind=kind_label(doc.kind), title=doc.title, amount=won_text(doc.amount),
                left=won_text(doc.left), author=doc.author_login, state=tr(STATE_LABELS[doc.state]),
            )  # fmt: skip
            if line is not None:
                text += ". " + tr("{line}: 배정 {allotted}, 배정 잔액 {left}").format(
                    line=self._line_text(doc.line_id), allotted=won_text(line.allotted),
                    left=won_text(line.allotment_left),
                )  # fmt: skip
            if doc.reason:
                text += ". " + tr("사유: {reason}").format(reason=doc.reason)
            if doc.id in self._queued:
                text += ". " + tr("처리가 보내기 대기 중입니다 (서버에 연결되면 보냅니다)")
            self.detail.setText(text)
            if self.WITH_AMOUNT:
                suggested = min(doc.left, line.allotment_left) if line else doc.left
                self.amount.setText(f"{max(suggested, 0):,}")
        self.table.setAccessibleDescription(self.detail.text())
        self._update_buttons()

    def _update_buttons(self) -> None:
        doc = self.current_document()
        # a document with an action waiting in the outbox takes no second one until it is sent
        active = doc is not None and doc.state is DocState.ACTIVE and doc.id not in self._queued
        for step in self.STEPS:
            self.step_buttons[step.makes].setEnabled(
                active and doc is not None and doc.kind in step.on and doc.left > 0
            )
        free = active and doc is not None and doc.used == 0
        self.return_button.setEnabled(free and doc is not None and doc.kind in self.RETURNS)
        self.cancel_button.setEnabled(free and doc is not None and doc.kind in self.CANCELS)
        self.amount.setEnabled(active and doc is not None and doc.kind is DocKind.REQUEST)

    def _amount_edited(self, text: str) -> None:
        amount = parse_won(text)
        shown = f"{amount:,}" if amount is not None else ""
        if shown != text:
            self.amount.setText(shown)

    # -- acting ----------------------------------------------------------------------------
    def take_step(self, step: Step) -> None:
        doc = self.current_document()
        button = self.step_buttons[step.makes]
        if doc is None or self._busy:
            return
        payload: dict[str, Any] = {"parent_id": str(doc.id), "title": doc.title}
        if step.makes is DocKind.OBLIGATION:
            amount = parse_won(self.amount.text())
            if amount is None or amount <= 0:
                self.refuse(self.amount, tr("금액을 원 단위 숫자로 입력하세요"))
                return
            if amount > doc.left:
                self.refuse(self.amount, tr("품의의 남은 금액 {left}보다 큽니다").format(
                    left=won_text(doc.left)))  # fmt: skip
                return
            payload.update(line_id=str(doc.line_id), amount=amount)
        else:
            amount = doc.left
        label = kind_label(step.makes)
        done = tr("{kind}을(를) 했습니다: {title} {amount}").format(
            kind=label, title=doc.title, amount=won_text(amount))  # fmt: skip
        target = self.amount if step.makes is DocKind.OBLIGATION else button
        self._send(label, ops.ACTION_PATHS[step.makes], payload, done, target, doc.id)

    def close_document(self, to: DocState) -> None:
        doc = self.current_document()
        if doc is None or self._busy:
            return
        reason = self.reason.text().strip()
        if not reason:
            self.refuse(self.reason, tr("{action} 사유를 적으세요").format(
                action=tr(STATE_LABELS[to])))  # fmt: skip
            return
        button = self.return_button if to is DocState.RETURNED else self.cancel_button
        done = tr("{kind} {title}을(를) {action}했습니다. {amount}이(가) 풀렸습니다").format(
            kind=kind_label(doc.kind), title=doc.title, action=tr(STATE_LABELS[to]),
            amount=won_text(doc.amount),
        )  # fmt: skip
        self._send(tr(STATE_LABELS[to]), ops.close_path(doc.id, to), {"reason": reason}, done,
                   button, doc.id)  # fmt: skip

    def _send(self, label: str, path: str, payload: dict[str, Any], done: str,
              target: QWidget, doc_id: uuid.UUID) -> None:  # fmt: skip
        self._busy = True
        self.say(tr("{action}을(를) 보관하고 보내는 중…").format(action=label))

        def finished(outcome: ops.ActionOutcome) -> None:
            self._busy = False
            if outcome.state is OutboxState.SENT:
                self.reason.clear()
                self.say(done)
                self.table.setFocus(Qt.FocusReason.OtherFocusReason)
                self.reload(quiet=True, keep=doc_id)
            elif outcome.state is OutboxState.FAILED:
                self.refuse(target, tr("서버가 거절했습니다: {reason}").format(
                    reason=outcome.error))  # fmt: skip
            else:
                self._queued.add(doc_id)
                self._selected()
                self.say(tr("서버에 연결할 수 없어 {action}을(를) 보낼 문서에 보관했습니다. "
                            "연결되면 한 번만 보냅니다.").format(action=label), True)  # fmt: skip

        def failed(error: BaseException) -> None:
            self._busy = False
            self.refuse(target, error_text(error))

        ops.act(self.ctx, label, path, payload, finished, failed, source=self)

    def refuse(self, widget: QWidget, message: str) -> None:
        """Tell a problem at the control it concerns: its description, the focus, assertively."""
        self.problem.setText(message)
        widget.setAccessibleDescription(message)
        if widget.isEnabled():
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
        self.say(message, True)

    def _failed(self, error: BaseException) -> None:
        self._busy = False
        self.say(error_text(error), True)

    def say(self, text: str, assertive: bool = False) -> None:
        self.status.setText(text)
        announce(self, text, assertive)


class ObligationPage(ReviewPage):
    """재무관: 품의 → 지출원인행위 (금액 ≤ 배정 잔액), 반려 of a 품의, 취소 of a 원인행위."""

    TITLE = N_("지출원인행위 처리")
    IDENTIFIER = "obligationPage"
    DESCRIPTION = N_("품의를 보고 지출원인행위를 하거나 반려합니다")
    REQUIRED_ACTION = Action.OBLIGATE.value
    KINDS = (DocKind.REQUEST, DocKind.OBLIGATION)
    STEPS = (Step(DocKind.OBLIGATION, frozenset({DocKind.REQUEST}), N_("지출원인행위(&O)"),
                  "obligationMake"),)  # fmt: skip
    RETURNS = frozenset({DocKind.REQUEST})
    CANCELS = frozenset({DocKind.OBLIGATION})
    WITH_AMOUNT = True


class PaymentPage(ReviewPage):
    """지출원: 결의 → 지급명령 → 지급, 반려 of a 결의, 취소 of a 지급명령 or 지급."""

    TITLE = N_("지급 처리")
    IDENTIFIER = "paymentPage"
    DESCRIPTION = N_("지출결의를 보고 지급명령과 지급을 하거나 반려합니다")
    REQUIRED_ACTION = Action.ISSUE_PAYMENT_ORDER.value
    KINDS = (DocKind.RESOLUTION, DocKind.PETTY_CASH, DocKind.PAYMENT_ORDER, DocKind.PAYMENT)
    STEPS = (
        Step(DocKind.PAYMENT_ORDER, frozenset({DocKind.RESOLUTION, DocKind.PETTY_CASH}),
             N_("지급명령(&P)"), "paymentOrderMake"),
        Step(DocKind.PAYMENT, frozenset({DocKind.PAYMENT_ORDER}), N_("지급(&Y)"),
             "paymentMake"),
    )  # fmt: skip
    RETURNS = frozenset({DocKind.RESOLUTION, DocKind.PETTY_CASH})
    CANCELS = frozenset({DocKind.PAYMENT_ORDER, DocKind.PAYMENT})
