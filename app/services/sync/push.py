"""Send what waits in the outbox, in order, each with its stored idempotency key.

- Offline / timeout: the item stays pending with the attempt counted (same key next time) and
  the push stops — later items must not overtake it.
- 412: the item is failed and its draft marked as a conflict with the server's current line,
  so the conflict dialog opens (never a silent overwrite).
- Any other refusal: the item is failed with the Korean reason; its draft stays.
- Success: the item is sent; its draft is discarded.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from app.services.api.errors import ApiError, OfflineError, SessionRevoked, StaleError
from app.services.api.session import Session
from app.services.cache.drafts import DraftStore
from app.services.cache.outbox import Outbox
from app.services.cache.records import OutboxItem

log = logging.getLogger(__name__)

CurrentReader = Callable[[OutboxItem], dict[str, Any] | None]


@dataclass
class PushReport:
    sent: int = 0
    failed: int = 0
    conflicts: int = 0
    offline: bool = False
    messages: list[str] = field(default_factory=list)


def push_pending(
    outbox: Outbox,
    session: Session,
    drafts: DraftStore | None = None,
    *,
    read_current: CurrentReader | None = None,
) -> PushReport:
    """Push every pending item; ``read_current`` re-reads the resource after a 412."""
    report = PushReport()
    for item in outbox.pending():
        try:
            response = session.request(
                item.method,
                item.path,
                json=item.body,
                if_match=item.if_match,
                idempotency_key=item.idempotency_key,
            )
        except SessionRevoked:
            raise  # the UI asks for the password; nothing changes here
        except OfflineError as error:
            outbox.record_attempt(item.idempotency_key, error.message)
            report.offline = True
            report.messages.append(error.message)
            return report
        except StaleError as error:
            outbox.mark_failed(item.idempotency_key, error.status, error.detail)
            report.conflicts += 1
            report.messages.append(error.detail)
            current = read_current(item) if read_current else None
            version = error.current_version
            if drafts is not None and item.draft_key and current is not None and version:
                drafts.mark_conflict(item.draft_key, version, current)
            continue
        except ApiError as error:
            outbox.mark_failed(item.idempotency_key, error.status, error.detail)
            report.failed += 1
            report.messages.append(error.detail)
            continue
        outbox.mark_sent(item.idempotency_key, response.status_code)
        report.sent += 1
        if drafts is not None and item.draft_key:
            drafts.discard(item.draft_key)
    return report
