"""The 산출근거 tree of a budget line.

A 세출 line's 산출근거 comes as rows ``(label, formula, amount in 천원)`` whose labels carry their
level as leading spaces: ``○`` at 0, ``-``/``ο`` at 2, ``·`` at 4, ``※`` notes at 6. A parent line
(usually without formula) carries the sum of its children; a line with a formula carries
ceil(formula in 원 / 1000). Formulas that cannot be evaluated are flagged and kept verbatim.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from domain.formula import FormulaError, evaluate
from domain.money import won_to_thousand

__all__ = [
    "BasisNode",
    "Problem",
    "build_forest",
    "check_forest",
    "compute_amount",
    "flatten_forest",
    "indent_of",
    "line_total",
    "walk",
]

REASON_SUM = "하위 항목 합계와 금액이 다릅니다"
REASON_FORMULA = "산출근거식 계산 결과와 금액이 다릅니다"


@dataclass
class BasisNode:
    """One 산출근거 line; ``amount`` is the stated amount in 천원, ``label`` is kept verbatim."""

    label: str
    formula: str | None
    amount: int
    children: list[BasisNode] = field(default_factory=list)
    flagged: str | None = None
    indent: int = 0

    @property
    def name(self) -> str:
        """The label without its indentation."""
        return self.label.strip()

    @property
    def has_formula(self) -> bool:
        return self.formula is not None and bool(self.formula.strip())

    @property
    def is_plain(self) -> bool:
        """Has a formula that evaluates."""
        return self.has_formula and self.flagged is None


@dataclass(frozen=True)
class Problem:
    """A line whose stated amount (천원) differs from what its formula or children give."""

    path: tuple[str, ...]
    stated: int
    computed: int
    reason: str


def indent_of(label: str) -> int:
    """Number of leading spaces of a label (its level in the tree)."""
    return len(label) - len(label.lstrip(" "))


def _flag_reason(formula: str | None) -> str | None:
    if formula is None or not formula.strip():
        return None
    try:
        evaluate(formula)
    except FormulaError as error:
        return f"계산할 수 없는 산출근거식: {error.message}"
    return None


def build_forest(rows: Sequence[tuple[str, str | None, int]]) -> list[BasisNode]:
    """Build the tree from ``(label, formula, amount 천원)`` rows in book order.

    A row indented more than the nearest open line becomes its child; a row indented as much as
    or less than it closes that line. An indent that jumps several levels still attaches to the
    nearest shallower open line, and a first row that is indented becomes a top-level line.
    """
    roots: list[BasisNode] = []
    open_nodes: list[BasisNode] = []
    for label, formula, amount in rows:
        text = formula if formula is not None and formula.strip() else None
        node = BasisNode(
            label=label,
            formula=text,
            amount=amount,
            flagged=_flag_reason(text),
            indent=indent_of(label),
        )
        while open_nodes and open_nodes[-1].indent >= node.indent:
            open_nodes.pop()
        (open_nodes[-1].children if open_nodes else roots).append(node)
        open_nodes.append(node)
    return roots


def compute_amount(node: BasisNode) -> int:
    """Amount in 천원 from the tree: a parent is the sum of its children's computed amounts, a
    line with a plain formula is ceil(formula / 1000); otherwise the stated amount."""
    computed: dict[int, int] = {}
    for current in reversed(list(walk([node]))):  # children before their parents
        if current.children:
            computed[id(current)] = sum(computed[id(child)] for child in current.children)
        elif current.is_plain and current.formula is not None:
            computed[id(current)] = won_to_thousand(evaluate(current.formula).value)
        else:
            computed[id(current)] = current.amount
    return computed[id(node)]


def check_forest(nodes: Sequence[BasisNode]) -> list[Problem]:
    """Every line whose stated amount disagrees with its own formula or with the sum of its
    children's stated amounts (so a wrong child is reported once, not again in its parents).
    Flagged lines (formula not evaluable) are not problems."""
    problems: list[Problem] = []
    for path, node in _walk_paths(nodes, ()):
        if node.is_plain and node.formula is not None:
            computed = won_to_thousand(evaluate(node.formula).value)
            if computed != node.amount:
                problems.append(Problem(path, node.amount, computed, REASON_FORMULA))
        if node.children:
            total = sum(child.amount for child in node.children)
            if total != node.amount:
                problems.append(Problem(path, node.amount, total, REASON_SUM))
    return problems


def line_total(nodes: Sequence[BasisNode]) -> int:
    """The budget line's amount in 천원: the sum of the top-level lines' stated amounts."""
    return sum(node.amount for node in nodes)


def walk(nodes: Sequence[BasisNode]) -> Iterator[BasisNode]:
    """All nodes, parents before children, in book order."""
    for _, node in _walk_paths(nodes, ()):
        yield node


def flatten_forest(nodes: Sequence[BasisNode]) -> list[tuple[str, str | None, int]]:
    """The rows :func:`build_forest` was built from (labels verbatim), in book order."""
    return [(node.label, node.formula, node.amount) for node in walk(nodes)]


def _walk_paths(
    nodes: Sequence[BasisNode], prefix: tuple[str, ...]
) -> Iterator[tuple[tuple[str, ...], BasisNode]]:
    # Iterative so that absurdly deep indentation cannot hit the recursion limit.
    stack: list[tuple[tuple[str, ...], BasisNode]] = [
        ((*prefix, node.name), node) for node in reversed(nodes)
    ]
    while stack:
        path, node = stack.pop()
        yield path, node
        stack.extend(((*path, child.name), child) for child in reversed(node.children))
