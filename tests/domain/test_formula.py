"""Tests for domain.formula: the 산출근거 formula language."""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from domain.errors import DomainError
from domain.formula import FormulaError, FormulaResult, evaluate, is_plain, try_evaluate

# -- examples -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "won", "thousand"),
    [
        ("44,400원*11개소*2BOX*12개월", 11_721_600, 11_722),
        ("30,000 X 1회선 X 12월", 360_000, 360),
        ("30,000 x 1회선 x 12월", 360_000, 360),
        ("(86,666원×8명×12월) - 8,680,000원", -360_064, -360),
        ("40,000원*19명*12월*80%", 7_296_000, 7_296),
        ("15,600원*20시간*12월*150%", 5_616_000, 5_616),
        ("24,704,040원*3.55%*8명", Fraction("7015947.36"), 7_016),
        ("14,692원*3명*8시간*1/3*365일", 42_900_640, 42_901),
        ("3,000,000원", 3_000_000, 3_000),
        ("1,630원*월25통*12월", 489_000, 489),
        ("(2,877,201*84%)*86%*(1/30)*(1/7)원*119시간*2명", Fraction(14722637517, 6250), 2_356),
        ("(1/7)*(1/30)*50시간원*210", 50, 1),
        ("9.9원*160,000건+26.4원*200,000건+99원*40,000건", 10_824_000, 10_824),
        ("(29,575,000원+3,000,000원*12개소+9,229,000원)*0.06", 4_488_240, 4_489),
        ("1,561,560원*84%*86%*(1/30)*(1/4.2)*3명*25시간", Fraction(3_357_354, 5), 672),
        ("600원 * 5,000권", 3_000_000, 3_000),
        (" 600,000원*7명 ", 4_200_000, 4_200),
        ("12개월X2", 24, 1),
        ("2BOXX3", 6, 1),
        ("3kg x 2", 6, 1),
        ("2X(3+1)", 8, 1),
        ("-5,000원", -5_000, -5),
        ("-(-3)", 3, 1),
        ("+3", 3, 1),
        ("2*-3", -6, 0),
        ("1-2-3", -4, 0),
        ("12/4/3", 1, 1),
        ("2+3*4", 14, 1),
        ("(2+3)*4", 20, 1),
        ("50%%", Fraction(1, 200), 1),
        (".5*4", 2, 1),
        ("１,０００원＊３", 3_000, 3),
        ("1,000원 − 300원", 700, 1),
    ],
)
def test_evaluate_examples(text: str, won: int | Fraction, thousand: int) -> None:
    result = evaluate(text)
    assert result.value == won
    assert isinstance(result.value, Fraction)
    assert result.thousand == thousand
    assert result.won_ceil == math.ceil(Fraction(won))
    assert result.stated is None
    assert result.stated_matches is None
    assert is_plain(text)
    assert try_evaluate(text) == result


@pytest.mark.parametrize(
    ("text", "won", "stated", "matches"),
    [
        # school 추경 example: exact value -360,064원, written as -360,000 (-360천원)
        ("(86,666원×8명×12월) - 8,680,000원 = -360,000", -360_064, -360_000, True),
        ("(86,666원×8명×12월) - 8,680,000원 = -360,064원", -360_064, -360_064, True),
        # old books write the result in 천원
        ("30,000 X 1회선 X 12월 = 360", 360_000, 360, True),
        ("30,000 X 1회선 X 12월 = 360천원", 360_000, 360_000, True),
        ("30,000 X 1회선 X 12월 = 360,000원", 360_000, 360_000, True),
        ("30,000 X 1회선 X 12월 = 361", 360_000, 361, False),
        ("10원/3 = 4", Fraction(10, 3), 4, True),
        ("10원/3=+4원", Fraction(10, 3), 4, True),
    ],
)
def test_stated_result(text: str, won: int | Fraction, stated: int, matches: bool) -> None:
    result = evaluate(text)
    assert result.value == won
    assert result.stated == stated
    assert result.stated_matches is matches


@pytest.mark.parametrize(
    ("text", "position", "expected"),
    [
        ("1,500,000원(최대금액)*30명*12월", 10, "연산자"),
        ("9 680,000원*3명", 2, "연산자"),
        ("", 0, "산출근거식"),
        ("   ", 0, "산출근거식"),
        ("3*", 2, "숫자"),
        ("3* ", 3, "숫자"),
        ("*3", 0, "숫자"),
        ("(1+2", 4, "닫는 괄호"),
        ("1+2)", 3, "연산자"),
        ("()", 1, "숫자"),
        ("1/0", 2, "0이 아닌 수"),
        ("1/ (2-2)", 3, "0이 아닌 수"),
        ("1,0000원", 0, "올바른 숫자"),
        ("1,23*2", 0, "올바른 숫자"),
        ("1.2.3", 0, "올바른 숫자"),
        ("1,000,*2", 0, "올바른 숫자"),
        ("3*원", 2, "숫자"),
        ("X3", 0, "숫자"),
        ("3=4=5", 3, "식의 끝"),
        ("3=", 2, "숫자"),
        ("=3", 0, "숫자"),
        ("3 = 4*2", 5, "식의 끝"),
        ("2명월3", 3, "연산자"),
        ("12 34", 3, "연산자"),
        ("3 % 4", 4, "연산자"),
        ("3,000원;", 6, "연산자"),
        ("(" * 150 + "1" + ")" * 150, 100, "더 얕은 괄호"),
    ],
)
def test_errors_name_position_and_expectation(text: str, position: int, expected: str) -> None:
    with pytest.raises(FormulaError) as info:
        evaluate(text)
    error = info.value
    assert isinstance(error, DomainError)
    assert error.position == position
    assert error.expected == expected
    assert error.code == "formula_invalid"
    assert error.field == "formula"
    assert "산출근거식" in error.message
    assert try_evaluate(text) is None
    assert not is_plain(text)


def test_error_message_is_korean_and_names_position() -> None:
    with pytest.raises(FormulaError) as info:
        evaluate("1,500,000원(최대금액)*30명*12월")
    assert info.value.message == "산출근거식 11번째 글자 '(' 근처: 연산자가 와야 합니다"
    with pytest.raises(FormulaError) as info:
        evaluate("3*")
    assert info.value.message == "산출근거식 끝(3번째 글자) 근처: 숫자가 와야 합니다"
    with pytest.raises(FormulaError) as info:
        evaluate(" ")
    assert info.value.message == "산출근거식이 비어 있습니다"


def test_result_properties() -> None:
    result = FormulaResult(Fraction(-1001, 2))
    assert result.won_ceil == -500
    assert result.thousand == 0
    assert FormulaResult(Fraction(1000001, 2)).thousand == 501


# -- property: products of integer terms with units and separators -----------------------------

UNITS = ["", "원", "명", "월", "개월", "시간", "일", "회", "부", "개소", "BOX", "세대", "kg", "X"]
TIMES = ["*", "×", " X ", " x ", "X", "x", " * "]


@st.composite
def products(draw: st.DrawFn) -> tuple[str, int]:
    count = draw(st.integers(min_value=1, max_value=6))
    text = ""
    product = 1
    for index in range(count):
        n = draw(st.integers(min_value=0, max_value=10**9))
        number = f"{n:,}" if draw(st.booleans()) else str(n)
        unit = draw(st.sampled_from(UNITS))
        if index:
            op = draw(st.sampled_from(TIMES))
            if op.strip() in "Xx" and unit == "X" and index == count - 1:
                unit = ""
            text += op
        if unit == "X" and index < count - 1:
            unit = "BOX"  # a bare trailing X before the next operand would be multiplication
        text += number + unit
        product *= n
    return text, product


@given(products())
def test_products_evaluate_exactly(case: tuple[str, int]) -> None:
    text, product = case
    result = evaluate(text)
    assert result.value == product
    assert result.thousand == -(-product // 1000)


# -- property: random expression trees, printed then evaluated --------------------------------


@dataclass(frozen=True)
class Num:
    value: Fraction
    text: str


@dataclass(frozen=True)
class Neg:
    operand: Node


@dataclass(frozen=True)
class Pct:
    operand: Node


@dataclass(frozen=True)
class Bin:
    op: str
    left: Node
    right: Node


Node = Num | Neg | Pct | Bin

PREC = {"+": 1, "-": 1, "*": 2, "/": 2}


def prec(node: Node) -> int:
    if isinstance(node, Bin):
        return PREC[node.op]
    if isinstance(node, Neg):
        return 3
    if isinstance(node, Pct):
        return 4
    return 5


def show(node: Node, space: str) -> str:
    def wrap(child: Node, needed: int) -> str:
        inner = show(child, space)
        return f"({inner})" if prec(child) < needed else inner

    if isinstance(node, Num):
        return node.text
    if isinstance(node, Neg):
        return "-" + wrap(node.operand, 3)
    if isinstance(node, Pct):
        return wrap(node.operand, 5) + "%"
    level = PREC[node.op]
    sign = {"*": "×"}.get(node.op, node.op) if space else node.op
    return f"{wrap(node.left, level)}{space}{sign}{space}{wrap(node.right, level + 1)}"


def compute(node: Node) -> Fraction:
    if isinstance(node, Num):
        return node.value
    if isinstance(node, Neg):
        return -compute(node.operand)
    if isinstance(node, Pct):
        return compute(node.operand) / 100
    left, right = compute(node.left), compute(node.right)
    if node.op == "+":
        return left + right
    if node.op == "-":
        return left - right
    if node.op == "*":
        return left * right
    return left / right  # may raise ZeroDivisionError


@st.composite
def numbers(draw: st.DrawFn) -> Node:
    whole = draw(st.integers(min_value=0, max_value=10**7))
    decimals = draw(st.sampled_from(["", "5", "25", "355", "08"]))
    text = f"{whole:,}" if draw(st.booleans()) else str(whole)
    value = Fraction(whole)
    if decimals:
        text += "." + decimals
        value += Fraction(int(decimals), 10 ** len(decimals))
    return Num(value, text + draw(st.sampled_from(["", "원", "명", "개월"])))


trees = st.recursive(
    numbers(),
    lambda children: st.one_of(
        st.builds(Neg, children),
        st.builds(Pct, children),
        st.builds(Bin, st.sampled_from(["+", "-", "*", "/"]), children, children),
    ),
    max_leaves=12,
)


@given(trees, st.sampled_from(["", " "]))
def test_printed_trees_evaluate_like_fractions(tree: Node, space: str) -> None:
    text = show(tree, space)
    try:
        expected = compute(tree)
    except ZeroDivisionError:
        with pytest.raises(FormulaError) as info:
            evaluate(text)
        assert info.value.expected == "0이 아닌 수"
        return
    assert evaluate(text).value == expected


@given(trees)
def test_stated_result_round_trip(tree: Node) -> None:
    try:
        value = compute(tree)
    except ZeroDivisionError:
        assume(False)
        raise
    stated = math.ceil(value)
    result = evaluate(f"{show(tree, '')} = {stated:,}원")
    assert result.stated == stated
    assert result.stated_matches is True
