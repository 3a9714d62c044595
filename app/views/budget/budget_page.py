"""예산편성: the program tree, the selected program's lines, the 산출근거 editor, and actions.

Loading goes through ``app.operations.budget``; the editing flow (drafts, save, conflicts,
submit) lives in :mod:`app.views.budget.editing`. On activation the drafts left in the cache are
restored and the page says how many.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent, QUndoStack
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from app.a11y import identify, keys, status_label
from app.a11y.theme import scroll_pane
from app.i18n import N_, thousand_text, tr, won_text
from app.models import LineColumn
from app.operations import Changes
from app.operations import budget as ops
from app.views.budget.actions import BudgetActions
from app.views.budget.basis_editor import BasisEditor
from app.views.budget.editing import LineEditing
from app.views.budget.lines_panel import LinesPanel
from app.views.budget.program_panel import ProgramPanel
from app.views.budget.purpose_box import PurposeBox
from app.views.layout_state import remember_splitter
from app.views.page import Page
from domain.contracts.structure import ProgramOut

if TYPE_CHECKING:
    from app.context import AppContext


class BudgetPage(Page):
    TITLE = N_("예산편성")
    IDENTIFIER = "budgetPage"
    DESCRIPTION = N_("세부사업의 편성 줄과 산출근거를 작성하고 요구합니다")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setWindowTitle(tr(self.TITLE))  # when shown on its own (tests, benchmark)
        self.data: ops.BudgetData | None = None
        self.program: ProgramOut | None = None
        self.details: frozenset[uuid.UUID] = frozenset()
        self._loaded = False
        self.heading = QLabel(tr("예산편성"))
        identify(self.heading, "budgetHeading")
        self.status = status_label("budgetStatus")
        self.status.setWordWrap(True)
        self.programs = ProgramPanel()
        self.lines = LinesPanel()
        self.editor = BasisEditor()
        self.editing = LineEditing(ctx, self.lines, self.editor, self)
        self.commands = BudgetActions(self)
        self.purpose = PurposeBox(ctx, source=self)

        right = QSplitter(Qt.Orientation.Vertical)
        right.setObjectName("budgetLinesSplitter")
        right.setChildrenCollapsible(False)  # the table and the tree keep their 8 rows
        top = QWidget()
        top.setObjectName("budgetLinesPane")
        top.setAccessibleName(tr("편성 목록"))
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.lines, 1)
        top_layout.addWidget(self.commands)
        top_layout.addWidget(self.purpose)
        right.addWidget(top)
        right.addWidget(scroll_pane(self.editor))  # scrolls at 200 % font instead of clipping
        right.setStretchFactor(0, 1)
        right.setStretchFactor(1, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("budgetSplitter")
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.programs)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 3)
        self.splitters = (splitter, right)
        config_dir = getattr(getattr(ctx, "paths", None), "user_config_dir", None)
        self._sized = remember_splitter(splitter, config_dir, "budget/programs")
        self._sized = remember_splitter(right, config_dir, "budget/lines") and self._sized
        header = QHBoxLayout()
        header.addWidget(self.heading)
        header.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(splitter, 1)
        QWidget.setTabOrder(self.programs.tree, self.lines.filter)
        QWidget.setTabOrder(self.lines.table, self.commands.first())
        QWidget.setTabOrder(self.commands.last(), self.purpose.edit)
        QWidget.setTabOrder(self.purpose.edit, self.purpose.save_button)
        QWidget.setTabOrder(self.purpose.save_button, self.editor.tree)
        # F6 / Shift+F6: 사업 → 편성 목록 → 산출근거 (and the navigation list in the window)
        keys.register_panes(self, [self.programs, top, self.editor])

        self.programs.program_selected.connect(self._program_selected)
        self.lines.line_selected.connect(self.editing.show_line)
        self.editing.status.connect(self.say)
        self.editing.quiet_status.connect(self.status.setText)
        self.editing.line_saved.connect(self.line_saved)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._sized:  # first show without saved sizes: programs narrow, lines ≥ 8 rows
            self._sized = True
            self._default_sizes()

    def _default_sizes(self) -> None:
        splitter, right = self.splitters
        width = max(splitter.width(), 1)
        programs = min(max(self.programs.minimumSizeHint().width(), width // 5), width // 3)
        splitter.setSizes([programs, width - programs])
        height = max(right.height(), 1)
        top = right.widget(0)
        lines = top.minimumSizeHint().height() if top is not None else height // 2
        lines = max(lines, height * 45 // 100)  # 45 %, never below its 8 rows
        right.setSizes([lines, max(height - lines, 1)])

    # -- Page ------------------------------------------------------------------------------
    def undo_stack(self) -> QUndoStack:
        return self.editor.undo_stack()

    def first_focus(self) -> QWidget | None:
        return self.programs.filter

    def summary(self) -> str:
        """The current line for the summary key: 통계목, 요구액, 기정액, 증감, 상태. A line
        with edits not yet on the server is read from the editor (the amount its 산출근거
        gives now, its 재원 and their check), not from the table's stored row."""
        model = self.lines.model
        line = self.lines.current_line()
        open_line = self.editing.line
        if (
            line is not None and open_line is not None and open_line.id == line.id
            and line.id in self.editing.drafts and self.editor.isEnabled()
        ):  # fmt: skip
            return self._editing_summary(line.base_amount)
        return keys.row_summary(
            self.lines.table,
            [model.column_of(c) for c in (LineColumn.AMOUNT, LineColumn.BASE,
                                          LineColumn.CHANGE, LineColumn.STATE)],
            [model.column_of(LineColumn.ACCOUNT), model.column_of(LineColumn.OBJECT)],
        )  # fmt: skip

    def _editing_summary(self, base: int) -> str:
        model, table = self.lines.model, self.lines.table
        row = table.currentIndex().row()

        def cell(column: LineColumn) -> str:
            index = model.index(row, model.column_of(column))
            return str(index.data(Qt.ItemDataRole.DisplayRole) or "")

        amount = self.editor.line_amount()
        names = self.data.fundings if self.data else {}
        split = self.editor.split()
        funding = ", ".join(
            f"{names.get(code, code)} {thousand_text(value)}" for code, value in split.items()
        )
        return tr(
            "{title}: 요구액 {amount} (편집 중, 서버에 저장 전), 기정액 {base}, 증감 {change}, "
            "재원 {funding}. {check}. 상태 {state}, 임시 저장"
        ).format(
            title=" ".join(t for t in (cell(LineColumn.ACCOUNT), cell(LineColumn.OBJECT)) if t),
            amount=won_text(amount * 1000), base=won_text(base * 1000),
            change=won_text((amount - base) * 1000), funding=funding or tr("없음"),
            check=self.editor.funding.status.text(), state=cell(LineColumn.STATE),
        )  # fmt: skip

    def status_text(self) -> str:
        return ". ".join(t for t in (self.status.text(), self.lines.summary.text()) if t)

    def activate(self) -> None:
        if not self._loaded or self.take_stale():
            self._loaded = True
            self.reload()

    def on_changes(self, changes: Changes, source: object) -> None:
        if source is self:
            return
        if changes.programs or changes.versions:
            self.reload_when_shown()

    # -- loading ---------------------------------------------------------------------------
    def reload(self, version_id: uuid.UUID | None = None) -> None:
        self.say(tr("불러오는 중…"), False)
        ops.load_budget(self.ctx, version_id, self.apply, self.editing._failed, source=self)

    def apply(self, data: ops.BudgetData) -> None:
        """Show loaded data, then restore the drafts left in the cache."""
        self.apply_data(data)
        ops.restore_drafts(self.ctx, self._restored, self.editing._failed)

    def apply_data(self, data: ops.BudgetData) -> None:
        """Show loaded data (the benchmark calls this directly)."""
        self.data = self.editing.data = data
        version = data.version
        self.heading.setText(
            tr("예산편성: {year}년 {kind} ({state})").format(
                year=version.fiscal_year, kind=version.kind, state=version.state
            )
            if version
            else tr("예산편성: 편성 중인 예산이 없습니다")
        )
        states = {pid: s.state for pid, s in data.states.items()}
        objects = {c.code: c.name for c in data.objects}
        self.lines.configure(data.accounts, objects, data.fundings, states)
        self.programs.set_programs(data.programs, data.departments)
        self._program_selected(None, frozenset(p.id for p in data.programs if p.level == "세부"))
        self.say(tr("사업 {programs}개, 편성 줄 {lines}줄").format(
            programs=len(data.programs), lines=len(data.lines)), False)  # fmt: skip

    def _restored(self, drafts: list) -> None:  # type: ignore[type-arg]
        self.editing.restore(drafts)
        self._show_lines()

    def _program_selected(self, program: ProgramOut | None, details: frozenset[uuid.UUID]) -> None:
        self.program = program
        self.details = details
        self.purpose.show_program(program, self.data)
        self._show_lines()

    def _show_lines(self) -> None:
        if self.data is None:
            return
        details = self.details
        current = self.lines.current_line()
        shown = [line for line in self.data.lines if line.program_id in details]
        shown += self.editing.new_lines(details)
        self.lines.set_lines(shown)
        if current is not None:
            self.lines.select_line(current.id)
        self.commands.update_state()

    def line_saved(self, line: object) -> None:
        if self.data is None:
            return
        lines = [x for x in self.data.lines if x.id != getattr(line, "id", None)]
        self.data.lines = [*lines, line]  # type: ignore[list-item]

    def say(self, text: str, assertive: bool = False) -> None:
        self.status.setText(text)
        self.announce_shown(text, assertive)
