"""Operations of the budget cycle after 요구: 조정, 반려, 확정, 의결, 성립, 추경, next year.

Views call these; each runs its network work through ``ctx.ops`` (off the GUI thread) and
publishes what changed. Refusals come back as the services' typed errors; the helpers
:func:`refusal_reasons` and :func:`field_messages` turn them into Korean text for the view.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from app.operations import Changes, OnCancelled, OnError
from app.services.api.errors import ApiError, ServiceError
from domain.codes import CodeBook, available_years, load_codebook
from domain.contracts.audit import HistoryEvent
from domain.contracts.budget import (
    AdjustRequest,
    AdoptLine,
    AdoptRequest,
    ExpenditureLineOut,
    RevenueLineOut,
    VersionDetail,
    VersionOut,
)

if TYPE_CHECKING:
    from app.context import AppContext
    from app.tasks import TaskState

__all__ = [
    "VersionData",
    "adjust",
    "adopt",
    "confirm",
    "create_next_year",
    "create_supplementary",
    "error_text",
    "establish",
    "field_messages",
    "line_history",
    "load_version",
    "load_versions",
    "refusal_reasons",
    "return_request",
]

Line = ExpenditureLineOut | RevenueLineOut
Done = Callable[[Any], None] | None
Progress = Callable[[float, str], None] | None


@dataclass(frozen=True)
class VersionData:
    """Everything the 조정 and 세입 pages show of one version, read in one background task."""

    detail: VersionDetail
    lines: list[ExpenditureLineOut]
    revenue: list[RevenueLineOut]
    account_names: dict[str, str] = field(default_factory=dict)
    object_names: dict[str, str] = field(default_factory=dict)
    revenue_names: dict[str, str] = field(default_factory=dict)
    funding_names: dict[str, str] = field(default_factory=dict)
    program_names: dict[uuid.UUID, str] = field(default_factory=dict)
    department_names: dict[uuid.UUID, str] = field(default_factory=dict)

    @property
    def states(self) -> dict[uuid.UUID, str]:
        """Request state per 세부사업 (what the lines table shows in 상태)."""
        return {r.program_id: r.state for r in self.detail.requests}

    @property
    def supplementary(self) -> bool:
        return "추경" in self.detail.kind


def error_text(error: BaseException) -> str:
    """The Korean message of a refusal or failure, for a label and an announcement."""
    if isinstance(error, ServiceError):
        return error.message
    return str(error) or type(error).__name__


def refusal_reasons(error: BaseException) -> list[str]:
    """The server's ``reasons[]`` (확정: which 회계 does not balance and by how much)."""
    if isinstance(error, ApiError):
        raw = error.body.get("reasons")
        if isinstance(raw, list):
            return [str(r) for r in raw]
    return []


def field_messages(error: BaseException) -> dict[str, str]:
    """Per-field messages (``lines[0].amount`` → "… 의결액 … 늘릴 수 없습니다")."""
    return error.field_messages() if isinstance(error, ApiError) else {}


# -- reading ---------------------------------------------------------------------------------
def load_versions(
    ctx: AppContext, on_done: Done = None, on_error: OnError | None = None
) -> TaskState:
    def work(_state: TaskState) -> list[VersionOut]:
        return ctx.api.versions()

    return ctx.ops.run_net("예산 버전 목록 읽기", work, Changes(), on_done, on_error)


def _codebook(year: int) -> CodeBook | None:
    years = available_years()
    if not years:
        return None
    usable = [y for y in years if y <= year] or list(years)
    try:
        return load_codebook(max(usable))
    except Exception:  # noqa: BLE001 (names are a nicety; codes still show)
        return None


def read_version(ctx: AppContext, version_id: uuid.UUID, *, basis: bool = False) -> VersionData:
    """Blocking read of a version with its lines and the names of their codes."""
    detail = ctx.api.version(version_id)
    year = detail.fiscal_year
    lines = ctx.api.expenditure_lines(version_id)
    revenue = ctx.api.revenue_lines(version_id, with_basis=basis)
    accounts = ctx.api.accounts(year)
    sources = ctx.api.funding_sources(year)
    book = _codebook(year)
    object_names: dict[str, str] = {}
    revenue_names: dict[str, str] = {}
    if book is not None:
        for line in lines:
            found = book.object_code(line.object_code)
            if found is not None:
                object_names[line.object_code] = found.name
        for rev in revenue:
            item = book.revenue_item(rev.item_code)
            if item is not None:
                revenue_names[rev.item_code] = item.name
    programs = {p.id: p.name for p in ctx.api.programs(year, level="세부")}
    departments = {d.id: d.name for d in ctx.api.departments()}
    return VersionData(
        detail=detail,
        lines=lines,
        revenue=revenue,
        account_names={a.code: a.name for a in accounts},
        object_names=object_names,
        revenue_names=revenue_names,
        funding_names={s.code: s.name for s in sorted(sources, key=lambda s: s.position)},
        program_names=programs,
        department_names=departments,
    )


def load_version(
    ctx: AppContext,
    version_id: uuid.UUID,
    on_done: Done = None,
    on_error: OnError | None = None,
    *,
    basis: bool = False,
) -> TaskState:
    def work(_state: TaskState) -> VersionData:
        return read_version(ctx, version_id, basis=basis)

    return ctx.ops.run_net("예산 버전 읽기", work, Changes(), on_done, on_error)


def line_history(
    ctx: AppContext, line: Line, on_done: Done = None, on_error: OnError | None = None
) -> TaskState:
    """Who changed the line and when (newest first), from the server's audit log."""
    entity = "revenue_line" if isinstance(line, RevenueLineOut) else "expenditure_line"

    def work(_state: TaskState) -> list[HistoryEvent]:
        return ctx.api.history(entity, line.id)

    return ctx.ops.run_net("예산 항목 이력 읽기", work, Changes(), on_done, on_error)


# -- 조정 and 반려 -------------------------------------------------------------------------------
def adjust(
    ctx: AppContext,
    line: Line,
    amount: int,
    reason: str,
    on_done: Done = None,
    on_error: OnError | None = None,
    *,
    source: object = None,
) -> TaskState:
    """조정 of one 세출 or 세입 line (천원) with the reason the budget office gives."""
    body = AdjustRequest(amount=amount, reason=reason)

    def work(_state: TaskState) -> Line:
        if isinstance(line, RevenueLineOut):
            return ctx.api.adjust_revenue_line(line.id, body, line.version)
        return ctx.api.adjust_expenditure_line(line.id, body, line.version)

    changes = Changes(lines=True, revenue=True, requests=True, versions=True)
    return ctx.ops.run_net("예산 조정", work, changes, on_done, on_error, source=source)


def return_request(
    ctx: AppContext,
    version_id: uuid.UUID,
    program_id: uuid.UUID,
    on_done: Done = None,
    on_error: OnError | None = None,
    *,
    source: object = None,
) -> TaskState:
    """반려: the 세부사업's 요구 goes back to 작성중 (read its ETag first)."""

    def work(_state: TaskState) -> object:
        current = ctx.api.request_state(version_id, program_id)
        return ctx.api.return_request(version_id, program_id, current.version)

    changes = Changes(requests=True, versions=True)
    return ctx.ops.run_net("예산 요구 반려", work, changes, on_done, on_error, source=source)


# -- version transitions ---------------------------------------------------------------------
def _move(
    ctx: AppContext,
    label: str,
    call: Callable[[int], VersionDetail],
    version_id: uuid.UUID,
    on_done: Done,
    on_error: OnError | None,
    source: object,
) -> TaskState:
    def work(_state: TaskState) -> VersionDetail:
        return call(ctx.api.version(version_id).version)

    changes = Changes(versions=True, lines=True, revenue=True)
    return ctx.ops.run_net(label, work, changes, on_done, on_error, source=source)


def confirm(
    ctx: AppContext,
    version_id: uuid.UUID,
    on_done: Done = None,
    on_error: OnError | None = None,
    *,
    source: object = None,
) -> TaskState:
    """확정. Refused with 409 and ``reasons`` (see :func:`refusal_reasons`) when a 회계 does
    not balance or a 세부사업 is still 작성중."""
    return _move(
        ctx, "예산안 확정", lambda v: ctx.api.confirm(version_id, v), version_id, on_done,
        on_error, source,
    )  # fmt: skip


def adopt(
    ctx: AppContext,
    version_id: uuid.UUID,
    cuts: Mapping[uuid.UUID, int],
    on_done: Done = None,
    on_error: OnError | None = None,
    *,
    source: object = None,
) -> TaskState:
    """의결: the council's amounts (천원) for the lines it cut; a raise is refused (400, the
    message names the line)."""
    body = AdoptRequest(lines=[AdoptLine(line_id=k, amount=v) for k, v in cuts.items()])
    return _move(
        ctx, "의회 의결 반영", lambda v: ctx.api.adopt(version_id, v, body), version_id,
        on_done, on_error, source,
    )  # fmt: skip


def establish(
    ctx: AppContext,
    version_id: uuid.UUID,
    on_done: Done = None,
    on_error: OnError | None = None,
    *,
    source: object = None,
) -> TaskState:
    """성립."""
    return _move(
        ctx, "예산 성립", lambda v: ctx.api.establish(version_id, v), version_id, on_done,
        on_error, source,
    )  # fmt: skip


def _create(
    ctx: AppContext,
    label: str,
    call: Callable[[], VersionOut],
    on_done: Done,
    on_error: OnError | None,
    on_progress: Progress,
    source: object,
    on_cancelled: OnCancelled | None,
) -> TaskState:
    def work(state: TaskState) -> VersionDetail:
        state.set_progress(0.05, "원본 예산 확인")
        state.point_of_no_return()  # from here the server copies whatever the user presses
        state.set_progress(0.1, "예산 항목 복사 중")
        created = call()  # one transaction on the server: all lines or none
        state.set_progress(0.8, "복사한 예산 확인")
        detail = ctx.api.version(created.id)
        state.set_progress(1.0, "완료")
        return detail

    changes = Changes(versions=True, lines=True, revenue=True, requests=True, programs=True)
    return ctx.ops.run_net(
        label, work, changes, on_done, on_error, source=source, on_progress=on_progress,
        on_cancelled=on_cancelled,
    )  # fmt: skip


def create_supplementary(
    ctx: AppContext,
    version_id: uuid.UUID,
    on_done: Done = None,
    on_error: OnError | None = None,
    *,
    on_progress: Progress = None,
    source: object = None,
    on_cancelled: OnCancelled | None = None,
) -> TaskState:
    """제N회 추경 from an 성립 version: every line copied, 성립 amounts become 기정액."""
    return _create(
        ctx, "추가경정예산 만들기", lambda: ctx.api.create_supplementary(version_id), on_done,
        on_error, on_progress, source, on_cancelled,
    )  # fmt: skip


def create_next_year(
    ctx: AppContext,
    version_id: uuid.UUID,
    on_done: Done = None,
    on_error: OnError | None = None,
    *,
    on_progress: Progress = None,
    source: object = None,
    on_cancelled: OnCancelled | None = None,
) -> TaskState:
    """Next year's 본예산(안) from this version's structure and amounts."""
    return _create(
        ctx, "다음 연도 예산 만들기", lambda: ctx.api.create_next_year(version_id), on_done,
        on_error, on_progress, source, on_cancelled,
    )  # fmt: skip
