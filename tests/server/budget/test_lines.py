from __future__ import annotations

import threading
from typing import Any

from tests.server.budget.helpers import API, add_line, new_version, program_chain
from tests.server.structure.env import Env


def test_line_crud_formula_funding_and_etag(env: Env) -> None:
    c = env.client
    version = new_version(env)
    program = program_chain(env, "총무과", "청사관리")
    body = {
        "account_code": "100",
        "program_id": program,
        "object_code": "201-01",
        "basis": [
            {"label": "○ 책자 제작", "formula": "35,000원*200부"},
            {
                "label": "○ 수당",
                "children": [
                    {"label": "-의장", "formula": "22,800,000원*1명"},
                    {"label": "-위원", "formula": "40,000원*19명*12월*80%"},
                ],
            },
            {"label": "※ 참고"},
        ],
        "funding": {"10": 10000, "90": 27096},
    }
    url = f"{API}/budget-versions/{version}/expenditure-lines"
    line = env.ok(c.post(url, json=body, headers=env.h("dept_staff")), 201)
    # 7,000 + (22,800 + ceil(7,296,000/1000)=7,296) = 37,096
    assert line["amount"] == 7000 + 22800 + 7296
    top = line["basis"]
    assert [t["amount"] for t in top] == [7000, 30096, 0]
    assert top[1]["children"][1]["amount_won"] == 7296000
    assert line["funding"] == {"10": 10000, "90": 27096}
    got = c.get(f"{API}/expenditure-lines/{line['id']}", headers=env.h("auditor"))
    assert got.headers["ETag"] == f'"{line["version"]}"'
    assert got.json()["basis"][1]["children"][0]["label"] == "-의장"

    lurl = f"{API}/expenditure-lines/{line['id']}"
    new = {"basis": [{"label": "○ 단가", "formula": "1,500원*3개"}], "funding": {"90": 5}}
    assert c.put(lurl, json=new, headers=env.h("dept_staff")).status_code == 428
    stale = c.put(lurl, json=new, headers=env.h("dept_staff", '"99"'))
    assert stale.status_code == 412
    etag = got.headers["ETag"]
    ok = c.put(lurl, json=new, headers=env.h("dept_staff", etag))
    assert ok.status_code == 200, ok.text
    assert ok.json()["amount"] == 5 and ok.json()["funding"] == {"90": 5}
    assert ok.headers["ETag"] != etag
    # the old ETag is now stale
    assert c.put(lurl, json=new, headers=env.h("dept_staff", etag)).status_code == 412
    # 재원 split must sum to the amount
    bad = c.put(
        lurl, json={**new, "funding": {"90": 4}}, headers=env.h("dept_staff", ok.headers["ETag"])
    )
    assert bad.status_code == 400 and bad.json()["code"] == "funding_mismatch"
    assert "재원 합계 4천원" in bad.json()["detail"] and "차이 -1천원" in bad.json()["detail"]
    # unknown object code / duplicate key
    dup = c.post(url, json=body, headers=env.h("dept_staff"))
    assert dup.status_code == 409
    wrong = c.post(url, json={**body, "object_code": "999-99"}, headers=env.h("dept_staff"))
    assert wrong.status_code == 400 and wrong.json()["errors"][0]["field"] == "object_code"
    # roles: auditor and budget_office cannot write lines; other government: 404
    assert c.put(lurl, json=new, headers=env.h("auditor", ok.headers["ETag"])).status_code == 403
    assert c.get(lurl, headers=env.other).status_code == 404
    assert c.get(url, headers=env.other).status_code == 404
    headers = {**env.other, "If-Match": ok.headers["ETag"]}
    adj = {"amount": 1, "reason": "x"}
    assert c.post(f"{lurl}/adjust", json=adj, headers=headers).status_code == 404
    # delete with If-Match
    assert c.delete(lurl, headers=env.h("dept_staff")).status_code == 428
    assert c.delete(lurl, headers=env.h("dept_staff", ok.headers["ETag"])).status_code == 204
    assert c.get(lurl, headers=env.h("auditor")).status_code == 404


def test_bad_formula_names_item_and_position(env: Env) -> None:
    version = new_version(env)
    program = program_chain(env, "총무과", "청사관리")
    body = {
        "account_code": "100",
        "program_id": program,
        "object_code": "201-01",
        "basis": [
            {"label": "○ 정상", "formula": "1,000원*2회"},
            {
                "label": "○ 묶음",
                "children": [{"label": "-오류", "formula": "1,500,000원(최대금액)"}],
            },
        ],
        "funding": {},
    }
    resp = env.client.post(
        f"{API}/budget-versions/{version}/expenditure-lines", json=body, headers=env.h("dept_staff")
    )
    assert resp.status_code == 422
    problem = resp.json()
    assert problem["code"] == "formula_invalid"
    err = problem["errors"][0]
    assert err["field"] == "basis[1].children[0].formula"
    assert err["position"] == 10
    assert "2번째 '○ 묶음' > 1번째 '-오류'" in err["message"]
    assert "11번째 글자" in err["message"]


def test_flagged_imported_item_is_kept_verbatim(env: Env, session_factory: Any) -> None:
    import uuid

    from sqlalchemy import select

    from server.models import BasisItem

    version = new_version(env)
    program = program_chain(env, "총무과", "청사관리")
    line = add_line(env, version, program, "1,000원*3회", {"90": 3})
    with session_factory() as s:
        item = s.scalar(
            select(BasisItem).where(BasisItem.expenditure_line_id == uuid.UUID(line["id"]))
        )
        item.formula = "1,500,000원(최대금액)"
        item.amount = 1500
        item.flag = "계산할 수 없는 산출근거식"
        s.commit()
        item_id = str(item.id)
    lurl = f"{API}/expenditure-lines/{line['id']}"
    got = env.client.get(lurl, headers=env.h("dept_staff"))
    kept = got.json()["basis"][0]
    assert kept["flag"] and kept["formula"] == "1,500,000원(최대금액)" and kept["amount"] == 1500
    # sent back unchanged with its id: preserved; the new sibling is computed
    put = {
        "basis": [
            {"id": item_id, "label": kept["label"], "formula": kept["formula"]},
            {"label": "○ 추가", "formula": "2,000원"},
        ],
        "funding": {"90": 1502},
    }
    ok = env.client.put(lurl, json=put, headers=env.h("dept_staff", got.headers["ETag"]))
    assert ok.status_code == 200, ok.text
    assert ok.json()["amount"] == 1502
    assert ok.json()["basis"][0]["id"] == item_id and ok.json()["basis"][0]["flag"]
    # the same bad formula without the stored item's id is refused
    put["basis"][0].pop("id")
    again = env.client.put(lurl, json=put, headers=env.h("dept_staff", ok.headers["ETag"]))
    assert again.status_code == 422


def test_list_pagination_include_basis_and_filters(env: Env) -> None:
    version = new_version(env)
    p1 = program_chain(env, "총무과", "가")
    p2 = program_chain(env, "복지과", "나")
    codes = ["201-01", "201-02", "201-03", "202-01", "203-01"]
    for code in codes:
        add_line(env, version, p1, "1,000원", {"90": 1}, object_code=code)
    for code in codes[:2]:
        add_line(env, version, p2, "2,000원", {"90": 2}, object_code=code)
    url = f"{API}/budget-versions/{version}/expenditure-lines"
    first = env.ok(env.client.get(f"{url}?limit=4&include=basis", headers=env.h("auditor")))
    assert len(first["items"]) == 4 and first["items"][0]["basis"][0]["amount"] == 1
    rest = env.ok(
        env.client.get(f"{url}?limit=4&cursor={first['next_cursor']}", headers=env.h("auditor"))
    )
    assert len(rest["items"]) == 3 and rest["next_cursor"] is None
    assert rest["items"][0]["basis"] is None
    ids = {i["id"] for i in first["items"] + rest["items"]}
    assert len(ids) == 7
    by_dept = env.ok(
        env.client.get(f"{url}?department_id={env.dept_ids['복지과']}", headers=env.h("auditor"))
    )
    assert {i["program_id"] for i in by_dept["items"]} == {p2}
    assert (
        len(env.ok(env.client.get(f"{url}?program_id={p1}", headers=env.h("auditor")))["items"])
        == 5
    )
    assert env.client.get(f"{url}?limit=5000", headers=env.h("auditor")).status_code == 200
    assert env.client.get(f"{url}?limit=5001", headers=env.h("auditor")).status_code == 422


def test_two_writers_one_wins_the_other_gets_412(env: Env) -> None:
    version = new_version(env)
    program = program_chain(env, "총무과", "청사관리")
    line = add_line(env, version, program, "1,000원", {"90": 1})
    lurl = f"{API}/expenditure-lines/{line['id']}"
    etag = env.client.get(lurl, headers=env.h("dept_staff")).headers["ETag"]
    barrier = threading.Barrier(2)
    results: list[int] = []

    def write(n: int) -> None:
        body = {"basis": [{"label": f"○ {n}", "formula": f"{n},000원"}], "funding": {"90": n}}
        barrier.wait()
        resp = env.client.put(lurl, json=body, headers=env.h("dept_staff", etag))
        results.append(resp.status_code)

    threads = [threading.Thread(target=write, args=(n,)) for n in (2, 3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == [200, 412], results
    final = env.ok(env.client.get(lurl, headers=env.h("auditor")))
    assert final["amount"] in (2, 3) and final["funding"] == {"90": final["amount"]}
    assert len(final["basis"]) == 1


def test_revenue_rounds_down_and_expenditure_rounds_up(env: Env) -> None:
    """세입 is estimated conservatively (천원 미만 절사); 세출 rounds up (절상)."""
    from tests.server.budget.helpers import add_line, add_revenue, new_version, program_chain

    version = new_version(env)
    program = program_chain(env, "총무과", "반올림 확인")
    line = add_line(env, version, program, "1,234,001원", funding={"90": 1235})
    assert line["amount"] == 1235
    rev = add_revenue(env, version, "1,234,999원")
    assert rev["amount"] == 1234


def test_department_staff_change_only_their_own_department(
    env: Env, settings: Any, session_factory: Any
) -> None:
    """A 복지과 사업담당 cannot write or submit 총무과's budget; 총무과's own staff can."""
    import uuid

    from server.db import unit_of_work
    from tests.server.budget.helpers import new_version, program_chain
    from tests.server.factories import bearer, make_user

    version = new_version(env)
    program = program_chain(env, "총무과", "부서 범위 확인")
    with unit_of_work(session_factory) as s:
        welfare = make_user(
            s,
            "3500000",
            "welfare_staff",
            ["dept_staff", "dept_budget"],
            department_id=uuid.UUID(env.dept_ids["복지과"]),
        )
        general = make_user(
            s,
            "3500000",
            "general_staff",
            ["dept_staff"],
            department_id=uuid.UUID(env.dept_ids["총무과"]),
        )
        h_welfare = bearer(settings, welfare, ["dept_staff", "dept_budget"])
        h_general = bearer(settings, general, ["dept_staff"])
    body = {
        "account_code": "100",
        "program_id": program,
        "object_code": "201-01",
        "basis": [{"label": "○ 사무용품", "formula": "10,000원*3개"}],
        "funding": {"90": 30},
    }
    url = f"/api/v1/budget-versions/{version}/expenditure-lines"
    refused = env.client.post(url, json=body, headers=h_welfare)
    assert refused.status_code == 403
    assert "다른 부서" in refused.json()["detail"]
    created = env.ok(env.client.post(url, json=body, headers=h_general), 201)
    assert created["amount"] == 30
    req = env.client.get(f"/api/v1/budget-versions/{version}/requests/{program}", headers=h_general)
    submit = env.client.post(
        f"/api/v1/budget-versions/{version}/requests/{program}/submit",
        headers={**h_welfare, "If-Match": req.headers["ETag"]},
    )
    assert submit.status_code == 403
