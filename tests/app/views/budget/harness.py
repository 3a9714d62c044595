"""The 예산편성 tests' names for the shared server harness (``tests/app/server_harness.py``):
a real ``hojo-server`` child over ``seed-demo``'s government and contexts signed in to it."""

from __future__ import annotations

from tests.app.server_harness import (
    DEPT_BUDGET,
    GOV,
    PASSWORD,
    ROOT,
    make_context,
    server_env,
    server_process,
)
from tests.app.server_harness import DemoServer as ServerProcess

__all__ = [
    "DEPT_BUDGET",
    "GOV",
    "PASSWORD",
    "ROOT",
    "ServerProcess",
    "make_context",
    "server_env",
    "server_process",
]
