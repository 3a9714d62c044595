"""User administration (role ``admin``): list, read, create, change, reset password, unlock.

Every query filters on the administrator's government: another government's user is 404.
Audit snapshots never hold password hashes.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import and_, delete, func, or_, select
from sqlalchemy.orm import Session

from domain.contracts.users import PasswordResetRequest, UserCreate, UserOut, UserUpdate
from domain.roles import Role
from server.audit.service import Actor, record
from server.auth.common import now_utc, user_roles, utc
from server.auth.passwords import check_new_password
from server.auth.security import hash_password
from server.auth.tokens import revoke_user_tokens
from server.deps import Principal
from server.kit.errors import ProblemError, conflict, not_found
from server.kit.pagination import Page, decode_cursor, encode_cursor
from server.models import Department, User, UserRole


def _actor(principal: Principal) -> Actor:
    return Actor(principal.user_id, principal.login)


def _field_problem(field: str, code: str, message: str, *, status: int = 400) -> ProblemError:
    return ProblemError(
        status, code, message, errors=[{"field": field, "code": code, "message": message}]
    )


def to_out(user: User, roles: Sequence[str]) -> UserOut:
    return UserOut(
        id=user.id,
        government_code=user.government_code,
        login=user.login,
        display_name=user.display_name,
        roles=sorted(roles),
        department_id=user.department_id,
        is_disabled=user.is_disabled,
        must_change_password=user.must_change_password,
        failed_logins=user.failed_logins,
        locked_until=_utc_or_none(user.locked_until),
        version=user.version,
        created_at=utc(user.created_at),
        updated_at=utc(user.updated_at),
    )


def snapshot(user: User, roles: Sequence[str]) -> dict[str, Any]:
    """What the audit log keeps of a user (no password hash)."""
    return {
        "login": user.login,
        "display_name": user.display_name,
        "roles": sorted(roles),
        "department_id": user.department_id,
        "is_disabled": user.is_disabled,
        "must_change_password": user.must_change_password,
        "failed_logins": user.failed_logins,
        "locked_until": _utc_or_none(user.locked_until),
    }


def _utc_or_none(value: datetime | None) -> datetime | None:
    return None if value is None else utc(value)


def get_user(session: Session, principal: Principal, user_id: uuid.UUID) -> User:
    user = session.scalar(
        select(User).where(User.government_code == principal.government_code, User.id == user_id)
    )
    if user is None:
        raise not_found("사용자")
    return user


def read_user(session: Session, principal: Principal, user_id: uuid.UUID) -> UserOut:
    user = get_user(session, principal, user_id)
    return to_out(user, user_roles(session, user))


def list_users(
    session: Session, principal: Principal, *, q: str | None, limit: int, cursor: str | None
) -> Page[UserOut]:
    gov = principal.government_code
    stmt = select(User).where(User.government_code == gov)
    if q and q.strip():
        escaped = q.strip().lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        pattern = f"%{escaped}%"
        stmt = stmt.where(
            or_(
                func.lower(User.login).like(pattern, escape="\\"),
                func.lower(User.display_name).like(pattern, escape="\\"),
            )
        )
    key = decode_cursor(cursor)
    if key is not None:
        try:
            after_login, after_id = str(key[0]), uuid.UUID(str(key[1]))
        except (IndexError, ValueError) as exc:
            raise ProblemError(400, "bad_cursor", "cursor 값이 올바르지 않습니다.") from exc
        stmt = stmt.where(
            or_(User.login > after_login, and_(User.login == after_login, User.id > after_id))
        )
    limit = max(1, min(limit, 500))
    users = list(session.scalars(stmt.order_by(User.login, User.id).limit(limit + 1)))
    more = len(users) > limit
    users = users[:limit]
    roles: dict[uuid.UUID, list[str]] = {u.id: [] for u in users}
    if users:
        rows = session.execute(
            select(UserRole.user_id, UserRole.role).where(
                UserRole.government_code == gov, UserRole.user_id.in_(list(roles))
            )
        )
        for user_id, role in rows:
            roles[user_id].append(role)
    next_cursor = encode_cursor([users[-1].login, str(users[-1].id)]) if more else None
    return Page[UserOut](items=[to_out(u, roles[u.id]) for u in users], next_cursor=next_cursor)


def _check_department(session: Session, gov: str, department_id: uuid.UUID | None) -> None:
    if department_id is None:
        return
    found = session.scalar(
        select(Department.id).where(
            Department.government_code == gov, Department.id == department_id
        )
    )
    if found is None:
        raise _field_problem(
            "department_id", "unknown_department", "'department_id': 부서를 찾을 수 없습니다."
        )


def _set_roles(session: Session, user: User, roles: Sequence[Role]) -> list[str]:
    wanted = sorted({str(r) for r in roles})
    session.execute(
        delete(UserRole).where(
            UserRole.government_code == user.government_code, UserRole.user_id == user.id
        )
    )
    session.add_all(
        UserRole(government_code=user.government_code, user_id=user.id, role=r) for r in wanted
    )
    return wanted


def create_user(session: Session, principal: Principal, body: UserCreate) -> UserOut:
    gov = principal.government_code
    taken = session.scalar(
        select(User.id).where(User.government_code == gov, User.login == body.login)
    )
    if taken is not None:
        raise conflict("login_taken", f"'{body.login}' 아이디는 이미 사용 중입니다.")
    display_name = body.display_name.strip()
    if not display_name:
        raise _field_problem("display_name", "required", "'display_name': 이름을 입력하세요.")
    _check_department(session, gov, body.department_id)
    check_new_password(body.login, body.password, "password")
    user = User(
        government_code=gov,
        login=body.login,
        display_name=display_name,
        password_hash=hash_password(body.password),
        department_id=body.department_id,
        must_change_password=True,
    )
    session.add(user)
    session.flush()
    roles = _set_roles(session, user, body.roles)
    session.flush()
    record(
        session,
        gov,
        _actor(principal),
        action="create",
        entity_type="user",
        entity_id=user.id,
        summary=f"사용자 '{user.login}'({display_name}) 등록",
        after=snapshot(user, roles),
    )
    return to_out(user, roles)


def update_user(session: Session, principal: Principal, user: User, body: UserUpdate) -> UserOut:
    """Apply the fields present in ``body`` (the caller has checked If-Match)."""
    gov = principal.government_code
    fields = body.model_fields_set
    old_roles = user_roles(session, user)
    before = snapshot(user, old_roles)
    is_self = user.id == principal.user_id
    if "display_name" in fields:
        name = (body.display_name or "").strip()
        if not name:
            raise _field_problem("display_name", "required", "'display_name': 이름을 입력하세요.")
        user.display_name = name
    roles = old_roles
    if "roles" in fields:
        if body.roles is None:
            raise _field_problem("roles", "required", "'roles': 역할을 하나 이상 지정하세요.")
        if is_self and Role.ADMIN in old_roles and Role.ADMIN not in body.roles:
            raise _field_problem(
                "roles",
                "cannot_remove_own_admin",
                "자기 자신의 관리자 역할은 뺄 수 없습니다. 다른 관리자에게 요청하세요.",
            )
        roles = _set_roles(session, user, body.roles)
    if "department_id" in fields:
        _check_department(session, gov, body.department_id)
        user.department_id = body.department_id
    now = now_utc()
    if "is_disabled" in fields:
        if body.is_disabled is None:
            raise _field_problem(
                "is_disabled", "required", "'is_disabled': 참/거짓 값이 필요합니다."
            )
        if is_self and body.is_disabled:
            raise _field_problem(
                "is_disabled",
                "cannot_disable_self",
                "자기 자신의 계정은 사용 중지할 수 없습니다.",
            )
        if body.is_disabled and not user.is_disabled:
            revoke_user_tokens(session, user, now)
        user.is_disabled = body.is_disabled
    after = snapshot(user, roles)
    if after == before:
        return to_out(user, roles)
    user.updated_at = now  # role changes live in another table: still bump the version
    session.flush()
    changed = [k for k in after if after[k] != before[k]]
    action = "update"
    if before["is_disabled"] != after["is_disabled"]:
        action = "disable" if after["is_disabled"] else "enable"
    record(
        session,
        gov,
        _actor(principal),
        action=action,
        entity_type="user",
        entity_id=user.id,
        summary=f"사용자 '{user.login}' 변경: {', '.join(changed)}",
        before={k: before[k] for k in changed},
        after={k: after[k] for k in changed},
    )
    return to_out(user, roles)


def reset_password(
    session: Session, principal: Principal, user: User, body: PasswordResetRequest
) -> UserOut:
    """A temporary password: must be changed at next sign-in; unlocks; ends all sessions."""
    check_new_password(user.login, body.new_password, "new_password")
    roles = user_roles(session, user)
    before = snapshot(user, roles)
    now = now_utc()
    user.password_hash = hash_password(body.new_password)
    user.must_change_password = True
    user.failed_logins = 0
    user.locked_until = None
    user.updated_at = now
    revoke_user_tokens(session, user, now)
    session.flush()
    record(
        session,
        principal.government_code,
        _actor(principal),
        action="password_reset",
        entity_type="user",
        entity_id=user.id,
        summary=f"사용자 '{user.login}' 임시 비밀번호 설정 (잠금 해제, 로그인 세션 모두 종료)",
        before=before,
        after=snapshot(user, roles),
    )
    return to_out(user, roles)


def unlock(session: Session, principal: Principal, user: User) -> UserOut:
    roles = user_roles(session, user)
    if user.locked_until is None and user.failed_logins == 0:
        return to_out(user, roles)  # nothing to do: idempotent, nothing recorded
    before = snapshot(user, roles)
    user.failed_logins = 0
    user.locked_until = None
    session.flush()
    record(
        session,
        principal.government_code,
        _actor(principal),
        action="unlock",
        entity_type="user",
        entity_id=user.id,
        summary=f"사용자 '{user.login}' 잠금 해제",
        before={"failed_logins": before["failed_logins"], "locked_until": before["locked_until"]},
        after={"failed_logins": 0, "locked_until": None},
    )
    return to_out(user, roles)


__all__ = [
    "create_user",
    "get_user",
    "list_users",
    "read_user",
    "reset_password",
    "unlock",
    "update_user",
]
