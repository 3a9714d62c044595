"""The program tree 정책사업 → 단위사업 → 세부사업, optionally grouped under 부서.

Programs are scoped by 부서: two departments' "동 행정복지센터 운영" are two rows, each under its
own parent. The filter runs in the model (no proxy): a program is shown when its name or code
matches, when one of its descendants matches (so the path to a match stays visible) or when one
of its ancestors matches (typing a 정책사업's name shows its whole branch). Matching ignores case,
spaces and middle dots (``domain.codes.normalise_name``).

Index identity: ``internalId()`` is the node's number in a list the model keeps, so indexes
never point at Python objects that might be collected.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from app.i18n import N_, tr
from app.models.roles import Roles
from domain.codes import normalise_name
from domain.contracts.structure import ProgramOut

__all__ = ["ProgramTreeModel"]

Index = QModelIndex | QPersistentModelIndex

LEVEL_DEPARTMENT = "부서"
_LEVEL_NAMES = {
    "부서": N_("부서"),
    "정책": N_("정책사업"),
    "단위": N_("단위사업"),
    "세부": N_("세부사업"),
}
_LEVEL_ORDER = {"부서": 0, "정책": 1, "단위": 2, "세부": 3}
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_ACCESSIBLE_TEXT = int(Qt.ItemDataRole.AccessibleTextRole)
_ACCESSIBLE_DESCRIPTION = int(Qt.ItemDataRole.AccessibleDescriptionRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)


@dataclass(eq=False)
class _Node:
    number: int
    level: str
    name: str
    code: str | None
    key: str  # normalised name + code, for the filter
    program: ProgramOut | None
    department_id: uuid.UUID | None
    parent: _Node | None = None
    children: list[_Node] = field(default_factory=list)
    visible: list[_Node] = field(default_factory=list)
    row: int = 0  # position in parent.visible
    display: str = ""
    spoken: str = ""
    description: str = ""


class ProgramTreeModel(QAbstractItemModel):
    """One column: the program's name. Roles: ``Roles.PROGRAM_ID``, ``LEVEL``,
    ``DEPARTMENT_ID``, ``LINE`` (the ProgramOut); the code is in the tooltip and the accessible
    description; the accessible text says the level ("세부사업 경로당 운영")."""

    def __init__(
        self,
        programs: Sequence[ProgramOut] = (),
        departments: Mapping[uuid.UUID, str] | None = None,
        parent: QObject | None = None,
    ) -> None:
        """``departments`` (id → name) groups the programs under their 부서 when given."""
        super().__init__(parent)
        self._nodes: list[_Node] = []
        self._root = self._new_node("", "", None, None, None)
        self._by_id: dict[uuid.UUID, _Node] = {}
        self._filter = ""
        self._build(programs, departments)

    # -- building --------------------------------------------------------------------------
    def _new_node(
        self,
        level: str,
        name: str,
        code: str | None,
        program: ProgramOut | None,
        department_id: uuid.UUID | None,
    ) -> _Node:
        node = _Node(
            number=len(self._nodes),
            level=level,
            name=name,
            code=code,
            key=normalise_name(f"{name}\n{code or ''}"),
            program=program,
            department_id=department_id,
        )
        self._nodes.append(node)
        return node

    def set_programs(
        self, programs: Sequence[ProgramOut], departments: Mapping[uuid.UUID, str] | None = None
    ) -> None:
        """Replace every program (a model reset); the current filter stays applied."""
        self.beginResetModel()
        self._nodes = []
        self._root = self._new_node("", "", None, None, None)
        self._by_id = {}
        self._build(programs, departments)
        self.endResetModel()

    def _build(
        self, programs: Sequence[ProgramOut], departments: Mapping[uuid.UUID, str] | None
    ) -> None:
        for program in programs:
            self._by_id[program.id] = self._new_node(
                program.level, program.name, program.code, program, program.department_id
            )
        dept_nodes: dict[uuid.UUID, _Node] = {}
        if departments is not None:
            for dept_id, dept_name in departments.items():
                dept_nodes[dept_id] = self._new_node(
                    LEVEL_DEPARTMENT, dept_name, None, None, dept_id
                )
        for program in programs:
            node = self._by_id[program.id]
            parent_node = self._by_id.get(program.parent_id) if program.parent_id else None
            if parent_node is None and departments is not None:
                parent_node = dept_nodes.get(program.department_id)
                if parent_node is None:  # a 부서 the caller did not name
                    parent_node = self._new_node(
                        LEVEL_DEPARTMENT,
                        str(program.department_id),
                        None,
                        None,
                        program.department_id,
                    )
                    dept_nodes[program.department_id] = parent_node
            node.parent = parent_node or self._root
            node.parent.children.append(node)
        for dept in dept_nodes.values():
            dept.parent = self._root
            self._root.children.append(dept)
        for node in self._nodes:
            node.children.sort(key=_child_key)
            self._format(node)
        self._apply_filter()

    def _format(self, node: _Node) -> None:
        level_name = tr(_LEVEL_NAMES[node.level]) if node.level in _LEVEL_NAMES else ""
        node.display = node.name
        node.spoken = f"{level_name} {node.name}".strip()
        node.description = (
            tr("{level}, 코드 {code}").format(level=level_name, code=node.code)
            if node.code
            else level_name
        )

    # -- filter ----------------------------------------------------------------------------
    @property
    def filter_text(self) -> str:
        return self._filter

    def set_filter(self, text: str) -> None:
        """Show only matching programs, their ancestors and their descendants."""
        needle = normalise_name(text)
        if needle == self._filter:
            return
        self.beginResetModel()
        self._filter = needle
        self._apply_filter()
        self.endResetModel()

    def _apply_filter(self) -> None:
        needle = self._filter
        # Post-order without recursion: a node is kept if it matches, sits under a match, or
        # has a kept child.
        order: list[tuple[_Node, bool]] = [(child, False) for child in self._root.children]
        stack = list(reversed(order))
        post: list[_Node] = []
        under_match: dict[int, bool] = {}
        while stack:
            node, inherited = stack.pop()
            matched = inherited or (bool(needle) and needle in node.key) or not needle
            under_match[node.number] = matched
            post.append(node)
            stack.extend((child, matched) for child in reversed(node.children))
        keep: dict[int, bool] = {}
        for node in reversed(post):  # children before parents
            node.visible = [child for child in node.children if keep[child.number]]
            keep[node.number] = under_match[node.number] or bool(node.visible)
            for row, child in enumerate(node.visible):
                child.row = row
        self._root.visible = [child for child in self._root.children if keep[child.number]]
        for row, child in enumerate(self._root.visible):
            child.row = row

    def match_count(self) -> int:
        """Number of programs shown (all when there is no filter)."""
        count = 0
        stack = list(self._root.visible)
        while stack:
            node = stack.pop()
            count += node.program is not None
            stack.extend(node.visible)
        return count

    # -- lookup ----------------------------------------------------------------------------
    def index_of(self, program_id: uuid.UUID) -> QModelIndex:
        """The index of a program, or an invalid index when it is unknown or filtered out."""
        node = self._by_id.get(program_id)
        if node is None or not self._is_shown(node):
            return QModelIndex()
        return self.createIndex(node.row, 0, node.number)

    def _is_shown(self, node: _Node) -> bool:
        while node.parent is not None:
            parent = node.parent
            if node.row >= len(parent.visible) or parent.visible[node.row] is not node:
                return False
            node = parent
        return True

    def program(self, index: Index) -> ProgramOut | None:
        return self._node(index).program if index.isValid() else None

    def _node(self, index: Index) -> _Node:
        return self._nodes[index.internalId()] if index.isValid() else self._root

    # -- QAbstractItemModel ----------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column != 0 or row < 0:
            return QModelIndex()
        node = self._node(parent)
        if row >= len(node.visible):
            return QModelIndex()
        return self.createIndex(row, 0, node.visible[row].number)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        parent = self._nodes[index.internalId()].parent
        if parent is None or parent is self._root:
            return QModelIndex()
        return self.createIndex(parent.row, 0, parent.number)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._node(parent).visible)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 1

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return self.rowCount(parent) > 0

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if role == _DISPLAY:
            return self._nodes[index.internalId()].display if index.isValid() else None
        if not index.isValid():
            return None
        node = self._nodes[index.internalId()]
        if role == _ACCESSIBLE_TEXT:
            return node.spoken
        if role in (_ACCESSIBLE_DESCRIPTION, _TOOLTIP):
            return node.description
        if role == Roles.ID:
            return node.program.id if node.program is not None else None
        if role == Roles.LEVEL:
            return node.level
        if role == Roles.DEPARTMENT_ID:
            return node.department_id
        if role == Roles.LINE:
            return node.program
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not self._nodes[index.internalId()].children:
            flags |= Qt.ItemFlag.ItemNeverHasChildren
        return flags

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if orientation == Qt.Orientation.Horizontal and section == 0:
            if role in (_DISPLAY, _ACCESSIBLE_TEXT):
                return tr("사업")
            if role == _TOOLTIP:
                return tr("정책사업, 단위사업, 세부사업")
        return None


def _child_key(node: _Node) -> tuple[int, int, str, str]:
    position = node.program.position if node.program is not None else 0
    return (_LEVEL_ORDER.get(node.level, 9), position, node.code or "", node.name)


def programs_by_department(programs: Iterable[ProgramOut]) -> dict[uuid.UUID, list[ProgramOut]]:
    """Programs grouped by their 부서 (a convenience for pages that show one 부서)."""
    out: dict[uuid.UUID, list[ProgramOut]] = {}
    for program in programs:
        out.setdefault(program.department_id, []).append(program)
    return out
