"""Password hashing (Argon2id, memory-hard) and signed access tokens (JWT, HS256)."""

from __future__ import annotations

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import jwt
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_hasher = PasswordHasher()  # argon2id with the library's recommended parameters

ACCESS_TOKEN_TYPE = "access"


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def password_problem(password: str) -> str | None:
    """A Korean reason why a new password is too weak, or None."""
    if len(password) < 10:
        return "비밀번호는 10자 이상이어야 합니다."
    kinds = sum(
        [
            any(c.isalpha() for c in password),
            any(c.isdigit() for c in password),
            any(not c.isalnum() for c in password),
        ]
    )
    if kinds < 2:
        return "비밀번호에는 문자, 숫자, 특수문자 중 두 종류 이상이 들어가야 합니다."
    return None


@dataclass(frozen=True)
class AccessClaims:
    user_id: uuid.UUID
    government_code: str
    login: str
    roles: frozenset[str]
    expires_at: datetime


def issue_access_token(
    secret: str,
    *,
    user_id: uuid.UUID,
    government_code: str,
    login: str,
    roles: frozenset[str],
    minutes: int,
    now: datetime | None = None,
) -> tuple[str, datetime]:
    expires = (now or datetime.now(UTC)) + timedelta(minutes=minutes)
    payload = {
        "typ": ACCESS_TOKEN_TYPE,
        "sub": str(user_id),
        "gov": government_code,
        "login": login,
        "roles": sorted(roles),
        "exp": expires,
        "jti": secrets.token_hex(8),
    }
    return jwt.encode(payload, secret, algorithm="HS256"), expires


def decode_access_token(secret: str, token: str) -> AccessClaims | None:
    try:
        data = jwt.decode(token, secret, algorithms=["HS256"], options={"require": ["exp"]})
    except jwt.PyJWTError:
        return None
    if data.get("typ") != ACCESS_TOKEN_TYPE:
        return None
    try:
        return AccessClaims(
            user_id=uuid.UUID(str(data["sub"])),
            government_code=str(data["gov"]),
            login=str(data.get("login", "")),
            roles=frozenset(str(r) for r in data.get("roles", [])),
            expires_at=datetime.fromtimestamp(int(data["exp"]), UTC),
        )
    except (KeyError, ValueError, TypeError):
        return None


def new_refresh_secret() -> str:
    return secrets.token_urlsafe(32)


def hash_refresh_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()
