from __future__ import annotations

from tests.server.structure.env import YEAR, Env

API = "/api/v1"


def test_departments_crud_with_etag(env: Env) -> None:
    c = env.client
    body = env.ok(
        c.post(f"{API}/departments", json={"name": "세무과"}, headers=env.h("admin")), 201
    )
    dept_id = body["id"]
    dup = c.post(f"{API}/departments", json={"name": "세무과"}, headers=env.h("admin"))
    assert dup.status_code == 409 and "세무과" in dup.json()["detail"]
    resp = c.get(f"{API}/departments/{dept_id}", headers=env.h("auditor"))
    assert resp.headers["ETag"] == '"1"'
    url = f"{API}/departments/{dept_id}"
    assert c.patch(url, json={"name": "세무1과"}, headers=env.h("admin")).status_code == 428
    stale = c.patch(url, json={"name": "세무1과"}, headers=env.h("admin", '"7"'))
    assert stale.status_code == 412 and stale.json()["current_version"] == 1
    ok = c.patch(url, json={"name": "세무1과"}, headers=env.h("admin", '"1"'))
    assert ok.status_code == 200 and ok.headers["ETag"] == '"2"'
    names = [d["name"] for d in env.ok(c.get(f"{API}/departments", headers=env.h("dept_staff")))]
    assert "세무1과" in names
    # auditor cannot write; another government sees 404
    assert (
        c.post(f"{API}/departments", json={"name": "x"}, headers=env.h("auditor")).status_code
        == 403
    )
    assert c.get(url, headers=env.other).status_code == 404
    assert (
        c.patch(url, json={"name": "y"}, headers={**env.other, "If-Match": '"2"'}).status_code
        == 404
    )


def test_accounts_and_funding_sources(env: Env) -> None:
    c = env.client
    accs = env.ok(c.get(f"{API}/accounts?year={YEAR}", headers=env.h("auditor")))
    assert [a["code"] for a in accs] == ["100", "200"]
    env.ok(
        c.post(
            f"{API}/accounts",
            json={"fiscal_year": YEAR, "code": "300", "name": "상수도"},
            headers=env.h("budget_office"),
        ),
        201,
    )
    dup = c.post(
        f"{API}/accounts",
        json={"fiscal_year": YEAR, "code": "100", "name": "x"},
        headers=env.h("budget_office"),
    )
    assert dup.status_code == 409
    assert env.ok(c.get(f"{API}/accounts?year={YEAR}", headers=env.other)) == []
    srcs = env.ok(c.get(f"{API}/funding-sources?year={YEAR}", headers=env.h("dept_staff")))
    assert [s["name"] for s in srcs] == ["국고보조금", "광역보조금", "자체재원"]
    env.ok(
        c.post(
            f"{API}/funding-sources",
            json={"fiscal_year": YEAR, "code": "95", "name": "지방채"},
            headers=env.h("admin"),
        ),
        201,
    )
    bad = c.post(
        f"{API}/funding-sources",
        json={"fiscal_year": YEAR, "code": "96", "name": "지방채"},
        headers=env.h("admin"),
    )
    assert bad.status_code == 409 and "지방채" in bad.json()["detail"]
    denied = c.post(
        f"{API}/funding-sources",
        json={"fiscal_year": YEAR, "code": "97", "name": "기타"},
        headers=env.h("dept_staff"),
    )
    assert denied.status_code == 403


def _program(env: Env, level: str, name: str, dept: str, parent: str | None = None) -> dict:  # type: ignore[type-arg]
    body = {"fiscal_year": YEAR, "level": level, "name": name, "department_id": env.dept_ids[dept]}
    if parent:
        body["parent_id"] = parent
    return env.client.post(f"{API}/programs", json=body, headers=env.h("budget_office"))  # type: ignore[return-value]


def test_program_tree_rules_and_listing(env: Env) -> None:
    c = env.client
    pol = env.ok(_program(env, "정책", "행정운영경비", "총무과"), 201)
    unit = env.ok(_program(env, "단위", "기본경비", "총무과", pol["id"]), 201)
    det = env.ok(_program(env, "세부", "동 행정복지센터 운영", "총무과", unit["id"]), 201)
    assert det["parent_id"] == unit["id"]
    # parent one level up, same 부서
    wrong = _program(env, "세부", "x", "총무과", pol["id"])
    assert wrong.status_code == 400 and "단위사업" in wrong.json()["detail"]
    assert wrong.json()["errors"][0]["field"] == "parent_id"
    other_dept = _program(env, "세부", "y", "복지과", unit["id"])
    assert other_dept.status_code == 400 and "같은 부서" in other_dept.json()["detail"]
    assert _program(env, "단위", "z", "총무과").status_code == 400
    # same name in another 부서 is another program; same name in the same 부서 is refused
    pol2 = env.ok(_program(env, "정책", "행정운영경비", "복지과"), 201)
    unit2 = env.ok(_program(env, "단위", "기본경비", "복지과", pol2["id"]), 201)
    env.ok(_program(env, "세부", "동 행정복지센터 운영", "복지과", unit2["id"]), 201)
    assert _program(env, "정책", "행정운영경비", "총무과").status_code == 409
    # listing: filters and cursor pagination
    page = env.ok(c.get(f"{API}/programs?year={YEAR}&limit=2", headers=env.h("auditor")))
    assert len(page["items"]) == 2 and page["next_cursor"]
    seen = [p["id"] for p in page["items"]]
    while page["next_cursor"]:
        page = env.ok(
            c.get(
                f"{API}/programs?year={YEAR}&limit=2&cursor={page['next_cursor']}",
                headers=env.h("auditor"),
            )
        )
        seen += [p["id"] for p in page["items"]]
    assert len(seen) == len(set(seen)) == 6
    only = env.ok(
        c.get(
            f"{API}/programs?level=세부&department_id={env.dept_ids['복지과']}",
            headers=env.h("auditor"),
        )
    )
    assert len(only["items"]) == 1
    found = env.ok(c.get(f"{API}/programs?q=행정복지", headers=env.h("auditor")))
    assert len(found["items"]) == 2
    kids = env.ok(c.get(f"{API}/programs?parent_id={pol['id']}", headers=env.h("auditor")))
    assert [p["id"] for p in kids["items"]] == [unit["id"]]
    # patch with If-Match; another government: 404, empty list
    url = f"{API}/programs/{det['id']}"
    assert (
        c.patch(
            url, json={"committee": "기획행정위원회"}, headers=env.h("budget_office")
        ).status_code
        == 428
    )
    ok = c.patch(url, json={"committee": "기획행정위원회"}, headers=env.h("budget_office", '"1"'))
    assert ok.status_code == 200 and ok.json()["committee"] == "기획행정위원회"
    assert c.get(url, headers=env.other).status_code == 404
    assert env.ok(c.get(f"{API}/programs", headers=env.other))["items"] == []


def test_code_lists_include_local_additions(env: Env, session_factory) -> None:  # type: ignore[no-untyped-def]
    from server.models import LocalCode

    with session_factory() as s:
        s.add(
            LocalCode(
                government_code="3500000",
                fiscal_year=YEAR,
                kind="object",
                code="201-09",
                name="지역코드",
            )
        )
        s.commit()
    objs = env.ok(env.client.get(f"{API}/codes/{YEAR}/objects", headers=env.h("auditor")))
    by_code = {o["code"]: o for o in objs}
    assert by_code["201-01"]["name"] == "사무관리비" and not by_code["201-01"]["local"]
    assert by_code["201-09"]["local"] and by_code["201-09"]["flagged"]
    other = env.ok(env.client.get(f"{API}/codes/{YEAR}/objects", headers=env.other))
    assert "201-09" not in {o["code"] for o in other}
    funcs = env.ok(env.client.get(f"{API}/codes/{YEAR}/functions", headers=env.h("auditor")))
    assert any(f["level"] == "부문" for f in funcs)
    rev = env.ok(env.client.get(f"{API}/codes/{YEAR}/revenue-items", headers=env.h("auditor")))
    assert any(r["code"] == "11102" for r in rev)
    assert env.client.get(f"{API}/codes/1990/objects", headers=env.h("auditor")).status_code == 404
