"""What the 집행 operations share: their callback types, the 성립 version they run on, and the
one push of the outbox (serialised: one push at a time in this process, so two pushes never
race on one item).

The 사업담당's operations are in ``execution``, the 채주 in ``payees``, and those of the 재무관
and the 지출원 in ``execution_review``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from app.operations import Changes
from app.services.sync.push import PushReport, push_pending
from domain.contracts.budget import VersionOut
from domain.payee import mask_account

if TYPE_CHECKING:
    from app.context import AppContext
    from app.tasks import TaskState

Done = Callable[[Any], None] | None
Err = Callable[[BaseException], None] | None

PAYEES = "/execution/payees"
"""Where a new 채주 is posted (through the outbox, like the documents)."""
_push_lock = threading.Lock()
SENT = Changes(execution=True)
"""What a push may have changed: the other 집행 pages of this client reload."""


def pick_version(versions: list[VersionOut]) -> VersionOut | None:
    """The newest 성립 version (execution runs on an established budget)."""
    established = [v for v in versions if v.state == "성립"]
    return max(established, key=lambda v: (v.fiscal_year, v.created_at), default=None)


def push(ctx: AppContext) -> PushReport:
    """Send every pending outbox item, in order, each with its stored key (one at a time)."""
    with _push_lock:
        report = push_pending(ctx.outbox, ctx.session)
        ctx.outbox.redact_sent(PAYEES, ("account_number",), mask_account)
        return report


def sync(
    ctx: AppContext, on_done: Done = None, on_error: Err = None, *, source: object = None
) -> TaskState:
    """Send what waits in the outbox (after a restart, or when the server is back)."""
    return ctx.ops.run_net(
        "보낼 문서 보내기", lambda _s: push(ctx), SENT, on_done, on_error, source=source
    )
