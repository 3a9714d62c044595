"""The stale-submit conflict, as pure logic: compare mine with theirs, apply per-line choices.

When a PUT of an edited line answers 412, the client has *mine* (the draft payload: the
``ExpenditureLineUpdate``/``RevenueLineUpdate`` shape) and *theirs* (the server's current
line, ``ExpenditureLineOut``/``RevenueLineOut`` or its JSON). :func:`compare` lists the rows a
side-by-side dialog shows:

- one row per 산출근거 item, matched by ``id`` (items the user added have no id yet, items
  only the server has are rows too), with label and formula of each side;
- one row per 재원 code of the split and one for ``sector_code`` (세출 only).

The user picks :data:`Choice.MINE` or :data:`Choice.THEIRS` for every row that differs
(:attr:`Comparison.needs_choice`); :func:`resolve` refuses to guess for a row left open —
never a silent overwrite — and builds the payload to PUT with the server's current version.

Tree rules: the result keeps the server's tree shape. "Mine" on an item both sides have takes
my label and formula; "mine" on an item only I have inserts it under its parent (matched by
id, else at the top level) at my position; "mine" on an item only the server has removes it
with its sub-items; "theirs" does the opposite. A removed parent takes its sub-items along.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from pydantic import BaseModel

JsonDict = dict[str, Any]


class Choice(StrEnum):
    MINE = "mine"
    THEIRS = "theirs"


class RowKind(StrEnum):
    BASIS = "basis"
    FUNDING = "funding"
    FIELD = "field"


@dataclass(frozen=True)
class Side:
    """One side of a row as the dialog shows it; None when that side has no such item."""

    label: str
    formula: str | None = None

    def text(self) -> str:
        return f"{self.label}: {self.formula}" if self.formula else self.label


@dataclass(frozen=True)
class ConflictRow:
    key: str  # stable: "basis:<id or path>", "funding:<code>", "field:sector_code"
    kind: RowKind
    title: str  # Korean, names the row for the screen reader ("산출근거 1.2", "재원 90")
    mine: Side | None
    theirs: Side | None
    depth: int = 0

    @property
    def differs(self) -> bool:
        return self.mine != self.theirs


@dataclass
class Comparison:
    mine: JsonDict
    theirs: JsonDict
    server_version: int
    rows: list[ConflictRow] = field(default_factory=list)

    @property
    def needs_choice(self) -> list[ConflictRow]:
        return [row for row in self.rows if row.differs]


class UnresolvedConflict(ValueError):
    def __init__(self, rows: list[ConflictRow]) -> None:
        names = ", ".join(row.title for row in rows[:5])
        super().__init__(f"다음 항목은 내 것과 서버 것 중 하나를 골라야 합니다: {names}")
        self.rows = rows


@dataclass(frozen=True)
class Resolution:
    payload: JsonDict  # the body to PUT
    if_match: int  # the server's current version


# --- flattening the trees --------------------------------------------------------------------
@dataclass
class _Item:
    key: str
    path: tuple[int, ...]
    parent_key: str | None
    node: JsonDict


def _as_dict(value: BaseModel | Mapping[str, Any]) -> JsonDict:
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    return copy.deepcopy(dict(value))


def _input_node(node: Mapping[str, Any]) -> JsonDict:
    """A 산출근거 item in the request shape (``BasisItemIn``): id, label, formula, children."""
    out: JsonDict = {"label": node.get("label", ""), "formula": node.get("formula")}
    if node.get("id"):
        out["id"] = str(node["id"])
    out["children"] = [_input_node(child) for child in node.get("children") or []]
    return out


def _walk(
    nodes: list[JsonDict], prefix: tuple[int, ...] = (), parent: str | None = None
) -> Iterator[_Item]:
    for index, node in enumerate(nodes):
        path = (*prefix, index + 1)
        key = f"basis:{node['id']}" if node.get("id") else "basis:new:" + ".".join(map(str, path))
        yield _Item(key, path, parent, node)
        yield from _walk(node.get("children") or [], path, key)


def _side(node: JsonDict | None) -> Side | None:
    if node is None:
        return None
    return Side(str(node.get("label", "")), node.get("formula"))


def compare(
    mine: BaseModel | Mapping[str, Any],
    theirs: BaseModel | Mapping[str, Any],
    server_version: int | None = None,
) -> Comparison:
    """Side-by-side rows of my draft payload and the server's current line."""
    my = _as_dict(mine)
    their = _as_dict(theirs)
    my["basis"] = [_input_node(n) for n in my.get("basis") or []]
    their_basis = [_input_node(n) for n in their.get("basis") or []]
    version = server_version if server_version is not None else int(their.get("version", 0))
    result = Comparison(my, {**their, "basis": their_basis}, version)

    mine_items = {item.key: item for item in _walk(my["basis"])}
    their_items = {item.key: item for item in _walk(their_basis)}
    order = list(their_items) + [k for k in mine_items if k not in their_items]
    for key in order:
        m, t = mine_items.get(key), their_items.get(key)
        path = (t or m).path  # type: ignore[union-attr]
        result.rows.append(
            ConflictRow(
                key,
                RowKind.BASIS,
                "산출근거 " + ".".join(map(str, path)),
                _side(m.node if m else None),
                _side(t.node if t else None),
                depth=len(path) - 1,
            )
        )
    if "funding" in my or "funding" in their:
        my_funding = my.get("funding") or {}
        their_funding = their.get("funding") or {}
        for code in sorted(set(my_funding) | set(their_funding)):
            a, b = my_funding.get(code), their_funding.get(code)
            result.rows.append(
                ConflictRow(
                    f"funding:{code}",
                    RowKind.FUNDING,
                    f"재원 {code}",
                    Side(f"{a:,}천원") if a is not None else None,
                    Side(f"{b:,}천원") if b is not None else None,
                )
            )
    if my.get("sector_code") is not None and "sector_code" in their:
        result.rows.append(
            ConflictRow(
                "field:sector_code",
                RowKind.FIELD,
                "부문 코드",
                Side(str(my["sector_code"])),
                Side(str(their.get("sector_code", ""))),
            )
        )
    return result


# --- applying the choices --------------------------------------------------------------------
def _strip(nodes: list[JsonDict], drop: set[str]) -> list[JsonDict]:
    kept = []
    for node in nodes:
        if node.get("id") and f"basis:{node['id']}" in drop:
            continue
        node["children"] = _strip(node.get("children") or [], drop)
        kept.append(node)
    return kept


def _find(nodes: list[JsonDict], key: str) -> JsonDict | None:
    for node in nodes:
        if node.get("id") and f"basis:{node['id']}" == key:
            return node
        found = _find(node.get("children") or [], key)
        if found is not None:
            return found
    return None


def resolve(comparison: Comparison, choices: Mapping[str, Choice]) -> Resolution:
    """The payload to PUT (with ``if_match`` = the server's version) after per-row choices."""
    open_rows = [row for row in comparison.needs_choice if row.key not in choices]
    if open_rows:
        raise UnresolvedConflict(open_rows)
    mine_items = {item.key: item for item in _walk(comparison.mine["basis"])}
    tree = copy.deepcopy(comparison.theirs["basis"])

    drop: set[str] = set()
    for row in comparison.needs_choice:
        if row.kind is not RowKind.BASIS:
            continue
        choice = choices[row.key]
        if row.mine is not None and row.theirs is not None and choice is Choice.MINE:
            node = _find(tree, row.key)
            assert node is not None
            node["label"], node["formula"] = row.mine.label, row.mine.formula
        elif row.mine is None and choice is Choice.MINE:
            drop.add(row.key)  # only the server has it; I removed it
    tree = _strip(tree, drop)

    inserted: dict[str, JsonDict] = {}
    for row in comparison.needs_choice:  # items only I have, chosen: insert at my position
        if row.kind is not RowKind.BASIS or row.theirs is not None:
            continue
        if choices[row.key] is not Choice.MINE:
            continue
        item = mine_items[row.key]
        siblings = tree
        if item.parent_key is not None:
            parent = inserted.get(item.parent_key) or _find(tree, item.parent_key)
            if parent is None:
                continue  # its parent was not kept: it goes with it
            siblings = parent.setdefault("children", [])
        node = {k: v for k, v in item.node.items() if k != "children"}
        node["children"] = []  # sub-items are rows of their own
        siblings.insert(min(item.path[-1] - 1, len(siblings)), node)
        inserted[row.key] = node

    payload: JsonDict = {"basis": tree}
    if "funding" in comparison.mine or "funding" in comparison.theirs:
        funding = dict(comparison.theirs.get("funding") or {})
        for row in comparison.needs_choice:
            if row.kind is RowKind.FUNDING and choices[row.key] is Choice.MINE:
                code = row.key.split(":", 1)[1]
                value = (comparison.mine.get("funding") or {}).get(code)
                if value is None:
                    funding.pop(code, None)
                else:
                    funding[code] = value
        payload["funding"] = funding
    if any(row.key == "field:sector_code" for row in comparison.rows):
        pick = choices.get("field:sector_code", Choice.THEIRS)
        source = comparison.mine if pick is Choice.MINE else comparison.theirs
        payload["sector_code"] = source.get("sector_code")
    return Resolution(payload, comparison.server_version)
