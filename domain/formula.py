"""The 산출근거 formula language, evaluated exactly with :class:`fractions.Fraction`.

A formula is written in 원, e.g. ``40,000원*19명*12월*80%`` or
``(86,666원×8명×12월) - 8,680,000원 = -360,000``. Grammar (whitespace allowed between tokens)::

    formula  := expr [ '=' stated ]
    expr     := term { ('+' | '-') term }
    term     := unary { ('*' | '×' | 'X' | 'x' | '/') unary }
    unary    := ('+' | '-') unary | postfix
    postfix  := primary { '%' | unit }
    primary  := [unit] ( number | '(' expr ')' )
    number   := digits with optional thousands separators ("40,000") and decimals ("3.55")
    stated   := ['+' | '-'] number [unit]        (a result written by the author, checked only)

A unit is a run of letters (Korean or Latin: 원 명 개월 BOX kg …) after an operand, or just before
a number (``월25통``, seen in a real book); it is ignored.
``X``/``x``/``×`` multiply only when they stand between operands, so the ``X`` of ``2BOX*12`` is
part of the unit while ``30,000 X 1회선`` and ``12개월X2`` multiply. Anything else — a word in
parentheses after a number (``1,500,000원(최대금액)``), a space inside a number (``9 680,000원``),
a dangling operator — is a :class:`FormulaError` naming the 0-based ``position`` in the text.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from fractions import Fraction

from domain.errors import DomainError
from domain.money import revenue_won_to_thousand, won_to_thousand

__all__ = ["FormulaError", "FormulaResult", "evaluate", "is_plain", "try_evaluate"]

_MAX_DEPTH = 100  # nesting of parentheses / unary signs; keeps recursion far from Python's limit

# Characters that look like ASCII operators/digits in Korean documents, mapped one-to-one so that
# positions in the normalised text are positions in the original text.
_NORMALISE = {
    0x2212: "-",  # MINUS SIGN
    0x2013: "-",  # EN DASH
    0x2217: "*",  # ASTERISK OPERATOR
    0x00F7: "/",  # DIVISION SIGN
    0x00A0: " ",  # NO-BREAK SPACE
    0x3000: " ",  # IDEOGRAPHIC SPACE
    **{code: chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)},  # full-width ASCII
}

_NUMBER_RE = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?|\.[0-9]+")
_DIGITS = frozenset("0123456789")
_NUMBER_CHARS = _DIGITS | {",", "."}
_MUL_SIGNS = frozenset("*×Xx")
_TIMES_LETTERS = frozenset("Xx")


def _particle(noun: str) -> str:
    """이/가 for a Korean noun (가 after a vowel, 이 after a final consonant)."""
    last = noun[-1]
    if "가" <= last <= "힣":
        return "이" if (ord(last) - ord("가")) % 28 else "가"
    return "이(가)"


class FormulaError(DomainError):
    """A 산출근거식 could not be read; ``position`` is the 0-based index in the original text."""

    code = "formula_invalid"

    def __init__(self, text: str, position: int, expected: str, message: str | None = None) -> None:
        self.text = text
        self.position = position
        self.expected = expected
        if message is not None:
            super().__init__(message, field="formula")
            return
        if position < len(text):
            where = f"{position + 1}번째 글자 '{text[position]}' 근처"
        else:
            where = f"끝({position + 1}번째 글자) 근처"
        super().__init__(
            f"산출근거식 {where}: {expected}{_particle(expected)} 와야 합니다", field="formula"
        )


@dataclass(frozen=True)
class FormulaResult:
    """Exact value of a formula in 원 and, when written after ``=``, the stated result."""

    value: Fraction
    stated: Fraction | None = None

    @property
    def won_ceil(self) -> int:
        """The value rounded up to whole 원."""
        return math.ceil(self.value)

    @property
    def thousand(self) -> int:
        """The budget amount in 천원: ceil(value / 1000)."""
        return won_to_thousand(self.value)

    @property
    def revenue_thousand(self) -> int:
        """The 세입 amount in 천원: floor(value / 1000) (revenue rounds down)."""
        return revenue_won_to_thousand(self.value)

    @property
    def stated_matches(self) -> bool | None:
        """None without a stated result; else whether it equals the value in 원 (exact or
        rounded up) or in 천원 (as old books write ``30,000 X 1회선 X 12월 = 360``)."""
        if self.stated is None:
            return None
        thousand = self.thousand
        return self.stated in (self.value, self.won_ceil, thousand, thousand * 1000)


def _is_unit_char(ch: str) -> bool:
    return ch.isalpha() or "\u3380" <= ch <= "\u33ff"


class _Parser:
    def __init__(self, original: str) -> None:
        self.original = original
        self.text = original.translate(_NORMALISE)
        self.pos = 0
        self.depth = 0

    # -- helpers -------------------------------------------------------------------------------
    def error(self, expected: str, position: int | None = None) -> FormulaError:
        return FormulaError(self.original, self.pos if position is None else position, expected)

    def skip_ws(self) -> None:
        while self.pos < len(self.text) and self.text[self.pos].isspace():
            self.pos += 1

    def peek(self) -> str:
        self.skip_ws()
        return self.text[self.pos] if self.pos < len(self.text) else ""

    def starts_operand(self, index: int) -> bool:
        while index < len(self.text) and self.text[index].isspace():
            index += 1
        return index < len(self.text) and (self.text[index] in _DIGITS or self.text[index] in ".(")

    def enter(self) -> None:
        self.depth += 1
        if self.depth > _MAX_DEPTH:
            raise FormulaError(
                self.original,
                self.pos,
                "더 얕은 괄호",
                f"산출근거식 {self.pos + 1}번째 글자 근처: 괄호나 부호가 {_MAX_DEPTH}겹을 넘습니다",
            )

    # -- grammar -------------------------------------------------------------------------------
    def expr(self) -> Fraction:
        value = self.term()
        while (op := self.peek()) in ("+", "-"):
            self.pos += 1
            right = self.term()
            value = value + right if op == "+" else value - right
        return value

    def term(self) -> Fraction:
        value = self.unary()
        while True:
            op = self.peek()
            if op == "/":
                self.pos += 1
                self.peek()
                divisor_pos = self.pos
                divisor = self.unary()
                if divisor == 0:
                    raise self.error("0이 아닌 수", divisor_pos)
                value /= divisor
            elif op and op in _MUL_SIGNS and (op not in _TIMES_LETTERS or self.lone_times()):
                self.pos += 1
                value *= self.unary()
            else:
                return value

    def lone_times(self) -> bool:
        """An X/x at ``pos`` that is a word of its own followed by an operand."""
        after = self.pos + 1
        if after < len(self.text) and _is_unit_char(self.text[after]):
            return False
        return self.starts_operand(after)

    def unary(self) -> Fraction:
        op = self.peek()
        if op in ("+", "-"):
            self.enter()
            self.pos += 1
            value = self.unary()
            self.depth -= 1
            return -value if op == "-" else value
        return self.postfix()

    def postfix(self) -> Fraction:
        value = self.primary()
        while True:
            ch = self.peek()
            if ch == "%":
                self.pos += 1
                value /= 100
            elif not (ch and _is_unit_char(ch) and self.unit()):
                return value

    def unit(self) -> str:
        """Consume a unit word, leaving a final X/x that multiplies the next operand."""
        start = self.pos
        end = start
        while end < len(self.text) and _is_unit_char(self.text[end]):
            end += 1
        if self.text[end - 1] in _TIMES_LETTERS and self.starts_operand(end):
            end -= 1
        self.pos = end
        return self.text[start:end]

    def primary(self) -> Fraction:
        ch = self.peek()
        if ch and _is_unit_char(ch):
            # A unit word written before its number, as in "1,630원*월25통*12월".
            start = self.pos
            self.unit()
            if not self.starts_operand(self.pos):
                raise self.error("숫자", start)
            ch = self.peek()
        if ch == "(":
            self.enter()
            self.pos += 1
            value = self.expr()
            if self.peek() != ")":
                raise self.error("닫는 괄호")
            self.pos += 1
            self.depth -= 1
            return value
        return self.number()

    def number(self) -> Fraction:
        self.skip_ws()
        start = self.pos
        end = start
        while end < len(self.text) and self.text[end] in _NUMBER_CHARS:
            end += 1
        literal = self.text[start:end]
        if not literal or literal[0] == ",":
            raise self.error("숫자")
        if not _NUMBER_RE.fullmatch(literal):
            raise self.error("올바른 숫자", start)
        self.pos = end
        return Fraction(literal.replace(",", ""))

    def stated(self) -> Fraction:
        sign = self.peek()
        if sign in ("+", "-"):
            self.pos += 1
        value = self.number()
        unit = self.unit() if self.peek() and _is_unit_char(self.peek()) else ""
        if self.peek():
            raise self.error("식의 끝")
        if unit == "천원":
            value *= 1000
        return -value if sign == "-" else value


def evaluate(text: str) -> FormulaResult:
    """Evaluate a 산출근거식 exactly; raises :class:`FormulaError` (also for a blank formula)."""
    parser = _Parser(text)
    if not parser.text.strip():
        raise FormulaError(text, 0, "산출근거식", "산출근거식이 비어 있습니다")
    equals = parser.text.find("=")
    end = len(parser.text) if equals < 0 else equals
    parser.text = parser.text[:end]
    value = parser.expr()
    if parser.peek():
        raise parser.error("연산자")
    if equals < 0:
        return FormulaResult(value)
    parser.text = text.translate(_NORMALISE)
    parser.pos = equals + 1
    return FormulaResult(value, parser.stated())


def try_evaluate(text: str) -> FormulaResult | None:
    """:func:`evaluate`, or None when the formula cannot be read."""
    try:
        return evaluate(text)
    except FormulaError:
        return None


def is_plain(text: str) -> bool:
    """True when the formula can be evaluated."""
    return try_evaluate(text) is not None
