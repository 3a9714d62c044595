"""Fixtures of the AT-SPI suite: one real client (and one probe) per test module; for the Orca
transcripts, one Orca + client per module (replaced by a fresh one when a task is retried)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.a11y.harness import Hojo, Probe, require_session, start_client
from tests.a11y.orca_harness import Sessions

_started = time.monotonic()


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Hojo, Probe]]:
    require_session()
    tmp: Path = tmp_path_factory.mktemp("hojo")
    yield from start_client(tmp)


@pytest.fixture(scope="module")
def sessions(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Sessions]:
    require_session(orca=True)
    pool = Sessions(tmp_path_factory)
    try:
        yield pool
    finally:
        pool.close()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    seconds = time.monotonic() - _started
    terminalreporter.write_line(f"[a11y] AT-SPI suite and Orca transcripts took {seconds:.1f} s")
