"""Fixtures of the user-administration tests: two governments, an admin and staff in A."""

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
from tests.server.factories import bearer, make_department, make_government, make_user

GOV_A = "3500000"
GOV_B = "3510000"


@dataclass(frozen=True)
class World:
    admin: dict[str, str]
    staff: dict[str, str]
    admin_b: dict[str, str]
    admin_id: uuid.UUID
    staff_id: uuid.UUID
    user_b_id: uuid.UUID
    dept_a: uuid.UUID
    dept_b: uuid.UUID


@pytest.fixture
def world(session_factory: sessionmaker[Session], settings: Settings) -> World:
    with unit_of_work(session_factory) as s:
        make_government(s, GOV_A, "가구")
        make_government(s, GOV_B, "나구")
        dept_a = make_department(s, GOV_A, "총무과")
        dept_b = make_department(s, GOV_B, "나구 총무과")
        admin = make_user(s, GOV_A, "admin", ["admin"])
        staff = make_user(s, GOV_A, "staff", ["dept_staff"], department_id=dept_a.id)
        admin_b = make_user(s, GOV_B, "adminb", ["admin"])
        return World(
            admin=bearer(settings, admin, ["admin"]),
            staff=bearer(settings, staff, ["dept_staff"]),
            admin_b=bearer(settings, admin_b, ["admin"]),
            admin_id=admin.id,
            staff_id=staff.id,
            user_b_id=admin_b.id,
            dept_a=dept_a.id,
            dept_b=dept_b.id,
        )


@pytest.fixture
def client(settings: Settings, engine: Engine, world: World) -> Iterator[TestClient]:
    with TestClient(create_app(settings, engine)) as c:
        yield c
