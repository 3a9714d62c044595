"""The 산출근거 tree the editor works on: plain Python nodes, evaluated exactly.

Amounts follow the server (``server/budget/basis.py``) so what the editor shows is what will be
stored: a leaf with a formula is ``ceil(value)`` 원 and ``ceil(value / 1000)`` 천원 (세입:
floor); a leaf without a formula is 0; a parent is the sum of its children (its own formula is
kept but not counted); the line amount is the sum of the top items in 천원. An imported item
whose formula could not be read keeps its flag and stated amount as long as its formula is the
one it was imported with.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from domain.contracts.budget import BasisItemIn, BasisItemOut
from domain.formula import FormulaError, evaluate

__all__ = ["BasisNode", "Path", "evaluate_node", "from_out", "to_in", "walk"]

Path = tuple[int, ...]


@dataclass(eq=False)
class BasisNode:
    label: str = ""
    formula: str | None = None
    id: uuid.UUID | None = None
    flag: str | None = None  # the import flag, valid while formula == flag_formula
    flag_formula: str | None = None
    stated_amount: int = 0  # 천원, as imported (used while flagged)
    stated_won: int | None = None
    children: list[BasisNode] = field(default_factory=list)
    parent: BasisNode | None = None
    key: int = 0  # the model's handle for QModelIndex.internalId()
    # computed
    won: int | None = 0
    thousand: int = 0
    error: FormulaError | None = None

    @property
    def flagged(self) -> bool:
        return self.flag is not None and self.formula == self.flag_formula

    @property
    def has_formula(self) -> bool:
        return self.formula is not None and bool(self.formula.strip())

    def row(self) -> int:
        return self.parent.children.index(self) if self.parent is not None else 0

    def path(self) -> Path:
        rows: list[int] = []
        node = self
        while node.parent is not None:
            rows.append(node.parent.children.index(node))
            node = node.parent
        return tuple(reversed(rows))

    def state(self) -> tuple[object, ...]:
        """Everything that defines the item and its subtree (for undo tests and dirty checks)."""
        return (
            self.id,
            self.label,
            self.formula,
            self.flag,
            self.flag_formula,
            self.stated_amount,
            tuple(child.state() for child in self.children),
        )


def evaluate_node(node: BasisNode, revenue: bool = False) -> None:
    """Compute ``won``/``thousand``/``error`` of one node from its formula or its children
    (whose own values must be current)."""
    node.error = None
    if node.children:
        wons = [child.won for child in node.children]
        node.won = None if None in wons else sum(w for w in wons if w is not None)
        node.thousand = sum(child.thousand for child in node.children)
    elif node.flagged:
        node.won, node.thousand = node.stated_won, node.stated_amount
    elif not node.has_formula or node.formula is None:
        node.won, node.thousand = 0, 0
    else:
        try:
            result = evaluate(node.formula)
        except FormulaError as exc:
            node.won, node.thousand, node.error = None, 0, exc
        else:
            node.won = result.won_ceil
            node.thousand = result.revenue_thousand if revenue else result.thousand


def walk(nodes: Sequence[BasisNode]) -> Iterator[BasisNode]:
    """Every node, parents before children."""
    stack = list(reversed(nodes))
    while stack:
        node = stack.pop()
        yield node
        stack.extend(reversed(node.children))


def evaluate_tree(nodes: Sequence[BasisNode], revenue: bool = False) -> None:
    for node in reversed(list(walk(nodes))):  # children first
        evaluate_node(node, revenue)


def from_out(item: BasisItemOut, parent: BasisNode | None = None) -> BasisNode:
    """A node (and its subtree) from the server's item; a flagged item keeps its amounts."""
    node = BasisNode(
        label=item.label,
        formula=item.formula,
        id=item.id,
        flag=item.flag,
        flag_formula=item.formula if item.flag else None,
        stated_amount=item.amount,
        stated_won=item.amount_won,
        parent=parent,
    )
    node.children = [from_out(child, node) for child in item.children]
    return node


def to_in(node: BasisNode) -> BasisItemIn:
    formula = node.formula if node.has_formula else None
    return BasisItemIn(
        id=node.id, label=node.label, formula=formula, children=[to_in(c) for c in node.children]
    )
