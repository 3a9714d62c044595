"""One real server process per test module (seeded with the demo), and contexts around it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.app.views.budget.harness import ServerProcess, make_context, server_process


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    with server_process(tmp_path_factory.mktemp("server")) as running:
        yield running


@pytest.fixture
def make_ctx(server: ServerProcess, tmp_path: Path) -> Iterator[Callable[..., object]]:
    made: list[object] = []

    def make(data_dir: Path | None = None, **kwargs: object) -> object:
        ctx = make_context(server.url, data_dir or tmp_path / "client", **kwargs)  # type: ignore[arg-type]
        made.append(ctx)
        return ctx

    yield make
    for ctx in made:
        ctx.tasks.shutdown()  # type: ignore[attr-defined]
        ctx.session.transport.close()  # type: ignore[attr-defined]
        ctx.drafts.db.close()  # type: ignore[attr-defined]
