"""Operations of the 세입 page: read a version's 세입 lines with their 산출근거, save a line's
산출근거 (If-Match on the line; a stale save brings the server's line back as ``current``)."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from app.operations import Changes, OnError
from app.operations.cycle import Done, VersionData, read_version
from domain.contracts.budget import BasisItemIn, RevenueLineOut, RevenueLineUpdate

if TYPE_CHECKING:
    from app.context import AppContext
    from app.tasks import TaskState

__all__ = ["load_revenue", "save_basis"]


def load_revenue(
    ctx: AppContext, version_id: uuid.UUID, on_done: Done = None, on_error: OnError | None = None
) -> TaskState:
    """The version with its 세입 lines and their 산출근거 trees."""

    def work(_state: TaskState) -> VersionData:
        return read_version(ctx, version_id, basis=True)

    return ctx.ops.run_net("세입 예산 읽기", work, Changes(), on_done, on_error)


def save_basis(
    ctx: AppContext,
    line: RevenueLineOut,
    basis: list[BasisItemIn],
    on_done: Done = None,
    on_error: OnError | None = None,
    *,
    source: object = None,
) -> TaskState:
    """Replace a 세입 line's 산출근거; the amount follows from it (원 → 천원, rounded down)."""
    body = RevenueLineUpdate(basis=basis)

    def work(_state: TaskState) -> RevenueLineOut:
        saved = ctx.api.update_revenue_line(line.id, body, line.version)
        if saved.basis is not None:
            return saved
        # The answer left the tree out: read it back with its items' ids.
        for found in ctx.api.revenue_lines(saved.version_id, with_basis=True):
            if found.id == saved.id:
                return found
        return saved

    changes = Changes(revenue=True, versions=True)
    return ctx.ops.run_net("세입 산출근거 저장", work, changes, on_done, on_error, source=source)
