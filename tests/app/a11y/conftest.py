"""Fixtures: a real demo server child process and signed-in contexts (tests/app/views/adjust),
and Qt's accessibility active as under a screen reader (``screen_reader``)."""

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from tests.app.a11y.screen_reader import screen_reader_active
from tests.app.views.adjust.harness import demo_server, make_context

__all__ = ["demo_server", "make_context", "screen_reader"]


@pytest.fixture
def screen_reader(qapp: QApplication) -> Iterator[None]:
    """Qt's accessibility active for the test (see ``screen_reader_active``)."""
    with screen_reader_active():
        yield
