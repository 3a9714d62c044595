"""Fixtures of the auth tests: two governments with users, and a client on the test database."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from server.app import create_app
from server.config import Settings
from server.db import unit_of_work
from tests.server.factories import make_government, make_user

GOV_A = "3500000"
GOV_B = "3510000"


@dataclass(frozen=True)
class Seed:
    admin_a: uuid.UUID
    staff_a: uuid.UUID
    kim_a: uuid.UUID
    kim_b: uuid.UUID


@pytest.fixture
def seed(session_factory: sessionmaker[Session]) -> Seed:
    with unit_of_work(session_factory) as s:
        make_government(s, GOV_A, "가구")
        make_government(s, GOV_B, "나구")
        admin = make_user(s, GOV_A, "admin", ["admin"])
        staff = make_user(s, GOV_A, "staff", ["dept_staff"])
        kim_a = make_user(s, GOV_A, "kim", ["dept_budget"])
        kim_b = make_user(s, GOV_B, "kim", ["budget_office"])
        return Seed(admin.id, staff.id, kim_a.id, kim_b.id)


@pytest.fixture
def client(settings: Settings, engine: Engine, seed: Seed) -> Iterator[TestClient]:
    with TestClient(create_app(settings, engine)) as c:
        yield c
