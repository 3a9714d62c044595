"""The program tree 정책사업 → 단위사업 → 세부사업 with a filter box.

The filter runs in the model (ARCHITECTURE.md §8); after each change the number of programs
shown is announced ("사업 12개"). ``program_selected`` gives the chosen node's ProgramOut (None
for a 부서 row) and the ids of every 세부사업 under it, so the lines table can follow any level.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QTreeView, QVBoxLayout, QWidget

from app.a11y import announce, buddy, set_tab_order, status_label
from app.i18n import tr
from app.models import ProgramTreeModel, Roles
from domain.contracts.structure import ProgramOut


class ProgramPanel(QWidget):
    program_selected = Signal(object, object)  # ProgramOut | None, frozenset of 세부사업 ids

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("programPanel")
        self.model = ProgramTreeModel(parent=self)
        filter_label = QLabel(tr("사업 찾기(&P)"))
        self.filter = QLineEdit()
        buddy(
            filter_label, self.filter, tr("사업 이름이나 코드 일부를 입력하세요"), "programFilter"
        )
        self.filter.setClearButtonEnabled(True)
        tree_label = QLabel(tr("사업 목록"))
        self.tree = QTreeView()
        buddy(tree_label, self.tree, tr("정책사업, 단위사업, 세부사업"), "programTree")
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setTabKeyNavigation(False)
        self.count = status_label("programCount")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (filter_label, self.filter, tree_label, self.tree, self.count):
            layout.addWidget(widget)
        layout.setStretch(3, 1)
        set_tab_order([self.filter, self.tree])
        self._announce_timer = QTimer(self)
        self._announce_timer.setSingleShot(True)
        self._announce_timer.setInterval(400)
        self._announce_timer.timeout.connect(self._announce_count)
        self.filter.textChanged.connect(self._filter_changed)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.model.modelReset.connect(self._after_reset)

    def set_programs(
        self, programs: Sequence[ProgramOut], departments: Mapping[uuid.UUID, str]
    ) -> None:
        self.model.set_programs(programs, departments)

    def _filter_changed(self, text: str) -> None:
        self.model.set_filter(text)
        self._announce_timer.start()

    def _after_reset(self) -> None:
        if self.model.filter_text:
            self.tree.expandAll()
        else:
            self.tree.expandToDepth(1)
        self.count.setText(tr("사업 {count}개").format(count=self.model.match_count()))
        if self.model.rowCount() and not self.tree.currentIndex().isValid():
            self.tree.selectionModel().setCurrentIndex(
                self.model.index(0, 0), self.tree.selectionModel().SelectionFlag.NoUpdate
            )

    def _announce_count(self) -> None:
        announce(self.filter, self.count.text())

    def select(self, program_id: uuid.UUID) -> bool:
        index = self.model.index_of(program_id)
        if index.isValid():
            self.tree.setCurrentIndex(index)
        return index.isValid()

    def current_program(self) -> ProgramOut | None:
        return self.model.program(self.tree.currentIndex())

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.program_selected.emit(self.model.program(current), self.details_under(current))

    def details_under(self, index: QModelIndex) -> frozenset[uuid.UUID]:
        """Ids of the 세부사업 at or under ``index`` (as shown, i.e. within the filter)."""
        out: set[uuid.UUID] = set()
        stack = [index] if index.isValid() else []
        while stack:
            current = stack.pop()
            if current.data(Roles.LEVEL) == "세부":
                out.add(current.data(Roles.ID))
            stack.extend(
                self.model.index(r, 0, current) for r in range(self.model.rowCount(current))
            )
        return frozenset(out)

    def focus_tree(self) -> None:
        self.tree.setFocus(Qt.FocusReason.OtherFocusReason)
