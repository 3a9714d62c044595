"""The OpenAPI document committed in the repository is the one the server serves."""

from __future__ import annotations

from fastapi.testclient import TestClient

from server.app import create_app
from server.config import Settings
from server.openapi import committed_document, render, served_document


def test_committed_openapi_matches_the_served_one() -> None:
    committed = committed_document()
    served = served_document()
    assert render(served) == render(committed), (
        "the API changed: regenerate with `python -m server.openapi --write` and commit it"
    )


def test_the_document_is_served_over_http(settings: Settings) -> None:
    with TestClient(create_app(settings)) as client:
        resp = client.get("/openapi.json")
    assert resp.status_code == 200
    assert render(resp.json()) == render(committed_document())
