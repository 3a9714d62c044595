"""Module-scoped setup shared by the real-data tests: one migrated database per backend with
both 인천 동구 2024 books imported through ``POST /imports`` (the import is the slow part, so
it runs once per backend per test module, not per test)."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from server.app import create_app
from server.budget_import import read_book
from server.config import Settings
from server.db import make_engine, make_session_factory
from tests.conftest import real_data_file
from tests.server.conftest import _Templates, fresh_database
from tests.server.factories import bearer, make_government, make_user

GOV = "3500000"  # a code for tests; not claimed to be 인천 동구's real 기관코드
GOV_NAME = "인천광역시 동구"
TIMINGS: dict[str, float] = {}


@dataclass
class Imported:
    backend: str
    settings: Settings
    client: TestClient
    headers: dict[str, str]
    factory: sessionmaker[Session]
    results: list[dict[str, Any]]
    files: dict[str, Path] = field(default_factory=dict)

    @property
    def version_id(self) -> str:
        return str(self.results[0]["version_id"])

    def session(self) -> Session:
        return self.factory()


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def donggu(
    request: pytest.FixtureRequest,
    _templates: _Templates,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[Imported]:
    """인천 동구 2024 세출 + 세입 imported over HTTP by a budget-office user."""
    files = {
        "expenditure": real_data_file("expenditure.xlsx"),
        "revenue": real_data_file("revenue.xlsx"),
    }
    backend: str = request.param
    tmp = tmp_path_factory.mktemp(f"donggu-{backend}")
    with fresh_database(backend, _templates, tmp, prefix="hojo_m") as url:
        engine = make_engine(url)
        factory = make_session_factory(engine)
        with factory() as s:
            make_government(s, GOV, GOV_NAME)
            user = make_user(s, GOV, "budget", ["budget_office"])
            s.commit()
        settings = Settings(data_dir=tmp, database_url=url, secret_key="k" * 48)
        headers = bearer(settings, user, ["budget_office"])
        results = []
        with TestClient(create_app(settings, engine)) as client:
            start = time.perf_counter()
            read_book(files["expenditure"])
            TIMINGS[f"{backend}: openpyxl read of 세출"] = time.perf_counter() - start
            for kind, path in files.items():
                start = time.perf_counter()
                resp = client.post(
                    "/api/v1/imports",
                    headers=headers,
                    files={"file": (path.name, path.read_bytes())},
                )
                TIMINGS[f"{backend}: POST /imports {kind}"] = time.perf_counter() - start
                assert resp.status_code == 201, resp.text
                results.append(resp.json())
            print(  # timings for the report (visible with -s)
                "\n".join(f"{k}: {v:.2f}s" for k, v in TIMINGS.items() if k.startswith(backend)),
                file=sys.stderr,
            )
            yield Imported(backend, settings, client, headers, factory, results, files)
        engine.dispose()
