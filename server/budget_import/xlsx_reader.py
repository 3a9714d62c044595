"""Read e호조 합본예산서 (.xlsx) exports with openpyxl into book.py structures."""

from __future__ import annotations

import datetime as dt
import os
import re
import zipfile
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from typing import IO, Any
from xml.etree.ElementTree import ParseError

import openpyxl
from openpyxl.utils.exceptions import InvalidFileException

from server.budget_import.book import (
    BookFormatError,
    ExpenditureBook,
    ExpenditureRow,
    RevenueBook,
    RevenueRow,
)
from server.budget_import.headers import Layout, find_layout, kind_name

Source = str | os.PathLike[str] | IO[bytes]
_PREVIEW_ROWS = 11
_NEGATIVE_MARKS = ("△", "▲")
_STAT_ITEM = re.compile(r"^(\d{3})-?(\d{2})$")
_BUDGET_ITEM = re.compile(r"^\d{3}$")


def to_int(value: object, row: int, column: str) -> int:
    """An amount cell → int, exactly. Empty → 0; integral float → int; text via Decimal."""
    t = type(value)
    if t is int:
        return value  # type: ignore[return-value]
    if value is None:
        return 0
    if t is float:
        f: float = value  # type: ignore[assignment]
        if f.is_integer():
            return int(f)
        raise BookFormatError(
            f"{row}행 '{column}' 열: 정수가 아닙니다 ({f!r})", row=row, column=column
        )
    if t is str:
        text: str = value  # type: ignore[assignment]
        s = text.strip().replace(",", "")
        if not s:
            return 0
        sign = 1
        if s[0] in _NEGATIVE_MARKS:
            sign, s = -1, s[1:].strip()
        try:
            d = Decimal(s)
        except InvalidOperation:
            d = Decimal("NaN")
        if not d.is_finite():
            raise BookFormatError(
                f"{row}행 '{column}' 열: 숫자가 아닙니다 ({text!r})", row=row, column=column
            )
        if d != d.to_integral_value():
            raise BookFormatError(
                f"{row}행 '{column}' 열: 정수가 아닙니다 ({text!r})", row=row, column=column
            )
        return sign * int(d)
    raise BookFormatError(
        f"{row}행 '{column}' 열: 숫자가 아닙니다 ({value!r})", row=row, column=column
    )


def to_text(value: object) -> str:
    """A text cell → str as in the file ("" for empty; integral numbers without ".0")."""
    if type(value) is str:
        return value
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def to_code(value: object) -> str:
    return to_text(value).strip()


def _rows(source: Source) -> Iterator[tuple[Any, ...]]:
    """All rows of the first sheet that has a 세출/세입 header; BookFormatError if unreadable."""
    try:
        wb = openpyxl.load_workbook(source, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ParseError, ValueError) as e:
        raise BookFormatError(f"xlsx 파일로 읽을 수 없습니다: {e}") from e
    try:
        yield from _first_book_sheet(wb)
    except (zipfile.BadZipFile, KeyError, ParseError) as e:
        raise BookFormatError(f"xlsx 파일의 내용을 읽을 수 없습니다: {e}") from e
    finally:
        wb.close()


def _first_book_sheet(wb: Any) -> Iterator[tuple[Any, ...]]:
    first_error: BookFormatError | None = None
    for ws in wb.worksheets:
        ws.reset_dimensions()  # some writers store a wrong <dimension>; read every cell
        it = ws.iter_rows(values_only=True)
        preview = [row for _, row in zip(range(_PREVIEW_ROWS), it, strict=False)]
        try:
            find_layout(preview)
        except BookFormatError as e:
            first_error = first_error or e
            continue
        yield from preview
        yield from it
        return
    raise first_error or BookFormatError("시트가 없습니다")


def _read(source: Source) -> tuple[Layout, Iterator[tuple[Any, ...]]]:
    rows = _rows(source)
    preview: list[tuple[Any, ...]] = []
    for row in rows:
        preview.append(row)
        if len(preview) == _PREVIEW_ROWS:
            break
    layout = find_layout(preview)

    def data() -> Iterator[tuple[Any, ...]]:
        yield from preview[layout.data_start - 1 :]
        yield from rows

    return layout, data()


def read_book(source: Source) -> ExpenditureBook | RevenueBook:
    """Read a 세출 or 세입 합본예산서, whichever the file's header says it is."""
    layout, data = _read(source)
    if layout.kind == "expenditure":
        return _expenditure(layout, data)
    return _revenue(layout, data)


def read_expenditure_book(source: Source) -> ExpenditureBook:
    """Read a 세출 합본예산서; BookFormatError if the file is something else."""
    layout, data = _read(source)
    if layout.kind != "expenditure":
        raise BookFormatError(f"세출 예산서가 아니라 {kind_name(layout.kind)} 예산서입니다")
    return _expenditure(layout, data)


def read_revenue_book(source: Source) -> RevenueBook:
    """Read a 세입 합본예산서; BookFormatError if the file is something else."""
    layout, data = _read(source)
    if layout.kind != "revenue":
        raise BookFormatError(f"세입 예산서가 아니라 {kind_name(layout.kind)} 예산서입니다")
    return _revenue(layout, data)


class _Rows:
    """Shared per-row work: padding, blank-row skipping, year/kind consistency."""

    def __init__(self, layout: Layout, data: Iterator[tuple[Any, ...]]) -> None:
        self.layout = layout
        self.data = data
        self.width = 1 + max([*layout.columns.values(), *(f.index for f in layout.funds)])
        self.fiscal_year: int | None = None
        self.kind: str | None = None
        self.year_col = layout.columns["fiscal_year"]
        self.kind_col = layout.columns["kind"]
        self.label_col = layout.columns["label"]

    def __iter__(self) -> Iterator[tuple[int, tuple[Any, ...]]]:
        width = self.width
        for number, row in enumerate(self.data, start=self.layout.data_start):
            if len(row) < width:
                row = (*row, *(None,) * (width - len(row)))
            if row[self.label_col] in (None, "") and all(v is None or v == "" for v in row):
                continue
            self._same_book(number, row)
            yield number, row

    def _same_book(self, number: int, row: tuple[Any, ...]) -> None:
        year_v, kind_v = row[self.year_col], row[self.kind_col]
        if self.fiscal_year is None:
            self.fiscal_year = self._year(number, year_v)
            self.kind = to_text(kind_v).strip()
            if not self.kind:
                raise self._error(number, "kind", "예산구분이 비어 있습니다")
            self._first = (year_v, kind_v)
        elif (year_v, kind_v) != self._first:
            if self._year(number, year_v) != self.fiscal_year:
                raise self._error(number, "fiscal_year", f"회계연도가 다릅니다 ({year_v!r})")
            if to_text(kind_v).strip() != self.kind:
                raise self._error(number, "kind", f"예산구분이 다릅니다 ({kind_v!r})")

    def _year(self, number: int, value: object) -> int:
        name = self.layout.names["fiscal_year"]
        try:
            year = to_int(value, number, name)
        except BookFormatError:
            raise self._error(number, "fiscal_year", f"연도가 아닙니다 ({value!r})") from None
        if not 1900 <= year <= 2999:
            raise self._error(number, "fiscal_year", f"연도가 아닙니다 ({value!r})")
        return year

    def _error(self, number: int, fname: str, what: str) -> BookFormatError:
        name = self.layout.names.get(fname, fname)
        return BookFormatError(f"{number}행 '{name}' 열: {what}", row=number, column=name)

    def finish(self) -> tuple[int, str]:
        if self.fiscal_year is None or self.kind is None:
            raise BookFormatError(
                f"{kind_name(self.layout.kind)} 예산서에 데이터 행이 없습니다",
                row=self.layout.data_start,
            )
        return self.fiscal_year, self.kind


def _label(value: object) -> str:
    """산출근거명 exactly as in the file, leading spaces included."""
    return value if type(value) is str else to_text(value)


def _formula(value: object) -> str | None:
    if value is None:
        return None
    text = to_text(value)
    return text if text.strip() else None


def _stat_item(value: object, number: int, name: str) -> str:
    code = to_code(value)
    m = _STAT_ITEM.match(code)
    if m is None:
        raise BookFormatError(
            f"{number}행 '{name}' 열: 통계목 코드(예: 201-01)가 아닙니다 ({value!r})",
            row=number,
            column=name,
        )
    return f"{m.group(1)}-{m.group(2)}" if len(code) == 5 else code


def _expenditure(layout: Layout, data: Iterator[tuple[Any, ...]]) -> ExpenditureBook:
    rows = _Rows(layout, data)
    cols = layout.columns
    names = layout.names
    text_col = {
        f: cols.get(f)
        for f in (
            "field_name", "sector_name", "committee_name", "policy_project", "unit_project",
            "account_name", "detail_project", "self_or_subsidy", "department",
            "budget_item_name", "stat_item_name",
        )
    }  # fmt: skip
    c_account, c_stat = cols["account_code"], cols["stat_item"]
    c_item = cols.get("budget_item")
    c_label, c_formula = cols["label"], cols.get("formula")
    c_amount, c_base, c_change = cols["amount"], cols.get("base_amount"), cols.get("change")
    n_amount = names["amount"]
    n_base, n_change = names.get("base_amount", ""), names.get("change", "")
    n_stat, n_item = names["stat_item"], names.get("budget_item", "편성목")
    fund_cols = [
        (f.source, f.index, f"{f.source} {f.sub}") for f in layout.funds if f.sub == "경정"
    ]
    base_cols = [
        (f.source, f.index, f"{f.source} {f.sub}") for f in layout.funds if f.sub == "기정"
    ]
    other_cols = [(f.index, f"{f.source} {f.sub}") for f in layout.funds if f.sub == "증감"]
    out: list[ExpenditureRow] = []
    for n, r in rows:

        def tx(f: str, r: tuple[Any, ...] = r) -> str:
            c = text_col[f]
            return "" if c is None else to_text(r[c])

        stat = _stat_item(r[c_stat], n, n_stat)
        if c_item is None:
            item = stat[:3]
        else:
            item = to_code(r[c_item])
            if not _BUDGET_ITEM.match(item):
                raise BookFormatError(
                    f"{n}행 '{n_item}' 열: 편성목 코드(3자리)가 아닙니다 ({r[c_item]!r})",
                    row=n,
                    column=n_item,
                )
        for c, h in other_cols:
            to_int(r[c], n, h)
        out.append(
            ExpenditureRow(
                row_number=n,
                field_name=tx("field_name"),
                sector_name=tx("sector_name"),
                committee_name=tx("committee_name"),
                policy_project=tx("policy_project"),
                unit_project=tx("unit_project"),
                account_code=to_code(r[c_account]),
                account_name=tx("account_name"),
                detail_project=tx("detail_project"),
                self_or_subsidy=tx("self_or_subsidy"),
                department=tx("department"),
                budget_item=item,
                budget_item_name=tx("budget_item_name"),
                stat_item=stat,
                stat_item_name=tx("stat_item_name"),
                label=_label(r[c_label]),
                formula=None if c_formula is None else _formula(r[c_formula]),
                amount=to_int(r[c_amount], n, n_amount),
                base_amount=None if c_base is None else to_int(r[c_base], n, n_base),
                change=None if c_change is None else to_int(r[c_change], n, n_change),
                funds={s: to_int(r[c], n, h) for s, c, h in fund_cols},
                base_funds={s: to_int(r[c], n, h) for s, c, h in base_cols},
            )
        )
    year, kind = rows.finish()
    return ExpenditureBook(
        fiscal_year=year,
        kind=kind,
        funding_sources=list(layout.funding_sources),
        rows=out,
        warnings=list(layout.warnings),
    )


def _revenue(layout: Layout, data: Iterator[tuple[Any, ...]]) -> RevenueBook:
    rows = _Rows(layout, data)
    cols, names = layout.columns, layout.names

    def text(f: str, r: tuple[Any, ...]) -> str:
        c = cols.get(f)
        return "" if c is None else to_text(r[c])

    def code(f: str, r: tuple[Any, ...]) -> str:
        c = cols.get(f)
        return "" if c is None else to_code(r[c])

    def amount(f: str, n: int, r: tuple[Any, ...]) -> int | None:
        c = cols.get(f)
        return None if c is None else to_int(r[c], n, names[f])

    c_label, c_formula = cols["label"], cols.get("formula")
    c_level, c_amount = cols["level_amount"], cols["amount"]
    n_level, n_amount = names["level_amount"], names["amount"]
    confirmed: str | None = None
    out: list[RevenueRow] = []
    for n, r in rows:
        if confirmed is None:
            confirmed = code("confirmed_date", r) or None
        out.append(
            RevenueRow(
                row_number=n,
                department_code=code("department_code", r),
                department=text("department", r),
                account_code=code("account_code", r),
                account_name=text("account_name", r),
                chapter=code("chapter", r),
                chapter_name=text("chapter_name", r),
                section=code("section", r),
                section_name=text("section_name", r),
                subsection=code("subsection", r),
                subsection_name=text("subsection_name", r),
                item=code("item", r),
                item_name=text("item_name", r),
                label=_label(r[c_label]),
                formula=None if c_formula is None else _formula(r[c_formula]),
                level_amount=to_int(r[c_level], n, n_level),
                amount=to_int(r[c_amount], n, n_amount),
                base_amount=amount("base_amount", n, r),
                change=amount("change", n, r),
            )
        )
    year, kind = rows.finish()
    return RevenueBook(
        fiscal_year=year,
        kind=kind,
        confirmed_date=confirmed,
        rows=out,
        warnings=list(layout.warnings),
    )
