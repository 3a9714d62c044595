"""Header-name mapping for e호조 합본예산서 exports (read by name, never by position).

Pure Python: works on the first rows of a sheet given as tuples of cell values.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from server.budget_import.book import BookFormatError

BookKind = Literal["expenditure", "revenue"]

#: Field → accepted header names (normalised: no whitespace). The first is the canonical one.
COMMON_FIELDS: dict[str, tuple[str, ...]] = {
    "fiscal_year": ("회계연도", "예산연도", "연도"),
    "kind": ("예산구분", "예산구분명"),
}

EXPENDITURE_FIELDS: dict[str, tuple[str, ...]] = {
    **COMMON_FIELDS,
    "field_name": ("분야명", "분야"),
    "sector_name": ("부문명", "부문"),
    "committee_name": ("위원회명", "소관위원회명", "위원회"),
    "policy_project": ("정책사업명", "정책사업"),
    "unit_project": ("단위사업명", "단위사업"),
    "account_code": ("회계코드", "회계구분"),
    "account_name": ("회계명",),
    "detail_project": ("세부사업명", "세부사업"),
    "self_or_subsidy": ("자체보조구분명", "자체보조구분"),
    "department": ("부서명", "부서"),
    "budget_item": ("편성목", "편성목코드"),
    "budget_item_name": ("편성목명",),
    "stat_item": ("통계목", "통계목코드"),
    "stat_item_name": ("통계목명",),
    "label": ("산출근거명", "산출근거"),
    "formula": ("산출근거식",),
    "amount": ("예산액",),
    "base_amount": ("기정액",),
    "change": ("비교증감", "증감액"),
}

REVENUE_FIELDS: dict[str, tuple[str, ...]] = {
    **COMMON_FIELDS,
    "confirmed_date": ("예산확정일자", "확정일자"),
    "department_code": ("부서코드",),
    "department": ("부서명", "부서"),
    "account_code": ("회계구분", "회계코드"),
    "account_name": ("회계명",),
    "chapter": ("장", "장코드"),
    "chapter_name": ("장명",),
    "section": ("관", "관코드"),
    "section_name": ("관명",),
    "subsection": ("항", "항코드"),
    "subsection_name": ("항명",),
    "item": ("목", "목코드"),
    "item_name": ("목명",),
    "label": ("산출근거", "산출근거명"),
    "formula": ("산출근거식",),
    "level_amount": ("레벨금액",),
    "amount": ("예산액",),
    "base_amount": ("기정액",),
    "change": ("증감액", "비교증감"),
}

REQUIRED: dict[BookKind, tuple[str, ...]] = {
    "expenditure": (
        "fiscal_year",
        "kind",
        "policy_project",
        "unit_project",
        "account_code",
        "account_name",
        "detail_project",
        "department",
        "stat_item",
        "label",
        "amount",
    ),
    "revenue": (
        "fiscal_year",
        "kind",
        "department",
        "account_code",
        "account_name",
        "chapter",
        "section",
        "subsection",
        "item",
        "label",
        "level_amount",
        "amount",
    ),
}

#: Numeric fields (천원 ints); every other field is text.
AMOUNT_FIELDS = frozenset({"amount", "base_amount", "change", "level_amount"})

#: Sub-labels of a 재원 column group (row 2 of the two-row header).
FUND_SUBLABELS = ("경정", "기정", "증감")

#: 재원 names that may stand alone as a single column (then read as the 경정 amount).
KNOWN_FUNDING_SOURCES = frozenset(
    {
        "국고보조금",
        "균특보조금",
        "기금보조금",
        "특별교부세",
        "분권교부세",
        "지방소멸대응기금",
        "광역보조금",
        "특별조정교부금",
        "자체재원",
        "시책추진금",
        "지방채",
        "국비",
        "시도비",
        "시비",
        "도비",
        "구비",
        "군비",
        "시군구비",
    }
)

_EXPENDITURE_MARKERS = frozenset({"세부사업명", "세부사업", "통계목", "편성목", "정책사업명"})
_REVENUE_MARKERS = frozenset({"장", "장명", "목", "목명", "레벨금액"})
_FUND_IN_ONE_CELL = re.compile(r"^(.+?)[_\-(\[]?(경정|기정|증감)[)\]]?$")
_WHITESPACE = re.compile(r"\s+")
_HEADER_SCAN_ROWS = 10

_KIND_NAMES: dict[BookKind, str] = {"expenditure": "세출", "revenue": "세입"}


def kind_name(kind: BookKind) -> str:
    return _KIND_NAMES[kind]


def normalise(value: object) -> str:
    """Header text without any whitespace ("" for empty cells)."""
    if value is None:
        return ""
    return _WHITESPACE.sub("", str(value))


def column_letter(index: int) -> str:
    """0-based column index → spreadsheet letters (0 → "A")."""
    n = index + 1
    letters = ""
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


@dataclass(slots=True)
class FundColumn:
    source: str  # 재원명
    sub: str  # 경정 / 기정 / 증감
    index: int  # 0-based column


@dataclass(slots=True)
class Layout:
    """Where each field of a book is, as found from its header."""

    kind: BookKind
    header_row: int  # 1-based row of the (first) header row
    data_start: int  # 1-based row of the first data row
    columns: dict[str, int]  # field → 0-based column
    names: dict[str, str]  # field → header text as in the file (for messages)
    funds: list[FundColumn] = field(default_factory=list)
    funding_sources: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _detect_kind(cells: list[str]) -> BookKind | None:
    present = set(cells)
    exp = len(present & _EXPENDITURE_MARKERS)
    rev = len(present & _REVENUE_MARKERS)
    if exp == 0 and rev == 0:
        return None
    return "expenditure" if exp >= rev else "revenue"


def _alias_index(fields: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, int]]:
    """Header name → (field, rank of the alias)."""
    index: dict[str, tuple[str, int]] = {}
    for name, aliases in fields.items():
        for rank, alias in enumerate(aliases):
            index.setdefault(alias, (name, rank))
    return index


def find_layout(preview: Sequence[Sequence[object]]) -> Layout:
    """Find the header among the first rows of a sheet and map it to fields.

    Raises BookFormatError when no 세출/세입 header is found or a required column is missing.
    """
    header_at: int | None = None
    kind: BookKind | None = None
    for i, row in enumerate(preview[:_HEADER_SCAN_ROWS]):
        kind = _detect_kind([normalise(v) for v in row])
        if kind is not None:
            header_at = i
            break
    if header_at is None or kind is None:
        raise BookFormatError(
            "세출 또는 세입 합본예산서의 머리글(세부사업명, 통계목 또는 장·관·항·목 열)을 "
            f"처음 {_HEADER_SCAN_ROWS}행에서 찾을 수 없습니다"
        )
    header = [normalise(v) for v in preview[header_at]]
    raw = ["" if v is None else str(v).strip() for v in preview[header_at]]
    sub = [normalise(v) for v in preview[header_at + 1]] if header_at + 1 < len(preview) else []
    has_subheader = any(s in FUND_SUBLABELS for s in sub)
    if len(header) < len(sub):  # trailing merged/blank header cells are not stored
        raw += [""] * (len(sub) - len(header))
        header += [""] * (len(sub) - len(header))

    fields = EXPENDITURE_FIELDS if kind == "expenditure" else REVENUE_FIELDS
    aliases = _alias_index(fields)
    layout = Layout(
        kind=kind,
        header_row=header_at + 1,
        data_start=header_at + (3 if has_subheader else 2),
        columns={},
        names={},
    )
    ranks: dict[str, int] = {}
    current_source: str | None = None  # 재원 group that blank header cells continue
    for col, name in enumerate(header):
        sublabel = sub[col] if col < len(sub) else ""
        if name in aliases and not (has_subheader and sublabel in FUND_SUBLABELS):
            current_source = None
            fname, rank = aliases[name]
            if fname in ranks:
                if ranks[fname] <= rank:
                    layout.warnings.append(
                        f"'{raw[col]}' 열({column_letter(col)}열)은 '{layout.names[fname]}' 열과 "
                        "같은 항목이라 읽지 않았습니다"
                    )
                    continue
                layout.warnings.append(
                    f"'{layout.names[fname]}' 열은 '{raw[col]}' 열과 같은 항목이라 읽지 않았습니다"
                )
            ranks[fname] = rank
            layout.columns[fname] = col
            layout.names[fname] = raw[col]
            continue
        if kind == "expenditure" and has_subheader and sublabel in FUND_SUBLABELS:
            if name:
                current_source = raw[col]
            if current_source is None:
                raise BookFormatError(
                    f"{header_at + 2}행 {column_letter(col)}열: "
                    f"'{sublabel}' 위에 재원명이 없습니다",
                    row=header_at + 2,
                    column=sublabel,
                )
            layout.funds.append(FundColumn(current_source, sublabel, col))
            continue
        current_source = None
        if not name:
            continue
        match = _FUND_IN_ONE_CELL.match(name)
        if kind == "expenditure" and match and match.group(1) not in aliases:
            layout.funds.append(FundColumn(match.group(1), match.group(2), col))
            continue
        if kind == "expenditure" and name in KNOWN_FUNDING_SOURCES:
            layout.funds.append(FundColumn(raw[col], "경정", col))
            continue
        layout.warnings.append(
            f"알 수 없는 열 '{raw[col]}'({column_letter(col)}열)은 읽지 않았습니다"
        )

    missing = [f for f in REQUIRED[kind] if f not in layout.columns]
    if missing:
        first = fields[missing[0]][0]
        raise BookFormatError(
            f"{kind_name(kind)} 예산서에 필수 열 '{first}'이(가) 없습니다"
            + (
                f" (그 밖에 없는 필수 열: {', '.join(fields[f][0] for f in missing[1:])})"
                if len(missing) > 1
                else ""
            ),
            row=header_at + 1,
            column=first,
        )
    seen: set[tuple[str, str]] = set()
    for fc in layout.funds:
        if (fc.source, fc.sub) in seen:
            raise BookFormatError(
                f"재원 '{fc.source}'의 '{fc.sub}' 열이 두 번 있습니다",
                row=header_at + 1,
                column=fc.source,
            )
        seen.add((fc.source, fc.sub))
        if fc.source not in layout.funding_sources:
            layout.funding_sources.append(fc.source)
    optional_missing = [fields[f][0] for f in fields if f not in layout.columns]
    if optional_missing:
        layout.warnings.append(f"없는 선택 열(빈 값으로 둠): {', '.join(optional_missing)}")
    if kind == "expenditure" and not layout.funding_sources:
        layout.warnings.append("재원 열이 없습니다: 재원별 금액은 비어 있습니다")
    return layout
