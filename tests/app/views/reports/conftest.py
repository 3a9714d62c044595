"""Fixtures: a real demo server child process and signed-in contexts (see ``harness``)."""

from tests.app.views.adjust.harness import demo_server, make_context

__all__ = ["demo_server", "make_context"]
