"""The cells of one budget line: for every column its display text, spoken text, raw value and
sort key, computed once when a line arrives (``BudgetLinesModel`` only indexes lists after).

Money is shown in 천원 ("1,234천원") and spoken in 원; 재원 lists every source in the
government's order; the names of codes, programs and 부서 come from the mappings given, and
the texts the filter searches are normalised here (with a cache: names repeat across
thousands of lines).
"""

from __future__ import annotations

import math
import uuid
from collections.abc import Mapping
from typing import Any

from app.models.line_columns import MONEY_COLUMNS, LineColumn, code_name, state_text
from app.models.roles import MoneyText
from domain.codes import normalise_name
from domain.contracts.budget import ExpenditureLineOut, RevenueLineOut
from domain.money import format_number

Line = ExpenditureLineOut | RevenueLineOut
Cell = tuple[str, str, Any, Any]  # display, spoken, value, sort key

NONE_KEY = -math.inf  # empty amounts sort before every amount


class LineCells:
    """Cells of lines by column; ``states`` maps a 세출 line's program id (a 세입 line's 부서
    id) to its request state, ``supplementary`` turns 요구액 into 경정액."""

    def __init__(
        self,
        *,
        account_names: Mapping[str, str] | None = None,
        object_names: Mapping[str, str] | None = None,
        funding_names: Mapping[str, str] | None = None,
        program_names: Mapping[uuid.UUID, str] | None = None,
        department_names: Mapping[uuid.UUID, str] | None = None,
        states: Mapping[uuid.UUID, str] | None = None,
        supplementary: bool = False,
    ) -> None:
        self._account_names = dict(account_names or {})
        self._object_names = dict(object_names or {})
        self._funding_names = dict(funding_names or {})
        self._funding_order = {code: i for i, code in enumerate(self._funding_names)}
        self._program_names = dict(program_names or {})
        self._department_names = dict(department_names or {})
        self.states = dict(states or {})
        self._supplementary = supplementary
        self.reset()

    def reset(self) -> None:
        """Fresh money formats (of the installed language) and an empty name cache."""
        self.money = MoneyText()
        self._norm_cache: dict[str, str] = {}

    def department(self, line: Line) -> str:
        """The line's 부서 name: searched, not shown as a column."""
        return self._department_names.get(line.department_id, "")

    def norm(self, text: str) -> str:
        """``normalise_name`` with a cache: names repeat across thousands of lines."""
        found = self._norm_cache.get(text)
        if found is None:
            found = self._norm_cache[text] = normalise_name(text)
        return found

    def money_column(self, column: LineColumn, lines: list[Line]) -> list[list[Any]]:
        """A money column of ``lines`` at once: [display], [spoken], [values], [keys]."""
        amounts = [self.amount(column, line) for line in lines]
        thousand, spoken, none = self.money.thousand, self.money.spoken_thousand, self.money.none
        return [
            ["" if a is None else thousand(a) for a in amounts],
            [none if a is None else spoken(a) for a in amounts],
            amounts,
            [NONE_KEY if a is None else a for a in amounts],
        ]

    def cell(self, column: LineColumn, line: Line) -> Cell:
        if column in MONEY_COLUMNS:
            amount = self.amount(column, line)
            if amount is None:
                return "", self.money.none, None, NONE_KEY
            return self.money.thousand(amount), self.money.spoken_thousand(amount), amount, amount
        if column == LineColumn.ACCOUNT:
            text = code_name(line.account_code, self._account_names)
            return text, text, line.account_code, line.account_code
        if column == LineColumn.OBJECT:
            code = line.item_code if isinstance(line, RevenueLineOut) else line.object_code
            text = code_name(code, self._object_names)
            return text, text, code, code
        if column == LineColumn.FUNDING:
            return self._funding(line)
        if column == LineColumn.PROGRAM:
            program_id = line.program_id if isinstance(line, ExpenditureLineOut) else None
            text = self._program_names.get(program_id, "") if program_id is not None else ""
            return text, text, program_id, self.norm(text)
        # STATE
        owner = line.program_id if isinstance(line, ExpenditureLineOut) else line.department_id
        state = self.states.get(owner, "")
        text = state_text(state)
        return text, text, state, state

    def _funding(self, line: Line) -> Cell:
        funding = line.funding if isinstance(line, ExpenditureLineOut) else {}
        order = self._funding_order
        parts = sorted(funding.items(), key=lambda kv: (order.get(kv[0], 1 << 30), kv[0]))
        names = [self._funding_names.get(code, code) for code, _ in parts]
        if len(parts) == 1:
            display = names[0]
        else:
            display = " / ".join(
                f"{n} {format_number(v)}" for n, (_, v) in zip(names, parts, strict=True)
            )
        spoken = ", ".join(
            f"{n} {self.money.spoken_thousand(v)}" for n, (_, v) in zip(names, parts, strict=True)
        )
        return display, spoken, dict(funding), " ".join(names)

    def amount(self, column: LineColumn, line: Line) -> int | None:
        if column == LineColumn.BASE:
            return line.base_amount
        if column == LineColumn.AMOUNT:
            if self._supplementary or line.requested_amount is None:
                return line.amount
            return line.requested_amount
        if column == LineColumn.CHANGE:
            return line.amount - line.base_amount
        if column == LineColumn.ADJUSTED:
            return line.adjusted_amount
        return line.adopted_amount
