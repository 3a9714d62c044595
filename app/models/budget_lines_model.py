"""The table of budget lines (세출 or 세입) of one 세부사업 or a whole version.

Built for 16,000 lines (ARCHITECTURE.md §8, PERFORMANCE.md §3.7):

- every display string, spoken text and sort key is computed once, column by column, when a
  line arrives; ``data()`` tests the role first and only indexes lists;
- sorting and filtering happen in the model (no QSortFilterProxyModel): a sort is a Python
  ``sorted`` over the pre-computed keys followed by ``layoutChanged`` with the persistent
  indexes moved (the current line stays current); a filter is a model reset, and narrowing
  a filter (typing one more character) only scans the rows still shown;
- ``replace_line`` updates one line in place with ``dataChanged`` for its row. It does not
  re-sort or re-filter, so the row a user is editing never jumps away; the next sort or
  filter puts it where it belongs.

Columns: 회계, 통계목 (세입: 목), 재원 (세출 only), 기정액, 요구액 (추경: 경정액), 증감, 조정액,
의결액, 상태; optionally 세부사업. "요구액" shows the requested amount, or the current amount
while the line has not been requested yet; "경정액" is the current amount; 증감 is the current
amount minus 기정액. Money shows as "1,234천원", right-aligned, and is spoken in 원 (see
``app.models.roles``). The cells of a line are computed in ``app.models.line_cells``.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from app.i18n import tr
from app.models.line_cells import Line, LineCells
from app.models.line_columns import (
    _HEADERS,
    _REVENUE_OBJECT,
    _SEARCHED,
    _SUPPLEMENTARY_AMOUNT,
    DEFAULT_COLUMNS,
    MONEY_COLUMNS,
    LineColumn,
    state_text,
)
from app.models.roles import Roles
from domain.codes import normalise_name

__all__ = ["DEFAULT_COLUMNS", "BudgetLinesModel", "Line", "LineColumn", "state_text"]

Index = QModelIndex | QPersistentModelIndex


_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_ACCESSIBLE_TEXT = int(Qt.ItemDataRole.AccessibleTextRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_ID, _VERSION, _VERSION_ID = int(Roles.ID), int(Roles.VERSION), int(Roles.VERSION_ID)
_VALUE, _SORT, _LINE = int(Roles.VALUE), int(Roles.SORT), int(Roles.LINE)
_HANDLED = frozenset(
    {_ALIGNMENT, _ACCESSIBLE_TEXT, _TOOLTIP, _ID, _VERSION, _VERSION_ID, _VALUE, _SORT, _LINE}
)
_CELL_FLAGS = (
    Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
)


def _tokens(text: str) -> tuple[str, ...]:
    """The filter's words, normalised; empty words (a lone "·") dropped, duplicates too."""
    words = (normalise_name(word) for word in text.split())
    return tuple(dict.fromkeys(w for w in words if w))


class BudgetLinesModel(QAbstractTableModel):
    """Lines of a version, one row each. Names of codes come from the mappings given (code →
    name); ``states`` maps a 세출 line's program id (a 세입 line's 부서 id) to its request
    state. ``supplementary`` turns 요구액 into 경정액."""

    def __init__(
        self,
        lines: Sequence[Line] = (),
        *,
        columns: Sequence[LineColumn] = DEFAULT_COLUMNS,
        account_names: Mapping[str, str] | None = None,
        object_names: Mapping[str, str] | None = None,
        funding_names: Mapping[str, str] | None = None,
        program_names: Mapping[uuid.UUID, str] | None = None,
        department_names: Mapping[uuid.UUID, str] | None = None,
        states: Mapping[uuid.UUID, str] | None = None,
        supplementary: bool = False,
        revenue: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._columns = [c for c in columns if not (revenue and c == LineColumn.FUNDING)]
        self._cells = LineCells(
            account_names=account_names, object_names=object_names,
            funding_names=funding_names, program_names=program_names,
            department_names=department_names, states=states, supplementary=supplementary,
        )  # fmt: skip
        self._supplementary = supplementary
        self._revenue = revenue
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._filter = ""
        self._tokens: tuple[str, ...] = ()
        self._load(lines)

    # -- building --------------------------------------------------------------------------
    def _load(self, lines: Sequence[Line]) -> None:
        ncol = len(self._columns)
        cells = self._cells
        cells.reset()
        self._lines: list[Line] = []
        self._display: list[list[str]] = [[] for _ in range(ncol)]
        self._spoken: list[list[str]] = [[] for _ in range(ncol)]
        self._values: list[list[Any]] = [[] for _ in range(ncol)]
        self._keys: list[list[Any]] = [[] for _ in range(ncol)]
        self._search: list[str] = []
        self._row_of_id: dict[uuid.UUID, int] = {}
        self._alignment = [_RIGHT if c in MONEY_COLUMNS else _LEFT for c in self._columns]
        self._title_columns = [  # row headers: "긴급복지 지원 201-01 사무관리비"
            self._columns.index(c) for c in (LineColumn.PROGRAM, LineColumn.OBJECT)
            if c in self._columns
        ]  # fmt: skip
        # Column by column: one comprehension per column costs far less than a call per cell.
        self._lines = list(lines)
        self._row_of_id = {line.id: row for row, line in enumerate(self._lines)}
        searched: list[list[str]] = []
        for i, column in enumerate(self._columns):
            if column in MONEY_COLUMNS:
                columns = cells.money_column(column, self._lines)
                self._display[i], self._spoken[i], self._values[i], self._keys[i] = columns
                continue
            found = [cells.cell(column, line) for line in self._lines]
            self._display[i] = [cell[0] for cell in found]
            self._spoken[i] = [cell[1] for cell in found]
            self._values[i] = [cell[2] for cell in found]
            self._keys[i] = [cell[3] for cell in found]
            if column in _SEARCHED:
                texts = self._keys[i] if column == LineColumn.FUNDING else self._display[i]
                searched.append([cells.norm(text) for text in texts])
        searched.append([cells.norm(cells.department(line)) for line in self._lines])
        self._search = ["\n".join(parts) for parts in zip(*searched, strict=True)]
        self._sorted = sorted(range(len(self._lines)), key=self._position_key)
        self._order = self._filtered(self._sorted)

    def _position_key(self, row: int) -> tuple[int, int]:
        return (self._lines[row].position, row)

    def _append(self, line: Line) -> int:
        row = len(self._lines)
        self._lines.append(line)
        self._row_of_id[line.id] = row
        self._search.append("")
        for text_lists in (self._display, self._spoken):
            for text_list in text_lists:
                text_list.append("")
        for value_lists in (self._values, self._keys):
            for value_list in value_lists:
                value_list.append(None)
        self._fill(row, line)
        return row

    def _fill(self, row: int, line: Line) -> None:
        cells = self._cells
        searched: list[str] = []
        for i, column in enumerate(self._columns):
            display, spoken, value, key = cells.cell(column, line)
            self._display[i][row] = display
            self._spoken[i][row] = spoken
            self._values[i][row] = value
            self._keys[i][row] = key
            if column in _SEARCHED:
                searched.append(cells.norm(display if column != LineColumn.FUNDING else key))
        searched.append(cells.norm(cells.department(line)))
        self._search[row] = "\n".join(searched)

    # -- queries ---------------------------------------------------------------------------
    @property
    def columns(self) -> list[LineColumn]:
        return list(self._columns)

    def column_of(self, column: LineColumn) -> int:
        """The model column showing ``column`` (-1 when it is not shown)."""
        return self._columns.index(column) if column in self._columns else -1

    def line(self, row: int) -> Line:
        """The line shown in ``row``."""
        return self._lines[self._order[row]]

    def row_of(self, line_id: uuid.UUID) -> int:
        """The row showing a line, or -1 when it is unknown or filtered out."""
        source = self._row_of_id.get(line_id)
        if source is None:
            return -1
        try:
            return self._order.index(source)
        except ValueError:
            return -1

    def has_line(self, line_id: uuid.UUID) -> bool:
        """Whether the model holds the line, shown or filtered out."""
        return line_id in self._row_of_id

    def total(self, column: LineColumn) -> int:
        """Sum of a money column over the rows shown (empty cells count 0)."""
        i = self.column_of(column)
        if i < 0 or column not in MONEY_COLUMNS:
            raise ValueError(f"{column!r} is not a money column of this model")
        values = self._values[i]
        return sum(values[r] or 0 for r in self._order)

    def all_line_count(self) -> int:
        return len(self._row_of_id)

    # -- updates ---------------------------------------------------------------------------
    def set_lines(self, lines: Sequence[Line]) -> None:
        """Replace every line (a model reset); sort and filter stay as they were."""
        self.beginResetModel()
        self._load(lines)
        if self._sort_column >= 0:
            self._sorted = self._sort_rows(self._sort_column, self._sort_order)
            self._order = self._filtered(self._sorted)
        self.endResetModel()

    def set_states(self, states: Mapping[uuid.UUID, str]) -> None:
        """New request states (after a submit or 조정); repaints the 상태 column."""
        self._cells.states = dict(states)
        i = self.column_of(LineColumn.STATE)
        if i < 0:
            return
        for row, line in enumerate(self._lines):
            display, _spoken, value, key = self._cells.cell(LineColumn.STATE, line)
            self._display[i][row] = self._spoken[i][row] = display
            self._values[i][row] = value
            self._keys[i][row] = key
        if self._order:
            top, bottom = self.index(0, i), self.index(len(self._order) - 1, i)
            self.dataChanged.emit(top, bottom, [])

    def replace_line(self, line: Line) -> int:
        """Put a new state of one line in place (by id) or append a new line; returns its row
        (-1 when filtered out). Only that row is repainted (``dataChanged``)."""
        source = self._row_of_id.get(line.id)
        if source is None:
            source = self._append(line)
            self._sorted.append(source)
            if not self._matches(source):
                return -1
            row = len(self._order)
            self.beginInsertRows(QModelIndex(), row, row)
            self._order.append(source)
            self.endInsertRows()
            return row
        self._lines[source] = line
        self._fill(source, line)
        row = self.row_of(line.id)
        if row >= 0:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self._columns) - 1), [])
            self.headerDataChanged.emit(Qt.Orientation.Vertical, row, row)  # its row header
        return row

    def remove_line(self, line_id: uuid.UUID) -> bool:
        """Drop one line; False when it is not in the model."""
        source = self._row_of_id.pop(line_id, None)
        if source is None:
            return False
        self._sorted.remove(source)
        row = self._order.index(source) if source in self._order else -1
        if row >= 0:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._order[row]
            self.endRemoveRows()
        return True

    # -- sort and filter -------------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._columns):
            return
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        sources = [self._order[p.row()] if p.isValid() else -1 for p in persistent]
        self._sort_column, self._sort_order = column, order
        self._sorted = self._sort_rows(column, order)
        self._order = self._filtered(self._sorted)
        if persistent:
            where = {source: row for row, source in enumerate(self._order)}
            moved = [
                self.index(where[s], p.column()) if s in where else QModelIndex()
                for s, p in zip(sources, persistent, strict=True)
            ]
            self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    def _sort_rows(self, column: int, order: Qt.SortOrder) -> list[int]:
        base = sorted(self._row_of_id.values(), key=self._position_key)
        keys = self._keys[column]
        return sorted(base, key=keys.__getitem__, reverse=order == Qt.SortOrder.DescendingOrder)

    @property
    def filter_text(self) -> str:
        return self._filter

    def set_filter(self, text: str) -> None:
        """Show only lines matching every word of ``text``; a word matches when it is part of
        the line's 세부사업, 회계, 통계목 (code or name), 재원 or 부서 (case, middle dots
        ignored): "긴급복지 지원 201-01" finds that program's 201-01 lines. A model reset."""
        tokens = _tokens(text)
        if tokens == self._tokens:
            return
        # Narrowing (every old word is inside a new word) only scans the rows still shown.
        narrowing = all(any(old in new for new in tokens) for old in self._tokens)
        self.beginResetModel()
        self._tokens = tokens
        self._filter = " ".join(tokens)
        self._order = self._filtered(self._order if narrowing else self._sorted)
        self.endResetModel()

    def _matches(self, source: int) -> bool:
        text = self._search[source]
        return all(token in text for token in self._tokens)

    def _filtered(self, rows: Iterable[int]) -> list[int]:
        tokens = self._tokens
        if not tokens:
            return list(rows)
        search = self._search
        if len(tokens) == 1:
            needle = tokens[0]
            return [r for r in rows if needle in search[r]]
        return [r for r in rows if all(t in search[r] for t in tokens)]

    # -- QAbstractTableModel ---------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._order)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        # The display role first, then one set lookup turns away the roles a view asks for
        # but this model does not use (decoration, font, colours ...).
        if role == _DISPLAY:
            if not index.isValid():
                return None
            return self._display[index.column()][self._order[index.row()]]
        if role not in _HANDLED or not index.isValid():
            return None
        if role == _ALIGNMENT:
            return self._alignment[index.column()]
        if role in (_ACCESSIBLE_TEXT, _TOOLTIP):
            return self._spoken[index.column()][self._order[index.row()]]
        source = self._order[index.row()]
        if role == _VALUE:
            return self._values[index.column()][source]
        if role == _SORT:
            return self._keys[index.column()][source]
        line = self._lines[source]
        if role == _ID:
            return line.id
        if role == _VERSION:
            return line.version
        if role == _VERSION_ID:
            return line.version_id
        return line  # Roles.LINE

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _CELL_FLAGS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if orientation == Qt.Orientation.Vertical:  # the row header a screen reader reads
            if role not in (_DISPLAY, _ACCESSIBLE_TEXT) or not 0 <= section < len(self._order):
                return None
            source = self._order[section]
            titles = [self._display[i][source] for i in self._title_columns]
            return " ".join(t for t in titles if t) or None
        if not 0 <= section < len(self._columns):
            return None
        column = self._columns[section]
        texts = _HEADERS[column]
        if column == LineColumn.AMOUNT and self._supplementary:
            texts = _SUPPLEMENTARY_AMOUNT
        elif column == LineColumn.OBJECT and self._revenue:
            texts = _REVENUE_OBJECT
        if role == _DISPLAY:
            return tr(texts[0])
        if role == _ACCESSIBLE_TEXT:
            return tr(texts[1])
        if role == _TOOLTIP:
            return tr(texts[2])
        if role == _ALIGNMENT:
            return self._alignment[section]
        return None
