"""Wire models of sign-in, token refresh, sign-out and one's own password (client and server)."""

from __future__ import annotations

import uuid

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "LogoutRequest",
    "PasswordChangeRequest",
    "RefreshRequest",
    "SessionUser",
    "TokenRequest",
    "TokenResponse",
]


class TokenRequest(BaseModel):
    """Sign in with a password. ``government_code`` (기관코드) is needed only when the same
    login exists in several governments."""

    model_config = ConfigDict(extra="forbid")

    login: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=1, max_length=1024)
    government_code: str | None = Field(default=None, min_length=1, max_length=7)


class RefreshRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    refresh_token: str = Field(min_length=1, max_length=512)


class LogoutRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    refresh_token: str = Field(min_length=1, max_length=512)


class PasswordChangeRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    current_password: str = Field(min_length=1, max_length=1024)
    new_password: str = Field(min_length=1, max_length=1024)


class SessionUser(BaseModel):
    """The signed-in user, as the client needs it right after sign-in."""

    id: uuid.UUID
    login: str
    display_name: str
    government_code: str
    roles: list[str]
    department_id: uuid.UUID | None
    must_change_password: bool


class TokenResponse(BaseModel):
    """An access token (short-lived JWT) and the rotating refresh token (keep it in the OS
    keyring; it can be used once)."""

    access_token: str
    token_type: str = "bearer"
    expires_in: int
    refresh_token: str
    user: SessionUser
