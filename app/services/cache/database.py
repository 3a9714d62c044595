"""The cache database (``<data dir>/cache/cache.sqlite3``): SQLite, WAL, own schema versions.

Durability: ``journal_mode=WAL`` with ``synchronous=FULL``. In WAL mode ``NORMAL`` already
survives a killed *process* (the WAL is in the OS page cache), but a power cut or an OS crash
can lose the last commits — and the last commits are exactly the user's latest typing. FULL
syncs the WAL at every commit; a draft row is small (one line's JSON), so the cost is one
fsync per save (about a millisecond on an SSD), paid on the DB worker thread, never the GUI.

Schema versioning: ``PRAGMA user_version`` and the ordered list :data:`MIGRATIONS` of plain
SQL steps, applied in one transaction each at open. Alembic would cost start-up time and
packaging for a private, single-file schema whose read cache can be rebuilt from the server;
drafts and outbox are carried forward by the steps. A database newer than this client is
refused rather than guessed at.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, text

from app.paths import cache_database_in

log = logging.getLogger(__name__)


MIGRATIONS: list[list[str]] = [
    [  # 1: drafts, outbox, read cache, sync cursor
        """CREATE TABLE drafts (
            key TEXT PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('세출', '세입')),
            line_id TEXT NOT NULL,
            is_new INTEGER NOT NULL DEFAULT 0,
            budget_version_id TEXT,
            base_version INTEGER,
            payload TEXT NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('editing', 'submitted', 'conflict')),
            updated_at TEXT NOT NULL,
            server_version INTEGER,
            server_payload TEXT
        )""",
        """CREATE TABLE outbox (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            idempotency_key TEXT NOT NULL UNIQUE,
            method TEXT NOT NULL,
            path TEXT NOT NULL,
            body TEXT,
            if_match INTEGER,
            draft_key TEXT,
            state TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'failed')),
            attempts INTEGER NOT NULL DEFAULT 0,
            last_error TEXT NOT NULL DEFAULT '',
            response_status INTEGER,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )""",
        "CREATE INDEX ix_outbox_state ON outbox (state, id)",
        """CREATE TABLE cached_versions (
            id TEXT PRIMARY KEY,
            fiscal_year INTEGER NOT NULL,
            version INTEGER NOT NULL,
            payload TEXT NOT NULL
        )""",
        """CREATE TABLE cached_programs (
            id TEXT PRIMARY KEY,
            fiscal_year INTEGER NOT NULL,
            version INTEGER NOT NULL,
            payload TEXT NOT NULL
        )""",
        """CREATE TABLE cached_lines (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('세출', '세입')),
            budget_version_id TEXT NOT NULL,
            program_id TEXT,
            version INTEGER NOT NULL,
            payload TEXT NOT NULL
        )""",
        "CREATE INDEX ix_cached_lines_version ON cached_lines (budget_version_id, kind)",
        "CREATE TABLE sync_state (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
    ],
]
SCHEMA_VERSION = len(MIGRATIONS)


class CacheTooNew(RuntimeError):
    def __init__(self, found: int) -> None:
        super().__init__(
            f"로컬 캐시({found})가 이 프로그램({SCHEMA_VERSION})보다 새 버전입니다. "
            "프로그램을 업데이트하세요."
        )
        self.found = found


def _on_connect(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


class CacheDatabase:
    """The open cache. Create it on the DB worker (``app.tasks.run_db``); it is thread-safe
    enough for that one worker plus readers (SQLite WAL, a connection per checkout)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self.engine: Engine = create_engine(f"sqlite:///{path}")
        event.listen(self.engine, "connect", _on_connect)
        self._migrate()

    @classmethod
    def in_data_dir(cls, data_dir: Path) -> CacheDatabase:
        """The cache of a data folder (``app.paths``; HOJO_DATA_DIR moves it)."""
        return cls(cache_database_in(data_dir))

    def _migrate(self) -> None:
        with self.engine.connect() as conn:
            found = int(conn.execute(text("PRAGMA user_version")).scalar_one())
        if found > SCHEMA_VERSION:
            raise CacheTooNew(found)
        for number in range(found + 1, SCHEMA_VERSION + 1):
            with self.engine.begin() as conn:
                for statement in MIGRATIONS[number - 1]:
                    conn.execute(text(statement))
                conn.execute(text(f"PRAGMA user_version = {number}"))
            log.info("cache %s migrated to schema %d", self.path, number)

    @contextmanager
    def begin(self) -> Iterator[Connection]:
        """One transaction: committed at the end of the block, rolled back on an error."""
        with self.engine.begin() as conn:
            yield conn

    def pragma(self, name: str) -> Any:
        with self.engine.connect() as conn:
            return conn.execute(text(f"PRAGMA {name}")).scalar_one()

    def close(self) -> None:
        self.engine.dispose()
