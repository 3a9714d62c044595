from __future__ import annotations

from typing import Any

from tests.server.budget.helpers import (
    API,
    add_line,
    add_revenue,
    new_version,
    program_chain,
)
from tests.server.structure.env import Env


def _etag(env: Env, url: str) -> str:
    return str(env.client.get(url, headers=env.h("auditor")).headers["ETag"])


def _post(env: Env, url: str, role: str, etag_url: str, json: Any = None) -> Any:
    return env.client.post(url, json=json, headers=env.h(role, _etag(env, etag_url)))


def test_full_cycle_to_first_supplementary(env: Env) -> None:
    c = env.client
    v = new_version(env)
    vurl = f"{API}/budget-versions/{v}"
    p1 = program_chain(env, "총무과", "청사관리")
    p2 = program_chain(env, "복지과", "경로당")
    l1 = add_line(env, v, p1, "1,000,000원*3회", {"10": 1000, "90": 2000})
    l2 = add_line(env, v, p2, "500,000원*2회", {"90": 1000})
    rev = add_revenue(env, v, "3,500,000원")
    # 확정 refused: 세부사업 still 작성중 and 회계 100 out of balance (names the difference)
    refused = _post(env, f"{vurl}/confirm", "budget_office", vurl)
    assert refused.status_code == 409
    detail = refused.json()["detail"]
    assert "일반회계(100)" in detail and "차이 -500천원" in detail
    assert "청사관리" in detail and "경로당" in detail and "작성중" in detail
    # submit: dept_staff may not; dept_budget submits one 세부사업 and then a whole 부서
    r1 = f"{vurl}/requests/{p1}"
    assert _post(env, f"{r1}/submit", "dept_staff", r1).status_code == 403
    assert c.post(f"{r1}/submit", headers=env.h("dept_budget")).status_code == 428
    ok = _post(env, f"{r1}/submit", "dept_budget", r1)
    assert ok.status_code == 200 and ok.json()["state"] == "요구"
    line1 = env.ok(c.get(f"{API}/expenditure-lines/{l1['id']}", headers=env.h("auditor")))
    assert line1["requested_amount"] == 3000
    # a submitted 세부사업's lines are locked for the department
    put = {"basis": [{"label": "x", "formula": "1,000원"}], "funding": {"90": 1}}
    locked = c.put(
        f"{API}/expenditure-lines/{l1['id']}",
        json=put,
        headers=env.h("dept_staff", f'"{line1["version"]}"'),
    )
    assert locked.status_code == 409 and "요구" in locked.json()["detail"]
    # 반려 and resubmit
    back = _post(env, f"{r1}/return", "budget_office", r1)
    assert back.status_code == 200 and back.json()["state"] == "작성중"
    dept = {"department_id": env.dept_ids["총무과"]}
    moved = _post(env, f"{vurl}/requests/submit-department", "dept_budget", vurl, dept)
    assert moved.status_code == 200 and [r["state"] for r in moved.json()] == ["요구"]
    dept2 = {"department_id": env.dept_ids["복지과"]}
    assert (
        _post(env, f"{vurl}/requests/submit-department", "dept_budget", vurl, dept2).status_code
        == 200
    )
    # 조정: dept_staff cannot; a reason is required; budget_office cuts line 2 by 500
    a_url = f"{API}/expenditure-lines/{l2['id']}"
    adj = {"amount": 500, "reason": "단가 조정"}
    assert _post(env, f"{a_url}/adjust", "dept_staff", a_url, adj).status_code == 403
    no_reason = _post(env, f"{a_url}/adjust", "budget_office", a_url, {"amount": 500, "reason": ""})
    assert no_reason.status_code == 422
    adjusted = _post(env, f"{a_url}/adjust", "budget_office", a_url, adj)
    assert adjusted.status_code == 200, adjusted.text
    assert adjusted.json()["adjusted_amount"] == 500 and adjusted.json()["funding"] == {"90": 500}
    detail_v = env.ok(c.get(vurl, headers=env.h("auditor")))
    assert detail_v["state_counts"] == {"요구": 1, "조정": 1}
    # 확정 still refused: 세입 3,500 vs 세출 3,500? yes → balances now
    confirmed = _post(env, f"{vurl}/confirm", "budget_office", vurl)
    assert confirmed.status_code == 200, confirmed.text
    assert confirmed.json()["state"] == "확정"
    # 의결: a raise is refused naming the line; a cut is kept, others keep 조정액
    raise_ = {"lines": [{"line_id": l1["id"], "amount": 3001}]}
    refused = _post(env, f"{vurl}/adopt", "budget_office", vurl, raise_)
    assert refused.status_code == 400 and "100/201-01" in refused.json()["detail"]
    assert "3,001천원" in refused.json()["detail"] and "감액만" in refused.json()["detail"]
    assert refused.json()["errors"][0]["field"] == "lines[0].amount"
    cut = {
        "lines": [
            {"line_id": l1["id"], "amount": 2900, "funding": {"10": 1000, "90": 1900}},
            {"line_id": rev["id"], "amount": 3400},
        ]
    }
    adopted = _post(env, f"{vurl}/adopt", "budget_office", vurl, cut)
    assert adopted.status_code == 200, adopted.text
    assert adopted.json()["state"] == "의결"
    established = _post(env, f"{vurl}/establish", "budget_office", vurl)
    assert established.status_code == 200 and established.json()["state"] == "성립"
    assert established.json()["confirmed_on"]
    h1 = env.ok(c.get(f"{API}/expenditure-lines/{l1['id']}", headers=env.h("auditor")))
    assert (h1["requested_amount"], h1["adjusted_amount"], h1["adopted_amount"], h1["amount"]) == (
        3000,
        3000,
        2900,
        2900,
    )
    h2 = env.ok(c.get(a_url, headers=env.h("auditor")))
    assert (h2["requested_amount"], h2["adjusted_amount"], h2["adopted_amount"]) == (1000, 500, 500)
    assert h2["adjust_reason"] == "단가 조정"
    # 제1회추경: 기정액 = 성립 amounts, new amount starts equal, basis and 재원 copied
    assert c.post(f"{vurl}/supplementary", headers=env.h("dept_budget")).status_code == 403
    supp = c.post(f"{vurl}/supplementary", headers=env.h("budget_office"))
    assert supp.status_code == 201, supp.text
    s = supp.json()
    assert s["kind"] == "제1회추경" and s["state"] == "작성중" and s["base_version_id"] == v
    lines = env.ok(
        c.get(
            f"{API}/budget-versions/{s['id']}/expenditure-lines?include=basis",
            headers=env.h("auditor"),
        )
    )["items"]
    by_prog = {x["program_id"]: x for x in lines}
    assert by_prog[p1]["base_amount"] == by_prog[p1]["amount"] == 2900
    assert by_prog[p1]["funding"] == by_prog[p1]["funding_base"] == {"10": 1000, "90": 1900}
    assert by_prog[p2]["base_amount"] == 500
    assert by_prog[p1]["basis"][0]["formula"] == "1,000,000원*3회"
    assert by_prog[p1]["requested_amount"] is None
    revs = env.ok(c.get(f"{API}/budget-versions/{s['id']}/revenue-lines", headers=env.h("auditor")))
    assert revs["items"][0]["base_amount"] == 3400
    sd = env.ok(c.get(f"{API}/budget-versions/{s['id']}", headers=env.h("auditor")))
    assert sd["state_counts"] == {"작성중": 2}
    # the 추경 line can be revised; 기정 stays
    sline = by_prog[p2]
    put = {"basis": [{"label": "○ 증액", "formula": "700,000원"}], "funding": {"90": 700}}
    revised = c.put(
        f"{API}/expenditure-lines/{sline['id']}",
        json=put,
        headers=env.h("dept_staff", f'"{sline["version"]}"'),
    )
    assert revised.status_code == 200, revised.text
    assert revised.json()["base_amount"] == 500 and revised.json()["amount"] == 700
    assert revised.json()["funding_base"] == {"90": 500}
    # a second 추경 cannot start from the 본예산 any more
    assert c.post(f"{vurl}/supplementary", headers=env.h("budget_office")).status_code == 409
    # every change was audited
    from_audit = c.get(f"{API}/budget-versions?year=2024", headers=env.h("auditor"))
    assert [x["kind"] for x in from_audit.json()] == ["본예산", "제1회추경"]


def test_version_rules_and_other_government(env: Env, session_factory: Any) -> None:
    from sqlalchemy import func, select

    from server.audit.service import verify
    from server.models import AuditEvent

    c = env.client
    v = new_version(env)
    body = {"fiscal_year": 2024, "kind": "본예산"}
    dup = c.post(f"{API}/budget-versions", json=body, headers=env.h("budget_office"))
    assert dup.status_code == 409
    assert c.post(f"{API}/budget-versions", json=body, headers=env.h("auditor")).status_code == 403
    vurl = f"{API}/budget-versions/{v}"
    assert c.get(vurl, headers=env.other).status_code == 404
    assert c.get(f"{API}/budget-versions", headers=env.other).json() == []
    assert c.post(f"{vurl}/supplementary", headers=env.other).status_code == 404
    # 추경 only from 성립
    assert c.post(f"{vurl}/supplementary", headers=env.h("budget_office")).status_code == 409
    # establish out of order
    bad = c.post(f"{vurl}/establish", headers=env.h("budget_office", _etag(env, vurl)))
    assert bad.status_code in (400, 409) and "작성중" in bad.json()["detail"]
    # next year: programs and lines copied, amounts as base
    p = program_chain(env, "총무과", "청사관리")
    add_line(env, v, p, "1,000,000원", {"90": 1000})
    nxt = c.post(f"{vurl}/next-year", headers=env.h("budget_office"))
    assert nxt.status_code == 201, nxt.text
    assert nxt.json()["fiscal_year"] == 2025 and nxt.json()["kind"] == "본예산(안)"
    items = env.ok(
        c.get(
            f"{API}/budget-versions/{nxt.json()['id']}/expenditure-lines", headers=env.h("auditor")
        )
    )["items"]
    assert items[0]["base_amount"] == 1000 and items[0]["fiscal_year"] == 2025
    assert items[0]["program_id"] != p
    progs = env.ok(c.get(f"{API}/programs?year=2025", headers=env.h("auditor")))["items"]
    assert {x["level"] for x in progs} == {"정책", "단위", "세부"}
    assert c.post(f"{vurl}/next-year", headers=env.h("budget_office")).status_code == 409
    with session_factory() as s:
        assert verify(s, "3500000") == []
        n = s.scalar(
            select(func.count())
            .select_from(AuditEvent)
            .where(AuditEvent.government_code == "3500000")
        )
        assert n and n >= 6
