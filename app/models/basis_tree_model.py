"""The 산출근거 editor's model: a tree of (label, formula) items evaluated as they are edited.

Columns: 항목, 산출근거식, 금액(원), 금액(천원), 오류 및 안내. Editing the formula re-evaluates it
exactly (``domain.formula``) and the sums of every ancestor; the line amount (천원) is announced
through ``line_amount_changed``. A formula that cannot be read keeps its text, shows no amount,
and puts the error message — which names the position, "3번째 글자 '×' 근처: …" — in the last
column, in the formula cell's accessible description and tooltip, and in ``Roles.ERROR`` (text,
not colour).

Structure operations work on *paths* (tuples of rows from the top) and return what is needed to
undo them; ``app.models.commands`` wraps them in QUndoCommands. When ``undo_stack`` is given,
``setData`` (a delegate's edit) goes through the stack as an "산출근거 수정" step.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QUndoStack

from app.i18n import N_, thousand_text, tr, won_text
from app.models.basis_nodes import (
    BasisNode,
    Path,
    evaluate_node,
    evaluate_tree,
    from_out,
    to_in,
    walk,
)
from app.models.roles import Roles, spoken_thousand, spoken_won
from domain.contracts.budget import BasisItemIn, BasisItemOut
from domain.formula import FormulaError

__all__ = ["BasisColumn", "BasisTreeModel", "Move"]

Index = QModelIndex | QPersistentModelIndex
Move = tuple[Path, Path, int]  # (item path, new parent path, new row): arguments of move_item


class BasisColumn(IntEnum):
    LABEL = 0
    FORMULA = 1
    WON = 2
    THOUSAND = 3
    STATUS = 4


_HEADERS = (
    (N_("항목"), N_("산출근거 항목 이름")),
    (N_("산출근거식"), N_("원 단위 산출근거식, 예: 40,000원*19명*12월")),
    (N_("금액(원)"), N_("산출근거식 계산 결과(원)")),
    (N_("금액(천원)"), N_("예산액(천원, 원 단위 올림)")),
    (N_("오류 및 안내"), N_("산출근거식 오류 또는 가져온 식 안내")),
)
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_EDIT = int(Qt.ItemDataRole.EditRole)
_ACCESSIBLE_TEXT = int(Qt.ItemDataRole.AccessibleTextRole)
_ACCESSIBLE_DESCRIPTION = int(Qt.ItemDataRole.AccessibleDescriptionRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_LAST = BasisColumn.STATUS


class BasisTreeModel(QAbstractItemModel):
    line_amount_changed = Signal(int)  # 천원

    def __init__(
        self,
        items: Sequence[BasisItemOut] = (),
        *,
        revenue: bool = False,
        undo_stack: QUndoStack | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.revenue = revenue
        self.undo_stack = undo_stack
        self._root = BasisNode()
        self._registry: dict[int, BasisNode] = {}
        self._next_key = 1
        self._load(items)

    def _load(self, items: Sequence[BasisItemOut]) -> None:
        self._root.children = [from_out(item, self._root) for item in items]
        for node in walk(self._root.children):
            self._register(node)
        evaluate_tree(self._root.children, self.revenue)
        self._amount = self.line_amount()

    def set_items(self, items: Sequence[BasisItemOut]) -> None:
        """Load another line's tree (a model reset); the caller clears its undo stack."""
        self.beginResetModel()
        self._registry.clear()
        self._load(items)
        self.endResetModel()
        self.line_amount_changed.emit(self._amount)

    def _register(self, node: BasisNode) -> None:
        if node.key == 0:
            node.key = self._next_key
            self._next_key += 1
        self._registry[node.key] = node

    # -- results ---------------------------------------------------------------------------
    def line_amount(self) -> int:
        """The line's amount in 천원: the sum of the top items."""
        return sum(node.thousand for node in self._root.children)

    def to_payload(self) -> list[BasisItemIn]:
        """The tree for ``ExpenditureLineUpdate.basis`` / ``RevenueLineUpdate.basis``."""
        return [to_in(node) for node in self._root.children]

    def state(self) -> tuple[object, ...]:
        """A comparable snapshot of the whole tree (ids, labels, formulas, flags, shape)."""
        return tuple(node.state() for node in self._root.children)

    def errors(self) -> list[tuple[Path, FormulaError]]:
        """Every formula that cannot be read, with its item's path, in book order."""
        return [(n.path(), n.error) for n in walk(self._root.children) if n.error is not None]

    def node(self, path: Path) -> BasisNode:
        node = self._root
        for row in path:
            node = node.children[row]
        return node

    def index_of(self, path: Path, column: int = 0) -> QModelIndex:
        if not path:
            return QModelIndex()
        return self.createIndex(path[-1], column, self.node(path).key)

    def path_of(self, index: Index) -> Path:
        return self._node(index).path() if index.isValid() else ()

    def _node(self, index: Index) -> BasisNode:
        return self._registry[index.internalId()] if index.isValid() else self._root

    # -- edits -----------------------------------------------------------------------------
    def set_value(self, path: Path, column: int, value: str) -> str:
        """Set an item's label or formula; returns the previous text (for undo)."""
        node = self.node(path)
        if column == BasisColumn.LABEL:
            old, node.label = node.label, value
            self._changed(node, BasisColumn.LABEL, BasisColumn.LABEL)
            return old
        if column != BasisColumn.FORMULA:
            raise ValueError(f"column {column} is not editable")
        old = node.formula or ""
        node.formula = value if value.strip() else None
        self._recompute_up(node)
        return old

    def setData(self, index: Index, value: Any, role: int = _EDIT) -> bool:
        if role != _EDIT or not index.isValid():
            return False
        if index.column() not in (BasisColumn.LABEL, BasisColumn.FORMULA):
            return False
        text = "" if value is None else str(value)
        path = self.path_of(index)
        current = self.data(index, _EDIT)
        if text == current:
            return True
        if self.undo_stack is not None:
            from app.models.commands import EditBasisCommand  # here: commands imports this module

            self.undo_stack.push(EditBasisCommand(self, path, index.column(), text))
        else:
            self.set_value(path, index.column(), text)
        return True

    def insert_item(self, parent_path: Path, row: int, node: BasisNode | None = None) -> Path:
        """Insert ``node`` (a new blank item when None) under ``parent_path`` at ``row``."""
        parent = self.node(parent_path)
        node = node if node is not None else BasisNode()
        self.beginInsertRows(self.index_of(parent_path), row, row)
        node.parent = parent
        parent.children.insert(row, node)
        for item in walk([node]):
            self._register(item)
        evaluate_tree([node], self.revenue)
        self.endInsertRows()
        self._recompute_up(parent)
        return (*parent_path, row)

    def remove_item(self, path: Path) -> BasisNode:
        """Take an item (with its subtree) out; inserting it again at ``path`` undoes this."""
        node = self.node(path)
        parent = node.parent
        assert parent is not None
        self.beginRemoveRows(self.index_of(path[:-1]), path[-1], path[-1])
        parent.children.pop(path[-1])
        self.endRemoveRows()
        self._recompute_up(parent)
        return node

    def move_item(self, path: Path, parent_path: Path, row: int) -> Move:
        """Move an item under ``parent_path`` so that it ends at ``row``; returns the move that
        puts it back."""
        node = self.node(path)
        old_parent = node.parent
        assert old_parent is not None
        new_parent = self.node(parent_path)
        if new_parent is node or node in _ancestors(new_parent):
            raise ValueError("an item cannot move under itself")
        old_row = path[-1]
        same = new_parent is old_parent
        destination = row + 1 if same and row > old_row else row
        if not self.beginMoveRows(
            self.index_of(path[:-1]), old_row, old_row, self.index_of(parent_path), destination
        ):
            raise ValueError(f"cannot move {path} to {parent_path}[{row}]")
        old_parent.children.pop(old_row)
        new_parent.children.insert(row, node)
        node.parent = new_parent
        self.endMoveRows()
        self._recompute_up(old_parent)
        if not same:
            self._recompute_up(new_parent)
        return (node.path(), old_parent.path() if old_parent is not self._root else (), old_row)

    # Where indent/outdent/up/down would move an item (None when they cannot).
    def indent_target(self, path: Path) -> Move | None:
        if not path or path[-1] == 0:
            return None
        sibling = (*path[:-1], path[-1] - 1)
        return (path, sibling, len(self.node(sibling).children))

    def outdent_target(self, path: Path) -> Move | None:
        if len(path) < 2:
            return None
        return (path, path[:-2], path[-2] + 1)

    def up_target(self, path: Path) -> Move | None:
        if not path or path[-1] == 0:
            return None
        return (path, path[:-1], path[-1] - 1)

    def down_target(self, path: Path) -> Move | None:
        if not path or path[-1] + 1 >= len(self.node(path[:-1]).children):
            return None
        return (path, path[:-1], path[-1] + 1)

    # -- recomputation ---------------------------------------------------------------------
    def _recompute_up(self, node: BasisNode) -> None:
        first = BasisColumn.FORMULA
        current: BasisNode | None = node
        while current is not None and current is not self._root:
            evaluate_node(current, self.revenue)
            self._changed(current, first, _LAST)
            first = BasisColumn.WON
            current = current.parent
        amount = self.line_amount()
        if amount != self._amount:
            self._amount = amount
            self.line_amount_changed.emit(amount)

    def _changed(self, node: BasisNode, first: int, last: int) -> None:
        row = node.row()
        top = self.createIndex(row, first, node.key)
        self.dataChanged.emit(top, self.createIndex(row, last, node.key), [])

    # -- QAbstractItemModel ----------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        node = self._node(parent)
        if not (0 <= row < len(node.children) and 0 <= column <= _LAST):
            return QModelIndex()
        return self.createIndex(row, column, node.children[row].key)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        parent = self._registry[index.internalId()].parent
        if parent is None or parent is self._root:
            return QModelIndex()
        return self.createIndex(parent.row(), 0, parent.key)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(BasisColumn)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in (BasisColumn.LABEL, BasisColumn.FORMULA):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if not index.isValid():
            return None
        if role in (_DISPLAY, _EDIT, _ACCESSIBLE_TEXT):
            return self._text(self._registry[index.internalId()], index.column(), role)
        node = self._registry[index.internalId()]
        column = index.column()
        if role in (_ACCESSIBLE_DESCRIPTION, _TOOLTIP):
            return self._note(node) if column in (BasisColumn.FORMULA, _LAST) else None
        if role == _ALIGNMENT:
            return _RIGHT if column in (BasisColumn.WON, BasisColumn.THOUSAND) else None
        if role == Roles.ERROR:
            return node.error
        if role == Roles.FLAG:
            return node.flag if node.flagged else None
        if role == Roles.ID:
            return node.id
        if role == Roles.VALUE:
            return node.won if column == BasisColumn.WON else node.thousand
        return None

    def _text(self, node: BasisNode, column: int, role: int) -> str:
        if column == BasisColumn.LABEL:
            return node.label
        if column == BasisColumn.FORMULA:
            formula = node.formula or ""
            if role == _ACCESSIBLE_TEXT and node.error is not None:
                return tr("{formula}, 오류").format(formula=formula)
            return formula
        if column == BasisColumn.WON:
            if role == _ACCESSIBLE_TEXT:
                return spoken_won(node.won)
            return "" if node.won is None else won_text(node.won)
        if column == BasisColumn.THOUSAND:
            return (
                spoken_thousand(node.thousand)
                if role == _ACCESSIBLE_TEXT
                else thousand_text(node.thousand)
            )
        return self._note(node)

    def _note(self, node: BasisNode) -> str:
        if node.error is not None:
            return node.error.message
        if node.flagged:
            return tr("가져온 식을 그대로 둠: {flag}").format(flag=node.flag)
        return ""

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section <= _LAST:
            return None
        if role in (_DISPLAY, _ACCESSIBLE_TEXT):
            return tr(_HEADERS[section][0])
        if role == _TOOLTIP:
            return tr(_HEADERS[section][1])
        if role == _ALIGNMENT and section in (BasisColumn.WON, BasisColumn.THOUSAND):
            return _RIGHT
        return None


def _ancestors(node: BasisNode) -> list[BasisNode]:
    out = []
    while node.parent is not None:
        node = node.parent
        out.append(node)
    return out
