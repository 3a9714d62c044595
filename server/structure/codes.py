"""Shared code lists per year (read-only, from domain.codes) plus this government's additions."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from domain.codes import CodeBook, CodeError, load_codebook
from domain.contracts.structure import CodeOut
from server.kit.errors import ProblemError
from server.models import LocalCode

# list name in the URL -> (levels in the shared list, LocalCode kinds)
LISTS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "objects": (("편성목", "통계목"), ("object", "object_group")),
    "functions": (("분야", "부문"), ("function", "sector")),
    "revenue-items": (("장", "관", "항", "목"), ("revenue", "revenue_item")),
}


def codebook(year: int) -> CodeBook:
    try:
        return load_codebook(year)
    except CodeError as exc:
        raise ProblemError(404, "no_code_list", exc.message) from exc


def local_codes(session: Session, gov: str, year: int, kinds: tuple[str, ...]) -> list[LocalCode]:
    stmt = select(LocalCode).where(
        LocalCode.government_code == gov,
        LocalCode.fiscal_year == year,
        LocalCode.kind.in_(kinds),
    )
    return list(session.scalars(stmt.order_by(LocalCode.code)))


def list_codes(session: Session, gov: str, year: int, which: str) -> list[CodeOut]:
    levels, kinds = LISTS[which]
    book = codebook(year)
    shared = {
        "objects": lambda: [*book.object_groups(), *book.object_codes()],
        "functions": lambda: [*book.functions(), *book.sectors()],
        "revenue-items": lambda: [c for lv in levels for c in book.revenue_items(lv)],
    }[which]()
    out = [
        CodeOut(code=c.code, name=c.name, level=c.level, parent=c.parent, verified=c.verified)
        for c in shared
    ]
    known = {c.code for c in out}
    for lc in local_codes(session, gov, year, kinds):
        if lc.code in known:
            continue
        out.append(
            CodeOut(
                code=lc.code,
                name=lc.name,
                level=_local_level(lc.code, which),
                parent=None,
                verified=False,
                local=True,
                flagged=lc.flagged,
            )
        )
    out.sort(key=lambda c: c.code)
    return out


def _local_level(code: str, which: str) -> str:
    if which == "objects":
        return "통계목" if "-" in code else "편성목"
    if which == "revenue-items":
        return "목" if len(code) == 5 else "항"
    return "부문"


def has_local(session: Session, gov: str, year: int, kinds: tuple[str, ...], code: str) -> bool:
    stmt = select(LocalCode.code).where(
        LocalCode.government_code == gov,
        LocalCode.fiscal_year == year,
        LocalCode.kind.in_(kinds),
        LocalCode.code == code,
    )
    return session.scalar(stmt) is not None


def check_object_code(session: Session, gov: str, year: int, code: str) -> None:
    """통계목 must be in the year's shared list or this government's local additions."""
    if has_local(session, gov, year, LISTS["objects"][1], code):
        return
    try:
        codebook(year).require_object_code(code)
    except CodeError as exc:
        raise ProblemError(
            400,
            exc.code,
            exc.message,
            errors=[{"field": "object_code", "code": exc.code, "message": exc.message}],
        ) from exc


def check_revenue_item(session: Session, gov: str, year: int, code: str) -> None:
    """세입 목: 5 digits, in the shared list or this government's local additions."""
    if len(code) != 5 or not code.isdigit():
        msg = f"세입 목 코드 '{code}' 형식이 올바르지 않습니다 (5자리, 예: 22101)"
        raise ProblemError(
            400,
            "invalid_code",
            msg,
            errors=[{"field": "item_code", "code": "invalid_code", "message": msg}],
        )
    if has_local(session, gov, year, LISTS["revenue-items"][1], code):
        return
    try:
        codebook(year).require_revenue_item(code)
    except CodeError as exc:
        raise ProblemError(
            400,
            exc.code,
            exc.message,
            errors=[{"field": "item_code", "code": exc.code, "message": exc.message}],
        ) from exc
