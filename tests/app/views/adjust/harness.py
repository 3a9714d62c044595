"""The fixtures re-exported by the conftests of adjust/, revenue/, admin/, reports/ and a11y/:
the shared server harness (``tests/app/server_harness.py``) under the names they import."""

from __future__ import annotations

from tests.app.server_harness import PASSWORD as DEMO_PASSWORD
from tests.app.server_harness import (
    DemoServer,
    MakeContext,
    build_context,
    demo_server,
    dict_reader,
    start_demo_server,
)
from tests.app.server_harness import make_context_fixture as make_context

__all__ = [
    "DEMO_PASSWORD",
    "DemoServer",
    "MakeContext",
    "build_context",
    "demo_server",
    "dict_reader",
    "make_context",
    "start_demo_server",
]
