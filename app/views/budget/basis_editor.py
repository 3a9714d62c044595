"""The 산출근거 editor: a tree of (항목, 산출근거식) items with live evaluation, and the 재원 split.

The tree is for moving around and restructuring; the current item is edited in two named
fields below it (항목, 산출근거식), so a screen reader always reads a labelled edit field and
never an unnamed delegate editor (ACCESSIBILITY.md §3, pitfall 6). The result of the formula
is shown in 원 and the line's 천원 amount as text; a formula that cannot be read shows where and
why ("3번째 글자 '×' 근처: …") in words and in the field's description at once (read on
demand); it is announced only after a pause in typing (``ERROR_PAUSE_MS``) or when focus leaves
the field, so "2" on the way to "25,000원*4회" is never spoken as an error.

Structure keys (also on the buttons' descriptions): 줄 추가 Ctrl+Enter, 하위 줄 추가
Ctrl+Shift+Enter, 줄 삭제 Ctrl+Delete, 들여쓰기 Alt+Shift+→, 내어쓰기 Alt+Shift+←, 위로 Alt+Shift+↑,
아래로 Alt+Shift+↓. Every change is a named step on :meth:`undo_stack`.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app.a11y import announce, buddy, name, set_tab_order, status_label
from app.i18n import N_, thousand_text, tr, won_text
from app.models import BasisColumn, BasisTreeModel
from app.models.basis_nodes import BasisNode, Path, walk
from app.models.commands import (
    MoveKind,
    RemoveBasisCommand,
    add_child,
    add_sibling,
    move_command,
)
from app.views.budget.funding_box import FundingBox
from app.views.layout_state import rows_height
from domain.contracts.budget import BasisItemOut

JsonDict = dict[str, Any]

ERROR_PAUSE_MS = 800
"""A formula error is announced when typing pauses this long (or the field loses focus)."""

# (identifier, text, shortcut, handler name)
_STRUCTURE = (
    ("basisAdd", N_("줄 추가"), "Ctrl+Return", "add_item"),
    ("basisAddChild", N_("하위 줄 추가"), "Ctrl+Shift+Return", "add_child_item"),
    ("basisRemove", N_("줄 삭제"), "Ctrl+Delete", "remove_item"),
    ("basisIndent", N_("들여쓰기"), "Alt+Shift+Right", "indent"),
    ("basisOutdent", N_("내어쓰기"), "Alt+Shift+Left", "outdent"),
    ("basisUp", N_("위로 이동"), "Alt+Shift+Up", "move_up"),
    ("basisDown", N_("아래로 이동"), "Alt+Shift+Down", "move_down"),
)


VISIBLE_ROWS = 8
"""The 산출근거 tree never gets shorter than this many items."""


class BasisEditor(QWidget):
    edited = Signal()  # the tree or the 재원 split changed by the user (save a draft)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        name(self, tr("산출근거 편집"), identifier="basisEditor")
        self.stack = QUndoStack(self)
        self.model = BasisTreeModel(undo_stack=self.stack, parent=self)
        self._loading = False
        self._last_error = ""  # the error last announced ("" after a good formula)
        self._pending_error = ""  # shown, waiting for a pause before it is announced
        self._error_pause = QTimer(self)
        self._error_pause.setSingleShot(True)
        self._error_pause.setInterval(ERROR_PAUSE_MS)
        self._error_pause.timeout.connect(self.announce_error)

        title = QLabel(tr("산출근거(&B)"))
        self.tree = QTreeView()
        buddy(title, self.tree, tr("산출근거 항목과 식의 나무 구조"), "basisTree")
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setTabKeyNavigation(False)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setColumnWidth(BasisColumn.LABEL, 220)
        self.tree.setColumnWidth(BasisColumn.FORMULA, 240)
        # at least VISIBLE_ROWS items; the fields and buttons below scroll with the pane
        self.tree.setMinimumHeight(rows_height(self.tree, VISIBLE_ROWS, self.tree.header()))

        buttons = QGridLayout()
        self.buttons: dict[str, QPushButton] = {}
        for i, (ident, text, keys, handler) in enumerate(_STRUCTURE):
            button = QPushButton(tr(text))
            sequence = QKeySequence(keys)
            shown = sequence.toString(QKeySequence.SequenceFormat.NativeText)
            name(button, tr(text), tr("단축키 {keys}").format(keys=shown), ident)
            button.setToolTip(f"{tr(text)} ({shown})")
            button.clicked.connect(getattr(self, handler))
            action = QAction(tr(text), self)
            action.setShortcut(sequence)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(getattr(self, handler))
            self.addAction(action)
            buttons.addWidget(button, i // 4, i % 4)
            self.buttons[ident] = button
        self.undo_button = name(QPushButton(tr("실행 취소")), tr("실행 취소"), None, "basisUndo")
        self.redo_button = name(QPushButton(tr("다시 실행")), tr("다시 실행"), None, "basisRedo")
        self.undo_button.clicked.connect(self.stack.undo)
        self.redo_button.clicked.connect(self.stack.redo)
        buttons.addWidget(self.undo_button, 1, 3)
        buttons.addWidget(self.redo_button, 2, 0)
        self.stack.indexChanged.connect(self._undo_texts)

        form = QFormLayout()
        self.label_edit = QLineEdit()
        label_label = QLabel(tr("항목(&L)"))
        form.addRow(label_label, buddy(label_label, self.label_edit, None, "basisLabel"))
        self.formula_edit = QLineEdit()
        formula_label = QLabel(tr("산출근거식(&O)"))
        form.addRow(formula_label, buddy(formula_label, self.formula_edit, None, "basisFormula"))
        self.result = status_label("basisResult")
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.result.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        form.addRow(self.result)
        self.amount = status_label("basisLineAmount")
        form.addRow(self.amount)
        self.funding = FundingBox(self)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        layout.addLayout(form)
        layout.addWidget(self.funding)
        set_tab_order(
            [self.tree, self.label_edit, self.formula_edit, *self.buttons.values(),
             self.undo_button, self.redo_button, *self.funding.focus_chain()]
        )  # fmt: skip

        self.label_edit.textEdited.connect(lambda t: self._edit_field(BasisColumn.LABEL, t))
        self.formula_edit.textEdited.connect(lambda t: self._edit_field(BasisColumn.FORMULA, t))
        self.formula_edit.editingFinished.connect(self.announce_error)  # focus out, Enter
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.model.dataChanged.connect(self._data_changed)
        for signal in (self.model.rowsInserted, self.model.rowsRemoved, self.model.rowsMoved):
            signal.connect(self._structure_changed)
        self.model.line_amount_changed.connect(self._amount_changed)
        self.funding.edited.connect(self._funding_edited)
        self._sync_fields()
        self._amount_changed(0)
        self._undo_texts()

    # -- loading and reading ---------------------------------------------------------------
    def undo_stack(self) -> QUndoStack:
        return self.stack

    def load(
        self,
        items: Sequence[JsonDict | BasisItemOut],
        funding: Mapping[str, int],
        sources: Mapping[str, str],
    ) -> None:
        """Show a line's tree (server items or a draft's) and 재원 split; clears undo."""
        self._loading = True
        try:
            placeholders: set[uuid.UUID] = set()
            outs = [_as_out(item, placeholders) for item in items]
            self.model.set_items(outs)
            for node in walk(self.model.node(()).children):
                if node.id in placeholders:
                    node.id = None
            self.stack.clear()
            self.funding.set_split(sources, funding)
            self.funding.set_amount(self.model.line_amount())
            if self.model.rowCount():
                self.tree.setCurrentIndex(self.model.index(0, 0))
            self._sync_fields()
        finally:
            self._loading = False

    def basis(self) -> list[JsonDict]:
        """The tree as draft items (flagged imported items keep their flag and amounts)."""
        return [_as_json(node) for node in self.model.node(()).children]

    def split(self) -> dict[str, int]:
        return self.funding.split()

    def line_amount(self) -> int:
        return self.model.line_amount()

    def focus_first_error(self) -> str:
        """Make the first item with a formula error current, put the error in the formula
        field's description and focus that field; returns the error ("" when none)."""
        errors = self.model.errors()
        if not errors:
            return ""
        path, error = errors[0]
        self.tree.setCurrentIndex(self.model.index_of(path))
        message = tr("산출근거식 오류: {message}").format(message=error.message)
        self._error_pause.stop()  # the caller announces it now: not again after the pause
        self._pending_error, self._last_error = "", message
        self.formula_edit.setAccessibleDescription(message)
        self.formula_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        return message

    def current_path(self) -> Path:
        return self.model.path_of(self.tree.currentIndex())

    # -- structure commands ----------------------------------------------------------------
    def _push(self, command: QUndoCommand | None, path: Path | None = None) -> None:
        if command is None:  # cannot move that way: say so, push nothing
            announce(self, tr("그 방향으로는 옮길 수 없습니다"))
            return
        self.stack.push(command)
        new_path = path if path is not None else getattr(command, "path", None)
        if new_path:
            self.tree.setCurrentIndex(self.model.index_of(new_path))
        self.tree.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def add_item(self) -> None:
        command = add_sibling(self.model, self.current_path())
        self._push(command, command.path)
        self.label_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def add_child_item(self) -> None:
        path = self.current_path()
        if not path:
            self.add_item()
            return
        command = add_child(self.model, path)
        self.tree.expand(self.model.index_of(path))
        self._push(command, command.path)
        self.label_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def remove_item(self) -> None:
        path = self.current_path()
        if not path:
            return
        self._push(RemoveBasisCommand(self.model, path), ())
        rows = self.model.rowCount(self.model.index_of(path[:-1]))
        if rows:
            self.tree.setCurrentIndex(self.model.index_of((*path[:-1], min(path[-1], rows - 1))))
        elif len(path) > 1:
            self.tree.setCurrentIndex(self.model.index_of(path[:-1]))
        announce(self, tr("산출근거 줄을 삭제했습니다"))

    def _move(self, kind: MoveKind) -> None:
        command = move_command(self.model, self.current_path(), kind)
        if command is None:
            self._push(None)
            return
        self.stack.push(command)
        index = self.model.index_of(command.new_path)
        self.tree.expand(index.parent())
        self.tree.setCurrentIndex(index)
        announce(
            self, tr("{step}: {level}단계").format(step=tr(kind.value), level=len(command.new_path))
        )

    def indent(self) -> None:
        self._move(MoveKind.INDENT)

    def outdent(self) -> None:
        self._move(MoveKind.OUTDENT)

    def move_up(self) -> None:
        self._move(MoveKind.UP)

    def move_down(self) -> None:
        self._move(MoveKind.DOWN)

    # -- fields ----------------------------------------------------------------------------
    def _edit_field(self, column: BasisColumn, text: str) -> None:
        index = self.tree.currentIndex()
        if not index.isValid():
            self.add_item()
            index = self.tree.currentIndex()
        self.model.setData(self.model.index_of(self.model.path_of(index), column), text)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._sync_fields(keep_cursor=False)

    def _data_changed(self, top: QModelIndex, _bottom: QModelIndex, _roles: object = None) -> None:
        current = self.tree.currentIndex()
        if current.isValid() and top.internalId() == current.internalId():
            self._sync_fields()
        self._changed()

    def _structure_changed(self, *_args: object) -> None:
        self._sync_fields()
        self._changed()

    def _sync_fields(self, keep_cursor: bool = True) -> None:
        index = self.tree.currentIndex()
        has = index.isValid()
        node: BasisNode | None = self.model.node(self.model.path_of(index)) if has else None
        for edit, text in (
            (self.label_edit, node.label if node else ""),
            (self.formula_edit, (node.formula or "") if node else ""),
        ):
            if edit.text() != text:
                position = edit.cursorPosition() if keep_cursor else len(text)
                edit.setText(text)
                edit.setCursorPosition(min(position, len(text)))
        self._show_result(node)

    def _show_result(self, node: BasisNode | None) -> None:
        if node is None:
            text, error = tr("산출근거 줄이 없습니다. 줄 추가(Ctrl+Enter)로 시작하세요."), ""
        elif node.error is not None:
            error = tr("산출근거식 오류: {message}").format(message=node.error.message)
            text = error
        elif node.children:
            text, error = (
                tr("하위 항목 합계: {won}, {thousand}").format(
                    won=won_text(node.won or 0), thousand=thousand_text(node.thousand)
                ),
                "",
            )
        elif node.has_formula:
            text, error = (
                tr("계산 결과: {won}, {thousand}").format(
                    won=won_text(node.won or 0), thousand=thousand_text(node.thousand)
                ),
                "",
            )
        else:
            text, error = tr("식이 없습니다"), ""
        self.result.setText(text)
        self.formula_edit.setAccessibleDescription(text)  # live: read on demand
        if not error:
            self._error_pause.stop()
            self._pending_error = self._last_error = ""
        elif error != self._last_error:
            self._pending_error = error
            self._error_pause.start()  # restarted by every keystroke

    def announce_error(self) -> None:
        """Say the formula error still shown, once (after a pause or on leaving the field)."""
        self._error_pause.stop()
        error, self._pending_error = self._pending_error, ""
        if error and error != self._last_error:
            self._last_error = error
            announce(self.formula_edit, error, assertive=True)

    def _amount_changed(self, thousand: int) -> None:
        self.amount.setText(tr("이 줄의 금액: {amount}").format(amount=thousand_text(thousand)))
        self.funding.set_amount(thousand)

    def _funding_edited(self) -> None:
        if not self._loading:
            self.edited.emit()

    def _changed(self) -> None:
        if not self._loading:
            self.edited.emit()

    def _undo_texts(self, *_args: object) -> None:
        undo, redo = self.stack.undoText(), self.stack.redoText()
        for button, step, template in (
            (self.undo_button, undo, tr("{step} 실행 취소")),
            (self.redo_button, redo, tr("{step} 다시 실행")),
        ):
            button.setEnabled(bool(step))
            text = template.format(step=step) if step else button.accessibleName()
            button.setText(text)
            button.setToolTip(text)


def _as_out(item: JsonDict | BasisItemOut, placeholders: set[uuid.UUID]) -> BasisItemOut:
    if isinstance(item, BasisItemOut):
        return item
    raw = item.get("id")
    if raw:
        item_id = uuid.UUID(str(raw))
    else:
        item_id = uuid.uuid4()
        placeholders.add(item_id)
    flag = item.get("flag")
    return BasisItemOut(
        id=item_id,
        label=str(item.get("label") or ""),
        formula=item.get("formula"),
        amount=int(item.get("amount") or 0) if flag else 0,
        amount_won=item.get("amount_won") if flag else None,
        flag=flag,
        children=[_as_out(child, placeholders) for child in item.get("children") or []],
    )


def _as_json(node: BasisNode) -> JsonDict:
    out: JsonDict = {"id": str(node.id) if node.id else None, "label": node.label}
    out["formula"] = node.formula if node.has_formula else None
    if node.flagged:
        out.update(flag=node.flag, amount=node.stated_amount, amount_won=node.stated_won)
    out["children"] = [_as_json(child) for child in node.children]
    return out
