"""Read cache of server rows (versions, programs, lines) and the change-feed cursor, so the
client can show the budget offline. Bulk writes through Core ``executemany`` (ARCH §8)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Table, delete, select
from sqlalchemy.dialects.sqlite import insert

from app.services.cache.database import CacheDatabase
from app.services.cache.records import DraftKind
from app.services.cache.tables import cached_lines, cached_programs, cached_versions, sync_state
from domain.contracts.budget import ExpenditureLineOut, RevenueLineOut, VersionOut
from domain.contracts.structure import ProgramOut

CHANGE_CURSOR = "change_cursor"


class ReadCache:
    def __init__(self, db: CacheDatabase) -> None:
        self.db = db

    def _upsert(self, table: Table, rows: Sequence[dict[str, Any]]) -> None:
        if not rows:
            return
        statement = insert(table)
        statement = statement.on_conflict_do_update(
            index_elements=[table.c.id],
            set_={k: statement.excluded[k] for k in rows[0] if k != "id"},
        )
        with self.db.begin() as conn:
            conn.execute(statement, list(rows))

    # --- versions ------------------------------------------------------------------------------
    def put_versions(self, items: Sequence[VersionOut]) -> None:
        rows = [
            {
                "id": str(v.id),
                "fiscal_year": v.fiscal_year,
                "version": v.version,
                "payload": v.model_dump_json(),
            }
            for v in items
        ]
        self._upsert(cached_versions, rows)

    def versions(self, year: int | None = None) -> list[VersionOut]:
        query = select(cached_versions.c.payload).order_by(cached_versions.c.fiscal_year)
        if year is not None:
            query = query.where(cached_versions.c.fiscal_year == year)
        with self.db.begin() as conn:
            return [VersionOut.model_validate_json(p) for p in conn.scalars(query)]

    # --- programs ------------------------------------------------------------------------------
    def put_programs(self, items: Sequence[ProgramOut]) -> None:
        rows = [
            {
                "id": str(p.id),
                "fiscal_year": p.fiscal_year,
                "version": p.version,
                "payload": p.model_dump_json(),
            }
            for p in items
        ]
        self._upsert(cached_programs, rows)

    def programs(self, year: int) -> list[ProgramOut]:
        query = select(cached_programs.c.payload).where(cached_programs.c.fiscal_year == year)
        with self.db.begin() as conn:
            return [ProgramOut.model_validate_json(p) for p in conn.scalars(query)]

    # --- lines ---------------------------------------------------------------------------------
    def put_lines(self, items: Sequence[ExpenditureLineOut | RevenueLineOut]) -> None:
        rows = [
            {
                "id": str(line.id),
                "kind": (
                    DraftKind.EXPENDITURE
                    if isinstance(line, ExpenditureLineOut)
                    else DraftKind.REVENUE
                ).value,
                "budget_version_id": str(line.version_id),
                "program_id": (
                    str(line.program_id) if isinstance(line, ExpenditureLineOut) else None
                ),
                "version": line.version,
                "payload": line.model_dump_json(),
            }
            for line in items
        ]
        self._upsert(cached_lines, rows)

    def forget_lines(self, ids: Sequence[uuid.UUID]) -> None:
        with self.db.begin() as conn:
            conn.execute(delete(cached_lines).where(cached_lines.c.id.in_([str(i) for i in ids])))

    def expenditure_lines(self, version_id: uuid.UUID) -> list[ExpenditureLineOut]:
        return [
            ExpenditureLineOut.model_validate_json(p)
            for p in self._line_payloads(version_id, DraftKind.EXPENDITURE)
        ]

    def revenue_lines(self, version_id: uuid.UUID) -> list[RevenueLineOut]:
        return [
            RevenueLineOut.model_validate_json(p)
            for p in self._line_payloads(version_id, DraftKind.REVENUE)
        ]

    def _line_payloads(self, version_id: uuid.UUID, kind: DraftKind) -> list[str]:
        query = select(cached_lines.c.payload).where(
            cached_lines.c.budget_version_id == str(version_id),
            cached_lines.c.kind == kind.value,
        )
        with self.db.begin() as conn:
            return list(conn.scalars(query))

    # --- change-feed cursor --------------------------------------------------------------------
    def change_cursor(self) -> int:
        with self.db.begin() as conn:
            value = conn.scalar(
                select(sync_state.c.value).where(sync_state.c.name == CHANGE_CURSOR)
            )
        return int(value) if value is not None else 0

    def set_change_cursor(self, cursor: int) -> None:
        statement = insert(sync_state).values(name=CHANGE_CURSOR, value=str(cursor))
        statement = statement.on_conflict_do_update(
            index_elements=[sync_state.c.name], set_={"value": statement.excluded.value}
        )
        with self.db.begin() as conn:
            conn.execute(statement)
