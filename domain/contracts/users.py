"""Wire models of user administration (role ``admin``), shared with the client."""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from domain.roles import Role

__all__ = ["PasswordResetRequest", "UserCreate", "UserOut", "UserPage", "UserUpdate"]

LOGIN_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._@-]{1,63}$"


class UserOut(BaseModel):
    id: uuid.UUID
    government_code: str
    login: str
    display_name: str
    roles: list[str]
    department_id: uuid.UUID | None
    is_disabled: bool
    must_change_password: bool
    failed_logins: int
    locked_until: datetime | None
    version: int
    created_at: datetime
    updated_at: datetime


class UserPage(BaseModel):
    items: list[UserOut]
    next_cursor: str | None = None


class UserCreate(BaseModel):
    """A new user with an initial password; they must change it at first sign-in."""

    model_config = ConfigDict(extra="forbid")

    login: str = Field(pattern=LOGIN_PATTERN, max_length=64)
    display_name: str = Field(min_length=1, max_length=100)
    roles: list[Role] = Field(min_length=1)
    department_id: uuid.UUID | None = None
    password: str = Field(min_length=1, max_length=1024)


class UserUpdate(BaseModel):
    """Only the fields present change (``department_id: null`` clears the department)."""

    model_config = ConfigDict(extra="forbid")

    display_name: str | None = Field(default=None, min_length=1, max_length=100)
    roles: list[Role] | None = Field(default=None, min_length=1)
    department_id: uuid.UUID | None = None
    is_disabled: bool | None = None


class PasswordResetRequest(BaseModel):
    """A temporary password set by an administrator."""

    model_config = ConfigDict(extra="forbid")

    new_password: str = Field(min_length=1, max_length=1024)
