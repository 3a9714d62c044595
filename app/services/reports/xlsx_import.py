"""Read a 합본예산서 (XLSX, or CSV with a one-row header) back and compare it with a version: a
preview of added / changed / removed lines, and the rows that could not be read (row number
and reason). 세출 here; 세입 (장/관/항/목 with 산출근거) in :mod:`xlsx_import_revenue`, picked
by the header (:func:`book_of`). Nothing is written here; ``xlsx_apply`` and
``app.operations.reports`` turn an accepted preview into drafts and server changes."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Protocol

from app.services.reports.layout import FUND_SUBLABELS, LineKey, line_key
from app.services.reports.tree import won

if TYPE_CHECKING:
    import uuid

    from app.services.reports.data import ReportData
    from domain.contracts.budget import BasisItemOut, ExpenditureLineOut, RevenueLineOut

__all__ = [
    "ImportPreview",
    "LineChange",
    "RowProblem",
    "book_of",
    "preview_import",
    "read_rows",
]

_STAT = re.compile(r"^(\d{3})-?(\d{2})$")
_ONE_CELL_FUND = re.compile(r"^(.+?)[_\-(]?(경정|기정|증감)\)?$")
_NEEDED = ("회계코드", "부서명", "세부사업명", "통계목", "산출근거명", "예산액")
ChangeKind = Literal["added", "changed", "removed"]
Book = Literal["세출", "세입"]


@dataclass(frozen=True)
class RowProblem:
    row: int
    reason: str


@dataclass
class _Item:
    label: str
    formula: str | None
    amount: int
    children: list[_Item] = field(default_factory=list)


class _Key(Protocol):
    @property
    def account_code(self) -> str: ...

    def text(self) -> str: ...


@dataclass
class LineChange:
    kind: ChangeKind
    key: _Key  # LineKey (세출) or RevenueKey (세입)
    line: ExpenditureLineOut | RevenueLineOut | None  # the version's line (None when added)
    basis: list[dict[str, Any]]  # BasisItemIn shape (what the draft will hold)
    funding: dict[str, int]
    before: int
    after: int
    program_id: uuid.UUID | None = None  # 세출: the 세부사업 of an added line
    sector_code: str = ""
    detail: str = ""
    book: Book = "세출"
    department_id: uuid.UUID | None = None  # 세입: the 부서 of an added line

    def text(self) -> str:
        what = {"added": "추가", "changed": "변경", "removed": "삭제"}[self.kind]
        return f"{what}: {self.key.text()} {won(self.before)} → {won(self.after)} {self.detail}"


@dataclass
class ImportPreview:
    changes: list[LineChange]
    problems: list[RowProblem]
    rows_read: int
    book: Book = "세출"

    def count(self, kind: ChangeKind) -> int:
        return sum(1 for c in self.changes if c.kind == kind)

    @property
    def is_noop(self) -> bool:
        return not self.changes and not self.problems


def read_rows(path: Path) -> list[Sequence[object]]:
    """All rows of the first sheet (XLSX) or of the CSV file."""
    if Path(path).suffix.lower() == ".csv":
        with Path(path).open(encoding="utf-8-sig", newline="") as f:
            return [tuple(r) for r in csv.reader(f)]
    from openpyxl import load_workbook

    wb = load_workbook(str(path), read_only=True, data_only=True)
    try:
        return [tuple(r) for r in wb.worksheets[0].iter_rows(values_only=True)]
    finally:
        wb.close()


def book_of(rows: Sequence[Sequence[object]]) -> Book:
    """세입 when a header row (of the first ten) names 목 and 산출근거 but no 세부사업명."""
    for row in rows[:10]:
        names = {_norm(v) for v in row}
        if "세부사업명" in names:
            return "세출"
        if "목" in names and "산출근거" in names:
            return "세입"
    return "세출"


def _norm(value: object) -> str:
    return "" if value is None else re.sub(r"\s+", "", str(value))


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _int(value: object) -> int:
    if value is None or value == "":
        return 0
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if not value.is_integer():
            raise ValueError(value)
        return int(value)
    text = str(value).strip().replace(",", "")
    sign = -1 if text[:1] in ("△", "▲", "-") else 1
    return sign * int(text.lstrip("△▲-") or "0")


def _header(rows: Sequence[Sequence[object]]) -> tuple[int, dict[str, int], dict[str, int]]:
    """(first data row index, column of each name, column of each 재원's 경정 amount)."""
    for i, row in enumerate(rows[:10]):
        names = [_norm(v) for v in row]
        if "세부사업명" not in names or "산출근거명" not in names:
            continue
        sub = [_norm(v) for v in rows[i + 1]] if i + 1 < len(rows) else []
        two_rows = any(s in FUND_SUBLABELS for s in sub)
        cols: dict[str, int] = {}
        funds: dict[str, int] = {}
        current = ""
        for c, name in enumerate(names):
            label = sub[c] if two_rows and c < len(sub) else ""
            if label in FUND_SUBLABELS:
                current = name or current
                if label == "경정" and current:
                    funds[current] = c
                continue
            m = _ONE_CELL_FUND.match(name)
            if m and name not in ("비교증감",):
                if m.group(2) == "경정":
                    funds[m.group(1)] = c
                continue
            if name:
                cols.setdefault(name, c)
        missing = [n for n in _NEEDED if n not in cols]
        if missing:
            raise ValueError(f"필수 열이 없습니다: {', '.join(missing)}")
        return i + (2 if two_rows else 1), cols, funds
    raise ValueError("세출 합본예산서의 머리글(세부사업명, 산출근거명 열)을 찾을 수 없습니다")


def _tree(rows: list[tuple[str, str | None, int]]) -> list[_Item]:
    root: list[_Item] = []
    stack: list[tuple[int, _Item]] = []
    for label, formula, amount in rows:
        depth = len(label) - len(label.lstrip(" "))
        item = _Item(label.lstrip(" "), formula, amount)
        while stack and stack[-1][0] >= depth:
            stack.pop()
        (stack[-1][1].children if stack else root).append(item)
        stack.append((depth, item))
    return root


def _same(mine: list[_Item], theirs: list[BasisItemOut]) -> bool:
    if len(mine) != len(theirs):
        return False
    return all(
        a.label == b.label and (a.formula or None) == (b.formula or None) and a.amount == b.amount
        and _same(a.children, b.children)
        for a, b in zip(mine, theirs, strict=True)
    )  # fmt: skip


def _recomputed(mine: list[_Item], theirs: Sequence[BasisItemOut], *, revenue: bool = False) -> int:
    """The total the server will compute: a leaf whose formula is not the server's item's gets
    its amount from the formula (천원, rounded up; 세입 rounded down; the file's amount when it
    cannot be read); a parent is the sum of its children. Updates ``mine`` in place."""
    from domain.formula import FormulaError, evaluate

    total = 0
    for i, item in enumerate(mine):
        old = theirs[i] if i < len(theirs) else None
        if item.children:
            item.amount = _recomputed(item.children, old.children if old else [], revenue=revenue)
        elif item.formula and (old is None or old.formula != item.formula):
            try:
                value = evaluate(item.formula)
                item.amount = value.revenue_thousand if revenue else value.thousand
            except FormulaError:
                pass
        total += item.amount
    return total


def _payload(mine: list[_Item], theirs: Sequence[BasisItemOut]) -> list[dict[str, Any]]:
    """BasisItemIn JSON; an item keeps the server id when label and formula match there."""
    out: list[dict[str, Any]] = []
    for i, item in enumerate(mine):
        old = theirs[i] if i < len(theirs) else None
        body: dict[str, Any] = {"label": item.label, "formula": item.formula}
        if old is not None and old.label == item.label and old.formula == item.formula:
            body["id"] = str(old.id)
        body["children"] = _payload(item.children, old.children if old else [])
        out.append(body)
    return out


def preview_import(rows: Sequence[Sequence[object]], data: ReportData) -> ImportPreview:
    """Compare the file's rows with the version in ``data`` (which must hold its lines with
    their 산출근거). Raises ValueError when the file has no 세출 header."""
    start, cols, fund_cols = _header(rows)
    code_of = {f.name: f.code for f in data.funding}
    problems: list[RowProblem] = []
    grouped: dict[LineKey, list[tuple[str, str | None, int]]] = {}
    funding: dict[LineKey, dict[str, int]] = {}
    sectors: dict[LineKey, str] = {}
    broken: set[LineKey] = set()
    unknown = [n for n in fund_cols if n not in code_of]
    for name in unknown:
        problems.append(RowProblem(start, f"재원 '{name}'이(가) 이 연도의 재원 목록에 없습니다"))
    read = 0
    for n, row in enumerate(rows[start:], start=start + 1):
        cells = list(row) + [None] * (max(cols.values()) + 1 - len(row))
        if all(v is None or v == "" for v in cells):
            continue
        read += 1

        def cell(name: str, cells: list[object] = cells) -> str:
            c = cols.get(name)
            return "" if c is None or c >= len(cells) else _text(cells[c])

        stat = cell("통계목").strip()
        m = _STAT.match(stat)
        key = LineKey(
            cell("회계코드").strip(), cell("부서명"), cell("정책사업명"), cell("단위사업명"),
            cell("세부사업명"), f"{m.group(1)}-{m.group(2)}" if m else stat,
        )  # fmt: skip
        if m is None:
            problems.append(RowProblem(n, f"통계목 코드(예: 201-01)가 아닙니다: '{stat}'"))
            broken.add(key)
            continue
        try:
            amount = _int(cells[cols["예산액"]])
            funds = {name: _int(cells[c]) for name, c in fund_cols.items() if c < len(cells)}
        except ValueError as error:
            problems.append(RowProblem(n, f"금액이 정수가 아닙니다: {error}"))
            broken.add(key)
            continue
        label = cell("산출근거명")
        raw_formula = cell("산출근거식")
        formula = raw_formula if raw_formula.strip() else None
        grouped.setdefault(key, []).append((label, formula, amount))
        sectors.setdefault(key, cell("부문명"))
        if not label.startswith(" "):
            total = funding.setdefault(key, {})
            for name, value in funds.items():
                if value and name in code_of:
                    total[code_of[name]] = total.get(code_of[name], 0) + value
    return ImportPreview(_diff(data, grouped, funding, sectors, broken, problems), problems, read)


def _diff(
    data: ReportData,
    grouped: dict[LineKey, list[tuple[str, str | None, int]]],
    funding: dict[LineKey, dict[str, int]],
    sectors: dict[LineKey, str],
    broken: set[LineKey],
    problems: list[RowProblem],
) -> list[LineChange]:
    current = {line_key(data, line): line for line in data.lines}
    changes: list[LineChange] = []
    for key, rows in grouped.items():
        if key in broken:
            continue
        has_basis = not (len(rows) == 1 and not rows[0][0].strip() and rows[0][1] is None)
        mine = _tree(rows) if has_basis else []
        after = sum(i.amount for i in mine) if has_basis else rows[0][2]
        money = funding.get(key, {})
        line = current.get(key)
        if line is None:
            changes.append(_added(data, key, mine, money, after, sectors.get(key, ""), problems))
            continue
        theirs = line.basis or []
        same_funding = money == {c: v for c, v in line.funding.items() if v}
        if _same(mine, theirs) and same_funding and after == line.amount:
            continue
        after = _recomputed(mine, theirs) if has_basis else after
        detail = "" if same_funding else "(재원 변경)"
        changes.append(
            LineChange(
                "changed", key, line, _payload(mine, theirs), money, line.amount, after,
                line.program_id, line.sector_code, detail,
            )
        )  # fmt: skip
    unsure = {_scope(k) for k in broken}  # an unreadable row may be any line of its 세부사업
    for key, line in current.items():
        if key not in grouped and key not in broken and _scope(key) not in unsure:
            changes.append(LineChange("removed", key, line, [], {}, line.amount, 0))
    return [c for c in changes if c is not None]


def _scope(key: LineKey) -> tuple[str, ...]:
    return (key.account_code, key.department, key.policy, key.unit, key.detail)


def _added(
    data: ReportData, key: LineKey, mine: list[_Item], money: dict[str, int], after: int,
    sector_name: str, problems: list[RowProblem],
) -> LineChange:  # fmt: skip
    program = _find_program(data, key)
    sector = next(
        (c.code for c in data.functions.values() if c.level == "부문" and c.name == sector_name),
        "",
    )
    detail = "" if program else "(세부사업이 없어 먼저 만들어야 합니다)"
    return LineChange(
        "added", key, None, _payload(mine, []), money, 0, after,
        program, sector, detail,
    )  # fmt: skip


def _find_program(data: ReportData, key: LineKey) -> uuid.UUID | None:
    from app.services.reports.layout import program_names

    for pid, program in data.programs.items():
        if program.level != "세부" or program.name != key.detail:
            continue
        if data.department_name(program.department_id) != key.department:
            continue
        policy, unit, _detail, _kind = program_names(data, pid)
        if (policy, unit) == (key.policy, key.unit):
            return pid
    return None


def problems_text(problems: Iterable[RowProblem]) -> list[str]:
    return [f"{p.row}행: {p.reason}" for p in problems]
