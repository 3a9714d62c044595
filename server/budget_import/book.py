"""Parsed e호조 합본예산서 (세출/세입) as plain Python structures.

Pure Python: no openpyxl, no database. Amounts of the book are 천원 ints; formulas
(산출근거식) are kept as the text of the file (their values are in 원).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from domain.errors import DomainError


class BookFormatError(DomainError):
    """The file is not a 합본예산서 export this importer understands.

    ``row`` is the spreadsheet row (1-based) and ``column`` the header name, when known;
    ``message`` is Korean and already names them. A :class:`DomainError` (code
    ``book_format_invalid``, ``field`` = the column) so the REST layer can report it as is.
    """

    code = "book_format_invalid"

    def __init__(self, message: str, *, row: int | None = None, column: str | None = None):
        super().__init__(message, field=column)
        self.row = row
        self.column = column


@dataclass(slots=True)
class ExpenditureRow:
    """One 산출근거 line of a 세출 export (one spreadsheet row)."""

    row_number: int  # 스프레드시트 행 번호 (1부터)
    field_name: str  # 분야명
    sector_name: str  # 부문명
    committee_name: str  # 위원회명
    policy_project: str  # 정책사업명
    unit_project: str  # 단위사업명
    account_code: str  # 회계코드 (예: "100")
    account_name: str  # 회계명
    detail_project: str  # 세부사업명
    self_or_subsidy: str  # 자체보조구분명 (자체/보조)
    department: str  # 부서명
    budget_item: str  # 편성목 (3자리, 예: "201")
    budget_item_name: str  # 편성목명
    stat_item: str  # 통계목 (예: "201-01")
    stat_item_name: str  # 통계목명
    label: str  # 산출근거명: 파일 그대로 (앞 공백 포함)
    formula: str | None  # 산출근거식 (원 단위 식), 없으면 None
    amount: int  # 예산액 (천원)
    base_amount: int | None  # 기정액 (천원); 열이 없으면 None
    change: int | None  # 비교증감 (천원); 열이 없으면 None
    funds: dict[str, int]  # 재원명 → 경정 금액 (천원)
    base_funds: dict[str, int]  # 재원명 → 기정 금액 (천원)


@dataclass(slots=True)
class ExpenditureBook:
    """A 세출 합본예산서."""

    fiscal_year: int  # 회계연도
    kind: str  # 예산구분 as in the file (본예산, 본예산(안), 제1회추경 …)
    funding_sources: list[str]  # 재원명, 열 순서대로 (재원 열이 없으면 빈 목록)
    rows: list[ExpenditureRow]
    warnings: list[str] = field(default_factory=list)  # 이해하지 못한 열 등


@dataclass(slots=True)
class RevenueRow:
    """One 산출근거 line of a 세입 export.

    In 세입 the parent's subtotal is in ``level_amount`` (레벨금액) and its ``amount`` is 0.
    """

    row_number: int  # 스프레드시트 행 번호
    department_code: str  # 부서코드 (예: "1005010")
    department: str  # 부서명
    account_code: str  # 회계구분: 실제 파일에서는 회계 코드 (예: "100")
    account_name: str  # 회계명
    chapter: str  # 장 (3자리)
    chapter_name: str  # 장명
    section: str  # 관
    section_name: str  # 관명
    subsection: str  # 항
    subsection_name: str  # 항명
    item: str  # 목 (5자리)
    item_name: str  # 목명
    label: str  # 산출근거 (앞 공백 포함)
    formula: str | None  # 산출근거식
    level_amount: int  # 레벨금액 (천원): 상위 산출근거의 소계
    amount: int  # 예산액 (천원)
    base_amount: int | None  # 기정액; 열이 없으면 None
    change: int | None  # 증감액; 열이 없으면 None


@dataclass(slots=True)
class RevenueBook:
    """A 세입 합본예산서."""

    fiscal_year: int
    kind: str  # 예산구분명 as in the file
    confirmed_date: str | None  # 예산확정일자 as text (예: "20231219")
    rows: list[RevenueRow]
    warnings: list[str] = field(default_factory=list)


def indent_of(label: str) -> int:
    """Number of leading spaces of a 산출근거 label (0 = top-level line)."""
    return len(label) - len(label.lstrip(" "))


def _parents(labels: list[str]) -> list[int | None]:
    """For each label, the index of its parent: the nearest shallower label above it."""
    parents: list[int | None] = []
    stack: list[tuple[int, int]] = []  # (indent, index)
    for i, label in enumerate(labels):
        depth = indent_of(label)
        while stack and stack[-1][0] >= depth:
            stack.pop()
        parents.append(stack[-1][1] if stack else None)
        stack.append((depth, i))
    return parents


@dataclass(frozen=True, slots=True)
class ExpenditureLineKey:
    """A 세출 budget line: 회계, 부서, 정책/단위/세부사업, 통계목."""

    account_code: str
    department: str
    policy_project: str
    unit_project: str
    detail_project: str
    stat_item: str


@dataclass(slots=True)
class ExpenditureLineGroup:
    """A budget line and its 산출근거 rows in file order.

    ``parents[i]`` is the index in ``rows`` of the parent of ``rows[i]`` (None = top level).
    """

    key: ExpenditureLineKey
    rows: list[ExpenditureRow]
    parents: list[int | None]

    @property
    def amount(self) -> int:
        """예산액 of the line (천원): the sum of its top-level rows."""
        return sum(r.amount for r, p in zip(self.rows, self.parents, strict=True) if p is None)

    def children(self, index: int) -> list[int]:
        """Indexes of the direct children of ``rows[index]``."""
        return [i for i, p in enumerate(self.parents) if p == index]


@dataclass(frozen=True, slots=True)
class RevenueLineKey:
    """A 세입 budget line: 회계, 부서, 목."""

    account_code: str
    department_code: str
    department: str
    item: str


@dataclass(slots=True)
class RevenueLineGroup:
    key: RevenueLineKey
    rows: list[RevenueRow]
    parents: list[int | None]

    @property
    def amount(self) -> int:
        """예산액 of the line (천원): in 세입 the sum of 예산액 over all rows."""
        return sum(r.amount for r in self.rows)

    def children(self, index: int) -> list[int]:
        return [i for i, p in enumerate(self.parents) if p == index]


def group_expenditure_lines(book: ExpenditureBook) -> list[ExpenditureLineGroup]:
    """Group 세출 rows into budget lines, in order of first appearance."""
    by_key: dict[ExpenditureLineKey, list[ExpenditureRow]] = {}
    for r in book.rows:
        key = ExpenditureLineKey(
            r.account_code,
            r.department,
            r.policy_project,
            r.unit_project,
            r.detail_project,
            r.stat_item,
        )
        by_key.setdefault(key, []).append(r)
    return [
        ExpenditureLineGroup(k, rs, _parents([r.label for r in rs])) for k, rs in by_key.items()
    ]


def group_revenue_lines(book: RevenueBook) -> list[RevenueLineGroup]:
    """Group 세입 rows into budget lines (회계, 부서, 목), in order of first appearance."""
    by_key: dict[RevenueLineKey, list[RevenueRow]] = {}
    for r in book.rows:
        key = RevenueLineKey(r.account_code, r.department_code, r.department, r.item)
        by_key.setdefault(key, []).append(r)
    return [RevenueLineGroup(k, rs, _parents([r.label for r in rs])) for k, rs in by_key.items()]
