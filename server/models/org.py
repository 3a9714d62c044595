"""Governments, departments, users, roles and refresh tokens."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import (
    Boolean,
    DateTime,
    ForeignKeyConstraint,
    Integer,
    String,
    UniqueConstraint,
    Uuid,
)
from sqlalchemy.orm import Mapped, mapped_column

from server.models.base import Base, IdMixin, TenantMixin, VersionedMixin, utcnow


class Government(Base):
    __tablename__ = "governments"

    code: Mapped[str] = mapped_column(String(7), primary_key=True)  # 행정표준기관코드
    name: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Department(TenantMixin, IdMixin, VersionedMixin, Base):
    __tablename__ = "departments"
    __table_args__ = (UniqueConstraint("government_code", "name"),)

    code: Mapped[str | None] = mapped_column(String(20))  # 부서코드 when the book has one
    name: Mapped[str] = mapped_column(String(100))


class User(TenantMixin, IdMixin, VersionedMixin, Base):
    __tablename__ = "users"
    __table_args__ = (
        UniqueConstraint("government_code", "login"),
        ForeignKeyConstraint(
            ["government_code", "department_id"], ["departments.government_code", "departments.id"]
        ),
    )

    login: Mapped[str] = mapped_column(String(64))
    display_name: Mapped[str] = mapped_column(String(100), default="")
    password_hash: Mapped[str] = mapped_column(String(255))
    department_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    is_disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class UserRole(TenantMixin, Base):
    __tablename__ = "user_roles"
    __table_args__ = (
        ForeignKeyConstraint(
            ["government_code", "user_id"],
            ["users.government_code", "users.id"],
            ondelete="CASCADE",
        ),
    )

    user_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    role: Mapped[str] = mapped_column(String(32), primary_key=True)


class RefreshToken(TenantMixin, IdMixin, Base):
    """One issued refresh token. Tokens rotate: using one marks it used and issues the next in
    the same family; presenting a used token again revokes the whole family (theft)."""

    __tablename__ = "refresh_tokens"
    __table_args__ = (
        ForeignKeyConstraint(
            ["government_code", "user_id"],
            ["users.government_code", "users.id"],
            ondelete="CASCADE",
        ),
    )

    user_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    family_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    secret_hash: Mapped[str] = mapped_column(String(64))
    issued_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
