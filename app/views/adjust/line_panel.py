"""The selected line on the 조정 page: its 요구 → 조정 → 의결 history, 조정 with a required
reason, and 반려 of its 세부사업."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.a11y import name, status_label
from app.i18n import thousand_text, tr
from app.operations import cycle
from app.views.adjust.common import (
    AmountError,
    TextList,
    add_row,
    button,
    parse_thousand,
    report,
)
from domain.contracts.audit import HistoryEvent
from domain.contracts.budget import ExpenditureLineOut, RevenueLineOut

if TYPE_CHECKING:
    from app.context import AppContext

Line = ExpenditureLineOut | RevenueLineOut


def amount_steps(line: Line, supplementary: bool) -> list[str]:
    """The line's amounts in cycle order, as sentences: 기정 (추경), 요구, 조정, 의결."""
    steps: list[str] = []
    if supplementary:
        steps.append(tr("기정액 {amount}").format(amount=thousand_text(line.base_amount)))
        steps.append(tr("경정액 {amount}").format(amount=thousand_text(line.amount)))
        steps.append(
            tr("증감 {amount}").format(amount=thousand_text(line.amount - line.base_amount))
        )
    if line.requested_amount is not None:
        steps.append(tr("요구 {amount}").format(amount=thousand_text(line.requested_amount)))
    if line.adjusted_amount is not None:
        text = tr("조정 {amount}").format(amount=thousand_text(line.adjusted_amount))
        if line.adjust_reason:
            text += " " + tr("(사유: {reason})").format(reason=line.adjust_reason)
        steps.append(text)
    if line.adopted_amount is not None:
        steps.append(tr("의결 {amount}").format(amount=thousand_text(line.adopted_amount)))
    if not steps:
        steps.append(tr("현재 {amount}").format(amount=thousand_text(line.amount)))
    return steps


class LinePanel(QGroupBox):
    """조정 and history of one line; ``changed(line)`` is called with the server's answer."""

    def __init__(
        self,
        ctx: AppContext,
        on_adjusted: Callable[[Line], None],
        on_returned: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(tr("선택한 예산 항목"), parent)
        self.ctx = ctx
        self._on_adjusted = on_adjusted
        self._on_returned = on_returned
        self.line: Line | None = None
        self.supplementary = False
        self.summary = QLabel(tr("표에서 예산 항목을 고르세요."))
        self.summary.setWordWrap(True)
        self.amount = QLineEdit()
        self.reason = QLineEdit()
        self.reason.setMaxLength(1000)
        form = QFormLayout()
        add_row(
            form, tr("조정액(천원)"), self.amount, "adjust.amount",
            tr("예산부서가 정한 금액, 천원 단위. 예: 4,800"),
        )  # fmt: skip
        add_row(
            form, tr("조정 사유"), self.reason, "adjust.reason", tr("조정에는 사유가 필요합니다.")
        )
        self.adjust_button = button(tr("조정"), "adjust.apply", self.apply_adjust)
        self.return_button = button(
            tr("요구 반려"), "adjust.return", self.return_request,
            tr("선택한 항목의 세부사업 요구를 작성중으로 돌려보냅니다."),
        )  # fmt: skip
        self.history = TextList(
            tr("조정 이력"), "adjust.history", tr("요구, 조정, 의결 금액과 변경 기록")
        )
        self.message = status_label("adjust.lineMessage")
        self.message.setWordWrap(True)
        name(self.message, tr("조정 결과"), None, "adjust.message")
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(form)
        layout.addWidget(self.adjust_button)
        layout.addWidget(self.return_button)
        history_label = QLabel(tr("조정 이력"))
        history_label.setBuddy(self.history)
        layout.addWidget(history_label)
        layout.addWidget(self.history, 1)
        layout.addWidget(self.message)
        self.set_line(None)

    def focus_order(self) -> list[QWidget]:
        return [self.amount, self.reason, self.adjust_button, self.return_button, self.history]

    def set_permissions(self, may_adjust: bool, may_return: bool) -> None:
        self._may_adjust, self._may_return = may_adjust, may_return
        self._update_enabled()

    def _update_enabled(self) -> None:
        has_line = self.line is not None
        may_adjust = getattr(self, "_may_adjust", False) and has_line
        self.amount.setEnabled(may_adjust)
        self.reason.setEnabled(may_adjust)
        self.adjust_button.setEnabled(may_adjust)
        may_return = getattr(self, "_may_return", False) and isinstance(
            self.line, ExpenditureLineOut
        )
        self.return_button.setEnabled(may_return)

    def set_line(self, line: Line | None, label: str = "") -> None:
        self.line = line
        self.history.clear()
        self.amount.setAccessibleDescription(tr("예산부서가 정한 금액, 천원 단위. 예: 4,800"))
        if line is None:
            self.summary.setText(tr("표에서 예산 항목을 고르세요."))
            self.amount.clear()
        else:
            self.summary.setText(label)
            self.amount.setText(f"{line.amount:,}")
            self.reason.setText(line.adjust_reason)
            self.history.set_texts(amount_steps(line, self.supplementary))
            cycle.line_history(self.ctx, line, self._show_events, lambda _e: None)
        self._update_enabled()

    def _show_events(self, events: list[HistoryEvent]) -> None:
        texts = []
        for event in events:
            when = event.at.astimezone().strftime("%Y-%m-%d %H:%M")
            texts.append(
                tr("{when} {who}: {what}").format(
                    when=when, who=event.actor_login, what=event.summary
                )
            )
        self.history.add_texts(texts)

    def apply_adjust(self) -> None:
        line = self.line
        if line is None:
            return
        try:
            amount = parse_thousand(self.amount.text())
        except AmountError as error:
            report(self.amount, self.message, error.message, error=True)
            self.amount.setFocus()
            return
        reason = self.reason.text().strip()
        if not reason:
            text = tr("조정 사유를 입력하세요. 사유 없이는 조정할 수 없습니다.")
            report(self.reason, self.message, text, error=True)
            self.reason.setFocus()
            return
        cycle.adjust(self.ctx, line, amount, reason, self._adjusted, self._refused, source=self)

    def _adjusted(self, line: Line) -> None:
        self.amount.setAccessibleDescription("")
        self.reason.setAccessibleDescription("")
        text = tr("조정했습니다: {amount}").format(amount=thousand_text(line.amount))
        report(self.adjust_button, self.message, text)
        self._on_adjusted(line)

    def _refused(self, error: BaseException) -> None:
        text = tr("조정하지 못했습니다: {reason}").format(reason=cycle.error_text(error))
        report(self.amount, self.message, text, error=True)

    def return_request(self) -> None:
        line = self.line
        if not isinstance(line, ExpenditureLineOut):
            return
        cycle.return_request(
            self.ctx, line.version_id, line.program_id, self._returned, self._refused_return,
            source=self,
        )  # fmt: skip

    def _returned(self, _state: object) -> None:
        report(self.return_button, self.message, tr("세부사업 요구를 반려했습니다 (작성중)."))
        self._on_returned()

    def _refused_return(self, error: BaseException) -> None:
        text = tr("반려하지 못했습니다: {reason}").format(reason=cycle.error_text(error))
        report(self.return_button, self.message, text, error=True)
