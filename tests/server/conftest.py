"""Every server test runs on SQLite and on PostgreSQL, each test on a fresh migrated database.

PostgreSQL: ``HOJO_TEST_POSTGRES_URL`` (default postgresql://postgres@127.0.0.1:5432/test).
The schema is migrated once per test process into a template database; each test gets a
copy (``CREATE DATABASE ... TEMPLATE``) that is dropped afterwards. Under pytest-xdist every
worker has its own template and copies: the names carry the worker id (``PYTEST_XDIST_WORKER``,
``gw0``, ``gw1`` ...) and a random part, so workers, and other test runs on the same server,
never touch each other's databases. Under CI an unreachable PostgreSQL is a failure, elsewhere
the PostgreSQL half is skipped with the reason.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.orm import Session, sessionmaker

from server.config import Settings, normalise_database_url
from server.db import make_engine, make_session_factory
from server.migrate import upgrade

PG_URL = normalise_database_url(
    os.environ.get("HOJO_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")
)
IN_CI = os.environ.get("CI") == "true" or os.environ.get("HOJO_REQUIRE_POSTGRES") == "1"
# "gw0", "gw1" ... under pytest-xdist; "main" in a plain run.
WORKER = os.environ.get("PYTEST_XDIST_WORKER", "main")


def _db_name(prefix: str) -> str:
    """A database name of this test process: ``hojo_tpl_gw0_<12 hex>``, ``hojo_t_main_<12 hex>``."""
    return f"{prefix}_{WORKER}_{uuid.uuid4().hex[:12]}"


def _pg_admin(statement: str) -> None:
    """One CREATE/DROP DATABASE statement on the server's admin connection (no transaction)."""
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT", pool_size=1, max_overflow=0)
    try:
        with admin.connect() as conn:
            conn.execute(text(statement))
    finally:
        admin.dispose()


def _pg_url(dbname: str) -> str:
    return PG_URL.rsplit("/", 1)[0] + "/" + dbname


class _Templates:
    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        self.sqlite_template: Path | None = None
        self.pg_template: str | None = None
        self.pg_error: str | None = None

    def sqlite(self) -> Path:
        if self.sqlite_template is None:
            path = self.tmp / "template.db"
            upgrade(f"sqlite:///{path}")
            self.sqlite_template = path
        return self.sqlite_template

    def postgres(self) -> str:
        if self.pg_template is None and self.pg_error is None:
            name = _db_name("hojo_tpl")
            try:
                _pg_admin(f'CREATE DATABASE "{name}"')
            except Exception as exc:  # noqa: BLE001 - any connection failure means "no PostgreSQL"
                self.pg_error = f"PostgreSQL at {PG_URL} is not reachable: {exc!s:.200}"
            else:
                self.pg_template = name  # recorded first, so a failed migration is dropped too
                try:
                    upgrade(_pg_url(name))
                except BaseException:
                    self.drop()
                    raise
        if self.pg_error is not None:
            if IN_CI:
                pytest.fail(self.pg_error)
            pytest.skip(self.pg_error)
        assert self.pg_template is not None
        return self.pg_template

    def drop(self) -> None:
        if self.pg_template:
            name, self.pg_template = self.pg_template, None
            _drop_database(name)


def _drop_database(name: str) -> None:
    _pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def _templates(tmp_path_factory: pytest.TempPathFactory) -> Iterator[_Templates]:
    templates = _Templates(tmp_path_factory.mktemp("db-templates"))
    yield templates
    templates.drop()


@contextmanager
def fresh_database(
    backend: str, templates: _Templates, tmp: Path, prefix: str = "hojo_t"
) -> Iterator[str]:
    """The URL of a migrated database copied from the template: a SQLite file in ``tmp``, or a
    PostgreSQL database of this test process (``<prefix>_<worker>_<hex>``) dropped afterwards."""
    if backend == "sqlite":
        path = tmp / "hojo.db"
        shutil.copyfile(templates.sqlite(), path)
        yield f"sqlite:///{path}"
        return
    template = templates.postgres()
    name = _db_name(prefix)
    _pg_admin(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    try:
        yield _pg_url(name)
    finally:
        _drop_database(name)


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, _templates: _Templates, tmp_path: Path) -> Iterator[str]:
    """A fresh, migrated database for one test, on each backend in turn."""
    with fresh_database(request.param, _templates, tmp_path) as url:
        yield url


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    eng = make_engine(db_url)
    yield eng
    eng.dispose()


@pytest.fixture
def session_factory(engine: Engine) -> sessionmaker[Session]:
    return make_session_factory(engine)


@pytest.fixture
def settings(db_url: str, tmp_path: Path) -> Settings:
    return Settings(
        data_dir=tmp_path,
        database_url=db_url,
        secret_key="test-secret-key-for-hojo-" + "x" * 24,
        max_failed_logins=5,
    )
