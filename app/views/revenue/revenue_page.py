"""The 세입 page (issue 3 item 6): a version's revenue lines per 회계, 부서 and 목 in the same
lines table as 세출, and the 산출근거 of the selected line edited in the 예산편성 page's editor
(``app.views.budget.basis_editor``; its 재원 box is hidden: 세입 has no 재원 split).

Saving replaces the line's 산출근거 on the server (If-Match on the line); the amount follows
from the tree (원 → 천원, rounded down for 세입). Results and refusals are announced.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.a11y import announce, keys, set_tab_order, status_label
from app.i18n import N_, thousand_text, tr
from app.models.budget_lines_model import BudgetLinesModel, LineColumn
from app.operations import Changes, cycle, revenue
from app.views.adjust.adjust_page import version_label
from app.views.adjust.common import add_row, button, line_table, report, roles_of
from app.views.budget.basis_editor import BasisEditor
from app.views.page import Page
from domain.contracts.budget import RevenueLineOut, VersionOut
from domain.roles import Action, can

if TYPE_CHECKING:
    from app.context import AppContext

COLUMNS = (
    LineColumn.ACCOUNT, LineColumn.OBJECT, LineColumn.BASE, LineColumn.AMOUNT,
    LineColumn.CHANGE, LineColumn.ADJUSTED, LineColumn.ADOPTED,
)  # fmt: skip
ALL = ""


class RevenuePage(Page):
    TITLE = N_("세입")
    IDENTIFIER = "page.revenue"
    DESCRIPTION = N_("세입 예산을 회계, 부서, 목별로 보고 산출근거를 고칩니다.")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.data: cycle.VersionData | None = None
        self.line: RevenueLineOut | None = None
        self._restoring = False  # re-selecting the open line after a filter: editor unchanged
        self._loaded = False
        self.versions = QComboBox()
        self.department = QComboBox()
        self.filter = QLineEdit()
        self.filter.setClearButtonEnabled(True)
        top = QFormLayout()
        add_row(top, tr("예산 버전"), self.versions, "revenue.version")
        add_row(top, tr("부서"), self.department, "revenue.department", tr("세입을 맡은 부서"))
        add_row(top, tr("찾기"), self.filter, "revenue.filter", tr("회계나 목의 이름, 코드"))
        self.refresh_button = button(tr("새로 고침"), "revenue.refresh", self.reload)
        self.status = status_label("revenue.status")
        self.status.setWordWrap(True)
        self.model = BudgetLinesModel(columns=COLUMNS, revenue=True, parent=self)
        self.table = line_table("revenue.lines", tr("세입 예산 항목"))
        self.table.setModel(self.model)
        self.editor = BasisEditor()
        self.editor.funding.hide()
        self.save_button = button(
            tr("산출근거 저장"), "revenue.save", self.save,
            tr("고친 산출근거를 서버에 저장합니다. 세입액은 산출근거 합계(천원 미만 버림)입니다."),
        )  # fmt: skip
        self.message = status_label("revenue.message")
        self.message.setWordWrap(True)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.addWidget(self.editor, 1)
        side_layout.addWidget(self.save_button)
        side_layout.addWidget(self.message)
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(side)
        head = QHBoxLayout()
        head.addLayout(top, 1)
        head.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.status)
        layout.addWidget(splitter, 1)
        set_tab_order(
            [self.versions, self.department, self.filter, self.refresh_button, self.table,
             self.editor.tree, self.editor.label_edit, self.editor.formula_edit,
             *self.editor.buttons.values(), self.editor.undo_button, self.editor.redo_button,
             self.save_button]
        )  # fmt: skip
        side.setObjectName("revenueSide")
        side.setAccessibleName(tr("산출근거"))
        keys.register_panes(self, [self.versions, self.table, side])  # F6 / Shift+F6
        self.versions.currentIndexChanged.connect(self._version_chosen)
        self.department.currentIndexChanged.connect(lambda _i: self._show_lines())
        self.filter.textChanged.connect(self._filter_changed)
        self._connect_selection()
        self._show_line(None)

    def first_focus(self) -> QWidget | None:
        return self.versions

    def summary(self) -> str:
        """The current line for the summary key: 세입 목, 요구액, 기정액, 증감."""
        model = self.model
        return keys.row_summary(
            self.table,
            [model.column_of(c) for c in (LineColumn.AMOUNT, LineColumn.BASE, LineColumn.CHANGE)],
            [model.column_of(LineColumn.OBJECT)],
        )

    def status_text(self) -> str:
        return ". ".join(t for t in (self.status.text(), self.message.text()) if t)

    def activate(self) -> None:
        if not self._loaded or self.take_stale():
            self._loaded = True
            self.reload()

    def on_changes(self, changes: Changes, source: object) -> None:
        if source is not self and (changes.revenue or changes.versions):
            self.reload_when_shown()

    # -- loading -------------------------------------------------------------------------------
    def current_version_id(self) -> uuid.UUID | None:
        data = self.versions.currentData()
        return uuid.UUID(data) if isinstance(data, str) and data else None

    def reload(self) -> None:
        cycle.load_versions(self.ctx, self._versions_loaded, self._failed)

    def _versions_loaded(self, versions: list[VersionOut]) -> None:
        wanted = self.current_version_id()
        if wanted is None and versions:
            drafts = [v for v in versions if v.state != "성립"]
            wanted = (drafts or versions)[-1].id
        self.versions.blockSignals(True)
        self.versions.clear()
        for v in versions:
            self.versions.addItem(version_label(v), str(v.id))
        self.versions.setCurrentIndex(max(self.versions.findData(str(wanted)), 0))
        self.versions.blockSignals(False)
        self._version_chosen()

    def _version_chosen(self, _index: int = -1) -> None:
        version_id = self.current_version_id()
        if version_id is not None:
            revenue.load_revenue(self.ctx, version_id, self._loaded_version, self._failed)

    def _loaded_version(self, data: cycle.VersionData) -> None:
        self.data = data
        chosen = self.department.currentData()
        self.department.blockSignals(True)
        self.department.clear()
        self.department.addItem(tr("전체 부서"), ALL)
        owners = {line.department_id for line in data.revenue}
        for dept_id, dept_name in sorted(data.department_names.items(), key=lambda kv: kv[1]):
            if dept_id in owners:
                self.department.addItem(dept_name, str(dept_id))
        self.department.setCurrentIndex(max(self.department.findData(chosen or ALL), 0))
        self.department.blockSignals(False)
        d = data.detail
        self.status.setText(
            tr("{year}년 {kind}, 상태 {state}. 세입 합계 {rev}.").format(
                year=d.fiscal_year, kind=d.kind, state=d.state, rev=thousand_text(d.revenue_total)
            )
        )
        self._show_lines()
        self.announce_shown(self.status.text())

    def _failed(self, error: BaseException) -> None:
        text = tr("세입 예산을 읽지 못했습니다: {reason}").format(reason=cycle.error_text(error))
        report(self.refresh_button, self.status, text, error=True)

    def _show_lines(self, select: uuid.UUID | None = None) -> None:
        data = self.data
        if data is None:
            return
        dept = self.department.currentData()
        lines = [r for r in data.revenue if not dept or str(r.department_id) == dept]
        self.model = BudgetLinesModel(
            lines, columns=COLUMNS, account_names=data.account_names,
            object_names=data.revenue_names, department_names=data.department_names,
            supplementary=data.supplementary, revenue=True,
            parent=self,
        )  # fmt: skip
        self.model.set_filter(self.filter.text())
        self.table.setModel(self.model)
        self._connect_selection()
        self.table.resizeColumnsToContents()
        keep = select or (self.line.id if self.line is not None else None)
        if keep is not None and self.model.has_line(keep):
            # the line shown before, or none when the filter hides it (never another line)
            self._select_row(self.model.row_of(keep))
        else:
            self._select_row(0 if self.model.rowCount() else -1)

    def _connect_selection(self) -> None:
        selection = self.table.selectionModel()
        if selection is not None:
            selection.currentRowChanged.connect(self._row_changed)

    def _select_row(self, row: int) -> None:
        if row < 0:
            selection = self.table.selectionModel()
            if selection is not None:
                selection.clear()
            self._show_line(None)
            return
        self.table.setCurrentIndex(self.model.index(row, 0))
        self.table.selectRow(row)
        self._row_changed(self.model.index(row, 0))

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex | None = None) -> None:
        if self._restoring:
            return
        line = self.model.line(current.row()) if current.isValid() else None
        self._show_line(line if isinstance(line, RevenueLineOut) else None)

    def _show_line(self, line: RevenueLineOut | None) -> None:
        self.line = line
        self.editor.load(list(line.basis or []) if line is not None else [], {}, {})
        self.editor.funding.hide()
        data = self.data
        editable = (
            line is not None and data is not None and data.detail.state == "작성중"
            and can(roles_of(self.ctx), Action.EDIT_BUDGET_DRAFT)
        )  # fmt: skip
        self.editor.setEnabled(editable)
        self.save_button.setEnabled(editable)

    def _filter_changed(self, text: str) -> None:
        """Filter the table; the open line stays only while it is shown. When the filter hides
        it, the selection and the editor are cleared (저장 disabled) and that is said, so a
        save never goes to a line the user cannot see."""
        line = self.line
        self.model.set_filter(text)  # a model reset: the table has no current row now
        said = tr("조회 결과 {count}건").format(count=self.model.rowCount())
        row = self.model.row_of(line.id) if line is not None else -1
        if row >= 0:  # current again, the editor (and what was typed in it) unchanged
            self._restoring = True
            try:
                self.table.setCurrentIndex(self.model.index(row, 0))
                self.table.selectRow(row)
            finally:
                self._restoring = False
        elif line is not None:
            self._select_row(-1)
            said += ". " + tr("선택한 항목이 찾기 결과에 없어 선택을 해제했습니다.")
        announce(self.filter, said)

    def select_line(self, line_id: uuid.UUID) -> bool:
        row = self.model.row_of(line_id)
        if row >= 0:
            self._select_row(row)
        return row >= 0

    # -- saving --------------------------------------------------------------------------------
    def save(self) -> None:
        line = self.line
        if line is None:
            return
        errors = self.editor.model.errors()
        if errors:
            _path, error = errors[0]
            text = tr("산출근거식을 읽을 수 없어 저장하지 않았습니다: {reason}").format(
                reason=str(error)
            )
            report(self.editor.formula_edit, self.message, text, error=True)
            return
        payload = self.editor.model.to_payload()
        revenue.save_basis(self.ctx, line, payload, self._saved, self._refused, source=self)

    def _saved(self, line: RevenueLineOut) -> None:
        data = self.data
        if data is not None:
            data.revenue[:] = [line if r.id == line.id else r for r in data.revenue]
        self.model.replace_line(line)
        self._show_line(line)
        text = tr("세입 산출근거를 저장했습니다: {amount}").format(
            amount=thousand_text(line.amount)
        )
        report(self.save_button, self.message, text)

    def _refused(self, error: BaseException) -> None:
        text = tr("저장하지 못했습니다: {reason}").format(reason=cycle.error_text(error))
        report(self.save_button, self.message, text, error=True)
