"""Columns of the budget-lines table: which there are, their headers, and small cell texts."""

from __future__ import annotations

from collections.abc import Mapping
from enum import IntEnum

from app.i18n import N_, tr

__all__ = ["DEFAULT_COLUMNS", "MONEY_COLUMNS", "LineColumn", "code_name", "state_text"]


class LineColumn(IntEnum):
    PROGRAM = 0
    ACCOUNT = 1
    OBJECT = 2
    FUNDING = 3
    BASE = 4
    AMOUNT = 5
    CHANGE = 6
    ADJUSTED = 7
    ADOPTED = 8
    STATE = 9


DEFAULT_COLUMNS: tuple[LineColumn, ...] = (
    LineColumn.ACCOUNT,
    LineColumn.OBJECT,
    LineColumn.FUNDING,
    LineColumn.BASE,
    LineColumn.AMOUNT,
    LineColumn.CHANGE,
    LineColumn.ADJUSTED,
    LineColumn.ADOPTED,
    LineColumn.STATE,
)
MONEY_COLUMNS = frozenset(
    {LineColumn.BASE, LineColumn.AMOUNT, LineColumn.CHANGE, LineColumn.ADJUSTED, LineColumn.ADOPTED}
)
_SEARCHED = (LineColumn.PROGRAM, LineColumn.ACCOUNT, LineColumn.OBJECT, LineColumn.FUNDING)

# (header, spoken header, tooltip) per column; the 추경 and 세입 variants below.
_HEADERS: dict[LineColumn, tuple[str, str, str]] = {
    LineColumn.PROGRAM: (N_("세부사업"), N_("세부사업"), N_("세부사업 이름")),
    LineColumn.ACCOUNT: (N_("회계"), N_("회계"), N_("회계 코드와 이름")),
    LineColumn.OBJECT: (N_("통계목"), N_("통계목"), N_("통계목 코드와 이름")),
    LineColumn.FUNDING: (N_("재원"), N_("재원 구성"), N_("재원별 금액(천원)")),
    LineColumn.BASE: (N_("기정액"), N_("기정액, 천원"), N_("기정액 또는 전년도 예산액(천원)")),
    LineColumn.AMOUNT: (N_("요구액"), N_("요구액, 천원"), N_("부서가 요구한 금액(천원)")),
    LineColumn.CHANGE: (N_("증감"), N_("증감, 천원"), N_("기정액 대비 증감(천원)")),
    LineColumn.ADJUSTED: (N_("조정액"), N_("조정액, 천원"), N_("예산부서가 조정한 금액(천원)")),
    LineColumn.ADOPTED: (N_("의결액"), N_("의결액, 천원"), N_("의회가 의결한 금액(천원)")),
    LineColumn.STATE: (N_("상태"), N_("상태"), N_("작성중, 요구, 조정")),
}
_SUPPLEMENTARY_AMOUNT = (N_("경정액"), N_("경정액, 천원"), N_("추가경정 후 금액(천원)"))
_REVENUE_OBJECT = (N_("세입 목"), N_("세입 목"), N_("세입 목 코드와 이름"))


def state_text(state: str) -> str:
    """A request state (작성중/요구/조정, stored in Korean) in the installed language."""
    if state == "작성중":
        return tr("작성중", "request state")
    if state == "요구":
        return tr("요구", "request state")
    if state == "조정":
        return tr("조정", "request state")
    return state


def code_name(code: str, names: Mapping[str, str]) -> str:
    name = names.get(code)
    return f"{code} {name}" if name else code
