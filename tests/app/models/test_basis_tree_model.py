"""BasisTreeModel and its undo commands: live evaluation, sums, errors, every operation undone."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QPersistentModelIndex, Qt
from PySide6.QtGui import QUndoStack

from app.models import BasisColumn, BasisTreeModel, Roles
from app.models.commands import (
    EditBasisCommand,
    MoveKind,
    RemoveBasisCommand,
    add_child,
    add_sibling,
    move_command,
)
from domain.contracts.budget import BasisItemOut
from domain.formula import FormulaError
from tests.app.models.factories import item

FORMULA = BasisColumn.FORMULA

if TYPE_CHECKING:
    from pytestqt.modeltest import ModelTester
    from pytestqt.qtbot import QtBot


def sample() -> list[BasisItemOut]:
    return [
        item(
            "○ 인건비",
            children=[
                item("- 기간제", "40,000원*19명*12월*80%"),  # 7,296,000원 → 7,296천원
                item("- 수당", "1,500원*10명"),  # 15,000원 → 15천원
            ],
        ),
        item("○ 운영비", "1,001원"),  # → 2천원 (rounded up)
        item("○ 가져온 식", "1,500,000원(최대금액)", amount=1500, amount_won=1_500_000, flag="x"),
    ]


def text(model: BasisTreeModel, path: tuple[int, ...], column: int, role: int = 0) -> object:
    return model.index_of(path, column).data(role)


@pytest.fixture
def stack() -> QUndoStack:
    return QUndoStack()


def test_modeltester(qtmodeltester: ModelTester, stack: QUndoStack) -> None:
    model = BasisTreeModel(sample(), undo_stack=stack)
    qtmodeltester.check(model, force_py=True)
    qtmodeltester.check(model)
    stack.push(add_child(model, (1,)))
    move((0, 1), MoveKind.OUTDENT)(model, stack)
    move((2,), MoveKind.INDENT)(model, stack)
    stack.push(RemoveBasisCommand(model, (0, 0)))
    stack.undo()
    model.setData(model.index_of((1,), FORMULA), "3원")
    qtmodeltester.check(model)


def test_amounts_sums_and_line_amount() -> None:
    model = BasisTreeModel(sample())
    assert text(model, (0, 0), BasisColumn.WON) == "7,296,000원"
    assert text(model, (0, 0), BasisColumn.THOUSAND) == "7,296천원"
    assert text(model, (0,), BasisColumn.THOUSAND) == "7,311천원"
    assert text(model, (0,), BasisColumn.WON) == "7,311,000원"
    assert text(model, (1,), BasisColumn.THOUSAND) == "2천원"
    # the flagged import keeps its text, flag and stated amount
    assert text(model, (2,), FORMULA) == "1,500,000원(최대금액)"
    assert text(model, (2,), BasisColumn.THOUSAND) == "1,500천원"
    assert text(model, (2,), 0, Roles.FLAG) == "x"
    assert "가져온 식" in str(text(model, (2,), BasisColumn.STATUS))
    assert model.line_amount() == 7311 + 2 + 1500
    spoken = Qt.ItemDataRole.AccessibleTextRole
    assert text(model, (0, 0), BasisColumn.THOUSAND, spoken) == "7,296,000원"
    assert text(model, (0, 0), BasisColumn.WON, spoken) == "7,296,000원"


def test_editing_a_formula_updates_parent_sums_and_line_amount(qtbot: QtBot) -> None:
    model = BasisTreeModel(sample())
    parent_amount = QPersistentModelIndex(model.index_of((0,), BasisColumn.THOUSAND))
    with qtbot.waitSignal(model.line_amount_changed) as blocker:
        assert model.setData(model.index_of((0, 1), FORMULA), "2,000원*10명")
    assert blocker.args == [7296 + 20 + 2 + 1500]
    assert parent_amount.data() == "7,316천원"
    assert model.line_amount() == 8818


def test_bad_formula_keeps_text_and_names_the_position() -> None:
    model = BasisTreeModel(sample())
    model.setData(model.index_of((0, 0), FORMULA), "40,000원**19명")
    error = text(model, (0, 0), 0, Roles.ERROR)
    assert isinstance(error, FormulaError)
    assert error.position == 8
    status = str(text(model, (0, 0), BasisColumn.STATUS))
    assert "9번째 글자" in status  # the position, in words
    assert text(model, (0, 0), FORMULA) == "40,000원**19명"
    assert text(model, (0, 0), FORMULA, Qt.ItemDataRole.AccessibleDescriptionRole) == status
    assert "오류" in str(text(model, (0, 0), FORMULA, Qt.ItemDataRole.AccessibleTextRole))
    assert text(model, (0, 0), BasisColumn.WON) == ""
    assert model.line_amount() == 15 + 2 + 1500
    assert [path for path, _ in model.errors()] == [(0, 0)]


def test_editing_a_flagged_formula_unflags_it_and_restoring_it_flags_it_again() -> None:
    model = BasisTreeModel(sample())
    index = model.index_of((2,), FORMULA)
    model.setData(index, "1,500,000원")
    assert index.data(Roles.FLAG) is None
    assert model.index_of((2,), BasisColumn.THOUSAND).data() == "1,500천원"
    model.setData(index, "1,500,000원(최대금액)")
    assert index.data(Roles.FLAG) == "x"
    assert model.to_payload()[2].formula == "1,500,000원(최대금액)"


def test_payload() -> None:
    items = sample()
    model = BasisTreeModel(items)
    payload = model.to_payload()
    assert [p.label for p in payload] == ["○ 인건비", "○ 운영비", "○ 가져온 식"]
    assert payload[0].id == items[0].id and payload[0].formula is None
    assert payload[0].children[0].formula == "40,000원*19명*12월*80%"
    model.setData(model.index_of((1,), FORMULA), "  ")
    assert model.to_payload()[1].formula is None


def test_revenue_rounds_down() -> None:
    model = BasisTreeModel([item("사용료", "1,999원")], revenue=True)
    assert model.line_amount() == 1


Op = Callable[[BasisTreeModel, QUndoStack], object]


def move(path: tuple[int, ...], kind: MoveKind) -> Op:
    def push(model: BasisTreeModel, stack: QUndoStack) -> None:
        command = move_command(model, path, kind)
        assert command is not None, f"cannot {kind.name} {path}"
        stack.push(command)

    return push


OPERATIONS: dict[str, Op] = {
    "edit label": lambda m, s: s.push(EditBasisCommand(m, (1,), 0, "○ 운영비(수정)")),
    "edit formula": lambda m, s: m.setData(m.index_of((0, 0), FORMULA), "1원"),
    "bad formula": lambda m, s: m.setData(m.index_of((0, 0), FORMULA), "1원+"),
    "add sibling": lambda m, s: s.push(add_sibling(m, (0, 0))),
    "add child": lambda m, s: s.push(add_child(m, (1,))),
    "remove": lambda m, s: s.push(RemoveBasisCommand(m, (0,))),
    "indent": move((1,), MoveKind.INDENT),
    "outdent": move((0, 0), MoveKind.OUTDENT),
    "up": move((2,), MoveKind.UP),
    "down": move((0, 0), MoveKind.DOWN),
}
NAMES = {
    "edit label": "산출근거 수정",
    "edit formula": "산출근거 수정",
    "bad formula": "산출근거 수정",
    "add sibling": "산출근거 줄 추가",
    "add child": "하위 줄 추가",
    "remove": "산출근거 줄 삭제",
    "indent": "들여쓰기",
    "outdent": "내어쓰기",
    "up": "위로 이동",
    "down": "아래로 이동",
}


@pytest.mark.parametrize("name", list(OPERATIONS))
def test_undo_and_redo_restore_the_exact_tree(name: str, stack: QUndoStack) -> None:
    model = BasisTreeModel(sample(), undo_stack=stack)
    before = (model.state(), model.line_amount(), model.to_payload())
    OPERATIONS[name](model, stack)
    assert stack.count() == 1
    assert stack.undoText() == NAMES[name]
    after = (model.state(), model.line_amount(), model.to_payload())
    assert after != before
    stack.undo()
    assert (model.state(), model.line_amount(), model.to_payload()) == before
    assert model.errors() == []
    stack.redo()
    assert (model.state(), model.line_amount(), model.to_payload()) == after


def test_a_sequence_of_operations_undoes_to_the_start(stack: QUndoStack) -> None:
    model = BasisTreeModel(sample(), undo_stack=stack)
    start = model.state()
    states = [start]
    steps = [
        OPERATIONS["add child"],
        OPERATIONS["indent"],
        OPERATIONS["edit formula"],
        OPERATIONS["outdent"],
        OPERATIONS["down"],
        OPERATIONS["remove"],
        move((1,), MoveKind.UP),
    ]
    for step in steps:
        step(model, stack)
        states.append(model.state())
    for expected in reversed(states[:-1]):
        stack.undo()
        assert model.state() == expected
    while stack.canRedo():
        stack.redo()
    assert model.state() == states[-1]


def test_typing_in_one_cell_is_one_undo_step(stack: QUndoStack) -> None:
    model = BasisTreeModel(sample(), undo_stack=stack)
    index = model.index_of((1,), FORMULA)
    for typed in ("2", "2,", "2,0", "2,00", "2,000원"):
        model.setData(index, typed)
    assert stack.count() == 1
    assert model.line_amount() == 7311 + 2 + 1500
    stack.undo()
    assert index.data() == "1,001원"


def test_impossible_moves_give_no_command() -> None:
    model = BasisTreeModel(sample())
    assert move_command(model, (0,), MoveKind.INDENT) is None
    assert move_command(model, (0,), MoveKind.OUTDENT) is None
    assert move_command(model, (0,), MoveKind.UP) is None
    assert move_command(model, (2,), MoveKind.DOWN) is None
    with pytest.raises(ValueError):
        model.move_item((0,), (0, 0), 0)


def test_indent_keeps_the_current_index(stack: QUndoStack) -> None:
    model = BasisTreeModel(sample(), undo_stack=stack)
    current = QPersistentModelIndex(model.index_of((1,), 0))
    move((1,), MoveKind.INDENT)(model, stack)
    assert model.path_of(current) == (0, 2)
    assert current.data() == "○ 운영비"
    assert model.index_of((0,), BasisColumn.THOUSAND).data() == "7,313천원"
