"""The budget book's hierarchy built from flat lines (pure Python).

세출: 회계 → 부서 → 정책사업 → 단위사업 → 세부사업 → 편성목 → 통계목 (one line), each node with
its totals (예산액, 기정액, 재원 split). 세입: 회계 → 장 → 관 → 항 → 목 → lines (per 부서).
Order follows the lines' positions (the order of the book they came from).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.services.reports.data import ReportData
    from domain.contracts.budget import ExpenditureLineOut, RevenueLineOut

__all__ = [
    "EXPENDITURE_LEVELS",
    "REVENUE_LEVELS",
    "Node",
    "by_function",
    "expenditure_tree",
    "revenue_tree",
    "won",
]

EXPENDITURE_LEVELS = ("회계", "부서", "정책", "단위", "세부", "편성목", "통계목")
REVENUE_LEVELS = ("회계", "장", "관", "항", "목", "부서")


def won(amount: int) -> str:
    """천원 amount as printed in the book: thousands separators, △ for negatives."""
    return f"△{-amount:,}" if amount < 0 else f"{amount:,}"


@dataclass
class Node:
    level: str
    code: str
    name: str
    amount: int = 0
    base: int = 0
    funding: dict[str, int] = field(default_factory=dict)
    children: list[Node] = field(default_factory=list)
    line: ExpenditureLineOut | RevenueLineOut | None = None
    program_id: uuid.UUID | None = None
    _index: dict[str, Node] = field(default_factory=dict, repr=False)

    @property
    def change(self) -> int:
        return self.amount - self.base

    @property
    def label(self) -> str:
        return f"{self.code} {self.name}".strip() if self.code else self.name

    def child(self, level: str, key: str, code: str, name: str) -> Node:
        found = self._index.get(key)
        if found is None:
            found = Node(level, code, name)
            self._index[key] = found
            self.children.append(found)
        return found

    def add(self, amount: int, base: int, funding: dict[str, int] | None = None) -> None:
        self.amount += amount
        self.base += base
        for code, value in (funding or {}).items():
            self.funding[code] = self.funding.get(code, 0) + value

    def walk(self) -> Iterator[Node]:
        yield self
        for c in self.children:
            yield from c.walk()


def _program_chain(data: ReportData, program_id: uuid.UUID) -> tuple[str, str, str]:
    """Names of (정책, 단위, 세부) above a 세부사업."""
    detail = data.programs.get(program_id)
    if detail is None:
        return "", "", str(program_id)
    unit = data.programs.get(detail.parent_id) if detail.parent_id else None
    policy = data.programs.get(unit.parent_id) if unit and unit.parent_id else None
    return (policy.name if policy else "", unit.name if unit else "", detail.name)


def expenditure_tree(data: ReportData) -> Node:
    """Root (level "총계") → 회계 → 부서 → 정책 → 단위 → 세부 → 편성목 → 통계목."""
    root = Node("총계", "", "총계")
    lines = sorted(data.lines, key=lambda x: (x.account_code, x.position))
    for line in lines:
        policy, unit, detail = _program_chain(data, line.program_id)
        pid = line.program_id
        prog = data.programs.get(pid)
        unit_id = prog.parent_id if prog else None
        unit_prog = data.programs.get(unit_id) if unit_id else None
        policy_id = unit_prog.parent_id if unit_prog else None
        group = line.object_code[:3]
        chain = [
            root.child(
                "회계", line.account_code, line.account_code,
                data.accounts.get(line.account_code, line.account_code),
            ),
        ]  # fmt: skip
        dept = data.department_name(line.department_id)
        chain.append(chain[-1].child("부서", str(line.department_id), "", dept))
        chain.append(chain[-1].child("정책", str(policy_id or policy), "", policy))
        chain.append(chain[-1].child("단위", str(unit_id or unit), "", unit))
        detail_node = chain[-1].child("세부", str(pid), "", detail)
        detail_node.program_id = pid
        chain.append(detail_node)
        chain.append(chain[-1].child("편성목", group, group, data.objects.get(group, "")))
        leaf = chain[-1].child(
            "통계목", str(line.id), line.object_code[4:] or line.object_code,
            data.objects.get(line.object_code, ""),
        )  # fmt: skip
        leaf.line = line
        chain.append(leaf)
        for node in (root, *chain):
            node.add(line.amount, line.base_amount, line.funding)
    return root


def by_function(data: ReportData) -> list[tuple[str, str, int, int]]:
    """(분야, 부문, 예산액, 기정액) in code order; a 분야 row (부문 "") carries its total."""
    sectors: dict[str, tuple[int, int]] = {}
    for line in data.lines:
        a, b = sectors.get(line.sector_code, (0, 0))
        sectors[line.sector_code] = (a + line.amount, b + line.base_amount)
    fields: dict[str, list[str]] = {}
    for code in sectors:
        found = data.functions.get(code)
        parent = found.parent if found and found.parent else (code[:2] + "0" if code else "")
        fields.setdefault(parent, []).append(code)
    rows: list[tuple[str, str, int, int]] = []
    for field_code in sorted(fields):
        f = data.functions.get(field_code)
        field_name = f"{field_code} {f.name}" if f else field_code or "(분야 없음)"
        codes = sorted(fields[field_code])
        rows.append(
            (
                field_name, "",
                sum(sectors[c][0] for c in codes), sum(sectors[c][1] for c in codes),
            )
        )  # fmt: skip
        for code in codes:
            s = data.functions.get(code)
            rows.append(("", f"{code} {s.name}" if s else code, *sectors[code]))
    return rows


def revenue_tree(data: ReportData) -> Node:
    """Root → 회계 → 장 → 관 → 항 → 목 → one node per line (named by its 부서)."""
    root = Node("총계", "", "총계")
    items = data.revenue_items

    def name(code: str) -> str:
        found = items.get(code)
        return found.name if found else ""

    def parent(code: str, fallback: str) -> str:
        found = items.get(code)
        return found.parent if found and found.parent else fallback

    for line in sorted(data.revenue, key=lambda x: (x.account_code, x.item_code, x.position)):
        item = line.item_code
        sub = parent(item, item[:3])
        sec = parent(sub, sub[:2] + "0")
        chap = parent(sec, sec[:1] + "00")
        node = root.child(
            "회계", line.account_code, line.account_code,
            data.accounts.get(line.account_code, line.account_code),
        )  # fmt: skip
        chain = [node]
        for level, code in (("장", chap), ("관", sec), ("항", sub), ("목", item)):
            chain.append(chain[-1].child(level, code, code, name(code)))
        leaf = chain[-1].child("부서", str(line.id), "", data.department_name(line.department_id))
        leaf.line = line
        chain.append(leaf)
        for n in (root, *chain):
            n.add(line.amount, line.base_amount)
    return root
