"""문제 신고/진단: write the help-desk diagnostics archive from inside the client.

The same archive as ``hojo --diagnose`` (app.diagnose): versions, effective configuration and
its sources, a TLS/connectivity check against the server, recent logs — redacted, no secrets.
It runs on the network pool (the connectivity check may wait for timeouts); the window is
told the archive's path when it is written.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from app.operations import Changes, OnError

if TYPE_CHECKING:
    from app.context import AppContext
    from app.tasks import TaskState


def default_archive_path(ctx: AppContext) -> Path:
    """Where the archive goes unless the user picks a place: the home folder."""
    from app.diagnose import default_output

    return default_output()


def write_diagnostics(
    ctx: AppContext,
    on_done: Callable[[Path], None] | None = None,
    on_error: OnError | None = None,
    out: Path | None = None,
) -> TaskState:
    """Collect the diagnostics of this run into one zip; ``on_done(path)``."""
    config = ctx.config
    target = out or default_archive_path(ctx)

    def work(_state: TaskState) -> Path:
        from app.diagnose import write_archive

        return write_archive(target, config)

    return ctx.ops.run_net("진단 자료 만들기", work, Changes(), on_done, on_error)
