"""사업목적 of a 세부사업, written from the 예산편성 page: who may write it (the rule the server
applies, so the page can say why before the user types) and the save."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING

from app.config import N_
from app.operations import Changes, OnError
from domain.roles import Action, can

if TYPE_CHECKING:
    from app.context import AppContext
    from app.tasks import TaskState
    from domain.contracts.auth import SessionUser
    from domain.contracts.budget import RequestStateOut, VersionOut
    from domain.contracts.structure import ProgramOut

__all__ = ["purpose_refusal", "save_purpose"]


def purpose_refusal(
    user: SessionUser | None,
    program: ProgramOut,
    version: VersionOut | None,
    request: RequestStateOut | None,
) -> str:
    """Why ``user`` may not write this 세부사업's 사업목적 now, or "": an untranslated template
    (``N_``) for ``tr(reason).format(state=request.state)``.

    예산부서: always. 사업담당 and 부서 예산담당: their own 부서's 세부사업, in a 작성중 version,
    while the 세부사업's request is 작성중 (or not started)."""
    if program.level != "세부":
        return N_("사업목적은 세부사업에만 적습니다.")
    roles = user.roles if user is not None else []
    if can(roles, Action.ADJUST):
        return ""
    if user is None or not can(roles, Action.EDIT_BUDGET_DRAFT):
        return N_("사업목적은 사업 부서의 담당자와 예산부서만 고칠 수 있습니다.")
    if user.department_id is not None and user.department_id != program.department_id:
        return N_("다른 부서의 세부사업이라 사업목적을 고칠 수 없습니다.")
    if version is None or version.state != "작성중":
        return N_("작성중인 예산 버전에서만 사업목적을 고칠 수 있습니다.")
    if request is not None and request.state != "작성중":
        return N_("이 세부사업은 '{state}' 상태라 사업목적을 고칠 수 없습니다.")
    return ""


def save_purpose(
    ctx: AppContext,
    program: ProgramOut,
    text: str,
    version_id: uuid.UUID | None,
    on_done: Callable[[ProgramOut], None] | None = None,
    on_error: OnError | None = None,
    *,
    source: object = None,
) -> TaskState:
    """Send the 사업목적 (If-Match: the program's version as read); the saved program back."""
    from domain.contracts.structure import ProgramPurposeUpdate

    body = ProgramPurposeUpdate(purpose=text, version_id=version_id)

    def work(_state: TaskState) -> ProgramOut:
        return ctx.api.set_program_purpose(program.id, body, program.version)

    return ctx.ops.run_net(
        "사업목적 저장", work, Changes(programs=True), on_done, on_error, source=source
    )
