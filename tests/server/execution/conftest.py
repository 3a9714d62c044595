"""Fixtures of the execution API tests: the seeded execution set-up (``env``) and a client of
the app on the test database (``client``)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from server.app import create_app
from server.config import Settings
from server.db import unit_of_work
from tests.server.execution.env import ExecEnv, build


@pytest.fixture
def env(settings: Settings, session_factory: sessionmaker[Session]) -> ExecEnv:
    with unit_of_work(session_factory) as s:
        return build(s, settings)


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings)) as c:
        yield c
