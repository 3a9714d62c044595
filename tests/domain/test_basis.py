"""Tests for domain.basis: building and checking the 산출근거 tree."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.basis import (
    REASON_FORMULA,
    REASON_SUM,
    BasisNode,
    Problem,
    build_forest,
    check_forest,
    compute_amount,
    flatten_forest,
    indent_of,
    line_total,
    walk,
)
from domain.money import parse_amount_cell, won_to_thousand
from tests.conftest import real_data_file

Row = tuple[str, str | None, int]

# The 의회운영업무추진비 line of the real 동구 book, plus a second top line.
REAL_ROWS: list[Row] = [
    ("○의회운영업무추진비", None, 54400),
    ("  -의장", "22,800,000원*1명", 22800),
    ("  -부의장", "11,400,000원*1명", 11400),
    ("  -상임위원장", "6,733,333원*3명", 20200),
    ("○주요업무계획 책자 제작", "35,000원*200부", 7000),
]


def shape(nodes: list[BasisNode]) -> list[object]:
    return [(n.label, n.formula, n.amount, shape(n.children)) for n in nodes]


def test_indent_of() -> None:
    assert indent_of("○의정활동비") == 0
    assert indent_of("  -의장") == 2
    assert indent_of("    ·19호봉") == 4
    assert indent_of("      ※6급(20호봉)") == 6
    assert indent_of("") == 0
    assert indent_of("   ") == 3


def test_build_forest_real_example() -> None:
    forest = build_forest(REAL_ROWS)
    assert [n.name for n in forest] == ["○의회운영업무추진비", "○주요업무계획 책자 제작"]
    parent, single = forest
    assert [c.name for c in parent.children] == ["-의장", "-부의장", "-상임위원장"]
    assert all(c.indent == 2 and not c.children for c in parent.children)
    assert single.children == [] and single.formula == "35,000원*200부"
    assert compute_amount(parent) == 54400
    assert compute_amount(single) == 7000
    assert compute_amount(parent.children[2]) == 20200  # 20,199,999원 rounds up
    assert check_forest(forest) == []
    assert line_total(forest) == 61400
    assert flatten_forest(forest) == REAL_ROWS


def test_four_levels_and_notes() -> None:
    rows: list[Row] = [
        ("○인건비", None, 100),
        ("  -기본급", None, 100),
        ("    ·일반직", None, 100),
        ("      ※6급", "40,000원*1명", 40),
        ("      ※7급", "60,000원*1명", 60),
        ("  -수당", None, 0),
    ]
    forest = build_forest(rows)
    assert len(forest) == 1
    top = forest[0]
    assert [c.name for c in top.children] == ["-기본급", "-수당"]
    assert [c.name for c in top.children[0].children[0].children] == ["※6급", "※7급"]
    assert check_forest(forest) == []


def test_odd_indentation_attaches_to_nearest_shallower_line() -> None:
    rows: list[Row] = [
        ("  ○indented first", None, 3),
        ("      ※jumps two levels", "1,000원", 1),
        ("   -one more space", "2,000원", 2),
        ("○top", "1원", 1),
        (" -one space", "1원", 1),
    ]
    forest = build_forest(rows)
    assert [n.name for n in forest] == ["○indented first", "○top"]
    assert [c.name for c in forest[0].children] == ["※jumps two levels", "-one more space"]
    assert [c.name for c in forest[1].children] == ["-one space"]
    assert check_forest(forest) == []
    assert flatten_forest(forest) == rows


def test_blank_formula_is_none_and_not_plain_formula_is_flagged() -> None:
    rows: list[Row] = [
        ("○a", "  ", 5),
        ("○b", "1,500,000원(최대금액)*30명*12월", 540000),
        ("○c", "9 680,000원*3명", 29040),
    ]
    a, b, c = build_forest(rows)
    assert a.formula is None and a.flagged is None and not a.has_formula
    assert b.formula == rows[1][1] and c.formula == rows[2][1]  # kept verbatim
    assert b.flagged is not None and "11번째 글자 '('" in b.flagged
    assert c.flagged is not None and "3번째 글자 '6'" in c.flagged
    assert not b.is_plain
    assert compute_amount(b) == 540000  # stated amount is kept
    assert check_forest([a, b, c]) == []


def test_check_forest_reports_path_stated_computed_and_reason() -> None:
    rows: list[Row] = [
        ("○parent", None, 100),
        ("  -wrong formula", "10,000원*3명", 31),
        ("  -ok", "70,000원", 70),
        ("○bad sum", None, 9),
        ("  -x", "1,000원", 1),
    ]
    forest = build_forest(rows)
    assert check_forest(forest) == [
        Problem(("○parent",), 100, 101, REASON_SUM),
        Problem(("○parent", "-wrong formula"), 31, 30, REASON_FORMULA),
        Problem(("○bad sum",), 9, 1, REASON_SUM),
    ]
    assert compute_amount(forest[0]) == 100  # from formulas: 30 + 70
    assert line_total(forest) == 109


def test_deep_tree_does_not_hit_recursion_limit() -> None:
    depth = 3000
    rows: list[Row] = [(" " * i + "-", None, 1) for i in range(depth - 1)]
    rows.append((" " * (depth - 1) + "-", "1,000원", 1))
    forest = build_forest(rows)
    assert len(list(walk(forest))) == depth
    assert compute_amount(forest[0]) == 1
    assert check_forest(forest) == []
    assert flatten_forest(forest) == rows


# -- property: random trees ----------------------------------------------------------------------


@dataclass
class Spec:
    name: str
    formula: str | None
    leaf_amount: int
    children: list[Spec]

    def amount(self) -> int:
        if self.children:
            return sum(child.amount() for child in self.children)
        return self.leaf_amount


@st.composite
def leaves(draw: st.DrawFn) -> Spec:
    name = draw(st.sampled_from(["○", "-", "ο", "·", "※"])) + draw(
        st.text("가나다ab(1) ", max_size=6)
    )
    if draw(st.booleans()):
        price = draw(st.integers(min_value=0, max_value=10**8))
        count = draw(st.integers(min_value=0, max_value=500))
        return Spec(name, f"{price:,}원*{count}명", won_to_thousand(price * count), [])
    return Spec(name, None, draw(st.integers(min_value=-(10**6), max_value=10**9)), [])


specs = st.recursive(
    leaves(),
    lambda children: st.builds(
        lambda leaf, kids: Spec(leaf.name, None, 0, kids),
        leaves(),
        st.lists(children, min_size=1, max_size=4),
    ),
    max_leaves=25,
)


def flatten_spec(spec: Spec, indent: int, steps: list[int]) -> list[Row]:
    rows: list[Row] = [(" " * indent + spec.name, spec.formula, spec.amount())]
    step = steps[indent % len(steps)]
    for child in spec.children:
        rows += flatten_spec(child, indent + step, steps)
    return rows


def spec_shape(specs_: list[Spec], indent: int, steps: list[int]) -> list[object]:
    step = steps[indent % len(steps)]
    return [
        (" " * indent + s.name, s.formula, s.amount(), spec_shape(s.children, indent + step, steps))
        for s in specs_
    ]


def leaf_amounts(spec: Spec) -> list[int]:
    if not spec.children:
        return [spec.amount()]
    return [amount for child in spec.children for amount in leaf_amounts(child)]


@given(
    st.lists(specs, min_size=1, max_size=4),
    st.lists(st.integers(min_value=1, max_value=4), min_size=1, max_size=5),
)
def test_random_trees_round_trip_and_add_up(roots: list[Spec], steps: list[int]) -> None:
    rows = [row for spec in roots for row in flatten_spec(spec, 0, steps)]
    forest = build_forest(rows)
    assert shape(forest) == spec_shape(roots, 0, steps)
    assert flatten_forest(forest) == rows
    assert check_forest(forest) == []
    for node, spec in zip(forest, roots, strict=True):
        assert compute_amount(node) == sum(leaf_amounts(spec)) == spec.amount()
    assert line_total(forest) == sum(spec.amount() for spec in roots)


@given(st.lists(specs, min_size=1, max_size=3), st.data())
def test_a_changed_amount_is_reported(roots: list[Spec], data: st.DataObject) -> None:
    rows = [row for spec in roots for row in flatten_spec(spec, 0, [2])]
    index = data.draw(st.integers(min_value=0, max_value=len(rows) - 1))
    label, formula, amount = rows[index]
    forest_ok = build_forest(rows)
    rows[index] = (label, formula, amount + data.draw(st.sampled_from([-1, 1, 1000])))
    forest = build_forest(rows)
    problems = check_forest(forest)
    changed = list(walk(forest))[index]
    if changed.has_formula or changed.children or changed.indent > 0:
        assert problems, "a changed amount must be noticed by its formula, children or parent"
    else:
        assert problems == []  # a top line without formula or children is its own truth
        assert line_total(forest) != line_total(forest_ok)


# -- real data: every budget line of the 동구 2024 세출 book is a consistent tree ----------------


@pytest.mark.realdata
def test_real_book_trees_are_consistent() -> None:
    path = real_data_file("expenditure.xlsx")
    workbook = openpyxl.load_workbook(path, read_only=True)
    try:
        rows = workbook.worksheets[0].iter_rows(values_only=True)
        header = next(rows)
        next(rows)  # sub-labels of the 재원 columns
        key_cols = [
            header.index(k) for k in ("회계코드", "부서명", "세부사업명", "편성목", "통계목")
        ]
        label_col, formula_col, amount_col = (
            header.index(k) for k in ("산출근거명", "산출근거식", "예산액")
        )
        lines = 0
        parents = 0
        flagged: list[str] = []
        problems: list[Problem] = []
        for _, group in itertools.groupby(rows, key=lambda r: tuple(r[i] for i in key_cols)):
            forest = build_forest(
                [
                    (
                        str(r[label_col] or ""),
                        None if r[formula_col] is None else str(r[formula_col]),
                        parse_amount_cell(r[amount_col]),
                    )
                    for r in group
                ]
            )
            lines += 1
            problems += check_forest(forest)
            for node in walk(forest):
                parents += bool(node.children)
                if node.flagged is not None:
                    flagged.append(node.formula or "")
    finally:
        workbook.close()
    assert lines > 1000
    assert parents > 400
    assert problems == []
    assert flagged == ["1,500,000원(최대금액)*30명*12월", "9 680,000원*3명"]
