"""Operations of the reports page: make a report in the background (progress, cancel), and
the Excel round-trip — preview a 세출 or 세입 합본예산서 file against a version, then apply the
accepted changes (nothing is written before the user accepts): 세출 edits become drafts sent
from the 예산편성 page like any other edit; removals and 세입 changes go to the server's
작성중 version at once (``app.services.reports.xlsx_apply``)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from app.operations import Changes, OnError

if TYPE_CHECKING:
    from app.context import AppContext
    from app.services.reports.generate import ReportRequest, ReportResult
    from app.services.reports.xlsx_apply import Applied
    from app.services.reports.xlsx_import import ImportPreview
    from app.tasks import TaskState
    from domain.contracts.execution import DocumentOut

__all__ = ["accept_import", "load_resolutions", "make_report", "preview_import"]

Progress = Callable[[float, str], None]


def make_report(
    ctx: AppContext,
    request: ReportRequest,
    on_done: Callable[[ReportResult], None] | None = None,
    on_error: OnError | None = None,
    on_progress: Progress | None = None,
    on_cancelled: Callable[[], None] | None = None,
) -> TaskState:
    """Write the report; ``state.cancel()`` stops it and removes the partial file. The job ends
    in exactly one of ``on_done``, ``on_error`` or ``on_cancelled`` (when the worker has
    stopped after ``state.cancel()``; nothing else is heard from it after the cancel)."""
    from app.services.reports.generate import generate

    def work(state: TaskState) -> ReportResult:
        return generate(ctx.api, request, state)

    return ctx.ops.run_net(
        "보고서 만들기", work, Changes(), on_done, on_error,
        on_progress=on_progress, on_cancelled=on_cancelled,
    )  # fmt: skip


def load_resolutions(
    ctx: AppContext,
    on_done: Callable[[list[DocumentOut]], None] | None = None,
    on_error: OnError | None = None,
) -> TaskState:
    """The 지출결의 documents the user may read, newest first (for the 지출결의서)."""

    def work(_state: TaskState) -> list[DocumentOut]:
        return ctx.api.documents(kind="resolution")

    return ctx.ops.run_net("지출결의 목록 읽기", work, Changes(), on_done, on_error)


def preview_import(
    ctx: AppContext,
    version_id: uuid.UUID,
    path: Path,
    on_done: Callable[[ImportPreview], None] | None = None,
    on_error: OnError | None = None,
) -> TaskState:
    """Read the file and compare it with the version's 세출 or 세입 lines (by the file's
    header; reads only)."""

    def work(state: TaskState) -> ImportPreview:
        from app.services.reports.data import fetch
        from app.services.reports.xlsx_import import book_of, read_rows
        from app.services.reports.xlsx_import import preview_import as compare
        from app.services.reports.xlsx_import_revenue import preview_revenue

        rows = read_rows(path)
        state.raise_if_cancelled()
        if book_of(rows) == "세입":
            data = fetch(ctx.api, version_id, state, expenditure=False, revenue=True)
            return preview_revenue(rows, data)
        return compare(rows, fetch(ctx.api, version_id, state))

    return ctx.ops.run_net("엑셀 가져오기 미리 보기", work, Changes(), on_done, on_error)


def accept_import(
    ctx: AppContext,
    version_id: uuid.UUID,
    preview: ImportPreview,
    on_done: Callable[[Applied], None] | None = None,
    on_error: OnError | None = None,
) -> TaskState:
    """Apply an accepted preview in the version being written, to the lines the user may
    change (each other one listed with its reason): lines missing from the file are deleted
    on the server, 세입 changes are written there, and changed or added 세출 lines are kept as
    drafts (sent from the 예산편성 page like any other edit)."""
    from app.services.reports.xlsx_apply import apply_to_server

    def send(_state: TaskState) -> Applied:
        return apply_to_server(ctx.api, version_id, preview)

    def sent(applied: Applied) -> None:
        if preview.book == "세입":
            if on_done is not None:
                on_done(applied)
            return
        ctx.ops.run_db(
            "엑셀 가져오기 적용", lambda _s: _keep_drafts(ctx, version_id, preview, applied),
            Changes(drafts=True), on_done, on_error,
        )  # fmt: skip

    changes = Changes(lines=True, revenue=True, versions=True)
    return ctx.ops.run_net("엑셀 가져오기: 서버에 적용", send, changes, sent, on_error)


def _keep_drafts(
    ctx: AppContext, version_id: uuid.UUID, preview: ImportPreview, applied: Applied
) -> Applied:
    from app.operations.budget import line_draft
    from app.services.cache.records import Draft, DraftKind
    from app.services.reports.layout import LineKey
    from domain.contracts.budget import ExpenditureLineOut

    for line_id in applied.deleted_ids:  # an edit left for a deleted line has nothing to send
        ctx.drafts.discard(Draft.key_for(DraftKind.EXPENDITURE, line_id))
    for change in preview.changes:
        line, key = change.line, change.key
        if change.kind == "changed" and isinstance(line, ExpenditureLineOut):
            ctx.drafts.save(line_draft(line, change.basis, change.funding))
            applied.saved += 1
        elif change.kind == "added" and change.program_id is not None:
            assert isinstance(key, LineKey)
            payload = {
                "program_id": str(change.program_id),
                "account_code": key.account_code,
                "object_code": key.object_code,
                "sector_code": change.sector_code,
                "basis": change.basis,
                "funding": change.funding,
            }
            ctx.drafts.save(Draft.new_line(DraftKind.EXPENDITURE, version_id, payload))
            applied.saved += 1
        elif change.kind == "added":
            applied.skipped.append(change.text())
    return applied
