"""산출근거 trees on the server: amounts computed from formulas, stored flat in pre-order.

- A leaf with a formula: ``amount_won`` = the formula's value rounded up to 원 and ``amount``
  (천원) = ceil(value / 1000) for 세출, floor(value / 1000) for 세입 (domain.money).
- A leaf without a formula (a note line) is 0.
- A parent's amount is the sum of its children's amounts (천원); the line amount is the sum of
  the top items.
- An item imported with a ``flag`` (formula kept verbatim because it does not parse) keeps its
  stored amount and flag as long as the client sends it back with its ``id`` and the same
  formula; any other formula that does not parse is refused (422) naming the item and position.

``domain.basis`` reads trees from indented book rows; this module builds them from the API's
nested items, collecting every bad formula with its path for one 422 answer.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from domain.contracts.budget import BasisItemIn, BasisItemOut
from domain.formula import FormulaError, evaluate
from server.kit.errors import ProblemError
from server.models import BasisItem

Owner = Literal["expenditure", "revenue"]
MAX_DEPTH = 8
MAX_ITEMS = 2000


@dataclass
class _Node:
    row: dict[str, Any]
    children: list[_Node] = field(default_factory=list)


@dataclass
class BuiltTree:
    rows: list[dict[str, Any]]  # BasisItem column values, pre-order (parents first)
    total: int  # 천원


def _owner_col(owner: Owner) -> str:
    return "expenditure_line_id" if owner == "expenditure" else "revenue_line_id"


def _where(path: Sequence[int], labels: Sequence[str]) -> tuple[str, str]:
    field_path = "basis" + "".join(
        f"[{i}]" if n == 0 else f".children[{i}]" for n, i in enumerate(path)
    )
    names = " > ".join(
        f"{i + 1}번째 '{lab}'" if lab else f"{i + 1}번째"
        for i, lab in zip(path, labels, strict=True)
    )
    return field_path, names


def build_tree(
    items: Sequence[BasisItemIn],
    *,
    government_code: str,
    owner: Owner,
    owner_id: uuid.UUID,
    existing: dict[uuid.UUID, BasisItem],
) -> BuiltTree:
    """Compute every amount; raise one 422 listing every formula that does not parse."""
    errors: list[dict[str, Any]] = []
    rows: list[dict[str, Any]] = []
    used: set[uuid.UUID] = set()

    def visit(
        item: BasisItemIn, parent: uuid.UUID | None, path: list[int], labels: list[str]
    ) -> tuple[int, int | None]:
        if len(path) > MAX_DEPTH:
            raise ProblemError(
                422, "basis_too_deep", f"산출근거는 {MAX_DEPTH}단계까지 쓸 수 있습니다."
            )
        if len(rows) >= MAX_ITEMS:
            raise ProblemError(
                422, "basis_too_large", f"산출근거는 {MAX_ITEMS}줄까지 쓸 수 있습니다."
            )
        old = existing.get(item.id) if item.id is not None and item.id not in used else None
        item_id = old.id if old is not None else uuid.uuid4()
        used.add(item_id)
        formula = item.formula if item.formula is not None and item.formula.strip() else None
        row: dict[str, Any] = {
            "government_code": government_code,
            "id": item_id,
            "expenditure_line_id": owner_id if owner == "expenditure" else None,
            "revenue_line_id": owner_id if owner == "revenue" else None,
            "parent_id": parent,
            "position": len(rows),
            "label": item.label,
            "formula": formula,
            "amount": 0,
            "amount_won": None,
            "flag": None,
            "funds": old.funds if old is not None else None,
        }
        rows.append(row)
        if item.children:
            sums = [
                visit(child, item_id, [*path, i], [*labels, child.label.strip()])
                for i, child in enumerate(item.children)
            ]
            row["amount"] = sum(s[0] for s in sums)
            wons = [s[1] for s in sums]
            row["amount_won"] = None if None in wons else sum(w for w in wons if w is not None)
            if old is not None and old.flag and old.formula == formula:
                row["flag"] = old.flag
        elif formula is not None:
            try:
                result = evaluate(formula)
            except FormulaError as exc:
                if old is not None and old.flag and old.formula == formula:
                    row.update(amount=old.amount, amount_won=old.amount_won, flag=old.flag)
                else:
                    field_path, names = _where(path, labels)
                    errors.append(
                        {
                            "field": f"{field_path}.formula",
                            "code": exc.code,
                            "position": exc.position,
                            "message": f"산출근거 {names}: {exc.message}",
                        }
                    )
            else:
                # 세출 rounds up to 천원, 세입 rounds down (domain.money).
                row["amount"] = (
                    result.thousand if owner == "expenditure" else result.revenue_thousand
                )
                row["amount_won"] = result.won_ceil
        return int(row["amount"]), row["amount_won"]

    total = sum(visit(item, None, [i], [item.label.strip()])[0] for i, item in enumerate(items))
    if errors:
        detail = "산출근거식을 계산할 수 없습니다: " + "; ".join(e["message"] for e in errors[:5])
        raise ProblemError(422, "formula_invalid", detail, errors=errors)
    return BuiltTree(rows, total)


def load_existing(
    session: Session, government_code: str, owner: Owner, owner_id: uuid.UUID
) -> dict[uuid.UUID, BasisItem]:
    col = getattr(BasisItem, _owner_col(owner))
    stmt = select(BasisItem).where(BasisItem.government_code == government_code, col == owner_id)
    return {b.id: b for b in session.scalars(stmt)}


def replace_tree(
    session: Session, government_code: str, owner: Owner, owner_id: uuid.UUID, tree: BuiltTree
) -> None:
    col = getattr(BasisItem, _owner_col(owner))
    session.execute(
        delete(BasisItem).where(BasisItem.government_code == government_code, col == owner_id)
    )
    if tree.rows:
        session.execute(insert(BasisItem), tree.rows)


def trees_for(
    session: Session, government_code: str, owner: Owner, owner_ids: Iterable[uuid.UUID]
) -> dict[uuid.UUID, list[BasisItemOut]]:
    """The 산출근거 trees of many lines in one query."""
    ids = list(owner_ids)
    out: dict[uuid.UUID, list[BasisItemOut]] = {i: [] for i in ids}
    if not ids:
        return out
    col = getattr(BasisItem, _owner_col(owner))
    stmt = (
        select(BasisItem)
        .where(BasisItem.government_code == government_code, col.in_(ids))
        .order_by(col, BasisItem.position)
    )
    nodes: dict[uuid.UUID, BasisItemOut] = {}
    for b in session.scalars(stmt):
        node = BasisItemOut(
            id=b.id,
            label=b.label,
            formula=b.formula,
            amount=b.amount,
            amount_won=b.amount_won,
            flag=b.flag,
            children=[],
        )
        nodes[b.id] = node
        parent = nodes.get(b.parent_id) if b.parent_id is not None else None
        if parent is not None:
            parent.children.append(node)
        else:
            out[getattr(b, _owner_col(owner))].append(node)
    return out


def copy_trees(
    session: Session, government_code: str, owner: Owner, line_map: dict[uuid.UUID, uuid.UUID]
) -> None:
    """Copy the trees of the old lines onto the new ones (``line_map`` old id -> new id)."""
    if not line_map:
        return
    col_name = _owner_col(owner)
    col = getattr(BasisItem, col_name)
    old_ids = list(line_map)
    rows: list[dict[str, Any]] = []
    ids: dict[uuid.UUID, uuid.UUID] = {}
    for start in range(0, len(old_ids), 1000):
        chunk = old_ids[start : start + 1000]
        stmt = (
            select(BasisItem)
            .where(BasisItem.government_code == government_code, col.in_(chunk))
            .order_by(col, BasisItem.position)
        )
        for b in session.scalars(stmt):
            new_id = uuid.uuid4()
            ids[b.id] = new_id
            rows.append(
                {
                    "government_code": government_code,
                    "id": new_id,
                    "expenditure_line_id": None,
                    "revenue_line_id": None,
                    col_name: line_map[getattr(b, col_name)],
                    "parent_id": ids.get(b.parent_id) if b.parent_id is not None else None,
                    "position": b.position,
                    "label": b.label,
                    "formula": b.formula,
                    "amount": b.amount,
                    "amount_won": b.amount_won,
                    "flag": b.flag,
                    "funds": b.funds,
                }
            )
    for start in range(0, len(rows), 2000):
        session.execute(insert(BasisItem), rows[start : start + 2000])
