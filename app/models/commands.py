"""Undo steps of the 산출근거 editor (QtGui's QUndoCommand), named in Korean so that the Edit
menu reads "산출근거 수정 실행 취소".

Every command works on paths into :class:`BasisTreeModel`; undo puts back the exact previous
tree (the same node objects, so ids, import flags and stated amounts come back too). Build
them with the model's targets, e.g.::

    move = model.indent_target(path)
    if move is not None:
        stack.push(MoveBasisCommand(model, move, MoveKind.INDENT))
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtGui import QUndoCommand

from app.i18n import N_, tr
from app.models.basis_nodes import BasisNode, Path
from app.models.basis_tree_model import BasisTreeModel, Move

__all__ = [
    "EDIT_ID",
    "EditBasisCommand",
    "InsertBasisCommand",
    "MoveBasisCommand",
    "MoveKind",
    "RemoveBasisCommand",
    "add_child",
    "add_sibling",
    "move_command",
]

EDIT_ID = 0x4B42  # typing in one cell merges into one step


class EditBasisCommand(QUndoCommand):
    """산출근거 수정: a new label or formula for one item."""

    def __init__(self, model: BasisTreeModel, path: Path, column: int, value: str) -> None:
        super().__init__(tr("산출근거 수정"))
        self.model, self.path, self.column, self.value = model, path, column, value
        self.old: str | None = None

    def redo(self) -> None:
        old = self.model.set_value(self.path, self.column, self.value)
        if self.old is None:
            self.old = old

    def undo(self) -> None:
        assert self.old is not None
        self.model.set_value(self.path, self.column, self.old)

    def id(self) -> int:
        return EDIT_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not (
            isinstance(other, EditBasisCommand)
            and other.model is self.model
            and other.path == self.path
            and other.column == self.column
        ):
            return False
        self.value = other.value
        if self.value == self.old:
            self.setObsolete(True)
        return True


class InsertBasisCommand(QUndoCommand):
    """산출근거 줄 추가 / 하위 줄 추가: a new (blank) item at a place in the tree."""

    def __init__(
        self,
        model: BasisTreeModel,
        parent_path: Path,
        row: int,
        text: str | None = None,
        node: BasisNode | None = None,
    ) -> None:
        super().__init__(text or tr("산출근거 줄 추가"))
        self.model, self.parent_path, self.row = model, parent_path, row
        self.node = node if node is not None else BasisNode()

    @property
    def path(self) -> Path:
        return (*self.parent_path, self.row)

    def redo(self) -> None:
        self.model.insert_item(self.parent_path, self.row, self.node)

    def undo(self) -> None:
        self.node = self.model.remove_item(self.path)


class RemoveBasisCommand(QUndoCommand):
    """산출근거 줄 삭제: an item and everything under it."""

    def __init__(self, model: BasisTreeModel, path: Path) -> None:
        super().__init__(tr("산출근거 줄 삭제"))
        self.model, self.path = model, path
        self.node: BasisNode | None = None

    def redo(self) -> None:
        self.node = self.model.remove_item(self.path)

    def undo(self) -> None:
        assert self.node is not None
        self.model.insert_item(self.path[:-1], self.path[-1], self.node)


class MoveKind(Enum):
    INDENT = N_("들여쓰기")
    OUTDENT = N_("내어쓰기")
    UP = N_("위로 이동")
    DOWN = N_("아래로 이동")


class MoveBasisCommand(QUndoCommand):
    """들여쓰기 / 내어쓰기 / 위로 이동 / 아래로 이동."""

    def __init__(self, model: BasisTreeModel, move: Move, kind: MoveKind) -> None:
        super().__init__(tr(kind.value))
        self.model, self.move, self.kind = model, move, kind
        self.back: Move | None = None

    @property
    def new_path(self) -> Path:
        """Where the item is after redo (for the view's current index)."""
        assert self.back is not None
        return self.back[0]

    def redo(self) -> None:
        self.back = self.model.move_item(*self.move)

    def undo(self) -> None:
        assert self.back is not None
        self.model.move_item(*self.back)


def add_sibling(model: BasisTreeModel, path: Path) -> InsertBasisCommand:
    """A new item just after ``path`` (at the top when ``path`` is empty)."""
    if not path:
        return InsertBasisCommand(model, (), model.rowCount())
    return InsertBasisCommand(model, path[:-1], path[-1] + 1)


def add_child(model: BasisTreeModel, path: Path) -> InsertBasisCommand:
    """A new last child of ``path``."""
    row = len(model.node(path).children)
    return InsertBasisCommand(model, path, row, tr("하위 줄 추가"))


def move_command(model: BasisTreeModel, path: Path, kind: MoveKind) -> MoveBasisCommand | None:
    """The command for ``kind`` on ``path``, or None when the item cannot move that way."""
    target = {
        MoveKind.INDENT: model.indent_target,
        MoveKind.OUTDENT: model.outdent_target,
        MoveKind.UP: model.up_target,
        MoveKind.DOWN: model.down_target,
    }[kind](path)
    return None if target is None else MoveBasisCommand(model, target, kind)
