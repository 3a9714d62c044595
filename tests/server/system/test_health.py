from __future__ import annotations

from fastapi.testclient import TestClient

from server.app import create_app
from server.config import API_VERSION, Settings


def test_health_needs_no_sign_in_and_reports_versions(settings: Settings) -> None:
    with TestClient(create_app(settings)) as client:
        resp = client.get("/api/v1/health")
    assert resp.status_code == 200
    body = resp.json()
    assert body["status"] == "ok"
    assert body["api_version"] == API_VERSION
    assert body["server_version"]


def test_unknown_route_is_a_korean_problem_document(settings: Settings) -> None:
    with TestClient(create_app(settings)) as client:
        resp = client.get("/api/v1/no-such-thing")
    assert resp.status_code == 404
    assert resp.headers["content-type"].startswith("application/problem+json")
    assert "찾을 수 없습니다" in resp.json()["detail"]


def test_oversized_body_is_refused_with_413(settings: Settings) -> None:
    with TestClient(create_app(settings)) as client:
        resp = client.post(
            "/api/v1/health",
            content=b"x" * 10,
            headers={"content-length": str(settings.max_body_bytes + 1)},
        )
    assert resp.status_code == 413
    assert "너무 큽니다" in resp.json()["detail"]


def test_chunked_body_without_length_is_refused_with_411(settings: Settings) -> None:
    """A body must declare its size, so an oversized one can be refused before it is read."""
    from dataclasses import replace

    small = replace(settings, max_body_bytes=1000)

    def chunks():  # type: ignore[no-untyped-def]
        for _ in range(10):
            yield b"x" * 500

    with TestClient(create_app(small)) as client:
        resp = client.post("/api/v1/auth/token", content=chunks())
    assert resp.status_code == 411
    assert "Content-Length" in resp.json()["detail"]
