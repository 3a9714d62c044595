"""Version actions of the 조정 page: 확정 (with the 회계 that do not balance when refused),
의결 entry (council cuts; a raise is refused naming the line), 성립, 제N회 추경, next year."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.a11y import status_label
from app.i18n import thousand_text, tr
from app.operations import cycle
from app.views.adjust.common import (
    AmountError,
    ProgressRow,
    TextList,
    add_row,
    button,
    parse_thousand,
    report,
)
from domain.contracts.budget import ExpenditureLineOut, RevenueLineOut, VersionDetail
from domain.roles import Action, can

if TYPE_CHECKING:
    from app.context import AppContext

Line = ExpenditureLineOut | RevenueLineOut
_LINE_FIELD = re.compile(r"lines\[(\d+)\]")


class VersionPanel(QGroupBox):
    """확정 → 의결 → 성립 of the shown version, and new versions made from it."""

    def __init__(
        self,
        ctx: AppContext,
        selected: Callable[[], tuple[Line | None, str]],
        on_moved: Callable[[uuid.UUID | None], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(tr("예산 버전 작업"), parent)
        self.ctx = ctx
        self._selected = selected
        self._on_moved = on_moved
        self.detail: VersionDetail | None = None
        self.cuts: dict[uuid.UUID, tuple[str, int]] = {}
        self.confirm_button = button(
            tr("확정"), "cycle.confirm", self.confirm,
            tr("회계마다 세입과 세출이 같고 모든 세부사업이 요구되었을 때 확정합니다."),
        )  # fmt: skip
        self.establish_button = button(tr("성립"), "cycle.establish", self.establish)
        self.supplementary_button = button(
            tr("추가경정예산 만들기"), "cycle.supplementary", self.create_supplementary,
            tr("성립한 예산에서 제N회 추경을 만듭니다. 성립액이 기정액이 됩니다."),
        )  # fmt: skip
        self.next_year_button = button(
            tr("다음 연도 예산 만들기"), "cycle.next_year", self.create_next_year,
            tr("이 예산의 사업 구조와 금액으로 다음 연도 본예산(안)을 만듭니다."),
        )  # fmt: skip
        self.council_amount = QLineEdit()
        council = QFormLayout()
        add_row(
            council, tr("의결액(천원)"), self.council_amount, "cycle.council_amount",
            tr("표에서 고른 항목의 의회 의결 금액, 천원 단위. 삭감만 할 수 있습니다."),
        )  # fmt: skip
        self.add_cut_button = button(tr("의결 목록에 추가"), "cycle.add_cut", self.add_cut)
        self.clear_cuts_button = button(tr("의결 목록 비우기"), "cycle.clear_cuts", self.clear_cuts)
        self.cut_list = TextList(tr("의결 목록"), "cycle.cuts", tr("의회가 삭감한 항목과 금액"))
        self.adopt_button = button(
            tr("의결 반영"), "cycle.adopt", self.adopt,
            tr("의결 목록의 금액을 반영하고 예산을 의결 상태로 바꿉니다."),
        )  # fmt: skip
        self.reasons = TextList(tr("처리하지 못한 이유"), "cycle.reasons")
        self.message = status_label("adjust.versionMessage")
        self.message.setWordWrap(True)
        self.progress = ProgressRow("cycle")
        grid = QGridLayout()
        grid.addWidget(self.confirm_button, 0, 0)
        grid.addWidget(self.establish_button, 0, 1)
        grid.addWidget(self.supplementary_button, 1, 0)
        grid.addWidget(self.next_year_button, 1, 1)
        cut_label = QLabel(tr("의결 목록"))
        cut_label.setBuddy(self.cut_list)
        reasons_label = QLabel(tr("처리하지 못한 이유"))
        reasons_label.setBuddy(self.reasons)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addLayout(council)
        layout.addWidget(self.add_cut_button)
        layout.addWidget(cut_label)
        layout.addWidget(self.cut_list)
        layout.addWidget(self.clear_cuts_button)
        layout.addWidget(self.adopt_button)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(reasons_label)
        layout.addWidget(self.reasons)
        self.set_version(None)

    def focus_order(self) -> list[QWidget]:
        return [
            self.confirm_button, self.establish_button, self.supplementary_button,
            self.next_year_button, self.council_amount, self.add_cut_button, self.cut_list,
            self.clear_cuts_button, self.adopt_button, self.progress.cancel, self.reasons,
        ]  # fmt: skip

    # -- state ---------------------------------------------------------------------------------
    def set_version(self, detail: VersionDetail | None) -> None:
        if detail is None or self.detail is None or detail.id != self.detail.id:
            self.clear_cuts()
        self.detail = detail
        roles = [] if self.ctx.session.user is None else self.ctx.session.user.roles
        state = detail.state if detail is not None else ""
        self.confirm_button.setEnabled(state == "작성중" and can(roles, Action.CONFIRM))
        adopting = state == "확정" and can(roles, Action.ADOPT)
        for widget in (self.council_amount, self.add_cut_button, self.adopt_button):
            widget.setEnabled(adopting)
        self.clear_cuts_button.setEnabled(adopting)
        self.establish_button.setEnabled(state == "의결" and can(roles, Action.ESTABLISH))
        creator = can(roles, Action.CREATE_SUPPLEMENTARY)
        self.supplementary_button.setEnabled(state == "성립" and creator)
        self.next_year_button.setEnabled(detail is not None and creator)

    def _show_reasons(self, reasons: list[str]) -> None:
        self.reasons.set_texts(reasons)

    def _refused(
        self, what: str, widget: QWidget, labels: list[str] | None = None
    ) -> Callable[[BaseException], None]:
        def show(error: BaseException) -> None:
            self.progress.finish()
            reasons = cycle.refusal_reasons(error) or _name_lines(error, labels or [])
            self._show_reasons(reasons or [cycle.error_text(error)])
            text = tr("{what}하지 못했습니다: {reason}").format(
                what=what, reason=cycle.error_text(error)
            )
            report(widget, self.message, text, error=True)
            widget.setAccessibleDescription("; ".join(reasons) or text)

        return show

    def _cancelled(self, what: str, widget: QWidget) -> Callable[[], None]:
        def show() -> None:
            self.progress.finish()
            report(widget, self.message, tr("{what}을(를) 취소했습니다.").format(what=what))

        return show

    def _moved(self, text: str, widget: QWidget) -> Callable[[VersionDetail], None]:
        def show(detail: VersionDetail) -> None:
            self.progress.finish()
            self._show_reasons([])
            widget.setAccessibleDescription("")
            report(widget, self.message, text.format(kind=detail.kind, state=detail.state))
            self._on_moved(detail.id)

        return show

    # -- actions -------------------------------------------------------------------------------
    def confirm(self) -> None:
        if self.detail is None:
            return
        cycle.confirm(
            self.ctx, self.detail.id,
            self._moved(tr("{kind}을(를) 확정했습니다."), self.confirm_button),
            self._refused(tr("확정"), self.confirm_button), source=self,
        )  # fmt: skip

    def add_cut(self) -> None:
        line, label = self._selected()
        if line is None:
            report(
                self.council_amount, self.message, tr("먼저 표에서 항목을 고르세요."), error=True
            )
            return
        try:
            amount = parse_thousand(self.council_amount.text())
        except AmountError as error:
            report(self.council_amount, self.message, error.message, error=True)
            return
        self.cuts[line.id] = (label, amount)
        self._show_cuts()
        self.council_amount.setAccessibleDescription("")
        report(
            self.add_cut_button, self.message,
            tr("의결 목록에 넣었습니다: {line} {amount}").format(
                line=label, amount=thousand_text(amount)
            ),
        )  # fmt: skip

    def _show_cuts(self) -> None:
        self.cut_list.set_texts(
            [f"{label}: {thousand_text(amount)}" for label, amount in self.cuts.values()]
        )

    def clear_cuts(self) -> None:
        self.cuts.clear()
        self.cut_list.clear()

    def adopt(self) -> None:
        if self.detail is None:
            return
        cuts = {line_id: amount for line_id, (_label, amount) in self.cuts.items()}
        labels = [label for label, _amount in self.cuts.values()]
        cycle.adopt(
            self.ctx, self.detail.id, cuts,
            self._moved(tr("의회 의결을 반영했습니다 ({state})."), self.adopt_button),
            self._refused(tr("의결 반영"), self.council_amount, labels), source=self,
        )  # fmt: skip

    def establish(self) -> None:
        if self.detail is None:
            return
        cycle.establish(
            self.ctx, self.detail.id,
            self._moved(tr("{kind}이(가) 성립했습니다."), self.establish_button),
            self._refused(tr("성립"), self.establish_button), source=self,
        )  # fmt: skip

    def create_supplementary(self) -> None:
        if self.detail is None:
            return
        announce_text = tr("추가경정예산을 만드는 중입니다. 모든 예산 항목을 복사합니다.")
        report(self.supplementary_button, self.message, announce_text)
        state = cycle.create_supplementary(
            self.ctx, self.detail.id,
            self._moved(tr("{kind}을(를) 만들었습니다."), self.supplementary_button),
            self._refused(tr("추경 만들기"), self.supplementary_button),
            on_progress=self.progress.progress, source=self,
            on_cancelled=self._cancelled(tr("추경 만들기"), self.supplementary_button),
        )  # fmt: skip
        self.progress.start(state)

    def create_next_year(self) -> None:
        if self.detail is None:
            return
        report(self.next_year_button, self.message, tr("다음 연도 예산을 만드는 중입니다."))
        state = cycle.create_next_year(
            self.ctx, self.detail.id,
            self._moved(tr("{kind}을(를) 만들었습니다."), self.next_year_button),
            self._refused(tr("다음 연도 예산 만들기"), self.next_year_button),
            on_progress=self.progress.progress, source=self,
            on_cancelled=self._cancelled(tr("다음 연도 예산 만들기"), self.next_year_button),
        )  # fmt: skip
        self.progress.start(state)


def _name_lines(error: BaseException, labels: list[str]) -> list[str]:
    """Per-line messages ("lines[0].amount") with the line's name as the page shows it."""
    named = []
    for field, message in cycle.field_messages(error).items():
        match = _LINE_FIELD.match(field)
        index = int(match.group(1)) if match else -1
        named.append(f"{labels[index]}: {message}" if 0 <= index < len(labels) else message)
    return named
