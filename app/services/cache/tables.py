"""SQLAlchemy Core tables of the cache, mirroring the DDL of ``database.MIGRATIONS``."""

from __future__ import annotations

from sqlalchemy import Column, Integer, MetaData, Table, Text

metadata = MetaData()

drafts = Table(
    "drafts",
    metadata,
    Column("key", Text, primary_key=True),
    Column("kind", Text, nullable=False),
    Column("line_id", Text, nullable=False),
    Column("is_new", Integer, nullable=False),
    Column("budget_version_id", Text),
    Column("base_version", Integer),
    Column("payload", Text, nullable=False),
    Column("state", Text, nullable=False),
    Column("updated_at", Text, nullable=False),
    Column("server_version", Integer),
    Column("server_payload", Text),
)

outbox = Table(
    "outbox",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("idempotency_key", Text, nullable=False, unique=True),
    Column("method", Text, nullable=False),
    Column("path", Text, nullable=False),
    Column("body", Text),
    Column("if_match", Integer),
    Column("draft_key", Text),
    Column("state", Text, nullable=False),
    Column("attempts", Integer, nullable=False),
    Column("last_error", Text, nullable=False),
    Column("response_status", Integer),
    Column("created_at", Text, nullable=False),
    Column("updated_at", Text, nullable=False),
)

cached_versions = Table(
    "cached_versions",
    metadata,
    Column("id", Text, primary_key=True),
    Column("fiscal_year", Integer, nullable=False),
    Column("version", Integer, nullable=False),
    Column("payload", Text, nullable=False),
)

cached_programs = Table(
    "cached_programs",
    metadata,
    Column("id", Text, primary_key=True),
    Column("fiscal_year", Integer, nullable=False),
    Column("version", Integer, nullable=False),
    Column("payload", Text, nullable=False),
)

cached_lines = Table(
    "cached_lines",
    metadata,
    Column("id", Text, primary_key=True),
    Column("kind", Text, nullable=False),
    Column("budget_version_id", Text, nullable=False),
    Column("program_id", Text),
    Column("version", Integer, nullable=False),
    Column("payload", Text, nullable=False),
)

sync_state = Table(
    "sync_state",
    metadata,
    Column("name", Text, primary_key=True),
    Column("value", Text, nullable=False),
)
