"""Custom item data roles and the spoken text of money cells, shared by the models.

Money cells show "1,234천원" (budget lines are in 천원) but give screen readers the amount in
원 through ``Qt.AccessibleTextRole``: "1,234,000원" (ARCHITECTURE.md §6). A Korean screen reader
reads "백이십삼만 사천 원", which is unambiguous, whereas "1,234천원" is read as "천이백삼십사
천원" and is easily misheard. A minus sign is skipped by some screen readers at their default
punctuation level, so negative amounts are spoken with a word ("마이너스 360,000원"), and an
empty cell says "없음" instead of nothing.
"""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import Qt

from app.i18n import tr, won_text

__all__ = ["MoneyText", "Roles", "spoken_thousand", "spoken_won"]

_USER = int(Qt.ItemDataRole.UserRole)


class Roles(IntEnum):
    """Roles beyond Qt's own; read them with ``index.data(Roles.LINE_ID)``."""

    ID = _USER + 1  # uuid.UUID of the line / program / 산출근거 item (None for a new item)
    VERSION = _USER + 2  # int: the line's optimistic-concurrency version (ETag)
    VERSION_ID = _USER + 3  # uuid.UUID of the budget version a line belongs to
    SORT = _USER + 4  # the pre-computed sort key of a cell
    VALUE = _USER + 5  # the raw value of a cell (int 천원 / 원, or None)
    LEVEL = _USER + 6  # program level: "부서", "정책", "단위", "세부"
    DEPARTMENT_ID = _USER + 7  # uuid.UUID of the 부서
    ERROR = _USER + 8  # 산출근거 item: the FormulaError (or None)
    FLAG = _USER + 9  # 산출근거 item: the import flag text kept verbatim (or None)
    LINE = _USER + 10  # the wire object (ExpenditureLineOut / RevenueLineOut / ProgramOut)

    # Aliases that read well at the call site.
    LINE_ID = ID
    PROGRAM_ID = ID


def spoken_won(won: int | None) -> str:
    """Spoken text of an amount in 원: "1,234,000원", "마이너스 360,000원", "없음"."""
    if won is None:
        return tr("없음", "empty amount cell, spoken")
    if won < 0:
        return tr("마이너스 {amount}").format(amount=won_text(-won))
    return won_text(won)


def spoken_thousand(thousand: int | None) -> str:
    """Spoken text of an amount in 천원, said in 원 (see the module docstring)."""
    return spoken_won(None if thousand is None else thousand * 1000)


class MoneyText:
    """The money formats of the installed language, looked up once: a model formatting 16,000
    lines must not call the translator for every cell. Same results as ``thousand_text``,
    ``spoken_thousand`` and ``spoken_won``."""

    def __init__(self) -> None:
        self._thousand = tr("{amount}천원").split("{amount}", 1)
        self._won = tr("{amount}원").split("{amount}", 1)
        self._minus = tr("마이너스 {amount}").split("{amount}", 1)
        self.none = tr("없음", "empty amount cell, spoken")

    def thousand(self, thousand: int) -> str:
        """ "1,234천원"."""
        before, after = self._thousand
        return f"{before}{thousand:,}{after}"

    def spoken_won(self, won: int | None) -> str:
        """ "1,234,000원", "마이너스 360,000원", "없음"."""
        if won is None:
            return self.none
        before, after = self._won
        if won < 0:
            return f"{self._minus[0]}{before}{-won:,}{after}{self._minus[1]}"
        return f"{before}{won:,}{after}"

    def spoken_thousand(self, thousand: int | None) -> str:
        return self.spoken_won(None if thousand is None else thousand * 1000)
