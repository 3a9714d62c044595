"""Operations of the 예산편성 page: load a version, keep drafts, save, submit, resolve conflicts.

Views call these; every one runs through ``ctx.ops`` (network on the net pool, the cache on the
one DB worker) and publishes :class:`Changes`. Drafts (``app.services.cache``) are written at
every edit through :class:`DraftSaver`, which keeps at most one write in flight and always
writes the newest payload, so typing never queues hundreds of writes. A draft carries the
server version it started from (``base_version``); saving sends it as If-Match, and a 412
leaves the draft in the cache marked as a conflict with the server's line ("theirs").

Draft payload of a 세출 line: ``basis`` (items with id, label, formula, children, and for an
imported item kept verbatim its flag and stated amounts), ``funding`` (code → 천원) and the
line's ``program_id``/``account_code``/``object_code`` (needed to create a new line and to show a
restored draft under its 세부사업).
"""

from __future__ import annotations

import contextlib
import copy
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from app.operations import Changes
from app.services.api.errors import StaleError
from app.services.cache.records import Draft, DraftKind, DraftState
from domain.contracts.audit import HistoryEvent
from domain.contracts.auth import SessionUser
from domain.contracts.budget import (
    ExpenditureLineCreate,
    ExpenditureLineOut,
    ExpenditureLineUpdate,
    RequestStateOut,
    VersionOut,
)
from domain.contracts.structure import CodeOut, ProgramOut
from domain.formula import FormulaError, evaluate

if TYPE_CHECKING:
    from app.context import AppContext
    from app.services.sync.conflicts import Choice, Comparison
    from app.tasks import TaskState

JsonDict = dict[str, Any]
Done = Callable[[Any], None] | None
Err = Callable[[BaseException], None] | None
_BASIS_KEYS = ("id", "label", "formula")


@dataclass
class BudgetData:
    """Everything the page shows for one budget version (lines without 산출근거)."""

    versions: list[VersionOut]
    version: VersionOut | None
    programs: list[ProgramOut] = field(default_factory=list)
    departments: dict[uuid.UUID, str] = field(default_factory=dict)
    accounts: dict[str, str] = field(default_factory=dict)
    fundings: dict[str, str] = field(default_factory=dict)  # code → name, in book order
    objects: list[CodeOut] = field(default_factory=list)  # 통계목 only
    lines: list[ExpenditureLineOut] = field(default_factory=list)
    states: dict[uuid.UUID, RequestStateOut] = field(default_factory=dict)
    budget_version: int = 0  # the version's ETag (for a whole department's 요구)
    user: SessionUser | None = None


@dataclass
class SaveOutcome:
    """What a save did: ``line`` on success; ``stale`` (with ``.current``) on a 412."""

    draft: Draft
    line: ExpenditureLineOut | None = None
    stale: StaleError | None = None
    kept: Draft | None = None  # edits made while the save was on its way stay a draft


def pick_version(versions: list[VersionOut], version_id: uuid.UUID | None) -> VersionOut | None:
    """The asked version, else the newest one being written (작성중), else the newest."""
    for version in versions:
        if version.id == version_id:
            return version
    writing = [v for v in versions if v.state == "작성중"]
    pool = writing or versions
    return max(pool, key=lambda v: (v.fiscal_year, v.created_at)) if pool else None


def load_budget(
    ctx: AppContext,
    version_id: uuid.UUID | None = None,
    on_done: Done = None,
    on_error: Err = None,
    *,
    source: object = None,
) -> TaskState:
    """Versions, structure, code lists, the version's lines and 요구 states (one net task)."""

    def work(state: TaskState) -> BudgetData:
        api = ctx.api
        versions = api.versions()
        version = pick_version(versions, version_id)
        data = BudgetData(versions, version, user=api.me())
        if version is None:
            return data
        year = version.fiscal_year
        data.programs = api.programs(year)
        data.departments = {d.id: d.name for d in api.departments()}
        data.accounts = {a.code: a.name for a in api.accounts(year)}
        data.fundings = {f.code: f.name for f in api.funding_sources(year)}
        data.objects = [c for c in api.codes(year, "objects") if c.level == "통계목"]
        state.raise_if_cancelled()
        data.lines = api.expenditure_lines(version.id)
        detail = api.version(version.id)
        data.budget_version = detail.version
        data.states = {r.program_id: r for r in detail.requests}
        return data

    return ctx.ops.run_net("예산 불러오기", work, Changes(), on_done, on_error, source=source)


def load_line(
    ctx: AppContext, line_id: uuid.UUID, on_done: Done = None, on_error: Err = None
) -> TaskState:
    """One line with its 산출근거 tree."""
    return ctx.ops.run_net(
        "편성 줄 불러오기",
        lambda _s: ctx.api.expenditure_line(line_id),
        Changes(),
        on_done,
        on_error,
    )


def line_history(
    ctx: AppContext, line_id: uuid.UUID, on_done: Done = None, on_error: Err = None
) -> TaskState:
    """Who changed the line, when and what (the server's audit log, newest first)."""

    def work(_state: TaskState) -> list[HistoryEvent]:
        return ctx.api.history("expenditure_line", line_id)

    return ctx.ops.run_net("변경 이력 불러오기", work, Changes(), on_done, on_error)


# --- drafts ------------------------------------------------------------------------------------
def restore_drafts(ctx: AppContext, on_done: Done = None, on_error: Err = None) -> TaskState:
    """Every 세출 draft left in the cache (after a crash, a kill or a normal quit)."""

    def work(_state: TaskState) -> list[Draft]:
        return [d for d in ctx.drafts.load_all() if d.kind is DraftKind.EXPENDITURE]

    return ctx.ops.run_db("임시 저장본 복원", work, Changes(), on_done, on_error)


def discard_draft(ctx: AppContext, key: str, on_done: Done = None) -> TaskState:
    return ctx.ops.run_db(
        "임시 저장본 버리기", lambda _s: ctx.drafts.discard(key), Changes(drafts=True), on_done
    )


class DraftSaver:
    """Writes drafts to the cache at every edit, one write in flight, newest payload wins."""

    def __init__(self, ctx: AppContext, on_saved: Callable[[Draft], None] | None = None) -> None:
        self.ctx = ctx
        self.on_saved = on_saved
        self.on_error: Callable[[BaseException], None] | None = None
        self._pending: dict[str, Draft] = {}
        self._busy = False

    @property
    def idle(self) -> bool:
        return not self._busy and not self._pending

    def save(self, draft: Draft) -> None:
        self._pending[draft.key] = draft
        if not self._busy:
            self._next()

    def _next(self) -> None:
        if not self._pending:
            return
        key = next(iter(self._pending))
        draft = self._pending.pop(key)
        self._busy = True
        self.ctx.ops.run_db(
            "임시 저장", lambda _s: self.ctx.drafts.save(draft), Changes(drafts=True),
            self._done, self._failed,
        )  # fmt: skip

    def _done(self, draft: Draft) -> None:
        self._busy = False
        if self.on_saved is not None:
            self.on_saved(draft)
        self._next()

    def _failed(self, error: BaseException) -> None:
        self._busy = False
        if self.on_error is not None:
            self.on_error(error)
        self._next()


def new_line_draft(
    version_id: uuid.UUID, program_id: uuid.UUID, account: str, object_code: str, funding: str
) -> Draft:
    payload: JsonDict = {
        "program_id": str(program_id),
        "account_code": account,
        "object_code": object_code,
        "basis": [],
        "funding": {funding: 0} if funding else {},
    }
    return Draft.new_line(DraftKind.EXPENDITURE, version_id, payload)


def line_draft(
    line: ExpenditureLineOut, basis: list[JsonDict], funding: Mapping[str, int]
) -> Draft:
    """A draft of an existing line, starting from the version the line had."""
    payload = {
        "program_id": str(line.program_id),
        "account_code": line.account_code,
        "object_code": line.object_code,
        "basis": basis,
        "funding": dict(funding),
    }
    return Draft(DraftKind.EXPENDITURE, line.id, payload, line.version_id, line.version)


def clean_basis(items: list[JsonDict]) -> list[JsonDict]:
    """The request shape (``BasisItemIn``) of draft items: id, label, formula, children."""
    out = []
    for item in items:
        node = {k: item.get(k) for k in _BASIS_KEYS if item.get(k) is not None}
        node.setdefault("label", "")
        if not (node.get("formula") or "").strip():
            node.pop("formula", None)
        node["children"] = clean_basis(item.get("children") or [])
        out.append(node)
    return out


def basis_total(items: list[JsonDict]) -> int:
    """The line amount (천원) of draft items: leaves ceil(formula / 1000), parents their sum."""
    total = 0
    for item in items:
        children = item.get("children") or []
        if children:
            total += basis_total(children)
        elif item.get("flag") and item.get("amount") is not None:
            total += int(item["amount"])
        elif (item.get("formula") or "").strip():
            with contextlib.suppress(FormulaError):
                total += evaluate(item["formula"]).thousand
    return total


# --- saving and submitting ---------------------------------------------------------------------
def save_line(
    ctx: AppContext, draft: Draft, on_done: Done = None, on_error: Err = None
) -> TaskState:
    """Send a draft (create or If-Match update). ``on_done(SaveOutcome)``: on success the draft
    leaves the cache and the line enters the read cache; on a 412 the draft is marked as a
    conflict with the server's current line, and ``outcome.stale`` is set."""
    draft = replace(draft, payload=copy.deepcopy(draft.payload))
    payload = draft.payload
    basis = clean_basis(payload.get("basis") or [])
    funding = {k: int(v) for k, v in (payload.get("funding") or {}).items()}

    def send(_state: TaskState) -> SaveOutcome:
        if draft.is_new:
            assert draft.budget_version_id is not None
            body = ExpenditureLineCreate.model_validate(
                {"account_code": payload["account_code"], "program_id": payload["program_id"],
                 "object_code": payload["object_code"], "basis": basis, "funding": funding}
            )  # fmt: skip
            line = ctx.api.create_expenditure_line(draft.budget_version_id, body, draft.line_id)
            return SaveOutcome(draft, line)
        update = ExpenditureLineUpdate.model_validate({"basis": basis, "funding": funding})
        try:
            line = ctx.api.update_expenditure_line(draft.line_id, update, draft.base_version or 0)
        except StaleError as error:
            return SaveOutcome(draft, stale=error)
        return SaveOutcome(draft, line)

    def record(outcome: SaveOutcome) -> SaveOutcome:
        from app.services.cache.rows import ReadCache

        if outcome.stale is not None:
            current = outcome.stale.current
            theirs = current.model_dump(mode="json") if isinstance(current, BaseModel) else {}
            version = getattr(current, "version", None) or outcome.stale.current_version or 0
            ctx.drafts.mark_conflict(draft.key, version, theirs)
            draft.state, draft.server_version, draft.server_payload = (
                DraftState.CONFLICT, version, theirs,
            )  # fmt: skip
            return outcome
        line = outcome.line
        assert line is not None
        ReadCache(ctx.drafts.db).put_lines([line])
        stored = ctx.drafts.get(draft.key)
        ctx.drafts.discard(draft.key)
        if stored is not None and stored.payload != draft.payload:  # typed on meanwhile
            kept = Draft(
                DraftKind.EXPENDITURE, line.id, stored.payload, line.version_id, line.version
            )
            outcome.kept = ctx.drafts.save(kept)
        return outcome

    def sent(outcome: SaveOutcome) -> None:
        changes = Changes(lines=True, drafts=True)
        ctx.ops.run_db("저장 결과 기록", lambda _s: record(outcome), changes, on_done, on_error)

    return ctx.ops.run_net("편성 줄 저장", send, Changes(), sent, on_error)


def submit_program(
    ctx: AppContext,
    version_id: uuid.UUID,
    program_id: uuid.UUID,
    on_done: Done = None,
    on_error: Err = None,
) -> TaskState:
    """요구: submit one 세부사업 (with its request state's current version)."""

    def work(_state: TaskState) -> RequestStateOut:
        current = ctx.api.request_state(version_id, program_id)
        return ctx.api.submit(version_id, program_id, current.version)

    return ctx.ops.run_net("세부사업 요구 제출", work, Changes(requests=True), on_done, on_error)


def submit_department(
    ctx: AppContext,
    version_id: uuid.UUID,
    department_id: uuid.UUID,
    on_done: Done = None,
    on_error: Err = None,
) -> TaskState:
    """요구 of a whole 부서 (every 세부사업 still 작성중)."""

    def work(_state: TaskState) -> list[RequestStateOut]:
        version = ctx.api.version(version_id).version
        return ctx.api.submit_department(version_id, department_id, version)

    return ctx.ops.run_net("부서 요구 제출", work, Changes(requests=True), on_done, on_error)


def resolved_draft(draft: Draft, comparison: Comparison, choices: Mapping[str, Choice]) -> Draft:
    """The draft after per-row choices: the merged payload, starting from the server's version.

    Raises ``UnresolvedConflict`` when a differing row has no choice. When the merged 재원 split
    does not add up to the merged 산출근거 and the line has one 재원, that 재원 takes the amount.
    """
    from app.services.sync.conflicts import resolve

    resolution = resolve(comparison, choices)
    payload = {**draft.payload, **resolution.payload}
    funding = {k: int(v) for k, v in (payload.get("funding") or {}).items() if v is not None}
    total = basis_total(payload["basis"])
    if sum(funding.values()) != total and len(funding) == 1:
        funding = {next(iter(funding)): total}
    payload["funding"] = funding
    return Draft(
        DraftKind.EXPENDITURE, draft.line_id, payload, draft.budget_version_id, resolution.if_match
    )


def funding_gap(payload: Mapping[str, Any]) -> int:
    """재원 합계 minus the 산출근거 amount (0 when they agree)."""
    funding = payload.get("funding") or {}
    return sum(int(v) for v in funding.values()) - basis_total(list(payload.get("basis") or []))


def keep_resolution(
    ctx: AppContext, draft: Draft, on_done: Done = None, on_error: Err = None
) -> TaskState:
    """Store a resolved draft (state 편집 중, the server's version as its base)."""

    def work(_state: TaskState) -> Draft:
        assert draft.base_version is not None
        ctx.drafts.resolve(draft.key, draft.payload, draft.base_version)
        stored = ctx.drafts.get(draft.key)
        assert stored is not None
        return stored

    return ctx.ops.run_db("충돌 해결 저장", work, Changes(drafts=True), on_done, on_error)
