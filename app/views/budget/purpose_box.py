"""사업목적 of the selected 세부사업, on the 예산편성 page (printed on the 세부사업설명서).

A labelled multi-line field (Tab leaves it; Alt+U comes back) and a 사업목적 저장 button. When
the user may not write it (another 부서, a request already 요구, a version no longer 작성중, a
정책/단위사업 chosen) the field is read-only and the status under it says why in words; the
button stays in the tab order but refuses with the same words. Saving sends the text with the
version being written; the result or the server's refusal is announced.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QGroupBox, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from app.a11y import announce, buddy, name, status_label
from app.i18n import tr
from app.operations import cycle
from app.operations import purpose as ops
from domain.contracts.structure import PURPOSE_MAX

if TYPE_CHECKING:
    from app.context import AppContext
    from app.operations.budget import BudgetData
    from domain.contracts.structure import ProgramOut


class PurposeBox(QGroupBox):
    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, *, source: object = None
    ) -> None:
        super().__init__(tr("사업목적"), parent)
        self.setObjectName("purposeBox")
        self.ctx = ctx
        self.source = source
        self.program: ProgramOut | None = None
        self.data: BudgetData | None = None
        self.refusal = ""
        label = QLabel(tr("사업목적(&U)"))
        self.edit = QPlainTextEdit()
        self.edit.setTabChangesFocus(True)
        self.edit.setMaximumHeight(self.fontMetrics().lineSpacing() * 5)
        buddy(
            label, self.edit,
            tr("세부사업설명서에 인쇄되는 사업목적입니다. 2,000자까지 적을 수 있습니다."),
            "purposeEdit",
        )  # fmt: skip
        self.save_button = name(
            QPushButton(tr("사업목적 저장")),
            tr("사업목적 저장"),
            tr("고친 사업목적을 서버에 저장합니다."),
            "purposeSave",
        )
        self.save_button.clicked.connect(self.save)
        self.status = status_label("purposeStatus")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        for widget in (label, self.edit, self.save_button, self.status):
            layout.addWidget(widget)
        self.show_program(None, None)

    def focus_chain(self) -> list[QWidget]:
        return [self.edit, self.save_button]

    def show_program(self, program: ProgramOut | None, data: BudgetData | None) -> None:
        """Show ``program``'s 사업목적 (the page calls this when the selection changes)."""
        self.data = data
        if program is not None and data is not None:  # the latest copy (a save replaces it)
            program = next((p for p in data.programs if p.id == program.id), program)
        self.program = program if program is not None and program.level == "세부" else None
        if self.program is None:
            self.edit.setPlainText("")
            self.edit.setReadOnly(True)
            self.refusal = tr("세부사업을 고르면 사업목적을 보고 고칠 수 있습니다.")
            self.status.setText(self.refusal)
            return
        version = data.version if data is not None else None
        request = data.states.get(self.program.id) if data is not None else None
        reason = ops.purpose_refusal(data.user if data else None, self.program, version, request)
        self.refusal = tr(reason).format(state=request.state if request else "") if reason else ""
        self.edit.setPlainText(self.program.purpose)
        self.edit.setReadOnly(bool(self.refusal))
        empty = tr("사업목적이 아직 없습니다.") if not self.program.purpose else ""
        self.status.setText(" ".join(t for t in (empty, self.refusal) if t))

    def text(self) -> str:
        return self.edit.toPlainText().strip()

    def save(self) -> None:
        program = self.program
        if program is None or self.refusal:
            self._say(self.refusal, error=True)
            return
        text = self.text()
        if len(text) > PURPOSE_MAX:
            self._say(
                tr("사업목적이 너무 깁니다: {count}자입니다. {limit}자 이내로 줄이십시오.").format(
                    count=f"{len(text):,}", limit=f"{PURPOSE_MAX:,}"
                ),
                error=True,
            )
            return
        if text == program.purpose:
            self._say(tr("사업목적이 바뀌지 않았습니다."))
            return
        version = self.data.version if self.data is not None else None
        version_id: uuid.UUID | None = version.id if version is not None else None
        self.save_button.setEnabled(False)
        self.status.setText(tr("사업목적을 저장하는 중입니다…"))
        ops.save_purpose(
            self.ctx, program, text, version_id, self._saved, self._failed, source=self.source
        )

    def _saved(self, program: ProgramOut) -> None:
        self.save_button.setEnabled(True)
        if self.data is not None:
            self.data.programs = [program if p.id == program.id else p for p in self.data.programs]
        if self.program is not None and self.program.id == program.id:
            self.program = program
        self._say(tr("'{name}'의 사업목적을 저장했습니다.").format(name=program.name))

    def _failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        self._say(tr("사업목적을 저장하지 못했습니다: {reason}").format(
            reason=cycle.error_text(error)), error=True)  # fmt: skip

    def _say(self, text: str, *, error: bool = False) -> None:
        self.status.setText(text)
        announce(self.edit if error else self.save_button, text, assertive=error)
