"""The 조정 page for the budget office (ARCHITECTURE.md §3, §5; issue 3 item 5).

A version picker, 세출/세입, a filter and the lines table (요구액 or 경정액, 기정액, 증감,
조정액, 의결액, 상태); beside it the selected line (조정 with a reason, 반려, its history) and
the version's actions (확정, 의결, 성립, 추경, next year). Everything goes through
``app.operations.cycle``; results and refusals are announced and tied to their field.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.a11y import announce, keys, status_label
from app.a11y.theme import scroll_pane
from app.i18n import N_, thousand_text, tr
from app.models.budget_lines_model import BudgetLinesModel, LineColumn
from app.operations import Changes, cycle
from app.views.adjust.common import add_row, button, line_table, roles_of
from app.views.adjust.line_panel import Line, LinePanel
from app.views.adjust.version_panel import VersionPanel
from app.views.page import Page
from domain.contracts.budget import ExpenditureLineOut, VersionOut
from domain.roles import Action, can

if TYPE_CHECKING:
    from app.context import AppContext

EXPENDITURE_COLUMNS = (
    LineColumn.PROGRAM, LineColumn.ACCOUNT, LineColumn.OBJECT, LineColumn.BASE,
    LineColumn.AMOUNT, LineColumn.CHANGE, LineColumn.ADJUSTED, LineColumn.ADOPTED,
    LineColumn.STATE,
)  # fmt: skip
REVENUE_COLUMNS = (
    LineColumn.ACCOUNT, LineColumn.OBJECT, LineColumn.BASE, LineColumn.AMOUNT,
    LineColumn.CHANGE, LineColumn.ADJUSTED, LineColumn.ADOPTED,
)  # fmt: skip


FILTER_PAUSE_MS = 200
"""Typing pause after which the 찾기 filters the table (one reset, one announcement)."""


def version_label(version: VersionOut) -> str:
    return tr("{year}년 {kind} ({state})").format(
        year=version.fiscal_year, kind=version.kind, state=version.state
    )


class AdjustPage(Page):
    TITLE = N_("조정·의결")  # 의결 (the council's amounts) is entered here too
    IDENTIFIER = "page.adjust"
    DESCRIPTION = N_("요구액과 조정액을 비교하고 조정, 확정, 의결, 성립, 추경을 합니다.")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.data: cycle.VersionData | None = None
        self.model = BudgetLinesModel(columns=EXPENDITURE_COLUMNS, parent=self)
        self._pending_select: uuid.UUID | None = None
        self._restoring = False  # re-selecting the shown line after a filter: panel unchanged
        self.versions = QComboBox()
        self.kind = QComboBox()
        self.kind.addItem(tr("세출"), "expenditure")
        self.kind.addItem(tr("세입"), "revenue")
        self.filter = QLineEdit()
        self.filter.setClearButtonEnabled(True)
        top = QFormLayout()
        add_row(top, tr("예산 버전"), self.versions, "adjust.version")
        add_row(top, tr("구분"), self.kind, "adjust.kind", tr("세출 또는 세입 예산"))
        add_row(
            top, tr("찾기"), self.filter, "adjust.filter",
            tr("세부사업, 통계목 코드와 이름, 회계, 부서로 찾습니다. 여러 낱말은 모두 맞는 줄만."),
        )  # fmt: skip
        self.refresh_button = button(tr("새로 고침"), "adjust.refresh", self.reload)
        self.status = status_label("adjust.status")
        self.status.setWordWrap(True)
        self.table = line_table("adjust.lines", tr("예산 항목"))
        self.table.setModel(self.model)
        self.line_panel = LinePanel(ctx, self._line_adjusted, self._reload_version)
        self.version_panel = VersionPanel(ctx, self.selected_line, self._version_moved)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.addWidget(self.line_panel)
        side_layout.addWidget(self.version_panel)
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(scroll_pane(side))  # scrolls at 200 % font instead of clipping
        splitter.setStretchFactor(0, 3)
        self.head = QWidget()
        self.head.setObjectName("adjustHead")
        self.head.setAccessibleName(tr("예산 버전과 찾기"))
        head = QHBoxLayout(self.head)
        head.setContentsMargins(0, 0, 0, 0)
        head.addLayout(top, 1)
        head.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.head)
        layout.addWidget(self.status)
        layout.addWidget(splitter, 1)
        self.versions.currentIndexChanged.connect(self._version_chosen)
        self.kind.currentIndexChanged.connect(lambda _i: self._show_lines())
        self._pause = QTimer(self)  # the 찾기 waits for a pause in typing (like 통계목 찾기)
        self._pause.setSingleShot(True)
        self._pause.setInterval(FILTER_PAUSE_MS)
        self._pause.timeout.connect(self.apply_filter)
        self.filter.textChanged.connect(lambda _text: self._pause.start())
        self.filter.editingFinished.connect(self.apply_pending_filter)  # Enter, focus out
        self.table.installEventFilter(self)
        self._connect_selection()
        self._set_tab_order()
        # F6 / Shift+F6: 버전·찾기 → 예산 항목 → 선택한 줄 → 버전 작업
        keys.register_panes(self, [self.head, self.table, self.line_panel, self.version_panel])
        self._loaded = False

    def _set_tab_order(self) -> None:
        from app.a11y import set_tab_order

        set_tab_order(
            [self.versions, self.kind, self.filter, self.refresh_button, self.table,
             *self.line_panel.focus_order(), *self.version_panel.focus_order()]
        )  # fmt: skip

    def first_focus(self) -> QWidget | None:
        return self.versions

    def summary(self) -> str:
        """The current line for the summary key: 요구액 (경정액), 기정액, 증감, 조정액, 상태."""
        self.apply_pending_filter()
        model = self.model
        return keys.row_summary(
            self.table,
            [model.column_of(c) for c in (LineColumn.AMOUNT, LineColumn.BASE, LineColumn.CHANGE,
                                          LineColumn.ADJUSTED, LineColumn.STATE)],
            [model.column_of(c) for c in (LineColumn.PROGRAM, LineColumn.OBJECT)],
        )  # fmt: skip

    def status_text(self) -> str:
        return self.status.text()

    def activate(self) -> None:
        if not self._loaded or self.take_stale():
            self._loaded = True
            self.reload()

    def on_changes(self, changes: Changes, source: object) -> None:
        if source in (self, self.line_panel, self.version_panel):
            return
        if changes.versions or changes.lines or changes.revenue or changes.requests:
            self.reload_when_shown()  # hidden behind 예산편성: reload (and speak) when shown

    # -- loading -------------------------------------------------------------------------------
    def reload(self, select: uuid.UUID | None = None) -> None:
        self._pending_select = select or self.current_version_id()
        cycle.load_versions(self.ctx, self._versions_loaded, self._load_failed)

    def _versions_loaded(self, versions: list[VersionOut]) -> None:
        wanted = self._pending_select
        if wanted is None:  # the newest version being worked on, else the newest
            drafts = [v for v in versions if v.state != "성립"]
            chosen = (drafts or versions)[-1] if versions else None
            wanted = chosen.id if chosen else None
        self.versions.blockSignals(True)
        self.versions.clear()
        for v in versions:
            self.versions.addItem(version_label(v), str(v.id))  # str: findData compares it
        index = self.versions.findData(str(wanted))
        self.versions.setCurrentIndex(max(index, 0))
        self.versions.blockSignals(False)
        self._version_chosen()

    def current_version_id(self) -> uuid.UUID | None:
        data = self.versions.currentData()
        return uuid.UUID(data) if isinstance(data, str) and data else None

    def _version_chosen(self, _index: int = -1) -> None:
        version_id = self.current_version_id()
        if version_id is not None:
            cycle.load_version(self.ctx, version_id, self._version_loaded, self._load_failed)

    def _reload_version(self) -> None:
        self._version_chosen()

    def _version_loaded(self, data: cycle.VersionData) -> None:
        self.data = data
        d = data.detail
        self.status.setText(
            tr("{year}년 {kind}, 상태 {state}. 세출 합계 {exp}, 세입 합계 {rev}.").format(
                year=d.fiscal_year, kind=d.kind, state=d.state,
                exp=thousand_text(d.expenditure_total), rev=thousand_text(d.revenue_total),
            )
        )  # fmt: skip
        index = self.versions.findData(str(d.id))
        if index >= 0:
            self.versions.setItemText(index, version_label(d))
        self.version_panel.set_version(d)
        self._show_lines()
        self.announce_shown(self.status.text())

    def _load_failed(self, error: BaseException) -> None:
        text = tr("예산을 읽지 못했습니다: {reason}").format(reason=cycle.error_text(error))
        self.status.setText(text)
        self.announce_shown(text, assertive=True)

    def _show_lines(self) -> None:
        data = self.data
        if data is None:
            return
        revenue = self.kind.currentData() == "revenue"
        selected = self.selected_line()[0]
        self.model = BudgetLinesModel(
            data.revenue if revenue else data.lines,
            columns=REVENUE_COLUMNS if revenue else EXPENDITURE_COLUMNS,
            account_names=data.account_names,
            object_names=data.revenue_names if revenue else data.object_names,
            funding_names=data.funding_names, program_names=data.program_names,
            department_names=data.department_names, states=data.states,
            supplementary=data.supplementary, revenue=revenue, parent=self,
        )  # fmt: skip
        self.model.set_filter(self.filter.text())
        self.table.setModel(self.model)
        self._connect_selection()
        self.table.resizeColumnsToContents()
        self.line_panel.supplementary = data.supplementary
        roles = roles_of(self.ctx)
        editable = data.detail.state == "작성중"
        self.line_panel.set_permissions(
            editable and can(roles, Action.ADJUST),
            editable and not revenue and can(roles, Action.RETURN_REQUEST),
        )
        if selected is not None and self.model.has_line(selected.id):
            # the line shown before, or none when the filter hides it (never another line)
            self._select_row(self.model.row_of(selected.id))
        else:  # first load, or 세출 ↔ 세입: the first line shown
            self._select_row(0 if self.model.rowCount() else -1)

    def _connect_selection(self) -> None:
        selection = self.table.selectionModel()
        if selection is not None:
            selection.currentRowChanged.connect(self._row_changed)

    def _select_row(self, row: int) -> None:
        if row < 0:
            self._clear_selection()
            return
        self.table.setCurrentIndex(self.model.index(row, 0))  # keep a current cell (pitfall 5)
        self.table.selectRow(row)
        self._row_changed(self.model.index(row, 0))

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex | None = None) -> None:
        if self._restoring:
            return
        line, label = self.selected_line() if current.isValid() else (None, "")
        self.line_panel.set_line(line, label)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and event.type() == QEvent.Type.FocusIn:
            self.apply_pending_filter()  # the table shows what was typed before it is read
        return super().eventFilter(watched, event)

    def apply_pending_filter(self) -> None:
        """Apply a filter still waiting for its typing pause (the table, a line action or the
        summary key is used first)."""
        if self._pause.isActive():
            self.apply_filter()

    def apply_filter(self) -> None:
        """Filter the table now: after a pause in typing (``FILTER_PAUSE_MS``) one model reset
        and one "조회 결과 N건", never one per key. The line in the 선택한 예산 항목 panel stays
        only while it is shown: when the filter hides it, the selection and the panel are
        cleared (조정 and 반려 are disabled) and that is said — 조정 must never apply to a line
        the user cannot see."""
        self._pause.stop()
        text = self.filter.text()
        selected = self.line_panel.line
        self.model.set_filter(text)  # a model reset: the table has no current row now
        count = self.model.rowCount()
        said = tr("조회 결과 {count}건").format(count=count)
        row = self.model.row_of(selected.id) if selected is not None else -1
        if row >= 0:
            self._restore_row(row)
        elif selected is not None:
            self._clear_selection()
            said += ". " + tr("선택한 항목이 찾기 결과에 없어 선택을 해제했습니다.")
        announce(self.filter, said)

    def _restore_row(self, row: int) -> None:
        """Make ``row`` current again after a model reset without reloading the panel (what
        the user typed in 조정액 and 사유 stays)."""
        self._restoring = True
        try:
            self.table.setCurrentIndex(self.model.index(row, 0))
            self.table.selectRow(row)
        finally:
            self._restoring = False

    def _clear_selection(self) -> None:
        selection = self.table.selectionModel()
        if selection is not None:
            selection.clear()  # the selection and the current index
        self.line_panel.set_line(None)

    # -- selection -------------------------------------------------------------------------------
    def selected_line(self) -> tuple[Line | None, str]:
        self.apply_pending_filter()
        index = self.table.currentIndex()
        if not index.isValid() or self.data is None:
            return None, ""
        line = self.model.line(index.row())
        return line, self._line_label(line)

    def _line_label(self, line: Line) -> str:
        data = self.data
        assert data is not None
        account = data.account_names.get(line.account_code, line.account_code)
        if isinstance(line, ExpenditureLineOut):
            program = data.program_names.get(line.program_id, "")
            obj = data.object_names.get(line.object_code, "")
            return f"{program} {account} {line.object_code} {obj}".strip()
        item = data.revenue_names.get(line.item_code, "")
        return (
            tr("세입 {account} {code} {name}")
            .format(account=account, code=line.item_code, name=item)
            .strip()
        )

    def select_line(self, line_id: uuid.UUID) -> bool:
        """Make a line current (keyboard users and tests); False when it is not shown."""
        row = self.model.row_of(line_id)
        if row >= 0:
            self._select_row(row)
        return row >= 0

    # -- after operations ----------------------------------------------------------------------
    def _line_adjusted(self, line: Line) -> None:
        self._reload_version()
        self.select_line(line.id)

    def _version_moved(self, version_id: uuid.UUID | None) -> None:
        self.reload(select=version_id)
