"""On SQLite and PostgreSQL: execution changes are in the change feed (``GET /changes``), so a
client that reads it knows execution data changed — 배정 (``allotment``), 품의·원인행위·결의
and their 취소 (``execution_document``) and 채주 (``payee``), each with its id, in order, and
a reader sees them after its cursor only."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.server.execution.env import ExecEnv, post


def _feed(client: TestClient, env: ExecEnv, since: int) -> dict[str, object]:
    r = client.get("/api/v1/changes", headers=env.headers["staff"], params={"since": since})
    assert r.status_code == 200, r.text
    data: dict[str, object] = r.json()
    return data


def test_execution_changes_are_in_the_change_feed(client: TestClient, env: ExecEnv) -> None:
    cursor = int(_feed(client, env, 0)["next_cursor"])  # type: ignore[call-overload]
    allot = post(client, f"/lines/{env.line_id}/allotments", env.headers["budget"],
                 {"quarter": 1, "amount": 500_000})  # fmt: skip
    assert allot.status_code == 201, allot.text
    payee = post(client, "/payees", env.headers["staff"],
                 {"name": "피드상회", "business_number": "124-81-00998"})  # fmt: skip
    assert payee.status_code == 201, payee.text
    body = {"line_id": str(env.line_id), "amount": 100_000, "title": "피드 품의"}
    request = post(client, "/requests", env.headers["staff"], body)
    assert request.status_code == 201, request.text
    ob = post(client, "/obligations", env.headers["finance"],
              {"parent_id": request.json()["id"], "line_id": str(env.line_id),
               "amount": 100_000, "title": "피드 원인행위"})  # fmt: skip
    assert ob.status_code == 201, ob.text
    cancelled = post(client, f"/documents/{ob.json()['id']}/cancel", env.headers["finance"],
                    {"reason": "피드 확인"})  # fmt: skip
    assert cancelled.status_code == 200, cancelled.text

    feed = _feed(client, env, cursor)
    items = feed["items"]
    assert isinstance(items, list)
    seen = [(i["entity_type"], i["entity_id"]) for i in items]
    assert ("allotment", allot.json()["id"]) in seen
    assert ("payee", payee.json()["id"]) in seen
    docs = [e for t, e in seen if t == "execution_document"]
    assert docs.count(request.json()["id"]) == 1
    assert docs.count(ob.json()["id"]) == 2  # made, then cancelled
    assert [i["seq"] for i in items] == sorted(i["seq"] for i in items)
    # after the last cursor: nothing more
    assert _feed(client, env, int(feed["next_cursor"]))["items"] == []  # type: ignore[call-overload]
