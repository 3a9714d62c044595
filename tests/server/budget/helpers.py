"""Building a version with programs and lines through the API."""

from __future__ import annotations

from typing import Any

from tests.server.structure.env import YEAR, Env

API = "/api/v1"


def program_chain(env: Env, dept: str, name: str) -> str:
    """정책 → 단위 → 세부 under ``dept``; returns the 세부사업 id."""
    parent = None
    for level, suffix in (("정책", "정책"), ("단위", "단위"), ("세부", "")):
        body: dict[str, Any] = {
            "fiscal_year": YEAR,
            "level": level,
            "name": f"{name}{suffix}",
            "department_id": env.dept_ids[dept],
        }
        if parent:
            body["parent_id"] = parent
        parent = env.ok(env.client.post(f"{API}/programs", json=body, headers=env.h("admin")), 201)[
            "id"
        ]
    assert parent is not None
    return parent


def new_version(env: Env, kind: str = "본예산") -> str:
    body = {"fiscal_year": YEAR, "kind": kind}
    resp = env.client.post(f"{API}/budget-versions", json=body, headers=env.h("budget_office"))
    return str(env.ok(resp, 201)["id"])


def add_line(
    env: Env,
    version: str,
    program: str,
    formula: str,
    funding: dict[str, int] | None = None,
    object_code: str = "201-01",
    account: str = "100",
) -> dict[str, Any]:
    body = {
        "account_code": account,
        "program_id": program,
        "object_code": object_code,
        "basis": [{"label": "○ 항목", "formula": formula}],
        "funding": funding if funding is not None else {},
    }
    resp = env.client.post(
        f"{API}/budget-versions/{version}/expenditure-lines", json=body, headers=env.h("dept_staff")
    )
    return dict(env.ok(resp, 201))


def add_revenue(
    env: Env, version: str, formula: str, item: str = "11104", account: str = "100"
) -> dict[str, Any]:
    body = {
        "account_code": account,
        "department_id": env.dept_ids["총무과"],
        "item_code": item,
        "basis": [{"label": "○ 수입", "formula": formula}],
    }
    resp = env.client.post(
        f"{API}/budget-versions/{version}/revenue-lines", json=body, headers=env.h("dept_staff")
    )
    return dict(env.ok(resp, 201))
