"""Create or reuse the reference rows an imported book needs: 부서, 회계, 재원, 사업, local codes.

Every helper reads what exists first and bulk-inserts only the missing rows (Core inserts,
UUIDs generated here), so a second book of the same year reuses the first one's rows.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from domain.codes import CodeBook, normalise_name
from domain.contracts.imports import AddedLocalCode
from server.budget_import import ExpenditureRow
from server.models import Account, Department, FundingSource, LocalCode, Program

#: 재원 that come from 세입 장 500 보조금 (국고/균특/기금 = 관 510, 광역 = 관 520).
SUBSIDY_SOURCES = frozenset({"국고보조금", "균특보조금", "기금보조금", "광역보조금"})


def bulk(session: Session, model: Any, rows: list[dict[str, Any]]) -> None:
    """One bulk Core executemany (never ORM add_all: far faster for a 5,000-row book)."""
    if rows:
        session.execute(insert(model), rows)


def _now() -> datetime:
    return datetime.now(UTC)


def departments(
    session: Session, gov: str, wanted: Iterable[tuple[str, str | None]]
) -> dict[str, uuid.UUID]:
    """부서 by name → id; missing ones are created, a known 부서코드 fills an empty code."""
    existing = {
        d.name: (d.id, d.code)
        for d in session.execute(
            select(Department.id, Department.name, Department.code).where(
                Department.government_code == gov
            )
        )
    }
    codes: dict[str, str | None] = {}
    for name, code in wanted:
        if not codes.get(name):
            codes[name] = code or None
    new = [n for n in codes if n not in existing]
    rows = [
        {
            "government_code": gov,
            "id": uuid.uuid4(),
            "name": n,
            "code": codes[n],
            "version": 1,
            "updated_at": _now(),
        }
        for n in new
    ]
    if rows:
        session.execute(insert(Department), rows)
    for name, (dept_id, code) in existing.items():
        if code is None and codes.get(name):
            session.execute(
                update(Department)
                .where(Department.government_code == gov, Department.id == dept_id)
                .values(code=codes[name], version=Department.version + 1, updated_at=_now())
            )
    out = {name: ids[0] for name, ids in existing.items()}
    out.update({r["name"]: r["id"] for r in rows})
    return out


def accounts(
    session: Session, gov: str, year: int, wanted: Iterable[tuple[str, str]]
) -> dict[str, str]:
    """회계 code → name for the year; missing codes are created."""
    existing: dict[str, str] = {
        code: name
        for code, name in session.execute(
            select(Account.code, Account.name).where(
                Account.government_code == gov, Account.fiscal_year == year
            )
        )
    }
    new: dict[str, str] = {}
    for code, name in wanted:
        if code not in existing and code not in new:
            new[code] = name
    if new:
        session.execute(
            insert(Account),
            [
                {
                    "government_code": gov,
                    "fiscal_year": year,
                    "code": c,
                    "name": n,
                    "kind": _account_kind(c),
                }
                for c, n in new.items()
            ],
        )
    return {**existing, **new}


def _account_kind(code: str) -> str:
    return {"1": "일반회계", "2": "기타특별회계", "3": "공기업특별회계", "4": "기금"}.get(
        code[:1], ""
    )


def funding_sources(session: Session, gov: str, year: int, names: list[str]) -> dict[str, str]:
    """재원 name → local code ("01", "02" … in column order) for the year."""
    rows = session.execute(
        select(FundingSource.code, FundingSource.name, FundingSource.position).where(
            FundingSource.government_code == gov, FundingSource.fiscal_year == year
        )
    ).all()
    by_name = {r.name: r.code for r in rows}
    numbers = [int(r.code) for r in rows if r.code.isdigit()]
    next_no = max(numbers, default=0) + 1
    position = max((r.position for r in rows), default=-1) + 1
    new = []
    for name in names:
        if name in by_name:
            continue
        code = f"{next_no:02d}"
        next_no += 1
        by_name[name] = code
        new.append(
            {
                "government_code": gov,
                "fiscal_year": year,
                "code": code,
                "name": name,
                "position": position,
                "is_subsidy": name in SUBSIDY_SOURCES,
            }
        )
        position += 1
    if new:
        session.execute(insert(FundingSource), new)
    return by_name


ProgramKey = tuple[uuid.UUID, str, str]  # (부서 id, level, name)


def programs(
    session: Session,
    gov: str,
    year: int,
    rows: list[ExpenditureRow],
    dept_ids: dict[str, uuid.UUID],
) -> dict[ProgramKey, uuid.UUID]:
    """정책 → 단위 → 세부 scoped by 부서: the same name in two 부서 is two projects."""
    known: dict[ProgramKey, uuid.UUID] = {
        (r.department_id, r.level, r.name): r.id
        for r in session.execute(
            select(Program.id, Program.department_id, Program.level, Program.name).where(
                Program.government_code == gov, Program.fiscal_year == year
            )
        )
    }
    position = len(known)
    new: list[dict[str, Any]] = []

    def ensure(key: ProgramKey, parent: uuid.UUID | None, committee: str, kind: str) -> uuid.UUID:
        nonlocal position
        found = known.get(key)
        if found is not None:
            return found
        pid = uuid.uuid4()
        known[key] = pid
        new.append(
            {
                "government_code": gov,
                "id": pid,
                "fiscal_year": year,
                "level": key[1],
                "name": key[2],
                "code": None,
                "department_id": key[0],
                "parent_id": parent,
                "committee": committee,
                "funding_type": kind,
                "position": position,
                "version": 1,
                "updated_at": _now(),
            }
        )
        position += 1
        return pid

    for r in rows:
        dept = dept_ids[r.department]
        policy = ensure((dept, "정책", r.policy_project), None, r.committee_name, "")
        unit = ensure((dept, "단위", r.unit_project), policy, r.committee_name, "")
        ensure((dept, "세부", r.detail_project), unit, r.committee_name, r.self_or_subsidy)
    if new:
        bulk(session, Program, new)
    return known


@dataclass
class LocalCodes:
    """Codes missing from the shared list, collected while mapping, inserted at the end."""

    gov: str
    year: int
    existing: dict[tuple[str, str], str] = field(default_factory=dict)  # (kind, code) → name
    added: list[AddedLocalCode] = field(default_factory=list)

    @classmethod
    def load(cls, session: Session, gov: str, year: int) -> LocalCodes:
        found = {
            (r.kind, r.code): r.name
            for r in session.execute(
                select(LocalCode.kind, LocalCode.code, LocalCode.name).where(
                    LocalCode.government_code == gov, LocalCode.fiscal_year == year
                )
            )
        }
        return cls(gov, year, found)

    def add(self, kind: str, code: str, name: str) -> None:
        if (kind, code) not in self.existing:
            self.existing[(kind, code)] = name
            self.added.append(AddedLocalCode(kind=kind, code=code, name=name))

    def code_for_name(self, kind: str, name: str) -> str:
        """A local code for a name the shared list lacks (X01, X02 …), reused by name."""
        key = normalise_name(name)
        for (k, code), known in self.existing.items():
            if k == kind and normalise_name(known) == key:
                return code
        used = {c for k, c in self.existing if k == kind}
        n = 1
        while f"X{n:02d}" in used:
            n += 1
        self.add(kind, f"X{n:02d}", name)
        return f"X{n:02d}"

    def flush(self, session: Session) -> None:
        if self.added:
            session.execute(
                insert(LocalCode),
                [
                    {
                        "government_code": self.gov,
                        "fiscal_year": self.year,
                        "kind": a.kind,
                        "code": a.code,
                        "name": a.name,
                        "flagged": True,
                        "note": "가져온 예산서에 있으나 공통 코드 목록에 없는 코드",
                        "created_at": _now(),
                    }
                    for a in self.added
                ],
            )


def sector_codes(book: CodeBook, rows: list[ExpenditureRow], local: LocalCodes) -> dict[str, str]:
    """(분야명, 부문명) → 부문 code via normalised names, else a flagged local code."""
    functions = {normalise_name(c.name): c.code for c in book.functions()}
    sectors: dict[str, list[tuple[str | None, str]]] = {}
    for c in book.sectors():
        sectors.setdefault(normalise_name(c.name), []).append((c.parent, c.code))
    out: dict[str, str] = {}
    for r in rows:
        key = f"{r.field_name}\x00{r.sector_name}"
        if key in out:
            continue
        fn = functions.get(normalise_name(r.field_name))
        if fn is None and r.field_name.strip():
            local.code_for_name("function", r.field_name)
        if not r.sector_name.strip():
            out[key] = ""
            continue
        candidates = sectors.get(normalise_name(r.sector_name), [])
        same = [code for parent, code in candidates if parent == fn]
        if same or candidates:
            out[key] = (same or [candidates[0][1]])[0]
        else:
            out[key] = local.code_for_name("sector", r.sector_name)
    return out
