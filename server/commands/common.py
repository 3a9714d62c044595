"""What the ``hojo-server`` commands share: exit codes, the error they raise, the database
(SQLite migrated on first use), the audit actor and JSON on stdout."""

from __future__ import annotations

import json
import logging
import sys
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from server.config import Settings, load_settings

log = logging.getLogger("hojo.cli")

OK, PROBLEM, USAGE = 0, 1, 2
CLI_ACTOR_LOGIN = "cli"


class CliError(Exception):
    """A problem to report on stderr (exit 1, or 2 for a usage problem)."""

    def __init__(self, message: str, code: int = PROBLEM) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


def settings() -> Settings:
    return load_settings()


def session_factory(settings: Settings) -> sessionmaker[Session]:
    from server.db import make_engine, make_session_factory
    from server.migrate import upgrade

    if settings.is_sqlite:
        upgrade(settings.database_url)
    return make_session_factory(make_engine(settings.database_url))


def actor() -> Any:
    from server.audit.service import Actor

    return Actor(None, CLI_ACTOR_LOGIN)


def print_json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")
    sys.stdout.flush()
