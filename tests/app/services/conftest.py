"""Fixtures of the client service tests: one real server per module, and a client for it."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import httpx
import pytest

from app.services.api.session import Session
from app.services.api.transport import Transport
from tests.app.services.harness import RunningServer, running_server


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    with running_server(tmp_path_factory.mktemp("server")) as running:
        yield running


class Wire:
    """Every request the client puts on the wire (method, path), for counting refreshes."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, str]] = []

    def __call__(self, request: httpx.Request) -> None:
        self.sent.append((request.method, request.url.path))

    def count(self, path_end: str) -> int:
        return sum(1 for _, path in self.sent if path.endswith(path_end))


@pytest.fixture
def wire() -> Wire:
    return Wire()


@pytest.fixture
def make_session(server: RunningServer, wire: Wire) -> Iterator[Callable[..., Session]]:
    transports: list[Transport] = []

    def make(**kwargs: object) -> Session:
        transport = Transport(server.url, on_request=wire, timeout=10)
        transports.append(transport)
        return Session(transport, **kwargs)  # type: ignore[arg-type]

    yield make
    for transport in transports:
        transport.close()
