"""Operations of the reports page: make a report in the background (progress, cancel), and
the Excel round-trip — preview a 합본예산서 file against a version, then keep the accepted
changes as drafts (nothing is written before the user accepts; drafts are sent from the
예산편성 page like any other edit)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from app.operations import Changes, OnError

if TYPE_CHECKING:
    from app.context import AppContext
    from app.services.reports.generate import ReportRequest, ReportResult
    from app.services.reports.xlsx_import import ImportPreview
    from app.tasks import TaskState
    from domain.contracts.execution import DocumentOut

__all__ = ["ImportResult", "accept_import", "load_resolutions", "make_report", "preview_import"]

Progress = Callable[[float, str], None]


def make_report(
    ctx: AppContext,
    request: ReportRequest,
    on_done: Callable[[ReportResult], None] | None = None,
    on_error: OnError | None = None,
    on_progress: Progress | None = None,
) -> TaskState:
    """Write the report; ``state.cancel()`` stops it and removes the partial file."""
    from app.services.reports.generate import generate

    def work(state: TaskState) -> ReportResult:
        return generate(ctx.api, request, state)

    return ctx.ops.run_net(
        "보고서 만들기", work, Changes(), on_done, on_error, on_progress=on_progress
    )


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
    """Read the file and compare it with the version's 세출 lines (reads only)."""

    def work(state: TaskState) -> ImportPreview:
        from app.services.reports.data import fetch
        from app.services.reports.xlsx_import import preview_import as compare
        from app.services.reports.xlsx_import import read_rows

        rows = read_rows(path)
        state.raise_if_cancelled()
        return compare(rows, fetch(ctx.api, version_id, state))

    return ctx.ops.run_net("엑셀 가져오기 미리 보기", work, Changes(), on_done, on_error)


class ImportResult:
    def __init__(self, saved: int, skipped: list[str]) -> None:
        self.saved, self.skipped = saved, skipped


def accept_import(
    ctx: AppContext,
    version_id: uuid.UUID,
    preview: ImportPreview,
    on_done: Callable[[ImportResult], None] | None = None,
    on_error: OnError | None = None,
) -> TaskState:
    """Keep each changed or added line as a draft; removals are listed, not applied."""
    from app.operations.budget import line_draft
    from app.services.cache.records import Draft, DraftKind

    def work(_state: TaskState) -> ImportResult:
        saved, skipped = 0, []
        for change in preview.changes:
            if change.kind == "changed" and change.line is not None:
                ctx.drafts.save(line_draft(change.line, change.basis, change.funding))
                saved += 1
            elif change.kind == "added" and change.program_id is not None:
                payload = {
                    "program_id": str(change.program_id),
                    "account_code": change.key.account_code,
                    "object_code": change.key.object_code,
                    "sector_code": change.sector_code,
                    "basis": change.basis,
                    "funding": change.funding,
                }
                ctx.drafts.save(Draft.new_line(DraftKind.EXPENDITURE, version_id, payload))
                saved += 1
            else:
                skipped.append(change.text())
        return ImportResult(saved, skipped)

    return ctx.ops.run_db("엑셀 가져오기 적용", work, Changes(drafts=True), on_done, on_error)
