"""Operations of user administration (role ``admin``): list, create, roles and 부서, password
reset (the user must change it at the next sign-in), disable/enable, unlock."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.operations import Changes, OnError
from app.operations.cycle import Done
from domain.contracts.structure import DepartmentOut
from domain.contracts.users import UserCreate, UserOut, UserUpdate
from domain.roles import Action, Role, can

if TYPE_CHECKING:
    from app.context import AppContext
    from app.tasks import TaskState

__all__ = [
    "UsersData",
    "create_user",
    "load_users",
    "may_manage_users",
    "reset_password",
    "set_disabled",
    "unlock",
    "update_user",
]

_USERS = Changes(users=True)


@dataclass(frozen=True)
class UsersData:
    users: list[UserOut]
    departments: list[DepartmentOut]


def may_manage_users(ctx: AppContext) -> bool:
    """True when the signed-in user holds the ``admin`` role (checked again by the server)."""
    user = ctx.session.user
    return user is not None and can(user.roles, Action.MANAGE_USERS)


def load_users(ctx: AppContext, on_done: Done = None, on_error: OnError | None = None) -> TaskState:
    def work(_state: TaskState) -> UsersData:
        return UsersData(ctx.api.users(), ctx.api.departments())

    return ctx.ops.run_net("사용자 목록 읽기", work, Changes(), on_done, on_error)


def create_user(
    ctx: AppContext,
    login: str,
    display_name: str,
    roles: Sequence[Role],
    department_id: uuid.UUID | None,
    password: str,
    on_done: Done = None,
    on_error: OnError | None = None,
) -> TaskState:
    def work(_state: TaskState) -> UserOut:
        body = UserCreate(
            login=login,
            display_name=display_name,
            roles=list(roles),
            department_id=department_id,
            password=password,
        )
        return ctx.api.create_user(body)

    return ctx.ops.run_net("사용자 만들기", work, _USERS, on_done, on_error)


def update_user(
    ctx: AppContext,
    user: UserOut,
    display_name: str,
    roles: Sequence[Role],
    department_id: uuid.UUID | None,
    on_done: Done = None,
    on_error: OnError | None = None,
) -> TaskState:
    def work(_state: TaskState) -> UserOut:
        body = UserUpdate(display_name=display_name, roles=list(roles), department_id=department_id)
        return ctx.api.update_user(user.id, body, user.version)

    return ctx.ops.run_net("사용자 정보 저장", work, _USERS, on_done, on_error)


def set_disabled(
    ctx: AppContext,
    user: UserOut,
    disabled: bool,
    on_done: Done = None,
    on_error: OnError | None = None,
) -> TaskState:
    def work(_state: TaskState) -> UserOut:
        return ctx.api.update_user(user.id, UserUpdate(is_disabled=disabled), user.version)

    label = "사용자 사용 중지" if disabled else "사용자 다시 사용"
    return ctx.ops.run_net(label, work, _USERS, on_done, on_error)


def reset_password(
    ctx: AppContext,
    user: UserOut,
    new_password: str,
    on_done: Done = None,
    on_error: OnError | None = None,
) -> TaskState:
    def work(_state: TaskState) -> UserOut:
        return ctx.api.reset_password(user.id, new_password, user.version)

    return ctx.ops.run_net("비밀번호 초기화", work, _USERS, on_done, on_error)


def unlock(
    ctx: AppContext, user: UserOut, on_done: Done = None, on_error: OnError | None = None
) -> TaskState:
    def work(_state: TaskState) -> UserOut:
        return ctx.api.unlock_user(user.id)

    return ctx.ops.run_net("계정 잠금 해제", work, _USERS, on_done, on_error)
