"""GET /government: any signed-in user reads their own government, taken from the token."""

from __future__ import annotations

from tests.server.structure.env import ROLES, Env

API = "/api/v1"


def test_every_role_reads_its_own_government(env: Env) -> None:
    for role in ROLES:
        body = env.ok(env.client.get(f"{API}/government", headers=env.h(role)))
        assert body == {"code": "3500000", "name": "테스트구"}
    other = env.ok(env.client.get(f"{API}/government", headers=env.other))
    assert other == {"code": "3510000", "name": "다른구"}


def test_the_government_needs_a_sign_in(env: Env) -> None:
    assert env.client.get(f"{API}/government").status_code == 401
