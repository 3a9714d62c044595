"""Shared code lists (분야/부문, 편성목/통계목, 세입 장/관/항/목), versioned by fiscal year.

The lists live in ``resources/codes/<year>/*.csv`` and ship as package data; they are read
through :func:`importlib.resources.files`. A year without its own folder uses the nearest
earlier year (see ``resources/codes/README.md``). Codes are always strings ("080", never 80).

회계 and 재원 are local to each government and are therefore not here.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable

from domain.errors import DomainError

__all__ = [
    "Code",
    "CodeBook",
    "CodeError",
    "available_years",
    "is_valid_government_code",
    "known_government",
    "load_codebook",
    "normalise_name",
    "validate_function_code",
    "validate_object_code",
    "validate_object_group_code",
    "validate_revenue_code",
]

_PACKAGE = "resources.codes"
_VERIFIED_TAGS = frozenset({"V", "D"})

FUNCTION_LEVELS = ("분야", "부문")
OBJECT_LEVELS = ("편성목", "통계목")
REVENUE_LEVELS = ("장", "관", "항", "목")


class CodeError(DomainError):
    """A code is malformed, unknown, or no code list exists for the year."""

    code = "invalid_code"


@dataclass(frozen=True)
class Code:
    """One entry of a shared code list; ``name`` is the original text (ㆍ/· kept)."""

    code: str
    name: str
    parent: str | None
    level: str
    verified: bool

    @property
    def label(self) -> str:
        """``"201-01 사무관리비"`` — code and name for display."""
        return f"{self.code} {self.name}"


# Middle dots seen in official names and their look-alikes, plus U+119E, which is what NFKC
# turns the Hangul compatibility letter ㆍ (U+318D) into.
_DOTS = "\u318d\u119e\u00b7\u30fb\uff65\u2027\u2219\u22c5\u2022"
_DOT_OR_SPACE = re.compile(f"[{_DOTS}\\s]+")


def normalise_name(s: str) -> str:
    """Key for matching names: NFKC, no spaces, no middle dots (ㆍ ·), lower-case.

    Only for comparison; always display and export the original name.
    """
    text = s
    for _ in range(4):  # NFKC, case folding and removals can each expose the others' work
        before = text
        text = unicodedata.normalize("NFKC", text.replace("\u318d", "")).casefold()
        text = _DOT_OR_SPACE.sub("", text)
        if text == before:
            break
    return text


class CodeBook:
    """The shared code lists for one fiscal year (read-only)."""

    normalise_name = staticmethod(normalise_name)

    def __init__(
        self,
        year: int,
        source_year: int,
        functions: list[Code],
        objects: list[Code],
        revenue: list[Code],
    ) -> None:
        self.year = year
        self.source_year = source_year
        self._functions = _index(functions, "기능별 분류")
        self._objects = _index(objects, "성질별 분류")
        self._revenue = _index(revenue, "세입 과목")
        self._object_names: dict[tuple[str, str], Code] = {}
        for entry in objects:
            self._object_names.setdefault((entry.level, normalise_name(entry.name)), entry)

    def __repr__(self) -> str:
        return f"CodeBook(year={self.year}, source_year={self.source_year})"

    # -- lookups: each returns None for an unknown code -----------------------------------
    def function(self, code: str) -> Code | None:
        """분야 (3 digits, e.g. "080")."""
        return _at_level(self._functions, code, "분야")

    def sector(self, code: str) -> Code | None:
        """부문 (3 digits, e.g. "081")."""
        return _at_level(self._functions, code, "부문")

    def object_group(self, code: str) -> Code | None:
        """편성목 (3 digits, e.g. "201")."""
        return _at_level(self._objects, code, "편성목")

    def object_code(self, code: str) -> Code | None:
        """통계목 ("201-01")."""
        return _at_level(self._objects, code, "통계목")

    def revenue_item(self, code: str) -> Code | None:
        """세입 목 (5 digits) or 장/관/항 (3 digits); ``level`` tells which."""
        return self._revenue.get(code)

    def find_object_by_name(self, name: str, level: str | None = None) -> Code | None:
        """통계목 (or, failing that, 편성목) whose name matches ignoring ㆍ/·/spaces.

        ``level`` restricts the search to "통계목" or "편성목". When two entries share a
        name (e.g. 편성목 "206 재료비" and 통계목 "206-01 재료비"), the 통계목 wins.
        """
        key = normalise_name(name)
        levels = OBJECT_LEVELS[::-1] if level is None else (level,)
        for lvl in levels:
            found = self._object_names.get((lvl, key))
            if found is not None:
                return found
        return None

    # -- lookups that must succeed: format check, then existence ---------------------------
    def require_object_code(self, code: str) -> Code:
        validate_object_code(code)
        return self._require(self.object_code(code), code, "통계목")

    def require_sector(self, code: str) -> Code:
        validate_function_code(code)
        return self._require(self.sector(code), code, "부문")

    def require_revenue_item(self, code: str) -> Code:
        validate_revenue_code(code)
        return self._require(self.revenue_item(code), code, "세입과목")

    def _require(self, found: Code | None, code: str, field: str) -> Code:
        if found is None:
            raise CodeError(
                f"{field} 코드 '{code}'가 {self.year}년 코드 목록에 없습니다", field=field
            )
        return found

    # -- listings (file order) --------------------------------------------------------------
    def functions(self) -> list[Code]:
        return [c for c in self._functions.values() if c.level == "분야"]

    def sectors(self, function: str | None = None) -> list[Code]:
        return _children(self._functions, "부문", function)

    def object_groups(self) -> list[Code]:
        return [c for c in self._objects.values() if c.level == "편성목"]

    def object_codes(self, group: str | None = None) -> list[Code]:
        return _children(self._objects, "통계목", group)

    def revenue_items(self, level: str = "목", parent: str | None = None) -> list[Code]:
        return _children(self._revenue, level, parent)


def _index(entries: list[Code], what: str) -> dict[str, Code]:
    out: dict[str, Code] = {}
    for entry in entries:
        if entry.code in out:
            raise CodeError(f"{what} 목록에 코드 '{entry.code}'가 두 번 있습니다")
        out[entry.code] = entry
    return out


def _at_level(index: dict[str, Code], code: str, level: str) -> Code | None:
    found = index.get(code)
    return found if found is not None and found.level == level else None


def _children(index: dict[str, Code], level: str, parent: str | None) -> list[Code]:
    return [
        c for c in index.values() if c.level == level and (parent is None or c.parent == parent)
    ]


# -- loading ---------------------------------------------------------------------------------
def _root() -> Traversable:
    return files(_PACKAGE)


def _read_rows(resource: Traversable) -> Iterator[dict[str, str]]:
    text = resource.read_text(encoding="utf-8-sig")
    yield from csv.DictReader(io.StringIO(text))


def _read_codes(folder: Traversable, filename: str, levels: tuple[str, ...]) -> list[Code]:
    out: list[Code] = []
    for row in _read_rows(folder / filename):
        level = row["level"]
        if level not in levels:
            raise CodeError(f"{filename}: 알 수 없는 수준 '{level}' (코드 {row['code']})")
        out.append(
            Code(
                code=row["code"],
                name=row["name"],
                parent=row["parent"] or None,
                level=level,
                verified=row["tag"] in _VERIFIED_TAGS,
            )
        )
    return out


def available_years() -> tuple[int, ...]:
    """Fiscal years that have their own folder of code lists, ascending."""
    years = [
        int(item.name)
        for item in _root().iterdir()
        if item.is_dir() and re.fullmatch(r"\d{4}", item.name)
    ]
    return tuple(sorted(years))


@cache
def load_codebook(year: int) -> CodeBook:
    """The code lists for ``year``: its own folder or the nearest earlier year (cached)."""
    earlier = [y for y in available_years() if y <= year]
    if not earlier:
        raise CodeError(
            f"{year}년에 쓸 수 있는 공통 코드 목록이 없습니다 "
            f"(가장 이른 목록: {min(available_years(), default='없음')}년)",
            field="회계연도",
        )
    source = max(earlier)
    folder = _root() / str(source)
    return CodeBook(
        year=year,
        source_year=source,
        functions=_read_codes(folder, "functions.csv", FUNCTION_LEVELS),
        objects=_read_codes(folder, "expenditure_objects.csv", OBJECT_LEVELS),
        revenue=_read_codes(folder, "revenue_items.csv", REVENUE_LEVELS),
    )


# -- governments -----------------------------------------------------------------------------
_GOV_CODE = re.compile(r"[0-9]{7}")


@cache
def _governments() -> dict[str, str]:
    return {row["code"]: row["name"] for row in _read_rows(_root() / "governments.csv")}


def is_valid_government_code(code: str) -> bool:
    """행정표준기관코드 format: exactly 7 ASCII digits (as a string)."""
    return isinstance(code, str) and _GOV_CODE.fullmatch(code) is not None


def known_government(code: str) -> str | None:
    """Name for a 행정표준기관코드 in our (partial) list, else ``None``."""
    return _governments().get(code) if is_valid_government_code(code) else None


# -- format validation -----------------------------------------------------------------------
_OBJECT_CODE = re.compile(r"[0-9]{3}-[0-9]{2}")
_THREE = re.compile(r"[0-9]{3}")
_REVENUE = re.compile(r"[0-9]{3}|[0-9]{5}")


def _check(value: object, pattern: re.Pattern[str], field: str, example: str) -> None:
    if not isinstance(value, str) or pattern.fullmatch(value) is None:
        raise CodeError(
            f"{field} 코드 '{value}' 형식이 올바르지 않습니다 (예: {example})", field=field
        )


def validate_object_code(code: str) -> None:
    """통계목 "NNN-NN"; raises :class:`CodeError` naming the field."""
    _check(code, _OBJECT_CODE, "통계목", "201-01")


def validate_object_group_code(code: str) -> None:
    """편성목 "NNN"."""
    _check(code, _THREE, "편성목", "201")


def validate_revenue_code(code: str) -> None:
    """세입 목 (5 digits) or 장/관/항 (3 digits)."""
    _check(code, _REVENUE, "세입과목", "11102")


def validate_function_code(code: str) -> None:
    """분야/부문 "NNN" with leading zeros ("080", never "80")."""
    _check(code, _THREE, "분야·부문", "080")
