"""The application context handed to every page and operation (no globals; STYLE.md §4.5).

Built once by the composition root (``app.application``); tests build one around a real
server and ``TaskManager(inline=True)``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.config import Config
    from app.operations import ChangeHub, OperationRunner
    from app.paths import AppPaths
    from app.services.api.endpoints import HojoApi
    from app.services.api.session import Session
    from app.services.cache.drafts import DraftStore
    from app.services.cache.outbox import Outbox
    from app.tasks import TaskManager


@dataclass
class AppContext:
    config: Config
    paths: AppPaths
    tasks: TaskManager
    hub: ChangeHub
    ops: OperationRunner
    session: Session
    api: HojoApi
    drafts: DraftStore
    outbox: Outbox
    demo: bool = False
    server_url: str = ""
    offline: bool = False
    extras: dict[str, object] = field(default_factory=dict)
