"""The server side of an accepted Excel import, in the version being written (작성중) only and
only for lines the signed-in user may change (the rules the server applies, checked first so
each refusal is listed with its reason; a refusal from the server is listed the same way):

- 세출 lines missing from the file are deleted (changed and added 세출 lines become drafts,
  sent from the 예산편성 page — ``app.operations.reports``);
- 세입 lines (no draft queue on the 세입 page, which saves each line at once) are written:
  changed 산출근거 replaced, added lines created, missing lines deleted.

Blocking; called off the GUI thread.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from app.services.api.errors import ServiceError
from domain.roles import Action, can

if TYPE_CHECKING:
    from app.services.api.endpoints import HojoApi
    from app.services.reports.xlsx_import import ImportPreview, LineChange
    from domain.contracts.auth import SessionUser
    from domain.contracts.budget import VersionDetail

__all__ = ["Applied", "apply_to_server", "refusal"]


@dataclass
class Applied:
    saved: int = 0  # 세출 lines kept as drafts (by the caller)
    written: int = 0  # 세입 lines created or changed on the server
    deleted: int = 0  # lines deleted on the server
    deleted_ids: list[uuid.UUID] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # "<change>: <reason>"


def refusal(
    me: SessionUser,
    version: VersionDetail,
    department_id: uuid.UUID | None,
    request_state: str | None = None,
) -> str:
    """Why ``me`` may not change a line of ``department_id`` in ``version`` (Korean), or ""."""
    if version.state != "작성중":
        return (
            f"{version.fiscal_year}년 {version.kind}은(는) '{version.state}' 상태라 바꿀 수 "
            "없습니다 (작성중인 버전에서만 가져옵니다)"
        )
    if not can(me.roles, Action.EDIT_BUDGET_DRAFT):
        return "예산 요구안을 작성할 권한이 없습니다"
    if me.department_id is not None and department_id != me.department_id:
        return "다른 부서의 예산이라 바꿀 수 없습니다"
    if request_state is not None and request_state != "작성중":
        return f"세부사업이 '{request_state}' 상태라 바꿀 수 없습니다"
    return ""


def apply_to_server(api: HojoApi, version_id: uuid.UUID, preview: ImportPreview) -> Applied:
    """Apply what goes to the server at once: every removal, and every 세입 change."""
    me = api.me()
    version = api.version(version_id)
    states = {r.program_id: r.state for r in version.requests}
    out = Applied()
    for change in preview.changes:
        if change.book == "세출" and change.kind != "removed":
            continue  # a draft, kept by the caller
        reason = _reason(me, version, states, change)
        if reason:
            out.skipped.append(f"{change.text()}: {reason}")
            continue
        try:
            _apply(api, version_id, change, out)
        except ServiceError as error:
            out.skipped.append(f"{change.text()}: {error.message}")
    return out


def _reason(
    me: SessionUser, version: VersionDetail, states: dict[uuid.UUID, str], change: LineChange
) -> str:
    line = change.line
    dept = change.department_id or (line.department_id if line is not None else None)
    program = getattr(line, "program_id", None)
    reason = refusal(me, version, dept, states.get(program) if program else None)
    if reason:
        return reason
    if change.kind == "removed" and line is not None and line.base_amount:
        return "기정액이 있어 삭제할 수 없습니다 (0으로 경정하십시오)"
    if change.kind == "added" and change.book == "세입" and dept is None:
        return "부서가 없어 만들 수 없습니다"
    return ""


def _apply(api: HojoApi, version_id: uuid.UUID, change: LineChange, out: Applied) -> None:
    from domain.contracts.budget import (
        BasisItemIn,
        RevenueLineCreate,
        RevenueLineUpdate,
    )

    line = change.line
    if change.kind == "removed" and line is not None:
        if change.book == "세입":
            api.delete_revenue_line(line.id, line.version)
        else:
            api.delete_expenditure_line(line.id, line.version)
        out.deleted += 1
        out.deleted_ids.append(line.id)
        return
    basis = [BasisItemIn.model_validate(item) for item in change.basis]
    if change.kind == "changed" and line is not None:
        api.update_revenue_line(line.id, RevenueLineUpdate(basis=basis), line.version)
    else:
        assert change.department_id is not None  # checked by _reason
        item_code = getattr(change.key, "item_code", "")
        body = RevenueLineCreate(
            account_code=change.key.account_code, department_id=change.department_id,
            item_code=item_code, basis=basis,
        )  # fmt: skip
        api.create_revenue_line(version_id, body, uuid.uuid4())
    out.written += 1
