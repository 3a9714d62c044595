"""One demo server process per test module (stoppable on its port), and contexts around it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.app.views.budget.harness import make_context
from tests.app.views.execution.harness import STAFF, RestartableServer, close_context


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RestartableServer]:
    running = RestartableServer(tmp_path_factory.mktemp("execution-server"))
    running.start()
    try:
        yield running
    finally:
        running.stop()


@pytest.fixture
def make_ctx(server: RestartableServer, tmp_path: Path) -> Iterator[Callable[..., Any]]:
    made: list[Any] = []

    def make(data_dir: Path | None = None, login: str = STAFF, **kwargs: Any) -> Any:
        ctx = make_context(server.url, data_dir or tmp_path / f"client-{login}", login=login,
                           **kwargs)  # fmt: skip
        made.append(ctx)
        return ctx

    yield make
    for ctx in made:
        close_context(ctx)
