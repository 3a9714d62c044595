"""The page's action buttons: 새 줄, 저장, 세부사업 제출, 부서 요구 제출, 변경 이력.

Each is a named button with a shortcut (in its description), active while the page has
focus. Submitting first sends the drafts of what is submitted, so what is 요구 is what the user
sees; a stale draft opens the conflict dialog before anything is submitted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QWidget

from app.a11y import name
from app.i18n import N_, tr
from app.operations import budget as ops
from domain.contracts.budget import RequestStateOut

if TYPE_CHECKING:
    from app.views.budget.budget_page import BudgetPage

_ACTIONS = (
    ("budgetNewLine", N_("새 줄"), "Ctrl+Shift+N", "new_line"),
    ("budgetSave", N_("서버에 저장"), "Ctrl+S", "save"),
    ("budgetSubmitProgram", N_("세부사업 요구 제출"), "Ctrl+Shift+S", "submit_program"),
    ("budgetSubmitDepartment", N_("부서 요구 제출"), "", "submit_department"),
    ("budgetHistory", N_("변경 이력"), "Ctrl+H", "history"),
)


class BudgetActions(QWidget):
    def __init__(self, page: BudgetPage) -> None:
        super().__init__(page)
        self.page = page
        self.setObjectName("budgetActions")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.buttons: dict[str, QPushButton] = {}
        self.dialog: QDialog | None = None
        for ident, text, keys, handler in _ACTIONS:
            button = QPushButton(tr(text))
            shown = QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)
            name(button, tr(text), tr("단축키 {keys}").format(keys=shown) if keys else None, ident)
            button.clicked.connect(getattr(self, handler))
            if keys:
                action = QAction(tr(text), page)
                action.setShortcut(QKeySequence(keys))
                action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                action.triggered.connect(getattr(self, handler))
                page.addAction(action)
            layout.addWidget(button)
            self.buttons[ident] = button
        previous: QWidget | None = None
        for button in self.buttons.values():
            if previous is not None:
                QWidget.setTabOrder(previous, button)
            previous = button

    def first(self) -> QWidget:
        return self.buttons["budgetNewLine"]

    def last(self) -> QWidget:
        return self.buttons["budgetHistory"]

    def update_state(self) -> None:
        page = self.page
        detail = page.program is not None and page.program.level == "세부"
        self.buttons["budgetNewLine"].setEnabled(detail)
        self.buttons["budgetSubmitProgram"].setEnabled(detail)
        user = page.data.user if page.data else None
        self.buttons["budgetSubmitDepartment"].setEnabled(bool(user and user.department_id))

    # -- handlers --------------------------------------------------------------------------
    def new_line(self) -> None:
        from app.views.budget.line_form import LineForm

        page, data, program = self.page, self.page.data, self.page.program
        if data is None or program is None or program.level != "세부":
            page.say(tr("먼저 세부사업을 고르세요"), True)
            return
        form = LineForm(program.name, data.accounts, data.objects, data.fundings, page)
        self.dialog = form

        def done(result: int) -> None:
            self.dialog = None
            form.deleteLater()
            if result != QDialog.DialogCode.Accepted:
                return
            code = form.object_code()
            assert code is not None
            page.editing.add_new(program.id, form.account_code(), code, form.funding_code())
            page.say(tr("새 줄을 만들었습니다. 산출근거를 입력하세요."), False)
            page.editor.add_item()

        form.finished.connect(done)
        form.open()

    def _refuse_errors(self) -> bool:
        """A formula error in the open line: say it, focus the field, do not send."""
        editor = self.page.editor
        error = editor.focus_first_error() if editor.isEnabled() else ""
        if error:
            self.page.say(tr("고칠 곳이 있어 보내지 않았습니다. {error}").format(error=error), True)
        return bool(error)

    def save(self) -> None:
        if self._refuse_errors():
            return
        self.page.say(tr("서버에 저장하는 중…"), False)
        self.page.editing.save(None)

    def submit_program(self) -> None:
        page, data, program = self.page, self.page.data, self.page.program
        if data is None or data.version is None or program is None or program.level != "세부":
            page.say(tr("먼저 세부사업을 고르세요"), True)
            return
        if self._refuse_errors():
            return
        version_id = data.version.id

        def submitted(state: RequestStateOut) -> None:
            data.states[state.program_id] = state
            page.lines.model.set_states({k: v.state for k, v in data.states.items()})
            page.say(tr("{program}을(를) 요구했습니다").format(program=state.program_name), False)

        def submit() -> None:
            ops.submit_program(page.ctx, version_id, program.id, submitted, page.editing._failed)

        page.say(tr("요구 제출 중…"), False)
        page.editing.save(frozenset({program.id}), submit)

    def submit_department(self) -> None:
        page, data = self.page, self.page.data
        user = data.user if data else None
        if data is None or data.version is None or user is None or user.department_id is None:
            return
        version_id, department_id = data.version.id, user.department_id
        mine = frozenset(p.id for p in data.programs if p.department_id == department_id)

        def submitted(states: list[RequestStateOut]) -> None:
            for state in states:
                data.states[state.program_id] = state
            page.lines.model.set_states({k: v.state for k, v in data.states.items()})
            page.say(
                tr("부서 요구를 제출했습니다: 세부사업 {count}개").format(count=len(states)), False
            )

        def submit() -> None:
            ops.submit_department(
                page.ctx, version_id, department_id, submitted, page.editing._failed
            )

        page.editing.save(mine, submit)

    def history(self) -> None:
        from app.views.budget.history_dialog import HistoryDialog

        page = self.page
        line = page.lines.current_line()
        if line is None or line.version == 0:
            page.say(tr("서버에 저장된 줄을 고르세요"), True)
            return

        def show(events: list) -> None:  # type: ignore[type-arg]
            title = getattr(line, "object_code", "")
            dialog = HistoryDialog(title, events, page)
            self.dialog = dialog
            dialog.finished.connect(dialog.deleteLater)
            dialog.open()

        ops.line_history(page.ctx, line.id, show, page.editing._failed)
