"""The execution chain through the API, on SQLite and PostgreSQL: 배정, 원인행위 limits, 결의,
지급명령 with separation of duties, 지급, 반려/취소 releasing exactly once, idempotency."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from server.audit.service import verify_all
from server.config import Settings
from server.db import unit_of_work
from tests.server.execution.env import ExecEnv, post


def _line(client: TestClient, env: ExecEnv) -> dict[str, Any]:
    r = client.get(f"/api/v1/execution/lines/{env.line_id}", headers=env.headers["auditor"])
    assert r.status_code == 200, r.text
    data: dict[str, Any] = r.json()
    return data


def _allot(client: TestClient, env: ExecEnv, amount: int, quarter: int = 1) -> None:
    r = post(client, f"/lines/{env.line_id}/allotments", env.headers["budget"],
             {"quarter": quarter, "amount": amount})  # fmt: skip
    assert r.status_code == 201, r.text


def test_allotment_within_budget_and_shown_by_quarter(client: TestClient, env: ExecEnv) -> None:
    _allot(client, env, 3_000_000, 1)
    _allot(client, env, 2_000_000, 2)
    line = _line(client, env)
    assert line["budget"] == 10_000_000 and line["allotted"] == 5_000_000
    assert line["allotment_left"] == 5_000_000 and line["unallotted"] == 5_000_000
    assert line["by_quarter"] == {"1": 3_000_000, "2": 2_000_000}
    r = post(client, f"/lines/{env.line_id}/allotments", env.headers["budget"],
             {"quarter": 3, "amount": 5_000_001})  # fmt: skip
    assert r.status_code == 409 and "배정액이 예산을 넘습니다" in r.json()["detail"]
    r = post(client, f"/lines/{env.line_id}/allotments", env.headers["staff"],
             {"quarter": 3, "amount": 1})  # fmt: skip
    assert r.status_code == 403


def test_the_whole_chain_and_separation_of_duties(
    client: TestClient, env: ExecEnv, session_factory: sessionmaker[Session]
) -> None:
    _allot(client, env, 1_000_000)
    h = env.headers
    req = post(client, "/requests", h["staff"], {"line_id": str(env.line_id), "amount": 900_000,
                                                 "title": "사무용품 구입"})  # fmt: skip
    assert req.status_code == 201, req.text
    ob = post(client, "/obligations", h["finance"],
              {"parent_id": req.json()["id"], "amount": 1_000_000})  # fmt: skip
    assert ob.status_code == 409 and "품의의 남은 금액이 부족합니다" in ob.json()["detail"]
    ob = post(
        client, "/obligations", h["finance"], {"parent_id": req.json()["id"], "amount": 800_000}
    )
    assert ob.status_code == 201, ob.text
    over = post(
        client, "/obligations", h["finance"], {"line_id": str(env.line_id), "amount": 200_001}
    )
    assert over.status_code == 409 and "배정 잔액이 부족합니다" in over.json()["detail"]
    payee = client.post("/api/v1/execution/payees", headers=h["staff"], json={
        "name": "홍길동", "resident_number": "900101-1234567", "bank": "국민",
        "account_number": "123-45-678901"})  # fmt: skip
    assert payee.status_code == 201, payee.text
    assert payee.json()["account_masked"] == "***-**-**8901"
    res = post(client, "/resolutions", h["both"], {
        "parent_id": ob.json()["id"], "amount": 500_000, "income_type": "other",
        "payee_id": payee.json()["id"], "title": "강사료"})  # fmt: skip
    assert res.status_code == 201, res.text
    rj = res.json()
    assert (rj["income_tax"], rj["local_tax"], rj["net"]) == (40_000, 4_000, 456_000)
    too_much = post(
        client, "/resolutions", h["staff"], {"parent_id": ob.json()["id"], "amount": 300_001}
    )
    assert too_much.status_code == 409 and "남은 금액" in too_much.json()["detail"]
    # the writer of the 결의 may not order its payment, even holding the 지출원 role
    own = post(client, "/payment-orders", h["both"], {"parent_id": rj["id"]})
    assert own.status_code == 403, own.text
    assert "지출결의를 작성한 사람은" in own.json()["detail"]
    order = post(client, "/payment-orders", h["payer"], {"parent_id": rj["id"]})
    assert order.status_code == 201 and order.json()["net"] == 456_000
    again = post(client, "/payment-orders", h["payer2"], {"parent_id": rj["id"]})
    assert again.status_code == 409
    paid = post(client, "/payments", h["payer"], {"parent_id": order.json()["id"]})
    assert paid.status_code == 201, paid.text
    line = _line(client, env)
    assert (line["obligated"], line["resolved"], line["ordered"], line["paid"]) == (
        800_000, 500_000, 500_000, 500_000)  # fmt: skip
    # an obligation with a live 결의 cannot be cancelled
    busy = post(client, f"/documents/{ob.json()['id']}/cancel", h["finance"], {"reason": "착오"})
    assert busy.status_code == 409 and "이어진 문서" in busy.json()["detail"]
    mine = client.get("/api/v1/execution/documents?mine=true&kind=resolution", headers=h["both"])
    assert [d["id"] for d in mine.json()["items"]] == [rj["id"]]
    with unit_of_work(session_factory, write=False) as s:
        assert verify_all(s) == []


def test_return_and_cancel_release_exactly_once(client: TestClient, env: ExecEnv) -> None:
    _allot(client, env, 1_000_000)
    h = env.headers
    ob = post(
        client, "/obligations", h["finance"], {"line_id": str(env.line_id), "amount": 600_000}
    )
    res = post(
        client, "/resolutions", h["staff"], {"parent_id": ob.json()["id"], "amount": 600_000}
    )
    assert res.status_code == 201
    key = "return-1"
    first = post(
        client, f"/documents/{res.json()['id']}/return", h["payer"], {"reason": "증빙 누락"}, key
    )
    assert first.status_code == 200 and first.json()["state"] == "반려"
    replay = post(
        client, f"/documents/{res.json()['id']}/return", h["payer"], {"reason": "증빙 누락"}, key
    )
    assert (replay.status_code, replay.json()) == (200, first.json())
    assert replay.headers["Idempotent-Replayed"] == "true"
    twice = post(client, f"/documents/{res.json()['id']}/cancel", h["staff"], {"reason": "다시"})
    assert twice.status_code == 409 and "이미 반려된" in twice.json()["detail"]
    line = _line(client, env)
    assert (line["obligated"], line["resolved"]) == (600_000, 0)
    cancel = post(
        client, f"/documents/{ob.json()['id']}/cancel", h["finance"], {"reason": "계약 취소"}
    )
    assert cancel.status_code == 200
    again = post(
        client, f"/documents/{ob.json()['id']}/cancel", h["finance"], {"reason": "계약 취소"}
    )
    assert again.status_code == 409
    line = _line(client, env)
    assert (line["obligated"], line["resolved"], line["allotment_left"]) == (0, 0, 1_000_000)
    # 일상경비 교부: obligates and resolves at once; its cancel releases both
    petty = post(
        client, "/petty-cash", h["finance"], {"line_id": str(env.line_id), "amount": 300_000}
    )
    assert petty.status_code == 201 and petty.json()["kind_label"] == "일상경비 교부"
    assert _line(client, env)["resolved"] == 300_000
    assert (
        post(
            client, f"/documents/{petty.json()['id']}/cancel", h["finance"], {"reason": "x"}
        ).status_code
        == 200
    )
    assert _line(client, env)["obligated"] == 0


def test_idempotency_key_rules(client: TestClient, env: ExecEnv) -> None:
    _allot(client, env, 100_000)
    h = env.headers["clerk"]
    body = {"line_id": str(env.line_id), "amount": 60_000}
    missing = client.post("/api/v1/execution/resolutions/with-obligation", json=body, headers=h)
    assert missing.status_code == 428 and "Idempotency-Key" in missing.json()["detail"]
    first = post(client, "/resolutions/with-obligation", h, body, "k-1")
    assert first.status_code == 201
    assert post(client, "/resolutions/with-obligation", h, body, "k-1").json() == first.json()
    other = post(client, "/resolutions/with-obligation", h, {**body, "amount": 1}, "k-1")
    assert other.status_code == 422 and other.json()["code"] == "idempotency_key_reused"
    refused = post(client, "/resolutions/with-obligation", h, body, "k-2")
    assert refused.status_code == 409 and "배정 잔액이 부족합니다" in refused.json()["detail"]
    replay = post(client, "/resolutions/with-obligation", h, body, "k-2")
    assert (replay.status_code, replay.json()) == (409, refused.json())
    assert _line(client, env)["resolved"] == 60_000


def test_only_established_budgets_are_executed(
    client: TestClient, settings: Settings, session_factory: sessionmaker[Session]
) -> None:
    from tests.server.execution.env import seed_line
    from tests.server.factories import bearer, make_government, make_user

    with unit_of_work(session_factory) as s:
        make_government(s, "3510000")
        _d, _v, line_id = seed_line(s, "3510000", state="작성중")
        user = make_user(s, "3510000", "b", ["budget_office"])
        headers = bearer(settings, user, ["budget_office"])
    r = post(client, f"/lines/{line_id}/allotments", headers, {"quarter": 1, "amount": 1})
    assert r.status_code == 409 and "성립된 예산의 항목만" in r.json()["detail"]
